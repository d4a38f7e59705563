package render

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/mrtrack/mrtrack/pkg/fields"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
)

// ShowInput is what show shows.
type ShowInput struct {
	Day
	Target    query.Target
	Items     []query.Item  // the actions under the target, in id order
	Progress  []query.Table // an evaluation's progress by recommendation
	Counts    query.Counts  // an evaluation's or recommendation's actions
	Qualified bool
	// Activity is what the git history says of an action, when it could be
	// read (a full clone); nil otherwise.
	Activity *query.Activity
}

// EvaluationJSON is show -o json for an evaluation: its header and all
// its recommendations and actions.
type EvaluationJSON struct {
	Kind            string               `json:"kind"` // "evaluation"
	AsOf            string               `json:"as_of"`
	ID              string               `json:"id"`
	Reference       string               `json:"reference"`
	Title           string               `json:"title"`
	Language        string               `json:"language"`
	CommissionedBy  string               `json:"commissioned_by"`
	ResponseDue     *string              `json:"response_due"`
	ResponseDueText string               `json:"response_due_text"`
	Coordinator     *model.Person        `json:"coordinator"` // null when the source names none
	ApprovedBy      *model.Person        `json:"approved_by"`
	ApprovedOn      *string              `json:"approved_on"`
	ApprovedOnText  string               `json:"approved_on_text"`
	GeneralComments string               `json:"general_comments"`
	File            string               `json:"file"`
	Progress        CountsJSON           `json:"progress"`
	Recommendations []RecommendationJSON `json:"recommendations"`
	EvaluationMoreJSON
}

// RecommendationJSON is show -o json for a recommendation, and an element
// of an evaluation's recommendations (without kind and as_of).
type RecommendationJSON struct {
	Kind            string       `json:"kind,omitempty"` // "recommendation"
	AsOf            string       `json:"as_of,omitempty"`
	Evaluation      string       `json:"evaluation"`
	ID              string       `json:"id"`
	QualifiedID     string       `json:"qualified_id"`
	Number          int          `json:"number"`
	Title           string       `json:"title"`
	Text            string       `json:"text"`
	Response        string       `json:"response"`
	Reasons         string       `json:"reasons"`
	Responsible     []string     `json:"responsible"`
	ResponsibleText string       `json:"responsible_text"`
	File            string       `json:"file"`
	Progress        CountsJSON   `json:"progress"`
	Actions         []ActionJSON `json:"actions"`
	RecommendationMoreJSON
}

// ShowActionJSON is show -o json for an action.
type ShowActionJSON struct {
	Kind string `json:"kind"` // "action"
	AsOf string `json:"as_of"`
	File string `json:"file"`
	ActionJSON
}

// ShowStepJSON is show -o json for a step.
type ShowStepJSON struct {
	Kind       string `json:"kind"` // "step"
	AsOf       string `json:"as_of"`
	File       string `json:"file"`
	Evaluation string `json:"evaluation"`
	Action     string `json:"action"`
	StepJSON
}

// Show is the document of mrtrack show: an item in full, the source's
// wording beside the normalised values, and the derived facts.
func Show(in ShowInput) *Document {
	doc := &Document{Sheet: itemSheet(in.Items, in.Today, true)}
	t := in.Target
	switch t.Kind {
	case query.KindEvaluation:
		doc.Blocks, doc.Data = in.evaluation(t.Evaluation)
	case query.KindRecommendation:
		doc.Blocks = in.recommendation(t.Recommendation)
		rec := in.recommendationJSON(t.Recommendation, in.Items, in.Counts)
		rec.Kind, rec.AsOf = "recommendation", in.Today.String()
		doc.Data = rec
	case query.KindAction:
		doc.Blocks = in.action(in.Items[0])
		data := ShowActionJSON{Kind: "action", AsOf: in.Today.String(), File: t.Recommendation.File, ActionJSON: actionJSON(in.Items[0], in.Today)}
		if in.Activity != nil {
			data.History = historyJSON(t.Action, *in.Activity, in.Today)
		}
		doc.Data = data
	case query.KindStep:
		doc.Blocks = in.step(t.Step)
		doc.Data = ShowStepJSON{Kind: "step", AsOf: in.Today.String(), File: t.Recommendation.File,
			Evaluation: t.Evaluation.ID, Action: t.Action.ID(), StepJSON: stepJSON(t.Step, in.Today)}
	}
	return doc
}

