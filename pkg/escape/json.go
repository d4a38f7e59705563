package escape

import "unicode/utf8"

// JSON rewrites encoded JSON so it is also safe to print: encoding/json
// escapes C0 controls and U+2028/U+2029 but writes C1 controls and the
// bidirectional overrides as they are, which a terminal showing the
// output would act on. Outside strings JSON is ASCII, so each such
// character is in a string, where \uXXXX means the same character: the
// value a program reads is unchanged.
func JSON(b []byte) []byte {
	if !hasUnsafe(b) {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if unsafeRune(r) {
			out = append(out, `\u`+hex2(byte(r>>8))+hex2(byte(r))...)
		} else {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}

// hasUnsafe looks for the lead bytes of the characters JSON rewrites:
// C1 controls are C2 80-9F, the separators and bidi controls E2 80/81 xx.
func hasUnsafe(b []byte) bool {
	for i := 0; i < len(b); i++ {
		if c := b[i]; c == 0xc2 || c == 0xe2 {
			if r, _ := utf8.DecodeRune(b[i:]); unsafeRune(r) {
				return true
			}
		}
	}
	return false
}
