package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// options are the flags and what prepare makes of them.
type options struct {
	recs, runs     int
	copies         int // of the Mali evaluation in the large Mali tree
	commits        int // in the history repository
	seed           uint64
	dir, ajvDir    string
	noAjv, huge    bool
	asOf, mrtrack  string
	root, work     string
	large, small   string
	largeN, smallN tree
	mali, maliS    string // the Mali corpus, large and a tenth
	maliN, maliSN  tree
	hugeDir        string // 10x the large tree, with -huge
	hugeN          tree
	repo, bare     string // the history repository; the bare Go program
	clone          string // the checkout as a user clones it, where the commands on data/ run
}

// tree is what a generated data folder holds.
type tree struct {
	recs, files int
	bytes       int64
}

func benchMain(args []string) int {
	var o options
	fs := flag.NewFlagSet("mrbench", flag.ContinueOnError)
	fs.IntVar(&o.recs, "recs", 10000, "recommendation files in the large tree; the small one has a tenth")
	fs.IntVar(&o.runs, "runs", 5, "measured runs of each command; the median is reported")
	fs.Uint64Var(&o.seed, "seed", 1, "generator seed")
	fs.StringVar(&o.dir, "dir", "", "generate the trees into `DIR` and keep them (default: a temporary folder, removed)")
	fs.StringVar(&o.ajvDir, "ajv", defaultAjvDir(), "where ajv-cli is installed, or is installed with npm when missing")
	fs.BoolVar(&o.noAjv, "no-ajv", false, "skip the ajv-cli baseline")
	fs.IntVar(&o.copies, "copies", 1112, "copies of the bundled Mali evaluation (9 recommendations each) in the Mali tree; the small one has a tenth")
	fs.IntVar(&o.commits, "commits", 1000, "commits in the history repository list --slipped walks")
	fs.BoolVar(&o.huge, "huge", false, "also validate a generated tree of about 10x the files (9x -recs recommendations), once")
	fs.StringVar(&o.asOf, "as-of", "2025-06-30", "the day the query commands measure against")
	fs.StringVar(&o.mrtrack, "mrtrack", "", "the mrtrack binary to measure (default: built from this checkout)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: mrbench [flags]\n       mrbench hostile [-mrtrack BIN]\n       mrbench gen [-recs N] DIR\n       mrbench parse DIR\n       mrbench read DIR\n       mrbench mali ROOT COPIES DIR\n       mrbench history-repo ROOT COMMITS DIR\n\nMeasures mrtrack on generated data and on copies of the bundled data\nagainst reading the files, a bare yaml.v3 parse, a bare Go program, git log and ajv-cli.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 || o.recs < 10 || o.runs < 1 || o.copies < 10 || o.commits < 2 {
		fs.Usage()
		return 2
	}
	var err error
	if o.root, err = moduleRoot(); err != nil {
		return fail(3, "%v", err)
	}
	if o.work = o.dir; o.work == "" {
		if o.work, err = os.MkdirTemp("", "mrbench-"); err != nil {
			return fail(3, "%v", err)
		}
		defer os.RemoveAll(o.work)
	} else if err := os.MkdirAll(o.work, 0o755); err != nil {
		return fail(3, "%v", err)
	}
	if err := o.prepare(); err != nil {
		return fail(3, "%v", err)
	}
	ms, err := o.measures()
	if err != nil {
		return fail(3, "%v", err)
	}
	before := loadAverage()
	for _, m := range ms { // warm the page cache and the binaries; not counted
		switch {
		case m.warm != nil:
			if out, err := exec.Command(m.warm[0], m.warm[1:]...).CombinedOutput(); err != nil {
				return fail(3, "%s: %v\n%s", strings.Join(m.warm, " "), err, out)
			}
		case !strings.HasSuffix(m.name, ajvName) && m.runs > 1:
			if err := m.run(); err != nil {
				return fail(3, "%v", err)
			}
			m.samples = nil
		}
	}
	for r := range o.runs {
		for _, m := range ms {
			if r < m.runs {
				if err := m.run(); err != nil {
					return fail(3, "%v", err)
				}
			}
		}
	}
	if !report(os.Stdout, &o, ms, before, loadAverage()) {
		return 1
	}
	return 0
}

// build builds mrtrack from the checkout, unless -mrtrack named a binary.
func (o *options) build() error {
	if o.mrtrack != "" {
		return nil
	}
	o.mrtrack = filepath.Join(o.work, "mrtrack")
	cmd := exec.Command("go", "build", "-o", o.mrtrack, "./cmd/mrtrack")
	cmd.Dir, cmd.Stdout, cmd.Stderr = o.root, os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build ./cmd/mrtrack: %v", err)
	}
	return nil
}

