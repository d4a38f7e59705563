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
	"slices"
	"strings"

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
func (h *History) Versions(files ...string) (map[string][]Version, []*git.Commit, error) {
	paths := files
	if len(paths) == 0 {
		paths = []string{h.dir}
	}
	commits, err := h.repo.Log("", paths...)
	if err != nil {
		return nil, nil, err
	}
	var blobs []git.Blob
	var owners []*git.Commit
	for _, c := range commits {
		for i, f := range c.Files {
			if kind, _ := validate.KindOf(path.Base(f)); kind == validate.KindRecommendation && h.within(f) {
				// By hash; a removed file has none and reads as missing.
				blobs = append(blobs, git.Blob{Rev: c.Hash, Path: f, Hash: c.Blobs[i]})
				owners = append(owners, c)
			}
		}
	}
	data, err := h.repo.Read(blobs)
	if err != nil {
		return nil, nil, err
	}
	// All versions are validated in one parallel pass; each gets a folder of
	// its own (named like its evaluation's) so versions never mix.
	srcs := make([]load.Source, len(blobs))
	index := map[string]int{}
	for i, b := range blobs {
		srcs[i] = h.source(owners[i], b.Path, data[i])
		srcs[i].Abs = fmt.Sprintf("/v%d/%s", i, b.Path)
		index[srcs[i].Path] = i
	}
	res := load.FromSources(h.schemas, slices.DeleteFunc(slices.Clone(srcs), func(s load.Source) bool { return s.Data == nil }))
	recs := make([]*model.Recommendation, len(blobs))
	for _, r := range recsOf(res.Evaluations) {
		recs[index[r.File]] = r
	}
	broken := map[string][]finding.Finding{}
	for _, f := range errorsOf(res.Findings) {
		broken[f.File] = append(broken[f.File], f)
	}
	out := map[string][]Version{}
	for i, b := range blobs {
		v := Version{Commit: owners[i], Rec: recs[i]}
		if data[i] != nil && v.Rec == nil {
			v.Broken = broken[srcs[i].Path]
		}
		out[b.Path] = append(out[b.Path], v)
	}
	return out, commits, nil
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
