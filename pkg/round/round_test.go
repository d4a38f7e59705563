package round

import (
	"strconv"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/civil"
)

func sample() *Round {
	return &Round{Name: "2025", OpenedOn: civil.New(2025, 1, 6), Due: civil.New(2025, 1, 31), Progress: Append,
		Owners: []*Owner{
			{Name: "Protection", Language: "fr", Form: "2025-protection", Sent: []Sent{{"EVO-2024-03/R3.5", "0123456789012345"}, {"EVO-2024-03/R7.1.2", "abcdefabcdefabcd"}}},
			{Name: "External Relations", Language: "en", Form: "2025-external-relations", Sent: []Sent{{"EVO-2024-03/R1.2", "b71dc1762eaf629f"}}},
		}}
}

// A round file reads back as written, and recording a reply twice, with
// a request given twice, writes it once.
func TestEncodeRecord(t *testing.T) {
	data, err := Encode(sample())
	if err != nil {
		t.Fatal(err)
	}
	r, fs := Read("rounds/2025.yaml", data)
	if r == nil {
		t.Fatalf("%v\n%s", fs, data)
	}
	if r.Name != "2025" || r.Owners[0].Sent[1].ID != "EVO-2024-03/R7.1.2" || r.Owners[0].Sent[0].Digest != "0123456789012345" {
		t.Errorf("read back %+v", r)
	}
	req := ExtensionRequest{ID: "EVO-2024-03/R3.5", From: "2024-12-31", To: "2026", Reason: "Funding: late.", RequestedOn: civil.New(2025, 1, 20)}
	reply := Reply{Owner: "Protection", On: civil.New(2025, 1, 20), Requests: []ExtensionRequest{req, req}}
	once, err := Record("rounds/2025.yaml", data, reply)
	if err != nil {
		t.Fatal(err)
	}
	want := `      - id: EVO-2024-03/R7.1.2
        digest: abcdefabcdefabcd
    replied_on: 2025-01-20
    extension_requests:
      - id: EVO-2024-03/R3.5
        from: 2024-12-31
        to: 2026
        reason: 'Funding: late.'
        requested_on: 2025-01-20
  - owner: External Relations
`
	if !strings.Contains(string(once), want) {
		t.Errorf("recorded:\n%s\nwant it to hold\n%s", once, want)
	}
	reply.On = civil.New(2025, 2, 1) // a later collect keeps the first day
	twice, err := Record("rounds/2025.yaml", once, reply)
	if err != nil {
		t.Fatal(err)
	}
	if string(twice) != string(once) {
		t.Errorf("recording again changed the file:\n%s", twice)
	}
	r, _ = Read("rounds/2025.yaml", twice)
	if r == nil || r.Owners[0].ExtensionRequests[0].To != "2026" || r.Owners[0].RepliedOn != civil.New(2025, 1, 20) {
		t.Errorf("read back %+v", r)
	}
}

// A round file that is not what round open writes gets findings with
// their line, and no round.
func TestReadFindings(t *testing.T) {
	for _, c := range []struct{ name, file, want string }{
		{"unknown key", "round: q1\nopened_on: 2025-01-06\ndue: 2025-01-31\nprogress: append\nowners: []\nextra: 1\n", "rounds/q1.yaml:1:1: "},
		{"bad mode", "round: q1\nopened_on: 2025-01-06\ndue: 2025-01-31\nprogress: merge\nowners: []\n", "rounds/q1.yaml:4:11: "},
		{"file name", "round: q2\nopened_on: 2025-01-06\ndue: 2025-01-31\nprogress: append\nowners: []\n", `the round is named "q2" but its file is q1.yaml`},
		{"not a day", "round: q1\nopened_on: 2025-02-30\ndue: 2025-01-31\nprogress: append\nowners: []\n", "not a calendar day"},
		{"sent twice", "round: q1\nopened_on: 2025-01-06\ndue: 2025-01-31\nprogress: append\nowners:\n  - owner: A\n    language: en\n    form: q1-a\n    sent:\n      - id: E/R1.1\n        digest: 0123456789abcdef\n  - owner: B\n    language: en\n    form: q1-b\n    sent:\n      - id: E/R1.1\n        digest: 0123456789abcdef\n", "rounds/q1.yaml:12:12: error: E/R1.1 was sent to A and to B"},
		{"not yaml", "round: [\n", "rounds/q1.yaml:"},
	} {
		r, fs := Read("rounds/q1.yaml", []byte(c.file))
		var got []string
		for _, f := range fs {
			got = append(got, f.File+":"+strconv.Itoa(f.Line)+":"+strconv.Itoa(f.Col)+": "+f.Severity.String()+": "+f.Message)
		}
		if r != nil || !strings.Contains(strings.Join(got, "\n"), c.want) {
			t.Errorf("%s: round %v, findings\n%s\nwant %q", c.name, r, strings.Join(got, "\n"), c.want)
		}
	}
}
