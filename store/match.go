package store

import (
	"bytes"
	"fmt"
	"net/mail"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// This file holds the comparisons every way in shares: text matched
// against what was typed (Fold), an e-mail address (ParseEmail), a
// person's name (NameKey) and an organisation (OrgKey).

// ParseEmail reads one e-mail address as net/mail reads it (RFC 5322) and
// returns the form kith keeps: the bare address, without a display name,
// angle brackets or comment, its local part quoted where RFC 5322 needs
// it. "Ada <ada@x.org>" gives "ada@x.org": the friend's name is kept in
// their name, not in the address. An address holding a character that
// could not be read (U+FFFD) is refused too.
func ParseEmail(s string) (string, error) {
	s = strings.TrimSpace(s)
	if plainEmail(s) {
		// what net/mail gives back for it, without its 46 allocations
		// (a seventh of an import's: BenchmarkImportVCard/100000)
		return s, nil
	}
	a, err := mail.ParseAddress(s)
	if err != nil || strings.ContainsRune(s, utf8.RuneError) {
		return "", fmt.Errorf("%q is not an e-mail address (want one address, e.g. ada@example.org)", s)
	}
	// String quotes the local part where it must be ("a b"@x.org) and
	// wraps the address in angle brackets, since the name is empty.
	out := (&mail.Address{Address: a.Address}).String()
	return strings.TrimSuffix(strings.TrimPrefix(out, "<"), ">"), nil
}

// plainEmail reports whether s is an address net/mail reads as itself
// and writes back unquoted: a dot-atom of letters, digits and . _ + -,
// an @, and a dot-atom of letters, digits and - (TestPlainEmail).
func plainEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	if at <= 0 || at == len(s)-1 {
		return false
	}
	for i, part := range [2]string{s[:at], s[at+1:]} {
		if part[0] == '.' || part[len(part)-1] == '.' || strings.Contains(part, "..") {
			return false
		}
		for j := 0; j < len(part); j++ {
			c := part[j]
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-' || i == 0 && (c == '_' || c == '+')) {
				return false
			}
		}
	}
	return true
}

// NameKey is the form two names are compared in: folded (Fold), with
// punctuation dropped and white space collapsed ("José  O'Neil" and
// "jose oneil" are the same).
func NameKey(s string) string { return string(appendNameKey(nil, s)) }

// appendNameKey appends NameKey(s) to dst: s folded (AppendFoldRune),
// with the punctuation dropped and the white space collapsed.
func appendNameKey(dst []byte, s string) []byte {
	if isASCII(s) {
		return appendASCIIKey(dst, s)
	}
	start, space := len(dst), false
	var buf [8]byte
	for _, r := range s {
		for _, c := range string(AppendFoldRune(buf[:0], r)) {
			switch {
			case unicode.IsLetter(c) || unicode.IsDigit(c):
				if space && len(dst) > start {
					dst = append(dst, ' ')
				}
				space = false
				dst = utf8.AppendRune(dst, c)
			case isKeySpace(c):
				space = true
			default:
				// other punctuation (. ' & …) is dropped
			}
		}
	}
	return dst
}

// appendASCIIKey is appendNameKey for ASCII s, byte by byte: the same
// rules (TestASCIIKeyIsNameKey), at a third of the time, which ranking by
// organisation pays for every friend.
func appendASCIIKey(dst []byte, s string) []byte {
	start, space := len(dst), false
	for i := 0; i < len(s); i++ {
		switch c, class := asciiKey(s[i]); class {
		case keyChar:
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = append(dst, c)
		case keySpace:
			space = true
		}
	}
	return dst
}

// What an ASCII byte is in a key.
const (
	keyDrop  = iota // punctuation: dropped
	keySpace        // separates words
	keyChar         // a letter (lower-cased) or a digit
)

