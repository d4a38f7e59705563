package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mrtrack/mrtrack/internal/lazyregexp"
	"github.com/mrtrack/mrtrack/pkg/edit"
	"github.com/mrtrack/mrtrack/pkg/escape"
	"github.com/mrtrack/mrtrack/pkg/owners"
	"github.com/mrtrack/mrtrack/pkg/scaffold"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/spf13/cobra"
)

type initOptions struct {
	dir          string // the repository's folder, made if missing
	organization string // --organization: GitHub organization, or ""
	lang         string // --lang: the officers' README
	version      string // the release the repository pins, v1.2.3
}

// githubName is what GitHub allows as an organization or user name.
var githubName = lazyregexp.New(`^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$`)

// langNames name the README's languages in init's report.
var langNames = map[string]string{"en": "English", "fr": "French"}

func newInitCmd(env *Env) *cobra.Command {
	return newInitCmdRun(env, currentBuild().Version, runInit)
}

// newInitCmdRun builds init with run as its body, and binary as the
// version of the running mrtrack, so tests can check the flags without
// writing anything.
func newInitCmdRun(env *Env, binary string, run func(*Env, *initOptions) error) *cobra.Command {
	opts := &initOptions{}
	var release string
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Set up a repository of records: CI, pre-commit, editor settings",
		Long: `Set up a repository for an evaluation office's records in DIR (default: the
current folder), empty or an existing git checkout without records:

  data/README.md        for officers: adding, updating, how a change is checked
  data/owners.yaml      who owns the actions (a commented skeleton)
  .github/CODEOWNERS    with --organization: the office owns every record
                        file (mrtrack codeowners writes it again later)
  schema/               the schemas the records' first line points at, so
                        editors work offline
  .github/workflows/validate.yml   validate every pull request, annotated
  .github/workflows/follow-up.yml  weekly: an issue per owner with what is
                        overdue (mrtrack issues), the HTML report, round status
  .github/workflows/report.yml     quarterly: the report, kept as an artifact
  .pre-commit-config.yaml          validate before each commit
  .vscode/settings.json the schemas mapped for the YAML extension
  .editorconfig, .gitattributes    LF line endings, two-space indents

The workflows and pre-commit install mrtrack at one pinned release, its
archive checked against the release's checksums.txt: --from-release, else
this mrtrack's own version when it is a release. Nothing is ever
overwritten: if any of these files exists, or data/ holds anything, init
lists them and writes nothing. 'mrtrack validate' passes on the result, and
'mrtrack new evaluation' adds the first evaluation.

Exit status:
  0  the repository was written
  2  usage error: a bad flag, or no release to pin (this mrtrack is not one;
     pass --from-release)
  3  could not run: a file init would write exists, data/ holds records, or
     DIR cannot be written (what was written is removed again)`,
		Example: `  mrtrack init
  mrtrack init evaluation-records --organization my-office --lang fr
  mrtrack init --from-release v0.3.0`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.dir = "."
			if len(args) == 1 {
				opts.dir = args[0]
			}
			if !slices.Contains(scaffold.Langs, opts.lang) {
				return unknownValue(usage("--lang %s is not a language init writes: use %s", quoted(opts.lang), strings.Join(scaffold.Langs, " or ")), opts.lang, scaffold.Langs)
			}
			if opts.organization != "" && !githubName.MatchString(opts.organization) {
				return &exitError{code: ExitUsage, err: withHint(fmt.Errorf("--organization %s is not a GitHub organization name", quoted(opts.organization)),
					"use letters, digits and single hyphens, as in github.com/NAME")}
			}
			var err error
			if opts.version, err = releaseToPin(release, binary); err != nil {
				return err
			}
			return run(env, opts)
		},
	}
	cmd.Flags().StringVar(&opts.organization, "organization", "", "the GitHub organization the repository belongs to: owners.yaml names its teams @NAME/…")
	cmd.Flags().StringVar(&opts.lang, "lang", "en", "language of the officers' README: "+strings.Join(scaffold.Langs, " or "))
	cmd.Flags().StringVar(&release, "from-release", "", "the mrtrack release CI and pre-commit install, v1.2.3 (default: this mrtrack's version)")
	cmd.ValidArgsFunction = func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveFilterDirs
	}
	return cmd
}

// releaseToPin is the version the new repository pins: --from-release,
// else the running binary's, which must then be a release.
func releaseToPin(flag, binary string) (string, error) {
	if flag != "" {
		v, err := scaffold.ReleaseVersion(flag)
		if err != nil {
			return "", &exitError{code: ExitUsage, err: withHint(fmt.Errorf("--from-release: %w", err), "name a tag of github.com/mrtrack/mrtrack/releases, e.g. --from-release v0.1.0")}
		}
		return v, nil
	}
	v, err := scaffold.ReleaseVersion(binary)
	if err != nil {
		return "", &exitError{code: ExitUsage, err: withHint(fmt.Errorf("this mrtrack is %s, not a release, so there is no version for CI to install", quoted(binary)),
			"pass --from-release VERSION, the release to pin (github.com/mrtrack/mrtrack/releases)")}
	}
	return v, nil
}

