package importer

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// The encodings DecodeText reads a file as.
const (
	UTF8        = "UTF-8"
	UTF16LE     = "UTF-16LE"
	UTF16BE     = "UTF-16BE"
	Windows1252 = "windows-1252"
)

// FromUTF16 returns data as UTF-8 when it is UTF-16, with the encoding it
// was in; otherwise data unchanged and "". UTF-16 is told by its byte
// order mark or, without one (the macOS Address Book writes both), by its
// zero bytes: contact files are mostly ASCII, which UTF-16 writes as one
// zero byte and one non-zero byte, the zero first in big-endian.
func FromUTF16(data []byte) ([]byte, string) {
	var enc string
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		enc, data = UTF16LE, data[2:]
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		enc, data = UTF16BE, data[2:]
	default:
		enc = sniffUTF16(data)
	}
	if enc == "" {
		return data, ""
	}
	units := make([]uint16, len(data)/2)
	for i := range units {
		if enc == UTF16LE {
			units[i] = uint16(data[2*i]) | uint16(data[2*i+1])<<8
		} else {
			units[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		}
	}
	out := make([]byte, 0, len(data)/2+len(data)/8)
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	if len(data)%2 == 1 {
		out = utf8.AppendRune(out, utf8.RuneError)
	}
	return out, enc
}

// sniffUTF16 names the byte order of UTF-16 without a byte order mark,
// or returns "": in the first 512 bytes, at least 3 in 4 characters have
// a zero high byte, and no character has a zero low byte.
func sniffUTF16(data []byte) string {
	n := min(len(data), 512) &^ 1
	if n < 4 {
		return ""
	}
	var even, odd int // zero bytes at even and odd offsets
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	chars := n / 2
	switch {
	case odd*4 >= chars*3 && even == 0:
		return UTF16LE
	case even*4 >= chars*3 && odd == 0:
		return UTF16BE
	}
	return ""
}

// DecodeText returns data as UTF-8 text without a byte order mark, and
// names the encoding it was read as: UTF-16 (see FromUTF16); UTF-8 when
// it is valid UTF-8; else windows-1252, what Outlook, Excel and other
// Windows programs write, and in which every byte is a character (so the
// text is never turned into U+FFFD).
func DecodeText(data []byte) (text []byte, enc string) {
	if out, enc := FromUTF16(data); enc != "" {
		return out, enc
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if utf8.Valid(data) {
		return data, UTF8
	}
	return []byte(FromWindows1252(string(data))), Windows1252
}

// FromWindows1252 decodes s as windows-1252. The five bytes that code page
// leaves undefined become the C1 control characters of the same number,
// as browsers read them (store.CleanText then drops them).
func FromWindows1252(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			b.WriteByte(c)
			continue
		}
		r := charmap.Windows1252.DecodeByte(c)
		if r == utf8.RuneError {
			r = rune(c)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// FixUTF8 returns s unchanged, and false, when it is valid UTF-8; else s
// read as windows-1252, and true.
func FixUTF8(s string) (string, bool) {
	if utf8.ValidString(s) {
		return s, false
	}
	return FromWindows1252(s), true
}

// firstInvalidLine returns the 1-based line of the first byte of data
// that is not valid UTF-8, 0 if none.
func firstInvalidLine(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return bytes.Count(data[:i], []byte("\n")) + 1
		}
		i += n
	}
	return 0
}