// prepare builds mrtrack and the bare program, and writes the trees and
// the history repository.
func (o *options) prepare() error {
	if err := o.build(); err != nil {
		return err
	}
	var err error
	if o.bare, err = buildBare(o.work); err != nil {
		return err
	}
	o.large = filepath.Join(o.work, fmt.Sprintf("data-%d-seed-%d", o.recs, o.seed))
	if o.largeN, err = generate(o.large, o.seed, o.recs); err != nil {
		return err
	}
	o.small = filepath.Join(o.work, fmt.Sprintf("data-%d-seed-%d", o.recs/10, o.seed))
	if o.smallN, err = generate(o.small, o.seed, o.recs/10); err != nil {
		return err
	}
	if o.huge {
		// Nine times the recommendations make about ten times the files
		// and stay under the 100,000-file limit of one run.
		o.hugeDir = filepath.Join(o.work, fmt.Sprintf("data-%d-seed-%d", o.recs*9, o.seed))
		if o.hugeN, err = generate(o.hugeDir, o.seed, o.recs*9); err != nil {
			return err
		}
	}
	o.mali = filepath.Join(o.work, fmt.Sprintf("mali-%d", o.copies))
	if o.maliN, err = child(o.mali, "mali", o.root, fmt.Sprint(o.copies)); err != nil {
		return err
	}
	o.maliN.recs = o.maliN.files - o.copies
	o.maliS = filepath.Join(o.work, fmt.Sprintf("mali-%d", o.copies/10))
	if o.maliSN, err = child(o.maliS, "mali", o.root, fmt.Sprint(o.copies/10)); err != nil {
		return err
	}
	o.maliSN.recs = o.maliSN.files - o.copies/10
	o.repo = filepath.Join(o.work, fmt.Sprintf("history-%d-packed", o.commits)) // not one kept from before it was repacked
	if _, err = child(o.repo, "history-repo", o.root, fmt.Sprint(o.commits)); err != nil {
		return err
	}
	o.clone, err = cloneCheckout(o.root, filepath.Join(o.work, "clone"))
	return err
}

// cloneCheckout clones the checkout at root into dir, replacing what an
// earlier run left there, and returns dir; root itself when it is no git
// work tree. The commands on data/ read its history as a user's clone
// holds it, packed: a developer's checkout gathers loose objects between
// collections (git gc --auto waits for 6,700), and reading them made
// git log of one file 1.8 times as slow as in a clone.
func cloneCheckout(root, dir string) (string, error) {
	if err := exec.Command("git", "-C", root, "rev-parse", "--verify", "-q", "HEAD").Run(); err != nil {
		return root, nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	c := exec.Command("git", "clone", "-q", "--no-local", root, dir)
	c.Stdout, c.Stderr = os.Stderr, os.Stderr
	if err := c.Run(); err != nil {
		return "", fmt.Errorf("git clone %s: %v", root, err)
	}
	return dir, nil
}

// child runs mrbench CMD ARGS... DIR to write dir, unless an earlier run
// with -dir left it there, and counts the *.yaml files in it.
func child(dir, cmd string, args ...string) (tree, error) {
	if _, err := os.Stat(dir); err != nil {
		self, err := os.Executable()
		if err != nil {
			return tree{}, err
		}
		tmp := dir + ".tmp"
		os.RemoveAll(tmp)
		c := exec.Command(self, append(append([]string{cmd}, args...), tmp)...)
		c.Stdout, c.Stderr = os.Stderr, os.Stderr
		if err := c.Run(); err != nil {
			return tree{}, fmt.Errorf("mrbench %s: %v", cmd, err)
		}
		if err := os.Rename(tmp, dir); err != nil {
			return tree{}, err
		}
	}
	return count(dir)
}

// count counts the *.yaml files under dir and their bytes.
func count(dir string) (tree, error) {
	var t tree
	files, err := yamlFiles(dir)
	for _, f := range files {
		fi, err := os.Stat(f)
		if err != nil {
			return t, err
		}
		t.files++
		t.bytes += fi.Size()
	}
	return t, err
}

// generate writes a tree into a new folder, unless an earlier run with
// -dir left it there. It runs as a child process, mrbench gen: on Linux a
// child's peak memory starts from its parent's, so mrbench itself must stay
// small for the memory figures to mean anything.
func generate(dir string, seed uint64, recs int) (tree, error) {
	if _, err := os.Stat(dir); err != nil {
		self, err := os.Executable()
		if err != nil {
			return tree{}, err
		}
		tmp := dir + ".tmp"
		os.RemoveAll(tmp)
		cmd := exec.Command(self, "gen", "-recs", fmt.Sprint(recs), "-seed", fmt.Sprint(seed), tmp)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return tree{}, fmt.Errorf("mrbench gen: %v", err)
		}
		if err := os.Rename(tmp, dir); err != nil {
			return tree{}, err
		}
	}
	t, err := count(dir)
	t.recs = recs
	return t, err
}

// Names of the rows the targets read.
const (
	ajvName      = "ajv-cli validate"
	bareName     = "floor: bare Go program start"
	gitLogName   = "floor: git log --raw"
	slippedName  = "mrtrack list --slipped"
	validateMali = "Mali: mrtrack validate"
)

