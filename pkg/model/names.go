package model

import "strings"

// StatusNames lists the statuses for a help text or a message, in report
// order: "not-started, in-progress, completed, ongoing, no-longer-applicable".
func StatusNames() string { return names(Statuses) }

// ResponseNames lists the responses the same way.
func ResponseNames() string { return names(Responses) }

func names[T ~string](values []T) string {
	s := make([]string, len(values))
	for i, v := range values {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}