// asciiKey is what the ASCII byte c is in a key, and c lower-cased.
func asciiKey(c byte) (byte, int) {
	switch {
	case 'A' <= c && c <= 'Z':
		return c + 'a' - 'A', keyChar
	case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		return c, keyChar
	case isKeySpace(rune(c)):
		return c, keySpace
	}
	return c, keyDrop
}

// isKeySpace reports whether r separates words in a key.
func isKeySpace(r rune) bool {
	return unicode.IsSpace(r) || r == '-' || r == '_' || r == ',' || r == '/'
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// legalForms are the legal forms a company's name ends in, as NameKey
// writes them ("S.p.A." is "spa"): OrgKey drops them, and SplitName
// (IsLegalForm) tells a company's name by them.
var legalForms = map[string]bool{
	"inc": true, "incorporated": true, "ltd": true, "limited": true, "llc": true, "llp": true, "plc": true,
	"gmbh": true, "ag": true, "sa": true, "srl": true, "spa": true, "sas": true, "sarl": true, "bv": true,
	"nv": true, "corp": true, "corporation": true, "co": true, "company": true, "oy": true, "ab": true,
	"as": true, "pty": true, "kg": true, "ohg": true, "gbr": true, "ug": true, "se": true, "sl": true,
	"lda": true, "kk": true, "sro": true, "zoo": true, "aps": true, "asa": true, "oyj": true,
}

// OrgKey is the form two organisations are compared in: NameKey without
// the legal forms at its end, so "Acme Inc.", "ACME" and "acme" are one
// organisation, and so are "Banca Esempio S.p.A." and "banca esempio". A
// name that is only a legal form ("Inc") keeps it. Import matching, the
// organisation a request targets (who --org) and the sole-contact rule
// all compare with it.
func OrgKey(s string) string { return string(AppendOrgKey(nil, s)) }

// AppendOrgKey appends OrgKey(s) to dst, for a loop over many
// organisations that reuses one buffer.
func AppendOrgKey(dst []byte, s string) []byte {
	start := len(dst)
	dst = appendNameKey(dst, s)
	for {
		key := dst[start:]
		i := bytes.LastIndexByte(key, ' ')
		if i < 0 || !isLegalForm(key[i+1:]) {
			return dst
		}
		dst = dst[:start+i]
	}
}

func isLegalForm(word []byte) bool { return legalForms[string(word)] }

// OrgIs reports whether OrgKey(org) is key, with buf as scratch space, so
// that a loop over many organisations allocates nothing. An ASCII org is
// compared as its key is made, and most differ within a few letters, so
// no key is made at all: ranking by organisation at 100,000 friends takes
// 49 ms with OrgKey and 12 ms with OrgIs (BenchmarkRank/friends=100000/org).
func OrgIs(org, key string, buf *[]byte) bool {
	if key == "" || org == "" {
		return false
	}
	j, space := 0, false
	for i := 0; i < len(org); i++ {
		if org[i] >= utf8.RuneSelf {
			return orgKeyIs(org, key, buf)
		}
		c, class := asciiKey(org[i])
		switch class {
		case keySpace:
			space = true
			continue
		case keyDrop:
			continue
		}
		if space && j > 0 {
			// the key has a word more: a legal form, maybe
			if j == len(key) {
				return orgKeyIs(org, key, buf)
			}
			if key[j] != ' ' {
				return false
			}
			j++
		}
		space = false
		if j == len(key) || key[j] != c {
			return false
		}
		j++
	}
	// The whole of org's key is key: key has no legal form to drop.
	return j == len(key)
}

// orgKeyIs makes org's key in buf and compares it with key.
func orgKeyIs(org, key string, buf *[]byte) bool {
	*buf = AppendOrgKey((*buf)[:0], org)
	return string(*buf) == key
}

// Fold is the form text is matched in wherever kith looks for what was
// typed: lower case, accents dropped, and the letters that carry their
// mark in their shape written plainly (ł l, ø o, đ and ð d, ß ss, æ ae,
// œ oe, þ th, ı i, ħ h, ŧ t, final ς σ), so that "kaminski" finds
// "Kamiński", "zoe" "Zoë" and "lodz" "Łódź". FindFriend (and so every
// FRIEND argument), the TUI's filters and kith query match folded text
// against folded text; NameKey and OrgKey are built on it too. Everything
// else is kept: other scripts, digits, punctuation and spaces.
func Fold(s string) string { return string(AppendFold(nil, s)) }

// AppendFold appends Fold(s) to dst, without allocating when dst has
// room: the TUI's filter folds every friend's name, organisation, sectors
// and notes into one buffer. ASCII, most of it, is one table-free byte
// step; invalid UTF-8 becomes U+FFFD. It is AppendLower's loop with the
// rune folded instead of lower-cased: one loop shared through a function
// value measured 668 against 877 ns a call (BenchmarkFold, medians of 5).
func AppendFold[S ~string | ~[]byte](dst []byte, s S) []byte {
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
		dst = AppendFoldRune(dst, r)
		i += n
	}
	return dst
}

