package importer

import (
	"strings"
)

// The columns of an actions table, by what they hold.
const (
	roleNumber      = "number"
	roleTitle       = "title"
	roleOwner       = "owner"
	roleDescription = "description"
	roleDue         = "due"
	roleStatus      = "status"
	roleProgress    = "progress"
)

// roleOrder is the order the roles are read in a row.
var roleOrder = []string{roleNumber, roleTitle, roleOwner, roleDescription, roleDue, roleStatus, roleProgress}

// docxHeaders map header texts, English and French, folded by labelKey,
// to roles. Progress comes before status ("état d'avancement" is
// progress), and each list is tried in order.
var docxHeaders = []struct {
	prefixes []string
	role     string
}{
	{[]string{"progress", "progres", "avancement", "etat d'avancement", "suivi"}, roleProgress},
	{[]string{"status", "statut", "etat"}, roleStatus},
	{[]string{"top-line planned action", "planned action", "key action", "actions prevues", "action", "mesure"}, roleTitle},
	{[]string{"by whom", "responsible", "responsable", "par qui", "owner", "lead"}, roleOwner},
	{[]string{"comments", "commentaire", "description", "observations", "remarks"}, roleDescription},
	{[]string{"expected completion date", "completion date", "due date", "deadline", "date", "echeance", "delai", "timeline", "calendrier"}, roleDue},
	{[]string{"no", "n°", "#", "number", "numero"}, roleNumber},
}

func headerRole(text string) string {
	k := labelKey(text)
	if k == "" {
		return ""
	}
	for _, h := range docxHeaders {
		for _, p := range h.prefixes {
			if k == p || strings.HasPrefix(k, p) && (h.role != roleNumber) {
				return h.role
			}
		}
	}
	return ""
}

// actionHeader reports whether a row is the header of an actions table:
// it names an action column and a date column among at least three.
func actionHeader(r docxRow) bool {
	roles := map[string]bool{}
	for _, c := range r.cells {
		roles[headerRole(cellLine(c))] = true
	}
	delete(roles, "")
	return len(roles) >= 3 && roles[roleTitle] && roles[roleDue]
}

// docxColumns is where each role is: grid column → role.
type docxColumns struct {
	at map[int]string
}

// columns reads an actions header row. "Top-line planned actions" over
// two grid columns is the number and the action; "Progress" over two is
// the status and its comments unless a sub-header row says otherwise.
func (im *docxImport) columns(id string, r docxRow) *docxColumns {
	cols := &docxColumns{at: map[int]string{}}
	for _, c := range r.cells {
		text := cellLine(c)
		role := headerRole(text)
		switch {
		case text == "":
		case role == "":
			im.note(r.at(c), id+" actions", text, "a column import does not know: its cells are not imported", true)
		case role == roleTitle && c.Span >= 2:
			cols.at[c.Col] = roleNumber
			for i := 1; i < c.Span; i++ {
				cols.at[c.Col+i] = roleTitle
			}
		case role == roleProgress && c.Span >= 2:
			cols.at[c.Col] = roleStatus
			for i := 1; i < c.Span; i++ {
				cols.at[c.Col+i] = roleProgress
			}
		default:
			for i := 0; i < c.Span; i++ {
				cols.at[c.Col+i] = role
			}
		}
	}
	return cols
}

// subHeader reads the row under the header when it is a sub-header
// ("Status", "Comments" under "Progress"), and reports whether it was.
func (cols *docxColumns) subHeader(r docxRow) bool {
	found := false
	for _, c := range r.cells {
		text := cellLine(c)
		if text == "" {
			continue
		}
		role := headerRole(text)
		if role != roleStatus && role != roleDescription && role != roleProgress {
			return false
		}
		found = true
	}
	if !found {
		return false
	}
	for _, c := range r.cells {
		switch headerRole(cellLine(c)) {
		case roleStatus:
			cols.at[c.Col] = roleStatus
		case roleDescription, roleProgress:
			cols.at[c.Col] = roleProgress
		}
	}
	return true
}

// col is the first grid column of a role, -1 when the table has none.
func (cols *docxColumns) col(role string) int {
	best := -1
	for c, r := range cols.at {
		if r == role && (best < 0 || c < best) {
			best = c
		}
	}
	return best
}
