package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/importer"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/termtext"
	"github.com/spf13/cobra"
)

type importOptions struct {
	file   string
	id     string
	lang   string
	maps   []string          // --map COLUMN=FIELD, as given
	mapped map[string]string // the same, checked
	dryRun bool
}

// importLanguages are the languages --lang takes: those whose headers,
// dates and statuses import reads.
var importLanguages = []string{"fr", "en"}

func newImportCmd(env *Env, g *global) *cobra.Command {
	return newImportCmdRun(env, g, runImport)
}

// newImportCmdRun builds import with run as its body, so tests can check
// the flags without reading a file.
func newImportCmdRun(env *Env, g *global, run func(*Env, *global, *importOptions) error) *cobra.Command {
	opts := &importOptions{}
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Turn a management response in Word, Excel or CSV into records",
		Long: `Read a management response from FILE and write its records: data/ID/
evaluation.yaml and one rec-NN.yaml per recommendation, in the canonical
layout with the schema modeline, and data/ID/IMPORT.md, the import report.

FILE is a Word document in the management response template (.docx), or a
workbook (.xlsx) or CSV file (.csv) with one row per action under a row of
column headers: English, French or as UNDP's Evaluation Resource Centre
exports them (Key Action, Responsible, Due Date, Status, Comments), with
the recommendation's number or text in its own columns. --map names a
column import does not know; FIELD is one of:
` + importFieldsHelp("  ") + `
Rows above the headers may give the evaluation as label and value
(Title, Reference, Commissioning unit, Language, …).

Nothing is invented: a value the source does not give is left out where
the format allows it, else written as a "TODO: …" placeholder that validate
reports. Dates and statuses are normalised with the source's wording kept
beside them (due_text, status_text). Every judgment call, and every value
import could not read, is a note in IMPORT.md with its place in the source
(Sheet!Cell, CSV line, Word table, row and column) and the source's text,
for a reviewer to check in the pull request that adds the records.

Nothing is overwritten: if any file to write exists, nothing is written.

Exit status:
  0  imported: every value was read, and the records validate
  1  imported, but the records need review: a placeholder was written or a
     value could not be read (listed as review:), or validate has findings
  2  usage error: a bad flag or --map, no evaluation id (give --id)
  3  could not run: FILE cannot be read, is not a management response, or
     a file to write exists already (it is named; nothing was written)`,
		Example: `  mrtrack import response.xlsx --dry-run
  mrtrack import response.xlsx --id UNDP-ML-2023
  mrtrack import reponse.csv --lang fr --map 'Observations=action.progress'
  mrtrack import mali-EVO-2024-03.docx`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return withHint(usage("import takes one file, got %d", len(args)), "give the management response to read: mrtrack import FILE")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			if opts.id != "" {
				if err := checkEvaluationID("--id", opts.id); err != nil {
					return err
				}
			}
			if opts.lang != "" && !slices.Contains(importLanguages, opts.lang) {
				return unknownValue(fmt.Errorf("--lang %s: use %s", quoted(opts.lang), strings.Join(importLanguages, " or ")), opts.lang, importLanguages)
			}
			m, err := parseMaps(opts.maps)
			if err != nil {
				return err
			}
			opts.mapped = m
			if len(m) > 0 && strings.EqualFold(filepath.Ext(opts.file), ".docx") {
				return withHint(usage("--map names the columns of a spreadsheet; %s is a Word document", opts.file), "import the .docx without --map: its columns are found by their header text")
			}
			return run(env, g, opts)
		},
	}
	cmd.Flags().StringVar(&opts.id, "id", "", "the evaluation's id (its folder name), when FILE gives none or to use another")
	cmd.Flags().StringVar(&opts.lang, "lang", "", "the language of FILE: fr or en (default: from its headers)")
	cmd.Flags().StringArrayVar(&opts.maps, "map", nil, "COLUMN=FIELD: read the column headed COLUMN as FIELD (repeatable)")
	cmd.Flags().BoolVar(&opts.dryRun, "dry-run", false, "print what would be written; write nothing")
	cmd.RegisterFlagCompletionFunc("id", cobra.NoFileCompletions)
	cmd.RegisterFlagCompletionFunc("lang", fixed(importLanguages))
	cmd.RegisterFlagCompletionFunc("map", completeMap)
	cmd.ValidArgsFunction = func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		exts := make([]string, len(importer.Formats))
		for i, e := range importer.Formats {
			exts[i] = strings.TrimPrefix(e, ".")
		}
		return exts, cobra.ShellCompDirectiveFilterFileExt
	}
	return cmd
}

