// Package git reads a repository's history by running the git command,
// which is always there where a checkout is: commits, the files they
// changed, and the bytes of files at any revision. It knows nothing of
// records. A revision that comes from the user always follows
// --end-of-options, so git never reads it as an option (--output=FILE).
package git

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Repo is a git working tree.
type Repo struct {
	Root  string // the top folder of the working tree
	empty bool   // HEAD has no commit yet (git init, or an orphan branch): its history is empty
}

// ErrShallow reports a clone without its full history.
var ErrShallow = errors.New("this clone is shallow: its history stops early, so history commands would be wrong")

// ShallowHint says how to get the full history.
const ShallowHint = "run 'git fetch --unshallow', or in GitHub Actions set 'fetch-depth: 0' in the actions/checkout step"

// Open finds the repository that holds dir and checks it has its whole
// history.
func Open(dir string) (*Repo, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, errors.New("git is not installed; history commands need it")
	}
	r := &Repo{Root: dir}
	// --verify -q HEAD adds HEAD's hash, or nothing and exit status 1 when
	// HEAD has no commit yet; outside a repository git exits 128.
	out, err := r.command("rev-parse", "--show-toplevel", "--is-shallow-repository", "--verify", "-q", "HEAD").Output()
	var exit *exec.ExitError
	if err != nil && (!errors.As(err, &exit) || exit.ExitCode() != 1) {
		return nil, fmt.Errorf("%s is not inside a git checkout; history commands read the git history of the data", dir)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 3 && (err == nil || len(lines) != 2) {
		return nil, fmt.Errorf("unexpected answer from git rev-parse: %q", out)
	}
	r.Root, r.empty = filepath.FromSlash(lines[0]), len(lines) == 2
	if lines[1] == "true" {
		return nil, ErrShallow
	}
	return r, nil
}

// Empty reports that HEAD has no commit yet (a new repository, or an
// orphan branch): its history is empty.
func (r *Repo) Empty() bool { return r.empty }

