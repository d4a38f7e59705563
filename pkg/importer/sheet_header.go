package importer

import (
	"strings"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/fields"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
	"go.yaml.in/yaml/v3"
)

// labels are the evaluation fields the rows above the column headers may
// give as "label | value" (UNDP's ERC prints the evaluation this way
// above its key actions), folded as headerKey folds them.
var labels = map[string]string{
	"evaluation id": "id", "id": "id", "identifiant": "id", "identifiant de l evaluation": "id",
	"title": "title", "evaluation title": "title", "evaluation": "title", "titre": "title", "titre de l evaluation": "title",
	"reference": "reference", "evaluation reference": "reference", "ref": "reference",
	"commissioned by": "commissioned_by", "commissioning unit": "commissioned_by", "commissioning entity": "commissioned_by",
	"commanditaire": "commissioned_by", "entite commanditaire": "commissioned_by", "commandite par": "commissioned_by",
	"language": "language", "langue": "language",
	"organization": "organization", "organisation": "organization", "agency": "organization", "agence": "organization",
	"evaluation type": "evaluation_type", "type": "evaluation_type", "type d evaluation": "evaluation_type",
	"evaluation plan": "evaluation_plan", "plan d evaluation": "evaluation_plan",
	"completion date": "completed_on", "date d achevement": "completed_on", "date de fin": "completed_on",
	"unit responsible for the management response": "response_unit", "management response unit": "response_unit",
	"unite responsable de la reponse": "response_unit", "unite responsable de la reponse de la direction": "response_unit",
	"link": "links", "links": "links", "url": "links", "lien": "links", "liens": "links",
}

// label is the value the header block gives the evaluation field name,
// and where: the cell after the label, on the same row.
func (t *table) label(name string) (string, int, int) {
	for i := 0; i < t.l.header; i++ {
		row := t.g.rows[i]
		for j := 0; j < len(row); j++ {
			if labels[headerKey(row[j])] != name {
				continue
			}
			for k := j + 1; k < len(row); k++ {
				if v, _ := clean(row[k]); v != "" {
					return v, i, k
				}
			}
		}
	}
	return "", -1, -1
}

// evaluation is the mapping of evaluation.yaml: what the header block
// gives, the language, and placeholders for the required fields it does
// not give (noted for review).
func (t *table) evaluation(id string) *yaml.Node {
	pairs := []any{"id", ydoc.Str(id), "language", ydoc.Token(t.lang)}
	for _, f := range fields.Of(fields.Evaluation).Fields {
		if f.Name == "id" || f.Name == "language" {
			continue
		}
		v, i, j := t.label(f.Name)
		switch {
		case v == "" && f.Required:
			pairs = append(pairs, f.Name, ydoc.Str(placeholder(fields.Evaluation, f.Name)))
			t.note(t.l.header, -1, "evaluation "+f.Name, "", "the source does not give it: wrote a placeholder", true)
		case v == "":
		case f.Name == "links":
			pairs = append(pairs, f.Name, strSeq(splitList(v, " \n;")))
		case f.Name == "completed_on":
			day, p := civil.Suggest(v)
			if d, ok := t.serial(i, j, t.g.cell(i, j)); ok {
				day, p, v = d.String(), civil.DayPrecise, d.String()
			}
			if p < civil.MonthOnly {
				t.note(i, j, "evaluation completed_on", v, "not a day or a month import can read: left out", true)
				continue
			}
			pairs = append(pairs, f.Name, ydoc.Token(day))
			if day != v {
				pairs = append(pairs, f.Name+"_text", ydoc.Str(v))
				t.note(i, j, "evaluation completed_on", v, "read as "+day, false)
			}
		default:
			pairs = append(pairs, f.Name, ydoc.Str(v))
		}
	}
	return ydoc.Mapping(pairs...)
}

// languages are the names of languages a header block may give.
var languages = map[string]string{"english": "en", "anglais": "en", "french": "fr", "francais": "fr",
	"spanish": "es", "espagnol": "es", "espanol": "es", "portuguese": "pt", "portugais": "pt", "arabic": "ar", "arabe": "ar"}

// languageCode reads a language the header block names: a BCP 47 code
// (fr, en-GB) or an English or French name.
func languageCode(v string) (string, bool) {
	if code, ok := languages[headerKey(v)]; ok {
		return code, true
	}
	if len(v) >= 2 && len(v) <= 8 && strings.Trim(strings.ToLower(v), "abcdefghijklmnopqrstuvwxyz-") == "" {
		return strings.ToLower(v), true
	}
	return "", false
}
