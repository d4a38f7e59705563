package model

import "testing"

func TestNames(t *testing.T) {
	if got, want := StatusNames(), "not-started, in-progress, completed, ongoing, no-longer-applicable"; got != want {
		t.Errorf("StatusNames() = %q, want %q", got, want)
	}
	if got, want := ResponseNames(), "agree, partially-agree, disagree, not-stated"; got != want {
		t.Errorf("ResponseNames() = %q, want %q", got, want)
	}
}
