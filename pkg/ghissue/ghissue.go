// Package ghissue keeps one GitHub issue per owner in step with what that
// owner has overdue. It plans, from the issues a repository has and the
// ones wanted, which to create, edit, reopen or close, and carries the
// plan out through the GitHub CLI (gh), so it needs no token handling of
// its own. An issue is found again by a marker in its body, never by its
// title. It does not read records nor decide what is overdue: the caller
// says what each owner's issue should hold.
package ghissue

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/mrtrack/mrtrack/internal/lazyregexp"
)

// Want is the issue an owner should have.
type Want struct {
	Key   string // the owner as compared (folded): what the marker holds
	Owner string // the owner as the records write it
	Title string
	Body  string // Markdown, without the marker
	Count int    // overdue actions, for the report
}

// Issue is an issue as gh lists it.
type Issue struct {
	Number int    `json:"number"`
	Title  string `json:"title"`
	Body   string `json:"body"`
	State  string `json:"state"` // OPEN or CLOSED
}

// Open reports whether the issue is open.
func (i Issue) Open() bool { return strings.EqualFold(i.State, "open") }

// Kind is what a step of the plan does to an issue.
type Kind string

// The kinds of step.
const (
	Create    Kind = "create"
	Edit      Kind = "edit"
	Reopen    Kind = "reopen" // and edit, when the body changed
	Close     Kind = "close"
	Unchanged Kind = "unchanged"
)

// Step is what happens to one owner's issue.
type Step struct {
	Kind   Kind
	Number int // the issue's, 0 until created
	Key    string
	Want   Want // the zero Want for Close
	edit   bool // Reopen: the title or body changed too
}

// markerLine is the first line of every issue mrtrack keeps: an HTML
// comment, invisible on GitHub, naming the owner in Go's quoting (> as
// \u003e, so no owner name can end the comment).
var markerLine = lazyregexp.New(`(?m)^<!-- mrtrack:owner ("(?:[^"\\]|\\.)*") -->$`)

// Marker is the line that names key's issue.
func Marker(key string) string {
	return "<!-- mrtrack:owner " + strings.ReplaceAll(strconv.Quote(key), ">", `\u003e`) + " -->"
}

// keyOf is the owner an issue's marker names, or "" for an issue mrtrack
// does not keep.
func keyOf(body string) string {
	m := markerLine.FindStringSubmatch(normalise(body))
	if m == nil {
		return ""
	}
	key, err := strconv.Unquote(m[1])
	if err != nil {
		return ""
	}
	return key
}

// bodyOf is the full body of want's issue.
func bodyOf(w Want) string { return Marker(w.Key) + "\n" + w.Body }

// Plan says what to do so that each owner of wants has an open issue with
// its title and body, and every other issue with a marker is closed. An
// owner's open issue is preferred to a closed one, and of several, the
// oldest; a closed issue is reopened rather than a new one opened. The
// steps come in the order of wants, then the closings by issue number.
func Plan(have []Issue, wants []Want) []Step {
	byKey := map[string][]Issue{}
	for _, i := range have {
		if k := keyOf(i.Body); k != "" {
			byKey[k] = append(byKey[k], i)
		}
	}
	for _, list := range byKey {
		slices.SortFunc(list, func(a, b Issue) int {
			if a.Open() != b.Open() {
				if a.Open() {
					return -1
				}
				return 1
			}
			return a.Number - b.Number
		})
	}
	var steps []Step
	wanted := map[string]bool{}
	for _, w := range wants {
		wanted[w.Key] = true
		list := byKey[w.Key]
		if len(list) == 0 {
			steps = append(steps, Step{Kind: Create, Key: w.Key, Want: w})
			continue
		}
		i := list[0]
		same := i.Title == w.Title && normalise(i.Body) == normalise(bodyOf(w))
		s := Step{Kind: Unchanged, Number: i.Number, Key: w.Key, Want: w}
		switch {
		case !i.Open():
			s.Kind, s.edit = Reopen, !same
		case !same:
			s.Kind = Edit
		}
		steps = append(steps, s)
	}
	var closing []Step
	for key, list := range byKey {
		for _, i := range list {
			if i.Open() && !wanted[key] {
				closing = append(closing, Step{Kind: Close, Number: i.Number, Key: key})
			}
		}
	}
	slices.SortFunc(closing, func(a, b Step) int { return a.Number - b.Number })
	return append(steps, closing...)
}

// normalise makes a body as GitHub returns it comparable with one as
// written: GitHub stores line breaks as CRLF for bodies edited in its
// page, and drops a final line break.
func normalise(s string) string {
	return strings.TrimRight(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
}

// Runner runs gh with args, stdin as its standard input, and returns its
// standard output.
type Runner func(stdin string, args ...string) (string, error)

// listLimit is the most issues one listing reads; a repository with more
// is refused rather than risk opening duplicates of issues not read.
const listLimit = 1000

// List reads the repository's issues, open and closed. repo is
// OWNER/NAME, or "" for gh's own choice (GH_REPO, else the checkout's
// remote).
func List(gh Runner, repo string) ([]Issue, error) {
	args := append([]string{"issue", "list", "--state", "all", "--limit", strconv.Itoa(listLimit), "--json", "number,title,body,state"}, repoArgs(repo)...)
	out, err := gh("", args...)
	if err != nil {
		return nil, err
	}
	var issues []Issue
	if err := json.Unmarshal([]byte(out), &issues); err != nil {
		return nil, fmt.Errorf("gh issue list: unexpected output: %w", err)
	}
	if len(issues) >= listLimit {
		return nil, fmt.Errorf("the repository has %d issues or more; mrtrack reads at most %d and will not risk opening duplicates", listLimit, listLimit)
	}
	return issues, nil
}

// Do carries out one step; a created issue gets its number. closing is
// the comment a closed issue gets.
func Do(gh Runner, repo string, s *Step, closing string) error {
	r := repoArgs(repo)
	switch s.Kind {
	case Create:
		out, err := gh(bodyOf(s.Want), append([]string{"issue", "create", "--title", s.Want.Title, "--body-file", "-"}, r...)...)
		if err != nil {
			return err
		}
		// gh prints the new issue's address, …/issues/N.
		url := strings.TrimSpace(out)
		n, err := strconv.Atoi(url[strings.LastIndexByte(url, '/')+1:])
		if err != nil {
			return fmt.Errorf("gh issue create: expected the new issue's address, got %q", url)
		}
		s.Number = n
	case Reopen:
		if _, err := gh("", append([]string{"issue", "reopen", strconv.Itoa(s.Number)}, r...)...); err != nil {
			return err
		}
		if s.edit {
			return edit(gh, r, s)
		}
	case Edit:
		return edit(gh, r, s)
	case Close:
		_, err := gh("", append([]string{"issue", "close", strconv.Itoa(s.Number), "--comment", closing}, r...)...)
		return err
	}
	return nil
}

func edit(gh Runner, repo []string, s *Step) error {
	_, err := gh(bodyOf(s.Want), append([]string{"issue", "edit", strconv.Itoa(s.Number), "--title", s.Want.Title, "--body-file", "-"}, repo...)...)
	return err
}

func repoArgs(repo string) []string {
	if repo == "" {
		return nil
	}
	return []string{"--repo", repo}
}
