package escape

import "testing"

func TestLine(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain text", "plain text"},
		{"Développer – œuvre", "Développer – œuvre"},
		{"a\nb\r\tc", `a\nb\r\tc`},
		{"\x1b[31mRED\x1b]0;pwned\a", `\x1b[31mRED\x1b]0;pwned\x07`},
		{"\u009b31m \u0085", `\u009b31m \u0085`},
		{"ab\u202ecd\u2066\u2028", `ab\u202ecd\u2066\u2028`},
		{"bad \xff byte", `bad \xff byte`},
		{"del\x7f", `del\x7f`},
		{"::error file=a::x", `\x3a:error file=a::x`},
		{"  \u00a0::stop-commands::t", "  \u00a0" + `\x3a:stop-commands::t`},
		{"a ::b", "a ::b"},
		{"x ##[error]y", `x ##\x5berror]y`},
		{"x\n::error::INJ", `x\n::error::INJ`},
	} {
		if got := Line(c.in); got != c.want {
			t.Errorf("Line(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"one\ntwo\tthree", "one\ntwo\tthree"},
		{"one\r\ntwo", `one\r` + "\ntwo"},
		{"x\n::error::INJ\n  ::warning::y", "x\n" + `\x3a:error::INJ` + "\n  " + `\x3a:warning::y`},
		{"\x1b[2J", `\x1b[2J`},
	} {
		if got := Text(c.in); got != c.want {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCommand(t *testing.T) {
	if got, want := CommandData("50% done\nat $.x\r"), `50%25 done%0Aat $.x\r`; got != want {
		t.Errorf("CommandData = %q, want %q", got, want)
	}
	if got, want := CommandProperty("a:b,c\nd"), `a%3Ab%2Cc\nd`; got != want {
		t.Errorf("CommandProperty = %q, want %q", got, want)
	}
}

func TestCell(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"Done.", "Done."},
		{"=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"},
		{"+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"},
		{"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", `\r=1`},
		{"- item one\n- item two", "'- item one\n- item two"},
		{"-", "'-"},
		{"-30", "-30"},
		{"+181", "+181"},
		{"0.5000", "0.5000"},
		{"-0.25", "-0.25"},
		{"-1.", "'-1."},
		{"2025-06-30", "2025-06-30"},
		{"EVO-2024-03", "EVO-2024-03"},
		{"a=b", "a=b"},
		{"\x1b[31m", `\x1b[31m`},
	} {
		if got := Cell(c.in); got != c.want {
			t.Errorf("Cell(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMarkdown(t *testing.T) {
	if got, want := Markdown("<script>alert(1)</script> & *kept* > quote"), "&lt;script>alert(1)&lt;/script> &amp; *kept* > quote"; got != want {
		t.Errorf("Markdown = %q, want %q", got, want)
	}
	if got, want := MarkdownCell("a | b <i>"), `a \| b &lt;i>`; got != want {
		t.Errorf("MarkdownCell = %q, want %q", got, want)
	}
}

func BenchmarkLinePlain(b *testing.B) {
	s := "data/EVO-2024-03/rec-01.yaml: Renforcer le plaidoyer auprès des bailleurs"
	b.ReportAllocs()
	for b.Loop() {
		Line(s)
	}
}

func TestJSON(t *testing.T) {
	in := []byte("{\"a\": \"x\u009by\u202ez é\"}\n")
	if got, want := string(JSON(in)), `{"a": "x\u009by\u202ez é"}`+"\n"; got != want {
		t.Errorf("JSON = %q, want %q", got, want)
	}
	plain := []byte(`{"a": "é"}`)
	if got := JSON(plain); &got[0] != &plain[0] {
		t.Error("JSON copied output that needed nothing")
	}
}
