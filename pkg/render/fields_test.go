package render

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/fields"
	"github.com/mrtrack/mrtrack/pkg/model"
)

// docJSONContract is the document that lists the JSON contract's keys,
// relative to the repository's root.
const docJSONContract = "docs/json.md"

// contractTypes are the JSON shapes of each record level.
var contractTypes = map[fields.Level]reflect.Type{
	fields.Evaluation:     reflect.TypeFor[EvaluationJSON](),
	fields.Recommendation: reflect.TypeFor[RecommendationJSON](),
	fields.Action:         reflect.TypeFor[ActionJSON](),
	fields.Step:           reflect.TypeFor[StepJSON](),
}

// jsonKeys lists the keys a struct marshals to, embedded structs included.
func jsonKeys(t reflect.Type) []string {
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case name == "-":
		case f.Anonymous && name == "":
			out = append(out, jsonKeys(f.Type)...)
		case name != "":
			out = append(out, name)
		}
	}
	return out
}

// Every field of the schema is a key of the JSON contract at its level.
func TestContractHasEveryField(t *testing.T) {
	for level, typ := range contractTypes {
		keys := map[string]bool{}
		for _, k := range jsonKeys(typ) {
			keys[k] = true
		}
		for _, f := range fields.Of(level).Fields {
			if !keys[f.Name] {
				t.Errorf("the schema's %s field %s has no key in %s (pkg/render)", level, f.Name, typ.Name())
			}
		}
	}
}

// Every key of list -o json is named in the documentation of the JSON
// contract. (The recommendation and evaluation keys of show -o json are
// not listed there yet.)
func TestDocsNameEveryListKey(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", docJSONContract))
	if err != nil {
		t.Fatal(err)
	}
	for _, typ := range []reflect.Type{contractTypes[fields.Action], contractTypes[fields.Step], reflect.TypeFor[HistoryJSON]()} {
		for _, k := range jsonKeys(typ) {
			if !regexp.MustCompile("`" + regexp.QuoteMeta(k) + "`").Match(doc) {
				t.Errorf("%s does not name the list -o json key %s (of %s)", docJSONContract, k, typ.Name())
			}
		}
	}
}

// show lists a field that the schema has and show does not lay out by
// hand, with the source's wording beside it, and prose as a text block.
// The table is made up here (over model.Person), as every real field is
// laid out by hand today.
func TestOtherFieldsShowTheRest(t *testing.T) {
	rec := &fields.Record{Level: fields.Person, Fields: []*fields.Field{
		{Name: "name", Level: fields.Person, Kind: fields.Text, Written: "title"},
		{Name: "title", Level: fields.Person, Kind: fields.Text, Wording: true},
		{Name: "office", Level: fields.Person, Kind: fields.Markdown},
	}}
	fs, texts := otherFields(rec, &model.Person{Name: "A. Officer", Title: "as written", Office: "HQ"})
	if want := (Fields{{Name: "Name", Value: "A. Officer", Written: "as written"}}); !reflect.DeepEqual(fs, want) {
		t.Errorf("fields = %+v, want %+v", fs, want)
	}
	if want := []Block{Text{Title: "Office", Body: "HQ"}}; !reflect.DeepEqual(texts, want) {
		t.Errorf("texts = %+v, want %+v", texts, want)
	}
	if fs, texts := otherFields(rec, &model.Person{}); len(fs)+len(texts) != 0 {
		t.Errorf("empty values shown: %+v %+v", fs, texts)
	}
}
