package export

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/load"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// asOf is the day the tests' documents are measured against.
var asOf = civil.New(2025, time.June, 30)

// mali loads the bundled Mali management response.
func mali(t testing.TB) *model.Evaluation {
	t.Helper()
	schemas, err := validate.LoadSchemas()
	if err != nil {
		t.Fatal(err)
	}
	res, err := load.Load(schemas, load.Options{Paths: []string{"../../data/EVO-2024-03"}, Cwd: ".", Limits: store.DefaultLimits})
	if err != nil {
		t.Fatal(err)
	}
	if res.Stats.Errors > 0 || len(res.Evaluations) != 1 {
		t.Fatalf("the Mali data loads with %d errors and %d evaluations", res.Stats.Errors, len(res.Evaluations))
	}
	return res.Evaluations[0]
}

func export(t testing.TB, e *model.Evaluation) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Docx(&buf, e, Options{AsOf: asOf}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// parts reads the zip back: each part's name and bytes.
func readParts(t testing.TB, b []byte) (map[string][]byte, []*zip.File) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = data
	}
	return out, z.File
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./pkg/export -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from what Docx writes now; review with -update and git diff", path)
	}
}

// The Mali response's document.xml, and the whole file's hash: the same
// records and day give the same bytes.
func TestDocxGolden(t *testing.T) {
	b := export(t, mali(t))
	if again := export(t, mali(t)); !bytes.Equal(b, again) {
		t.Fatal("two exports of the same records differ")
	}
	parts, files := readParts(t, b)
	for _, f := range files {
		if !f.Modified.Equal(zipTime) {
			t.Errorf("%s: modified %v, want the fixed %v", f.Name, f.Modified, zipTime)
		}
	}
	if files[0].Name != "[Content_Types].xml" {
		t.Errorf("first part is %s, want [Content_Types].xml", files[0].Name)
	}
	golden(t, "mali-document.xml.golden", parts["word/document.xml"])
	golden(t, "mali-docx.sha256.golden", fmt.Appendf(nil, "%x\n", sha256.Sum256(b)))
}

// Every template file is a part of the document, and every part is
// well-formed XML.
func TestDocxWellFormed(t *testing.T) {
	var embedded []string
	fs.WalkDir(parts, "docx", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			embedded = append(embedded, strings.TrimPrefix(path, "docx/"))
		}
		return err
	})
	if !slices.Equal(slices.Sorted(slices.Values(embedded)), slices.Sorted(slices.Values(partNames))) {
		t.Errorf("template files %v, parts written %v", embedded, partNames)
	}
	written, _ := readParts(t, export(t, mali(t)))
	if len(written) != len(partNames) {
		t.Errorf("%d parts, want %d", len(written), len(partNames))
	}
	for name, data := range written {
		d := xml.NewDecoder(bytes.NewReader(data))
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Errorf("%s: %v", name, err)
				break
			}
		}
	}
}

// Text that is markup elsewhere is text in the document: every value is
// escaped, and a line break is a w:br.
func TestDocxEscapes(t *testing.T) {
	e := mali(t)
	hostile := `</w:t></w:r><w:r><w:t>injected & "quoted" <b>`
	e.Title = hostile
	e.Recommendations[0].Actions[0].Title = "first line\nsecond <line>"
	parts, _ := readParts(t, export(t, e))
	doc := string(parts["word/document.xml"])
	if strings.Contains(doc, "<w:t>injected") {
		t.Error("a title broke out of its w:t")
	}
	for _, want := range []string{
		`&lt;/w:t&gt;&lt;/w:r&gt;&lt;w:r&gt;&lt;w:t&gt;injected &amp; &#34;quoted&#34; &lt;b&gt;`,
		`first line</w:t><w:br/><w:t xml:space="preserve">second &lt;line&gt;`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if core := string(parts["docProps/core.xml"]); !strings.Contains(core, "&lt;/w:t&gt;") {
		t.Errorf("core.xml does not escape the title:\n%s", core)
	}
}
