package edit

import (
	"strings"
	"testing"
)

// Remove takes a key's lines out, with CRLF endings too, and a key added
// after the removed one lands where it stood; SetMapping rewrites an
// existing mapping in place (its comment stays) or writes a new one.
func TestRemoveAndSetMapping(t *testing.T) {
	const in = `actions:
  - number: 1
    status: completed
    # day of completion
    completed_on: 2025-01-15
    evidence:
      - a.pdf
  - number: 2
    status: completed
    verification:
      status: returned # first look
      by: Office
      on: 2025-01-02
      note: |
        Missing.
`
	const want = `actions:
  - number: 1
    status: in-progress
    # day of completion
    verification:
      status: returned
      by: Office
      on: 2025-02-01
    evidence:
      - a.pdf
  - number: 2
    status: completed
    verification:
      status: accepted # first look
      by: Office
      on: 2025-02-03
`
	keys := []string{"number", "status", "completed_on", "verification", "evidence"}
	verdict := func(status, on string) []Field {
		return []Field{{"status", Value{Text: status, Token: true}}, {"by", Value{Text: "Office"}}, {"on", Value{Text: on, Token: true}}}
	}
	for _, nl := range []string{"\n", "\r\n"} {
		d, err := Parse([]byte(strings.ReplaceAll(in, "\n", nl)))
		must(t, err)
		a1, a2 := action(t, d, 0), action(t, d, 1)
		must(t, d.Set(a1, "status", Value{Text: "in-progress", Token: true}, keys))
		must(t, d.Remove(a1, "completed_on"))
		must(t, d.SetMapping(a1, "verification", verdict("returned", "2025-02-01"), keys))
		must(t, d.SetMapping(a2, "verification", verdict("accepted", "2025-02-03"), keys))
		must(t, d.Remove(a2, "absent"))
		if got := string(d.Bytes()); got != strings.ReplaceAll(want, "\n", nl) {
			t.Errorf("%q endings: got\n%s\nwant\n%s", nl, got, want)
		}
	}
}

func TestRemoveRefuses(t *testing.T) {
	for _, c := range []struct{ in, key, msg string }{
		{"actions:\n  - {number: 1, status: completed}\n", "status", "flow style"},
		{"actions:\n  - number: 1\n    status: completed\n", "number", "opens a list item"},
		{"actions:\n  - only: 1\n", "only", "the only key"},
	} {
		d, err := Parse([]byte(c.in))
		must(t, err)
		err = d.Remove(action(t, d, 0), c.key)
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("Remove %s in %q: %v, want %q", c.key, c.in, err, c.msg)
		}
	}
}

// A key fmt puts first goes before the keys it does not know, and a
// mapping added at the end of a file without a final line break ends with
// one: the result stays as fmt writes it.
func TestAddEntryPlaces(t *testing.T) {
	keys := []string{"number", "status", "verification"}
	for _, c := range []struct{ in, key, want string }{
		{"actions:\n  - extra: 1\n", "number", "actions:\n  - number: 2\n    extra: 1\n"},
		{"actions:\n  - number: 1", "status", "actions:\n  - number: 1\n    status: completed\n"},
	} {
		d, err := Parse([]byte(c.in))
		must(t, err)
		item := Lookup(d.Root(), "actions").Content[0]
		v := Value{Text: "completed", Token: true}
		if c.key == "number" {
			v = Value{Text: "2", Token: true}
		}
		must(t, d.Set(item, c.key, v, keys))
		if got := string(d.Bytes()); got != c.want {
			t.Errorf("set %s in %q: got %q, want %q", c.key, c.in, got, c.want)
		}
	}
	d, err := Parse([]byte("actions:\n  - number: 1"))
	must(t, err)
	item := Lookup(d.Root(), "actions").Content[0]
	must(t, d.SetMapping(item, "verification", []Field{{"status", Value{Text: "accepted", Token: true}}}, keys))
	if got, want := string(d.Bytes()), "actions:\n  - number: 1\n    verification:\n      status: accepted\n"; got != want {
		t.Errorf("SetMapping at the end of the file: got %q, want %q", got, want)
	}
}
