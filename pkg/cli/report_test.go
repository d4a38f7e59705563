package cli

import (
	"testing"

	"github.com/mrtrack/mrtrack/pkg/report"
)

func TestReportFlags(t *testing.T) {
	var got *reportOptions
	stub := func(_ *Env, _ *global, o *reportOptions) error { got = o; return nil }
	env, _, _ := queryEnv(false, 0, nil)
	if err := execute(newReportCmdRun(env, &global{}, stub)); err != nil || got.format != "markdown" || got.by != "" || got.period != "" || got.out != "" {
		t.Errorf("defaults: %v, %+v", err, got)
	}
	for _, tt := range []struct {
		args   []string
		format string
		by     report.Grouping
	}{
		{[]string{"--out", "board.HTML"}, "html", ""},
		{[]string{"--out", "r.json", "--by", "Owner"}, "json", report.ByOwner},
		{[]string{"--out", "r.csv", "-o", "md"}, "markdown", ""},
		{[]string{"--out", "notes.txt", "--by", "priority"}, "markdown", report.ByPriority},
		{[]string{"-o", "html", "--by", "tag", "--lang", "en", "--period", "2025-Q1"}, "html", report.ByTag},
	} {
		if err := execute(newReportCmdRun(env, &global{}, stub), tt.args...); err != nil || got.format != tt.format || got.by != tt.by {
			t.Errorf("%q: %v, format %q by %q; want %q %q", tt.args, err, got.format, got.by, tt.format, tt.by)
		}
	}

	never := func(*Env, *global, *reportOptions) error { t.Error("run called"); return nil }
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"R3"}, `report takes no arguments, got "R3"`},
		{[]string{"-o", "pdf"}, `unknown report format "pdf": use one of html, markdown, json, csv`},
		{[]string{"-o", "htm"}, "did you mean html?"},
		{[]string{"--by", "evaluation"}, `--by: cannot group by "evaluation"`},
		{[]string{"--lang", "de"}, `--lang "de" is not a report language: write fr or en`},
		{[]string{"--nope"}, "unknown flag: --nope"},
	} {
		wantUsage(t, execute(newReportCmdRun(env, &global{}, never), tt.args...), tt.args, tt.msg)
	}
}
