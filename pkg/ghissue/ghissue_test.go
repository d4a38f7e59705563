package ghissue

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestMarkerRoundTrip(t *testing.T) {
	for _, key := range []string{"protection", "relations exterieures", `a "quoted" owner`, "ends the comment -->", `back\slash`, "ünïcode"} {
		m := Marker(key)
		if strings.Contains(strings.TrimSuffix(m, " -->"), "-->") || strings.Contains(m, "\n") {
			t.Errorf("Marker(%q) = %s: the comment ends early", key, m)
		}
		if got := keyOf("text before\n" + m + "\nafter"); got != key {
			t.Errorf("keyOf(Marker(%q)) = %q", key, got)
		}
	}
	if got := keyOf("<!-- mrtrack:owner protection -->\nno quotes"); got != "" {
		t.Errorf("an unquoted marker is read as %q", got)
	}
	if got := keyOf("see <!-- mrtrack:owner \"x\" --> inline"); got != "" {
		t.Errorf("a marker that is not a line of its own is read as %q", got)
	}
}

func TestPlan(t *testing.T) {
	want := func(key string) Want {
		return Want{Key: key, Owner: key, Title: "Overdue actions: " + key, Body: "body of " + key + "\n"}
	}
	issue := func(n int, state string, w Want) Issue {
		return Issue{Number: n, State: state, Title: w.Title, Body: bodyOf(w)}
	}
	a, b := want("a"), want("b")
	changed := b
	changed.Body = "new body\n"
	crlf := issue(7, "OPEN", a)
	crlf.Body = strings.ReplaceAll(strings.TrimSuffix(crlf.Body, "\n"), "\n", "\r\n")
	type step struct {
		kind   Kind
		number int
		key    string
	}
	tests := []struct {
		name  string
		have  []Issue
		wants []Want
		steps []step
	}{
		{"none yet", nil, []Want{a, b}, []step{{Create, 0, "a"}, {Create, 0, "b"}}},
		{"unchanged", []Issue{issue(1, "OPEN", a), issue(2, "OPEN", b)}, []Want{a, b}, []step{{Unchanged, 1, "a"}, {Unchanged, 2, "b"}}},
		{"body as GitHub keeps it (CRLF, no final break)", []Issue{crlf}, []Want{a}, []step{{Unchanged, 7, "a"}}},
		{"changed body", []Issue{issue(2, "OPEN", b)}, []Want{changed}, []step{{Edit, 2, "b"}}},
		{"title changed by hand", []Issue{{Number: 2, State: "OPEN", Title: "renamed", Body: bodyOf(b)}}, []Want{b}, []step{{Edit, 2, "b"}}},
		{"nothing overdue: closed", []Issue{issue(1, "OPEN", a), issue(2, "OPEN", b)}, []Want{b}, []step{{Unchanged, 2, "b"}, {Close, 1, "a"}}},
		{"closed stays closed", []Issue{issue(1, "CLOSED", a)}, nil, nil},
		{"overdue again: reopened", []Issue{issue(1, "CLOSED", a)}, []Want{a}, []step{{Reopen, 1, "a"}}},
		{"open preferred to closed, oldest first", []Issue{issue(9, "CLOSED", a), issue(5, "OPEN", a), issue(3, "OPEN", a)}, []Want{a}, []step{{Unchanged, 3, "a"}}},
		{"issues without a marker are left alone", []Issue{{Number: 4, State: "OPEN", Title: "Overdue actions: a", Body: "body of a"}}, []Want{a}, []step{{Create, 0, "a"}}},
	}
	for _, tt := range tests {
		var got []step
		for _, s := range Plan(tt.have, tt.wants) {
			got = append(got, step{s.Kind, s.Number, s.Key})
		}
		if !slices.Equal(got, tt.steps) {
			t.Errorf("%s: Plan = %v, want %v", tt.name, got, tt.steps)
		}
	}
}

// fake records gh's calls and answers them.
type fake struct {
	calls []string
	out   map[string]string // by subcommand
	fail  string
}

func (f *fake) run(stdin string, args ...string) (string, error) {
	f.calls = append(f.calls, strings.Join(args, " ")+"|"+stdin)
	if args[1] == f.fail {
		return "", errors.New("gh " + args[1] + ": HTTP 403")
	}
	return f.out[args[1]], nil
}

func TestDo(t *testing.T) {
	f := &fake{out: map[string]string{"create": "https://github.com/o/r/issues/12\n"}}
	s := Step{Kind: Create, Key: "a", Want: Want{Key: "a", Title: "T", Body: "B\n"}}
	if err := Do(f.run, "o/r", &s, "bye"); err != nil || s.Number != 12 {
		t.Fatalf("create: number %d, error %v", s.Number, err)
	}
	s = Step{Kind: Reopen, Number: 3, Want: Want{Key: "a", Title: "T", Body: "B\n"}, edit: true}
	if err := Do(f.run, "", &s, "bye"); err != nil {
		t.Fatal(err)
	}
	s = Step{Kind: Close, Number: 4}
	if err := Do(f.run, "", &s, "bye"); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"issue create --title T --body-file - --repo o/r|" + Marker("a") + "\nB\n",
		"issue reopen 3|",
		"issue edit 3 --title T --body-file -|" + Marker("a") + "\nB\n",
		"issue close 4 --comment bye|",
	}
	if !slices.Equal(f.calls, want) {
		t.Errorf("calls:\n%q\nwant\n%q", f.calls, want)
	}
	f = &fake{out: map[string]string{"create": "Creating issue in o/r\n"}}
	if err := Do(f.run, "", &Step{Kind: Create, Want: Want{Key: "a"}}, ""); err == nil || !strings.Contains(err.Error(), "expected the new issue's address") {
		t.Errorf("create without an address: %v", err)
	}
}

func TestList(t *testing.T) {
	f := &fake{out: map[string]string{"list": `[{"number":1,"title":"t","body":"b","state":"OPEN"}]`}}
	got, err := List(f.run, "o/r")
	if err != nil || len(got) != 1 || !got[0].Open() || got[0].Number != 1 {
		t.Fatalf("List = %v, %v", got, err)
	}
	f.out["list"] = "not json"
	if _, err := List(f.run, ""); err == nil {
		t.Error("List accepted output that is not JSON")
	}
	f.out["list"] = "[" + strings.TrimSuffix(strings.Repeat(`{"number":1},`, listLimit), ",") + "]"
	if _, err := List(f.run, ""); err == nil || !strings.Contains(err.Error(), "duplicates") {
		t.Errorf("List with %d issues: %v", listLimit, err)
	}
	f.fail = "list"
	if _, err := List(f.run, ""); err == nil || !strings.Contains(err.Error(), "403") {
		t.Errorf("List when gh fails: %v", err)
	}
}
