package edit

import (
	"bytes"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/internal/corpus"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/format"
	"github.com/mrtrack/mrtrack/pkg/validate"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
	"go.yaml.in/yaml/v3"
)

// The writers are fuzzed on record files that parse: every edit either
// is refused or gives a file that parses, validates as well as before
// except for the value written, and reads back as the old data with only
// the asked change. A file fmt leaves alone stays so.

var (
	textFields  = []string{"title", "owner", "owner_text", "description", "due_text", "status_text", "progress"}
	tokenFields = map[string][]string{
		"status":  {"not-started", "in-progress", "completed", "no-longer-applicable"},
		"due":     {"2025-06-30", "2025-06", "2025", "continuous", "conditional", "unknown", "every 3 months"},
		"updated": {"2025-01-15", "1999-12-31"},
	}
	tokenNames = []string{"status", "due", "updated"}
)

func recordSeeds(f *testing.F) {
	records, err := corpus.Records("../..", 5)
	if err != nil {
		f.Fatal(err)
	}
	for name, data := range records {
		if kind, _ := validate.KindOf(filepath.Base(name)); kind == validate.KindRecommendation {
			f.Add(data, uint8(len(name)), "Premier draft en revue.\n\nLine two # not a comment")
		}
	}
	f.Add([]byte("number: 1\rtitle: T\rtext: x\rresponse: agree\rresponsible: [A]\ractions:\r  - number: 1\r    title: a\r    owner: o\r    due: 2025\r    status: completed\r    progress: \"\" # to fill in Q1\r"), uint8(0), "a\u2028b\u0085c")
}

// before reads a record for the writers' fuzz targets: nil when it does
// not parse or holds no block list of actions to work on.
type record struct {
	data   []byte
	value  any
	doc    *Doc
	checks *validate.File
}

var schemas = func() *validate.Schemas {
	s, err := validate.LoadSchemas()
	if err != nil {
		panic(err)
	}
	return s
}()

const fuzzPath = "/data/EVO-2024-03/rec-01.yaml"

func readRecord(data []byte) *record {
	root, probs := ydoc.Parse(data)
	if root == nil || len(probs) > 0 {
		return nil
	}
	d, err := Parse(data)
	if err != nil {
		return nil
	}
	return &record{data, ydoc.Value(root), d, schemas.Check("rec-01.yaml", fuzzPath, data)}
}

// checkWritten fails unless out parses, has no new errors but about the
// field at changed, and reads as want.
func checkWritten(t *testing.T, before *record, out []byte, changed string, want any) {
	t.Helper()
	root, probs := ydoc.Parse(out)
	if root == nil || len(probs) > 0 {
		t.Fatalf("the edit does not parse: %v\nbefore:\n%s\nafter:\n%s", probs, before.data, out)
	}
	after := schemas.Check("rec-01.yaml", fuzzPath, out)
	had := map[string]bool{}
	for _, f := range before.checks.Findings {
		had[f.Rule+" "+f.Field] = true
	}
	for _, f := range after.Findings {
		if f.Severity == finding.Error && !had[f.Rule+" "+f.Field] && !strings.HasPrefix(f.Field, changed) {
			t.Fatalf("new error %s %s: %s\nbefore:\n%s\nafter:\n%s", f.Rule, f.Field, f.Message, before.data, out)
		}
	}
	if got := ydoc.Value(root); !reflect.DeepEqual(got, want) {
		t.Fatalf("reads back as\n%#v\nwant\n%#v\nbefore:\n%s\nafter:\n%s", got, want, before.data, out)
	}
	if once, err := format.Format("rec-01.yaml", before.data); err == nil && bytes.Equal(once, before.data) {
		if again, err := format.Format("rec-01.yaml", out); err != nil || !bytes.Equal(again, out) {
			t.Fatalf("a formatted file is no longer formatted (%v):\n%s\nfmt gives:\n%s", err, out, again)
		}
	}
}

// actionsOf returns the block mapping of each action, and its plain value.
func actionsOf(r *record) ([]*yaml.Node, []any) {
	list := Lookup(r.doc.Root(), "actions")
	top, _ := r.value.(map[string]any)
	values, _ := top["actions"].([]any)
	if list == nil || list.Kind != yaml.SequenceNode || len(values) != len(list.Content) {
		return nil, nil
	}
	return list.Content, values
}

// readValue is v as ydoc reads it written in a record.
func readValue(t *testing.T, v Value) any {
	text, err := format.Scalar(v.Text, !v.Token, 0, "\n")
	if err != nil {
		t.Fatal(err)
	}
	root, _ := ydoc.Parse([]byte("k: " + text + "\n"))
	return ydoc.Value(root).(map[string]any)["k"]
}

func FuzzSet(f *testing.F) {
	recordSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, pick uint8, text string) {
		r := readRecord(data)
		if r == nil {
			return
		}
		actions, values := actionsOf(r)
		if len(actions) == 0 {
			return
		}
		i := int(pick) % len(actions)
		m, _ := values[i].(map[string]any)
		if m == nil || actions[i].Kind != yaml.MappingNode {
			return
		}
		key, v := textFields[int(pick/7)%len(textFields)], Value{Text: text}
		if pick%5 == 0 {
			key = tokenNames[int(pick/5)%len(tokenNames)]
			v = Value{Text: tokenFields[key][int(pick/3)%len(tokenFields[key])], Token: true}
		}
		if err := r.doc.Set(actions[i], key, v, format.Keys(validate.KindRecommendation, "actions")); err != nil {
			return // refused
		}
		m[key] = readValue(t, v)
		checkWritten(t, r, r.doc.Bytes(), fmt.Sprintf("$.actions[%d].%s", i, key), r.value)
	})
}

func FuzzAppend(f *testing.F) {
	recordSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, pick uint8, title string) {
		r := readRecord(data)
		if r == nil {
			return
		}
		fields := []Field{
			{"number", Value{Text: "9", Token: true}},
			{"title", Value{Text: title}},
			{"due", Value{Text: "TODO: YYYY-MM-DD", Token: true}},
			{"status", Value{Text: "not-started", Token: true}},
			{"progress", Value{Text: ""}},
		}
		m, changed := r.value.(map[string]any), "$.actions"
		node, list, order := r.doc.Root(), "actions", format.Keys(validate.KindRecommendation)
		if pick%2 == 1 { // a step
			actions, values := actionsOf(r)
			if len(actions) == 0 {
				return
			}
			i := int(pick/2) % len(actions)
			if m, _ = values[i].(map[string]any); m == nil || actions[i].Kind != yaml.MappingNode {
				return
			}
			node, list, changed = actions[i], "steps", fmt.Sprintf("$.actions[%d].steps", i)
			order = format.Keys(validate.KindRecommendation, "actions")
			fields = append(fields[:2], fields[3:]...)
		}
		old, isList := m[list].([]any)
		if _, present := m[list]; present && !isList {
			return
		}
		if err := r.doc.Append(node, list, fields, order); err != nil {
			return // refused
		}
		want := map[string]any{}
		for _, fd := range fields {
			want[fd.Key] = readValue(t, fd.Value)
		}
		m[list] = append(old, want)
		checkWritten(t, r, r.doc.Bytes(), changed, r.value)
	})
}
