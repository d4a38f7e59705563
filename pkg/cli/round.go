package cli

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/edit"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/load"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/printers"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/round"
	"github.com/mrtrack/mrtrack/pkg/round/form"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
	"github.com/spf13/cobra"
)

func newRoundCmd(env *Env, g *global) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "round",
		Short: "Update rounds: send owners forms, collect them, see who replied",
		Long: `An update round asks each owner for an update of their open actions and
steps, in a spreadsheet form they fill in without git:

  round open NAME --due DATE   writes a form per owner and records the round
                               in the data folder (` + round.Folder + `/NAME.yaml)
  round collect FILE...        reads returned forms into the records
  round status [NAME]          who was sent a form, who replied, who has not

See "the quarterly update round" in docs/workflows.md.`,
		Example: `  mrtrack round open 2025-q1 --due 2025-01-31 --out forms
  mrtrack round collect forms/2025-q1-protection.xlsx --dry-run
  mrtrack round status 2025-q1`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usage("unknown round command %q: use open, collect or status", args[0])
			}
			return usage("round needs a command: open, collect or status")
		},
		RunE: func(*cobra.Command, []string) error { return nil },
	}
	cmd.AddCommand(newRoundOpenCmd(env, g), newRoundCollectCmd(env, g), newRoundStatusCmd(env, g))
	return cmd
}

// roundFile is a round read from the data folder.
type roundFile struct {
	*round.Round
	file edit.File
}

// roundPath is the edit.File of round name in the data folder.
func roundPath(env *Env, g *global, name string, dryRun bool) (edit.File, error) {
	dir, err := g.resolveDataDir(env)
	if err != nil {
		return edit.File{}, err
	}
	abs := round.Path(env.abs(dir), name)
	return edit.File{Path: displayPath(env, abs), Abs: abs, Root: env.abs(dir), DryRun: dryRun}, nil
}