// measures lists what is timed, in the order runs take turns.
func (o *options) measures() ([]*measure, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	large, small := o.largeN.files, o.smallN.files
	q := func(args ...string) []string { return append([]string{o.mrtrack}, args...) }
	mali, maliS := o.maliN.files, o.maliSN.files
	ms := []*measure{
		{name: "floor: read the files", procs: [][]string{{self, "read", o.large}}, files: large},
		{name: "floor: yaml.v3 parse", procs: [][]string{{self, "parse", o.large}}, files: large},
		{name: "mrtrack validate", procs: [][]string{q("validate", "--data", o.large)}, files: large},
		{name: "mrtrack status --overdue", procs: [][]string{q("status", "--overdue", "--data", o.large, "--as-of", o.asOf)}, files: large},
		// The same answer without the table: what the query costs apart
		// from laying out thousands of rows.
		{name: "mrtrack status --overdue -o csv", procs: [][]string{q("status", "--overdue", "-o", "csv", "--data", o.large, "--as-of", o.asOf)}, files: large},
		{name: "mrtrack status", procs: [][]string{q("status", "--data", o.large, "--as-of", o.asOf)}, files: large},
		{name: "mrtrack list --overdue", procs: [][]string{q("list", "--overdue", "--data", o.large, "--as-of", o.asOf)}, files: large},
		{name: "floor: yaml.v3 parse (small)", procs: [][]string{{self, "parse", o.small}}, files: small},
		{name: "mrtrack validate (small)", procs: [][]string{q("validate", "--data", o.small)}, files: small},
		{name: "Mali: floor: read the files", procs: [][]string{{self, "read", o.mali}}, files: mali},
		{name: "Mali: floor: yaml.v3 parse", procs: [][]string{{self, "parse", o.mali}}, files: mali},
		{name: validateMali, procs: [][]string{q("validate", "--data", o.mali)}, files: mali},
		{name: "Mali: mrtrack status --overdue", procs: [][]string{q("status", "--overdue", "--data", o.mali, "--as-of", o.asOf)}, files: mali},
		{name: "Mali: mrtrack list --overdue", procs: [][]string{q("list", "--overdue", "--data", o.mali, "--as-of", o.asOf)}, files: mali},
		{name: "Mali: mrtrack validate (small)", procs: [][]string{q("validate", "--data", o.maliS)}, files: maliS},
		{name: gitLogName, procs: [][]string{{"git", "-C", o.repo, "log", "--first-parent", "-m", "--raw", "--no-abbrev", "--no-renames", "--", "data"}}},
		{name: slippedName, procs: [][]string{q("list", "--slipped", "--data", filepath.Join(o.repo, "data"), "--as-of", o.asOf)}},
		{name: bareName, procs: [][]string{{o.bare}}, runs: max(o.runs, 10)},
	}
	if o.huge {
		ms = append(ms, &measure{name: "mrtrack validate (huge)", procs: [][]string{q("validate", "--data", o.hugeDir)}, files: o.hugeN.files, runs: 1,
			warm: []string{self, "read", o.hugeDir}}) // 605 MB, which a run of other commands may push out of the cache
	}
	if !o.noAjv {
		ajv, err := ajv(o.ajvDir)
		if err != nil {
			return nil, err
		}
		ms = append(ms, &measure{name: ajvName, procs: ajvValidate(ajv, o.root, o.large), codes: []int{0, 1}, runs: o.runs, files: large},
			&measure{name: "Mali: " + ajvName, procs: ajvValidate(ajv, o.root, o.mali), codes: []int{0, 1}, runs: o.runs, files: mali})
	}
	data := filepath.Join(o.clone, "data")
	for _, args := range [][]string{
		{"validate"}, {"list"}, {"list", "--overdue"}, {"status"}, {"status", "--overdue"}, {"show", "R1.6"},
		{"fmt", "--check"}, {"log", "R1.6"}, {"changes", "--since", "2024-01-01"}, {"schema", "recommendation"}, {"version"},
	} {
		argv := q(append(args, "--data", data, "--as-of", o.asOf)...)
		if args[0] == "schema" || args[0] == "version" {
			argv = q(args...)
		}
		ms = append(ms, &measure{name: "data/: mrtrack " + strings.Join(args, " "), procs: [][]string{argv}, codes: []int{0, 1}, runs: max(o.runs, 10), dir: o.clone})
	}
	for _, m := range ms {
		if m.dir == "" {
			m.dir = o.root
		}
		if m.codes == nil {
			m.codes = []int{0}
		}
		if m.runs == 0 {
			m.runs = o.runs
		}
	}
	return ms, nil
}

// loadAverage is the one-minute load average, where the system tells it:
// a figure far above the number of cores means the run shared the machine.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(b))[0]
}

// machine names the processor, for the table's heading.
func machine() string {
	cpu := runtime.GOARCH
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.Lines(string(b)) {
			if name, ok := strings.CutPrefix(line, "model name"); ok {
				cpu = strings.TrimSpace(strings.TrimLeft(name, " \t:"))
				break
			}
		}
	}
	return fmt.Sprintf("%s/%s, %s, %d CPUs (GOMAXPROCS %d), %s", runtime.GOOS, runtime.GOARCH, cpu, runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.Version())
}

func seconds(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}
