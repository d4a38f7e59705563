package validate

import (
	"sync"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
	"github.com/mrtrack/mrtrack/schema"
	"go.yaml.in/yaml/v3"
)

// OwnersFile is the name of the optional owners list at the data folder's
// root; pkg/owners reads it.
const OwnersFile = "owners.yaml"

// OwnersSchemaFile is the name of owners.yaml's schema, as its modeline
// points at it from the data folder: ../schema/owners.schema.json.
const OwnersSchemaFile = "owners.schema.json"

// ownersSchema is compiled apart from the record schemas, on first use,
// so a data folder without owners.yaml never pays for it.
var ownersSchema = sync.OnceValues(func() (*compiled, error) {
	return compile(OwnersSchemaFile, schema.Owners)
})

// CheckOwners checks the bytes of owners.yaml as a record file is checked:
// the YAML front door (encoding, characters, aliases, duplicate keys,
// limits), its schema, its modeline. path is how findings name the file.
// The root is nil when the file has an error and must not be used.
func CheckOwners(path string, data []byte) (*yaml.Node, []finding.Finding) {
	c, err := ownersSchema()
	if err != nil {
		return nil, []finding.Finding{{File: path, Line: 1, Col: 1, Severity: finding.Error, Rule: finding.RuleSchemaOther, Message: "internal: " + err.Error()}}
	}
	f := &File{Path: path}
	root, probs := ydoc.Parse(data)
	for _, p := range probs {
		f.add(finding.Finding{Line: p.Line, Col: p.Col, Severity: finding.Error, Rule: p.Rule, Message: p.Message, Hint: p.Hint})
	}
	if root == nil {
		return nil, f.Findings
	}
	if errs, _ := finding.Count(f.Findings); errs == 0 {
		f.addLocated(c.check(root, ydoc.Value))
	}
	if fd, ok := modeline(data, "../schema/", OwnersSchemaFile); !ok {
		f.add(fd)
	}
	finding.Sort(f.Findings)
	if errs, _ := finding.Count(f.Findings); errs > 0 {
		root = nil
	}
	if len(f.Findings) > MaxFindings {
		f.Findings, _, _ = capFindings(f.Findings)
	}
	return root, f.Findings
}
