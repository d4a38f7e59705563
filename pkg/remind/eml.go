package remind

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"time"

	"github.com/mrtrack/mrtrack/pkg/owners"
	"github.com/mrtrack/mrtrack/pkg/query"
)

// ErrNoEmails: the owner has no address to send to.
var ErrNoEmails = errors.New("no emails")

// ErrNoSender: a message needs the office's address for its From header.
var ErrNoSender = errors.New("owners.yaml gives no office.email: a message needs a From address")

// address is the header form of name <email>. A name that is not printable ASCII
// goes in a base64 encoded word: the Q form net/mail writes leaves a
// backslash raw, and readers (net/mail among them) then refuse the header.
func address(name, email string) string {
	name = strings.ToValidUTF8(oneLine(name), "\uFFFD")
	for i := 0; i < len(name); i++ {
		if name[i] < ' ' || name[i] > '~' {
			return mime.BEncoding.Encode("UTF-8", name) + " <" + email + ">"
		}
	}
	return (&mail.Address{Name: name, Address: email}).String()
}

// EML writes the digest as a message ready to send (RFC 5322, MIME): From
// the office, To the owner's addresses, dated on the digest's day, a
// subject in RFC 2047 encoded words when it is not ASCII, and the Markdown
// as a UTF-8 text/plain body in quoted-printable, with CRLF line ends.
// The Message-ID is derived from the owner and the day, so the same
// reminder written twice is the same message. Every header value is
// checked to hold no line break, so nothing in the data can add a header.
func (d Digest) EML(office owners.Office) ([]byte, error) {
	if len(d.Emails) == 0 {
		return nil, ErrNoEmails
	}
	if office.Email == "" {
		return nil, ErrNoSender
	}
	from := address(office.Name, office.Email)
	to := make([]string, len(d.Emails))
	for i, e := range append([]string{office.Email}, d.Emails...) {
		if a, err := mail.ParseAddress(e); err != nil || a.Address != e {
			return nil, fmt.Errorf("%q is not a plain email address: refused", e)
		}
		if i > 0 {
			to[i-1] = address(d.Owner, e)
		}
	}
	date := time.Date(d.AsOf.Year, d.AsOf.Month, d.AsOf.Day, 0, 0, 0, 0, time.UTC)
	headers := [][2]string{
		{"From", from},
		{"To", strings.Join(to, ", ")},
		{"Subject", mime.QEncoding.Encode("UTF-8", d.Subject())},
		{"Date", date.Format(time.RFC1123Z)},
		{"Message-ID", messageID(d, office.Email)},
		{"MIME-Version", "1.0"},
		{"Content-Type", "text/plain; charset=UTF-8"},
		{"Content-Transfer-Encoding", "quoted-printable"},
		{"Auto-Submitted", "auto-generated"}, // RFC 3834: no automatic replies
	}
	var b bytes.Buffer
	for _, h := range headers {
		if strings.ContainsAny(h[1], "\r\n") {
			return nil, fmt.Errorf("%s header would hold a line break: refused", h[0])
		}
		b.WriteString(fold(h[0] + ": " + h[1]))
	}
	b.WriteString("\r\n")
	qp := quotedprintable.NewWriter(&b)
	body := strings.ReplaceAll(d.Markdown(office), "\n", "\r\n")
	if _, err := qp.Write([]byte(body)); err != nil {
		return nil, err
	}
	if err := qp.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// messageID is <mrtrack.remind.DAY.HASH@DOMAIN>: the hash of the owner's
// folded name, the domain the office's.
func messageID(d Digest, sender string) string {
	sum := sha256.Sum256([]byte(query.Fold(d.Owner)))
	domain := sender[strings.LastIndexByte(sender, '@')+1:]
	return fmt.Sprintf("<mrtrack.remind.%s.%s@%s>", d.AsOf, hex.EncodeToString(sum[:6]), domain)
}

// fold writes one header line, breaking it before a space where it runs
// past 78 characters, as RFC 5322 (2.2.3) recommends; encoded words and
// addresses are separated by spaces, so every break falls between them.
func fold(line string) string {
	var b strings.Builder
	start := strings.IndexByte(line, ' ') + 1 // never between the name and its value
	for len(line) > 78 {
		i := strings.LastIndexByte(line[:78], ' ')
		if j := strings.LastIndex(line[:78], ", "); j+1 >= start {
			i = j + 1 // between two addresses rather than inside a name
		}
		if i < start {
			i = strings.IndexByte(line[start:], ' ') + start
			if i < start {
				break
			}
		}
		start = 1
		b.WriteString(line[:i] + "\r\n")
		line = line[i:] // the space starts the continuation line
	}
	b.WriteString(line + "\r\n")
	return b.String()
}
