package ydoc

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

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

// holdsForbidden is the byte filter's reference: decode every rune.
func holdsForbidden(data []byte) bool {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	return IndexForbidden(s) >= 0
}

// The byte-level filter that lets clean files skip the character scan
// must stop at every file the scan would report.
func FuzzCharacterFilter(f *testing.F) {
	for _, s := range []string{"plain ascii text, long enough for words\n", "\x00 in the first word, then more", "a: 1\r\n", "a\r", "\u0085", "\u00a0\u2027\u2028", "\uffef\ufffd\ufffe", "\x1b", "é\x7f", "\r\r\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, encodingOK := checkEncoding(data)
		scansPass := encodingOK && len(checkCharacters(data)) == 0
		if got, want := cleanText(data), scansPass && !bytes.ContainsRune(data, '\r'); got != want {
			t.Fatalf("cleanText(%q) = %v, the scans say %v", data, got, want)
		}
		if !utf8.Valid(data) {
			return
		}
		if got, want := mayHoldForbidden(data), holdsForbidden(data); got != want {
			t.Fatalf("mayHoldForbidden(%q) = %v, the scan says %v", data, got, want)
		}
		if got := len(checkCharacters(data)) > 0; got != holdsForbidden(data) {
			t.Fatalf("checkCharacters(%q) reports %v", data, got)
		}
	})
}

// BenchmarkCharacterFilter is what a clean file pays for the character
// checks: one pass over its bytes.
//
//	go test -run '^$' -bench CharacterFilter ./pkg/ydoc
func BenchmarkCharacterFilter(b *testing.B) {
	data := []byte(strings.Repeat("    progress: \"Réalisé en 2024 : l’équipe a formé 40 agents.\"\r\n", 2000))
	b.Run("filter", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if mayHoldForbidden(data) {
				b.Fatal("clean text flagged")
			}
		}
	})
	lf := bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	if records, _ := filepath.Glob("../../data/*/*.yaml"); len(records) > 0 {
		lf = nil // the bundled records: what a repository holds
		for _, name := range records {
			text, err := os.ReadFile(name)
			if err != nil {
				b.Fatal(err)
			}
			lf = append(lf, text...)
		}
	}
	b.Run("cleanText", func(b *testing.B) {
		b.SetBytes(int64(len(lf)))
		for b.Loop() {
			if !cleanText(lf) {
				b.Fatal("clean text flagged")
			}
		}
	})
	b.Run("utf8+filter", func(b *testing.B) {
		b.SetBytes(int64(len(lf)))
		for b.Loop() {
			if !utf8.Valid(lf) || mayHoldForbidden(lf) {
				b.Fatal("clean text flagged")
			}
		}
	})
}
