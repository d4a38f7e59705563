package validate

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestSlowCandidates(t *testing.T) {
	s, _ := LoadSchemas()
	size, _ := strconv.Atoi(os.Getenv("SIZE"))
	which := os.Getenv("WHICH")
	var in string
	switch which {
	case "manyKeys":
		var b strings.Builder
		b.WriteString("number: 1\n")
		for i := 0; b.Len() < size; i++ {
			fmt.Fprintf(&b, "k%d: 1\n", i)
		}
		in = b.String()
	case "longKey":
		in = "number: 1\n" + strings.Repeat("x", size) + ": 1\n"
	case "manyActions":
		var c strings.Builder
		c.WriteString("number: 1\ntitle: t\ntext: t\nresponse: agree\nresponsible: [a]\nactions:\n")
		for i := 0; c.Len() < size; i++ {
			fmt.Fprintf(&c, "  - {number: %d, titl: x, due: 2024-02-30, status: done}\n", i+1)
		}
		in = c.String()
	}
	start := time.Now()
	f := s.Check("rec-01.yaml", "/d/E/rec-01.yaml", []byte(in))
	t.Logf("%s: %d bytes, %d findings, %v", which, len(in), len(f.Findings), time.Since(start))
}
