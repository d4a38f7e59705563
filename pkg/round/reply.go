package round

import (
	"fmt"
	"path/filepath"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/edit"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"go.yaml.in/yaml/v3"
)

// Reply is what collecting an owner's form adds to the round file.
type Reply struct {
	Owner    string
	On       civil.Date // replied_on, kept when the owner has one
	Requests []ExtensionRequest
}

// Record returns the round file old with the reply written in: replied_on
// (unless the owner has one) and the extension requests it does not hold
// yet. Only those bytes change, so comments and layout stay; the result is
// read back and checked. Recording the same reply twice changes nothing.
func Record(path string, old []byte, reply Reply) ([]byte, error) {
	r, fs := Read(path, old)
	if r == nil {
		return nil, &InvalidError{Path: path, Findings: fs}
	}
	doc, err := edit.Parse(old)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	o := r.Owner(reply.Owner)
	m := ownerNode(doc.Root(), reply.Owner)
	if o == nil || m == nil {
		return nil, fmt.Errorf("%s: round %s has no owner %q", path, r.Name, reply.Owner)
	}
	if o.RepliedOn.IsZero() {
		if err := doc.Set(m, "replied_on", edit.Value{Text: reply.On.String(), Token: true}, ownerKeys); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if doc, m, err = reparse(doc, reply.Owner); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	for _, req := range reply.Requests {
		if o.HasRequest(req) {
			continue
		}
		fields := []edit.Field{{Key: "id", Value: edit.Value{Text: req.ID}}}
		if req.From != "" {
			fields = append(fields, edit.Field{Key: "from", Value: edit.Value{Text: req.From, Token: true}})
		}
		fields = append(fields,
			edit.Field{Key: "to", Value: edit.Value{Text: req.To, Token: true}},
			edit.Field{Key: "reason", Value: edit.Value{Text: req.Reason}},
			edit.Field{Key: "requested_on", Value: edit.Value{Text: req.RequestedOn.String(), Token: true}})
		if err := doc.Append(m, "extension_requests", fields, ownerKeys); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		o.ExtensionRequests = append(o.ExtensionRequests, req) // a request twice in one reply is written once
		if doc, m, err = reparse(doc, reply.Owner); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	out := doc.Bytes()
	if _, fs := Read(path, out); len(fs) > 0 {
		return nil, &InvalidError{Path: path, Findings: fs}
	}
	return out, nil
}

// reparse makes a Doc of d's edited bytes, so the next edit sees the
// list or key the last one added, and finds the owner's mapping in it.
func reparse(d *edit.Doc, owner string) (*edit.Doc, *yaml.Node, error) {
	doc, err := edit.Parse(d.Bytes())
	if err != nil {
		return nil, nil, err
	}
	m := ownerNode(doc.Root(), owner)
	if m == nil {
		return nil, nil, fmt.Errorf("internal: owner %q lost while writing", owner)
	}
	return doc, m, nil
}

// ownerNode finds the mapping of owner name in the round's top mapping.
func ownerNode(root *yaml.Node, name string) *yaml.Node {
	owners := edit.Lookup(root, "owners")
	if owners == nil || owners.Kind != yaml.SequenceNode {
		return nil
	}
	for _, m := range owners.Content {
		if n := edit.Lookup(m, "owner"); m.Kind == yaml.MappingNode && n != nil && n.Value == name {
			return m
		}
	}
	return nil
}

// InvalidError: a round file that does not read, or would not after a
// change; its findings say why.
type InvalidError struct {
	Path     string
	Findings []finding.Finding
}

func (e *InvalidError) Error() string {
	return fmt.Sprintf("%s is not a valid round file (%d findings); nothing was written", filepath.ToSlash(e.Path), len(e.Findings))
}
