package query

import (
	"path/filepath"
	"sync"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/load"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
)

func day(s string) civil.Date {
	d, err := civil.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// act is an action in a fixture: "2024-12-31 not-started Owner" style.
type act struct {
	due, status, owner, title string
	steps                     []act
}

type rec struct {
	response    model.Response
	responsible []string
	actions     []act
}

// evaluation builds an evaluation linked as the loader links one.
func evaluation(id string, recs ...rec) *model.Evaluation {
	e := &model.Evaluation{ID: id, Title: "Evaluation " + id}
	for i, r := range recs {
		mr := &model.Recommendation{Number: i + 1, Title: "Recommendation", Response: r.response, Responsible: r.responsible, Evaluation: e}
		for j, a := range r.actions {
			ma := &model.Action{Tracking: tracking(j+1, a), Owner: a.owner, Recommendation: mr}
			for k, s := range a.steps {
				ma.Steps = append(ma.Steps, &model.Step{Tracking: tracking(k+1, s), Action: ma})
			}
			mr.Actions = append(mr.Actions, ma)
		}
		e.Recommendations = append(e.Recommendations, mr)
	}
	return e
}

func tracking(n int, a act) model.Tracking {
	d, err := model.ParseDue(a.due)
	if err != nil {
		panic(err)
	}
	return model.Tracking{Number: n, Title: a.title, Due: d, Status: model.Status(a.status)}
}

var (
	maliOnce sync.Once
	mali     []*model.Evaluation
	maliErr  error
)

// loadMali loads the bundled data, as the commands do.
func loadMali(t *testing.T) []*model.Evaluation {
	t.Helper()
	maliOnce.Do(func() {
		schemas, err := validate.LoadSchemas()
		if err != nil {
			maliErr = err
			return
		}
		dir, _ := filepath.Abs("../../data")
		res, err := load.Load(schemas, load.Options{Paths: []string{dir}, Cwd: dir, Limits: store.DefaultLimits})
		if err != nil {
			maliErr = err
			return
		}
		if res.Stats.Errors > 0 {
			maliErr = &Error{Msg: "the bundled data has errors: run mrtrack validate"}
			return
		}
		mali = res.Evaluations
	})
	if maliErr != nil {
		t.Fatal(maliErr)
	}
	return mali
}

func itemIDs(items []Item) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, it.Action.ID())
	}
	return out
}
