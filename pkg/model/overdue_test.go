package model

import (
	"slices"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/civil"
)

func day(s string) civil.Date {
	d, err := civil.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

func due(s string) Due {
	d, err := ParseDue(s)
	if err != nil {
		panic(err)
	}
	return d
}

func tracking(dueValue string, st Status) Tracking {
	return Tracking{Due: due(dueValue), Status: st}
}

// TestDaysOverdue follows DOMAIN.md: overdue on T when the item has a
// deadline D (the last day of its period), T > D, and it is neither
// completed nor no longer applicable; days overdue = T − D.
func TestDaysOverdue(t *testing.T) {
	tests := []struct {
		name   string
		due    string
		status Status
		today  string
		days   int
		late   bool
	}{
		{"day, the day after", "2024-12-31", NotStarted, "2025-01-01", 1, true},
		{"day, on the day itself", "2024-12-31", NotStarted, "2024-12-31", 0, false},
		{"day, before", "2024-12-31", InProgress, "2024-06-01", 0, false},
		{"day, long after", "2024-12-31", InProgress, "2026-11-28", 697, true},
		{"month falls due on its last day", "2024-12", InProgress, "2024-12-31", 0, false},
		{"month, the day after its end", "2024-12", InProgress, "2025-01-01", 1, true},
		{"month, mid-month is not late", "2023-10", NotStarted, "2023-10-15", 0, false},
		{"February of a leap year", "2024-02", NotStarted, "2024-02-29", 0, false},
		{"February of a leap year, the day after", "2024-02", NotStarted, "2024-03-01", 1, true},
		{"year falls due on 31 December", "2025", InProgress, "2025-12-31", 0, false},
		{"year, mid-year is not late", "2025", InProgress, "2025-06-30", 0, false},
		{"year, the day after", "2025", InProgress, "2026-01-01", 1, true},
		{"completed is never late", "2024-01-31", Completed, "2026-01-01", 0, false},
		{"no longer applicable is never late", "2024-01-31", NoLongerApplicable, "2026-01-01", 0, false},
		{"ongoing is never late by date", "2024-01-31", Ongoing, "2026-01-01", 0, false},
		{"continuous", "continuous", InProgress, "2026-01-01", 0, false},
		{"recurring", "every 6 months", NotStarted, "2026-01-01", 0, false},
		{"conditional", "conditional", NotStarted, "2026-01-01", 0, false},
		{"unknown", "unknown", InProgress, "2026-01-01", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := tracking(tt.due, tt.status)
			days, late := tr.DaysOverdue(day(tt.today))
			if days != tt.days || late != tt.late {
				t.Errorf("DaysOverdue(%s) of %s %s = %d, %v; want %d, %v", tt.today, tt.due, tt.status, days, late, tt.days, tt.late)
			}
		})
	}
}

// action builds an action with steps, linked as the loader links them.
func action(own Tracking, steps ...Tracking) *Action {
	rec := &Recommendation{Number: 7}
	a := &Action{Tracking: own, Recommendation: rec}
	a.Number = 1
	for i, st := range steps {
		st.Number = i + 1
		a.Steps = append(a.Steps, &Step{Tracking: st, Action: a})
	}
	return a
}

func ids(steps []*Step) []string {
	out := []string{}
	for _, s := range steps {
		out = append(out, s.ID())
	}
	return out
}

