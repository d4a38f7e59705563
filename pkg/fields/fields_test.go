package fields

import (
	"reflect"
	"slices"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/schema"
	"go.yaml.in/yaml/v3"
)

// Every schema field of every level has a Go field in the model, so
// everything that reads records through the table sees it.
func TestModelHasEveryField(t *testing.T) {
	for _, l := range append(slices.Clone(Levels), Person) {
		for _, f := range Of(l).Fields {
			if _, ok := goFields()[l][f.Name]; !ok {
				t.Errorf("the schema's %s field %s has no Go field with yaml:%q in pkg/model", l, f.Name, f.Name)
			}
		}
	}
}

// The table is what the schema says, as the commands have used it so far:
// set's fields and kinds, the levels and their order.
func TestTableReadsTheSchema(t *testing.T) {
	var got []string
	for _, f := range Of(Action).Settable() {
		got = append(got, f.Name+":"+string(f.Kind))
	}
	want := []string{"title:text", "owner:text", "owner_text:text", "description:markdown", "due:due", "due_text:text",
		"original_due:due", "status:enum", "status_text:text", "progress:markdown", "updated:date"}
	if !slices.Equal(got, want) {
		t.Errorf("settable action fields\n got %v\nwant %v", got, want)
	}
	var actionOnly []string
	for _, f := range Of(Action).Settable() {
		if ActionOnly(f.Name) {
			actionOnly = append(actionOnly, f.Name)
		}
	}
	if want := []string{"owner", "owner_text", "description"}; !slices.Equal(actionOnly, want) {
		t.Errorf("action-only settable fields = %v, want %v", actionOnly, want)
	}
	if got := Of(Step).Field("title"); !got.Required || !got.NonEmpty || got.Kind != Text {
		t.Errorf("step title = %+v", got)
	}
	if got := Of(Action).Field("status"); !slices.Equal(got.Values, statuses()) || got.Written != "status_text" {
		t.Errorf("status = %+v, want the model's statuses and status_text beside it", got)
	}
	if got := Of(Action).Field("due_text"); !got.Wording || got.Written != "" {
		t.Errorf("due_text = %+v, want a wording field", got)
	}
	if got := Of(Evaluation).Field("response_due"); got.Kind != Date || got.Written != "response_due_text" {
		t.Errorf("response_due = %+v", got)
	}
	if got := Of(Recommendation).Field("actions"); got.Kind != Items || got.Sub != Of(Action) {
		t.Errorf("actions = %+v, want the action records", got)
	}
	if got := Of(Evaluation).Field("approved_by"); got.Kind != Object || !slices.Equal(got.Sub.Names(), []string{"name", "title", "office"}) {
		t.Errorf("approved_by = %+v", got)
	}
	var req []string
	for _, f := range Of(Step).Required() {
		req = append(req, f.Name)
	}
	if want := []string{"number", "title", "due", "status"}; !slices.Equal(req, want) {
		t.Errorf("step required = %v, want %v", req, want)
	}
	var enums []string
	for _, f := range Enums() {
		enums = append(enums, f.Name)
	}
	if want := []string{"response", "priority", "status"}; !slices.Equal(enums, want) {
		t.Errorf("enums = %v, want %v", enums, want)
	}
}

func statuses() []string {
	var out []string
	for _, s := range model.Statuses {
		out = append(out, string(s))
	}
	return out
}

