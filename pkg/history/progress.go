package history

import "github.com/mrtrack/mrtrack/pkg/model"

// ProgressUpdates lists, per evaluation id, the actions and steps present
// at both points whose progress text changed from a to b, with both texts,
// in record order: the quarterly update a follow-up report quotes. Items
// added or removed are Compare's.
func ProgressUpdates(a, b []*model.Evaluation) map[string][]Change {
	out := map[string][]Change{}
	for _, eb := range b {
		ea := find(a, eb.ID)
		for _, rb := range eb.Recommendations {
			ra := rec(ea, rb.Number)
			if ra == nil {
				continue
			}
			for _, nb := range rb.Actions {
				na := findAction(ra, nb.Number)
				if na == nil {
					continue
				}
				out[eb.ID] = appendText(out[eb.ID], actionSubject(nb), "progress", na.Progress, nb.Progress)
				for _, sb := range nb.Steps {
					for _, sa := range na.Steps {
						if sa.Number == sb.Number {
							out[eb.ID] = appendText(out[eb.ID], stepSubject(sb), "progress", sa.Progress, sb.Progress)
						}
					}
				}
			}
		}
	}
	return out
}