func runInit(env *Env, opts *initOptions) error {
	var schemas []scaffold.Schema
	for _, s := range schemaFiles {
		schemas = append(schemas, scaffold.Schema{File: s.file, Data: s.data})
	}
	files, err := scaffold.Files(scaffold.Params{Version: opts.version, Organization: opts.organization, Lang: opts.lang, Schemas: schemas})
	if err != nil {
		return cannotRun(err)
	}
	root := filepath.Clean(env.abs(opts.dir))
	if fi, err := os.Stat(root); err == nil && !fi.IsDir() {
		return cannotRun(fmt.Errorf("%s is not a folder", opts.dir))
	}
	if files, err = withCodeowners(root, files); err != nil {
		return cannotRun(err)
	}
	if taken, err := existing(root, files); err != nil {
		return cannotRun(err)
	} else if len(taken) > 0 {
		return cannotRun(withHint(fmt.Errorf("nothing was written: %s already holds\n  %s", opts.dir, strings.Join(taken, "\n  ")),
			"run init in an empty folder, or move these away first"))
	}
	made := newFolders(root, files)
	if err := store.MakeFolder(root); err != nil {
		return cannotRun(err)
	}
	var written []string
	for _, f := range files {
		abs := filepath.Join(root, filepath.FromSlash(f.Path))
		err := edit.Create(edit.File{Path: filepath.ToSlash(filepath.Join(opts.dir, f.Path)), Abs: abs, Root: root}, f.Data)
		if err != nil {
			// All or nothing: what this run wrote goes again, files
			// first, then the folders it made, deepest first.
			for _, p := range append(written, made...) {
				os.Remove(p)
			}
			return editFailed(env, err, ExitCannotRun)
		}
		written = append(written, abs)
	}
	return reportInit(env, opts, root, files)
}

// newFolders lists the folders that writing files under root will make,
// root included, deepest first.
func newFolders(root string, files []scaffold.File) []string {
	var made []string
	for _, f := range files {
		for dir := filepath.Dir(filepath.Join(root, filepath.FromSlash(f.Path))); ; dir = filepath.Dir(dir) {
			if _, err := os.Lstat(dir); err == nil || slices.Contains(made, dir) {
				break
			}
			made = append(made, dir)
			if dir == root {
				break
			}
		}
	}
	slices.SortFunc(made, func(a, b string) int { return len(b) - len(a) })
	return made
}

// withCodeowners adds .github/CODEOWNERS to files, as 'mrtrack
// codeowners' makes it from the owners.yaml being written, when that
// names the office's GitHub team (--organization): the office owns the
// data folder. Without a team there is no one to name yet, and in a
// subfolder of a git checkout the file belongs to the checkout's root;
// either way 'mrtrack codeowners' writes it later.
func withCodeowners(root string, files []scaffold.File) ([]scaffold.File, error) {
	i := slices.IndexFunc(files, func(f scaffold.File) bool { return f.Path == "data/"+owners.FileName })
	if i < 0 {
		return files, nil
	}
	list, findings := owners.Parse(files[i].Path, files[i].Data)
	if list == nil {
		return nil, fmt.Errorf("internal: the owners.yaml init writes does not validate: %v", findings)
	}
	target, dataPath := owners.CodeownersTarget(filepath.Join(root, "data"))
	if list.Office.GitHub == "" || target != filepath.Join(root, filepath.FromSlash(owners.CodeownersPath)) {
		return files, nil
	}
	text, err := owners.CODEOWNERS(list, dataPath, nil)
	if err != nil {
		return nil, fmt.Errorf("internal: %w", err)
	}
	files = append(files, scaffold.File{Path: owners.CodeownersPath, Data: text})
	slices.SortFunc(files, func(a, b scaffold.File) int { return strings.Compare(a.Path, b.Path) })
	return files, nil
}

// existing lists, relative to root, the files init would write that
// exist already, and what data/ holds besides: a folder of records.
func existing(root string, files []scaffold.File) ([]string, error) {
	var taken []string
	for _, f := range files {
		if _, err := os.Lstat(filepath.Join(root, filepath.FromSlash(f.Path))); err == nil {
			taken = append(taken, f.Path)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	entries, err := os.ReadDir(filepath.Join(root, "data"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	for _, e := range entries {
		name := "data/" + e.Name()
		if e.IsDir() {
			name += "/"
		}
		if !slices.ContainsFunc(files, func(f scaffold.File) bool { return f.Path == name }) {
			taken = append(taken, name)
		}
	}
	slices.Sort(taken)
	return slices.Compact(taken), nil
}

// reportInit lists what init wrote and what to do next.
func reportInit(env *Env, opts *initOptions, root string, files []scaffold.File) error {
	w := env.Stdout
	fmt.Fprintf(w, "created a repository of records in %s (mrtrack %s, officers' README in %s):\n", escape.Line(opts.dir), opts.version, langNames[opts.lang])
	for _, f := range files {
		fmt.Fprintf(w, "  %s\n", f.Path)
	}
	fmt.Fprintln(w, "next:")
	if opts.dir != "." {
		fmt.Fprintf(w, "  cd %s\n", shellWord(opts.dir))
	}
	if _, err := os.Lstat(filepath.Join(root, ".git")); err != nil {
		fmt.Fprintln(w, "  git init                  # a git repository, then push it to GitHub")
	}
	fmt.Fprintln(w, "  mrtrack new evaluation ID # the first evaluation (mrtrack new --help)")
	if slices.ContainsFunc(files, func(f scaffold.File) bool { return f.Path == "data/owners.yaml" }) {
		fmt.Fprintln(w, "  edit data/owners.yaml     # who owns the actions, and how to reach them")
	}
	_, err := fmt.Fprintln(w, "  pre-commit install        # validate before each commit (optional)")
	if err != nil {
		return cannotRun(fmt.Errorf("cannot write the output: %w", err))
	}
	return nil
}
