package importer

import (
	"fmt"
	"io"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/escape"
	"github.com/mrtrack/mrtrack/pkg/termtext"
)

// ReportFile is the import report's name in the evaluation's folder.
const ReportFile = "IMPORT.md"

// Report is IMPORT.md: what import wrote from which file, then each note,
// those that need a person first, with its place in the source and the
// source's text quoted, so a reviewer can check the records against the
// file in the pull request that adds them. Everything from the source is
// escaped for Markdown: a cell cannot add HTML or links to the page.
func Report(d *Draft, source string, files []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Import of %s\n\n", inline(source))
	fmt.Fprintf(&b, "`mrtrack import` wrote %s of evaluation %s from %s: %s.\n\n",
		termtext.Plural(len(files), "record file"), inline(d.ID), inline(source), inline(strings.Join(files, ", ")))
	b.WriteString("Each note below is a judgment call import made, or a value it could not\n" +
		"read, with where it is in the source and the source's text, so the records\n" +
		"can be checked against the file. Correct the records, not this report: it\n" +
		"stays as the account of how they were made.\n")
	review, calls := split(d.Notes)
	if len(review) > 0 {
		fmt.Fprintf(&b, "\n## To review (%d)\n\n", len(review))
		b.WriteString("The records are not right until a person has dealt with these.\n\n")
		for _, n := range review {
			writeNote(&b, n, "- [ ] ")
		}
	}
	if len(calls) > 0 {
		fmt.Fprintf(&b, "\n## Judgment calls (%d)\n\n", len(calls))
		for _, n := range calls {
			writeNote(&b, n, "- ")
		}
	}
	if len(d.Notes) == 0 {
		b.WriteString("\nImport made no judgment call: every value was read as written.\n")
	}
	return b.String()
}

func split(notes []Note) (review, calls []Note) {
	for _, n := range notes {
		if n.Review {
			review = append(review, n)
		} else {
			calls = append(calls, n)
		}
	}
	return review, calls
}

func writeNote(b *strings.Builder, n Note, bullet string) {
	fmt.Fprintf(b, "%s**%s** (%s): %s.\n", bullet, inline(n.Field), inline(n.At.String()), inline(n.Message))
	if n.Raw == "" {
		return
	}
	for line := range strings.SplitSeq(n.Raw, "\n") {
		if line = strings.TrimRight(line, " \t"); line == "" {
			b.WriteString("  >\n")
		} else {
			b.WriteString("  > " + escape.Markdown(line) + "\n")
		}
	}
}

// inline is text from the source (a sheet's name, a header) for a line of
// Markdown: escaped as escape.Markdown does, its Markdown punctuation too,
// so it reads as written and a name such as *Actions* stays a name.
func inline(s string) string {
	return mdPunct.Replace(escape.Markdown(strings.Join(strings.Fields(s), " ")))
}

var mdPunct = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "|", `\|`)

// maxRaw is how much of a note's source text the terminal shows: enough
// to recognise it; IMPORT.md holds all of it.
const maxRaw = 60

// WriteNotes prints the notes for a terminal, one line each, those that
// need a person marked "review:"; what came from the source is escaped.
func WriteNotes(w io.Writer, notes []Note) {
	for _, n := range notes {
		mark := ""
		if n.Review {
			mark = "review: "
		}
		line := fmt.Sprintf("%s: %s%s: %s", n.At, mark, n.Field, n.Message)
		if n.Raw != "" {
			line += fmt.Sprintf(" (source: %q)", termtext.Shorten(strings.Join(strings.Fields(n.Raw), " "), maxRaw, ""))
		}
		fmt.Fprintln(w, escape.Line(line))
	}
}
