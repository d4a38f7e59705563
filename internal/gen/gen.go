// Package gen generates realistic record trees for benchmarks and tests:
// evaluations of 5 to 15 recommendations with 1 to 10 actions each, some
// with steps, in French and English prose of realistic length, with every
// status, response and kind of due date. Output depends on the seed alone:
// the same Options give the same bytes on every machine. It never reads the
// clock, and the trees it writes validate without a finding.
package gen

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"go.yaml.in/yaml/v3"
)

// Options say what to generate.
type Options struct {
	Seed uint64
	// Recommendations is the number of recommendation files. Evaluations
	// take 5 to 15 each; the last one takes what is left.
	Recommendations int
}

// File is one generated record file.
type File struct {
	Path string // relative to the data folder, slash-separated: EVO-2014-07/rec-03.yaml
	Data []byte
}

// Stats count what was generated.
type Stats struct {
	Files, Evaluations, Recommendations, Actions, Steps int
	Bytes                                               int64
}

// Reference is the day statuses are drawn against: items due long before
// it are mostly completed, items due after it mostly open, so that a query
// --as-of around it finds a realistic share overdue. It is a constant, not
// the clock.
var Reference = civil.New(2025, time.June, 30)

// firstYear and years span the twenty years of a system-wide repository.
const firstYear, years = 2006, 20

// Each generates a tree file by file, each folder's evaluation.yaml before
// its recommendations, folders in the order of their names, and hands each
// file to fn; nothing is kept, so trees of any size take little memory. It
// stops at fn's first error.
func Each(opts Options, fn func(File) error) (Stats, error) {
	g := &generator{r: rand.New(rand.NewPCG(opts.Seed, 0x6d72747261636b))}
	var st Stats
	emit := func(path string, data []byte) error {
		st.Files++
		st.Bytes += int64(len(data))
		return fn(File{Path: path, Data: data})
	}
	perYear := map[int]int{}
	for st.Recommendations < opts.Recommendations {
		n := min(5+g.intn(11), opts.Recommendations-st.Recommendations)
		year := min(firstYear+years*st.Recommendations/opts.Recommendations, firstYear+years-1)
		perYear[year]++
		e := g.evaluation(year, perYear[year])
		if err := emit(e.id+"/evaluation.yaml", encode("evaluation", e.node)); err != nil {
			return st, err
		}
		for i := 1; i <= n; i++ {
			rec, actions, steps := g.recommendation(e, i)
			if err := emit(fmt.Sprintf("%s/rec-%02d.yaml", e.id, i), encode("recommendation", rec)); err != nil {
				return st, err
			}
			st.Actions += actions
			st.Steps += steps
		}
		st.Evaluations++
		st.Recommendations += n
	}
	return st, nil
}

// Generate returns the files of a tree, in the order Each gives them.
func Generate(opts Options) ([]File, Stats) {
	var files []File
	st, _ := Each(opts, func(f File) error {
		files = append(files, f)
		return nil
	})
	return files, st
}

// Write generates a tree under dir, which must exist.
func Write(dir string, opts Options) (Stats, error) {
	return Each(opts, func(f File) error {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, f.Data, 0o644)
	})
}

func encode(kind string, n *yaml.Node) []byte {
	var b bytes.Buffer
	b.WriteString("# yaml-language-server: $schema=../../schema/" + kind + ".schema.json\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		panic(err) // the nodes are built here; an error is a bug in this file
	}
	return b.Bytes()
}

type generator struct{ r *rand.Rand }

func (g *generator) intn(n int) int        { return g.r.IntN(n) }
func (g *generator) chance(p float64) bool { return g.r.Float64() < p }
func pick[T any](g *generator, list []T) T { return list[g.intn(len(list))] }
func (g *generator) day(from civil.Date, span int) civil.Date {
	return from.AddDays(g.intn(span))
}

// weighted picks one of choices with the given weights.
func weighted[T any](g *generator, choices []T, weights ...int) T {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := g.intn(total)
	for i, w := range weights {
		if n < w {
			return choices[i]
		}
		n -= w
	}
	return choices[len(choices)-1]
}

// evaluation is what the recommendations of one evaluation share.
type evaluation struct {
	id     string
	lang   *lang
	issued civil.Date // when the management response was approved
	node   *yaml.Node
}