func (in ShowInput) evaluation(e *model.Evaluation) ([]Block, EvaluationJSON) {
	fields := Fields{
		{Name: "Reference", Value: e.Reference},
		{Name: "Language", Value: e.Language},
		{Name: "Commissioned by", Value: e.CommissionedBy},
		{Name: "Response due", Value: e.ResponseDue.String(), Written: e.ResponseDueText},
		{Name: "Coordinator", Value: person(e.Coordinator)},
		{Name: "Approved by", Value: person(e.ApprovedBy)},
		{Name: "Approved on", Value: e.ApprovedOn.String(), Written: e.ApprovedOnText},
	}
	fields = slices.DeleteFunc(fields, notInSource)
	fields = append(fields, in.summary(in.Counts)...)
	more, texts := otherFields(fieldsOf().Evaluation, e)
	fields = append(append(fields, more...), Field{Name: "File", Value: e.File})
	blocks := []Block{Heading{Level: 1, Text: e.ID + "  " + e.Title}, fields}
	if e.GeneralComments != "" {
		blocks = append(blocks, Text{Title: "General comments", Body: e.GeneralComments})
	}
	blocks = append(blocks, texts...)
	blocks = append(blocks, Heading{Level: 2, Text: "Recommendations"})
	for _, t := range in.Progress {
		blocks = append(blocks, progressTable(t))
	}

	data := EvaluationJSON{
		Kind: "evaluation", AsOf: in.Today.String(), ID: e.ID, Reference: e.Reference, Title: e.Title, Language: e.Language,
		CommissionedBy: e.CommissionedBy, ResponseDue: dateOrNull(e.ResponseDue), ResponseDueText: e.ResponseDueText,
		Coordinator: personOrNull(e.Coordinator), ApprovedBy: personOrNull(e.ApprovedBy), ApprovedOn: dateOrNull(e.ApprovedOn), ApprovedOnText: e.ApprovedOnText,
		GeneralComments: e.GeneralComments, File: e.File, Progress: countsJSON(in.Counts), Recommendations: []RecommendationJSON{},
		EvaluationMoreJSON: evaluationMoreJSON(e),
	}
	for _, r := range e.Recommendations {
		var items []query.Item
		var c query.Counts
		for _, it := range in.Items {
			if it.Action.Recommendation == r {
				items = append(items, it)
				c.Add(it)
			}
		}
		data.Recommendations = append(data.Recommendations, in.recommendationJSON(r, items, c))
	}
	return blocks, data
}

func (in ShowInput) recommendation(r *model.Recommendation) []Block {
	e := r.Evaluation
	fields := Fields{
		{Name: "Evaluation", Value: e.ID + "  " + e.Title},
		{Name: "Response", Value: string(r.Response)},
	}
	if r.Reasons != "" {
		fields = append(fields, Field{Name: "Reasons", Value: r.Reasons})
	}
	fields = append(fields, Field{Name: "Responsible", Value: strings.Join(r.Responsible, ", "), Written: r.ResponsibleText})
	fields = append(fields, in.summary(in.Counts)...)
	more, texts := otherFields(fieldsOf().Recommendation, r)
	fields = append(append(fields, more...), Field{Name: "File", Value: r.File})
	blocks := []Block{Heading{Level: 1, Text: model.QualifiedID(e, r.ID()) + "  " + r.Title}, fields}
	if r.Text != "" {
		blocks = append(blocks, Text{Title: "Recommendation", Body: r.Text})
	}
	blocks = append(blocks, texts...)
	blocks = append(blocks, Heading{Level: 2, Text: "Actions"})
	if len(in.Items) == 0 {
		return append(blocks, Line{Text: "No planned action."})
	}
	return append(blocks, actionTable(in.Items, in.Day, in.Qualified, 0))
}

func (in ShowInput) recommendationJSON(r *model.Recommendation, items []query.Item, c query.Counts) RecommendationJSON {
	e := r.Evaluation
	return RecommendationJSON{
		Evaluation: e.ID, ID: r.ID(), QualifiedID: model.QualifiedID(e, r.ID()), Number: r.Number,
		Title: r.Title, Text: r.Text, Response: string(r.Response), Reasons: r.Reasons,
		Responsible: nonNil(r.Responsible), ResponsibleText: r.ResponsibleText, File: r.File,
		Progress: countsJSON(c), Actions: actionsJSON(items, in.Today), RecommendationMoreJSON: recommendationMoreJSON(r),
	}
}

