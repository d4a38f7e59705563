package cli

import (
	"fmt"
	"path/filepath"
	"slices"

	"github.com/mrtrack/mrtrack/pkg/edit"
	"github.com/mrtrack/mrtrack/pkg/format"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
	"go.yaml.in/yaml/v3"
)

// located is a recommendation, action or step found in its file's bytes,
// ready to edit.
type located struct {
	path, abs string
	data      []byte
	doc       *edit.Doc
	node      *yaml.Node // the mapping of the recommendation, action or step
	pointer   string     // the JSON pointer of that mapping: /actions/2
	keys      []string   // the schema's key order for that mapping
}

// locate reads the file of a recommendation, action or step and finds its
// mapping. It checks the number in the file, so a file changed since the
// data was loaded is noticed rather than edited in the wrong place.
func locate(env *Env, t query.Target) (*located, error) {
	rec := t.Recommendation
	if rec == nil {
		return nil, usage("%s is an evaluation; give a recommendation, action or step id", t.ID())
	}
	l := &located{path: rec.File, abs: rec.File}
	if !filepath.IsAbs(l.abs) {
		l.abs = filepath.Join(env.Cwd, l.abs)
	}
	data, err := store.Read(l.abs, store.DefaultLimits.MaxFileSize)
	if err != nil {
		return nil, cannotRun(err)
	}
	doc, err := edit.Parse(data)
	if err != nil {
		return nil, cannotRun(fmt.Errorf("%s: %w", l.path, err))
	}
	l.data, l.doc, l.node = data, doc, doc.Root()
	if !hasNumber(l.node, rec.Number) {
		return nil, cannotRun(fmt.Errorf("%s: %w", l.path, store.ErrChanged))
	}
	if t.Action == nil {
		l.keys = format.Keys(validate.KindRecommendation)
		return l, nil
	}
	i := slices.Index(rec.Actions, t.Action)
	l.pointer = fmt.Sprintf("/actions/%d", i)
	if l.node, err = item(doc.Root(), "actions", i, t.Action.Number); err != nil {
		return nil, cannotRun(fmt.Errorf("%s: %w", l.path, err))
	}
	l.keys = format.Keys(validate.KindRecommendation, "actions")
	if t.Step == nil {
		return l, nil
	}
	i = slices.Index(t.Action.Steps, t.Step)
	l.pointer += fmt.Sprintf("/steps/%d", i)
	if l.node, err = item(l.node, "steps", i, t.Step.Number); err != nil {
		return nil, cannotRun(fmt.Errorf("%s: %w", l.path, err))
	}
	l.keys = format.Keys(validate.KindRecommendation, "actions", "steps")
	return l, nil
}

// item returns the i-th mapping of list key in m, checking its number.
func item(m *yaml.Node, key string, i, number int) (*yaml.Node, error) {
	list := edit.Lookup(m, key)
	if list == nil || list.Kind != yaml.SequenceNode || i < 0 || i >= len(list.Content) || !hasNumber(list.Content[i], number) {
		return nil, store.ErrChanged
	}
	return list.Content[i], nil
}

func hasNumber(m *yaml.Node, n int) bool {
	v := edit.Lookup(m, "number")
	return v != nil && v.Value == fmt.Sprint(n)
}
