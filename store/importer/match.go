package importer

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"kith/store"
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

// NormOrg is the form two organisations are compared in: NormName without
// a trailing legal form (store.IsLegalForm), so "Acme Inc." and "ACME"
// match.
func NormOrg(s string) string {
	n := NormName(s)
	for {
		i := strings.LastIndexByte(n, ' ')
		if i < 0 || !store.IsLegalForm(n[i+1:]) {
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

// FriendUID is a friend's stable UID as kith's exports write it: derived
// from its id and creation time, so every export of the same friend from
// the same database gives the same UID (and the same file name in a vdir).
func FriendUID(f *store.Friend) string {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], f.ID)
	binary.BigEndian.PutUint64(b[8:], uint64(f.Created.UnixNano()))
	h := sha256.Sum256(b[:])
	h[6] = h[6]&0x0f | 0x50 // shaped like a name-based UUID
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}
