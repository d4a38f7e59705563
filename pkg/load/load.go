// Package load runs the one-way flow from disk to typed records: it finds
// the files, reads and validates them in parallel, applies the rules that
// span a folder, and assembles the valid records into the model.
package load

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/mrtrack/mrtrack/internal/parallel"
	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
)

// Options say what to load.
type Options struct {
	Paths  []string // folders or files; relative to Cwd
	Cwd    string
	Limits store.Limits
	// Today is the day dates are measured against (--as-of): a day after
	// it is an error. Zero skips those rules.
	Today civil.Date
	// DataDir is the data folder, when known: its owners.yaml is not a
	// record, and is set aside in Result.OwnersSource for pkg/owners.
	DataDir string
	// FindingsOnly is for a caller that reports findings and reads no
	// record (validate). Each recommendation is still decoded, so what the
	// model cannot hold is found, then kept only as its outline (numbers
	// and owners, which the checks across files read): the file's bytes,
	// which the model's strings share, need not stay in memory, and a
	// clean file's are read into the memory of the one before.
	FindingsOnly bool
}

// Stats count what was read.
type Stats struct {
	Files           int `json:"files"`
	Evaluations     int `json:"evaluations"`
	Recommendations int `json:"recommendations"`
	Actions         int `json:"actions"`
	Errors          int `json:"errors"` // found, shown or not
	Warnings        int `json:"warnings"`
	// ErrorsNotShown and WarningsNotShown are the findings a file had
	// past validate.MaxFindings, counted above but not listed.
	ErrorsNotShown   int `json:"errors_not_shown,omitempty"`
	WarningsNotShown int `json:"warnings_not_shown,omitempty"`
}

// Result is everything one load produced.
type Result struct {
	Files       []*validate.File  // with their findings; node trees released
	Findings    []finding.Finding // sorted by file and position
	Evaluations []*model.Evaluation
	Stats       Stats
	// OwnersSource is the data folder's owners.yaml when it was among the
	// files found: pkg/owners reads it (owners.Attach).
	OwnersSource *store.File
}

// Load reads, validates and assembles the records under opts.Paths. The
// error is for what stops the run as a whole (a path that does not exist);
// problems with files are findings.
func Load(schemas *validate.Schemas, opts Options) (*Result, error) {
	owners := ownersPath(opts.DataDir)
	var (
		files        []store.File
		treeFindings []finding.Finding
		err          error
	)
	// The walk feeds the workers as it goes, so reading starts with the
	// first file found rather than after the last.
	feed := newFeed()
	go func() {
		defer feed.close()
		files, treeFindings, err = store.DiscoverEach(opts.Paths, opts.Cwd, opts.Limits, func(f store.File) {
			if f.Abs != owners {
				feed.add(f)
			}
		})
	}()
	done := feed.each(func(f store.File) checked {
		r := readers.Get().(*reader)
		defer readers.Put(r)
		return r.check(schemas, f, opts)
	})
	if err != nil {
		return nil, err
	}
	res := finish(done, treeFindings)
	res.Findings = append(res.Findings, folderRules(res.Files)...)
	res.OwnersSource = ownersAmong(files, owners)
	finding.Sort(res.Findings)
	res.countFindings()
	return res, nil
}

// Source is a record file's bytes taken from elsewhere than the working
// tree, such as an old revision in git.
type Source struct {
	Path string // as shown to the user
	Abs  string // places the file in its evaluation folder
	Data []byte // not to be changed once given: the model shares its memory
}

// FromSources validates and assembles files already in memory, exactly as
// Load does files on disk, so an old revision is understood as a current
// one. Folder rules that need the disk are not applied.
func FromSources(schemas *validate.Schemas, srcs []Source) *Result {
	done := inParallel(len(srcs), func(i int) checked {
		r := readers.Get().(*reader)
		defer readers.Put(r)
		return decode(schemas.CheckWith(&r.Parser, srcs[i].Path, srcs[i].Abs, srcs[i].Data, civil.Date{}))
	})
	res := finish(done, nil)
	finding.Sort(res.Findings)
	res.countFindings()
	return res
}

