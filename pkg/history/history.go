// Package history reads the records as they were in past commits, through
// the same validator and model as the current files, and compares them:
// what changed in each commit, between two points, how often due dates
// moved, when each action last changed. It gets commits and file contents
// from pkg/git and never reads the working tree.
package history

import (
	"fmt"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/git"
	"github.com/mrtrack/mrtrack/pkg/load"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/owners"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
)

// History is the git history of a data folder.
type History struct {
	repo    *git.Repo
	schemas *validate.Schemas
	dir     string // the data folder, relative to the repository root, slash-separated
}

// Open prepares to read the history of the data folder dataDir.
func Open(dataDir string, schemas *validate.Schemas) (*History, error) {
	repo, err := git.Open(dataDir)
	if err != nil {
		return nil, err
	}
	rel, err := filepath.Rel(repo.Root, dataDir)
	if err != nil {
		return nil, err
	}
	if real, err := filepath.EvalSymlinks(repo.Root); err == nil {
		if realData, err := filepath.EvalSymlinks(dataDir); err == nil {
			if r, err := filepath.Rel(real, realData); err == nil {
				rel = r
			}
		}
	}
	return &History{repo: repo, schemas: schemas, dir: filepath.ToSlash(rel)}, nil
}

// Repo is the repository the history is read from.
func (h *History) Repo() *git.Repo { return h.repo }

// Snapshot is the records as they were at one commit.
type Snapshot struct {
	Commit      *git.Commit
	Evaluations []*model.Evaluation
	Findings    []finding.Finding // of files that did not validate then; they are left out
}

// At reads every record file of the data folder at commit c.
func (h *History) At(c *git.Commit) (*Snapshot, error) {
	names, err := h.repo.Files(c.Hash, h.dir)
	if err != nil {
		return nil, err
	}
	names = slices.DeleteFunc(names, func(n string) bool {
		return !store.IsRecordName(n) || n == path.Join(h.dir, owners.FileName) // the owners list is no record
	})
	blobs := make([]git.Blob, len(names))
	for i, n := range names {
		blobs[i] = git.Blob{Rev: c.Hash, Path: n}
	}
	data, err := h.repo.Read(blobs)
	if err != nil {
		return nil, err
	}
	srcs := make([]load.Source, 0, len(names))
	for i, n := range names {
		if data[i] != nil {
			srcs = append(srcs, h.source(c, n, data[i]))
		}
	}
	res := load.FromSources(h.schemas, srcs)
	return &Snapshot{Commit: c, Evaluations: res.Evaluations, Findings: errorsOf(res.Findings)}, nil
}

// source names an old file as "path@commit" in findings, and places it in
// its evaluation folder.
func (h *History) source(c *git.Commit, name string, data []byte) load.Source {
	return load.Source{Path: name + "@" + c.Short(), Abs: "/" + name, Data: data}
}

func errorsOf(fs []finding.Finding) []finding.Finding {
	return slices.DeleteFunc(slices.Clone(fs), func(f finding.Finding) bool { return f.Severity != finding.Error })
}

// Version is one recommendation file as one commit left it.
type Version struct {
	Commit *git.Commit
	Rec    *model.Recommendation // nil when the file was removed or did not validate
	Broken []finding.Finding     // why Rec is nil for a file that exists
}

// Versions reads every version of the recommendation files of the data
// folder (or of the files given, relative to the repository root), oldest
// first, one entry per commit that changed the file.
//
// The versions are validated in batches as git cat-file reads them, while
// git log is still listing older commits, on every core. Each is placed in
// a folder of its own (named like its evaluation's), so versions never
// mix; versions of a file with the same bytes (a revert) are validated
// once and share the model.
func (h *History) Versions(files ...string) (map[string][]Version, []*git.Commit, error) {
	paths := files
	if len(paths) == 0 {
		paths = []string{h.dir}
	}
	keep := func(f string) bool {
		kind, _ := validate.KindOf(path.Base(f))
		return kind == validate.KindRecommendation && h.within(f)
	}
	work := make(chan []*version, 4)
	var workers sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		workers.Go(func() {
			for b := range work {
				h.check(b)
			}
		})
	}
	var (
		read    []*version              // newest commit first
		first   = map[string]*version{} // by path and blob
		batch   []*version
		inBatch = map[string]bool{} // the names of batch's versions, which must differ
	)
	send := func() {
		if len(batch) > 0 {
			work <- batch
			batch, inBatch = nil, map[string]bool{}
		}
	}
	commits, err := h.repo.LogFiles("", keep, func(f git.FileVersion) {
		name := f.Commit.Files[f.Index]
		v := &version{Version: Version{Commit: f.Commit}, path: name, src: h.source(f.Commit, name, f.Data)}
		v.src.Abs = fmt.Sprintf("/v%d/%s", len(read), name)
		read = append(read, v)
		if f.Data == nil {
			return
		}
		key := name + "\x00" + f.Commit.Blobs[f.Index]
		if v.same = first[key]; v.same != nil {
			return
		}
		first[key] = v
		if inBatch[v.src.Path] {
			send()
		}
		batch, inBatch[v.src.Path] = append(batch, v), true
		if len(batch) == versionBatch {
			send()
		}
	}, paths...)
	send()
	close(work)
	workers.Wait()
	if err != nil {
		return nil, nil, err
	}
	// A version whose bytes were read before takes the model decoded then;
	// one that did not validate is validated again, for findings naming it.
	for _, v := range read {
		switch {
		case v.same == nil:
		case v.same.Rec != nil:
			v.Rec = v.same.Rec
		default:
			h.check([]*version{v})
		}
	}
	out := map[string][]Version{}
	for _, v := range slices.Backward(read) {
		out[v.path] = append(out[v.path], v.Version)
	}
	return out, commits, nil
}

// versionBatch is how many versions are validated together: enough for
// the work to dwarf starting it, few enough to start while git still runs.
const versionBatch = 32

// version is one version on its way through Versions.
type version struct {
	Version
	path string
	src  load.Source
	same *version // a version of the same file with the same bytes, read before
}

// check validates a batch of versions with distinct names and decodes
// them, or says why they are broken.
func (h *History) check(batch []*version) {
	srcs := make([]load.Source, len(batch))
	byName := make(map[string]*version, len(batch))
	for i, v := range batch {
		srcs[i] = v.src
		byName[v.src.Path] = v
	}
	res := load.FromSources(h.schemas, srcs)
	for _, r := range recsOf(res.Evaluations) {
		byName[r.File].Rec = r
	}
	broken := map[string][]finding.Finding{}
	for _, f := range errorsOf(res.Findings) {
		broken[f.File] = append(broken[f.File], f)
	}
	for _, v := range batch {
		if v.Rec == nil {
			v.Broken = broken[v.src.Path]
		}
	}
}

func (h *History) within(name string) bool {
	return h.dir == "." || h.dir == "" || strings.HasPrefix(name, h.dir+"/")
}

// RepoPath is the path of a file of the working tree relative to the
// repository root, as history names it.
func (h *History) RepoPath(abs string) string {
	rel, err := filepath.Rel(h.repo.Root, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

func recsOf(evals []*model.Evaluation) []*model.Recommendation {
	var out []*model.Recommendation
	for _, e := range evals {
		out = append(out, e.Recommendations...)
	}
	return out
}
