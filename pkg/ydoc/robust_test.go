package ydoc

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/finding"
)

// Duplicate keys are found the same way in a record's small mappings,
// compared pair by pair, and in large ones, looked up in a map.
func TestDuplicateKeysSmallAndLarge(t *testing.T) {
	for _, n := range []int{3, smallMapping, smallMapping + 1, 1000} {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "k%d: %d\n", i, i)
		}
		b.WriteString("k1: again\n'k2': quoted\n")
		_, probs := Parse([]byte(b.String()))
		var got []string
		for _, p := range probs {
			if p.Rule == finding.RuleDuplicateKey {
				got = append(got, fmt.Sprintf("%d:%d %s", p.Line, p.Col, p.Message))
			}
		}
		want := []string{
			fmt.Sprintf(`%d:1 key "k1" appears twice (first at line 2)`, n+1),
			fmt.Sprintf(`%d:1 key "k2" appears twice (first at line 3)`, n+2),
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%d keys: duplicates\n%s\nwant\n%s", n, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}