func finish(files []checked, treeFindings []finding.Finding) *Result {
	res := &Result{Files: make([]*validate.File, len(files))}
	res.Findings = append(res.Findings, treeFindings...)
	for i, c := range files {
		res.Files[i] = c.file
		res.Findings = append(res.Findings, c.file.Findings...)
	}
	res.Evaluations, res.Findings = assemble(files, res.Findings)
	res.Stats = count(files)
	return res
}

// checked is a file once its worker is done with it: the validated file,
// its trees released, and what the model and the counts need of it.
type checked struct {
	file      *validate.File
	eval      *model.Evaluation     // the decoded evaluation.yaml, when usable
	rec       *model.Recommendation // the decoded rec-NN.yaml, when usable
	decodeErr error
	counted   bool // a recommendation that parsed into a mapping: counted in Stats
	actions   int  // the actions it lists, usable or not
}

// decode builds the model's part of one file, in the worker that checked
// it so it runs in parallel, then releases the file's node tree: only the
// model, the findings and the counts outlive the worker.
func decode(f *validate.File) checked {
	c := checked{file: f}
	c.actions, c.counted = f.ListedActions()
	if f.Usable() {
		switch f.Kind {
		case validate.KindEvaluation:
			e := &model.Evaluation{ID: f.Folder}
			if c.decodeErr = decodeEvaluation(f.Root, e); c.decodeErr == nil {
				c.eval = e
			}
		case validate.KindRecommendation:
			r := &model.Recommendation{}
			if c.decodeErr = decodeRecommendation(f.Root, r); c.decodeErr == nil {
				for _, a := range r.Actions {
					a.Recommendation = r
					for _, s := range a.Steps {
						s.Action = a
					}
				}
				c.rec = r
			}
		}
	}
	f.Release()
	return c
}

// inParallel runs check for 0..n-1 on every core; results keep their
// index, so output never depends on scheduling.
func inParallel[T any](n int, check func(i int) T) []T {
	out := make([]T, n)
	parallel.Each(n, func(i int) { out[i] = check(i) })
	return out
}

// reader is what a worker keeps from file to file: its ydoc.Parser,
// reusing the nodes of the file it read last, and in a findings-only load
// the memory of the last file's bytes when nothing kept them.
type reader struct {
	ydoc.Parser
	buf []byte
}

var readers = sync.Pool{New: func() any { return new(reader) }}

// check reads, checks and decodes f. The file's tree dies in decode, so
// the parser can read the next: the bytes read are the worker's alone
// and never change.
func (r *reader) check(schemas *validate.Schemas, f store.File, opts Options) checked {
	if kind, _ := validate.KindOf(filepath.Base(f.Abs)); kind != validate.KindRecommendation {
		// Its model, if any, keeps its bytes: memory of their own size,
		// not the room the last recommendation left.
		vf, _ := checkOne(schemas, &r.Parser, nil, f, opts.Limits.MaxFileSize, opts.Today)
		return decode(vf)
	}
	vf, data := checkOne(schemas, &r.Parser, r.buf, f, opts.Limits.MaxFileSize, opts.Today)
	c := decode(vf)
	r.buf = nil
	if opts.FindingsOnly && c.rec != nil {
		c.rec = c.rec.Outline()
		if len(c.file.Findings) == 0 && c.decodeErr == nil {
			// Nothing keeps the file's bytes or texts: their memory can
			// take the next file's.
			r.buf = data
			r.Recycle()
		}
	}
	return c
}

// checkOne reads f, into buf when it fits, and checks it. It returns the
// bytes read, which the file's strings share.
func checkOne(schemas *validate.Schemas, p *ydoc.Parser, buf []byte, f store.File, limit int64, today civil.Date) (*validate.File, []byte) {
	data, err := store.ReadInto(buf, f.Abs, limit)
	if err != nil {
		rule, hint := finding.RuleUnreadable, ""
		var tl store.ErrTooLarge
		if errors.As(err, &tl) {
			rule, hint = finding.RuleTooLarge, "a record file is a few kilobytes; split the content or check the file is a record"
		}
		vf := &validate.File{Path: f.Path, Abs: f.Abs, Folder: filepath.Base(filepath.Dir(f.Abs))}
		vf.Findings = []finding.Finding{{File: f.Path, Line: 1, Col: 1, Severity: finding.Error, Rule: rule,
			Message: "cannot read: " + errText(err), Hint: hint}}
		return vf, nil
	}
	return schemas.CheckWith(p, f.Path, f.Abs, data, today), data
}