// AppendFoldRune appends r folded to dst: Fold is the concatenation of
// its runes' folds, so a screen can tell which rune of a name a match
// covers (the TUI's filter highlight).
func AppendFoldRune(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, byte(r))
	}
	if latinFirst <= r && r < latinEnd {
		return append(dst, latinFolds[r-latinFirst]...)
	}
	return appendFoldSlow(dst, r)
}

// The letters with accents of Latin-1 and Latin Extended-A and -B, folded
// once: most of the non-ASCII text of names (Kamiński, Müller, García)
// is there. With the table AppendFold takes a third of the time it takes
// decomposing each rune again (BenchmarkFold: a median of 2.2 µs against
// 6.6 µs).
const latinFirst, latinEnd = 0xC0, 0x250

// latinFolds is written once, when the package is initialised, and only
// read after.
var latinFolds = func() (t [latinEnd - latinFirst]string) {
	for r := rune(latinFirst); r < latinEnd; r++ {
		t[r-latinFirst] = string(appendFoldSlow(nil, r))
	}
	return t
}()

// appendFoldSlow is AppendFoldRune for a rune outside ASCII, worked out
// from its decomposition.
func appendFoldSlow(dst []byte, r rune) []byte {
	if p := plainLetter(r); p != "" {
		return append(dst, p...)
	}
	var b [utf8.UTFMax]byte
	n := utf8.EncodeRune(b[:], r)
	d := norm.NFD.Properties(b[:n]).Decomposition()
	if d == nil {
		if unicode.Is(unicode.Mn, r) {
			return dst // a combining accent on its own
		}
		return utf8.AppendRune(dst, unicode.ToLower(r))
	}
	for len(d) > 0 {
		c, size := utf8.DecodeRune(d)
		d = d[size:]
		if !unicode.Is(unicode.Mn, c) {
			if p := plainLetter(c); p != "" {
				dst = append(dst, p...)
			} else {
				dst = utf8.AppendRune(dst, unicode.ToLower(c))
			}
		}
	}
	return dst
}

// plainLetter is how Fold writes a letter whose mark is part of its shape
// (Unicode gives it no decomposition), or "" for any other rune.
func plainLetter(r rune) string {
	switch r {
	case 'ł', 'Ł':
		return "l"
	case 'ø', 'Ø':
		return "o"
	case 'đ', 'Đ', 'ð', 'Ð':
		return "d"
	case 'ß', 'ẞ':
		return "ss"
	case 'æ', 'Æ':
		return "ae"
	case 'œ', 'Œ':
		return "oe"
	case 'þ', 'Þ':
		return "th"
	case 'ı':
		return "i"
	case 'ħ', 'Ħ':
		return "h"
	case 'ŧ', 'Ŧ':
		return "t"
	case 'ς':
		return "σ"
	}
	return ""
}
