package importer

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/mrtrack/mrtrack/pkg/query"
)

// A Column is what a spreadsheet column holds, named as --map names it.
type Column string

const (
	colEvaluation   Column = "evaluation" // the evaluation's id
	colRecNumber    Column = "rec.number"
	colRecTitle     Column = "rec.title"
	colRecText      Column = "rec.text"
	colResponse     Column = "rec.response" // agree, partially agree, disagree
	colComments     Column = "rec.comments" // management's prose response
	colReasons      Column = "rec.reasons"
	colResponsible  Column = "rec.responsible"
	colActionNumber Column = "action.number"
	colTitle        Column = "action.title"
	colDescription  Column = "action.description"
	colOwner        Column = "action.owner"
	colDue          Column = "action.due"
	colStatus       Column = "action.status"
	colProgress     Column = "action.progress"
	colUpdated      Column = "action.updated"
	colAdded        Column = "action.added"
	colEvidence     Column = "action.evidence"
	colSkip         Column = "skip" // --map only: a column to leave out
)

// Columns are the fields --map takes, in the order help lists them.
var Columns = []Column{colEvaluation, colRecNumber, colRecTitle, colRecText, colResponse, colComments,
	colReasons, colResponsible, colActionNumber, colTitle, colDescription, colOwner, colDue, colStatus,
	colProgress, colUpdated, colAdded, colEvidence, colSkip}

func fieldList() string {
	names := make([]string, len(Columns))
	for i, c := range Columns {
		names[i] = string(c)
	}
	return strings.Join(names, ", ")
}

// IsColumn reports whether --map may name field.
func IsColumn(field string) bool { return slices.Contains(Columns, Column(field)) }

// headers are the column headers import knows, folded (see headerKey),
// in English, in French and as UNDP's Evaluation Resource Centre exports
// them (Key Action, Responsible, Due Date, Status, Comments); French is
// marked so the language of a source can be told from its headers.
var headers = map[string]Column{}
var frenchHeaders = map[string]bool{}

func init() {
	for c, names := range map[Column][2][]string{
		colEvaluation: {{"evaluation", "evaluation id", "evaluation code", "evaluation number"}, {"identifiant de l evaluation", "code de l evaluation"}},
		colRecNumber: {{"recommendation no", "recommendation number", "recommendation nr", "rec no", "rec", "no", "recommendation id", "recommendation n"},
			{"no recommandation", "n recommandation", "numero de recommandation", "numero", "n", "recommandation n", "recommandation no", "numero de la recommandation"}},
		colRecTitle:     {{"recommendation title"}, {"titre de la recommandation"}},
		colRecText:      {{"recommendation", "recommendation text", "recommendations", "evaluation recommendation"}, {"recommandation", "recommandations", "texte de la recommandation"}},
		colResponse:     {{"response", "management response category", "agree disagree", "accepted", "acceptance", "response category"}, {"reponse", "accord", "position", "categorie de reponse"}},
		colComments:     {{"management response", "management comments"}, {"reponse de la direction", "reponse de la gestion", "commentaires de la direction"}},
		colReasons:      {{"reasons", "reason", "justification"}, {"raisons", "motifs", "justification"}},
		colResponsible:  {{"responsible unit", "responsible units", "unit responsible", "units responsible", "lead unit"}, {"unite responsable", "unites responsables", "responsabilite"}},
		colActionNumber: {{"key action no", "key action number", "action no", "action number", "action id"}, {"no action", "n action", "numero de l action", "action n"}},
		colTitle:        {{"key action", "key actions", "action", "actions", "planned action", "planned actions", "top line planned actions"}, {"action cle", "actions cles", "action prevue", "actions prevues", "actions planifiees"}},
		colDescription:  {{"description", "action description"}, {"description de l action"}},
		colOwner:        {{"responsible", "by whom", "owner", "responsible person", "action owner"}, {"responsable", "par qui", "qui", "responsable de l action"}},
		colDue:          {{"due date", "duedate", "due", "deadline", "expected completion date", "target date", "time frame", "timeframe"}, {"echeance", "date d echeance", "date limite", "date prevue", "date de realisation prevue", "date d achevement prevue", "delai", "calendrier"}},
		colStatus:       {{"status", "implementation status"}, {"statut", "etat", "etat d avancement", "statut de mise en oeuvre"}},
		colProgress:     {{"comments", "comment", "progress", "progress comments", "tracking comments"}, {"commentaires", "commentaire", "progres", "commentaires sur les progres", "avancement", "observations"}},
		colUpdated:      {{"last updated", "updated", "last update"}, {"derniere mise a jour", "mis a jour", "mise a jour"}},
		colAdded:        {{"added", "date added"}, {"ajoute", "ajoutee", "date d ajout"}},
		colEvidence:     {{"documents", "document", "evidence", "means of verification", "links"}, {"documents", "justificatifs", "preuves", "moyens de verification", "liens"}},
	} {
		for _, n := range names[0] {
			headers[n] = c
		}
		for _, n := range names[1] {
			if _, english := headers[n]; !english {
				frenchHeaders[n] = true
			}
			headers[n] = c
		}
	}
}

