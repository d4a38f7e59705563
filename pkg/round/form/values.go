package form

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/validate"
)

// Update is what a row of a returned form asks for. Empty fields ask for
// nothing.
type Update struct {
	ID          string
	Row         Row
	Status      model.Status
	Progress    string
	CompletedOn civil.Date
	NewDue      string // as records write due dates
	Reason      string
	Due         string // the item's due date now, which a request would move
}

// Check is what reading a form's rows needs to know of the round and the
// records.
type Check struct {
	Language string
	// Sent is the digest id was sent to this owner with, false when it
	// was not sent to them.
	Sent func(id string) (string, bool)
	// Current is the item as the records have it now.
	Current func(id string) (Item, bool)
	// Day is the day of the reply: nothing was completed after it.
	Day civil.Date
}

// Updates checks every row of the form and returns what the rows ask for,
// with findings on the cells that cannot be read or must not change. Rows
// with no id and nothing in the owner's columns are extra rows, skipped.
func (r *Returned) Updates(c Check) ([]Update, []finding.Finding) {
	var ups []Update
	var fs []finding.Finding
	add := func(row Row, key string, sev finding.Severity, rule, msg, hint string) {
		fs = append(fs, finding.Finding{File: r.Ref(row, key), Severity: sev, Rule: rule, Message: msg, Hint: hint})
	}
	seen := map[string]int{}
	for _, row := range r.Rows {
		id := row.ID()
		if id == "" {
			if k := firstFilled(row); k != "" {
				add(row, k, finding.Warning, RuleRow, fmt.Sprintf("row %d has no id; it was not read", row.Number), "write on the row of the action or step it is about")
			}
			continue
		}
		if prev, dup := seen[id]; dup {
			add(row, ColID, finding.Error, RuleID, fmt.Sprintf("%s is on row %d already", id, prev), "keep one row per action or step")
			continue
		}
		seen[id] = row.Number
		sent, ok := c.Sent(id)
		if !ok {
			add(row, ColID, finding.Error, RuleID, fmt.Sprintf("%q is not an id this form was sent with", id), "the ID column is locked: copy the row back from the form as it was sent")
			continue
		}
		cur, _ := c.Current(id)
		if key, ok := lockedChange(row, sent, cur, c.Language); !ok {
			add(row, key, finding.Error, RuleLocked, fmt.Sprintf("the %s column is locked, but the cell was changed", Columns[columnIndex(key)].Label["en"]),
				"put back what the form showed, and write in the yellow columns only")
			continue
		}
		up, problems := readRow(row, c, cur)
		for _, p := range problems {
			add(row, p.key, finding.Error, RuleCell, p.msg, p.hint)
		}
		if len(problems) == 0 {
			ups = append(ups, up)
		}
	}
	return ups, fs
}

// firstFilled is the first of the owner's columns that holds something.
func firstFilled(row Row) string {
	for _, c := range Columns {
		if !c.Locked && normalize(row.Cells[c.Key]) != "" {
			return c.Key
		}
	}
	return ""
}

// lockedChange checks the row's locked cells against the digest sent and,
// failing that, against the records now (an owner who typed back what the
// records say changed nothing); it returns the first cell that differs.
// A date a spreadsheet turned into a serial number reads as the date.
func lockedChange(row Row, sent string, cur Item, lang string) (string, bool) {
	cells := map[string]string{}
	for _, k := range lockedKeys() {
		cells[k] = row.Cells[k]
	}
	cells[ColUpdated] = dateCell(cells[ColUpdated])
	due := cells[ColDue]
	for _, d := range dueForms(due) {
		cells[ColDue] = d
		if digest(cells) == sent {
			return "", true
		}
	}
	want := cur.lockedTexts(lang)
	for _, k := range lockedKeys() {
		got := cells[k]
		if k == ColDue {
			got = due
		}
		if !sameCell(k, got, want[k]) {
			return k, false
		}
	}
	return "", true
}

// dueForms are what a due cell may have been written as: itself, and for
// a date a spreadsheet made of it (a serial in a workbook, 31/12/2024 in a
// CSV French Excel saved), that day and, on the 1st, its month (2025-11
// reads as 1 November 2025).
func dueForms(v string) []string {
	d, ok := spreadsheetDate(v)
	if !ok {
		return []string{v}
	}
	forms := []string{v, d.String()}
	if d.Day == 1 {
		forms = append(forms, d.String()[:7])
	}
	return forms
}

// spreadsheetDate reads a date a spreadsheet wrote in place of the text
// the form had: a serial, or a day in the writing of the user's locale.
func spreadsheetDate(v string) (civil.Date, bool) {
	if d, ok := serialDate(v); ok {
		return d, true
	}
	if _, err := civil.Parse(normalize(v)); err == nil {
		return civil.Date{}, false // the form's own writing
	}
	return ParseDay(v)
}

func sameCell(key, got, want string) bool {
	switch key {
	case ColStatus:
		g, ok1 := statusOf(got)
		w, ok2 := statusOf(want)
		return ok1 && ok2 && g == w
	case ColDue:
		for _, f := range dueForms(got) {
			if normalize(f) == normalize(want) {
				return true
			}
		}
		return false
	case ColUpdated:
		return dateCell(got) == normalize(want)
	}
	return normalize(got) == normalize(want)
}

// dateCell is a date cell as YYYY-MM-DD when a spreadsheet rewrote it.
func dateCell(v string) string {
	if d, ok := spreadsheetDate(v); ok {
		return d.String()
	}
	return normalize(v)
}

type problem struct{ key, msg, hint string }

