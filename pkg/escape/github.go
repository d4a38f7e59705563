package escape

import "strings"

// CommandData is the message of a GitHub Actions workflow command
// (::error …::MESSAGE), escaped the way the runner unescapes it
// (actions/toolkit, command.ts): a line break stays a line break of the
// annotation, and nothing in it can end the command or start another.
// Other control characters are written visibly, as Text does; what
// follows "::" is not the start of a line, so "::" in it stays.
func CommandData(s string) string {
	return dataEscaper.Replace(visibleOnly(s, true))
}

// CommandProperty is a property value of a workflow command (file=,
// title=), where ':' and ',' would end it; it is one line, its control
// characters written visibly.
func CommandProperty(s string) string {
	return propertyEscaper.Replace(visibleOnly(s, false))
}

// The replacers work in one pass, so the % of an escape is never escaped
// again.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)
