package history

import (
	"strings"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/git"
	"github.com/mrtrack/mrtrack/pkg/model"
)

// Event is one commit's changes to the thing a timeline follows.
type Event struct {
	Commit  *git.Commit
	Changes []Change
	// Broken lists the findings of a version that did not validate; it is
	// reported and skipped, and the next valid version is compared with the
	// last valid one.
	Broken []finding.Finding
}

// Timeline returns, oldest first, the commits that changed the item id
// (R3, R3.6 or R7.1.2) in its recommendation's versions, and what each
// changed. A recommendation's timeline includes its actions and steps.
func Timeline(versions []Version, id string) []Event {
	var out []Event
	var last *Version
	for i := range versions {
		v := &versions[i]
		if v.Rec == nil && len(v.Broken) > 0 {
			out = append(out, Event{Commit: v.Commit, Broken: v.Broken})
			continue
		}
		var prev = lastRec(last)
		var changes []Change
		for _, c := range Diff(prev, v.Rec) {
			if c.ID == id || strings.HasPrefix(c.ID, id+".") {
				changes = append(changes, c)
			}
		}
		if len(changes) > 0 {
			out = append(out, Event{Commit: v.Commit, Changes: changes})
		}
		last = v
	}
	return out
}

func lastRec(v *Version) *model.Recommendation {
	if v == nil {
		return nil
	}
	return v.Rec
}
