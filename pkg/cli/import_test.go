package cli

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestImportFlags(t *testing.T) {
	env, _, _ := queryEnv(false, 0, nil)
	var got *importOptions
	stub := func(_ *Env, _ *global, o *importOptions) error { got = o; return nil }
	err := execute(newImportCmdRun(env, &global{}, stub), "r.xlsx", "--id", "E-1", "--lang", "fr", "--map", " Lead = action.owner", "--map", "Notes=skip", "--dry-run")
	if err != nil {
		t.Fatal(err)
	}
	if got.file != "r.xlsx" || got.id != "E-1" || got.lang != "fr" || !got.dryRun || len(got.mapped) != 2 || got.mapped["Lead"] != "action.owner" || got.mapped["Notes"] != "skip" {
		t.Errorf("options = %+v", got)
	}
}

func TestImportCompletesMapFields(t *testing.T) {
	got, _ := completeMap(nil, nil, "Lead=action.d")
	if want := []string{"Lead=action.description", "Lead=action.due"}; !slices.Equal(got, want) {
		t.Errorf("completions = %q, want %q", got, want)
	}
	if got, _ := completeMap(nil, nil, "Lea"); got != nil {
		t.Errorf("a column name cannot be completed, got %q", got)
	}
}

// importIn runs mrtrack import in a folder holding data/ and the file
// name with content, and returns the exit code and stderr.
func importIn(t *testing.T, name string, content []byte) (int, string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, filepath.Join(dir, name), string(content))
	var out, errs bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errs, Cwd: dir, Getenv: func(string) string { return "" },
		Now: func() time.Time { return time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC) }}
	code := Main([]string{"import", name, "--id", "E-1"}, env)
	if entries, _ := os.ReadDir(filepath.Join(dir, "data")); code == ExitCannotRun && len(entries) > 0 {
		t.Errorf("%s: exit 3 left %d entries in data/", name, len(entries))
	}
	return code, errs.String()
}

// zipOf is a zip archive of the files given as name, content pairs; a
// name ending in "!" has its content declared size bytes long.
func zipOf(t *testing.T, declared uint64, files ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for i := 0; i < len(files); i += 2 {
		name, body := files[i], files[i+1]
		if lying, ok := strings.CutSuffix(name, "!"); ok {
			var packed bytes.Buffer
			fw, _ := flate.NewWriter(&packed, flate.BestCompression)
			fw.Write([]byte(body))
			fw.Close()
			h := &zip.FileHeader{Name: lying, Method: zip.Deflate, CompressedSize64: uint64(packed.Len()), UncompressedSize64: declared}
			raw, err := w.CreateRaw(h)
			if err != nil {
				t.Fatal(err)
			}
			raw.Write(packed.Bytes())
			continue
		}
		f, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(body))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The hostile files a testscript cannot hold (binary or large): each is a
// clear error, exit 3, and nothing written.
func TestImportHostileFiles(t *testing.T) {
	const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData></sheetData></worksheet>`
	zeros := strings.Repeat("\x00", 20<<20)
	huge := "Rec No,Recommendation,Key Action\n1,Do it.," + strings.Repeat("x", 300<<10) + "\n"
	var many strings.Builder
	many.WriteString("Rec No,Recommendation,Key Action\n")
	for i := 0; i < 20_001; i++ {
		fmt.Fprintf(&many, "1,Do it.,Action %d\n", i)
	}
	tests := []struct {
		name    string
		content []byte
		msg     string
	}{
		{"hello.xlsx", zipOf(t, 0, "hello.txt", "hello"), "hello.xlsx: not an Excel workbook"},
		{"hello.docx", zipOf(t, 0, "hello.txt", "hello"), "hello.docx: "},
		{"bomb.xlsx", zipOf(t, 1<<40, "[Content_Types].xml", "<Types/>", "xl/worksheets/sheet1.xml!", sheet), "unpacks to more than the 128 MiB import reads"},
		// Declared small, it inflates to 20 MiB: the zip reader stops at
		// the declared size.
		{"liar.xlsx", zipOf(t, 100, "[Content_Types].xml", "<Types/>", "xl/workbook.xml!", zeros), "liar.xlsx: not an Excel workbook"},
		{"huge-line.csv", []byte(huge), "huge-line.csv: line 2, column 3: a cell of 307200 bytes, longer than the 262144 import takes"},
		{"many.csv", []byte(many.String()), "many.csv: line 20001: more than 20000 rows"},
		{"utf16.csv", []byte("\xff\xfeR\x00e\x00c\x00"), "utf16.csv: the text is UTF-16, not UTF-8"},
		{"nul.csv", []byte("Rec No,Key Action\n1,\x00\n"), "a binary file, not CSV text"},
	}
	for _, tt := range tests {
		code, stderr := importIn(t, tt.name, tt.content)
		if code != ExitCannotRun || !strings.Contains(stderr, tt.msg) || !strings.Contains(stderr, "\nhint: ") {
			t.Errorf("%s: exit %d, stderr\n%s\nwant exit 3, %q and a hint", tt.name, code, stderr, tt.msg)
		}
	}
}
