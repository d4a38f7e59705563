// Package load runs the one-way flow from disk to typed records: it finds
// the files, reads and validates them in parallel, applies the rules that
// span a folder, and assembles the valid records into the model.
package load

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
)

// Options say what to load.
type Options struct {
	Paths  []string // folders or files; relative to Cwd
	Cwd    string
	Limits store.Limits
}

// Stats count what was read.
type Stats struct {
	Files           int `json:"files"`
	Evaluations     int `json:"evaluations"`
	Recommendations int `json:"recommendations"`
	Actions         int `json:"actions"`
	Errors          int `json:"errors"`
	Warnings        int `json:"warnings"`
}

// Result is everything one load produced.
type Result struct {
	Files       []*validate.File
	Findings    []finding.Finding // sorted by file and position
	Evaluations []*model.Evaluation
	Stats       Stats
}

// Load reads, validates and assembles the records under opts.Paths. The
// error is for what stops the run as a whole (a path that does not exist);
// problems with files are findings.
func Load(schemas *validate.Schemas, opts Options) (*Result, error) {
	files, treeFindings, err := store.Discover(opts.Paths, opts.Cwd, opts.Limits)
	if err != nil {
		return nil, err
	}
	res := &Result{Files: checkAll(schemas, files, opts.Limits.MaxFileSize)}
	res.Findings = append(res.Findings, treeFindings...)
	for _, f := range res.Files {
		res.Findings = append(res.Findings, f.Findings...)
	}
	res.Findings = append(res.Findings, folderRules(res.Files)...)
	res.Evaluations, res.Findings = assemble(res.Files, res.Findings)
	finding.Sort(res.Findings)
	res.Stats = count(res)
	return res, nil
}

// checkAll reads and validates files on GOMAXPROCS workers; results keep
// the order of files, so output never depends on scheduling.
func checkAll(schemas *validate.Schemas, files []store.File, limit int64) []*validate.File {
	out := make([]*validate.File, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(files), 1)) {
		wg.Go(func() {
			for i := range next {
				out[i] = checkOne(schemas, files[i], limit)
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

func checkOne(schemas *validate.Schemas, f store.File, limit int64) *validate.File {
	data, err := store.Read(f.Abs, limit)
	if err != nil {
		rule, hint := finding.RuleUnreadable, ""
		var tl store.ErrTooLarge
		if errors.As(err, &tl) {
			rule, hint = finding.RuleTooLarge, "a record file is a few kilobytes; split the content or check the file is a record"
		}
		vf := &validate.File{Path: f.Path, Abs: f.Abs, Folder: filepath.Base(filepath.Dir(f.Abs))}
		vf.Findings = []finding.Finding{{File: f.Path, Line: 1, Col: 1, Severity: finding.Error, Rule: rule,
			Message: "cannot read: " + errText(err), Hint: hint}}
		return vf
	}
	return schemas.Check(f.Path, f.Abs, data)
}

func errText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// folderRules checks that every folder holding recommendations also holds
// its evaluation.yaml, whether or not that file was among those read.
func folderRules(files []*validate.File) []finding.Finding {
	var out []finding.Finding
	reported := map[string]bool{}
	for _, f := range files {
		dir := filepath.Dir(f.Abs)
		if f.Kind != validate.KindRecommendation || reported[dir] {
			continue
		}
		reported[dir] = true
		if fi, err := os.Stat(filepath.Join(dir, validate.EvaluationFile)); err == nil && fi.Mode().IsRegular() {
			continue
		}
		out = append(out, finding.Finding{File: f.Path, Line: 1, Col: 1, Severity: finding.Error, Rule: finding.RuleEvaluationFile,
			Message: fmt.Sprintf("folder %s has no %s", f.Folder, validate.EvaluationFile),
			Hint:    "every evaluation folder needs an evaluation.yaml describing the evaluation (mrtrack new evaluation)"})
	}
	return out
}

// assemble decodes the valid files into the model, one evaluation per
// folder, recommendations by number.
func assemble(files []*validate.File, findings []finding.Finding) ([]*model.Evaluation, []finding.Finding) {
	byDir := map[string]*model.Evaluation{}
	var order []string
	evalFor := func(f *validate.File) *model.Evaluation {
		dir := filepath.Dir(f.Abs)
		e, ok := byDir[dir]
		if !ok {
			e = &model.Evaluation{ID: f.Folder}
			byDir[dir] = e
			order = append(order, dir)
		}
		return e
	}
	for _, f := range files {
		if !f.Valid() {
			continue
		}
		e := evalFor(f)
		switch f.Kind {
		case validate.KindEvaluation:
			recs := e.Recommendations
			if err := f.Root.Decode(e); err != nil {
				findings = append(findings, decodeFinding(f, err))
				continue
			}
			e.File, e.Recommendations = f.Path, recs
		case validate.KindRecommendation:
			r := &model.Recommendation{}
			if err := f.Root.Decode(r); err != nil {
				findings = append(findings, decodeFinding(f, err))
				continue
			}
			r.Evaluation, r.File = e, f.Path
			for _, a := range r.Actions {
				a.Recommendation = r
				for _, s := range a.Steps {
					s.Action = a
				}
			}
			e.Recommendations = append(e.Recommendations, r)
		}
	}
	slices.Sort(order)
	evals := make([]*model.Evaluation, 0, len(order))
	for _, dir := range order {
		e := byDir[dir]
		slices.SortStableFunc(e.Recommendations, func(a, b *model.Recommendation) int { return a.Number - b.Number })
		evals = append(evals, e)
	}
	return evals, findings
}

// decodeFinding reports a value the schema let through but the model
// cannot hold; it means the schema and the model disagree.
func decodeFinding(f *validate.File, err error) finding.Finding {
	return finding.Finding{File: f.Path, Line: 1, Col: 1, Severity: finding.Error, Rule: finding.RuleSchemaOther,
		Message: "cannot read record: " + err.Error()}
}

func count(res *Result) Stats {
	st := Stats{Files: len(res.Files)}
	for _, f := range res.Files {
		if f.Kind == validate.KindEvaluation {
			st.Evaluations++
		}
		m, ok := f.Value.(map[string]any)
		if !ok || f.Kind != validate.KindRecommendation {
			continue
		}
		st.Recommendations++
		actions, _ := m["actions"].([]any)
		st.Actions += len(actions)
	}
	st.Errors, st.Warnings = finding.Count(res.Findings)
	return st
}
