package load

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/owners"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
)

// withoutOwners takes the data folder's owners.yaml out of the files to
// check as records, and returns it apart (nil when it was not listed).
func withoutOwners(files []store.File, dataDir string) ([]store.File, *store.File) {
	if dataDir == "" {
		return files, nil
	}
	want := filepath.Join(filepath.Clean(dataDir), owners.FileName)
	for i, f := range files {
		if f.Abs == want {
			return append(files[:i:i], files[i+1:]...), &f
		}
	}
	return files, nil
}

// addOwners checks owners.yaml and, when the whole data folder was read,
// compares it with the records and with .github/CODEOWNERS: its findings
// join the records', and a usable list is kept in res.Owners.
func (res *Result) addOwners(f *store.File, opts Options) {
	if f == nil {
		return
	}
	res.Stats.Files++
	data, err := store.Read(f.Abs, opts.Limits.MaxFileSize)
	if err != nil {
		res.Findings = append(res.Findings, finding.Finding{File: f.Path, Line: 1, Col: 1, Severity: finding.Error,
			Rule: finding.RuleUnreadable, Message: "cannot read: " + errText(err)})
		return
	}
	list, fs := owners.Parse(f.Path, data)
	res.Findings = append(res.Findings, fs...)
	res.Owners = list
	if list == nil || !readsWhole(opts) {
		return
	}
	res.Findings = append(res.Findings, list.Check(owners.Uses(res.Evaluations), res.locator())...)
	res.Findings = append(res.Findings, res.staleCodeowners(list, opts)...)
}

// readsWhole reports whether the data folder itself is among the paths
// read, so an owner no record names is truly unused.
func readsWhole(opts Options) bool {
	for _, p := range opts.Paths {
		if !filepath.IsAbs(p) {
			p = filepath.Join(opts.Cwd, p)
		}
		if filepath.Clean(p) == filepath.Clean(opts.DataDir) {
			return true
		}
	}
	return false
}

// locator places an owner's use in its record file by reading the file
// again: only uses owners.yaml does not know need it, which are few.
func (res *Result) locator() func(owners.Use) (int, int) {
	abs := map[string]string{}
	for _, f := range res.Files {
		abs[f.Path] = f.Abs
	}
	return func(u owners.Use) (int, int) {
		data, err := store.Read(abs[u.File], store.DefaultLimits.MaxFileSize)
		if err != nil {
			return 0, 0
		}
		root, _ := ydoc.Parse(data)
		if root == nil {
			return 0, 0
		}
		n, _ := ydoc.Locate(root, u.Pointer)
		return n.Line, n.Column
	}
}

// staleCodeowners warns when the repository's .github/CODEOWNERS exists
// and differs from what mrtrack codeowners would write.
func (res *Result) staleCodeowners(list *owners.File, opts Options) []finding.Finding {
	path, dataPath := owners.CodeownersTarget(opts.DataDir)
	have, err := store.Read(path, opts.Limits.MaxFileSize)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	shown := filepath.ToSlash(path)
	if rel, rerr := filepath.Rel(opts.Cwd, path); rerr == nil {
		shown = filepath.ToSlash(rel)
	}
	stale := func(line int, msg, hint string) []finding.Finding {
		return []finding.Finding{{File: shown, Line: line, Col: 1, Severity: finding.Warning, Rule: finding.RuleCodeownersStale, Message: msg, Hint: hint}}
	}
	if err != nil {
		return stale(1, "cannot read: "+errText(err), "")
	}
	want, err := owners.CODEOWNERS(list, dataPath, owners.FoldersOf(res.Evaluations))
	if err != nil {
		return stale(1, "cannot check it: "+err.Error(), "add office: github: @org/team to "+list.Path+", then run mrtrack codeowners")
	}
	if bytes.Equal(have, want) {
		return nil
	}
	return stale(firstDifference(have, want), "out of date with "+list.Path+" and the records", "run mrtrack codeowners to write it again")
}

// firstDifference is the first line, counted from 1, where a and b differ.
func firstDifference(a, b []byte) int {
	line := 1
	for i := 0; i < len(a) && i < len(b) && a[i] == b[i]; i++ {
		if a[i] == '\n' {
			line++
		}
	}
	return line
}
