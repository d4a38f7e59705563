package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/finding"
)

// Limits bound what one run reads, so a hostile tree cannot exhaust memory.
type Limits struct {
	MaxFileSize int64 // bytes per file
	MaxFiles    int   // record files per run
}

// DefaultLimits are documented in docs/format.md (Limits).
var DefaultLimits = Limits{MaxFileSize: 2 << 20, MaxFiles: 100_000}

// File is a record file found on disk.
type File struct {
	Path string // as shown to the user: relative to the working folder, slash-separated
	Abs  string // absolute, cleaned
}

// RoundsFolder, at the data folder's root, holds the update rounds' files
// (pkg/round), which are not records: the walk leaves it out.
const RoundsFolder = "rounds"

// IsRecordName reports whether name has a record file extension.
func IsRecordName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

type walker struct {
	cwd      string
	limits   Limits
	found    func(File) // told of each file as it is listed, when set
	files    []File
	seen     map[string]bool
	findings []finding.Finding
}

// Discover lists the record files under paths (folders or single files),
// in lexical order without duplicates. Problems with the tree itself
// (symlinks leaving a folder, FIFOs named *.yaml, too many files) come back
// as findings; an error means nothing could be listed.
func Discover(paths []string, cwd string, limits Limits) ([]File, []finding.Finding, error) {
	return DiscoverEach(paths, cwd, limits, nil)
}

// DiscoverEach is Discover telling found of each file the moment it is
// listed, in the list's order, so the caller can start reading files
// while the walk goes on: on 10,000 files the walk is some 30 ms.
func DiscoverEach(paths []string, cwd string, limits Limits, found func(File)) ([]File, []finding.Finding, error) {
	w := &walker{cwd: cwd, limits: limits, found: found, seen: map[string]bool{}}
	for _, p := range paths {
		abs := p
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(cwd, p)
		}
		abs = filepath.Clean(abs)
		fi, err := os.Stat(abs)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				if _, lerr := os.Lstat(abs); lerr == nil {
					w.report(abs, finding.RuleSymlink, "symbolic link points to nothing", "")
					continue
				}
				return nil, nil, fmt.Errorf("%s does not exist", p)
			}
			w.report(abs, finding.RuleUnreadable, "cannot read: "+errText(err), "")
			continue
		}
		if fi.IsDir() {
			w.walk(abs)
			continue
		}
		w.addFile(abs, fi.Mode(), true)
	}
	return w.files, w.findings, nil
}

func (w *walker) display(abs string) string {
	if rel, err := filepath.Rel(w.cwd, abs); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(abs)
}

func (w *walker) report(abs, rule, msg, hint string) {
	w.findings = append(w.findings, finding.Finding{
		File: w.display(abs), Severity: finding.Error, Rule: rule, Message: msg, Hint: hint,
	})
}

// walk lists root's record files. Symbolic links are followed only while
// they stay inside root, and each real folder is visited once, so loops end.
func (w *walker) walk(root string) {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		w.report(root, finding.RuleUnreadable, "cannot read folder: "+errText(err), "")
		return
	}
	visited := map[string]bool{}
	var visit func(dir, real string)
	visit = func(dir, real string) {
		if visited[real] {
			return
		}
		visited[real] = true
		entries, err := os.ReadDir(dir)
		if err != nil {
			w.report(dir, finding.RuleUnreadable, "cannot read folder: "+errText(err), "")
			return
		}
		for _, e := range entries {
			name := e.Name()
			if strings.HasPrefix(name, ".") {
				continue // .git, editor swap files, .github
			}
			p := filepath.Join(dir, name)
			if e.Type()&fs.ModeSymlink != 0 {
				target, err := filepath.EvalSymlinks(p)
				if err != nil {
					w.report(p, finding.RuleSymlink, "symbolic link cannot be followed: "+linkProblem(err), "remove the link or point it at a file inside the data folder")
					continue
				}
				if !within(realRoot, target) {
					w.report(p, finding.RuleSymlink, "symbolic link points outside the data folder; not followed", "copy the file into the data folder instead of linking to it")
					continue
				}
				fi, err := os.Stat(target)
				if err != nil {
					w.report(p, finding.RuleUnreadable, "cannot read: "+errText(err), "")
					continue
				}
				if fi.IsDir() {
					visit(p, target)
				} else if IsRecordName(name) {
					w.addFile(p, fi.Mode(), false)
				}
				continue
			}
			if e.IsDir() && dir == root && name == RoundsFolder {
				continue // update rounds, not records: pkg/round reads them
			}
			if e.IsDir() {
				if IsRecordName(name) {
					w.report(p, finding.RuleNotAFile, "is a folder, not a record file", "rename the folder so its name does not end in .yaml")
					continue
				}
				visit(p, filepath.Join(real, name))
				continue
			}
			if !IsRecordName(name) {
				continue
			}
			mode := e.Type() // enough for a regular file, and saves a stat per file
			if !mode.IsRegular() {
				fi, err := e.Info()
				if err != nil {
					w.report(p, finding.RuleUnreadable, "cannot read: "+errText(err), "")
					continue
				}
				mode = fi.Mode()
			}
			w.addFile(p, mode, false)
		}
	}
	visit(root, realRoot)
}

func (w *walker) addFile(abs string, mode fs.FileMode, explicit bool) {
	if w.seen[abs] {
		return
	}
	w.seen[abs] = true
	if !mode.IsRegular() {
		w.report(abs, finding.RuleNotAFile, fmt.Sprintf("is not a regular file (%s)", kind(mode)), "")
		return
	}
	if explicit && !IsRecordName(abs) {
		w.report(abs, finding.RuleFileName, "not checked: "+fileKind(filepath.Base(abs))+", not a record file (evaluation.yaml or rec-NN.yaml)",
			"pass the data folder, or only the record files in it")
		return
	}
	if len(w.files) == w.limits.MaxFiles {
		w.report(abs, finding.RuleTooManyFiles, fmt.Sprintf("more than %d record files; the rest were not read", w.limits.MaxFiles), "validate the folders one at a time")
	}
	if len(w.files) >= w.limits.MaxFiles {
		return
	}
	f := File{Path: w.display(abs), Abs: abs}
	w.files = append(w.files, f)
	if w.found != nil {
		w.found(f)
	}
}

// fileKind says what a file that is not a record is, by its extension.
func fileKind(name string) string {
	if ext := filepath.Ext(name); ext != "" && ext != name {
		return "a " + ext + " file"
	}
	return "a file with no extension"
}

func within(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a folder"
	}
	return "mode " + m.String()
}

func linkProblem(err error) string {
	if errors.Is(err, os.ErrNotExist) {
		return "it points to nothing"
	}
	if strings.Contains(err.Error(), "too many links") {
		return "it loops back on itself"
	}
	return errText(err)
}

// errText strips the path that os errors repeat, since findings name it.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}
