package cli

import (
	"slices"
	"testing"
)

func TestRemindFlags(t *testing.T) {
	env, _, _ := queryEnv(false, 0, nil)
	var got *remindOptions
	stub := func(_ *Env, _ *global, o *remindOptions) error { got = o; return nil }
	if err := execute(newRemindCmdRun(env, &global{}, stub)); err != nil || got.output != "markdown" || got.within != defaultWindow || got.out != "" || len(got.owners) != 0 {
		t.Errorf("remind: %v, %+v", err, got)
	}
	if err := execute(newRemindCmdRun(env, &global{}, stub), "-o", "eml", "--out", "r", "--owner", "a, b", "--owner", "c", "--within", "2w"); err != nil ||
		got.output != "eml" || got.out != "r" || !slices.Equal(got.owners, []string{"a, b", "c"}) || got.within != "2w" {
		t.Errorf("remind -o eml --out r ...: %v, %+v", err, got)
	}
	never := func(*Env, *global, *remindOptions) error { t.Error("run called"); return nil }
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"-o", "eml"}, "-o eml writes one message per owner: give --out DIR"},
		{[]string{"-o", "text"}, `unknown output format "text": use markdown, eml or json`},
		{[]string{"protection"}, `unknown command "protection"`},
	} {
		wantUsage(t, execute(newRemindCmdRun(env, &global{}, never), tt.args...), tt.args, tt.msg)
	}
}

func TestCodeownersFlags(t *testing.T) {
	env, _, _ := queryEnv(false, 0, nil)
	var got *codeownersOptions
	stub := func(_ *Env, _ *global, o *codeownersOptions) error { got = o; return nil }
	if err := execute(newCodeownersCmdRun(env, &global{}, stub), "--check"); err != nil || !got.check {
		t.Errorf("codeowners --check: %v, %+v", err, got)
	}
	never := func(*Env, *global, *codeownersOptions) error { t.Error("run called"); return nil }
	wantUsage(t, execute(newCodeownersCmdRun(env, &global{}, never), "data"), []string{"data"}, `unknown command "data"`)
}