// TestActionOverdueThroughSteps: an action is overdue when it, or any of
// its steps, is; its days are the largest lateness.
func TestActionOverdueThroughSteps(t *testing.T) {
	// R7.1 of the Mali response: due 2025-11, steps due 2025-11,
	// 2024-12-31, conditional and 2024-12.
	r71 := action(tracking("2025-11", InProgress),
		tracking("2025-11", NotStarted),
		tracking("2024-12-31", NotStarted),
		tracking("conditional", InProgress),
		tracking("2024-12", InProgress),
	)
	tests := []struct {
		name  string
		a     *Action
		today string
		days  int
		late  bool
		steps []string
	}{
		{"nothing late yet", r71, "2024-06-01", 0, false, []string{}},
		{"late through steps 2 and 4 only", r71, "2025-01-01", 1, true, []string{"R7.1.2", "R7.1.4"}},
		{"the action's own month has passed too", r71, "2025-12-01", 335, true, []string{"R7.1.1", "R7.1.2", "R7.1.4"}},
		{"a completed action is still late through an open step",
			action(tracking("2024-06-30", Completed), tracking("2024-03-31", InProgress)), "2024-07-01", 92, true, []string{"R7.1.1"}},
		{"closed and ongoing steps are not late",
			action(tracking("2025-12-31", InProgress), tracking("2024-01-31", Completed), tracking("2024-01-31", Ongoing), tracking("2024-01-31", NoLongerApplicable)),
			"2025-01-01", 0, false, []string{}},
		{"own lateness is larger than a step's",
			action(tracking("2024-01-31", InProgress), tracking("2024-12-31", InProgress)), "2025-01-01", 336, true, []string{"R7.1.1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			days, late := tt.a.DaysOverdue(day(tt.today))
			if days != tt.days || late != tt.late {
				t.Errorf("DaysOverdue(%s) = %d, %v; want %d, %v", tt.today, days, late, tt.days, tt.late)
			}
			if got := ids(tt.a.OverdueSteps(day(tt.today))); !slices.Equal(got, tt.steps) {
				t.Errorf("OverdueSteps(%s) = %v, want %v", tt.today, got, tt.steps)
			}
		})
	}
}

func TestDueIn(t *testing.T) {
	tests := []struct {
		due    string
		status Status
		today  string
		days   int
		ok     bool
	}{
		{"2024-12-31", NotStarted, "2024-12-15", 16, true},
		{"2024-12-31", NotStarted, "2024-12-31", 0, true}, // due today
		{"2024-12-31", NotStarted, "2025-01-01", 0, false},
		{"2024-12", InProgress, "2024-12-01", 30, true},
		{"2026", NotStarted, "2026-11-28", 33, true},
		{"2024-12-31", Completed, "2024-12-15", 0, false},
		{"2024-12-31", Ongoing, "2024-12-15", 0, false},
		{"every 6 months", NotStarted, "2024-12-15", 0, false},
	}
	for _, tt := range tests {
		tr := tracking(tt.due, tt.status)
		days, ok := tr.DueIn(day(tt.today))
		if days != tt.days || ok != tt.ok {
			t.Errorf("DueIn(%s) of %s %s = %d, %v; want %d, %v", tt.today, tt.due, tt.status, days, ok, tt.days, tt.ok)
		}
	}
}

func TestActionDueIn(t *testing.T) {
	a := action(tracking("2025-11", InProgress),
		tracking("2025-11", NotStarted),
		tracking("2024-12-31", NotStarted),
		tracking("2024-12-20", Completed),
	)
	days, step, ok := a.DueIn(day("2024-12-15"))
	if !ok || days != 16 || step == nil || step.ID() != "R7.1.2" {
		t.Errorf("DueIn = %d, %v, %v; want 16 days, step R7.1.2", days, step, ok)
	}
	// Once step 2 has passed, the next deadline is the action's own,
	// which ties with step 1's: the action's is named.
	days, step, ok = a.DueIn(day("2025-01-01"))
	if !ok || days != 333 || step != nil {
		t.Errorf("DueIn = %d, %v, %v; want 333 days, the action's own", days, step, ok)
	}
	if !a.DueWithin(day("2024-12-15"), day("2025-01-14")) {
		t.Error("DueWithin 30 days of 2024-12-15: false, want true (step 2)")
	}
	if a.DueWithin(day("2025-01-01"), day("2025-01-31")) {
		t.Error("DueWithin 30 days of 2025-01-01: true, want false")
	}
	if !a.DueWithin(day("2025-11-30"), day("2025-11-30")) {
		t.Error("DueWithin a window of 0 days on the deadline: false, want true")
	}
}

