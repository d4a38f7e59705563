package load

import (
	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
	"go.yaml.in/yaml/v3"
)

// The model is decoded by hand from the node tree. yaml.v3's Node.Decode
// resolves every scalar again and sets every field through reflection,
// which costs a fifth of parsing the file; a record that passed validation
// is regular enough to read directly. A fastDecoder reads what records hold
// when written the plain way (text, plain decimal numbers, dates, due
// dates) and gives up at anything else: a tag, a number written 0x10, a key
// it does not know, a value of another kind. The caller then runs
// Node.Decode, so the model is always what yaml.v3 would build:
// TestFastDecodeAgrees and FuzzFastDecodeAgrees hold the two equal.
type fastDecoder struct{ failed bool }

func decodeEvaluation(n *yaml.Node, e *model.Evaluation) error {
	var d fastDecoder
	fast := *e
	d.evaluation(n, &fast)
	if d.failed {
		return n.Decode(e)
	}
	*e = fast
	return nil
}

func decodeRecommendation(n *yaml.Node, r *model.Recommendation) error {
	var d fastDecoder
	var fast model.Recommendation
	d.recommendation(n, &fast)
	if d.failed {
		return n.Decode(r)
	}
	*r = fast
	return nil
}

// fields calls set for each key and value of mapping n.
func (d *fastDecoder) fields(n *yaml.Node, set func(key string, v *yaml.Node) bool) {
	if n.Kind != yaml.MappingNode {
		d.failed = true
		return
	}
	for i := 0; i+1 < len(n.Content) && !d.failed; i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode || k.Tag != "!!str" || !set(k.Value, n.Content[i+1]) {
			d.failed = true
		}
	}
}

func (d *fastDecoder) evaluation(n *yaml.Node, e *model.Evaluation) {
	d.fields(n, func(key string, v *yaml.Node) bool {
		switch key {
		case "id":
			e.ID = d.str(v)
		case "reference":
			e.Reference = d.str(v)
		case "title":
			e.Title = d.str(v)
		case "language":
			e.Language = d.str(v)
		case "commissioned_by":
			e.CommissionedBy = d.str(v)
		case "organization":
			e.Organization = d.str(v)
		case "evaluation_type":
			e.EvaluationType = d.str(v)
		case "evaluation_plan":
			e.EvaluationPlan = d.str(v)
		case "completed_on":
			due := d.due(v)
			e.CompletedOn = &due
		case "completed_on_text":
			e.CompletedOnText = d.str(v)
		case "response_unit":
			e.ResponseUnit = d.str(v)
		case "links":
			e.Links = d.strs(v)
		case "response_due":
			e.ResponseDue = d.date(v)
		case "response_due_text":
			e.ResponseDueText = d.str(v)
		case "coordinator":
			d.person(v, &e.Coordinator)
		case "approved_by":
			d.person(v, &e.ApprovedBy)
		case "approved_on":
			e.ApprovedOn = d.date(v)
		case "approved_on_text":
			e.ApprovedOnText = d.str(v)
		case "general_comments":
			e.GeneralComments = d.str(v)
		default:
			return false
		}
		return true
	})
}

func (d *fastDecoder) person(n *yaml.Node, p *model.Person) {
	d.fields(n, func(key string, v *yaml.Node) bool {
		switch key {
		case "name":
			p.Name = d.str(v)
		case "title":
			p.Title = d.str(v)
		case "office":
			p.Office = d.str(v)
		default:
			return false
		}
		return true
	})
}

func (d *fastDecoder) recommendation(n *yaml.Node, r *model.Recommendation) {
	d.fields(n, func(key string, v *yaml.Node) bool {
		switch key {
		case "number":
			r.Number = d.int(v)
		case "title":
			r.Title = d.str(v)
		case "text":
			r.Text = d.str(v)
		case "response":
			r.Response = model.Response(d.str(v))
		case "reasons":
			r.Reasons = d.str(v)
		case "comments":
			r.Comments = d.str(v)
		case "priority":
			r.Priority = model.Priority(d.str(v))
		case "priority_text":
			r.PriorityText = d.str(v)
		case "tags":
			r.Tags = d.strs(v)
		case "responsible":
			r.Responsible = d.strs(v)
		case "responsible_text":
			r.ResponsibleText = d.str(v)
		case "actions":
			items := d.seq(v)
			r.Actions = make([]*model.Action, len(items))
			for i, item := range items {
				r.Actions[i] = &model.Action{}
				d.action(item, r.Actions[i])
			}
		default:
			return false
		}
		return true
	})
}