// run runs git in the repository with stable, uncoloured, unquoted output.
func (r *Repo) run(stdin io.Reader, args ...string) ([]byte, error) {
	cmd := r.command(args...)
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s: %s", args[0], strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// command is git in the repository with stable, uncoloured, unquoted output.
func (r *Repo) command(args ...string) *exec.Cmd {
	cmd := exec.Command("git", append([]string{"-c", "core.quotepath=off", "-c", "color.ui=never", "-c", "log.showSignature=false"}, args...)...)
	cmd.Dir = r.Root
	cmd.Env = append(cmd.Environ(), "LC_ALL=C", "GIT_PAGER=cat", "GIT_CONFIG_NOSYSTEM=1")
	return cmd
}

// Commit is one commit and the files it changed under the paths asked for.
type Commit struct {
	Hash    string
	Author  string
	Email   string
	Date    time.Time // author date
	Subject string
	Files   []string // slash-separated, relative to the repository root
	// Blobs are the hashes of Files as the commit left them ("" for a
	// file it removed), so their bytes are read without a path lookup.
	// Log fills them in; Resolve does not.
	Blobs []string
}

// Short is the abbreviated hash.
func (c *Commit) Short() string { return c.Hash[:min(len(c.Hash), 7)] }

// PullRequest returns the pull request number a commit names in its
// subject, as GitHub writes merges ("Merge pull request #12 from …") and
// squashes ("… (#12)"), or 0.
func (c *Commit) PullRequest() int {
	s := c.Subject
	if rest, ok := strings.CutPrefix(s, "Merge pull request #"); ok {
		s = rest
	} else if i := strings.LastIndex(s, "(#"); i >= 0 && strings.HasSuffix(s, ")") {
		s = s[i+2:]
	} else {
		return 0
	}
	end := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	if end < 0 {
		end = len(s)
	}
	n, _ := strconv.Atoi(s[:end])
	return n
}

const sep = "\x1f"

// Log lists the commits reachable from rev (HEAD when empty) that change
// any of paths, oldest first, each with the files it changed among them.
// Merge commits are followed along their first parent, so a merged pull
// request is one step.
func (r *Repo) Log(rev string, paths ...string) ([]*Commit, error) {
	return r.LogFiles(rev, nil, nil, paths...)
}

// logArgs is the git log that Log and LogFiles read: newest first, so that
// git writes each commit as it finds it (--reverse would make it wait for
// the last), with the blob of every file a commit changed.
func logArgs(rev string, paths []string) []string {
	if rev == "" {
		rev = "HEAD"
	}
	args := []string{"log", "--first-parent", "-m", "--raw", "--no-abbrev", "--no-renames",
		"--format=%x1e%H" + sep + "%an" + sep + "%ae" + sep + "%aI" + sep + "%s", "--end-of-options", rev, "--"}
	return append(args, paths...)
}

// parseHead reads the line that starts a commit in logArgs's listing.
func parseHead(line string) (*Commit, error) {
	f := strings.SplitN(strings.TrimPrefix(line, "\x1e"), sep, 5)
	if len(f) != 5 {
		return nil, fmt.Errorf("unexpected git log line %q", line)
	}
	date, err := time.Parse(time.RFC3339, f[3])
	if err != nil {
		return nil, err
	}
	return &Commit{Hash: f[0], Author: f[1], Email: f[2], Date: date, Subject: f[4]}, nil
}

// addRaw adds to c the file a --raw line names, with its new blob.
func (c *Commit) addRaw(line string) error {
	// :old-mode new-mode old-hash new-hash status<TAB>path
	meta, name, ok := strings.Cut(line, "\t")
	f := strings.Fields(meta)
	if !ok || len(f) != 5 || !strings.HasPrefix(line, ":") {
		return fmt.Errorf("unexpected git log line %q", line)
	}
	blob := f[3]
	if strings.Trim(blob, "0") == "" {
		blob = ""
	}
	c.Files, c.Blobs = append(c.Files, name), append(c.Blobs, blob)
	return nil
}

// Resolve turns a revision (a hash, a branch, a tag, HEAD~3) into its
// commit.
func (r *Repo) Resolve(rev string) (*Commit, error) {
	out, err := r.run(nil, "log", "-1", "--format=%H"+sep+"%an"+sep+"%ae"+sep+"%aI"+sep+"%s", "--end-of-options", rev+"^{commit}", "--")
	switch {
	case err != nil && r.empty:
		return nil, fmt.Errorf("%q is not a revision: the current branch has no commit yet", rev)
	case err != nil:
		return nil, fmt.Errorf("%q is not a revision of this repository", rev)
	}
	f := strings.SplitN(strings.TrimSpace(string(out)), sep, 5)
	if len(f) != 5 {
		return nil, fmt.Errorf("%q is not a revision of this repository", rev)
	}
	date, err := time.Parse(time.RFC3339, f[3])
	if err != nil {
		return nil, err
	}
	return &Commit{Hash: f[0], Author: f[1], Email: f[2], Date: date, Subject: f[4]}, nil
}

// LastBefore returns the newest commit on HEAD's first-parent line whose
// commit date is before t, or nil when there is none. The dates are
// compared here rather than by git (rev-list --before), whose date parser
// takes no year after 2099 and reads what it cannot parse as another
// date: a day after the last commit must find the last commit.
func (r *Repo) LastBefore(t time.Time) (*Commit, error) {
	if r.empty {
		return nil, nil
	}
	out, err := r.run(nil, "rev-list", "--first-parent", "--timestamp", "HEAD")
	if err != nil {
		return nil, err
	}
	limit := t.Unix()
	for _, line := range strings.Split(string(out), "\n") {
		stamp, hash, ok := strings.Cut(line, " ")
		if !ok {
			continue
		}
		sec, err := strconv.ParseInt(stamp, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("unexpected git rev-list line %q", line)
		}
		if sec < limit {
			return r.Resolve(hash)
		}
	}
	return nil, nil
}

// Files lists the files under dir (relative to the root) at rev.
func (r *Repo) Files(rev, dir string) ([]string, error) {
	out, err := r.run(nil, "ls-tree", "-r", "-z", "--name-only", "--end-of-options", rev, "--", dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, n := range strings.Split(string(out), "\x00") {
		if n != "" {
			names = append(names, n)
		}
	}
	return names, nil
}

// Blob names a file at a revision, or by its hash when Hash is set
// (from Commit.Blobs), which spares git finding the path in the tree.
type Blob struct{ Rev, Path, Hash string }

func (b Blob) name() string {
	if b.Hash != "" {
		return b.Hash
	}
	return b.Rev + ":" + b.Path
}

// Read returns the contents of many files at their revisions through one
// git process; a file missing at its revision reads as nil. A blob asked
// for twice is read once, and both answers share its bytes.
func (r *Repo) Read(blobs []Blob) ([][]byte, error) {
	var in bytes.Buffer
	first := make(map[string]int, len(blobs)) // name -> index of its first request
	var unique []int
	for i, b := range blobs {
		if strings.ContainsAny(b.Path, "\n") {
			return nil, fmt.Errorf("file name %q has a line break", b.Path)
		}
		if _, seen := first[b.name()]; seen {
			continue
		}
		first[b.name()] = i
		unique = append(unique, i)
		in.WriteString(b.name())
		in.WriteByte('\n')
	}
	out, err := r.run(&in, "cat-file", "--batch")
	if err != nil {
		return nil, err
	}
	rd := bufio.NewReader(bytes.NewReader(out))
	res := make([][]byte, len(blobs))
	for _, i := range unique {
		if res[i], err = readObject(rd); err != nil {
			return nil, err
		}
	}
	for i, b := range blobs {
		res[i] = res[first[b.name()]]
	}
	return res, nil
}
