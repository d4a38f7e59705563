package ydoc

import (
	"bytes"
	"strings"
)

// yaml.v3 places some syntax errors where the trouble is noticed, not
// where it is: a tab in the indentation is reported on the line before
// it, and an indentation that breaks a block ("did not find expected key",
// "... expected '-' indicator") at the line that opened the block, often
// many lines up. realLine finds the line a person has to fix, from the
// reported line on, and its column; ok is false when it finds none and the
// report should stand.
func realLine(msg string, data []byte, reported int) (line, col int, ok bool) {
	lines := strings.Split(string(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))), "\n")
	switch {
	case strings.Contains(msg, "tab character"):
		return tabLine(lines, reported)
	case strings.Contains(msg, "did not find expected key"), strings.Contains(msg, "did not find expected '-' indicator"):
		return brokenIndent(lines, reported)
	}
	return 0, 0, false
}

// tabLine is the first line from reported on whose indentation holds a
// tab, and the column of that tab.
func tabLine(lines []string, reported int) (int, int, bool) {
	for i := max(reported-1, 0); i < len(lines); i++ {
		l := lines[i]
		indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if j := strings.IndexByte(indent, '\t'); j >= 0 {
			return i + 1, j + 1, true
		}
	}
	return 0, 0, false
}

// level is an indentation open at some point of a block: the column of a
// key (key) or of a sequence's "- " (dash), or both when a sequence sits
// at its parent key's indentation.
type level struct {
	indent    int
	key, dash bool
}

// brokenIndent walks the file's block structure by indentation alone and
// returns the first line at or after reported whose indentation matches
// no open block: a dedent to a column nothing opened, or a key where a
// sequence expects "- ". Block scalars, comments and continuation lines
// of plain scalars are skipped; flow collections are not followed, so a
// file that uses them may find nothing (the report then stands).
func brokenIndent(lines []string, reported int) (int, int, bool) {
	var stack []level
	opens := false    // the previous line ends in ':' or '-': a block follows
	scalarAbove := -1 // the indentation of the key of a block scalar being skipped
	for i, l := range lines {
		body := strings.TrimLeft(l, " ")
		indent := len(l) - len(body)
		if body == "" || strings.HasPrefix(body, "#") || body == "---" || body == "..." {
			continue
		}
		if scalarAbove >= 0 {
			if indent > scalarAbove {
				continue
			}
			scalarAbove = -1
		}
		dash := body == "-" || strings.HasPrefix(body, "- ")
		top := -1
		if len(stack) > 0 {
			top = stack[len(stack)-1].indent
		}
		switch {
		case indent > top:
			if top >= 0 && !opens {
				continue // a plain scalar's continuation
			}
			stack = append(stack, level{indent: indent})
		case indent == top && opens && dash:
			// a sequence at its key's indentation: "actions:\n- ..."
		default:
			for len(stack) > 0 && stack[len(stack)-1].indent > indent {
				stack = stack[:len(stack)-1]
			}
			if len(stack) == 0 || stack[len(stack)-1].indent != indent ||
				(stack[len(stack)-1].dash && !stack[len(stack)-1].key && !dash) {
				if i+1 >= reported {
					return i + 1, indent + 1, true
				}
				stack = append(stack, level{indent: indent}) // tolerate what yaml.v3 let through
			}
		}
		cur := &stack[len(stack)-1]
		if dash {
			cur.dash = true
		} else {
			cur.key = true
		}
		// "- key: value" opens a mapping at the column after the dash.
		for dash {
			body = strings.TrimLeft(body[1:], " ")
			indent = len(l) - len(body)
			dash = body == "-" || strings.HasPrefix(body, "- ")
			if body != "" {
				stack = append(stack, level{indent: indent, key: !dash, dash: dash})
			}
		}
		value := strings.TrimSpace(stripComment(body))
		opens = value == "" || strings.HasSuffix(value, ":") || value == "-"
		if isBlockScalar(value) {
			scalarAbove = stack[len(stack)-1].indent
			if dashed := strings.TrimLeft(l, " "); strings.HasPrefix(dashed, "-") {
				scalarAbove = len(l) - len(dashed)
			}
			opens = false
		}
	}
	return 0, 0, false
}

// isBlockScalar reports whether a line's value starts a literal or folded
// block scalar: "key: |", "key: >-", "- |2".
func isBlockScalar(value string) bool {
	j := strings.LastIndex(value, " ")
	tail := value[j+1:]
	if tail == "" || (tail[0] != '|' && tail[0] != '>') {
		return false
	}
	return strings.Trim(tail[1:], "+-0123456789") == ""
}

// stripComment drops a trailing " # comment" outside quotes; good enough
// to tell whether a line ends in ':'.
func stripComment(s string) string {
	quote := byte(0)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#' && i > 0 && s[i-1] == ' ':
			return s[:i]
		}
	}
	return s
}
