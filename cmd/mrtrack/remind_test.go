package main

import (
	"io"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/owners"
)

// Every message remind writes parses as RFC 5322 with net/mail, is
// addressed as owners.yaml says, and decodes (RFC 2047 subject, quoted-
// printable UTF-8 body) back to exactly the Markdown digest remind writes
// for the same owner.
func TestRemindMessagesDecode(t *testing.T) {
	dir := bundled(t)
	fixture, err := os.ReadFile(filepath.Join(repoRoot, "testdata", "owners", "mali.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "data", "owners.yaml"), fixture, 0o644); err != nil {
		t.Fatal(err)
	}
	list, fs := owners.Parse("owners.yaml", fixture)
	if list == nil {
		t.Fatal(fs)
	}
	for _, day := range []string{"2025-01-01", "2026-11-28"} {
		if _, code := run(t, dir, "remind", "--as-of", day, "-o", "eml", "--out", "eml/"+day); code != 0 {
			t.Fatalf("remind -o eml: exit %d", code)
		}
		if _, code := run(t, dir, "remind", "--as-of", day, "--out", "md/"+day); code != 0 {
			t.Fatalf("remind --out: exit %d", code)
		}
		emls, _ := filepath.Glob(filepath.Join(dir, "eml", day, "*.eml"))
		if len(emls) < 5 {
			t.Fatalf("%s: only %d messages", day, len(emls))
		}
		for _, path := range emls {
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			m, err := mail.ReadMessage(f)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			subject, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
			if err != nil {
				t.Fatalf("%s: subject: %v", path, err)
			}
			to, err := m.Header.AddressList("To")
			if err != nil {
				t.Fatalf("%s: To: %v", path, err)
			}
			owner, ok := list.Lookup(to[0].Name)
			if !ok {
				t.Fatalf("%s: To names %q, not an owner", path, to[0].Name)
			}
			var addrs []string
			for _, a := range to {
				addrs = append(addrs, a.Address)
			}
			if !slices.Equal(addrs, owner.Emails) {
				t.Errorf("%s: To %v, owners.yaml says %v", path, addrs, owner.Emails)
			}
			if !strings.Contains(subject, owner.Name) {
				t.Errorf("%s: subject %q does not name %s", path, subject, owner.Name)
			}
			body, err := io.ReadAll(quotedprintable.NewReader(m.Body))
			f.Close()
			if err != nil {
				t.Fatalf("%s: body: %v", path, err)
			}
			md, err := os.ReadFile(filepath.Join(dir, "md", day, strings.TrimSuffix(filepath.Base(path), ".eml")+".md"))
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.ReplaceAll(string(body), "\r\n", "\n"); got != string(md) {
				t.Errorf("%s decodes to\n%s\nremind's Markdown is\n%s", path, got, md)
			}
			if !strings.HasPrefix(string(md), "# "+subject[:strings.Index(subject, owner.Name)+len(owner.Name)]) {
				t.Errorf("%s: the heading is not the subject's start: %q", path, subject)
			}
		}
	}
}
