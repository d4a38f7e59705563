package format

import (
	"bytes"
	"fmt"

	"github.com/mrtrack/mrtrack/pkg/validate"
	"go.yaml.in/yaml/v3"
)

// Modeline is the first line of a record file of kind: it points editors
// with the YAML language server at the schema, from data/ID/.
func Modeline(kind validate.Kind) string {
	name := "recommendation.schema.json"
	if kind == validate.KindEvaluation {
		name = "evaluation.schema.json"
	}
	return "# yaml-language-server: $schema=../../schema/" + name
}

// Record is the text of a new record file named name (evaluation.yaml,
// rec-NN.yaml) holding the top mapping body, keys in any order: the
// modeline, then body in canonical layout.
func Record(name string, body *yaml.Node) ([]byte, error) {
	if len(body.Content) == 0 {
		return nil, fmt.Errorf("internal: %s: an empty record", name)
	}
	kind, _ := validate.KindOf(name)
	body.Content[0].HeadComment = Modeline(kind)
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(body); err != nil {
		return nil, err
	}
	enc.Close()
	text, err := Format(name, buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("internal: %w", err)
	}
	return text, nil
}