func TestTextReadsTheModel(t *testing.T) {
	due, _ := model.ParseDue("2025-06")
	orig, _ := model.ParseDue("2024-12-31")
	a := &model.Action{Tracking: model.Tracking{Due: due, OriginalDue: &orig, Status: model.Ongoing, Evidence: []string{"a", "b"}}, Owner: "HR"}
	for name, want := range map[string]string{"owner": "HR", "due": "2025-06", "original_due": "2024-12-31", "status": "ongoing",
		"evidence": "a, b", "updated": "", "progress": ""} {
		if got := Of(Action).Field(name).Text(a); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	s := &model.Step{}
	if got := Of(Step).Field("original_due").Text(s); got != "" {
		t.Errorf("absent original_due = %q", got)
	}
	if _, ok := Of(Step).Field("title").Value(a); ok {
		t.Error("a step field read from an action")
	}
	if v, _ := Of(Action).Field("evidence").Value(a); !reflect.DeepEqual(v, []string{"a", "b"}) {
		t.Errorf("evidence value = %v", v)
	}
}

// What new writes for a field is read from the schema: x-mrtrack's
// placeholder, the default keyword, or the placeholder of the field's kind.
func TestTableReadsPlaceholders(t *testing.T) {
	for _, tt := range []struct {
		level       Level
		name, want  string
		wantDefault string
	}{
		{Action, "owner", "who does it", ""},
		{Recommendation, "response", "agree, partially-agree, disagree or not-stated", ""},
		{Step, "due", "YYYY-MM-DD, YYYY-MM, YYYY, continuous, conditional, unknown or every N months", ""},
		{Evaluation, "response_due", "YYYY-MM-DD", ""},
		{Step, "status", "not-started, in-progress, completed, ongoing or no-longer-applicable", "not-started"},
		{Evaluation, "language", "", "en"},
	} {
		f := Of(tt.level).Field(tt.name)
		def := ""
		if f.Default != nil {
			def = *f.Default
		}
		if f.Placeholder != tt.want || def != tt.wantDefault {
			t.Errorf("%s %s: placeholder %q, default %q; want %q, %q", tt.level, tt.name, f.Placeholder, def, tt.want, tt.wantDefault)
		}
	}
	if f := Of(Action).Field("evidence"); f.Default != nil || f.Placeholder != "" {
		t.Errorf("evidence = %+v, want neither placeholder nor default", f)
	}
	if d := Of(Step).Field("progress").Default; d == nil || *d != "" {
		t.Errorf("step progress default = %v, want the empty text", d)
	}
}

// Same says a field is unchanged only when its text is too, and tells the
// changed fields apart: what the history's diff relies on to skip them.
func TestSameImpliesSameText(t *testing.T) {
	base := func() *model.Action {
		a := &model.Action{Owner: "Protection"}
		a.Title, a.Status, a.Progress, a.Evidence = "Train", model.Status("in-progress"), "Half done", []string{"report"}
		a.Due, _ = model.ParseDue("2025-06")
		return a
	}
	a, b := base(), base()
	b.Status, b.Evidence = model.Status("completed"), []string{"report", "minutes"}
	b.Due, _ = model.ParseDue("2025-09")
	var changed []string
	for _, f := range Of(Action).Fields {
		if f.Kind == Items && f.Children() {
			continue
		}
		same := f.Same(a, b)
		if same && f.Text(a) != f.Text(b) {
			t.Errorf("%s: Same, but the texts are %q and %q", f.Name, f.Text(a), f.Text(b))
		}
		if !same && f.Text(a) != f.Text(b) {
			changed = append(changed, f.Name)
		}
		if !f.Same(a, base()) && f.Text(a) == f.Text(base()) && f.Name != "original_due" && f.Name != "verification" {
			t.Errorf("%s: equal values not Same", f.Name)
		}
	}
	if want := []string{"due", "status", "evidence"}; !slices.Equal(changed, want) {
		t.Errorf("changed fields %v, want %v", changed, want)
	}
}

// The schemas read by jsonNodes give the table yaml.v3's reading of the
// same JSON gives.
func TestJSONNodesAgreeWithYAML(t *testing.T) {
	for _, c := range []struct {
		src []byte
		top Level
	}{{schema.Evaluation, Evaluation}, {schema.Recommendation, Recommendation}} {
		var doc yaml.Node
		if err := yaml.Unmarshal(c.src, &doc); err != nil {
			t.Fatal(err)
		}
		want := record(doc.Content[0], doc.Content[0], c.top)
		if got := read(c.src, c.top); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the table read by jsonNodes differs from yaml.v3's", c.top)
		}
	}
}

// jsonNodes reads escapes, numbers and literals as yaml.v3 reads them, and
// refuses what is not JSON rather than guess: every cut of a schema and
// every broken document is an error.
func TestJSONNodesReadJSON(t *testing.T) {
	src := []byte(`{"a": "x\"y\u00e9\n", "b": [1, -2.5e3, true, false, null, {}], "c": "é", "d": []}`)
	var want yaml.Node
	if err := yaml.Unmarshal(src, &want); err != nil {
		t.Fatal(err)
	}
	got, err := jsonNodes(src)
	if err != nil {
		t.Fatal(err)
	}
	var same func(g, w *yaml.Node) bool
	same = func(g, w *yaml.Node) bool {
		if g.Kind != w.Kind || g.Value != w.Value || len(g.Content) != len(w.Content) {
			t.Errorf("got %v %q, want %v %q", g.Kind, g.Value, w.Kind, w.Value)
			return false
		}
		for i := range g.Content {
			if !same(g.Content[i], w.Content[i]) {
				return false
			}
		}
		return true
	}
	same(got, want.Content[0])
	for _, bad := range []string{``, `{`, `{"a" 1}`, `{"a": 1 "b": 2}`, `{a: 1}`, `[1,]`, `["x]`, `[tru]`, `[1] 2`, `{"a": 01}`, "[\"\xff\"]", "[\"a\tb\"]"} {
		if _, err := jsonNodes([]byte(bad)); err == nil {
			t.Errorf("%s: read, want an error", bad)
		}
	}
	for _, s := range [][]byte{schema.Evaluation, schema.Recommendation} {
		for cut := 0; cut < len(s)-1; cut += 7 {
			if _, err := jsonNodes(s[:cut]); err == nil {
				t.Fatalf("the schema cut at %d: read, want an error", cut)
			}
		}
	}
}
