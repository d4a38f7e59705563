package validate

import (
	"os"
	"regexp"
	"testing"
)

// The README's record examples are the format's documentation: they must
// validate without a finding.
func TestREADMEExamples(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s, err := LoadSchemas()
	if err != nil {
		t.Fatal(err)
	}
	for heading, file := range map[string]string{"evaluation.yaml": "evaluation.yaml", "rec-NN.yaml": "rec-06.yaml"} {
		re := regexp.MustCompile("(?s)### `" + regexp.QuoteMeta(heading) + "`\n\n```yaml\n(.*?)```")
		m := re.FindSubmatch(readme)
		if m == nil {
			t.Errorf("README has no example under ### `%s`", heading)
			continue
		}
		f := s.Check(file, "/data/EVO-2024-03/"+file, m[1])
		if !f.Valid() || len(f.Findings) != 0 {
			t.Errorf("README example %s: %+v", heading, f.Findings)
		}
	}
}