func (in ShowInput) action(it query.Item) []Block {
	a := it.Action
	r := a.Recommendation
	fields := Fields{
		{Name: "Recommendation", Value: r.ID() + "  " + r.Title},
		{Name: "Owner", Value: a.Owner, Written: a.OwnerText},
	}
	fields = append(fields, trackingFields(&a.Tracking)...)
	overdue := Field{Name: "Overdue", Value: fmt.Sprintf("no (on %s)", in.Today)}
	if it.Overdue {
		overdue = Field{Name: "Overdue", Style: Bad, Value: fmt.Sprintf("%s on %s%s", plural(it.DaysOverdue, "day"), in.Today, stepNote(it.OverdueSteps...))}
	}
	fields = append(fields, overdue)
	if it.Upcoming {
		var note string
		if it.NextStep != nil {
			note = stepNote(it.NextStep)
		}
		fields = append(fields, Field{Name: "Next deadline", Value: fmt.Sprintf("%s (%s)%s", in.Today.AddDays(it.DueIn), dueIn(it.DueIn), note)})
	}
	if in.Activity != nil {
		fields = append(fields, activityFields(a, *in.Activity, in.Today)...)
	}
	more, texts := otherFields(fieldsOf().Action, a)
	fields = append(fields, recordFields(&a.Tracking, more, r.File)...)
	blocks := []Block{Heading{Level: 1, Text: model.QualifiedID(r.Evaluation, a.ID()) + "  " + a.Title}, fields}
	if a.Description != "" {
		blocks = append(blocks, Text{Title: "Description", Body: a.Description})
	}
	if a.Progress != "" {
		blocks = append(blocks, Text{Title: "Progress", Body: a.Progress})
	}
	blocks = append(blocks, texts...)
	blocks = append(blocks, extensionBlocks(&a.Tracking)...)
	if len(a.Steps) == 0 {
		return blocks
	}
	t := Table{Columns: []Column{
		{Name: "Step"}, {Name: "Title", Fit: true}, {Name: "Due"}, {Name: "Source due", Fit: true, Optional: true},
		{Name: "Status"}, {Name: "Source status", Fit: true, Optional: true}, {Name: "Days"},
	}} // the source's wording, left out on a narrow terminal, is in show of each step
	for _, s := range a.Steps {
		t.Rows = append(t.Rows, Row{Cells: []Cell{
			{Text: s.ID()}, {Text: s.Title}, dueCell(&s.Tracking), {Text: s.DueText},
			status(s.Status), {Text: s.StatusText}, trackingTiming(&s.Tracking, in.Day),
		}})
	}
	return append(blocks, Heading{Level: 2, Text: "Steps"}, t)
}

func (in ShowInput) step(s *model.Step) []Block {
	a := s.Action
	fields := Fields{
		{Name: "Action", Value: a.ID() + "  " + a.Title},
		{Name: "Owner", Value: a.Owner, Written: a.OwnerText},
	}
	fields = append(fields, trackingFields(&s.Tracking)...)
	overdue := Field{Name: "Overdue", Value: fmt.Sprintf("no (on %s)", in.Today)}
	if d, late := s.DaysOverdue(in.Today); late {
		overdue = Field{Name: "Overdue", Style: Bad, Value: fmt.Sprintf("%s on %s", plural(d, "day"), in.Today)}
	}
	fields = append(fields, overdue)
	if d, ok := s.DueIn(in.Today); ok {
		fields = append(fields, Field{Name: "Next deadline", Value: fmt.Sprintf("%s (%s)", in.Today.AddDays(d), dueIn(d))})
	}
	more, texts := otherFields(fieldsOf().Step, s)
	fields = append(fields, recordFields(&s.Tracking, more, a.Recommendation.File)...)
	blocks := []Block{Heading{Level: 1, Text: model.QualifiedID(a.Recommendation.Evaluation, s.ID()) + "  " + s.Title}, fields}
	if s.Progress != "" {
		blocks = append(blocks, Text{Title: "Progress", Body: s.Progress})
	}
	return append(append(blocks, texts...), extensionBlocks(&s.Tracking)...)
}

// trackingFields are the due date and status, beside the source wording.
func trackingFields(t *model.Tracking) Fields {
	fs := Fields{{Name: "Due", Value: dueField(t.Due) + deadlineOf(t), Written: t.DueText, Changed: dueChanged(t.Due, t.DueText)}}
	if t.OriginalDue != nil {
		fs = append(fs, Field{Name: "Original due", Value: dueField(*t.OriginalDue)})
	}
	fs = append(fs, Field{Name: "Status", Value: statusWithValidation(t), Written: t.StatusText, Changed: statusChanged(t.Status, t.StatusText)})
	if v := t.Verification; v != nil && v.Status == model.Returned {
		fs = append(fs, Field{Name: "Returned", Value: fmt.Sprintf("by %s on %s", v.By, v.On)})
	}
	if v := t.Verification; v != nil && v.Note != "" {
		fs = append(fs, Field{Name: "Validation note", Value: v.Note})
	}
	return fs
}