// readRow reads the owner's columns of a row.
func readRow(row Row, c Check, cur Item) (Update, []problem) {
	up := Update{ID: row.ID(), Row: row, Due: cur.Due}
	var ps []problem
	if v := normalize(row.Cells[ColNewStatus]); v != "" {
		if s, ok := statusOf(v); ok {
			up.Status = s
		} else {
			ps = append(ps, problem{ColNewStatus, statusProblem(v), "choose from the list: " + strings.Join(StatusLabels(c.Language), ", ")})
		}
	}
	up.Progress = normalize(row.Cells[ColNewProgress])
	if v := normalize(row.Cells[ColCompletedOn]); v != "" {
		d, ok := ParseDay(v)
		switch {
		case !ok:
			ps = append(ps, problem{ColCompletedOn, fmt.Sprintf("day completed %q is not a date", v), "write the day as YYYY-MM-DD, e.g. " + c.Day.String()})
		case d.After(c.Day):
			ps = append(ps, problem{ColCompletedOn, fmt.Sprintf("day completed %s is after the day of the reply, %s", d, c.Day), "give the day the work was completed"})
		default:
			up.CompletedOn = d
			status := up.Status
			if status == "" {
				status = cur.Status
			}
			if status != model.Completed {
				ps = append(ps, problem{ColCompletedOn, fmt.Sprintf("a day completed is given, but the status is %s", status),
					"choose " + StatusLabel(c.Language, model.Completed) + " as the new status, or empty the cell"})
			}
		}
	}
	newDue, reason := normalize(row.Cells[ColNewDue]), normalize(row.Cells[ColReason])
	switch {
	case newDue == "" && reason != "":
		ps = append(ps, problem{ColReason, "a reason is given, but no new due date", "write the date asked for in the column before, or empty the cell"})
	case newDue != "":
		d, ok := ParseDue(newDue)
		switch {
		case !ok:
			ps = append(ps, problem{ColNewDue, fmt.Sprintf("new due date %q is not a date", newDue), "write YYYY-MM-DD, or YYYY-MM for a month"})
		case reason == "":
			ps = append(ps, problem{ColReason, "a new due date is asked for, with no reason", "say why more time is needed: the evaluation office decides on it"})
		case d != cur.Due:
			up.NewDue, up.Reason = d, reason
		}
	}
	return up, ps
}

// statusProblem says a status is not allowed, and what it was probably
// meant to be.
func statusProblem(v string) string {
	msg := fmt.Sprintf("status %q is not allowed", v)
	if s := suggestStatus(v); s != "" {
		msg += "; did you mean " + s + "?"
	}
	return msg
}

// nearStatusWords are words people write for a status that mrtrack does
// not read as one (they say too little, or could mean two things), so
// they get a suggestion rather than being taken.
var nearStatusWords = map[string]model.Status{
	"termine": model.Completed, "terminee": model.Completed, "fini": model.Completed, "finie": model.Completed,
	"acheve": model.Completed, "achevee": model.Completed, "fait": model.Completed, "finished": model.Completed,
	"commence": model.InProgress, "demarre": model.InProgress, "started": model.InProgress,
	"abandonne": model.NoLongerApplicable, "annule": model.NoLongerApplicable, "cancelled": model.NoLongerApplicable,
	"canceled": model.NoLongerApplicable, "dropped": model.NoLongerApplicable,
}

func suggestStatus(v string) string {
	if s, ok := nearStatusWords[query.Fold(v)]; ok {
		return string(s)
	}
	var all []string
	for _, s := range model.Statuses {
		all = append(all, string(s))
	}
	return validate.SuggestValue(v, all)
}

// statusOf reads a status cell: a drop-down word in either language, the
// canonical status, or a management response's wording (En cours).
func statusOf(v string) (model.Status, bool) {
	key := query.Fold(normalize(v))
	for _, labels := range statusLabels {
		for s, l := range labels {
			if query.Fold(l) == key {
				return s, true
			}
		}
	}
	return model.StatusOfWording(normalize(v))
}

// ParseDay reads a day cell: an Excel serial number, YYYY-MM-DD, or a day
// as people write it (14/03/2025, 14 mars 2025).
func ParseDay(v string) (civil.Date, bool) {
	v = normalize(v)
	if d, ok := serialDate(v); ok {
		return d, true
	}
	if d, err := civil.Parse(v); err == nil {
		return d, true
	}
	if s, p := civil.Suggest(v); p == civil.DayPrecise {
		if d, err := civil.Parse(s); err == nil {
			return d, true
		}
	}
	return civil.Date{}, false
}

// ParseDue reads a proposed due date as records write it: a serial or a
// day, a month, a quarter, a year, in figures or in words.
func ParseDue(v string) (string, bool) {
	v = normalize(v)
	if d, ok := serialDate(v); ok {
		return d.String(), true
	}
	if d, err := model.ParseDue(v); err == nil && dated(d) {
		return d.String(), true
	}
	if d, ok := model.DueOfWording(v); ok && dated(d) {
		return d.String(), true
	}
	return "", false
}

// serialDate reads an Excel date serial (days since 1899-12-30, a
// fraction for the time of day), as a workbook keeps a date cell. Only
// serials of days from 1950 to 2100 count: other numbers are not dates.
func serialDate(v string) (civil.Date, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || f < 18264 || f > 73051 {
		return civil.Date{}, false
	}
	t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(f))
	return civil.Of(t), true
}

// dated reports a due date that is a date (a day, month, quarter, year):
// a request for more time names one.
func dated(d model.Due) bool {
	_, ok := d.Deadline()
	return ok
}
