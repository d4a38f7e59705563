package query

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/model"
)

func twoEvaluations() []*model.Evaluation {
	a := evaluation("EVO-2024-03",
		rec{actions: []act{{due: "2024-12-31", status: "not-started"}}},
		rec{actions: []act{{due: "2025", status: "in-progress", steps: []act{{due: "2025", status: "in-progress"}, {due: "conditional", status: "not-started"}}}}},
	)
	a.Reference = "EVO/2024/03"
	b := evaluation("EVO-2025-01",
		rec{actions: []act{{due: "2025-02", status: "in-progress"}}},
	)
	return []*model.Evaluation{a, b}
}

func TestResolve(t *testing.T) {
	evals := twoEvaluations()
	tests := []struct {
		id   string
		kind Kind
		want string // qualified id
	}{
		{"EVO-2024-03", KindEvaluation, "EVO-2024-03"},
		{"evo-2025-01", KindEvaluation, "EVO-2025-01"},
		{"EVO/2024/03", KindEvaluation, "EVO-2024-03"}, // the reference
		{"R2", KindRecommendation, "EVO-2024-03/R2"},   // only the first has R2
		{"r2", KindRecommendation, "EVO-2024-03/R2"},
		{"2", KindRecommendation, "EVO-2024-03/R2"},
		{"R2.1", KindAction, "EVO-2024-03/R2.1"},
		{"R2.1.2", KindStep, "EVO-2024-03/R2.1.2"},
		{"EVO-2025-01/R1.1", KindAction, "EVO-2025-01/R1.1"},
		{"EVO/2024/03/R1.1", KindAction, "EVO-2024-03/R1.1"},
		{" EVO-2024-03/R1 ", KindRecommendation, "EVO-2024-03/R1"},
	}
	for _, tt := range tests {
		got, err := Resolve(evals, tt.id)
		if err != nil {
			t.Errorf("Resolve(%q): %v", tt.id, err)
			continue
		}
		name := got.Evaluation.ID
		if got.Kind != KindEvaluation {
			name = model.QualifiedID(got.Evaluation, got.ID())
		}
		if got.Kind != tt.kind || name != tt.want {
			t.Errorf("Resolve(%q) = %s %s, want %s %s", tt.id, got.Kind, name, tt.kind, tt.want)
		}
	}
}

func TestResolveErrors(t *testing.T) {
	evals := twoEvaluations()
	tests := []struct {
		id       string
		msg      string // in the message
		hint     string // in the hint
		oneEvalf bool   // resolve in the first evaluation only
	}{
		{id: "R1.1", msg: "R1.1 is ambiguous: 2 evaluations have it: EVO-2024-03/R1.1, EVO-2025-01/R1.1", hint: "qualify the id"},
		{id: "R1", msg: "EVO-2024-03/R1, EVO-2025-01/R1"},
		{id: "R9", msg: "no recommendation R9 in any evaluation", hint: "EVO-2024-03 has no recommendation R9: it has R1, R2; EVO-2025-01 has no recommendation R9: it has R1"},
		{id: "R9", msg: "EVO-2024-03 has no recommendation R9: it has R1, R2", oneEvalf: true},
		{id: "R1.4", msg: "EVO-2024-03 has no action R1.4: R1 has R1.1", oneEvalf: true},
		{id: "R1.1.1", msg: "R1.1 has no steps", oneEvalf: true},
		{id: "R2.1.3", msg: "EVO-2024-03 has no step R2.1.3: R2.1 has R2.1.1, R2.1.2", oneEvalf: true},
		{id: "EVO-2030-01/R1", msg: `no evaluation "EVO-2030-01": the data holds EVO-2024-03, EVO-2025-01`},
		{id: "R1.2.3.4", msg: `"R1.2.3.4" is not an id`, hint: "R7.1.2"},
		{id: "R0", msg: "is not an id"},
		{id: "R-1", msg: "is not an id"},
		{id: "action 3", msg: "is not an id"},
		{id: "/R1", msg: "is not an id"},
		{id: "", msg: "is not an id"},
	}
	for _, tt := range tests {
		scope := evals
		if tt.oneEvalf {
			scope = evals[:1]
		}
		_, err := Resolve(scope, tt.id)
		var qe *Error
		if !errors.As(err, &qe) {
			t.Errorf("Resolve(%q) = %v, want a *query.Error", tt.id, err)
			continue
		}
		if !strings.Contains(qe.Msg, tt.msg) || !strings.Contains(qe.Hint, tt.hint) {
			t.Errorf("Resolve(%q):\n got %q\n hint %q\nwant %q\n hint %q", tt.id, qe.Msg, qe.Hint, tt.msg, tt.hint)
		}
	}
}

func TestFindEvaluation(t *testing.T) {
	evals := twoEvaluations()
	if e, err := FindEvaluation(evals, "evo/2024/03"); err != nil || e.ID != "EVO-2024-03" {
		t.Errorf("FindEvaluation by reference = %v, %v", e, err)
	}
	if _, err := FindEvaluation(evals, "EVO-1"); err == nil || !strings.Contains(err.Error(), "the data holds EVO-2024-03, EVO-2025-01") {
		t.Errorf("FindEvaluation(EVO-1) error = %v", err)
	}
}

func TestList(t *testing.T) {
	var ids []string
	for i := 1; i <= 20; i++ {
		ids = append(ids, fmt.Sprintf("R1.%d", i))
	}
	if got := list(ids); got != "R1.1, R1.2, … R1.20 (20)" {
		t.Errorf("list of 20 = %q", got)
	}
	if got := list(ids[:12]); !strings.HasSuffix(got, "R1.11, R1.12") {
		t.Errorf("list of 12 = %q", got)
	}
	if got := list(nil); got != "none" {
		t.Errorf("list of none = %q", got)
	}
}
