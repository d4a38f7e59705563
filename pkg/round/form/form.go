// Package form writes an update round's forms, one per owner, as an Excel
// workbook and as CSV, and reads them back as owners return them: Excel's
// date serials or typed dates, trailing spaces, French status words,
// formula cells, extra rows, files LibreOffice saved. It turns a returned
// form into updates and findings with the cell they are about
// (form.xlsx:Actions!H7); it does not touch records or the round file.
package form

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/escape"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
)

// Form is what one owner is sent.
type Form struct {
	Round    string
	Owner    string
	Language string // "fr" or "en"
	Due      civil.Date
	Items    []Item
}

// Item is one action or step on a form, as the records have it.
type Item struct {
	ID             string // qualified: EVO-2024-03/R3.5
	Recommendation string
	Title          string
	Due            string // as records write it: 2024-12-31, 2025-11, continuous
	Status         model.Status
	Progress       string
	Updated        civil.Date
}

// Languages are the languages forms are written in; others get English.
var Languages = []string{"en", "fr"}

// LanguageOf is the form language for a record's language: fr for French,
// else en.
func LanguageOf(lang string) string {
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(lang)), "fr") {
		return "fr"
	}
	return "en"
}

// The column keys, in form order. The first seven are locked: what the
// records say. The others are the owner's.
const (
	ColID             = "id"
	ColRecommendation = "recommendation"
	ColTitle          = "title"
	ColDue            = "due"
	ColStatus         = "status"
	ColProgress       = "progress"
	ColUpdated        = "updated"
	ColNewStatus      = "new_status"
	ColNewProgress    = "new_progress"
	ColCompletedOn    = "completed_on"
	ColNewDue         = "new_due"
	ColReason         = "reason"
)

// Column is one column of the form.
type Column struct {
	Key    string
	Locked bool
	Width  float64
	Label  map[string]string // by language
}

// Columns are the form's columns, in order.
var Columns = []Column{
	{ColID, true, 20, map[string]string{"en": "ID", "fr": "ID"}},
	{ColRecommendation, true, 40, map[string]string{"en": "Recommendation", "fr": "Recommandation"}},
	{ColTitle, true, 50, map[string]string{"en": "Action or step", "fr": "Action ou étape"}},
	{ColDue, true, 14, map[string]string{"en": "Due", "fr": "Échéance"}},
	{ColStatus, true, 14, map[string]string{"en": "Status", "fr": "Statut"}},
	{ColProgress, true, 50, map[string]string{"en": "Last progress", "fr": "Dernier progrès"}},
	{ColUpdated, true, 14, map[string]string{"en": "Last update", "fr": "Dernière mise à jour"}},
	{ColNewStatus, false, 18, map[string]string{"en": "New status", "fr": "Nouveau statut"}},
	{ColNewProgress, false, 50, map[string]string{"en": "Progress (new text)", "fr": "Progrès (nouveau texte)"}},
	{ColCompletedOn, false, 16, map[string]string{"en": "Day completed", "fr": "Date de réalisation"}},
	{ColNewDue, false, 18, map[string]string{"en": "Proposed new due date", "fr": "Nouvelle échéance proposée"}},
	{ColReason, false, 40, map[string]string{"en": "Reason for the new date", "fr": "Motif de la nouvelle échéance"}},
}

// lockedKeys are the keys of the locked columns, in order.
func lockedKeys() []string {
	var out []string
	for _, c := range Columns {
		if c.Locked {
			out = append(out, c.Key)
		}
	}
	return out
}

// statusLabels are the words a form's drop-down shows for each status.
var statusLabels = map[string]map[model.Status]string{
	"en": {model.NotStarted: "not-started", model.InProgress: "in-progress", model.Completed: "completed", model.Ongoing: "ongoing", model.NoLongerApplicable: "no-longer-applicable"},
	"fr": {model.NotStarted: "Non démarré", model.InProgress: "En cours", model.Completed: "Réalisé", model.Ongoing: "Continu", model.NoLongerApplicable: "Sans objet"},
}

// StatusLabel is the word for s on a form in lang.
func StatusLabel(lang string, s model.Status) string {
	if l, ok := statusLabels[LanguageOf(lang)][s]; ok {
		return l
	}
	return string(s)
}

// StatusLabels are the drop-down's words in lang, in report order.
func StatusLabels(lang string) []string {
	var out []string
	for _, s := range model.Statuses {
		out = append(out, StatusLabel(lang, s))
	}
	return out
}

// maxCellChars is the most characters an Excel cell holds.
const maxCellChars = 32767

// CellText is a value as a form's cell holds it: escaped against formula
// injection (escape.Cell), and cut to what a cell holds.
func CellText(s string) string {
	s = escape.Cell(s)
	if r := []rune(s); len(r) > maxCellChars {
		s = string(r[:maxCellChars-1]) + "…"
	}
	return s
}

// uncell is a cell's text without the quote CellText put before text a
// spreadsheet would take for a formula.
func uncell(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}

// lockedTexts are the locked cells of an item, as a form writes them.
func (it Item) lockedTexts(lang string) map[string]string {
	updated := ""
	if !it.Updated.IsZero() {
		updated = it.Updated.String()
	}
	return map[string]string{
		ColID: CellText(it.ID), ColRecommendation: CellText(it.Recommendation), ColTitle: CellText(it.Title),
		ColDue: CellText(it.Due), ColStatus: StatusLabel(lang, it.Status),
		ColProgress: CellText(it.Progress), ColUpdated: updated,
	}
}

// Digest is a short digest of the locked cells of an item as the form
// shows them, so collect tells an owner's edit of them from a record that
// moved on since the form was sent.
func (it Item) Digest(lang string) string {
	return digest(it.lockedTexts(lang))
}

func digest(cells map[string]string) string {
	h := sha256.New()
	for _, k := range lockedKeys() {
		v := cells[k]
		if k == ColStatus {
			if s, ok := statusOf(v); ok {
				v = string(s)
			}
		} else {
			v = normalize(v)
		}
		h.Write([]byte(k + "\x00" + v + "\x00"))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// normalize is a cell's text with what spreadsheets add or change taken
// out: surrounding spaces (no-break ones too) and CRLF line breaks.
func normalize(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' })
}

// FileName is the form's file name, without extension, for an owner in a
// round: the round's name and the owner's folded to letters, digits and
// dashes.
func FileName(round, owner string) string {
	var b strings.Builder
	dash := false
	for _, r := range query.Fold(owner) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	slug := b.String()
	if len(slug) > 60 {
		slug = strings.TrimRight(slug[:60], "-")
	}
	if slug == "" {
		slug = "owner"
	}
	return round + "-" + slug
}