func (d *fastDecoder) action(n *yaml.Node, a *model.Action) {
	d.fields(n, func(key string, v *yaml.Node) bool {
		switch key {
		case "owner":
			a.Owner = d.str(v)
		case "owner_text":
			a.OwnerText = d.str(v)
		case "description":
			a.Description = d.str(v)
		case "steps":
			items := d.seq(v)
			a.Steps = make([]*model.Step, len(items))
			for i, item := range items {
				a.Steps[i] = &model.Step{}
				d.fields(item, func(key string, v *yaml.Node) bool { return d.tracking(key, v, &a.Steps[i].Tracking) })
			}
		default:
			return d.tracking(key, v, &a.Tracking)
		}
		return true
	})
}

func (d *fastDecoder) tracking(key string, v *yaml.Node, t *model.Tracking) bool {
	switch key {
	case "number":
		t.Number = d.int(v)
	case "title":
		t.Title = d.str(v)
	case "due":
		t.Due = d.due(v)
	case "due_text":
		t.DueText = d.str(v)
	case "original_due":
		due := d.due(v)
		t.OriginalDue = &due
	case "status":
		t.Status = model.Status(d.str(v))
	case "status_text":
		t.StatusText = d.str(v)
	case "progress":
		t.Progress = d.str(v)
	case "updated":
		t.Updated = d.date(v)
	case "added":
		t.Added = d.date(v)
	case "completed_on":
		t.CompletedOn = d.date(v)
	case "deadlines":
		items := d.seq(v)
		t.Deadlines = make(model.Deadlines, len(items))
		for i, item := range items {
			d.deadline(item, &t.Deadlines[i])
		}
	case "extensions":
		items := d.seq(v)
		t.Extensions = make(model.Extensions, len(items))
		for i, item := range items {
			d.extension(item, &t.Extensions[i])
		}
	case "verification":
		t.Verification = &model.Verification{}
		d.verification(v, t.Verification)
	case "evidence":
		t.Evidence = d.strs(v)
	default:
		return false
	}
	return true
}

func (d *fastDecoder) deadline(n *yaml.Node, dl *model.Deadline) {
	d.fields(n, func(key string, v *yaml.Node) bool {
		switch key {
		case "due":
			dl.Due = d.due(v)
		case "met_on":
			dl.MetOn = d.date(v)
		default:
			return false
		}
		return true
	})
}

func (d *fastDecoder) extension(n *yaml.Node, e *model.Extension) {
	d.fields(n, func(key string, v *yaml.Node) bool {
		switch key {
		case "from":
			e.From = d.due(v)
		case "to":
			e.To = d.due(v)
		case "on":
			e.On = d.date(v)
		case "reason":
			e.Reason = d.str(v)
		case "approved_by":
			e.ApprovedBy = d.str(v)
		default:
			return false
		}
		return true
	})
}

func (d *fastDecoder) verification(n *yaml.Node, vf *model.Verification) {
	d.fields(n, func(key string, v *yaml.Node) bool {
		switch key {
		case "status":
			vf.Status = model.VerificationStatus(d.str(v))
		case "by":
			vf.By = d.str(v)
		case "on":
			vf.On = d.date(v)
		case "note":
			vf.Note = d.str(v)
		default:
			return false
		}
		return true
	})
}

// str reads text: a scalar resolved as a string, quoted or plain.
func (d *fastDecoder) str(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		d.failed = true
		return ""
	}
	return n.Value
}

// int reads a plain decimal number without sign or leading zero, the only
// form whose meaning yaml.v3 and strconv.Atoi agree on beyond doubt.
func (d *fastDecoder) int(n *yaml.Node) int {
	s := n.Value
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || len(s) == 0 || len(s) > 9 || s[0] == '0' {
		d.failed = true
		return 0
	}
	v := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			d.failed = true
			return 0
		}
		v = v*10 + int(s[i]-'0')
	}
	return v
}

// date reads a day as yaml.v3 does, through civil.Date's UnmarshalText.
func (d *fastDecoder) date(n *yaml.Node) civil.Date {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!timestamp" && n.Tag != "!!str") {
		d.failed = true
		return civil.Date{}
	}
	v, err := civil.Parse(n.Value)
	if err != nil {
		d.failed = true
	}
	return v
}

// due reads a due date as yaml.v3 does, through Due's UnmarshalYAML.
func (d *fastDecoder) due(n *yaml.Node) model.Due {
	var v model.Due
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" || v.UnmarshalYAML(n) != nil {
		d.failed = true
	}
	return v
}

// seq returns the items of a sequence.
func (d *fastDecoder) seq(n *yaml.Node) []*yaml.Node {
	if n.Kind != yaml.SequenceNode {
		d.failed = true
		return nil
	}
	return n.Content
}

func (d *fastDecoder) strs(n *yaml.Node) []string {
	items := d.seq(n)
	out := make([]string, len(items))
	for i, item := range items {
		out[i] = d.str(item)
	}
	return out
}
