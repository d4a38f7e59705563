package validate

import (
	"strings"

	"github.com/mrtrack/mrtrack/pkg/model"
)

// sourceWords maps the wording of management responses to the canonical
// vocabulary, so a status or a response typed as in the source gets a
// hint. The statuses are the model's.
var sourceWords = func() map[string]string {
	m := map[string]string{
		"d'accord": string(model.Agree), "accepted": string(model.Agree), "partially agree": string(model.PartiallyAgree),
		"partially agreed": string(model.PartiallyAgree), "partially": string(model.PartiallyAgree),
	}
	for w, s := range model.StatusWords() {
		m[w] = string(s)
	}
	return m
}()

// dueHint is the hint for a due value mrtrack cannot read: what it was
// probably meant to be, the forms, and where the source wording goes.
func dueHint(v string) string {
	hint := dueForms + "; keep the source wording in due_text"
	if s := model.SuggestDue(v); s != "" && s != strings.TrimSpace(v) {
		return "did you mean " + s + "? " + hint
	}
	return hint
}

// SuggestValue proposes the allowed value v was probably meant to be.
func SuggestValue(v string, allowed []string) string {
	key := strings.ToLower(strings.TrimSpace(v))
	if s, ok := sourceWords[key]; ok {
		for _, a := range allowed {
			if a == s {
				return a
			}
		}
	}
	return suggest(strings.ReplaceAll(key, " ", "-"), allowed)
}

// suggest returns the candidate closest to s when it is close enough to be
// a typo (edit distance at most a third of its length, and at most 3).
func suggest(s string, candidates []string) string {
	best, bestDist := "", 4
	s = strings.ToLower(s)
	for _, c := range candidates {
		limit := min(bestDist-1, max(1, len(c)/3))
		if abs(len(s)-len(c)) > limit {
			continue // the distance is at least the difference in length
		}
		if d, ok := distanceWithin(s, c, limit); ok {
			best, bestDist = c, d
		}
	}
	return best
}

// distanceWithin is the Levenshtein distance between a and b, in bytes,
// when it is at most limit. It gives up as soon as a whole row of the table
// exceeds the limit, so a long or foreign key costs a few rows, not the
// product of the lengths.
func distanceWithin(a, b string, limit int) (int, bool) {
	var buf [64]int // no allocation for the short names compared here
	var prev, cur []int
	if n := len(b) + 1; 2*n <= len(buf) {
		prev, cur = buf[:n], buf[n:2*n]
	} else {
		prev, cur = make([]int, n), make([]int, n)
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return 0, false
		}
		prev, cur = cur, prev
	}
	return prev[len(b)], prev[len(b)] <= limit
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