// importFieldsHelp lists the fields --map takes, wrapped for help when
// indent is not "".
func importFieldsHelp(indent string) string {
	names := make([]string, len(importer.Columns))
	for i, c := range importer.Columns {
		names[i] = string(c)
	}
	list := strings.Join(names, ", ")
	if indent == "" {
		return list
	}
	return indent + strings.Join(termtext.Wrap(list, 78-len(indent)), "\n"+indent)
}

// parseMaps checks the --map pairs: COLUMN=FIELD, a field import knows,
// each column once.
func parseMaps(maps []string) (map[string]string, error) {
	out := map[string]string{}
	for _, m := range maps {
		col, field, ok := strings.Cut(m, "=")
		col, field = strings.TrimSpace(col), strings.TrimSpace(field)
		switch {
		case !ok || col == "":
			return nil, withHint(usage("--map %s: write COLUMN=FIELD", quoted(m)), "e.g. --map 'Observations=action.progress'")
		case !importer.IsColumn(field):
			names := make([]string, len(importer.Columns))
			for i, c := range importer.Columns {
				names[i] = string(c)
			}
			return nil, unknownValue(withHint(fmt.Errorf("--map %s: %s is not a field import fills", quoted(m), quoted(field)), "use one of "+importFieldsHelp("")), field, names)
		case out[col] != "":
			return nil, usage("--map %s: column %s is mapped twice", quoted(m), quoted(col))
		}
		out[col] = field
	}
	return out, nil
}

// completeMap completes the FIELD of --map COLUMN=FIELD; a column name
// cannot be known before FILE is read.
func completeMap(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	col, field, ok := strings.Cut(toComplete, "=")
	if !ok {
		return nil, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	}
	var out []string
	for _, c := range importer.Columns {
		if strings.HasPrefix(string(c), field) {
			out = append(out, col+"="+string(c))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

func runImport(env *Env, g *global, opts *importOptions) error {
	today, err := g.today(env)
	if err != nil {
		return err
	}
	dir, err := g.resolveDataDir(env)
	if err != nil {
		return err
	}
	d, err := readSource(env, opts)
	if err != nil {
		return err
	}
	if d.ID == "" {
		return withHint(usage("%s names no evaluation: give its id with --id", opts.file), "e.g. mrtrack import "+shellWord(opts.file)+" --id EVO-2025-01")
	}
	if err := checkEvaluationID("", d.ID); err != nil {
		return withHint(usage("%s names its evaluation %s, which cannot be a folder name", opts.file, quoted(d.ID)), "give another id with --id")
	}
	files, err := importFiles(env, dir, d, opts.file)
	if err != nil {
		return err
	}
	if err := checkTargets(files); err != nil {
		return err
	}
	findings := checkImported(files, today)
	if opts.dryRun {
		for _, f := range files {
			fmt.Fprint(env.Stdout, f.diff())
		}
	} else {
		if err := writeAll(env, files); err != nil {
			return err
		}
		for _, f := range files {
			fmt.Fprintf(env.Stdout, "created %s\n", escapePath(f.file.Path))
		}
	}
	return importDone(env, d, files, findings, opts.dryRun)
}

// readSource reads FILE with the import readers: a file that is not
// there, not readable or not a management response exits 3, a --map
// naming no column of it 2.
func readSource(env *Env, opts *importOptions) (*importer.Draft, error) {
	data, err := store.Read(env.abs(opts.file), importer.MaxSourceSize)
	var big store.ErrTooLarge
	switch {
	case errors.As(err, &big):
		return nil, cannotRun(withHint(fmt.Errorf("%s: the file is larger than the %d MiB import reads", opts.file, importer.MaxSourceSize>>20), "remove pictures and attachments, or export the table alone"))
	case errors.Is(err, fs.ErrNotExist):
		return nil, cannotRun(withHint(fmt.Errorf("%s: no such file", opts.file), "check the path"))
	case err != nil:
		return nil, cannotRun(withHint(fmt.Errorf("%s: cannot read: %w", opts.file, err), "check that the file is a readable regular file"))
	}
	d, err := importer.Read(opts.file, bytes.NewReader(data), int64(len(data)), importer.Options{ID: opts.id, Lang: opts.lang, Map: opts.mapped})
	var src *importer.SourceError
	var badMap *importer.MapError
	switch {
	case errors.As(err, &badMap):
		return nil, &exitError{code: ExitUsage, err: err}
	case errors.As(err, &src):
		return nil, cannotRun(withHint(src, src.Hint))
	case err != nil:
		return nil, cannotRun(err)
	}
	return d, nil
}