// displayPath is a path as messages show it: relative to the working
// folder when it is below it.
func displayPath(env *Env, abs string) string {
	if rel, err := filepath.Rel(env.Cwd, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(abs)
}

// roundFiles lists the round files under the data folder dir, as paths
// for messages and absolute; none when it has no rounds folder.
func roundFiles(env *Env, dir string) ([]edit.File, error) {
	folder := filepath.Join(env.abs(dir), round.Folder)
	if fi, err := os.Stat(folder); err != nil || !fi.IsDir() {
		return nil, nil // no rounds here: a data folder without any, or a file
	}
	entries, err := os.ReadDir(folder)
	if err != nil {
		return nil, cannotRun(fmt.Errorf("cannot read %s: %w", displayPath(env, folder), err))
	}
	var out []edit.File
	for _, e := range entries {
		if e.IsDir() || !store.IsRecordName(e.Name()) || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		abs := filepath.Join(folder, e.Name())
		out = append(out, edit.File{Path: displayPath(env, abs), Abs: abs, Root: env.abs(dir)})
	}
	return out, nil
}

// readRound reads and checks one round file; nil and the findings when
// it does not read.
func readRound(f edit.File) (*round.Round, []finding.Finding) {
	data, err := store.Read(f.Abs, store.DefaultLimits.MaxFileSize)
	if err != nil {
		return nil, []finding.Finding{{File: f.Path, Severity: finding.Error, Rule: finding.RuleUnreadable, Message: "cannot read: " + err.Error()}}
	}
	return round.Read(f.Path, data)
}

// loadRounds reads every round file of the data folder, most recently
// opened first. A file that does not read is exit 1, its findings
// printed.
func loadRounds(env *Env, g *global) ([]*roundFile, error) {
	dir, err := g.resolveDataDir(env)
	if err != nil {
		return nil, err
	}
	files, err := roundFiles(env, dir)
	if err != nil {
		return nil, err
	}
	var out []*roundFile
	bad := false
	for _, f := range files {
		r, fs := readRound(f)
		if r == nil {
			printers.Text{}.Findings(env.Stderr, fs)
			bad = true
			continue
		}
		out = append(out, &roundFile{r, f})
	}
	if bad {
		return nil, &exitError{code: ExitFindings, err: withHint(fmt.Errorf("a round file in %s does not read", displayPath(env, filepath.Join(env.abs(dir), round.Folder))),
			"fix it as the findings say; round files are written by mrtrack round open and collect")}
	}
	slices.SortFunc(out, func(a, b *roundFile) int {
		return cmp.Or(b.OpenedOn.Compare(a.OpenedOn), strings.Compare(b.Name, a.Name))
	})
	return out, nil
}

// roundNames are the names of the rounds that read, for shell completion:
// quietly, as completion must print nothing else.
func roundNames(env *Env, g *global) []string {
	dir, err := g.resolveDataDir(env)
	if err != nil {
		return nil
	}
	files, _ := roundFiles(env, dir)
	var names []string
	for _, f := range files {
		if r, _ := readRound(f); r != nil {
			names = append(names, r.Name)
		}
	}
	return names
}

// findRound is round name, or the most recently opened one when name is
// empty.
func findRound(rounds []*roundFile, name string) (*roundFile, error) {
	if len(rounds) == 0 {
		return nil, &exitError{code: ExitUsage, err: withHint(fmt.Errorf("the data folder holds no update round"), "open one: mrtrack round open NAME --due DATE")}
	}
	if name == "" {
		return rounds[0], nil
	}
	var names []string
	for _, r := range rounds {
		if r.Name == name {
			return r, nil
		}
		names = append(names, r.Name)
	}
	slices.Sort(names)
	return nil, &exitError{code: ExitUsage, err: withHint(fmt.Errorf("no round %s in the data folder", quoted(name)), "rounds: "+strings.Join(names, ", "))}
}

// roundItem is an action or step a form shows.
type roundItem struct {
	target query.Target
	item   form.Item
}

// openItems are the action a and its steps still open: the action when
// it, or a step, is open, then its open steps.
func openItems(e *model.Evaluation, a *model.Action) []roundItem {
	var steps []roundItem
	for _, s := range a.Steps {
		if !s.Status.Closed() {
			steps = append(steps, itemFor(query.Target{Kind: query.KindStep, Evaluation: e, Recommendation: a.Recommendation, Action: a, Step: s}))
		}
	}
	if a.Status.Closed() && len(steps) == 0 {
		return nil
	}
	return append([]roundItem{itemFor(query.Target{Kind: query.KindAction, Evaluation: e, Recommendation: a.Recommendation, Action: a})}, steps...)
}

// itemFor is a target as a form shows it.
func itemFor(t query.Target) roundItem {
	tr := trackingOf(t)
	return roundItem{t, form.Item{
		ID: model.QualifiedID(t.Evaluation, t.ID()), Recommendation: t.Recommendation.ID() + " " + t.Recommendation.Title,
		Title: tr.Title, Due: tr.Due.String(), Status: tr.Status, Progress: tr.Progress, Updated: tr.Updated,
	}}
}

// allItems indexes every action and step of the data by qualified id.
func allItems(evals []*model.Evaluation) map[string]roundItem {
	out := map[string]roundItem{}
	for _, e := range evals {
		for _, r := range e.Recommendations {
			for _, a := range r.Actions {
				it := itemFor(query.Target{Kind: query.KindAction, Evaluation: e, Recommendation: r, Action: a})
				out[it.item.ID] = it
				for _, s := range a.Steps {
					it := itemFor(query.Target{Kind: query.KindStep, Evaluation: e, Recommendation: r, Action: a, Step: s})
					out[it.item.ID] = it
				}
			}
		}
	}
	return out
}

// checkRounds adds to res the round files of each folder among paths that
// holds a rounds folder (the data folder), checked as round files, so
// validate reports them with the records the walk leaves them out of.
func checkRounds(env *Env, paths []string, res *load.Result) error {
	for _, p := range paths {
		files, err := roundFiles(env, p)
		if err != nil {
			return err
		}
		for _, f := range files {
			_, fs := readRound(f)
			errs, warns := finding.Count(fs)
			res.Files = append(res.Files, &validate.File{Path: f.Path, Abs: f.Abs, Findings: fs})
			res.Findings = append(res.Findings, fs...)
			res.Stats.Files++
			res.Stats.Errors += errs
			res.Stats.Warnings += warns
		}
	}
	finding.Sort(res.Findings)
	return nil
}