func (g *generator) evaluation(year, seq int) *evaluation {
	l := weighted(g, []*lang{&english, &french}, 6, 4)
	e := &evaluation{id: fmt.Sprintf("EVO-%d-%02d", year, seq), lang: l}
	due := g.day(civil.New(year, time.January, 15), 330)
	e.issued = due.AddDays(g.intn(60))
	kv := []*yaml.Node{
		key("id"), plain(e.id),
		key("reference"), str(fmt.Sprintf("EVO/%d/%02d", year, seq)),
		key("title"), str(fmt.Sprintf(pick(g, l.titles), pick(g, countries)) + fmt.Sprintf(" %d – %d", year-5, year-1)),
		key("language"), plain(l.code),
		key("commissioned_by"), str("Evaluation Office"),
	}
	// A fifth of the headers are in UNDP's layout: the organization, the
	// evaluation's type, plan and completion, and no response due date,
	// coordinator or approval, which such a source does not give.
	undp := g.chance(0.2)
	if undp {
		completed := due.AddDays(-30 - g.intn(200))
		kv = append(kv,
			key("organization"), str("UNDP"),
			key("evaluation_type"), str(pick(g, []string{"Country Programme Evaluation", "Thematic", "Project"})),
			key("evaluation_plan"), str(fmt.Sprintf("UNDP %s %d-%d", pick(g, countries), year-4, year)),
			key("completed_on"), plain(fmt.Sprintf("%04d-%02d", completed.Year, int(completed.Month))),
			key("completed_on_text"), str(fmt.Sprintf("%s %d", english.months[completed.Month-1], completed.Year)))
	} else {
		kv = append(kv, key("response_due"), plain(due.String()))
		if g.chance(0.3) {
			kv = append(kv, key("response_due_text"), str(longDate(l, due)))
		}
		kv = append(kv,
			key("coordinator"), mapping(key("name"), str(pick(g, people)), key("title"), str(pick(g, posts))),
			key("approved_by"), mapping(key("name"), str(pick(g, people)), key("title"), str(pick(g, posts)), key("office"), str(pick(g, offices))),
			key("approved_on"), plain(e.issued.String()),
		)
		if g.chance(0.2) {
			kv = append(kv, key("approved_on_text"), str(fmt.Sprintf("%d %s", e.issued.Day, l.months[e.issued.Month-1])))
		}
	}
	if undp {
		kv = append(kv, key("response_unit"), str(pick(g, offices)),
			key("links"), sequence(str(fmt.Sprintf("https://erc.example.org/evaluations/%s", e.id))))
	}
	if g.chance(0.3) {
		kv = append(kv, key("general_comments"), literal(g.paragraphs(l, 1)))
	}
	e.node = mapping(kv...)
	return e
}

func (g *generator) recommendation(e *evaluation, number int) (n *yaml.Node, actions, steps int) {
	l := e.lang
	response := weighted(g, []string{"agree", "partially-agree", "disagree", "not-stated"}, 80, 15, 5, 3)
	kv := []*yaml.Node{
		key("number"), integer(number),
		key("title"), str(g.title(l)),
		key("text"), literal(g.paragraphs(l, 1+g.intn(5))),
		key("response"), plain(response),
	}
	if response != "agree" {
		kv = append(kv, key("reasons"), str(pick(g, l.reasons)))
	} else if g.chance(0.3) {
		kv = append(kv, key("reasons"), str(""))
	}
	if g.chance(0.2) {
		kv = append(kv, key("comments"), literal(g.paragraphs(l, 1)))
	}
	if g.chance(0.2) {
		kv = append(kv, key("priority"), plain(pick(g, []string{"high", "medium", "low"})))
		if g.chance(0.3) {
			kv = append(kv, key("priority_text"), str("critical"))
		}
	}
	if g.chance(0.2) {
		kv = append(kv, key("tags"), sequence(str(fmt.Sprintf("Outcome %d", 1+g.intn(4)))))
	}
	var responsible []*yaml.Node
	for range 1 + g.intn(3) {
		responsible = append(responsible, str(pick(g, units)))
	}
	kv = append(kv, key("responsible"), sequence(responsible...))
	if g.chance(0.2) {
		kv = append(kv, key("responsible_text"), str(responsible[0].Value+", RB"))
	}
	var list []*yaml.Node
	for i, n := 1, 1+g.intn(10); i <= n; i++ {
		a, s := g.action(e, i)
		list = append(list, a)
		steps += s
	}
	kv = append(kv, key("actions"), sequence(list...))
	return mapping(kv...), len(list), steps
}

