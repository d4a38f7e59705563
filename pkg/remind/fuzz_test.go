package remind

import (
	"bytes"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/owners"
)

// Whatever the names and titles hold, a message has exactly its nine
// headers, its subject decodes to the digest's, and its body decodes back
// to the Markdown.
func FuzzEML(f *testing.F) {
	f.Add("Relations extérieures", "Bureau de l'évaluation", "Stratégie", "fr")
	f.Add("A\r\nBcc: evil@example.org", "O\nX-Evil: 1", "T\r\n.\r\n", "en")
	f.Add(strings.Repeat("é", 80), "=?UTF-8?q?x?=", strings.Repeat("a ", 100), "fr")
	f.Fuzz(func(t *testing.T, owner, officeName, title, lang string) {
		d := digest()
		d.Owner, d.Language, d.Overdue[0].Title = owner, lang, title
		office := owners.Office{Name: officeName, Email: "evaluation@example.org"}
		raw, err := d.EML(office)
		if err != nil {
			t.Fatal(err)
		}
		m, err := mail.ReadMessage(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("%v\n%s", err, raw)
		}
		if len(m.Header) != 9 {
			t.Fatalf("%d headers: %v", len(m.Header), m.Header)
		}
		to, err := m.Header.AddressList("To")
		if err != nil || len(to) != len(d.Emails) || to[0].Address != d.Emails[0] {
			t.Fatalf("To %v, %v", to, err)
		}
		if want := strings.ToValidUTF8(oneLine(owner), "\uFFFD"); to[0].Name != want {
			t.Fatalf("To names %q, want %q", to[0].Name, want)
		}
		subject, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
		if err != nil {
			t.Fatal(err)
		}
		if want := d.Subject(); subject != want && strings.ToValidUTF8(want, "\uFFFD") == want {
			t.Fatalf("subject %q, want %q", subject, want)
		}
		body, err := io.ReadAll(quotedprintable.NewReader(m.Body))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.ReplaceAll(string(body), "\r\n", "\n"); got != strings.ReplaceAll(d.Markdown(office), "\r\n", "\n") {
			t.Fatalf("body\n%q\nwant\n%q", got, d.Markdown(office))
		}
	})
}
