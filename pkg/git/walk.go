package git

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// FileVersion is one file as one commit left it.
type FileVersion struct {
	Commit *Commit
	Index  int    // of the file in Commit.Files and Commit.Blobs
	Data   []byte // nil for a file the commit removed
}

// LogFiles is Log, and reads the files that keep accepts as each commit
// left them. One git cat-file --batch reads them by blob hash, fed while
// git log is still listing, so that the two run at once and got sees the
// first files before the last commit is listed. got is called from one
// goroutine, newest commit first, while LogFiles runs; a blob that comes
// back is read once and its versions share its bytes. With keep nil, no
// file is read.
func (r *Repo) LogFiles(rev string, keep func(path string) bool, got func(FileVersion), paths ...string) ([]*Commit, error) {
	if r.empty && rev == "" {
		return nil, nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	log := r.command(logArgs(rev, paths)...)
	var logErr bytes.Buffer
	log.Stderr = &logErr
	listing, err := log.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := log.Start(); err != nil {
		return nil, fmt.Errorf("git log: %w", err)
	}
	var cat *catFile
	if keep != nil {
		if cat, err = r.startCatFile(ctx, keep, got); err != nil {
			_ = log.Process.Kill()
			_ = log.Wait()
			return nil, err
		}
	}
	commits, parseErr := readListing(listing, cat)
	if parseErr != nil {
		_ = log.Process.Kill()
	}
	_, _ = io.Copy(io.Discard, listing) // so that git log can finish
	logWaitErr := log.Wait()
	var catErr error
	if cat != nil {
		catErr = cat.finish(parseErr != nil || logWaitErr != nil)
	}
	// A failing cat-file makes the listing fail (its input closes), and a
	// failing listing kills git log: the first cause is the one reported.
	switch {
	case catErr != nil:
		return nil, catErr
	case parseErr != nil:
		return nil, parseErr
	case logWaitErr != nil:
		msg := strings.TrimSpace(logErr.String())
		if strings.Contains(msg, "does not have any commits") || strings.Contains(msg, "unknown revision") {
			return nil, nil
		}
		if msg == "" {
			msg = logWaitErr.Error()
		}
		return nil, fmt.Errorf("git log: %s", msg)
	}
	slices.Reverse(commits)
	return commits, nil
}

// readListing parses logArgs's listing as it comes, and asks cat (when
// not nil) for the files of each commit once the commit is complete.
func readListing(listing io.Reader, cat *catFile) ([]*Commit, error) {
	var commits []*Commit
	done := func() error {
		if cat == nil || len(commits) == 0 {
			return nil
		}
		return cat.ask(commits[len(commits)-1])
	}
	rd := bufio.NewReaderSize(listing, 64<<10)
	for {
		line, err := rd.ReadString('\n')
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("git log: %w", err)
		}
		if line = strings.TrimSuffix(line, "\n"); strings.HasPrefix(line, "\x1e") {
			if err := done(); err != nil {
				return nil, err
			}
			c, err := parseHead(line)
			if err != nil {
				return nil, err
			}
			commits = append(commits, c)
		} else if strings.TrimSpace(line) != "" {
			if len(commits) == 0 {
				return nil, fmt.Errorf("unexpected git log line %q", line)
			}
			if err := commits[len(commits)-1].addRaw(line); err != nil {
				return nil, err
			}
		}
		if err == io.EOF {
			return commits, done()
		}
	}
}

// catFile is a git cat-file --batch that reads blobs as they are asked
// for and hands them to got in the order asked, from its own goroutine.
type catFile struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stderr bytes.Buffer
	keep   func(string) bool
	asked  map[string]bool // the blobs asked for
	queue  chan askedFile
	done   sync.WaitGroup
	ctx    context.Context
	cancel context.CancelFunc // kills cat-file
	err    error              // the reading goroutine's, when it failed first; read after done
}

// askedFile is one file version asked for; a blob asked for before is
// not asked again (again), a removed file not at all (no hash).
type askedFile struct {
	v     FileVersion
	hash  string
	again bool
}