func TestParseDueAndDeadline(t *testing.T) {
	tests := []struct {
		in       string
		kind     DueKind
		deadline string // "" when undated
		text     string
	}{
		{"2024-12-31", DueDay, "2024-12-31", "2024-12-31"},
		{"2025-11", DueMonth, "2025-11-30", "2025-11"},
		{"2024-02", DueMonth, "2024-02-29", "2024-02"},
		{"2023", DueYear, "2023-12-31", "2023"},
		{"continuous", DueContinuous, "", "continuous"},
		{"conditional", DueConditional, "", "conditional"},
		{"unknown", DueUnknown, "", "unknown"},
		{"every 6 months", DueRecurring, "", "every 6 months"},
		{"every 1 year", DueRecurring, "", "every 1 year"},
		{"every 2 weeks", DueRecurring, "", "every 2 weeks"},
	}
	for _, tt := range tests {
		d, err := ParseDue(tt.in)
		if err != nil {
			t.Errorf("ParseDue(%q): %v", tt.in, err)
			continue
		}
		end, ok := d.Deadline()
		if d.Kind != tt.kind || ok != (tt.deadline != "") || (ok && end.String() != tt.deadline) || d.String() != tt.text {
			t.Errorf("ParseDue(%q) = kind %d, deadline %v %v, %q; want kind %d, deadline %q, %q", tt.in, d.Kind, end, ok, d, tt.kind, tt.deadline, tt.text)
		}
	}
	for _, bad := range []string{"", "2024-13", "2024-02-30", "fin 2025", "31 décembre 2024", "every month", "every 0 months", "every 6 fortnights", "Continu"} {
		if d, err := ParseDue(bad); err == nil {
			t.Errorf("ParseDue(%q) = %v, want an error", bad, d)
		}
	}
}

func TestIDs(t *testing.T) {
	e := &Evaluation{ID: "EVO-2024-03"}
	r := &Recommendation{Number: 7, Evaluation: e}
	a := &Action{Recommendation: r}
	a.Number = 1
	s := &Step{Action: a}
	s.Number = 2
	if r.ID() != "R7" || a.ID() != "R7.1" || s.ID() != "R7.1.2" || QualifiedID(e, a.ID()) != "EVO-2024-03/R7.1" {
		t.Errorf("ids: %s %s %s %s", r.ID(), a.ID(), s.ID(), QualifiedID(e, a.ID()))
	}
}

func TestStatusClosed(t *testing.T) {
	for _, s := range Statuses {
		want := s == Completed || s == NoLongerApplicable
		if s.Closed() != want {
			t.Errorf("%s.Closed() = %v", s, s.Closed())
		}
	}
}

// A quarter and a half year fall due on their last day; an item with
// several deadlines is overdue from the first not met.
func TestQuarterHalfAndSeveralDeadlines(t *testing.T) {
	for in, want := range map[string]string{"2025-Q1": "2025-03-31", "2025-Q4": "2025-12-31", "2025-H1": "2025-06-30", "2025-H2": "2025-12-31"} {
		d, err := ParseDue(in)
		end, ok := d.Deadline()
		if err != nil || !ok || end.String() != want || d.String() != in {
			t.Errorf("ParseDue(%q) = %v (%v), ends %v, want %s", in, d, err, end, want)
		}
	}
	for _, bad := range []string{"2025-Q5", "2025-Q0", "2025-H3", "2025-X1"} {
		if _, err := ParseDue(bad); err == nil {
			t.Errorf("ParseDue(%q) took it", bad)
		}
	}
	nov24, _ := ParseDue("2024-11")
	nov25, _ := ParseDue("2025-11")
	tr := Tracking{Due: nov24, Status: NotStarted, Deadlines: Deadlines{{Due: nov24}, {Due: nov25}}}
	if days, late := tr.DaysOverdue(day("2024-12-01")); !late || days != 1 {
		t.Errorf("before the first deadline is met: overdue %v by %d, want 1 day", late, days)
	}
	tr.Deadlines[0].MetOn = day("2024-11-28")
	tr.Due = nov25
	if _, late := tr.DaysOverdue(day("2024-12-01")); late || tr.DeadlineNumber() != 2 || tr.DeadlineCount() != 2 {
		t.Errorf("after the first deadline is met: overdue %v, deadline %d of %d", late, tr.DeadlineNumber(), tr.DeadlineCount())
	}
}
