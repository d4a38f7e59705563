package cli

import (
	"slices"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/fields"
	"go.yaml.in/yaml/v3"
)

// TestNewWritesEveryRequiredField fails when a required schema field has
// nothing new could write for it: a field added to the schema as required
// needs an x-mrtrack placeholder (or a default) beside it, or every new
// record would miss it.
func TestNewWritesEveryRequiredField(t *testing.T) {
	var check func(r *fields.Record, path string) bool
	check = func(r *fields.Record, path string) bool {
		ok := true
		for _, f := range r.Required() {
			switch {
			case f.Name == idField || f.Name == numberField:
			case f.Kind == fields.Items || f.Kind == fields.Object:
				ok = check(f.Sub, path+f.Name+".") && ok
			case f.Default == nil && f.Placeholder == "":
				t.Errorf("the required %s field %s%s has no placeholder: give it an x-mrtrack placeholder (or a default) in the schema", r.Level, path, f.Name)
				ok = false
			}
		}
		if !ok {
			return false // the skeleton would panic
		}
		pairs := skeleton(r, map[string]*yaml.Node{idField: str("E-1"), numberField: token("1")})
		var keys []string
		for i := 0; i < len(pairs); i += 2 {
			keys = append(keys, pairs[i].(string))
		}
		for _, f := range r.Required() {
			if !slices.Contains(keys, f.Name) {
				t.Errorf("the skeleton of a new %s lacks the required field %s%s: %v", r.Level, path, f.Name, keys)
			}
		}
		return true
	}
	for _, l := range fields.Levels {
		check(fields.Of(l), "")
	}
}

// TestNewTakesEveryField fails when a field of a level that a flag can
// hold is missing from new's subcommand for that level.
func TestNewTakesEveryField(t *testing.T) {
	env, _, _ := queryEnv(false, 0, nil)
	root := newNewCmdRun(env, &global{}, nil)
	for _, l := range fields.Levels {
		sub, _, err := root.Find([]string{string(l)})
		if err != nil || sub == root {
			t.Fatalf("new has no %s subcommand: %v", l, err)
		}
		for _, f := range fields.Of(l).Fields {
			flag := sub.Flags().Lookup(f.Flag())
			switch f.Kind {
			case fields.Text, fields.Markdown, fields.Enum, fields.Date, fields.Due:
				if f.Name == idField {
					continue
				}
			case fields.List:
				if l == fields.Action || l == fields.Step {
					continue // appended items take single values
				}
			default:
				if flag != nil {
					t.Errorf("new %s --%s: a %s field has a flag", l, f.Flag(), f.Kind)
				}
				continue
			}
			if flag == nil || flag.Usage == "" {
				t.Errorf("new %s has no flag --%s, with help, for the field %s", l, f.Flag(), f.Name)
			}
		}
	}
}
