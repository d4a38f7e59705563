package importer

import (
	"fmt"
	"strings"

	"github.com/mrtrack/mrtrack/internal/lazyregexp"
	"go.yaml.in/yaml/v3"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/docx"
	"github.com/mrtrack/mrtrack/pkg/validate"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
)

// docxEval is the header block as read: each field's cell.
type docxEval struct {
	cells map[string]docxRow // field → its row
}

// docxHeaderLabels map the template's header labels, English and French,
// folded by labelKey, to evaluation fields; the first prefix that matches
// wins, so "due date of …" is not read as the approval "date".
var docxHeaderLabels = []struct {
	prefixes []string
	field    string
}{
	{[]string{"evaluation title", "titre de l'evaluation", "title of the evaluation"}, "title"},
	{[]string{"unhcr evaluation reference", "evaluation reference", "reference"}, "reference"},
	{[]string{"entity that commissioned", "commissioned by", "commissioning", "entite qui a commande", "commanditaire"}, "commissioned_by"},
	{[]string{"due date of management response", "due date", "date limite", "date d'echeance"}, "response_due"},
	{[]string{"coordinator", "coordinateur", "coordonnateur", "coordinatrice"}, "coordinator"},
	{[]string{"management response approved by", "approved by", "reponse de la direction approuvee par", "approuve"}, "approved_by"},
	{[]string{"general comments", "commentaires generaux", "observations generales"}, "general_comments"},
}

func headerField(label string) string {
	for _, l := range docxHeaderLabels {
		for _, p := range l.prefixes {
			if strings.HasPrefix(label, p) {
				return l.field
			}
		}
	}
	if label == "date" || label == "date of approval" || label == "date d'approbation" {
		return "approved_on"
	}
	return ""
}

// headerRow reads one row of the header block.
func (im *docxImport) headerRow(r docxRow) {
	if im.eval.cells == nil {
		im.eval.cells = map[string]docxRow{}
	}
	f := headerField(r.label())
	if f == "" {
		return
	}
	if _, dup := im.eval.cells[f]; !dup {
		im.eval.cells[f] = r
	}
}

// value is the text of a header field's cells after the label.
func (e docxEval) value(field string) (string, Location, bool) {
	r, ok := e.cells[field]
	if !ok {
		return "", Location{}, false
	}
	var parts []string
	at := r.at(r.cells[0])
	for i, c := range r.rest() {
		if i == 0 {
			at = r.at(c)
		}
		parts = append(parts, cellLine(c))
	}
	return strings.Join(parts, " "), at, true
}

// evaluation builds evaluation.yaml's mapping, and the id.
func (im *docxImport) evaluation() (string, *yaml.Node) {
	e := im.eval
	var pairs []any
	field := func(name, what, placeholder string) string {
		v, at, ok := e.value(name)
		if ok && !Empty(v) {
			return v
		}
		im.note(at, "evaluation "+name, v, "the header block gives no "+what+": fill it in", true)
		return validate.Placeholder(placeholder)
	}
	title := field("title", "evaluation title", "title of the evaluation")
	reference := field("reference", "evaluation reference", "the evaluation office's reference, e.g. EVO/2025/01")
	id := im.opt.ID
	if id == "" && !strings.HasPrefix(reference, "TODO:") {
		id = idOfReference(reference)
		if id != "" {
			_, at, _ := e.value("reference")
			im.note(at, "evaluation id", reference, "the id "+id+" is the reference with - for / and spaces", false)
		}
	}
	if id != "" {
		pairs = append(pairs, "id", ydoc.Str(id))
	}
	pairs = append(pairs, "reference", reference, "title", title, "language", ydoc.Token(im.language()))
	pairs = append(pairs, "commissioned_by", field("commissioned_by", "commissioning entity", "who commissioned the evaluation, e.g. Evaluation Office"))

	due, dueAt, hasDue := e.value("response_due")
	var dueDay civil.Date
	if hasDue && !Empty(due) {
		if v, p := civil.Suggest(due); p == civil.DayPrecise {
			dueDay, _ = civil.Parse(v)
			pairs = append(pairs, "response_due", ydoc.Token(v), "response_due_text", due)
			if v != due {
				im.note(dueAt, "evaluation response_due", due, "read as "+v, false)
			}
		} else {
			pairs = append(pairs, "response_due_text", due)
			im.note(dueAt, "evaluation response_due", due, "not a day: response_due left out, the wording kept in response_due_text", true)
		}
	}
	if v, _, ok := e.value("coordinator"); ok && !Empty(v) {
		pairs = append(pairs, "coordinator", im.person("coordinator", v))
	}
	if r, ok := e.cells["approved_by"]; ok {
		if n := im.approver(r); n != nil {
			pairs = append(pairs, "approved_by", n)
		}
	}
	if v, at, ok := e.value("approved_on"); ok && !Empty(v) {
		pairs = append(pairs, im.approvedOn(v, at, dueDay)...)
	}
	if r, ok := e.cells["general_comments"]; ok {
		var blocks []docx.Block
		for _, c := range r.rest() {
			blocks = append(blocks, c.Blocks...)
		}
		if md := markdownValue(blocks); !Empty(md) {
			pairs = append(pairs, "general_comments", md)
		}
	}
	return id, ydoc.Mapping(pairs...)
}

