package remind

import (
	"bytes"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/owners"
)

var office = owners.Office{Name: "Bureau de l'évaluation", Email: "evaluation@example.org"}

func day(s string) civil.Date {
	d, err := civil.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

func digest() Digest {
	return Digest{
		Owner: "Relations extérieures", Listed: true, Language: "fr",
		Emails: []string{"rex@example.org", "rapports@example.org"},
		AsOf:   day("2025-01-01"), Until: day("2025-01-31"),
		Overdue: []Item{{ID: "EVO-1/R1.6", Title: "Stratégie de mobilisation", Status: model.NotStarted, Due: "2024-12-31", Days: 1},
			{ID: "EVO-1/R6.3", Title: "Suivi des mouvements", Status: model.InProgress, Due: "2024-06-30", Step: "R6.3.2", Days: 185}},
		DueSoon: []Item{{ID: "EVO-1/R3.1", Title: "Enregistrement", Status: model.InProgress, Due: "2025-01-01", Days: 0}},
	}
}

func TestMarkdown(t *testing.T) {
	want := `# Rappel pour Relations extérieures

Au 2025-01-01 : 2 actions en retard et 1 action à échéance d'ici le 2025-01-31.

## En retard

- EVO-1/R1.6, échéance 2024-12-31, 1 jour de retard (non commencé) : Stratégie de mobilisation
- EVO-1/R6.3, étape R6.3.2, échéance 2024-06-30, 185 jours de retard (en cours) : Suivi des mouvements

## À échéance d'ici le 2025-01-31

- EVO-1/R3.1, échéance 2025-01-01, échéance aujourd'hui (en cours) : Enregistrement

Merci d'envoyer l'avancement de chacune de ces actions à Bureau de l'évaluation (evaluation@example.org).
`
	if got := digest().Markdown(office); got != want {
		t.Errorf("Markdown:\n%s\nwant\n%s", got, want)
	}
	d := digest()
	d.Language, d.Overdue = "en", d.Overdue[:1]
	d.DueSoon[0].Days, d.Overdue[0].Title = 14, "<b>Strategy</b>\nin two lines"
	want = `# Reminder for Relations extérieures

As of 2025-01-01: 1 action overdue and 1 action falling due by 2025-01-31.

## Overdue

- EVO-1/R1.6, due 2024-12-31, 1 day overdue (not started): &lt;b>Strategy&lt;/b> in two lines

## Falling due by 2025-01-31

- EVO-1/R3.1, due 2025-01-01, in 14 days (in progress): Enregistrement
`
	if got := d.Markdown(owners.Office{}); got != want {
		t.Errorf("Markdown, English, no office:\n%s\nwant\n%s", got, want)
	}
}

// The message parses as RFC 5322 with MIME, every header decodes to what
// was meant, and the body decodes back to the Markdown exactly.
func TestEML(t *testing.T) {
	d := digest()
	raw, err := d.EML(office)
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(raw), "\r\n") {
		if strings.ContainsAny(line, "\r\n") {
			t.Fatalf("line %d has a bare CR or LF: %q", i+1, line)
		}
		if len(line) > 998 {
			t.Fatalf("line %d is over 998 characters", i+1)
		}
	}
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	dec := new(mime.WordDecoder)
	subject, err := dec.DecodeHeader(m.Header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Rappel pour Relations extérieures : 2 actions en retard et 1 action à échéance d'ici le 2025-01-31"; subject != want {
		t.Errorf("Subject = %q, want %q", subject, want)
	}
	if !strings.HasPrefix(m.Header.Get("Subject"), "=?UTF-8?q?") {
		t.Errorf("Subject is not RFC 2047-encoded: %q", m.Header.Get("Subject"))
	}
	from, err := m.Header.AddressList("From")
	if err != nil || len(from) != 1 || from[0].Name != "Bureau de l'évaluation" || from[0].Address != "evaluation@example.org" {
		t.Errorf("From = %v, %v", from, err)
	}
	to, err := m.Header.AddressList("To")
	if err != nil || len(to) != 2 || to[0].Address != "rex@example.org" || to[1].Address != "rapports@example.org" || to[0].Name != "Relations extérieures" {
		t.Errorf("To = %v, %v", to, err)
	}
	date, err := m.Header.Date()
	if err != nil || !date.Equal(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Date = %v, %v", date, err)
	}
	for k, want := range map[string]string{
		"MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "quoted-printable",
		"Message-Id": "<mrtrack.remind.2025-01-01.", "Auto-Submitted": "auto-generated",
	} {
		if got := m.Header.Get(k); !strings.HasPrefix(got, want) {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	media, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil || media != "text/plain" || params["charset"] != "UTF-8" {
		t.Errorf("Content-Type: %s %v %v", media, params, err)
	}
	body, err := io.ReadAll(quotedprintable.NewReader(m.Body))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.ReplaceAll(string(body), "\r\n", "\n"), d.Markdown(office); got != want {
		t.Errorf("body decodes to\n%s\nwant\n%s", got, want)
	}
	again, _ := d.EML(office)
	if !bytes.Equal(again, raw) {
		t.Error("the same digest made another message: the Message-ID or the bytes are not deterministic")
	}
	other := digest()
	other.Owner = "Protection"
	o, _ := other.EML(office)
	mo, _ := mail.ReadMessage(bytes.NewReader(o))
	if mo.Header.Get("Message-Id") == m.Header.Get("Message-Id") {
		t.Error("two owners' messages share a Message-ID")
	}
}

// No value from the data can add a header: a name with a line break is
// encoded or flattened, an address with one is refused.
func TestEMLHeaderInjection(t *testing.T) {
	d := digest()
	d.Owner = "Relations\r\nBcc: evil@example.org"
	raw, err := d.EML(owners.Office{Name: "Office\nBcc: evil@example.org", Email: "evaluation@example.org"})
	if err != nil {
		t.Fatal(err)
	}
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Header) != 9 || m.Header.Get("Bcc") != "" {
		t.Errorf("headers: %v", m.Header)
	}
	d.Emails = []string{"rex@example.org\r\nBcc: evil@example.org"}
	if _, err := d.EML(office); err == nil || !strings.Contains(err.Error(), "not a plain email address") {
		t.Errorf("an address with a line break: err = %v", err)
	}
	d.Emails = nil
	if _, err := d.EML(office); err != ErrNoEmails {
		t.Errorf("no emails: err = %v", err)
	}
	d.Emails = []string{"a@example.org"}
	if _, err := d.EML(owners.Office{Name: "Office"}); err != ErrNoSender {
		t.Errorf("no sender: err = %v", err)
	}
}

func TestDigests(t *testing.T) {
	e := &model.Evaluation{ID: "EVO-1"}
	r := &model.Recommendation{Number: 1, Evaluation: e}
	due := func(s string) model.Due {
		d, err := model.ParseDue(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	add := func(owner, d string, status model.Status) {
		a := &model.Action{Tracking: model.Tracking{Number: len(r.Actions) + 1, Title: "A" + owner, Due: due(d), Status: status}, Owner: owner, Recommendation: r}
		r.Actions = append(r.Actions, a)
	}
	add("Protection", "2024-12-31", model.NotStarted)         // 1 day overdue
	add("protection", "2024-11", model.InProgress)            // 32 days overdue (2024-11-30): the same owner
	add("Protection", "2025-01-20", model.InProgress)         // falls due in 19 days
	add("Protection", "2025-03-31", model.InProgress)         // after the window
	add("Protection", "2024-06-30", model.Completed)          // closed
	add("Relations extérieures", "2024-12-01", model.Ongoing) // ongoing: never overdue
	add("Human Resources", "2025-01-31", model.NotStarted)    // the window's last day
	add("Logistics", "continuous", model.InProgress)          // undated
	e.Recommendations = []*model.Recommendation{r}
	list, fs := owners.Parse("owners.yaml", []byte(owners.Modeline+"\nowners:\n  - name: PROTECTION\n    emails: [p@example.org]\n    language: fr\n"))
	if list == nil {
		t.Fatal(fs)
	}
	ds := Digests([]*model.Evaluation{e}, Options{Today: day("2025-01-01"), Until: day("2025-01-31"), Owners: list})
	var got []string
	for _, d := range ds {
		line := d.Owner + " " + d.Language + " " + strings.Join(d.Emails, ",") + ":"
		for _, it := range d.Overdue {
			line += " late " + it.ID + "/" + it.Due + "/" + itoa(it.Days)
		}
		for _, it := range d.DueSoon {
			line += " soon " + it.ID + "/" + it.Due + "/" + itoa(it.Days)
		}
		got = append(got, line)
	}
	want := []string{
		"Human Resources en : soon EVO-1/R1.7/2025-01-31/30",
		"PROTECTION fr p@example.org: late EVO-1/R1.2/2024-11/32 late EVO-1/R1.1/2024-12-31/1 soon EVO-1/R1.3/2025-01-20/19",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Digests:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if ds := Digests([]*model.Evaluation{e}, Options{Today: day("2025-01-01"), Until: day("2025-01-31"), Only: []string{"human"}}); len(ds) != 1 || ds[0].Owner != "Human Resources" {
		t.Errorf("Only human: %+v", ds)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
