package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// The corpora beside the generated trees: the bundled Mali evaluation
// copied many times (real text, real layout: what the issue measured
// ajv-cli on), and a git repository of the Mali data with a long history
// for the history walk. Both are written by child processes (mrbench mali,
// mrbench history-repo) so that mrbench itself stays small.

// maliMain writes data/EVO-2024-03 COPIES times into DIR, each copy a
// folder EVO-2024-03-NNNN whose evaluation.yaml carries that id.
func maliMain(args []string) int {
	if len(args) != 3 {
		return fail(2, "usage: mrbench mali ROOT COPIES DIR")
	}
	var copies int
	if _, err := fmt.Sscan(args[1], &copies); err != nil || copies < 1 {
		return fail(2, "COPIES: a positive number")
	}
	src, err := maliFiles(args[0])
	if err != nil {
		return fail(3, "%v", err)
	}
	for i := 1; i <= copies; i++ {
		id := fmt.Sprintf("EVO-2024-03-%04d", i)
		dir := filepath.Join(args[2], id)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fail(3, "%v", err)
		}
		for name, data := range src {
			if name == "evaluation.yaml" {
				data = bytes.Replace(data, []byte("\nid: EVO-2024-03\n"), []byte("\nid: "+id+"\n"), 1)
			}
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				return fail(3, "%v", err)
			}
		}
	}
	return 0
}

// maliFiles reads the bundled evaluation's record files by name.
func maliFiles(root string) (map[string][]byte, error) {
	paths, err := filepath.Glob(filepath.Join(root, "data", "EVO-2024-03", "*.yaml"))
	if err != nil || len(paths) == 0 {
		return nil, fmt.Errorf("no record files in %s/data/EVO-2024-03", root)
	}
	out := map[string][]byte{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		out[filepath.Base(p)] = b
	}
	return out, nil
}

// historyRepoMain makes DIR a git repository holding the Mali data under
// data/ with COMMITS commits: the first adds the files, each later one
// moves one action's due date, as a quarterly update does. It goes through
// git fast-import: a commit a millisecond rather than a process each. Then
// it repacks, as git's fast-import manual advises: fast-import stores each
// blob as a delta against the blob written before it, whatever its file,
// so that reading a version meant resolving a chain of deltas of other
// files, five times the cost of reading it from a clone or after git gc.
func historyRepoMain(args []string) int {
	if len(args) != 3 {
		return fail(2, "usage: mrbench history-repo ROOT COMMITS DIR")
	}
	var commits int
	if _, err := fmt.Sscan(args[1], &commits); err != nil || commits < 1 {
		return fail(2, "COMMITS: a positive number")
	}
	src, err := maliFiles(args[0])
	if err != nil {
		return fail(3, "%v", err)
	}
	names := make([]string, 0, len(src))
	var recs []string
	for name := range src {
		names = append(names, name)
		if strings.HasPrefix(name, "rec-") {
			recs = append(recs, name)
		}
	}
	slices.Sort(names)
	slices.Sort(recs)
	var stream bytes.Buffer
	commit := func(i int, changed ...string) {
		msg := fmt.Sprintf("Quarterly update %d", i)
		fmt.Fprintf(&stream, "commit refs/heads/main\nmark :%d\ncommitter Officer <officer@example.org> %d +0000\ndata %d\n%s\n",
			i+1, 1735689600+i*3600, len(msg), msg)
		if i > 0 {
			fmt.Fprintf(&stream, "from :%d\n", i)
		}
		for _, name := range changed {
			fmt.Fprintf(&stream, "M 100644 inline data/EVO-2024-03/%s\ndata %d\n%s\n", name, len(src[name]), src[name])
		}
	}
	commit(0, names...)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 1; i < commits; i++ {
		name := recs[rng.IntN(len(recs))]
		lines := strings.SplitAfter(string(src[name]), "\n")
		var dues []int
		for j, l := range lines {
			if strings.HasPrefix(l, "    due: ") {
				dues = append(dues, j)
			}
		}
		j := dues[rng.IntN(len(dues))]
		lines[j] = fmt.Sprintf("    due: %d-%02d\n", 2025+i/12%3, i%12+1)
		src[name] = []byte(strings.Join(lines, ""))
		commit(i, name)
	}
	git := func(stdin []byte, args ...string) error {
		cmd := exec.Command("git", args...)
		cmd.Stdin = bytes.NewReader(stdin)
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null")
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("git %v: %v\n%s", args[2:], err, out)
		}
		return nil
	}
	dir := args[2]
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fail(3, "%v", err)
	}
	for _, step := range []struct {
		stdin []byte
		args  []string
	}{{nil, []string{"init", "-q", "-b", "main"}}, {stream.Bytes(), []string{"fast-import", "--quiet"}},
		{nil, []string{"repack", "-a", "-d", "-f", "-q"}}, {nil, []string{"checkout", "-q", "main"}}} {
		if err := git(step.stdin, append([]string{"-C", dir}, step.args...)...); err != nil {
			return fail(3, "%v", err)
		}
	}
	return 0
}

// readMain is the floor of the floor: walk DIR and read every *.yaml file
// on GOMAXPROCS workers, parsing nothing. What validate costs beyond it is
// the cost of understanding the bytes.
func readMain(args []string) int {
	if len(args) != 1 {
		return fail(2, "usage: mrbench read DIR")
	}
	files, err := yamlFiles(args[0])
	if err != nil {
		return fail(3, "%v", err)
	}
	if err := eachFile(files, func(p string) error {
		_, err := os.ReadFile(p)
		return err
	}); err != nil {
		return fail(1, "%v", err)
	}
	fmt.Printf("%d files read\n", len(files))
	return 0
}

// bareSource is a Go program that does nothing: its start is the least a
// Go command costs on this machine, the floor of every figure on data/.
const bareSource = "package main\n\nfunc main() {}\n"

// buildBare builds the bare program into dir.
func buildBare(dir string) (string, error) {
	src := filepath.Join(dir, "bare")
	if err := os.MkdirAll(src, 0o755); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(src, "go.mod"), []byte("module bare\n\ngo 1.26\n"), 0o644); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(src, "main.go"), []byte(bareSource), 0o644); err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "bare-go")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir, cmd.Stdout, cmd.Stderr = src, os.Stderr, os.Stderr
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go build (bare program): %v", err)
	}
	return bin, nil
}
