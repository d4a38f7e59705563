package cli

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/render"
	"github.com/mrtrack/mrtrack/pkg/round"
	"github.com/mrtrack/mrtrack/pkg/termtext"
	"github.com/spf13/cobra"
)

type roundStatusOptions struct {
	name          string
	output        outputFlag
	failIfMissing bool
}

func newRoundStatusCmd(env *Env, g *global) *cobra.Command {
	return newRoundStatusCmdRun(env, g, runRoundStatus)
}

// newRoundStatusCmdRun builds round status with run as its body, so tests
// can check the flags without reading a round.
func newRoundStatusCmdRun(env *Env, g *global, run func(*Env, *global, *roundStatusOptions) error) *cobra.Command {
	opts := &roundStatusOptions{}
	cmd := &cobra.Command{
		Use:   "status [NAME]",
		Short: "Who was sent a form, who replied, who has not",
		Long: `Show where an update round stands (the most recently opened one unless NAME
is given): each owner sent a form, how many items it held, whether and when
they replied, the extensions they asked for; then the items sent that have
not been updated since the round opened (their updated field is older, or
missing).

--fail-if-missing exits 1 when the due date has passed (on --as-of, default
today) and an owner has not replied: for a scheduled CI job.

Exit status:
  0  shown
  1  with --fail-if-missing: the round is past due and an owner has not
     replied; or the data or a round file has errors
  2  usage error: no round, an unknown round, a bad -o
  3  could not run: the data folder cannot be read`,
		Example: `  mrtrack round status
  mrtrack round status 2025-q1 -o markdown
  mrtrack round status 2025-q1 --fail-if-missing`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usage("round status takes at most one round name, got %d", len(args))
			}
			return nil
		},
		ValidArgsFunction: func(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return roundNames(env, g), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.name = args[0]
			}
			if _, err := opts.output.writer(env, g); err != nil {
				return err
			}
			return run(env, g, opts)
		},
	}
	opts.output.add(cmd.Flags())
	cmd.Flags().BoolVar(&opts.failIfMissing, "fail-if-missing", false, "exit 1 when the round is past due and an owner has not replied")
	return cmd
}

// RoundStatusJSON is round status -o json (docs/json.md).
type roundStatusJSON struct {
	Round      string           `json:"round"`
	OpenedOn   civil.Date       `json:"opened_on"`
	Due        civil.Date       `json:"due"`
	Progress   round.Mode       `json:"progress"`
	AsOf       civil.Date       `json:"as_of"`
	PastDue    bool             `json:"past_due"`
	Owners     []roundOwnerJSON `json:"owners"`
	NotReplied []string         `json:"not_replied"`
	NotUpdated []notUpdatedJSON `json:"not_updated"`
}

type roundOwnerJSON struct {
	Owner             string                 `json:"owner"`
	Language          string                 `json:"language"`
	Form              string                 `json:"form"`
	Items             int                    `json:"items"`
	Replied           bool                   `json:"replied"`
	RepliedOn         *civil.Date            `json:"replied_on"`
	ExtensionRequests []extensionRequestJSON `json:"extension_requests"`
}

// extensionRequestJSON is a request for more time and whether the office
// granted it: the item is now due on the day asked for, or records an
// extension to it.
type extensionRequestJSON struct {
	round.ExtensionRequest
	Granted bool `json:"granted"`
}

type notUpdatedJSON struct {
	ID      string      `json:"id"`
	Owner   string      `json:"owner"`
	Title   string      `json:"title"`
	Updated *civil.Date `json:"updated"`
}

func runRoundStatus(env *Env, g *global, opts *roundStatusOptions) error {
	today, err := g.today(env)
	if err != nil {
		return err
	}
	w, err := opts.output.writer(env, g)
	if err != nil {
		return err
	}
	data, err := g.loadData(env)
	if err != nil {
		return err
	}
	rounds, err := loadRounds(env, g)
	if err != nil {
		return err
	}
	rf, err := findRound(rounds, opts.name)
	if err != nil {
		return err
	}
	items := allItems(data.Evaluations)
	st := roundStatusJSON{Round: rf.Name, OpenedOn: rf.OpenedOn, Due: rf.Due, Progress: rf.Progress, AsOf: today, PastDue: today.After(rf.Due),
		Owners: []roundOwnerJSON{}, NotReplied: []string{}, NotUpdated: []notUpdatedJSON{}}
	for _, o := range rf.Owners {
		oj := roundOwnerJSON{Owner: o.Name, Language: o.Language, Form: o.Form, Items: len(o.Sent), Replied: !o.RepliedOn.IsZero(), ExtensionRequests: []extensionRequestJSON{}}
		for _, req := range o.ExtensionRequests {
			it, ok := items[req.ID]
			oj.ExtensionRequests = append(oj.ExtensionRequests, extensionRequestJSON{req, ok && granted(trackingOf(it.target), req.To)})
		}
		if oj.Replied {
			day := o.RepliedOn
			oj.RepliedOn = &day
		} else {
			st.NotReplied = append(st.NotReplied, o.Name)
		}
		st.Owners = append(st.Owners, oj)
		for _, s := range o.Sent {
			it, ok := items[s.ID]
			if !ok || !it.item.Updated.Before(rf.OpenedOn) && !it.item.Updated.IsZero() {
				continue
			}
			nu := notUpdatedJSON{ID: s.ID, Owner: o.Name, Title: it.item.Title}
			if !it.item.Updated.IsZero() {
				day := it.item.Updated
				nu.Updated = &day
			}
			st.NotUpdated = append(st.NotUpdated, nu)
		}
	}
	if err := write(env, w, roundStatusDoc(st)); err != nil {
		return err
	}
	if opts.failIfMissing && st.PastDue && len(st.NotReplied) > 0 {
		fmt.Fprintf(env.Stderr, "mrtrack: round %s was due %s: %s not replied\n", st.Round, st.Due, termtext.Plural(len(st.NotReplied), "owner")+" "+hasHave(len(st.NotReplied)))
		return failed()
	}
	return data.finish(nil)
}

