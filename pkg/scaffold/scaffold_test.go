package scaffold

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

var testSchemas = []Schema{{"evaluation.schema.json", []byte("{}\n")}, {"recommendation.schema.json", []byte("{}\n")}, {"owners.schema.json", []byte("{}\n")}}

func render(t *testing.T, p Params) map[string][]byte {
	t.Helper()
	files, err := Files(p)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		if _, dup := out[f.Path]; dup {
			t.Errorf("%s written twice", f.Path)
		}
		out[f.Path] = f.Data
	}
	return out
}

// Every file renders, in both languages, to a file its reader accepts
// (YAML, JSON), pinned to the version asked for and never to @latest.
func TestFiles(t *testing.T) {
	for _, lang := range Langs {
		files := render(t, Params{Version: "v0.3.0", Organization: "my-office", Lang: lang, Schemas: testSchemas})
		for _, want := range []string{"data/README.md", "data/owners.yaml", ".github/workflows/validate.yml", ".github/workflows/follow-up.yml",
			".pre-commit-config.yaml", ".vscode/settings.json", ".vscode/extensions.json", ".editorconfig", ".gitattributes",
			"schema/evaluation.schema.json", "schema/recommendation.schema.json", "schema/owners.schema.json"} {
			if files[want] == nil {
				t.Errorf("%s: no %s", lang, want)
			}
		}
		for path, data := range files {
			if bytes.Contains(data, []byte("[[")) || bytes.Contains(data, []byte("@latest")) || bytes.Contains(data, []byte("<no value>")) {
				t.Errorf("%s: %s holds a template left over or @latest:\n%s", lang, path, data)
			}
			switch filepath.Ext(path) {
			case ".yml", ".yaml":
				var v any
				if err := yaml.Unmarshal(data, &v); err != nil {
					t.Errorf("%s: %s is no YAML: %v", lang, path, err)
				}
			case ".json":
				if !json.Valid(data) {
					t.Errorf("%s: %s is no JSON:\n%s", lang, path, data)
				}
			}
		}
		workflows := 0
		for wf, data := range files {
			if !strings.HasPrefix(wf, ".github/workflows/") {
				continue
			}
			workflows++
			s := string(data)
			if !strings.Contains(s, `MRTRACK_VERSION: "0.3.0"`) || !strings.Contains(s, "mrtrack/cmd/mrtrack@v0.3.0") || !strings.Contains(s, "sha256sum --check") {
				t.Errorf("%s: %s does not install v0.3.0 checked against checksums.txt", lang, wf)
			}
		}
		if workflows != 3 {
			t.Errorf("%s: %d workflows", lang, workflows)
		}
		if !bytes.Contains(files[".pre-commit-config.yaml"], []byte("rev: v0.3.0\n")) {
			t.Errorf("%s: pre-commit is not pinned to v0.3.0", lang)
		}
	}
	// Without the owners schema (a mrtrack that does not read owners.yaml),
	// no owners.yaml either.
	bare := render(t, Params{Version: "v0.3.0", Lang: "en", Schemas: testSchemas[:2]})
	if bare["data/owners.yaml"] != nil || bytes.Contains(bare["data/README.md"], []byte("owners.yaml")) || bytes.Contains(bare[".vscode/settings.json"], []byte("owners")) {
		t.Error("owners.yaml is written, or named, without its schema")
	}
	en := render(t, Params{Version: "v0.3.0", Lang: "en", Schemas: testSchemas})
	fr := render(t, Params{Version: "v0.3.0", Lang: "fr", Schemas: testSchemas})
	if bytes.Equal(en["data/README.md"], fr["data/README.md"]) || !bytes.HasPrefix(fr["data/README.md"], []byte("# Les fiches\n")) {
		t.Error("the French README is not French")
	}
}

// The editor settings map every schema to the files it describes, and a
// schema init does not know the files of is an error, not a silent gap.
func TestSchemasMapped(t *testing.T) {
	files := render(t, Params{Version: "v1.0.0", Lang: "en", Schemas: testSchemas})
	var settings struct {
		Schemas map[string]string `json:"yaml.schemas"`
	}
	if err := json.Unmarshal(files[".vscode/settings.json"], &settings); err != nil {
		t.Fatal(err)
	}
	for _, s := range testSchemas {
		if settings.Schemas["./schema/"+s.File] == "" {
			t.Errorf("%s is not mapped: %v", s.File, settings.Schemas)
		}
	}
	if _, err := Files(Params{Version: "v1.0.0", Lang: "en", Schemas: []Schema{{File: "rounds.schema.json"}}}); err == nil || !strings.Contains(err.Error(), "schemaGlobs") {
		t.Errorf("an unknown schema: %v", err)
	}
	if _, err := Files(Params{Version: "v1.0.0", Lang: "de"}); err == nil {
		t.Error("an unknown language was accepted")
	}
	if _, err := Files(Params{Version: "1.0.0", Lang: "en"}); err == nil {
		t.Error("a version without its v was accepted")
	}
}

func TestReleaseVersion(t *testing.T) {
	for in, want := range map[string]string{"v1.2.3": "v1.2.3", "1.2.3": "v1.2.3", "v0.1.0-rc.1": "v0.1.0-rc.1", "v10.20.30": "v10.20.30"} {
		if got, err := ReleaseVersion(in); got != want || err != nil {
			t.Errorf("ReleaseVersion(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "devel", "latest", "v1.2", "v01.2.3", "v1.2.3+dirty", "v0.0.0-20261128201500-0123456789ab",
		"v1.2.4-0.20261128201500-0123456789ab", "v1.2.3-pre.0.20261128201500-0123456789ab", "v1.2.3 ", "main"} {
		if got, err := ReleaseVersion(in); err == nil {
			t.Errorf("ReleaseVersion(%q) = %q, want an error", in, got)
		}
	}
}

// The docs point at mrtrack init instead of copying what it writes (one
// source of truth): no page shows a workflow, a pre-commit configuration
// or editor settings of its own.
func TestDocsCopyNoGeneratedFile(t *testing.T) {
	pages, _ := filepath.Glob("../../docs/*.md")
	pages = append(pages, "../../README.md", "../../CONTRIBUTING.md")
	fence := regexp.MustCompile("(?s)```[a-z]*\n(.*?)```")
	copied := regexp.MustCompile(`runs-on:|uses: actions/|yaml\.schemas|- repo: https://github.com/mrtrack/mrtrack|eol=lf`)
	for _, page := range pages {
		b, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range fence.FindAllSubmatch(b, -1) {
			if c := copied.Find(m[1]); c != nil {
				t.Errorf("%s shows %q in a code block: point at mrtrack init (pkg/scaffold/tree) instead", page, c)
			}
		}
	}
}
