package main

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"time"
)

// measure is one row of the table: one or more processes run one after
// the other (ajv-cli needs one per schema), timed together.
type measure struct {
	name  string
	procs [][]string // argv of each process
	dir   string     // working folder
	codes []int      // exit statuses that mean it ran as intended
	runs  int        // measured runs; 0 takes the -runs flag
	files int        // record files it reads, for files/s
	warm  []string   // argv that warms the page cache for a measure run once; nil: one run of it, not counted

	samples []sample
	lastOut string // the tail of what the last run printed
	invalid int    // lines ending in " invalid" in the last run (ajv-cli)
}

// sample is one measured run.
type sample struct {
	wall, cpu time.Duration
	rss       int64 // peak resident memory of the largest process, bytes
	code      int
}

// run runs the processes once and records a sample.
func (m *measure) run() error {
	var s sample
	m.invalid = 0
	for _, argv := range m.procs {
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Dir = m.dir
		var out tail
		cmd.Stdout, cmd.Stderr = &out, &out
		start := time.Now()
		err := cmd.Run()
		s.wall += time.Since(start)
		var ee *exec.ExitError
		switch {
		case err == nil:
		case errors.As(err, &ee):
			s.code = max(s.code, ee.ExitCode())
		default:
			return fmt.Errorf("%s: %v", m.name, err)
		}
		if st := cmd.ProcessState; st != nil {
			s.cpu += st.UserTime() + st.SystemTime()
			s.rss = max(s.rss, maxRSS(st))
		}
		m.lastOut = out.String()
		m.invalid += out.invalid
	}
	if !slices.Contains(m.codes, s.code) {
		return fmt.Errorf("%s exited with status %d; it printed:\n%s", m.name, s.code, m.lastOut)
	}
	m.samples = append(m.samples, s)
	return nil
}

// median returns the median sample by wall time (the lower middle of an
// even count), with the median CPU time and the highest peak memory.
func (m *measure) median() sample {
	if len(m.samples) == 0 {
		return sample{}
	}
	walls := make([]time.Duration, len(m.samples))
	cpus := make([]time.Duration, len(m.samples))
	var rss int64
	for i, s := range m.samples {
		walls[i], cpus[i] = s.wall, s.cpu
		rss = max(rss, s.rss)
	}
	slices.Sort(walls)
	slices.Sort(cpus)
	mid := (len(walls) - 1) / 2
	return sample{wall: walls[mid], cpu: cpus[mid], rss: rss}
}

// slowest returns the longest wall time of all runs.
func (m *measure) slowest() time.Duration {
	var d time.Duration
	for _, s := range m.samples {
		d = max(d, s.wall)
	}
	return d
}

// tail keeps the last few kilobytes written to it: enough to say why a
// command failed, without holding the listing of 10,000 files. It counts
// the lines ending in " invalid", which is how ajv-cli reports a file.
type tail struct {
	b       []byte
	line    []byte // the line being written, up to tailSize
	invalid int
}

const tailSize = 4096

func (t *tail) Write(p []byte) (int, error) {
	t.b = append(t.b, p...)
	if len(t.b) > 2*tailSize {
		t.b = append(t.b[:0], t.b[len(t.b)-tailSize:]...)
	}
	for _, c := range p {
		if c != '\n' {
			if len(t.line) < tailSize {
				t.line = append(t.line, c)
			}
			continue
		}
		if bytes.HasSuffix(t.line, []byte(" invalid")) {
			t.invalid++
		}
		t.line = t.line[:0]
	}
	return len(p), nil
}

func (t *tail) String() string {
	s := string(t.b)
	if len(s) > tailSize {
		s = "…" + s[len(s)-tailSize:]
	}
	return strings.TrimSpace(s)
}