func (r *Repo) startCatFile(ctx context.Context, keep func(string) bool, got func(FileVersion)) (*catFile, error) {
	ctx, cancel := context.WithCancel(ctx)
	cmd := r.command("cat-file", "--batch")
	c := &catFile{cmd: cmd, keep: keep, asked: map[string]bool{}, queue: make(chan askedFile, 1024), ctx: ctx, cancel: cancel}
	cmd.Stderr = &c.stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		cancel()
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		cancel()
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		cancel()
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	context.AfterFunc(ctx, func() { _ = cmd.Process.Kill() })
	c.stdin = stdin
	c.done.Go(func() { c.err = c.answer(bufio.NewReaderSize(stdout, 64<<10), got) })
	return c, nil
}

// ask asks for the files of commit that keep accepts.
func (c *catFile) ask(commit *Commit) error {
	for i, name := range commit.Files {
		if !c.keep(name) {
			continue
		}
		if strings.ContainsAny(name, "\n") {
			return fmt.Errorf("file name %q has a line break", name)
		}
		a := askedFile{v: FileVersion{Commit: commit, Index: i}, hash: commit.Blobs[i]}
		if a.hash != "" {
			a.again = c.asked[a.hash]
			if !a.again {
				c.asked[a.hash] = true
				// Written before it is queued, so that the reader never
				// waits for an answer to a question not yet sent.
				if _, err := io.WriteString(c.stdin, a.hash+"\n"); err != nil {
					return fmt.Errorf("git cat-file: %w", err)
				}
			}
		}
		c.queue <- a
	}
	return nil
}

// answer reads cat-file's answers in the order asked and hands each file
// to got. After an error it keeps emptying the queue, so that ask never
// blocks.
func (c *catFile) answer(rd *bufio.Reader, got func(FileVersion)) error {
	var failed error
	read := map[string][]byte{}
	for a := range c.queue {
		if failed != nil {
			continue
		}
		switch {
		case a.again:
			a.v.Data = read[a.hash]
		case a.hash != "":
			data, err := readObject(rd)
			if err != nil {
				failed = err
				if c.ctx.Err() != nil {
					failed = errAbandoned // killed: not the cause
				}
				c.cancel()
				continue
			}
			read[a.hash], a.v.Data = data, data
		}
		got(a.v)
	}
	if failed == errAbandoned {
		return nil
	}
	return failed
}

var errAbandoned = errors.New("abandoned")

// finish closes cat-file's input, waits for the last answers, and reports
// what went wrong; with abandon, cat-file is killed and only a failure of
// its own is reported.
func (c *catFile) finish(abandon bool) error {
	if abandon {
		c.cancel()
	}
	close(c.queue)
	closeErr := c.stdin.Close()
	c.done.Wait()
	waitErr := c.cmd.Wait()
	c.cancel()
	switch {
	case c.err != nil:
		return c.err
	case abandon:
		return nil
	case waitErr != nil:
		return fmt.Errorf("git cat-file: %s", strings.TrimSpace(c.stderr.String()+" "+waitErr.Error()))
	case closeErr != nil && !errors.Is(closeErr, io.ErrClosedPipe):
		return fmt.Errorf("git cat-file: %w", closeErr)
	}
	return nil
}

// readObject reads one answer of git cat-file --batch: the contents of a
// blob, or nil for an object that is missing or no blob.
func readObject(rd *bufio.Reader) ([]byte, error) {
	header, err := rd.ReadString('\n')
	if err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	f := strings.Fields(header)
	if len(f) == 2 && f[1] == "missing" {
		return nil, nil
	}
	if len(f) != 3 {
		return nil, fmt.Errorf("git cat-file: unexpected header %q", header)
	}
	size, err := strconv.Atoi(f[2])
	if err != nil || size < 0 {
		return nil, fmt.Errorf("git cat-file: unexpected header %q", header)
	}
	data := make([]byte, size+1) // the contents and a line break
	if _, err := io.ReadFull(rd, data); err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	if f[1] != "blob" {
		return nil, nil
	}
	return data[:size], nil
}
