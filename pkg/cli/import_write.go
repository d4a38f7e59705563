package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/diff"
	"github.com/mrtrack/mrtrack/pkg/edit"
	"github.com/mrtrack/mrtrack/pkg/escape"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/format"
	"github.com/mrtrack/mrtrack/pkg/importer"
	"github.com/mrtrack/mrtrack/pkg/printers"
	"github.com/mrtrack/mrtrack/pkg/termtext"
	"github.com/mrtrack/mrtrack/pkg/validate"
	"go.yaml.in/yaml/v3"
)

// importFile is one file import writes, with its text.
type importFile struct {
	file   edit.File
	text   []byte
	record bool // a record, which validate checks (IMPORT.md is not)
}

func (f importFile) diff() string {
	return diff.Unified("/dev/null", "b/"+f.file.Path, nil, f.text)
}

// importFiles lays out the draft as the files of data/ID: evaluation.yaml,
// the recommendations, and the report.
func importFiles(env *Env, dir string, d *importer.Draft, source string) ([]importFile, error) {
	folder := filepath.Join(dir, d.ID)
	var files []importFile
	add := func(name string, text []byte, record bool) {
		files = append(files, importFile{file: newFile(env, dir, filepath.Join(folder, name)), text: text, record: record})
	}
	bodies := []*yaml.Node{d.Evaluation}
	names := []string{validate.EvaluationFile}
	for _, r := range d.Recommendations {
		n, err := draftRecNumber(r)
		if err != nil {
			return nil, cannotRun(err)
		}
		bodies, names = append(bodies, r), append(names, validate.RecFileName(n))
	}
	for i, b := range bodies {
		text, err := format.Record(names[i], b)
		if err != nil {
			return nil, cannotRun(fmt.Errorf("%s: %w", names[i], err))
		}
		add(names[i], text, true)
	}
	add(importer.ReportFile, []byte(importer.Report(d, filepath.Base(source), names)), false)
	return files, nil
}

// draftRecNumber is the number a recommendation's mapping holds.
func draftRecNumber(r *yaml.Node) (int, error) {
	if v := edit.Lookup(r, numberField); v != nil {
		var n int
		if _, err := fmt.Sscanf(v.Value, "%d", &n); err == nil && n >= 1 && n <= edit.MaxNumber {
			return n, nil
		}
	}
	return 0, errors.New("internal: import made a recommendation without a number")
}

// newFile names a file inside the data folder dir as the user sees it.
func newFile(env *Env, dir, abs string) edit.File {
	f := edit.File{Path: abs, Abs: abs, Root: dir}
	if rel, err := filepath.Rel(env.Cwd, abs); err == nil {
		f.Path = filepath.ToSlash(rel)
	}
	return f
}

// checkTargets refuses the import, before anything is written, when any
// of its files exists: an import never overwrites a record.
func checkTargets(files []importFile) error {
	for _, f := range files {
		if _, err := os.Lstat(f.file.Abs); err == nil || !errors.Is(err, fs.ErrNotExist) {
			return cannotRun(withHint(fmt.Errorf("%s already exists; nothing was written", f.file.Path),
				"import into another evaluation id (--id), or move the existing records away first"))
		}
	}
	return nil
}

// checkImported validates the records as written.
func checkImported(files []importFile, today civil.Date) []finding.Finding {
	schemas, err := validate.LoadSchemas()
	if err != nil {
		panic("import: the embedded schemas do not load: " + err.Error())
	}
	var out []finding.Finding
	for _, f := range files {
		if f.record {
			out = append(out, schemas.CheckAsOf(f.file.Path, f.file.Abs, f.text, today).Findings...)
		}
	}
	return out
}

// writeAll creates every file or none: if one cannot be created, the
// ones created before it are removed again (they are new, and hold only
// what this import wrote).
func writeAll(env *Env, files []importFile) error {
	folder := filepath.Dir(files[0].file.Abs)
	_, err := os.Lstat(folder)
	newFolder := errors.Is(err, fs.ErrNotExist)
	for i, f := range files {
		if err := edit.Create(f.file, f.text); err != nil {
			for _, done := range files[:i] {
				os.Remove(done.file.Abs)
			}
			if newFolder {
				os.Remove(folder) // fails, leaving it, if anything else is in it now
			}
			return editFailed(env, err, ExitCannotRun)
		}
	}
	return nil
}

// importDone prints the notes and the findings, and decides the exit:
// 1 when anything needs a person.
func importDone(env *Env, d *importer.Draft, files []importFile, findings []finding.Finding, dryRun bool) error {
	actions := 0
	for _, r := range d.Recommendations {
		if a := edit.Lookup(r, "actions"); a != nil {
			actions += len(a.Content)
		}
	}
	review := 0
	for _, n := range d.Notes {
		if n.Review {
			review++
		}
	}
	verb := "imported"
	if dryRun {
		verb = "would import"
	}
	report := files[len(files)-1].file.Path
	fmt.Fprintf(env.Stdout, "%s %s: %s, %s; %s, %d to review (%s)\n", verb, escape.Line(d.ID),
		termtext.Plural(len(d.Recommendations), "recommendation"), termtext.Plural(actions, "action"),
		termtext.Plural(len(d.Notes), "note"), review, escapePath(report))
	importer.WriteNotes(env.Stdout, d.Notes)
	if len(findings) > 0 {
		fmt.Fprintln(env.Stdout, "validate:")
		printers.Text{}.Findings(env.Stdout, findings)
	}
	if review > 0 || len(findings) > 0 {
		return failed()
	}
	return nil
}

func escapePath(p string) string { return escape.Line(strings.TrimPrefix(p, "./")) }