// modeWords say what a round's mode does to progress.
var modeWords = map[round.Mode]string{round.Append: "appended as a dated paragraph", round.Replace: "written in place of the progress"}

// granted reports whether the item is due on to, or records an extension
// to it.
func granted(tr *model.Tracking, to string) bool {
	return tr.Due.String() == to || slices.ContainsFunc(tr.Extensions, func(e model.Extension) bool { return e.To.String() == to })
}

func hasHave(n int) string {
	if n == 1 {
		return "has"
	}
	return "have"
}

// requestsTable lists the extensions owners asked for, and whether each
// was granted.
func requestsTable(st roundStatusJSON) render.Table {
	t := render.Table{Columns: []render.Column{{Name: "ID"}, {Name: "Owner", Fit: true}, {Name: "From"}, {Name: "To"}, {Name: "Reason", Fit: true, Max: 50}, {Name: "Granted"}}}
	for _, o := range st.Owners {
		for _, r := range o.ExtensionRequests {
			g := render.Cell{Text: "not yet", Style: render.Warn}
			if r.Granted {
				g = render.Cell{Text: "yes", Style: render.Good}
			}
			t.Rows = append(t.Rows, render.Row{Cells: []render.Cell{{Text: r.ID}, {Text: o.Owner}, {Text: r.From}, {Text: r.To}, {Text: r.Reason}, g}})
		}
	}
	return t
}

// roundStatusDoc is the document of round status: the owners, then the
// items not updated.
func roundStatusDoc(st roundStatusJSON) *render.Document {
	owners := render.Table{Columns: []render.Column{{Name: "Owner", Fit: true}, {Name: "Form", Fit: true}, {Name: "Items", Right: true}, {Name: "Replied"}, {Name: "Extensions asked", Right: true}}}
	sheet := &render.Sheet{Header: []string{"owner", "form", "items", "replied_on", "extension_requests"}}
	for _, o := range st.Owners {
		replied := render.Cell{Text: "not yet", Style: render.Warn}
		if st.PastDue {
			replied.Style = render.Bad
		}
		on := ""
		if o.RepliedOn != nil {
			on = o.RepliedOn.String()
			replied = render.Cell{Text: on, Style: render.Good}
		}
		owners.Rows = append(owners.Rows, render.Row{Cells: []render.Cell{{Text: o.Owner}, {Text: o.Form}, {Text: strconv.Itoa(o.Items)}, replied, {Text: strconv.Itoa(len(o.ExtensionRequests))}}})
		sheet.Rows = append(sheet.Rows, []string{o.Owner, o.Form, strconv.Itoa(o.Items), on, strconv.Itoa(len(o.ExtensionRequests))})
	}
	due := "due " + st.Due.String()
	switch {
	case st.PastDue:
		due += fmt.Sprintf(", %s ago", termtext.Plural(st.Due.DaysSince(st.AsOf)*-1, "day"))
	case st.Due == st.AsOf:
		due += ", today"
	default:
		due += fmt.Sprintf(", in %s", termtext.Plural(st.Due.DaysSince(st.AsOf), "day"))
	}
	blocks := []render.Block{
		render.Heading{Level: 1, Text: "Round " + st.Round},
		render.Line{Text: fmt.Sprintf("Opened on %s, %s; a form's progress text is %s.", st.OpenedOn, due, modeWords[st.Progress])},
		owners,
		render.Line{Text: fmt.Sprintf("%d of %s replied.", len(st.Owners)-len(st.NotReplied), termtext.Plural(len(st.Owners), "owner"))},
	}
	if asked := requestsTable(st); len(asked.Rows) > 0 {
		blocks = append(blocks, render.Heading{Level: 2, Text: "Extensions asked"}, asked)
	}
	if len(st.NotUpdated) > 0 {
		t := render.Table{Columns: []render.Column{{Name: "ID"}, {Name: "Owner", Fit: true}, {Name: "Title", Fit: true, Max: 60}, {Name: "Last update"}}}
		for _, n := range st.NotUpdated {
			last := "never"
			if n.Updated != nil {
				last = n.Updated.String()
			}
			t.Rows = append(t.Rows, render.Row{Cells: []render.Cell{{Text: n.ID}, {Text: n.Owner}, {Text: n.Title}, {Text: last, Style: render.Dim}}})
		}
		blocks = append(blocks, render.Heading{Level: 2, Text: "Not updated since the round opened"}, t,
			render.Line{Text: termtext.Plural(len(st.NotUpdated), "item") + " not updated since " + st.OpenedOn.String() + "."})
	} else {
		blocks = append(blocks, render.Line{Text: "Every item sent was updated since the round opened."})
	}
	return &render.Document{Blocks: blocks, Sheet: sheet, Data: st}
}