// headerKey is a header as it is compared: folded (case, accents), with
// punctuation (N°, Rec., Due-Date, "d'échéance") as spaces.
func headerKey(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return ' '
	}, query.Fold(strings.ReplaceAll(s, "°", " ")))
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimPrefix(s, "the ")
}

// columnOf is what a header names: --map first, then the known headers.
func columnOf(header string, o Options) (Column, bool) {
	key := headerKey(header)
	if key == "" {
		return "", false
	}
	for h, f := range o.Map {
		if headerKey(h) == key {
			return Column(f), true
		}
	}
	c, ok := headers[key]
	return c, ok
}

// headerRow is the index of the first row among the first rows of g that
// names at least two columns import knows, or -1.
func (g *grid) headerRow(o Options) int {
	for i := 0; i < len(g.rows) && i < 30; i++ {
		known := 0
		seen := map[Column]bool{}
		for _, c := range g.rows[i] {
			if col, ok := columnOf(c, o); ok && !seen[col] {
				seen[col] = true
				known++
			}
		}
		if known >= 2 && (seen[colTitle] || seen[colRecText] || seen[colRecNumber] || seen[colStatus] || seen[colDue]) {
			return i
		}
	}
	return -1
}

// layout is what each column of a sheet holds, from its header row (and
// the row under it where headers are merged over two rows: "Progress"
// over "Status" and "Comments").
type layout struct {
	header  int      // the header row; data starts after it
	data    int      // the first data row
	cols    []Column // by column index; "" for a column import does not know
	names   []string // the headers as written
	where   map[Column]int
	unknown []int // columns with a header import does not know
	french  int   // headers read as French
	english int
}

// readLayout reads the header row h of g, and the row under it when it
// holds headers too.
func readLayout(name string, g *grid, h int, o Options) (*layout, error) {
	l := &layout{header: h, data: h + 1, where: map[Column]int{}}
	width := len(g.rows[h])
	sub := h+1 < len(g.rows) && g.subHeader(h+1, o)
	if sub {
		width = max(width, len(g.rows[h+1]))
		l.data = h + 2
	}
	for j := 0; j < width; j++ {
		text := strings.TrimSpace(g.cell(h, j))
		col, ok := columnOf(text, o)
		if sub {
			// The row under a merged header names the columns: it wins
			// where it knows the header.
			if c2, ok2 := columnOf(g.cell(h+1, j), o); ok2 && g.cell(h+1, j) != g.cell(h, j) {
				text, col, ok = strings.TrimSpace(g.cell(h+1, j)), c2, true
			}
		}
		l.cols = append(l.cols, "")
		l.names = append(l.names, text)
		switch {
		case text == "":
		case !ok:
			l.unknown = append(l.unknown, j)
		case col == colSkip:
		default:
			if first, dup := l.where[col]; dup {
				return nil, &SourceError{File: name, At: g.at(h, j), Msg: fmt.Sprintf("two columns hold %s: %q (column %s) and %q (column %s)", col, l.names[first], g.columnName(first), text, g.columnName(j)),
					Hint: fmt.Sprintf("map one of them elsewhere, e.g. --map '%s=skip'", text)}
			}
			l.where[col] = j
			l.cols[j] = col
			if frenchHeaders[headerKey(text)] {
				l.french++
			} else if _, mapped := o.Map[text]; !mapped {
				l.english++
			}
		}
	}
	for h := range o.Map {
		if !slices.ContainsFunc(l.names, func(n string) bool { return headerKey(n) == headerKey(h) }) {
			return nil, &MapError{Column: h, Headers: slices.DeleteFunc(slices.Clone(l.names), func(s string) bool { return s == "" })}
		}
	}
	if _, ok := l.where[colTitle]; !ok {
		return nil, notAResponse(name, fmt.Sprintf("no column of actions among the headers at %s (%s)", g.at(h, -1), strings.Join(nonEmpty(l.names), ", ")))
	}
	_, num := l.where[colRecNumber]
	_, text := l.where[colRecText]
	if !num && !text {
		return nil, notAResponse(name, fmt.Sprintf("no column that names the recommendation among the headers at %s (%s)", g.at(h, -1), strings.Join(nonEmpty(l.names), ", ")))
	}
	return l, nil
}

// subHeader reports whether row i is the second row of a header merged
// over two rows: it names a column import knows where the row above
// holds a header import does not (a group such as "Progress") or the
// same header (merged down).
func (g *grid) subHeader(i int, o Options) bool {
	found := false
	for j, c := range g.rows[i] {
		if strings.TrimSpace(c) == "" {
			continue
		}
		_, ok := columnOf(c, o)
		above := g.cell(i-1, j)
		_, aboveKnown := columnOf(above, o)
		switch {
		case ok && c == above:
		case ok && !aboveKnown:
			found = true
		default:
			return false
		}
	}
	return found
}

func nonEmpty(s []string) []string {
	return slices.DeleteFunc(slices.Clone(s), func(s string) bool { return strings.TrimSpace(s) == "" })
}

// MapError is a --map naming a column the source does not have.
type MapError struct {
	Column  string
	Headers []string
}

func (e *MapError) Error() string {
	return fmt.Sprintf("--map %q: the source has no column of that name", e.Column)
}

// Hint lists the columns there are.
func (e *MapError) Hint() string {
	return "its columns are: " + strings.Join(e.Headers, ", ")
}
