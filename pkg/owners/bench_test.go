package owners_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/internal/gen"
	"github.com/mrtrack/mrtrack/pkg/load"
	"github.com/mrtrack/mrtrack/pkg/owners"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
)

// BenchmarkAttach measures what owners.yaml adds to a load of the whole
// data folder: reading and checking the file, comparing it with every
// action's owner, and with .github/CODEOWNERS.
//
//	go test -run '^$' -bench Attach -benchmem ./pkg/owners
func BenchmarkAttach(b *testing.B) {
	schemas, err := validate.LoadSchemas()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprintf("recs=%d", n), func(b *testing.B) {
			root := b.TempDir()
			dir := filepath.Join(root, "data")
			if _, err := gen.Write(dir, gen.Options{Seed: 1, Recommendations: n}); err != nil {
				b.Fatal(err)
			}
			opts := load.Options{Paths: []string{dir}, Cwd: root, Limits: store.DefaultLimits, DataDir: dir}
			res, err := load.Load(schemas, opts)
			if err != nil {
				b.Fatal(err)
			}
			var list strings.Builder
			list.WriteString(owners.Modeline + "\noffice: {name: Office, email: o@example.org, github: \"@example-org/office\"}\nowners:\n")
			seen := map[string]bool{}
			for _, u := range owners.Uses(res.Evaluations) {
				if k := query.Fold(u.Owner); !seen[k] {
					seen[k] = true
					fmt.Fprintf(&list, "  - name: %q\n    emails: [u%d@example.org]\n    github: \"@example-org/u%d\"\n", u.Owner, len(seen), len(seen))
				}
			}
			if err := os.WriteFile(filepath.Join(dir, owners.FileName), []byte(list.String()), 0o644); err != nil {
				b.Fatal(err)
			}
			res, _ = load.Load(schemas, opts)
			b.ReportAllocs()
			for b.Loop() {
				r := *res
				r.Findings = append(r.Findings[:0:0], res.Findings...)
				if owners.Attach(&r, opts) == nil || len(r.Findings) != len(res.Findings) {
					b.Fatalf("owners.yaml: %v", r.Findings)
				}
			}
		})
	}
}
