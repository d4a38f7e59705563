package owners

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/store"
)

// CodeownersPath is where GitHub reads the file, from the repository root.
const CodeownersPath = ".github/CODEOWNERS"

// Folder is an evaluation folder and the owners of its actions.
type Folder struct {
	Name   string   // the folder's name in the data folder
	Owners []string // as the records name them; repeats allowed (FoldersOf leaves none)
}

// FoldersOf lists the evaluation folders of evals and their actions'
// owners.
func FoldersOf(evals []*model.Evaluation) []Folder {
	out := make([]Folder, 0, len(evals))
	for _, e := range evals {
		fo := Folder{Name: e.ID}
		seen := map[string]bool{}
		for _, r := range e.Recommendations {
			for _, a := range r.Actions {
				if !seen[a.Owner] {
					seen[a.Owner] = true
					fo.Owners = append(fo.Owners, a.Owner)
				}
			}
		}
		out = append(out, fo)
	}
	return out
}

// ErrNoOfficeHandle: CODEOWNERS needs the office's GitHub team.
var ErrNoOfficeHandle = errors.New("owners.yaml gives no office.github: the evaluation office owns every record file in CODEOWNERS")

// CODEOWNERS makes the content of .github/CODEOWNERS from the owners list
// and the evaluation folders: the office owns the data folder (dataPath,
// relative to the repository root and slash-separated, e.g. "data") and
// each evaluation folder is owned by the office and by the GitHub team of
// every owner with an action in it; a folder none of whose owners has a
// team gets no line of its own. The same input gives the same bytes, so a
// check can compare them with the file.
func CODEOWNERS(f *File, dataPath string, folders []Folder) ([]byte, error) {
	if f == nil || f.Office.GitHub == "" {
		return nil, ErrNoOfficeHandle
	}
	office := f.Office.GitHub
	data := "/" + escapePattern(strings.Trim(dataPath, "/")) + "/"
	if dataPath == "" || dataPath == "." {
		data = "/"
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `# Made by mrtrack codeowners from %[4]s and the records: edit that
# file and run 'mrtrack codeowners' rather than editing this one ('mrtrack
# validate' warns when the two disagree).
#
# CODEOWNERS works per file, and a recommendation file holds the actions of
# several owners. So the evaluation office owns every record file, and each
# evaluation folder is also reviewed by the GitHub team of every owner with
# an action in it: a change to one owner's action asks the other owners of
# the folder too. GitHub applies the last line that matches a file, so each
# line names the office again.

/%[2]s %[3]s
%[1]s %[3]s
`, data, CodeownersPath, office, strings.TrimPrefix(data+FileName, "/"))
	var unassigned []string
	for _, fo := range folders {
		teams := []string{office}
		for _, name := range fo.Owners {
			if o, ok := f.Lookup(name); ok && o.GitHub != "" {
				teams = append(teams, o.GitHub)
			} else if strings.TrimSpace(name) != "" {
				unassigned = append(unassigned, oneLine(name))
			}
		}
		slices.Sort(teams[1:])
		teams = slices.Compact(teams)
		if len(teams) == 1 {
			continue // the data folder's line says as much: a new evaluation leaves the file as it was
		}
		fmt.Fprintf(&b, "%s%s/ %s\n", data, escapePattern(fo.Name), strings.Join(teams, " "))
	}
	if len(unassigned) > 0 {
		slices.Sort(unassigned)
		b.WriteString("\n# Owners with actions but no github in owners.yaml, so not asked to review:\n")
		for _, name := range slices.Compact(unassigned) {
			fmt.Fprintf(&b, "#   %s\n", name)
		}
	}
	return b.Bytes(), nil
}

// escapePattern writes a path so CODEOWNERS, which reads gitignore
// patterns, takes each character literally.
func escapePattern(p string) string {
	var b strings.Builder
	for _, r := range p {
		if strings.ContainsRune(` #*?[]\!`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// oneLine keeps a name from the records on one comment line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// CodeownersTarget is where CODEOWNERS goes for the data folder dataDir
// (absolute), and the data folder's path from the repository root, which
// is the git checkout holding it, else its parent folder.
func CodeownersTarget(dataDir string) (file, dataPath string) {
	root := store.RepoRoot(dataDir)
	rel, err := filepath.Rel(root, dataDir)
	if err != nil {
		rel = filepath.Base(dataDir)
	}
	return filepath.Join(root, filepath.FromSlash(CodeownersPath)), filepath.ToSlash(rel)
}
