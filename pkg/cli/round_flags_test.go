package cli

import (
	"slices"
	"testing"
)

// The round commands' flags: what the constructors hand run, and bad
// input refused with exit 2 before run.
func TestRoundFlags(t *testing.T) {
	env, _, _ := queryEnv(false, 0, nil)
	var open *roundOpenOptions
	stubOpen := func(_ *Env, _ *global, o *roundOpenOptions) error { open = o; return nil }
	if err := execute(newRoundOpenCmdRun(env, &global{}, stubOpen), "2025-q1", "--due", "eom", "--owner", "hr", "--owner", "Protection"); err != nil ||
		open.name != "2025-q1" || open.due != "eom" || !slices.Equal(open.owners, []string{"hr", "Protection"}) || open.out != "." || open.progress != "append" {
		t.Errorf("open: %v, %+v", err, open)
	}
	var collect *roundCollectOptions
	stubCollect := func(_ *Env, _ *global, o *roundCollectOptions) error { collect = o; return nil }
	if err := execute(newRoundCollectCmdRun(env, &global{}, stubCollect), "a.xlsx", "b.csv", "--dry-run", "--round", "q1"); err != nil ||
		!slices.Equal(collect.files, []string{"a.xlsx", "b.csv"}) || !collect.dryRun || collect.round != "q1" {
		t.Errorf("collect: %v, %+v", err, collect)
	}
	var status *roundStatusOptions
	stubStatus := func(_ *Env, _ *global, o *roundStatusOptions) error { status = o; return nil }
	if err := execute(newRoundStatusCmdRun(env, &global{}, stubStatus), "q1", "-o", "json", "--fail-if-missing"); err != nil ||
		status.name != "q1" || status.output.format != "json" || !status.failIfMissing {
		t.Errorf("status: %v, %+v", err, status)
	}

	neverOpen := func(*Env, *global, *roundOpenOptions) error { t.Error("run called"); return nil }
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"q1"}, "--due is required"},
		{[]string{"../q1", "--due", "eom"}, `round name "../q1" is not a file name`},
		{[]string{"q1", "--due", "eom", "--progress", "merge"}, `--progress "merge" is not append or replace`},
		{[]string{"q1", "q2", "--due", "eom"}, "round open takes the round's name, got 2 arguments"},
	} {
		wantUsage(t, execute(newRoundOpenCmdRun(env, &global{}, neverOpen), tt.args...), tt.args, tt.msg)
	}
	neverCollect := func(*Env, *global, *roundCollectOptions) error { t.Error("run called"); return nil }
	wantUsage(t, execute(newRoundCollectCmdRun(env, &global{}, neverCollect)), nil, "round collect needs the forms to read")
	neverStatus := func(*Env, *global, *roundStatusOptions) error { t.Error("run called"); return nil }
	wantUsage(t, execute(newRoundStatusCmdRun(env, &global{}, neverStatus), "-o", "xml"), []string{"-o", "xml"}, `unknown output format "xml"`)
}
