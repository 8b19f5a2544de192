package store

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// CleanText makes text from outside (an import, a flag, a form) safe to
// store and to show in a terminal: invalid UTF-8 is repaired, escape
// sequences are removed, and every other control character is dropped,
// except newlines and tabs when multiline is set (which become line breaks
// and spaces otherwise). Carriage returns are dropped.
func CleanText(s string, multiline bool) string {
	if isPlain(s, multiline) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = ansi.Strip(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' && multiline, r == '\t' && multiline:
			b.WriteRune(r)
		case r == '\n', r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r), r == '\u2028', r == '\u2029', unicode.In(r, unicode.Bidi_Control):
			// dropped: bidi overrides can disguise text too
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isPlain reports whether s is valid UTF-8 with no control characters
// CleanText would change, the common case, checked without allocating.
func isPlain(s string, multiline bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f {
			if multiline && (c == '\n' || c == '\t') {
				continue
			}
			return false
		}
		if c >= 0x80 {
			return plainRunes(s[i:])
		}
	}
	return true
}

// plainRunes reports whether s holds only valid, printable runes (any
// control, even an allowed one, sends the caller down the slow path).
func plainRunes(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || unicode.In(r, unicode.Bidi_Control) {
			return false
		}
	}
	return true
}

// AppendLower appends s lower-cased as strings.ToLower does it (invalid
// UTF-8 becomes U+FFFD) to dst, without allocating when dst has room: the
// one lower-casing of kith's scans over every friend (the TUI's name
// order, the policy's count of sectors); what is matched against what was
// typed is folded instead (AppendFold). strings.ToLower allocates for
// any text with a capital: with it the TUI's name order of 100,000
// friends took 29-39 ms against 17-24, and its filter index 89-106 ms
// against 68-80 (BenchmarkDataset, BenchmarkIndex).
func AppendLower[S ~string | ~[]byte](dst []byte, s S) []byte {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		var b [utf8.UTFMax]byte
		r, n := utf8.DecodeRune(b[:copy(b[:], s[i:])])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += n
	}
	return dst
}
