package load

import (
	"bytes"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/fields"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/validate"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
	"go.yaml.in/yaml/v3"
)

// filled is a record of the given level holding every field the field
// table lists, each with a valid value of its kind.
func filled(r *fields.Record) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for _, f := range r.Fields {
		var v *yaml.Node
		switch f.Kind {
		case fields.Enum:
			v = &yaml.Node{Kind: yaml.ScalarNode, Value: f.Values[0]}
			if f.Name == "status" && (r.Level == fields.Action || r.Level == fields.Step) {
				v.Value = string(model.Completed) // completed_on and verification need it
			}
		case fields.Date:
			v = &yaml.Node{Kind: yaml.ScalarNode, Value: "2024-01-31"}
		case fields.Due:
			v = &yaml.Node{Kind: yaml.ScalarNode, Value: "2024-12"}
		case fields.Number:
			v = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: "1"}
		case fields.List:
			v = &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str", Value: "a"}}}
		case fields.Object:
			v = filled(f.Sub)
		case fields.Items:
			v = &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{filled(f.Sub)}}
			if f.Sub.Level == fields.Deadline {
				// Several deadlines are at least two, in order; the last,
				// not met, is the item's due (2024-12).
				first := filled(f.Sub)
				first.Content[1].Value = "2024-11"
				last := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{first.Content[0], {Kind: yaml.ScalarNode, Value: "2024-12"}}}
				v.Content = []*yaml.Node{first, last}
			}
		case fields.Markdown:
			v = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "First paragraph.\n\n- a point\n", Style: yaml.LiteralStyle}
		default:
			// Text the patterns of id and language allow too.
			v = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "en"}
		}
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: f.Name}, v)
	}
	return m
}

// The hand decoder has a case for every field of the schema: a record
// holding every field, each in its plain form, is decoded by hand (not
// handed to yaml.v3) and to the same model. Without this, a field added
// to the schema but not to decode.go would quietly send every file that
// uses it down the slow path.
func TestFastDecodeKnowsEveryField(t *testing.T) {
	schemas, err := validate.LoadSchemas()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		level fields.Level
		file  string
	}{{fields.Evaluation, "evaluation.yaml"}, {fields.Recommendation, "rec-01.yaml"}} {
		var buf bytes.Buffer
		buf.WriteString("# yaml-language-server: $schema=../../schema/" + string(c.level) + ".schema.json\n")
		enc := yaml.NewEncoder(&buf)
		enc.SetIndent(2)
		if err := enc.Encode(filled(fields.Of(c.level))); err != nil {
			t.Fatal(err)
		}
		data := buf.Bytes()
		// The sample must be a valid record, or the test proves nothing.
		if f := schemas.Check(c.file, "/data/en/"+c.file, data); !f.Valid() {
			t.Fatalf("the sample %s does not validate: %+v\n%s", c.level, f.Findings, data)
		}
		root, probs := ydoc.Parse(data)
		if root == nil || len(probs) > 0 {
			t.Fatalf("sample %s: %v", c.level, probs)
		}
		var d fastDecoder
		if c.level == fields.Evaluation {
			d.evaluation(root, &model.Evaluation{})
		} else {
			d.recommendation(root, &model.Recommendation{})
		}
		if d.failed {
			t.Errorf("the hand decoder (decode.go) gave up on a %s holding every schema field: give each field a case\n%s", c.level, data)
		}
		if !fastAgrees(t, data) {
			t.Errorf("%s: not decoded by hand", c.level)
		}
	}
}
