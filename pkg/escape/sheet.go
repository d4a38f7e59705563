package escape

// Cell is a spreadsheet cell (CSV now, any later spreadsheet mrtrack
// writes). Control characters are written visibly as Text does (line
// breaks and tabs kept: a cell may hold a multi-line comment). A cell that
// a spreadsheet would take for a formula, one starting with =, +, -, @,
// tab or carriage return (OWASP, "CSV Injection"), gets a leading single
// quote, which spreadsheets read as "this is text" — unless it is a plain
// number ("-30", "+181", "0.5000"): a number is never a formula, and the
// days and rates mrtrack writes must stay numbers. Dates and ids start
// with a digit or a letter and are never touched.
func Cell(s string) string {
	s = Text(s)
	if s == "" || isNumber(s) {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// isNumber reports a plain decimal number: an optional sign, digits, and
// an optional fraction.
func isNumber(s string) bool {
	if s[0] == '+' || s[0] == '-' {
		s = s[1:]
	}
	digits, dot := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot && digits > 0 && i < len(s)-1:
			dot = true
		default:
			return false
		}
	}
	return digits > 0
}
