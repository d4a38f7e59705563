package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// target is one of the performance targets in CONTRIBUTING.md.
type target struct {
	what   string
	value  float64
	show   string // value as printed
	bound  string // the target as printed
	met    bool
	absent bool // a measurement it needs was not run
}

// report prints the table and the targets, and reports whether all the
// targets that could be measured were met.
func report(w io.Writer, o *options, ms []*measure, loadBefore, loadAfter string) bool {
	by := map[string]*measure{}
	for _, m := range ms {
		by[m.name] = m
	}
	fmt.Fprintf(w, "mrbench: %d recommendation files (%d files, %s) and %d (%d files, %s), seed %d\n",
		o.largeN.recs, o.largeN.files, megabytes(o.largeN.bytes), o.smallN.recs, o.smallN.files, megabytes(o.smallN.bytes), o.seed)
	fmt.Fprintf(w, "machine: %s\n", machine())
	fmt.Fprintf(w, "load average %s before, %s after; medians of %d runs taken in turn (ajv-cli: %d; data/: %d)\n",
		loadBefore, loadAfter, o.runs, min(o.runs, 3), max(o.runs, 10))
	if own := selfRSS(); own > 0 {
		fmt.Fprintf(w, "peak memory is counted from mrbench's own %.0f MB: a child starts from its parent's\n", float64(own)/1e6)
	}
	fmt.Fprintln(w)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "command\twall\tslowest\tcpu\tpeak memory\tfiles/s\t")
	for _, m := range ms {
		s := m.median()
		rate := ""
		if m.files > 0 && s.wall > 0 {
			rate = fmt.Sprintf("%.0f", float64(m.files)/s.wall.Seconds())
		}
		mem := ""
		if s.rss > 0 {
			mem = fmt.Sprintf("%.0f MB", float64(s.rss)/1e6)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\n", m.name, seconds(s.wall), seconds(m.slowest()), seconds(s.cpu), mem, rate)
	}
	tw.Flush()
	if m := by[ajvName]; m != nil && m.invalid > 0 {
		fmt.Fprintf(w, "\nnote: ajv-cli rejects %d of the %d files, which mrtrack accepts: js-yaml 3 reads an unquoted date\nsuch as due: 2024-12-31 as a timestamp, not a string. Its time is measured all the same.\n", m.invalid, m.files)
	}

	wall := func(name string) time.Duration {
		if m := by[name]; m != nil {
			return m.median().wall
		}
		return 0
	}
	ratio := func(what string, a, b time.Duration, bound string, ok func(float64) bool) target {
		if a == 0 || b == 0 {
			return target{what: what, bound: bound, absent: true}
		}
		r := a.Seconds() / b.Seconds()
		return target{what: what, value: r, show: fmt.Sprintf("%.2fx", r), bound: bound, met: ok(r)}
	}
	validate := wall("mrtrack validate")
	targets := []target{
		ratio("validate / bare parse, large tree", validate, wall("floor: yaml.v3 parse"), "at most 1.5x", func(r float64) bool { return r <= 1.5 }),
		ratio("ajv-cli / validate, large tree", wall(ajvName), validate, "at least 10x", func(r float64) bool { return r >= 10 }),
		ratio("status --overdue / validate, large tree", wall("mrtrack status --overdue"), validate, "at most 1.0x", func(r float64) bool { return r <= 1.0 }),
		ratio("validate large / validate small (10x the files)", validate, wall("mrtrack validate (small)"), "at most 11x", func(r float64) bool { return r <= 11 }),
	}
	var peak int64
	for _, name := range []string{"mrtrack validate", "mrtrack status --overdue", "mrtrack status", "mrtrack list --overdue"} {
		if m := by[name]; m != nil {
			peak = max(peak, m.median().rss)
		}
	}
	targets = append(targets, target{what: "peak memory, any command, large tree", show: fmt.Sprintf("%.0f MB", float64(peak)/1e6),
		bound: "under 400 MB", met: peak < 400e6, absent: peak == 0})
	var slowest time.Duration
	slowName := ""
	for _, m := range ms {
		if strings.HasPrefix(m.name, "data/:") && m.median().wall > slowest {
			slowest, slowName = m.median().wall, strings.TrimPrefix(m.name, "data/: ")
		}
	}
	targets = append(targets, target{what: "slowest command on data/ (" + slowName + ")", show: seconds(slowest),
		bound: "under 50 ms", met: slowest < 50*time.Millisecond})

	fmt.Fprintln(w, "\ntargets")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	all := true
	for _, t := range targets {
		verdict := "met"
		switch {
		case t.absent:
			verdict, t.show = "not measured", "-"
		case !t.met:
			verdict, all = "MISSED", false
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", t.what, t.show, t.bound, verdict)
	}
	tw.Flush()
	return all
}
