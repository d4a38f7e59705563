package model

import (
	"fmt"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/civil"
)

// Deadline is one of several deadlines of an item (R7.1.1's "Novembre
// 2024 et novembre 2025"), met on MetOn once it was.
type Deadline struct {
	Due   Due        `yaml:"due"`
	MetOn civil.Date `yaml:"met_on"`
}

// Deadlines are an item's deadlines in order.
type Deadlines []Deadline

// String writes the deadlines on one line: "2024-11 (met 2024-11-28),
// 2025-11".
func (ds Deadlines) String() string {
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = d.Due.String()
		if !d.MetOn.IsZero() {
			parts[i] += " (met " + d.MetOn.String() + ")"
		}
	}
	return strings.Join(parts, ", ")
}

// Extension is one recorded move of an item's deadline.
type Extension struct {
	From       Due        `yaml:"from"`
	To         Due        `yaml:"to"`
	On         civil.Date `yaml:"on"`
	Reason     string     `yaml:"reason"`
	ApprovedBy string     `yaml:"approved_by"`
}

// Extensions are an item's deadline extensions in order.
type Extensions []Extension

// String writes the extensions on one line: "2024-12 → 2025-06 on
// 2024-11-30 (funding late; approved by …)".
func (es Extensions) String() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = fmt.Sprintf("%s → %s on %s (%s", e.From, e.To, e.On, e.Reason)
		if e.ApprovedBy != "" {
			parts[i] += "; approved by " + e.ApprovedBy
		}
		parts[i] += ")"
	}
	return strings.Join(parts, ", ")
}

// VerificationStatus is the evaluation office's verdict on a completion.
type VerificationStatus string

// The verdicts.
const (
	Accepted VerificationStatus = "accepted"
	Returned VerificationStatus = "returned"
)

// Verification is the evaluation office's validation of what management
// reports as completed.
type Verification struct {
	Status VerificationStatus `yaml:"status"`
	By     string             `yaml:"by"`
	On     civil.Date         `yaml:"on"`
	Note   string             `yaml:"note"`
}

// String writes the verification on one line: "accepted by … on …"; ""
// for none.
func (v *Verification) String() string {
	if v == nil {
		return ""
	}
	return fmt.Sprintf("%s by %s on %s", v.Status, v.By, v.On)
}

// Validated reports whether the item is completed and the evaluation
// office accepted the completion.
func (t *Tracking) Validated() bool {
	return t.Status == Completed && t.Verification != nil && t.Verification.Status == Accepted
}

// AwaitingValidation reports whether the item is completed and the
// evaluation office has not accepted it yet (no verification, or one that
// returned an earlier completion).
func (t *Tracking) AwaitingValidation() bool {
	return t.Status == Completed && !t.Validated()
}

// Current is the due date that counts now: the first of the item's
// deadlines not met, the last once every one is, or due when the item has
// one deadline.
func (t *Tracking) Current() Due {
	for _, d := range t.Deadlines {
		if d.MetOn.IsZero() {
			return d.Due
		}
	}
	if n := len(t.Deadlines); n > 0 {
		return t.Deadlines[n-1].Due
	}
	return t.Due
}

// DeadlineCount is how many deadlines the item has: 1 unless it lists
// several.
func (t *Tracking) DeadlineCount() int { return max(1, len(t.Deadlines)) }

// DeadlineNumber is the position (1-based) of the deadline that counts now.
func (t *Tracking) DeadlineNumber() int {
	for i, d := range t.Deadlines {
		if d.MetOn.IsZero() {
			return i + 1
		}
	}
	return t.DeadlineCount()
}