func (g *generator) action(e *evaluation, number int) (*yaml.Node, int) {
	l := e.lang
	t := g.tracking(e, "")
	kv := []*yaml.Node{
		key("number"), integer(number),
		key("title"), str(g.title(l)),
		key("owner"), str(pick(g, units)),
	}
	if g.chance(0.15) {
		kv = append(kv, key("owner_text"), str(kv[5].Value+" Unit"))
	}
	description := g.sentence(l)
	if g.chance(0.5) {
		description += " " + g.sentence(l)
	}
	kv = append(kv, key("description"), str(description))
	kv = append(kv, t.fields(true)...)
	nsteps := 0
	if g.chance(0.25) {
		var steps []*yaml.Node
		nsteps = 2 + g.intn(4)
		for i := 1; i <= nsteps; i++ {
			s := g.tracking(e, t.status)
			if s.dated && t.dated && s.deadline.After(t.deadline) {
				// A step falls due by its action's deadline.
				s.due, s.dueText, s.deadline, s.deadlines, s.originalDue, s.extensions = t.due, t.dueText, t.deadline, nil, nil, nil
			}
			steps = append(steps, mapping(append([]*yaml.Node{key("number"), integer(i), key("title"), str(g.title(l))}, s.fields(false)...)...))
		}
		kv = append(kv, key("steps"), sequence(steps...))
	}
	return mapping(kv...), nsteps
}

// tracking is the due date, status and progress of an action or step.
type tracking struct {
	due, dueText, originalDue *yaml.Node
	status, statusText        string
	progress                  string
	updated                   civil.Date
	evidence                  []string
	deadline                  civil.Date // when it falls due, if dated
	dated                     bool
	deadlines                 *yaml.Node // several deadlines, or nil
	added, completedOn        civil.Date
	verification, extensions  *yaml.Node
}

// tracking draws a due date within three years of the response, then a
// status that fits it: long past deadlines mostly completed, some left
// open (these are the overdue items), future ones mostly open. A step of
// a completed action is closed too, so no completed-open-steps warning.
func (g *generator) tracking(e *evaluation, parentStatus string) tracking {
	l := e.lang
	var t tracking
	kind := weighted(g, []string{"day", "month", "year", "quoted-year", "continuous", "every", "conditional", "unknown", "quarter", "half"}, 40, 18, 6, 4, 12, 8, 7, 5, 3, 2)
	deadline := g.day(e.issued, 3*365)
	dated := true
	switch kind {
	case "day":
		t.due, t.dueText = plain(deadline.String()), str(longDate(l, deadline))
	case "month":
		t.due, t.dueText = plain(fmt.Sprintf("%04d-%02d", deadline.Year, int(deadline.Month))), str(fmt.Sprintf("%s %d", l.months[deadline.Month-1], deadline.Year))
		deadline = deadline.EndOfMonth()
	case "year", "quoted-year":
		t.due = integer(deadline.Year)
		if kind == "quoted-year" {
			t.due = str(strconv.Itoa(deadline.Year))
		}
		t.dueText = str(fmt.Sprintf(l.yearEnd, deadline.Year))
		deadline = deadline.EndOfYear()
	case "quarter":
		q := (int(deadline.Month) + 2) / 3
		t.due, t.dueText = plain(fmt.Sprintf("%04d-Q%d", deadline.Year, q)), str(fmt.Sprintf("Q%d %d", q, deadline.Year))
		deadline = deadline.EndOfQuarter()
	case "half":
		h := (int(deadline.Month) + 5) / 6
		t.due, t.dueText = plain(fmt.Sprintf("%04d-H%d", deadline.Year, h)), str(fmt.Sprintf("H%d %d", h, deadline.Year))
		deadline = civil.New(deadline.Year, time.Month(6*h), 1).EndOfMonth()
	case "continuous":
		t.due, t.dueText, dated = plain("continuous"), str(pick(g, l.continuous)), false
	case "every":
		t.due = plain(weighted(g, []string{"every 6 months", "every 3 months", "every 1 year", "every 2 weeks"}, 5, 3, 2, 1))
		t.dueText, dated = str(pick(g, l.recurring)), false
	case "conditional":
		t.due, t.dueText, dated = plain("conditional"), str(pick(g, l.conditional)), false
	default:
		t.due, dated = plain("unknown"), false
		if w := pick(g, l.unknown); w != "" {
			t.dueText = str(w)
		}
	}
	if kind == "day" && g.chance(0.1) {
		// A re-dated item records the move, so a clean tree has no
		// unrecorded-extension warning; the draws stay those of the
		// generator before, so generated trees (and golden tables) keep.
		from := deadline.AddDays(-30 - g.intn(300))
		if on := from.AddDays(-g.intn(30)); g.chance(0.5) && !on.After(Reference) {
			t.originalDue = plain(from.String())
			t.extensions = sequence(mapping(key("from"), plain(from.String()), key("to"), plain(deadline.String()),
				key("on"), plain(on.String()), key("reason"), str(pick(g, l.reasons)), key("approved_by"), str(pick(g, people))))
		}
	}
	if kind == "month" && g.chance(0.1) {
		// Two deadlines a year apart; the first is met when it has passed.
		first := deadline.AddMonths(-12)
		firstDue := plain(fmt.Sprintf("%04d-%02d", first.Year, int(first.Month)))
		if met := first.EndOfMonth().AddDays(-g.intn(10)); !met.After(Reference) {
			t.deadlines = sequence(mapping(key("due"), firstDue, key("met_on"), plain(met.String())), mapping(key("due"), t.due))
		} else {
			t.deadlines = sequence(mapping(key("due"), firstDue), mapping(key("due"), t.due))
			t.due, deadline = firstDue, first.EndOfMonth()
		}
	}
	t.deadline, t.dated = deadline, dated
	t.added = e.issued.AddDays(g.intn(60))
	statuses := []string{"not-started", "in-progress", "completed", "ongoing", "no-longer-applicable"}
	switch {
	case parentStatus == "completed":
		t.status = weighted(g, statuses, 0, 0, 9, 0, 1)
	case !dated && (kind == "continuous" || kind == "every"):
		t.status = weighted(g, statuses, 0, 20, 20, 60, 0)
	case !dated:
		t.status = weighted(g, statuses, 40, 40, 15, 0, 5)
	case deadline.Before(Reference.AddDays(-365)):
		t.status = weighted(g, statuses, 4, 8, 80, 0, 8)
	case deadline.Before(Reference):
		t.status = weighted(g, statuses, 10, 30, 55, 0, 5)
	default:
		t.status = weighted(g, statuses, 40, 50, 10, 0, 0)
	}
	if words := l.statusWords[t.status]; g.chance(0.7) {
		t.statusText = pick(g, words)
	}
	if t.status != "not-started" && g.chance(0.6) {
		t.progress = g.progressText(l)
		t.updated = g.day(e.issued, 4*365)
		if t.updated.After(Reference) {
			t.updated = Reference
		}
	}
	if t.status == "completed" && g.chance(0.3) {
		t.evidence = append(t.evidence, fmt.Sprintf("https://example.org/%s/%06d.pdf", e.id, g.intn(1000000)))
	}
	if done := t.added.AddDays(g.intn(700)); t.status == "completed" && !done.After(Reference) && g.chance(0.4) {
		t.completedOn = done
		if on := done.AddDays(g.intn(60)); !on.After(Reference) && g.chance(0.5) {
			t.verification = mapping(key("status"), plain(weighted(g, []string{"accepted", "returned"}, 4, 1)),
				key("by"), str("Evaluation Office"), key("on"), plain(on.String()), key("note"), str(g.sentence(l)))
		}
	}
	if g.chance(0.3) || t.added.After(Reference) {
		t.added = civil.Date{}
	}
	return t
}

