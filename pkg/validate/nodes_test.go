package validate

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/ydoc"
	"go.yaml.in/yaml/v3"
)

// scalarEdges are scalars whose plain value is not their text, or only
// nearly: the node readers must take each as ydoc.Value does.
const scalarEdges = `a: ~
b: null
c: ""
d: true
e: "true"
f: 0x1F
g: 1_000
h: +12
i: 1e400
j: .nan
k: -.inf
l: 2024-12-31
m: 2024
n: !!str 3
o: !!int abc
p: 9223372036854775808
q: 3.0
r: [1, x, ~, {s: 2}]
t: {}
u: []
`

// nodesReadAsValues checks that the node readers the quick check and the
// rules use (nodes.go) give, for every node of data, what ydoc.Value
// makes of it, and that walk visits the leaves of the plain value.
func nodesReadAsValues(t *testing.T, data []byte) {
	root, probs := ydoc.Parse(data)
	if root == nil || len(probs) > 0 {
		return // the checks do not read such a tree
	}
	var visit func(n *yaml.Node)
	visit = func(n *yaml.Node) {
		v := ydoc.Value(n)
		if s, ok := text(n); ok != isString(v) || ok && s != v {
			t.Fatalf("text(%q) = %q, %v; Value = %#v", n.Value, s, ok, v)
		}
		if i, ok := integer(n); ok != isInt64(v) || ok && i != v {
			t.Fatalf("integer(%q) = %d, %v; Value = %#v", n.Value, i, ok, v)
		}
		if isNull(n) != (v == nil) {
			t.Fatalf("isNull(%q) = %v; Value = %#v", n.Value, isNull(n), v)
		}
		if got, want := sprint(n), fmt.Sprint(v); got != want {
			t.Fatalf("sprint(%q) = %q, want %q", n.Value, got, want)
		}
		list, ok := items(n)
		if vs, isList := v.([]any); ok != isList || len(list) != len(vs) {
			t.Fatalf("items of %v: %d, %v; Value = %#v", n.Kind, len(list), ok, v)
		}
		if m, isMap := v.(map[string]any); isMapping(n) != isMap {
			t.Fatalf("isMapping of %v = %v; Value = %#v", n.Kind, isMapping(n), v)
		} else if isMap {
			for k, want := range m {
				if got := plain(field(n, k)); !reflect.DeepEqual(got, want) {
					t.Fatalf("field %q = %#v, want %#v", k, got, want)
				}
			}
			if field(n, "no such key\x00") != nil {
				t.Fatal("field found a key the mapping lacks")
			}
		}
		for _, c := range n.Content {
			visit(c)
		}
	}
	visit(root)
	var got, want []string
	walk(root, func(at path, key string, n *yaml.Node) {
		got = append(got, fmt.Sprintf("%s %s %#v", at, key, plain(n)))
	})
	walkValue(ydoc.Value(root), nil, "", func(at path, key string, v any) {
		want = append(want, fmt.Sprintf("%s %s %#v", at, key, v))
	})
	slices.Sort(got) // a map is ranged in no order
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("walk visits\n%s\nthe plain value's leaves are\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func isString(v any) bool { _, ok := v.(string); return ok }
func isInt64(v any) bool  { _, ok := v.(int64); return ok }

// walkValue is walk over a plain value: the reference walk must agree with.
func walkValue(v any, at path, key string, fn func(at path, key string, v any)) {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			walkValue(c, append(at, k), k, fn)
		}
	case []any:
		for i, c := range x {
			walkValue(c, append(at, fmt.Sprint(i)), key, fn)
		}
	default:
		fn(at, key, v)
	}
}

func TestNodesReadAsValues(t *testing.T) {
	nodesReadAsValues(t, []byte(scalarEdges))
	for name, b := range seeds(t) {
		t.Run(name, func(t *testing.T) { nodesReadAsValues(t, b) })
	}
}

// FuzzNodesReadAsValues holds the node readers to ydoc.Value on any
// document, since the rules now read nodes where they read values.
func FuzzNodesReadAsValues(f *testing.F) {
	f.Add([]byte(scalarEdges))
	for _, b := range seeds(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) { nodesReadAsValues(t, data) })
}
