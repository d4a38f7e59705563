package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/edit"
	"github.com/mrtrack/mrtrack/pkg/escape"
	"github.com/mrtrack/mrtrack/pkg/export"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/termtext"
	"github.com/spf13/cobra"
)

const exportExitHelp = `Exit status:
  0  written
  1  the evaluation's records have errors (nothing is written), or other
     records do (the document is written, the findings are on stderr)
  2  usage error: no --out, a name that is not .docx, an unknown evaluation,
     or several evaluations and none named
  3  could not run: the file exists (give --force to replace it), is being
     written by another mrtrack, or cannot be written`

type exportOptions struct {
	evaluation string // "" for the default one
	out        string
	force      bool
}

func newExportCmd(env *Env, g *global) *cobra.Command {
	return newExportCmdRun(env, g, runExportDocx)
}

// newExportCmdRun builds export and its formats with run as the body of
// docx, so tests can check the flags without writing a file.
func newExportCmdRun(env *Env, g *global, run func(*Env, *global, *exportOptions) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write a management response as a document for other programs",
		Long: `Write an evaluation's management response as a document that people who do
not use mrtrack can read, print and sign: today a Word document in the UNHCR
template (export docx).

` + exportExitHelp,
	}
	docx := newExportDocxCmd(env, g, run)
	cmd.Example = docx.Example
	cmd.AddCommand(docx)
	return cmd
}

func newExportDocxCmd(env *Env, g *global, run func(*Env, *global, *exportOptions) error) *cobra.Command {
	opts := &exportOptions{}
	cmd := &cobra.Command{
		Use:   "docx [EVALUATION] --out FILE.docx",
		Short: "Write the management response as a Word document (UNHCR template)",
		Long: `Write the management response of EVALUATION as a Word document in the
UNHCR template: the header (title, reference, commissioning entity, due
date, coordinator, approver, date, general comments), then per
recommendation its text, the response checkboxes with management's
response checked, the reasons, the unit responsible, and the planned
actions with who, comments, expected completion date, status and progress
comments. The progress heading says the day: "update on implementation as
of 30 June 2025" (--as-of, default today), in the evaluation's language.

Values are written as the source worded them (due_text, status_text,
owner_text, responsible_text) and otherwise in words ("31 décembre 2024"),
so 'mrtrack import' reads the document back into the same records. What
the template has no place for (tags, priority, evidence, verification,
extensions, history) is not in the document; docs/export.md lists it.

EVALUATION is an evaluation id; without it, the one in $` + query.EnvEvaluation + `,
else the only evaluation in the data. An existing file is never replaced
unless --force; the file is written whole or not at all.

` + exportExitHelp,
		Example: `  mrtrack export docx EVO-2024-03 --out mali-response.docx
  mrtrack export docx --out response.docx --as-of 2025-06-30
  mrtrack export docx EVO-2024-03 --out mali-response.docx --force`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return withHint(usage("export docx takes at most one evaluation, got %d", len(args)), "name one evaluation, e.g. mrtrack export docx EVO-2024-03 --out response.docx")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.evaluation = args[0]
			}
			switch {
			case opts.out == "":
				return withHint(usage("--out is required: the Word file to write"), "e.g. --out response.docx")
			case !strings.EqualFold(filepath.Ext(opts.out), ".docx"):
				return withHint(usage("--out %s: the file name must end in .docx", opts.out), "Word opens a .docx by its name, e.g. --out response.docx")
			}
			return run(env, g, opts)
		},
	}
	cmd.Flags().StringVar(&opts.out, "out", "", "the Word file to write (required; must end in .docx)")
	cmd.Flags().BoolVar(&opts.force, "force", false, "replace the file if it exists")
	cmd.RegisterFlagCompletionFunc("out", cobra.FixedCompletions([]string{"docx"}, cobra.ShellCompDirectiveFilterFileExt))
	return cmd
}

