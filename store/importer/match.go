package importer

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NormName is the form two names are compared in: lower case, accents
// and punctuation dropped, white space collapsed ("José  O'Neil" and
// "jose oneil" are the same).
func NormName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// accent: dropped
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r) || r == '-' || r == '_' || r == ',' || r == '/':
			space = true
		default:
			// other punctuation (. ' & …) is dropped
		}
	}
	return b.String()
}

// legalSuffixes are dropped from the end of an organisation's name before
// comparing, so "Acme Inc." and "ACME" match.
var legalSuffixes = []string{"inc", "incorporated", "ltd", "limited", "llc", "llp", "plc", "gmbh", "ag", "sa", "srl", "spa", "sas", "bv", "nv", "corp", "corporation", "co", "company", "oy", "ab", "as", "pty"}

// NormOrg is the form two organisations are compared in: NormName without
// a trailing legal form.
func NormOrg(s string) string {
	n := NormName(s)
	for {
		i := strings.LastIndexByte(n, ' ')
		if i < 0 {
			return n
		}
		last := n[i+1:]
		found := false
		for _, suf := range legalSuffixes {
			if last == suf {
				found = true
				break
			}
		}
		if !found {
			return n
		}
		n = n[:i]
	}
}

// normPhone keeps the digits of a phone number (and a leading +), so that
// "+39 333 123 4567" and "+393331234567" are the same number.
func normPhone(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r >= '0' && r <= '9' || (r == '+' && i == 0) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return strings.ToLower(s)
	}
	return b.String()
}

func normURL(s string) string {
	return strings.TrimRight(strings.ToLower(s), "/")
}