// fields writes t in the record order; an action always has progress, a
// step only when there is some.
func (t tracking) fields(action bool) []*yaml.Node {
	kv := []*yaml.Node{key("due"), t.due}
	if t.dueText != nil {
		kv = append(kv, key("due_text"), t.dueText)
	}
	if t.originalDue != nil {
		kv = append(kv, key("original_due"), t.originalDue)
	}
	if t.deadlines != nil {
		kv = append(kv, key("deadlines"), t.deadlines)
	}
	if t.extensions != nil {
		kv = append(kv, key("extensions"), t.extensions)
	}
	kv = append(kv, key("status"), plain(t.status))
	if t.statusText != "" {
		kv = append(kv, key("status_text"), str(t.statusText))
	}
	if action || t.progress != "" {
		kv = append(kv, key("progress"), str(t.progress))
	}
	if !t.updated.IsZero() {
		kv = append(kv, key("updated"), plain(t.updated.String()))
	}
	if !t.added.IsZero() {
		kv = append(kv, key("added"), plain(t.added.String()))
	}
	if !t.completedOn.IsZero() {
		kv = append(kv, key("completed_on"), plain(t.completedOn.String()))
	}
	if t.verification != nil {
		kv = append(kv, key("verification"), t.verification)
	}
	if len(t.evidence) > 0 {
		var ev []*yaml.Node
		for _, e := range t.evidence {
			ev = append(ev, str(e))
		}
		kv = append(kv, key("evidence"), sequence(ev...))
	}
	return kv
}

func longDate(l *lang, d civil.Date) string {
	return fmt.Sprintf("%d %s %d", d.Day, l.months[d.Month-1], d.Year)
}

// Node constructors. A plain node is written as it is and read back by
// YAML's own rules (dates, statuses); a str node is always read back as
// text, quoted when it would otherwise read as something else.
func key(s string) *yaml.Node   { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }
func plain(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }
func str(s string) *yaml.Node   { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }
func integer(n int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(n)}
}
func literal(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Style: yaml.LiteralStyle}
}
func mapping(kv ...*yaml.Node) *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode, Content: kv} }
func sequence(items ...*yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.SequenceNode, Content: items}
}
