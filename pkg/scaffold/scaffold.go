// Package scaffold holds the files `mrtrack init` writes into a new
// tracker repository (workflows, pre-commit and editor settings, the
// officers' README, the owners.yaml skeleton) as text/template files: the
// one place their content is written down; docs point at them rather than
// copy them. It renders them and must not touch the disk: the command
// writes what Files returns.
package scaffold

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"text/template"

	"github.com/mrtrack/mrtrack/internal/lazyregexp"
)

// tree mirrors the repository init writes: tree/X.tmpl becomes X, and
// tree/X.LANG.tmpl becomes X in the chosen language only. partials holds
// the templates they share (the install step of both workflows).
//
//go:embed all:tree partials
var templates embed.FS

// Langs are the languages of the officers' README.
var Langs = []string{"en", "fr"}

// Params say what the new repository is for.
type Params struct {
	Version      string // the mrtrack release it pins, v1.2.3 (see ReleaseVersion)
	Organization string // the GitHub organization it belongs to, or ""
	Lang         string // one of Langs
	Schemas      []Schema
}

// Schema is a JSON schema file the repository keeps in schema/, so that
// records' modelines resolve offline.
type Schema struct {
	File string // evaluation.schema.json
	Data []byte
}

// File is a file of the new repository.
type File struct {
	Path string // relative, slash-separated
	Data []byte
}

// schemaGlobs are the files each schema describes, for editors that map
// schemas by name (.vscode/settings.json).
var schemaGlobs = map[string]string{
	"evaluation.schema.json":     "data/*/evaluation.yaml",
	"recommendation.schema.json": "data/*/rec-*.yaml",
	"owners.schema.json":         "data/owners.yaml",
	"round.schema.json":          "data/rounds/*.yaml",
}

// describedBy names the schema of the files that one describes: such a
// file is written only with its schema, so this mrtrack reads it (the
// owners list arrives with owners.schema.json).
var describedBy = map[string]string{"data/owners.yaml": "owners.schema.json"}

// data is what the templates see.
type data struct {
	Params
	Number  string // Version without its v: the release archives' names
	Schemas []schemaEntry
	Owners  bool // data/owners.yaml is written
}

type schemaEntry struct{ File, Glob string }

// Files renders the repository's files, sorted by path.
func Files(p Params) ([]File, error) {
	if !slices.Contains(Langs, p.Lang) {
		return nil, fmt.Errorf("unknown language %q: use %s", p.Lang, strings.Join(Langs, " or "))
	}
	if _, err := ReleaseVersion(p.Version); err != nil || !strings.HasPrefix(p.Version, "v") {
		return nil, fmt.Errorf("version %q is not a release tag such as v1.2.3", p.Version)
	}
	d := data{Params: p, Number: strings.TrimPrefix(p.Version, "v")}
	var out []File
	for _, s := range p.Schemas {
		glob, ok := schemaGlobs[s.File]
		if !ok {
			return nil, fmt.Errorf("internal: no files are known for the schema %s (scaffold.schemaGlobs)", s.File)
		}
		d.Schemas = append(d.Schemas, schemaEntry{s.File, glob})
		out = append(out, File{Path: "schema/" + s.File, Data: s.Data})
		d.Owners = d.Owners || s.File == describedBy["data/owners.yaml"]
	}
	shared, err := template.New("partials").Delims("[[", "]]").ParseFS(templates, "partials/*.tmpl")
	if err != nil {
		return nil, fmt.Errorf("internal: %w", err)
	}
	err = fs.WalkDir(templates, "tree", func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		target, ok := targetOf(strings.TrimPrefix(name, "tree/"), p.Lang)
		if schema, described := describedBy[target]; !ok || described && !slices.ContainsFunc(p.Schemas, func(s Schema) bool { return s.File == schema }) {
			return nil
		}
		text, err := fs.ReadFile(templates, name)
		if err != nil {
			return err
		}
		t, err := shared.Clone()
		if err == nil {
			t, err = t.New(name).Option("missingkey=error").Parse(string(text))
		}
		if err != nil {
			return err
		}
		var b bytes.Buffer
		if err := t.Execute(&b, d); err != nil {
			return err
		}
		out = append(out, File{Path: target, Data: b.Bytes()})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("internal: %w", err)
	}
	slices.SortFunc(out, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return out, nil
}

// targetOf is the path a template writes: X for X.tmpl, X for X.LANG.tmpl
// in language lang, nothing for another language's.
func targetOf(name, lang string) (string, bool) {
	name, ok := strings.CutSuffix(name, ".tmpl")
	if !ok {
		return "", false
	}
	if ext := path.Ext(name); slices.Contains(Langs, strings.TrimPrefix(ext, ".")) {
		return strings.TrimSuffix(name, ext), ext == "."+lang
	}
	return name, true
}

var (
	releaseTag = lazyregexp.New(`^v?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$`)
	// Go's pseudo-versions: v0.0.0-20260102030405-0123456789ab and the
	// forms after a tag (v1.2.4-0.2026…, v1.2.3-pre.0.2026…).
	pseudo = lazyregexp.New(`[-.][0-9]{14}-[0-9a-f]{12}$`)
)

// ReleaseVersion returns v as a release tag, v1.2.3 (a leading v added
// when missing), or an error when v names no release: "devel", a Go
// pseudo-version, a build with uncommitted changes (+dirty).
func ReleaseVersion(v string) (string, error) {
	if !releaseTag.MatchString(v) || pseudo.MatchString(v) {
		return "", fmt.Errorf("%q is not a release version such as v1.2.3", v)
	}
	if !strings.HasPrefix(v, "v") {
		v = "v" + v
	}
	return v, nil
}
