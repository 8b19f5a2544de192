package importer

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strings"

	"kith/store"
)

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
