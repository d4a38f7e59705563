// Package model holds the typed records (evaluations, recommendations,
// actions, steps) and the facts derived from them, such as whether an item
// is overdue on a given day. It is built from validated files and never
// touches the disk or the clock.
package model

import "github.com/mrtrack/mrtrack/pkg/civil"

// Status is the progress status of an action or step.
type Status string

// The statuses, in the order reports list them.
const (
	NotStarted         Status = "not-started"
	InProgress         Status = "in-progress"
	Completed          Status = "completed"
	Ongoing            Status = "ongoing"
	NoLongerApplicable Status = "no-longer-applicable"
)

// Statuses lists every status in report order.
var Statuses = []Status{NotStarted, InProgress, Completed, Ongoing, NoLongerApplicable}

// Closed reports whether nothing more is expected of an item with status s.
func (s Status) Closed() bool { return s == Completed || s == NoLongerApplicable }

// Response is management's answer to a recommendation.
type Response string

// The responses.
const (
	Agree          Response = "agree"
	PartiallyAgree Response = "partially-agree"
	Disagree       Response = "disagree"
	// NotStated is for a source that gives no category: written rather
	// than guessing agree.
	NotStated Response = "not-stated"
)

// Responses lists every response.
var Responses = []Response{Agree, PartiallyAgree, Disagree, NotStated}

// Priority is how urgent a recommendation is.
type Priority string

// The priorities.
const (
	High   Priority = "high"
	Medium Priority = "medium"
	Low    Priority = "low"
)

// Person is someone named in the header of a management response.
type Person struct {
	Name   string `yaml:"name" json:"name"`
	Title  string `yaml:"title" json:"title"`
	Office string `yaml:"office,omitempty" json:"office,omitempty"`
}

// Evaluation is the header of one management response and its
// recommendations, ordered by number.
type Evaluation struct {
	ID              string     `yaml:"id" json:"id"`
	Reference       string     `yaml:"reference" json:"reference"`
	Title           string     `yaml:"title" json:"title"`
	Language        string     `yaml:"language" json:"language"`
	CommissionedBy  string     `yaml:"commissioned_by" json:"commissioned_by"`
	Organization    string     `yaml:"organization" json:"organization,omitempty"`
	EvaluationType  string     `yaml:"evaluation_type" json:"evaluation_type,omitempty"`
	EvaluationPlan  string     `yaml:"evaluation_plan" json:"evaluation_plan,omitempty"`
	CompletedOn     *Due       `yaml:"completed_on" json:"completed_on,omitempty"` // a day or a month
	CompletedOnText string     `yaml:"completed_on_text" json:"completed_on_text,omitempty"`
	ResponseDue     civil.Date `yaml:"response_due" json:"response_due"`
	ResponseDueText string     `yaml:"response_due_text" json:"response_due_text,omitempty"`
	Coordinator     Person     `yaml:"coordinator" json:"coordinator"`
	ApprovedBy      Person     `yaml:"approved_by" json:"approved_by"`
	ApprovedOn      civil.Date `yaml:"approved_on" json:"approved_on"`
	ApprovedOnText  string     `yaml:"approved_on_text" json:"approved_on_text,omitempty"`
	ResponseUnit    string     `yaml:"response_unit" json:"response_unit,omitempty"`
	Links           []string   `yaml:"links" json:"links,omitempty"`
	GeneralComments string     `yaml:"general_comments" json:"general_comments,omitempty"`

	File            string            `yaml:"-" json:"-"`
	Recommendations []*Recommendation `yaml:"-" json:"-"`
}

// Recommendation is one recommendation, management's response and its
// planned actions, ordered as in the file.
type Recommendation struct {
	Number          int       `yaml:"number"`
	Title           string    `yaml:"title"`
	Text            string    `yaml:"text"`
	Response        Response  `yaml:"response"`
	Reasons         string    `yaml:"reasons"`
	Comments        string    `yaml:"comments"`
	Priority        Priority  `yaml:"priority"`
	PriorityText    string    `yaml:"priority_text"`
	Tags            []string  `yaml:"tags"`
	Responsible     []string  `yaml:"responsible"`
	ResponsibleText string    `yaml:"responsible_text"`
	Actions         []*Action `yaml:"actions"`

	Evaluation *Evaluation `yaml:"-"`
	File       string      `yaml:"-"`
}

// Tracking is what actions and steps share: a due date and a status.
type Tracking struct {
	Number      int        `yaml:"number"`
	Title       string     `yaml:"title"`
	Due         Due        `yaml:"due"`
	DueText     string     `yaml:"due_text"`
	OriginalDue *Due       `yaml:"original_due"`
	Deadlines   Deadlines  `yaml:"deadlines"`
	Extensions  Extensions `yaml:"extensions"`
	Status      Status     `yaml:"status"`
	StatusText  string     `yaml:"status_text"`
	Progress    string     `yaml:"progress"`
	Updated     civil.Date `yaml:"updated"`
	// Added is the day the item was added (UNDP's [Added] stamp);
	// CompletedOn the day its work was completed.
	Added        civil.Date    `yaml:"added"`
	CompletedOn  civil.Date    `yaml:"completed_on"`
	Verification *Verification `yaml:"verification"`
	Evidence     []string      `yaml:"evidence"`
}

// Action is a top-line planned action.
type Action struct {
	Tracking    `yaml:",inline"`
	Owner       string  `yaml:"owner"`
	OwnerText   string  `yaml:"owner_text"`
	Description string  `yaml:"description"`
	Steps       []*Step `yaml:"steps"`

	Recommendation *Recommendation `yaml:"-"`
}

// Step is a numbered sub-item of an action.
type Step struct {
	Tracking `yaml:",inline"`

	Action *Action `yaml:"-"`
}
