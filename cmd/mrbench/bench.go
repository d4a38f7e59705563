package main

import (
	"flag"
	"fmt"
	"io/fs"
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
	seed           uint64
	dir, ajvDir    string
	noAjv          bool
	asOf, mrtrack  string
	root, work     string
	large, small   string
	largeN, smallN tree
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
	fs.IntVar(&o.runs, "runs", 5, "measured runs of each command (ajv-cli: at most 3); the median is reported")
	fs.Uint64Var(&o.seed, "seed", 1, "generator seed")
	fs.StringVar(&o.dir, "dir", "", "generate the trees into `DIR` and keep them (default: a temporary folder, removed)")
	fs.StringVar(&o.ajvDir, "ajv", defaultAjvDir(), "where ajv-cli is installed, or is installed with npm when missing")
	fs.BoolVar(&o.noAjv, "no-ajv", false, "skip the ajv-cli baseline")
	fs.StringVar(&o.asOf, "as-of", "2025-06-30", "the day the query commands measure against")
	fs.StringVar(&o.mrtrack, "mrtrack", "", "the mrtrack binary to measure (default: built from this checkout)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: mrbench [flags]\n       mrbench hostile [-mrtrack BIN]\n       mrbench gen [-recs N] DIR\n       mrbench parse DIR\n\nMeasures mrtrack on generated data against a bare yaml.v3 parse and ajv-cli.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 || o.recs < 10 || o.runs < 1 {
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
		if m.name != ajvName {
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

// prepare builds mrtrack and generates the two trees.
func (o *options) prepare() error {
	if err := o.build(); err != nil {
		return err
	}
	var err error
	o.large = filepath.Join(o.work, fmt.Sprintf("data-%d-seed-%d", o.recs, o.seed))
	if o.largeN, err = generate(o.large, o.seed, o.recs); err != nil {
		return err
	}
	o.small = filepath.Join(o.work, fmt.Sprintf("data-%d-seed-%d", o.recs/10, o.seed))
	o.smallN, err = generate(o.small, o.seed, o.recs/10)
	return err
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
	t := tree{recs: recs}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		t.files++
		t.bytes += fi.Size()
		return nil
	})
	return t, err
}

const ajvName = "ajv-cli validate"

// measures lists what is timed, in the order runs take turns.
func (o *options) measures() ([]*measure, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	large, small := o.largeN.files, o.smallN.files
	q := func(args ...string) []string { return append([]string{o.mrtrack}, args...) }
	ms := []*measure{
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
	}
	if !o.noAjv {
		ajv, err := ajv(o.ajvDir)
		if err != nil {
			return nil, err
		}
		ms = append(ms, &measure{name: ajvName, procs: ajvValidate(ajv, o.root, o.large), codes: []int{0, 1}, runs: min(o.runs, 3), files: large})
	}
	data := filepath.Join(o.root, "data")
	for _, args := range [][]string{
		{"validate"}, {"list"}, {"list", "--overdue"}, {"status"}, {"status", "--overdue"}, {"show", "R1.6"},
		{"fmt", "--check"}, {"log", "R1.6"}, {"changes", "--since", "2024-01-01"}, {"schema", "recommendation"}, {"version"},
	} {
		argv := q(append(args, "--data", data, "--as-of", o.asOf)...)
		if args[0] == "schema" || args[0] == "version" {
			argv = q(args...)
		}
		ms = append(ms, &measure{name: "data/: mrtrack " + strings.Join(args, " "), procs: [][]string{argv}, codes: []int{0, 1}, runs: max(o.runs, 10)})
	}
	for _, m := range ms {
		m.dir = o.root
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