// idOfReference makes an id of a reference: EVO/2024/03 → EVO-2024-03.
func idOfReference(ref string) string {
	id := strings.Trim(referenceSep.ReplaceAllString(strings.TrimSpace(ref), "-"), "-")
	if !idRE.MatchString(id) {
		return ""
	}
	return id
}

var (
	referenceSep = lazyregexp.New(`[\s/\\]+`)
	idRE         = lazyregexp.New(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
)

var personSep = lazyregexp.New(`\s+[-–—]\s+|,\s+`)

// person splits "Sarah Hadjer Trabsi - Senior Operations Officer" into
// name and title.
func (im *docxImport) person(field, v string) *yaml.Node {
	r := im.eval.cells[field]
	at := r.at(r.rest()[0])
	parts := personSep.Split(v, 2)
	if len(parts) == 2 {
		sep := strings.TrimSpace(v[len(parts[0]) : len(v)-len(parts[1])])
		im.note(at, "evaluation "+field, v, fmt.Sprintf("split at %q into name and title", sep), false)
		return ydoc.Mapping("name", parts[0], "title", parts[1])
	}
	return ydoc.Mapping("name", v)
}

// approverLabels name the approver's cells: "Name:", "Job title:",
// "Country/Office:".
var approverLabels = []struct{ prefix, key string }{
	{"job title", "title"}, {"title", "title"}, {"titre", "title"}, {"fonction", "title"}, {"poste", "title"},
	{"name", "name"}, {"nom", "name"}, {"country/office", "office"}, {"office", "office"}, {"bureau", "office"},
	{"pays/bureau", "office"}, {"country", "office"},
}

// approverLabelRE finds the labels of the approver's parts, to split a
// line that holds them all ("Name: … Job title: … Country/Office: …").
var approverLabelRE = lazyregexp.New(`(?i)(?:^|\s)(?:name|nom|job title|titre|fonction|country/office|bureau)\s*:`)

func splitApprover(v string) []string {
	at := approverLabelRE.FindAllStringIndex(v, -1)
	if len(at) < 2 {
		return []string{v}
	}
	var out []string
	if head := strings.TrimSpace(v[:at[0][0]]); head != "" {
		out = append(out, head)
	}
	for i, a := range at {
		end := len(v)
		if i+1 < len(at) {
			end = at[i+1][0]
		}
		out = append(out, strings.TrimSpace(v[a[0]:end]))
	}
	return out
}

func (im *docxImport) approver(r docxRow) *yaml.Node {
	var pairs []any
	seen := map[string]bool{}
	positional := []string{"name", "title", "office"}
	var parts []string
	for _, c := range r.rest() {
		parts = append(parts, splitApprover(cellLine(c))...)
	}
	for i, v := range parts {
		key := ""
		if label, rest, ok := strings.Cut(v, ":"); ok {
			l := labelKey(label)
			for _, a := range approverLabels {
				if l == a.prefix {
					key, v = a.key, strings.TrimSpace(rest)
					break
				}
			}
		}
		if key == "" && i < len(positional) {
			key = positional[i]
		}
		if key == "" || seen[key] || Empty(v) {
			continue
		}
		seen[key] = true
		pairs = append(pairs, key, v)
	}
	if len(pairs) == 0 {
		return nil
	}
	return ydoc.Mapping(pairs...)
}

// approvedOn reads the approval date; one without a year ("9th of
// August") takes the year that puts it nearest after the response's due
// date, and says so.
func (im *docxImport) approvedOn(v string, at Location, due civil.Date) []any {
	if s, p := civil.Suggest(v); p == civil.DayPrecise {
		if s != v {
			im.note(at, "evaluation approved_on", v, "read as "+s, false)
		}
		return []any{"approved_on", ydoc.Token(s), "approved_on_text", v}
	}
	if due.Valid() {
		year := due.Year
		if s, p := civil.Suggest(v + " " + fmt.Sprint(year)); p == civil.DayPrecise {
			d, _ := civil.Parse(s)
			if due.DaysSince(d) > 183 {
				s, _ = civil.Suggest(v + " " + fmt.Sprint(year+1))
			}
			im.note(at, "evaluation approved_on", v, fmt.Sprintf("the date has no year: read as %s, the first such day after the response was due (%s)", s, due), false)
			return []any{"approved_on", ydoc.Token(s), "approved_on_text", v}
		}
	}
	im.note(at, "evaluation approved_on", v, "not a day: approved_on left out, the wording kept in approved_on_text", true)
	return []any{"approved_on_text", v}
}

// language is --lang, or the language most of the recommendations' words
// are in, with a note.
func (im *docxImport) language() string {
	if im.opt.Lang != "" {
		return im.opt.Lang
	}
	fr, en := 0, 0
	for _, r := range im.rows {
		for _, c := range r.cells {
			for _, w := range strings.Fields(strings.ToLower(c.Text())) {
				switch strings.Trim(w, ".,;:()") {
				case "le", "la", "les", "des", "du", "et", "pour", "avec", "dans", "une", "sur", "aux":
					fr++
				case "the", "and", "of", "to", "with", "for", "in", "on", "by", "an", "is":
					en++
				}
			}
		}
	}
	lang := "en"
	if fr > en {
		lang = "fr"
	}
	im.note(Location{}, "evaluation language", "", fmt.Sprintf("read as %s: %d French and %d English common words (--lang sets it)", lang, fr, en), false)
	return lang
}
