package printers

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/escape"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/load"
)

// GitHub writes GitHub Actions workflow commands: one ::error or ::warning
// per finding, which GitHub shows as an annotation on the file and line
// (in a pull request, on the changed line), grouped per file. GitHub shows
// only the first few annotations of each kind per step, so the findings
// follow as text with the summary, and the log keeps them all. Nothing
// from the data can start a command of its own: the annotations are
// escaped for the runner, and the text is one line per finding with no
// line that the runner reads as a command (package escape).
type GitHub struct{}

// Write implements Writer.
func (GitHub) Write(w io.Writer, fs []finding.Finding, st load.Stats) error {
	for i := 0; i < len(fs); {
		j := i + 1
		for j < len(fs) && fs[j].File == fs[i].File {
			j++
		}
		fmt.Fprintf(w, "::group::%s\n", escape.CommandData(escape.Line(fs[i].File)))
		for _, f := range fs[i:j] {
			fmt.Fprintln(w, Annotation(f))
		}
		fmt.Fprintln(w, "::endgroup::")
		i = j
	}
	return Text{}.Write(w, fs, st)
}

// Annotation returns the workflow command for one finding:
// ::error file=P,line=L,col=C,title=RULE::MESSAGE.
func Annotation(f finding.Finding) string {
	props := []string{"file=" + escape.CommandProperty(f.File)}
	if f.Line > 0 {
		props = append(props, "line="+strconv.Itoa(f.Line))
		if f.Col > 0 {
			props = append(props, "col="+strconv.Itoa(f.Col))
		}
	}
	props = append(props, "title="+escape.CommandProperty(f.Rule))
	return "::" + f.Severity.String() + " " + strings.Join(props, ",") + "::" + escape.CommandData(longMessage(visibleFinding(f)))
}
