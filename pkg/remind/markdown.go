package remind

import (
	"fmt"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/escape"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/owners"
)

// words are a reminder's fixed texts in one language. The statuses are
// the open ones only: a closed action is never in a digest, an ongoing one
// only as awaiting a round's update.
type words struct {
	reminder, overdue, dueBy, asOf, step, due, today, late, left string
	action, actions, day, days, and, colon                       string
	status                                                       map[model.Status]string
	send                                                         string // %[1]s the office, %[2]s its address
	awaiting, awaitingCount                                      string // %[1]s the round, %[2]s its due day
}

var languages = map[string]words{
	"en": {
		reminder: "Reminder for %s", overdue: "Overdue", dueBy: "Falling due by %s", asOf: "As of %s",
		step: "step %s due %s", due: "due %s", today: "due today", late: "%s overdue", left: "in %s",
		action: "action", actions: "actions", day: "day", days: "days", and: "and", colon: ":",
		status:   map[model.Status]string{model.NotStarted: "not started", model.InProgress: "in progress", model.Ongoing: "ongoing"},
		send:     "Please send the progress of each of these actions to %[1]s (%[2]s).",
		awaiting: "Awaiting your update in round %[1]s (form due %[2]s)", awaitingCount: "awaiting your update in round %[1]s",
	},
	"fr": {
		reminder: "Rappel pour %s", overdue: "En retard", dueBy: "À échéance d'ici le %s", asOf: "Au %s",
		step: "étape %s, échéance %s", due: "échéance %s", today: "échéance aujourd'hui", late: "%s de retard", left: "dans %s",
		action: "action", actions: "actions", day: "jour", days: "jours", and: "et", colon: " :",
		status:   map[model.Status]string{model.NotStarted: "non commencé", model.InProgress: "en cours", model.Ongoing: "en continu"},
		send:     "Merci d'envoyer l'avancement de chacune de ces actions à %[1]s (%[2]s).",
		awaiting: "En attente de votre mise à jour, tour %[1]s (formulaire à rendre le %[2]s)", awaitingCount: "en attente de votre mise à jour (tour %[1]s)",
	},
}

func wordsOf(lang string) words {
	if w, ok := languages[lang]; ok {
		return w
	}
	return languages["en"]
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// Subject is the digest's one-line summary, for a message's subject and
// the Markdown's heading: "Reminder for Protection: 2 actions overdue".
func (d Digest) Subject() string {
	w := wordsOf(d.Language)
	return fmt.Sprintf(w.reminder, oneLine(d.Owner)) + w.colon + " " + d.summary()
}

// summary counts what the digest holds: "2 actions overdue and 1 action
// falling due by 2025-01-31".
func (d Digest) summary() string {
	w := wordsOf(d.Language)
	var parts []string
	if n := len(d.Overdue); n > 0 {
		parts = append(parts, count(n, w.action, w.actions)+" "+strings.ToLower(w.overdue))
	}
	if n := len(d.DueSoon); n > 0 {
		parts = append(parts, count(n, w.action, w.actions)+" "+strings.ToLower(fmt.Sprintf(w.dueBy, d.Until)))
	}
	if n := len(d.Awaiting); n > 0 {
		parts = append(parts, count(n, w.action, w.actions)+" "+fmt.Sprintf(w.awaitingCount, d.Round))
	}
	return strings.Join(parts, " "+w.and+" ")
}

// Markdown writes the digest for people: a heading, the overdue actions
// most overdue first, those falling due soonest first, and what to do.
// office signs it when it has a name and an address.
func (d Digest) Markdown(office owners.Office) string {
	w := wordsOf(d.Language)
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s%s %s.\n", escape.Markdown(fmt.Sprintf(w.reminder, oneLine(d.Owner))), fmt.Sprintf(w.asOf, d.AsOf), w.colon, d.summary())
	section := func(title string, items []Item, late bool) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n## %s\n\n", title)
		for _, it := range items {
			fmt.Fprintf(&b, "- %s, %s (%s)%s %s\n", it.ID, d.when(it, late), w.status[it.Status], w.colon, escape.Markdown(oneLine(it.Title)))
		}
	}
	section(w.overdue, d.Overdue, true)
	section(fmt.Sprintf(w.dueBy, d.Until), d.DueSoon, false)
	if len(d.Awaiting) > 0 {
		fmt.Fprintf(&b, "\n## %s\n\n", escape.Markdown(fmt.Sprintf(w.awaiting, d.Round, d.RoundDue)))
		for _, it := range d.Awaiting {
			fmt.Fprintf(&b, "- %s, %s (%s)%s %s\n", it.ID, fmt.Sprintf(w.due, d.dueWords(it.Due)), w.status[it.Status], w.colon, escape.Markdown(oneLine(it.Title)))
		}
	}
	if office.Name != "" && office.Email != "" {
		fmt.Fprintf(&b, "\n%s\n", escape.Markdown(fmt.Sprintf(w.send, office.Name, office.Email)))
	}
	return b.String()
}

// when says when an item was or is due: "due 2024-12-31, 1 day overdue",
// "step R6.3.2 due 2025-01-15, in 14 days".
func (d Digest) when(it Item, late bool) string {
	w := wordsOf(d.Language)
	due := fmt.Sprintf(w.due, d.dueWords(it.Due))
	if it.Step != "" {
		due = fmt.Sprintf(w.step, it.Step, d.dueWords(it.Due))
	}
	days := count(it.Days, w.day, w.days)
	switch {
	case late:
		return due + ", " + fmt.Sprintf(w.late, days)
	case it.Days == 0:
		return due + ", " + w.today
	}
	return due + ", " + fmt.Sprintf(w.left, days)
}

// dueWords is a deadline for people: dates as the record writes them
// (2024-12-31, 2024-11), the others in the digest's language ("en
// continu", "every 6 months", "to be determined").
func (d Digest) dueWords(due string) string {
	v, err := model.ParseDue(due)
	if err != nil {
		return due
	}
	switch v.Kind {
	case model.DueContinuous, model.DueConditional, model.DueUnknown, model.DueRecurring:
		return strings.ToLower(model.DueWritten(v, d.Language))
	}
	return due
}

// oneLine keeps text from the records on one line of a heading, a list
// item or a header.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
