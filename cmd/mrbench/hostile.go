package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/mrtrack/mrtrack/internal/hostile"
)

// hostileMain times mrtrack validate on each case of internal/hostile, as its
// own process: every case must end with its finding and exit 1 (the walk
// traps with exit 0) within two seconds and in bounded memory. The tests
// check the findings; this is where the time and the memory are shown.
func hostileMain(args []string) int {
	fs := flag.NewFlagSet("mrbench hostile", flag.ContinueOnError)
	bin := fs.String("mrtrack", "", "the mrtrack binary to run (default: built from this checkout)")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		fmt.Fprintln(fs.Output(), "usage: mrbench hostile [-mrtrack BIN]")
		return 2
	}
	o := options{mrtrack: *bin}
	var err error
	if o.root, err = moduleRoot(); err != nil {
		return fail(3, "%v", err)
	}
	if o.work, err = os.MkdirTemp("", "mrbench-hostile-"); err != nil {
		return fail(3, "%v", err)
	}
	defer os.RemoveAll(o.work)
	if err := o.build(); err != nil {
		return fail(3, "%v", err)
	}
	self, err := os.Executable()
	if err != nil {
		return fail(3, "%v", err)
	}
	const limit = 2 * time.Second
	fmt.Printf("mrtrack validate on hostile data (internal/hostile); machine: %s\n\n", machine())
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "case\texit\twall\tpeak memory\tfinding\t")
	ok := true
	for i, c := range hostile.Cases() {
		if c.Unix && runtime.GOOS == "windows" {
			continue
		}
		root := filepath.Join(o.work, fmt.Sprint(i))
		data := filepath.Join(root, "data")
		if err := os.MkdirAll(data, 0o755); err != nil {
			return fail(3, "%v", err)
		}
		// Made by a child process: a 50 MB case built here would count in
		// every later child's peak memory.
		mk := exec.Command(self, "hostile-make", fmt.Sprint(i), data)
		mk.Stderr = os.Stderr
		if err := mk.Run(); err != nil {
			return fail(3, "%s: %v", c.Name, err)
		}
		m := &measure{name: c.Name, procs: [][]string{{o.mrtrack, "validate", "--data", "data"}}, dir: root, codes: []int{0, 1, 2, 3}}
		if err := m.run(); err != nil {
			return fail(3, "%v", err)
		}
		s := m.samples[0]
		want, found := 1, firstFinding(m.lastOut, "data/"+c.File+":", c.Rule)
		if c.Rule == "" {
			want, found = 0, "none"
		}
		verdict := ""
		if s.code != want || found == "" || s.wall > limit {
			verdict, ok = "  MISSED", false
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%.0f MB\t%s%s\t\n", c.Name, s.code, seconds(s.wall), float64(s.rss)/1e6, clip(found, 70), verdict)
		os.RemoveAll(root)
	}
	tw.Flush()
	if !ok {
		fmt.Printf("\nMISSED: a case did not end with its finding and exit 1 within %s\n", limit)
		return 1
	}
	return 0
}

// hostileMakeMain writes case number INDEX of hostile.Cases into DIR.
func hostileMakeMain(args []string) int {
	cases := hostile.Cases()
	i, err := strconv.Atoi(args[0])
	if len(args) != 2 || err != nil || i < 0 || i >= len(cases) {
		return fail(2, "usage: mrbench hostile-make INDEX DIR")
	}
	if err := cases[i].Make(args[1]); err != nil {
		return fail(3, "%v", err)
	}
	return 0
}

// firstFinding returns the first line of out about file with rule, or "".
// Output is kept only in part (tail), so the line is looked for there; a
// case whose finding scrolled out is shown by its summary line instead.
func firstFinding(out, file, rule string) string {
	var last string
	for line := range strings.Lines(out) {
		line = strings.TrimSpace(line)
		if strings.Contains(line, file) && strings.Contains(line, "["+rule+"]") {
			return strings.TrimPrefix(line, "…")
		}
		if line != "" {
			last = line
		}
	}
	if strings.Contains(out, "["+rule+"]") {
		return last
	}
	return ""
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