func errText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// folderRules checks that every folder holding recommendations also holds
// its evaluation.yaml, whether or not that file was among those read. A
// folder whose evaluation.yaml was read needs no look at the disk: on
// 1,000 folders the looks were some 8 ms of a run's serial time.
func folderRules(files []*validate.File) []finding.Finding {
	var out []finding.Finding
	reported := map[string]bool{}
	for _, f := range files {
		if f.Kind == validate.KindEvaluation {
			reported[filepath.Dir(f.Abs)] = true
		}
	}
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

// assemble puts the decoded files into the model, one evaluation per
// folder, recommendations by number.
func assemble(files []checked, findings []finding.Finding) ([]*model.Evaluation, []finding.Finding) {
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
	for _, c := range files {
		f := c.file
		if !f.Usable() {
			continue
		}
		e := evalFor(f)
		if c.decodeErr != nil {
			findings = appendDecode(findings, f, c.decodeErr)
			continue
		}
		switch {
		case c.eval != nil:
			recs := e.Recommendations
			*e = *c.eval
			e.File, e.Recommendations = f.Path, recs
		case c.rec != nil:
			c.rec.Evaluation, c.rec.File = e, f.Path
			e.Recommendations = append(e.Recommendations, c.rec)
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

// appendDecode reports a value the schema let through but the model cannot
// hold, which means the schema and the model disagree, unless the file is
// a skeleton whose placeholders (its only errors, as it is usable) already
// explain it. A warning explains nothing: the file must still fail.
func appendDecode(fs []finding.Finding, f *validate.File, err error) []finding.Finding {
	if errs, _ := finding.Count(f.Findings); errs > 0 {
		return fs
	}
	return append(fs, finding.Finding{File: f.Path, Line: 1, Col: 1, Severity: finding.Error, Rule: finding.RuleSchemaOther,
		Message: "cannot read record: " + err.Error()})
}

// Add adds findings about the data that others made (pkg/owners), in
// order, and counts them.
func (res *Result) Add(fs []finding.Finding) {
	res.Findings = append(res.Findings, fs...)
	finding.Sort(res.Findings)
	res.countFindings()
}

// ownersPath is where the data folder's owners.yaml is, "" when the data
// folder is not known.
func ownersPath(dataDir string) string {
	if dataDir == "" {
		return ""
	}
	return filepath.Join(filepath.Clean(dataDir), validate.OwnersFile)
}

// ownersAmong returns the data folder's owners.yaml (at path want) when
// the walk found it, nil otherwise: it is not a record, and pkg/owners
// reads it.
func ownersAmong(files []store.File, want string) *store.File {
	for i := range files {
		if want != "" && files[i].Abs == want {
			return &files[i]
		}
	}
	return nil
}

// countFindings counts the errors and warnings found, those listed in
// res.Findings and those the files left out.
func (res *Result) countFindings() {
	st := &res.Stats
	st.Errors, st.Warnings = finding.Count(res.Findings)
	for _, f := range res.Files {
		st.ErrorsNotShown += f.ErrorsNotShown
		st.WarningsNotShown += f.WarningsNotShown
	}
	st.Errors += st.ErrorsNotShown
	st.Warnings += st.WarningsNotShown
}

// count fills in what was read; the caller adds the errors and warnings
// once every finding is in.
func count(files []checked) Stats {
	st := Stats{Files: len(files)}
	for _, c := range files {
		if c.file.Kind == validate.KindEvaluation {
			st.Evaluations++
		}
		if c.counted {
			st.Recommendations++
			st.Actions += c.actions
		}
	}
	return st
}
