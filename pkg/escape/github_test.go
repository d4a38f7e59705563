package escape

import (
	"strings"
	"testing"
)

// unescape undoes the percent escaping as the Actions runner does
// (ActionCommand.cs in actions/runner: each mapping replaced back in
// turn, % last).
func unescape(s string, property bool) string {
	for _, m := range [][2]string{{"\r", "%0D"}, {"\n", "%0A"}, {":", "%3A"}, {",", "%2C"}, {"%", "%25"}} {
		if !property && (m[0] == ":" || m[0] == ",") {
			continue
		}
		s = strings.ReplaceAll(s, m[1], m[0])
	}
	return s
}

func TestPercentEscapers(t *testing.T) {
	tests := []struct {
		in, data, property string
	}{
		{"plain text", "plain text", "plain text"},
		{"100%", "100%25", "100%25"},
		{"a\nb", "a%0Ab", "a%0Ab"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"key: value, more", "key: value, more", "key%3A value%2C more"},
		// Text that looks like an escape must come back as itself.
		{"%0A and %25", "%250A and %2525", "%250A and %2525"},
		{"::error file=x::y", "::error file=x::y", "%3A%3Aerror file=x%3A%3Ay"},
		{"data/a,b:c%/rec-01.yaml", "data/a,b:c%25/rec-01.yaml", "data/a%2Cb%3Ac%25/rec-01.yaml"},
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := dataEscaper.Replace(tt.in); got != tt.data {
			t.Errorf("dataEscaper.Replace(%q) = %q, want %q", tt.in, got, tt.data)
		}
		if got := propertyEscaper.Replace(tt.in); got != tt.property {
			t.Errorf("propertyEscaper.Replace(%q) = %q, want %q", tt.in, got, tt.property)
		}
		if back := unescape(dataEscaper.Replace(tt.in), false); back != tt.in {
			t.Errorf("data %q does not survive: came back as %q", tt.in, back)
		}
		if back := unescape(propertyEscaper.Replace(tt.in), true); back != tt.in {
			t.Errorf("property %q does not survive: came back as %q", tt.in, back)
		}
	}
}
