package owners

import (
	"errors"
	"strings"
	"testing"
)

func TestCODEOWNERS(t *testing.T) {
	f := parse(t, sample)
	folders := []Folder{
		{Name: "EVO-2024-03", Owners: []string{"Protection", "relations exterieures", "Protection", "Logistique", ""}},
		{Name: "EVO-2025-01", Owners: []string{"Protection / Solutions Durables"}},
	}
	got, err := CODEOWNERS(f, "data", folders)
	if err != nil {
		t.Fatal(err)
	}
	want := `# Made by mrtrack codeowners from data/owners.yaml and the records: edit that
# file and run 'mrtrack codeowners' rather than editing this one ('mrtrack
# validate' warns when the two disagree).
#
# CODEOWNERS works per file, and a recommendation file holds the actions of
# several owners. So the evaluation office owns every record file, and each
# evaluation folder is also reviewed by the GitHub team of every owner with
# an action in it: a change to one owner's action asks the other owners of
# the folder too. GitHub applies the last line that matches a file, so each
# line names the office again.

/.github/CODEOWNERS @example-org/evaluation
/data/ @example-org/evaluation
/data/EVO-2024-03/ @example-org/evaluation @example-org/external-relations @example-org/protection

# Owners with actions but no github in owners.yaml, so not asked to review:
#   Logistique
#   Protection / Solutions Durables
`
	if string(got) != want {
		t.Errorf("CODEOWNERS:\n%s\nwant\n%s", got, want)
	}
	again, _ := CODEOWNERS(f, "data", folders)
	if string(again) != string(got) {
		t.Error("the same input gave other bytes")
	}
	if got, _ := CODEOWNERS(f, "my data/[x]", nil); !strings.Contains(string(got), "\n/my\\ data/\\[x\\]/ @example-org/evaluation\n") {
		t.Errorf("a data path with special characters is not escaped:\n%s", got)
	}
	f.Office.GitHub = ""
	if _, err := CODEOWNERS(f, "data", folders); !errors.Is(err, ErrNoOfficeHandle) {
		t.Errorf("no office handle: err = %v", err)
	}
}