func runExportDocx(env *Env, g *global, opts *exportOptions) error {
	today, err := g.today(env)
	if err != nil {
		return err
	}
	data, err := g.loadData(env)
	if err != nil {
		return err
	}
	e, err := exportedEvaluation(env, data, opts.evaluation)
	if err != nil {
		return err
	}
	if n := filesWithErrors(data, e.ID); n > 0 {
		return &exitError{code: ExitFindings, err: withHint(
			fmt.Errorf("%s has %s with errors, left out: the document would miss what they hold; nothing was written", escape.Line(e.ID), termtext.Plural(n, "file")),
			"fix them (mrtrack validate), then run the command again")}
	}
	var doc bytes.Buffer
	if err := export.Docx(&doc, e, export.Options{AsOf: today}); err != nil {
		return cannotRun(fmt.Errorf("internal: %w", err))
	}
	if err := writeOut(env, opts, doc.Bytes()); err != nil {
		return err
	}
	actions := 0
	for _, r := range e.Recommendations {
		actions += len(r.Actions)
	}
	fmt.Fprintf(env.Stdout, "%s: the management response of %s, %s, %s, progress as of %s\n",
		escape.Line(opts.out), escape.Line(e.ID), termtext.Plural(len(e.Recommendations), "recommendation"), termtext.Plural(actions, "action"), today)
	return data.finish(nil)
}

// exportedEvaluation is the evaluation id names, else the default one:
// $MRTRACK_EVALUATION's, else the only one.
func exportedEvaluation(env *Env, data *dataResult, id string) (*model.Evaluation, error) {
	if id != "" {
		e, err := query.FindEvaluation(data.Evaluations, id)
		if err == nil {
			return e, nil
		}
		if t, itemErr := resolveTarget(env, data.Evaluations, id); itemErr == nil {
			return nil, withHint(usage("%s is %s; export writes a whole evaluation", escape.Line(t.ID()), withArticle(t.Kind)),
				"name its evaluation: mrtrack export docx "+escape.Line(t.Evaluation.ID)+" --out FILE.docx")
		}
		return nil, data.finish(&missingID{id, idError("", err)})
	}
	def, err := defaultEvaluation(env, data.Evaluations)
	if err != nil || def != nil {
		return def, err
	}
	var ids []string
	for _, e := range data.Evaluations {
		ids = append(ids, escape.Line(e.ID))
	}
	switch len(ids) {
	case 1:
		return data.Evaluations[0], nil
	case 0:
		if data.Stats.Errors > 0 {
			return nil, failed() // the evaluation files were left out; their findings are printed
		}
		return nil, withHint(usage("the data folder holds no evaluation"), "create one with: mrtrack new evaluation ID")
	}
	return nil, withHint(usage("the data holds %d evaluations (%s): name the one to export", len(ids), strings.Join(ids, ", ")),
		"e.g. mrtrack export docx "+ids[0]+" --out FILE.docx, or set $"+query.EnvEvaluation)
}

// filesWithErrors counts the files of evaluation id left out for their
// errors.
func filesWithErrors(data *dataResult, id string) int {
	n := 0
	for _, f := range data.Files {
		if f.Folder == id && !f.Usable() {
			n++
		}
	}
	return n
}

// writeOut writes the document through the edit path: a new file
// exclusively, an existing one with --force only, atomically either way.
func writeOut(env *Env, opts *exportOptions, doc []byte) error {
	abs := opts.out
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(env.Cwd, abs)
	}
	f := edit.File{Path: opts.out, Abs: abs}
	if fi, err := os.Stat(filepath.Dir(abs)); err != nil || !fi.IsDir() {
		return cannotRun(withHint(fmt.Errorf("%s: no folder %s", escape.Line(opts.out), escape.Line(filepath.Dir(opts.out))), "create the folder first, or give another --out"))
	}
	err := edit.Create(f, doc)
	var exists *edit.ExistsError
	if errors.As(err, &exists) {
		if !opts.force {
			return cannotRun(withHint(err, "give --force to replace it, or another --out"))
		}
		if fi, statErr := os.Stat(abs); statErr == nil && fi.IsDir() {
			return cannotRun(withHint(&fs.PathError{Op: "write", Path: opts.out, Err: errors.New("is a folder")}, "give a file name, e.g. --out "+filepath.Join(opts.out, "response.docx")))
		}
		_, err = edit.Rewrite(f, func([]byte) ([]byte, error) { return doc, nil })
	}
	if err != nil {
		return editFailed(env, err, ExitCannotRun)
	}
	return nil
}
