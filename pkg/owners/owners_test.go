package owners

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/model"
)

const sample = Modeline + `
office:
  name: Evaluation Office
  email: evaluation@example.org
  github: "@example-org/evaluation"
owners:
  - name: Relations extérieures
    emails: [rex@example.org]
    github: "@example-org/external-relations"
    language: fr
  - name: Protection
    emails:
      - protection@example.org
      - protection.mali@example.org
    github: "@example-org/protection"
  - name: Protection / Solutions Durables
`

func parse(t *testing.T, src string) *File {
	t.Helper()
	f, fs := Parse("data/owners.yaml", []byte(src))
	if f == nil || len(fs) > 0 {
		t.Fatalf("Parse: %v", fs)
	}
	return f
}

func TestParse(t *testing.T) {
	f := parse(t, sample)
	if f.Office != (Office{"Evaluation Office", "evaluation@example.org", "@example-org/evaluation"}) {
		t.Errorf("office = %+v", f.Office)
	}
	if len(f.Owners) != 3 {
		t.Fatalf("owners = %+v", f.Owners)
	}
	o := f.Owners[1]
	if o.Name != "Protection" || len(o.Emails) != 2 || o.Emails[1] != "protection.mali@example.org" || o.GitHub != "@example-org/protection" || o.Language != "" {
		t.Errorf("owner = %+v", o)
	}
	if o.Line != 11 || o.Col != 11 {
		t.Errorf("Protection placed at %d:%d, want 11:11", o.Line, o.Col)
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"schema", Modeline + "\nowners:\n  - name: A\n    emails: [\"A <a@example.org>\"]\n",
			`data/owners.yaml:4:14: error: emails[0] "A <a@example.org>" is not an email address [invalid-value]`},
		{"header injection", Modeline + "\nowners:\n  - name: \"A\\nBcc: x@example.org\"\n",
			`data/owners.yaml:3:11: error: name "A\nBcc: x@example.org" is not a single line of text [invalid-value]`},
		{"unknown key", Modeline + "\nowners:\n  - name: A\n    email: a@example.org\n",
			`data/owners.yaml:4:5: error: unknown field "email" in owner #1 [unknown-key]`},
		{"duplicate", Modeline + "\nowners:\n  - name: Équipe\n  - name: equipe\n",
			`data/owners.yaml:4:11: error: owner "equipe" is listed twice (first at line 3) [owner-duplicate]`},
		{"language", Modeline + "\nowners:\n  - name: A\n    language: de\n",
			`data/owners.yaml:4:15: error: language "de" is not allowed [invalid-value]`},
		{"yaml", Modeline + "\nowners:\n  - name: A\n\t- name: B\n",
			`data/owners.yaml:4:1: error: YAML syntax`},
		{"modeline", "owners: []\n",
			`data/owners.yaml:1:1: warning: missing schema modeline: editors cannot validate this file [modeline]`},
	} {
		f, fs := Parse("data/owners.yaml", []byte(c.src))
		if len(fs) == 0 {
			t.Errorf("%s: no finding", c.name)
			continue
		}
		got := fs[0].File + ":" + itoa(fs[0].Line) + ":" + itoa(fs[0].Col) + ": " + fs[0].Severity.String() + ": " + fs[0].Message + " [" + fs[0].Rule + "]"
		if !strings.HasPrefix(got, c.want) {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
		if errs, _ := finding.Count(fs); (errs > 0) != (f == nil) {
			t.Errorf("%s: %d errors but file %v", c.name, errs, f)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestLookup(t *testing.T) {
	f := parse(t, sample)
	for name, want := range map[string]string{
		"Relations extérieures":           "Relations extérieures",
		"RELATIONS  EXTERIEURES":          "Relations extérieures",
		"protection":                      "Protection",
		"protection / solutions durables": "Protection / Solutions Durables",
	} {
		o, ok := f.Lookup(name)
		if !ok || o.Name != want {
			t.Errorf("Lookup(%q) = %v, %v; want %s", name, o, ok, want)
		}
	}
	for _, name := range []string{"Protect", "Relations", ""} {
		if o, ok := f.Lookup(name); ok {
			t.Errorf("Lookup(%q) = %v: only the whole name matches", name, o.Name)
		}
	}
	var none *File
	if _, ok := none.Lookup("Protection"); ok {
		t.Error("a missing list knows no owner")
	}
}

func TestMatching(t *testing.T) {
	f := parse(t, sample)
	names := func(os []*Owner) string {
		var s []string
		for _, o := range os {
			s = append(s, o.Name)
		}
		return strings.Join(s, "|")
	}
	if got := names(f.Matching("PROTECTION")); got != "Protection|Protection / Solutions Durables" {
		t.Errorf("Matching(PROTECTION) = %s", got)
	}
	if got := names(f.Matching("exterieur", "durables")); got != "Relations extérieures|Protection / Solutions Durables" {
		t.Errorf("Matching(exterieur, durables) = %s", got)
	}
	if got := len(f.Matching()); got != 3 {
		t.Errorf("Matching() = %d entries, want all 3", got)
	}
}

func evaluation(owners ...string) *model.Evaluation {
	e := &model.Evaluation{ID: "EVO-1"}
	r := &model.Recommendation{Number: 1, Evaluation: e, File: "data/EVO-1/rec-01.yaml"}
	for i, o := range owners {
		r.Actions = append(r.Actions, &model.Action{Tracking: model.Tracking{Number: i + 1}, Owner: o, Recommendation: r})
	}
	e.Recommendations = []*model.Recommendation{r}
	return e
}

func TestCheck(t *testing.T) {
	f := parse(t, sample)
	uses := Uses([]*model.Evaluation{evaluation("relations exterieures", "", "Protection", "Logistique")})
	fs := f.Check(uses, func(u Use) (int, int) { return 7, len(u.Pointer()) })
	var got []string
	for _, fd := range fs {
		got = append(got, fd.File+":"+itoa(fd.Line)+":"+itoa(fd.Col)+" "+fd.Severity.String()+" "+fd.Rule+" "+fd.Message+" "+fd.Field)
	}
	want := []string{
		`data/EVO-1/rec-01.yaml:7:16 warning owner-unknown owner "Logistique" of EVO-1/R1.4 is not in data/owners.yaml $.actions[3].owner`,
		`data/owners.yaml:16:11 warning owner-unused owner "Protection / Solutions Durables" owns no action in the records `,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Check:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The example of docs/format.md is the file's documentation: it must
// parse without a finding.
func TestDocExample(t *testing.T) {
	doc, err := os.ReadFile("../../docs/format.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)\n## Owners: `owners.yaml`\n.*?```yaml\n(.*?)```").FindSubmatch(doc)
	if m == nil {
		t.Fatal("docs/format.md has no owners.yaml example")
	}
	parse(t, string(m[1]))
}

// The skeleton mrtrack init writes parses without a finding, in both
// languages, with and without the office's details, and keeps them.
func TestSkeleton(t *testing.T) {
	for _, lang := range []string{"en", "fr", "de"} {
		for _, office := range []Office{{}, {Name: "Bureau de l'évaluation", Email: "eval@example.org", GitHub: "@example-org/eval"}} {
			src := Skeleton(office, lang)
			f, fs := Parse("data/owners.yaml", src)
			if f == nil || len(fs) > 0 {
				t.Fatalf("%s, %+v:\n%s\n%v", lang, office, src, fs)
			}
			if office.Name != "" && f.Office != office {
				t.Errorf("%s: office %+v, want %+v", lang, f.Office, office)
			}
			if len(f.Owners) != 0 {
				t.Errorf("%s: owners %+v", lang, f.Owners)
			}
		}
	}
	if got := string(Skeleton(Office{}, "fr")); !strings.Contains(got, "name: Bureau de l'évaluation\n") || !strings.Contains(got, "  # github: \"@your-org/evaluation-office\"") {
		t.Errorf("French skeleton:\n%s", got)
	}
}
