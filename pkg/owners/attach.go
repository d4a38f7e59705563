package owners

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/load"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
)

// Attach reads the owners.yaml the loader set aside (res.OwnersSource)
// and adds its findings to res: its own and, when the whole data folder
// was read, those comparing it with the records (Check) and with
// .github/CODEOWNERS. It returns the list, nil when there is none or it
// has errors. It is the one call commands make to read owners.
func Attach(res *load.Result, opts load.Options) *File {
	src := res.OwnersSource
	if src == nil {
		return nil
	}
	res.Stats.Files++
	data, err := store.Read(src.Abs, opts.Limits.MaxFileSize)
	if err != nil {
		res.Add([]finding.Finding{{File: src.Path, Line: 1, Col: 1, Severity: finding.Error,
			Rule: finding.RuleUnreadable, Message: "cannot read: " + readError(err)}})
		return nil
	}
	list, fs := Parse(src.Path, data)
	if list != nil && readsWhole(opts) {
		fs = append(fs, list.Check(Uses(res.Evaluations), locator(res))...)
		if complete(res) {
			fs = append(fs, staleCodeowners(list, res, opts)...)
		} else {
			// A file left out for its errors may name the owners that look
			// unused, and change CODEOWNERS: say only what is sure.
			fs = slices.DeleteFunc(fs, func(f finding.Finding) bool { return f.Rule == finding.RuleOwnerUnused })
		}
	}
	res.Add(fs)
	return list
}

// complete reports whether every record file read went into the model.
func complete(res *load.Result) bool {
	for _, f := range res.Files {
		if !f.Usable() {
			return false
		}
	}
	return true
}

func readError(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// readsWhole reports whether the data folder itself is among the paths
// read, so an owner no record names is truly unused.
func readsWhole(opts load.Options) bool {
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
func locator(res *load.Result) func(Use) (int, int) {
	abs := map[string]string{}
	for _, f := range res.Files {
		abs[f.Path] = f.Abs
	}
	return func(u Use) (int, int) {
		data, err := store.Read(abs[u.File()], store.DefaultLimits.MaxFileSize)
		if err != nil {
			return 0, 0
		}
		root, _ := ydoc.Parse(data)
		if root == nil {
			return 0, 0
		}
		n, _ := ydoc.Locate(root, u.Pointer())
		return n.Line, n.Column
	}
}

// staleCodeowners warns when the repository's .github/CODEOWNERS exists
// and differs from what mrtrack codeowners would write.
func staleCodeowners(list *File, res *load.Result, opts load.Options) []finding.Finding {
	path, dataPath := CodeownersTarget(opts.DataDir)
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
		return stale(1, "cannot read: "+readError(err), "")
	}
	want, err := CODEOWNERS(list, dataPath, FoldersOf(res.Evaluations))
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
