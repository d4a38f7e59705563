package owners

import (
	"fmt"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/format"
)

// Skeleton is a new owners.yaml for an office: its modeline, the office
// (fields left empty are written as comments to fill in), no owner yet,
// and a commented example entry, with comments in lang (en or fr). It
// parses without an error, so a new repository validates at once; mrtrack
// init writes it.
func Skeleton(office Office, lang string) []byte {
	c := skeletonComments["en"]
	if s, ok := skeletonComments[lang]; ok {
		c = s
	}
	var b strings.Builder
	b.WriteString(Modeline + "\n")
	for _, line := range c.intro {
		b.WriteString("# " + line + "\n")
	}
	b.WriteString("office:\n")
	field := func(key, value, example, comment string) {
		if value == "" {
			fmt.Fprintf(&b, "  # %s: %s   # %s\n", key, example, comment)
			return
		}
		fmt.Fprintf(&b, "  %s: %s   # %s\n", key, scalar(value), comment)
	}
	name := office.Name
	if name == "" {
		name = c.office
	}
	fmt.Fprintf(&b, "  name: %s\n", scalar(name))
	field("email", office.Email, "evaluation@example.org", c.email)
	field("github", office.GitHub, `"@your-org/evaluation-office"`, c.github)
	b.WriteString("owners: []\n")
	for _, line := range c.example {
		b.WriteString("# " + line + "\n")
	}
	return []byte(b.String())
}

// scalar writes a value as fmt would; valid UTF-8 cannot fail it.
func scalar(v string) string {
	s, _ := format.Scalar(strings.ToValidUTF8(oneLine(v), "\uFFFD"), true, 2, "\n")
	return s
}

type skeletonText struct {
	intro         []string
	office        string
	email, github string
	example       []string
}

var skeletonComments = map[string]skeletonText{
	"en": {
		intro: []string{
			"Who owns the actions, and how to reach them (docs/format.md, \"Owners\").",
			"Names are matched with the records' owner fields, case and accents aside.",
		},
		office: "Evaluation Office",
		email:  "the From: of mrtrack remind's messages",
		github: "owns every record file in .github/CODEOWNERS",
		example: []string{
			"Replace [] with one entry per owner, such as:",
			"  - name: Protection",
			"    emails: [protection@example.org]",
			"    github: \"@your-org/protection\"",
			"    language: en                # en or fr: forms and reminders",
		},
	},
	"fr": {
		intro: []string{
			"Qui porte les actions, et comment les joindre (docs/format.md, « Owners »).",
			"Les noms sont ceux des champs owner des fiches, casse et accents ignorés.",
		},
		office: "Bureau de l'évaluation",
		email:  "l'expéditeur (From:) des messages de mrtrack remind",
		github: "propriétaire de toutes les fiches dans .github/CODEOWNERS",
		example: []string{
			"Remplacez [] par une entrée par responsable, par exemple :",
			"  - name: Protection",
			"    emails: [protection@example.org]",
			"    github: \"@votre-org/protection\"",
			"    language: fr                # en ou fr : formulaires et rappels",
		},
	},
}
