package cli

import (
	"github.com/mrtrack/mrtrack/pkg/fields"
	"slices"
	"strings"
	"testing"
)

func TestSetFlags(t *testing.T) {
	env, _, _ := queryEnv(false, 0, nil)
	var got *setOptions
	stub := func(_ *Env, _ *global, o *setOptions) error { got = o; return nil }
	err := execute(newSetCmdRun(env, &global{}, stub), "R1.2", "due=2025-06", " title =New", "--status", "completed", "--dry-run")
	if err != nil {
		t.Fatal(err)
	}
	want := []assignment{{"due", "2025-06"}, {"title", "New"}, {"status", "completed"}}
	if !slices.Equal(got.ids, []string{"R1.2"}) || !slices.Equal(got.assign, want) || !got.dryRun || got.noStamp {
		t.Errorf("options = %+v", got)
	}
}

func TestWriteFlagErrors(t *testing.T) {
	env, _, _ := queryEnv(false, 0, nil)
	setStub := func(*Env, *global, *setOptions) error { t.Error("set ran"); return nil }
	newStub := func(*Env, *global, *newOptions) error { t.Error("new ran"); return nil }
	tests := []struct {
		new  bool
		args []string
		msg  string
	}{
		{false, []string{"R1.1"}, "nothing to set"},
		{false, []string{"R1.1", "status"}, `"status" is not FIELD=VALUE`},
		{false, []string{"R1.1", "stauts=done"}, `"stauts" is not a field set can change`},
		{false, []string{"R1.1", strings.Repeat("x", 100)}, `"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"… (100 bytes) is not FIELD=VALUE`},
		{true, []string{"recommendation", "--evaluation", "../x"}, `--evaluation "../x" is not an evaluation id`},
		{true, []string{"recommendation"}, "--evaluation is required"},
		{true, []string{"recommendation", "--evaluation", "E", "--response", "maybe"}, `--response "maybe" is not allowed: use one of agree, partially-agree, disagree`},
		{true, []string{"evaluation", "a/b"}, `"a/b" is not an evaluation id`},
		{true, []string{"action", "R1", "--status", "done"}, `--status "done" is not allowed`},
		{true, []string{"step", "R1.1", "--due", "soon"}, "--due: "},
	}
	for _, tt := range tests {
		cmd := newSetCmdRun(env, &global{}, setStub)
		if tt.new {
			cmd = newNewCmdRun(env, &global{}, newStub)
		}
		err := execute(cmd, tt.args...)
		if codeOf(err) != ExitUsage || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%v: exit %d, %v; want 2 and %q", tt.args, codeOf(err), err, tt.msg)
		}
	}
}

// TestSetTakesEverySettableField fails when a schema field marked
// settable is missing from set: as FIELD=VALUE, as a flag, or in its help.
func TestSetTakesEverySettableField(t *testing.T) {
	env, _, _ := queryEnv(false, 0, nil)
	all := fields.Of(fields.Action).Settable()
	if len(all) == 0 {
		t.Fatal("the schema marks no action field settable")
	}
	help := newSetCmdRun(env, &global{}, nil).Long
	for _, f := range all {
		var got *setOptions
		stub := func(_ *Env, _ *global, o *setOptions) error { got = o; return nil }
		if err := execute(newSetCmdRun(env, &global{}, stub), "R1.1", f.Name+"=x"); err != nil {
			t.Errorf("set R1.1 %s=x: %v", f.Name, err)
		}
		if err := execute(newSetCmdRun(env, &global{}, stub), "R1.1", "--"+f.Flag(), "x"); err != nil || got == nil || !slices.Contains(got.assign, assignment{f.Name, "x"}) {
			t.Errorf("set R1.1 --%s x: %v, options %+v", f.Flag(), err, got)
		}
		if !strings.Contains(help, f.Name) {
			t.Errorf("set's help does not name %s", f.Name)
		}
	}
}
