package load

import (
	"errors"
	"fmt"
	"github.com/mrtrack/mrtrack/pkg/civil"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/mrtrack/mrtrack/internal/hostile"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
)

// A file listed and then gone before it is read is an unreadable file,
// placed on the file: a finding, not a failure of the run.
func TestFileVanishedAfterListing(t *testing.T) {
	schemas, err := validate.LoadSchemas()
	if err != nil {
		t.Fatal(err)
	}
	abs := filepath.Join(t.TempDir(), "E-1", "rec-01.yaml")
	f, _ := checkOne(schemas, new(ydoc.Parser), nil, store.File{Path: "E-1/rec-01.yaml", Abs: abs}, store.DefaultLimits.MaxFileSize, civil.Date{})
	if len(f.Findings) != 1 || f.Valid() {
		t.Fatalf("findings = %+v", f.Findings)
	}
	got := f.Findings[0]
	if got.Rule != finding.RuleUnreadable || got.File != "E-1/rec-01.yaml" || got.Line != 1 || !strings.Contains(got.Message, "no such file") {
		t.Errorf("finding = %+v", got)
	}
}

// Files deleted, rewritten and turned into folders while loads run end in
// findings or in records, never in an error, a panic or a hang; the race
// detector (go test -race) checks the loader's own goroutines meanwhile.
func TestFilesChangingDuringLoad(t *testing.T) {
	dir := t.TempDir()
	e := filepath.Join(dir, "E-1")
	if err := os.Mkdir(e, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(e, "evaluation.yaml"), []byte(hostile.Evaluation), 0o644); err != nil {
		t.Fatal(err)
	}
	const n = 40
	rec := func(i int) (string, []byte) {
		body := strings.Replace(hostile.Recommendation, "number: 1\n", fmt.Sprintf("number: %d\n", i), 1)
		return filepath.Join(e, fmt.Sprintf("rec-%02d.yaml", i)), []byte(body)
	}
	for i := 1; i <= n; i++ {
		p, b := rec(i)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			p, b := rec(i%n + 1)
			os.Remove(p)
			if i%5 == 0 {
				os.Mkdir(p, 0o755)
				os.Remove(p)
			}
			os.WriteFile(p, b, 0o644)
		}
	})
	schemas, err := validate.LoadSchemas()
	if err != nil {
		t.Fatal(err)
	}
	for range 30 {
		res, err := Load(schemas, Options{Paths: []string{"."}, Cwd: dir, Limits: store.DefaultLimits})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Findings {
			if f.File == "" || f.Rule == "" || f.Message == "" {
				t.Errorf("malformed finding %+v", f)
			}
		}
	}
	close(stop)
	wg.Wait()
}

// A usable file that the model cannot read is an error even when its only
// other findings are warnings: validate must not pass a file the query
// commands then leave out.
func TestDecodeFailureWithWarnings(t *testing.T) {
	schemas, err := validate.LoadSchemas()
	if err != nil {
		t.Fatal(err)
	}
	body := strings.TrimPrefix(hostile.Recommendation, "# yaml-language-server: $schema=../../schema/recommendation.schema.json\n")
	f := schemas.Check("E-1/rec-01.yaml", "/data/E-1/rec-01.yaml", []byte(body))
	if _, warns := finding.Count(f.Findings); !f.Usable() || warns != 1 {
		t.Fatalf("want a usable file with one warning (no modeline): %+v", f.Findings)
	}
	_, fs := assemble([]checked{{file: f, decodeErr: errors.New("boom")}}, nil)
	if len(fs) != 1 || fs[0].Severity != finding.Error || fs[0].Message != "cannot read record: boom" {
		t.Errorf("findings = %+v", fs)
	}
}