// statusWithValidation is the status, and for a completed item whether
// the evaluation office validated it: "completed, validated by X on D" or
// "completed, awaiting validation".
func statusWithValidation(t *model.Tracking) string {
	switch {
	case t.Validated():
		return fmt.Sprintf("completed, validated by %s on %s", t.Verification.By, t.Verification.On)
	case t.AwaitingValidation():
		return "completed, awaiting validation"
	}
	return string(t.Status)
}

// recordFields are the last update, the evidence, the other fields and
// the file.
func recordFields(t *model.Tracking, more Fields, file string) Fields {
	var fs Fields
	if !t.Updated.IsZero() {
		fs = append(fs, Field{Name: "Updated", Value: t.Updated.String()})
	}
	if len(t.Evidence) > 0 {
		fs = append(fs, Field{Name: "Evidence", Value: strings.Join(t.Evidence, ", ")})
	}
	fs = append(fs, more...)
	return append(fs, Field{Name: "File", Value: file})
}

// summary says how far a set of actions has come.
func (in ShowInput) summary(c query.Counts) Fields {
	var parts []string
	for _, p := range []struct {
		n    int
		word string
	}{{c.Completed, "completed" + validatedNote(c)}, {c.InProgress, "in progress"}, {c.NotStarted, "not started"}, {c.Ongoing, "ongoing"}, {c.NoLongerApplicable, "no longer applicable"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.word))
		}
	}
	actions := plural(c.Actions, "action")
	if len(parts) > 0 {
		actions += ": " + strings.Join(parts, ", ")
	}
	overdue := Field{Name: "Overdue", Value: fmt.Sprintf("none (on %s)", in.Today)}
	if c.Overdue > 0 {
		overdue = Field{Name: "Overdue", Style: Bad, Value: fmt.Sprintf("%s on %s", plural(c.Overdue, "action"), in.Today)}
	}
	return Fields{{Name: "Actions", Value: actions}, {Name: "Implemented", Value: rateText(c)}, overdue}
}

// validatedNote says how many of the completed actions were validated:
// " (1 validated)", "" for none.
func validatedNote(c query.Counts) string {
	if c.Validated == 0 {
		return ""
	}
	return fmt.Sprintf(" (%d validated)", c.Validated)
}

func person(p model.Person) string {
	parts := []string{p.Name}
	for _, s := range []string{p.Title, p.Office} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// shownAbove lists, per level, the record fields show lays out by hand
// above (with the source's wording beside them). otherFields shows every
// other field of the table, so a field added to the schema is shown
// without code here.
var shownAbove = map[fields.Level][]string{
	fields.Evaluation: {"id", "title", "reference", "language", "commissioned_by", "response_due", "coordinator",
		"approved_by", "approved_on", "general_comments"},
	fields.Recommendation: {"number", "title", "text", "response", "reasons", "responsible", "actions"},
	fields.Action:         {"number", "title", "owner", "description", "due", "original_due", "extensions", "status", "progress", "updated", "evidence", "verification", "steps"},
	fields.Step:           {"number", "title", "due", "original_due", "extensions", "status", "progress", "updated", "evidence", "verification"},
}

// fieldsOf are the records' field tables, looked up on first use (where a
// local variable named fields hides the package).
var fieldsOf = sync.OnceValue(func() struct{ Evaluation, Recommendation, Action, Step *fields.Record } {
	return struct{ Evaluation, Recommendation, Action, Step *fields.Record }{
		fields.Of(fields.Evaluation), fields.Of(fields.Recommendation), fields.Of(fields.Action), fields.Of(fields.Step),
	}
})

// otherFields are the fields of rec that show does not lay out by hand
// and that have a value: short values as lines, Markdown as text blocks.
// A field holding the source's wording goes beside the field it words.
func otherFields(r *fields.Record, rec any) (Fields, []Block) {
	shown := shownAbove[r.Level]
	var fs Fields
	var texts []Block
	for _, f := range r.Fields {
		if slices.Contains(shown, f.Name) || f.Wording || f.Children() {
			continue
		}
		v := f.Text(rec)
		written := ""
		if f.Written != "" {
			written = r.Field(f.Written).Text(rec)
		}
		switch {
		case v == "" && written == "":
		case f.Kind == fields.Markdown:
			texts = append(texts, Text{Title: fieldTitle(f.Name), Body: v})
		default:
			fs = append(fs, Field{Name: fieldTitle(f.Name), Value: v, Written: written})
		}
	}
	return fs, texts
}

// fieldTitle is a field's name as a label: due_text → "Due text".
func fieldTitle(name string) string {
	s := strings.ReplaceAll(name, "_", " ")
	return strings.ToUpper(s[:1]) + s[1:]
}
