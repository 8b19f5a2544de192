package vcard

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"kith/store"
	"kith/store/atomic"
)

// The vCard versions Write can produce.
const (
	V3 = "3.0"
	V4 = "4.0"
)

// CheckVersion returns an error naming the flag value when v is not a
// version Write produces.
func CheckVersion(v string) error {
	if v != V3 && v != V4 {
		return fmt.Errorf("vCard version %q: want 3.0 or 4.0", v)
	}
	return nil
}

// UID is the friend's stable vCard UID: derived from its id and creation
// time, so every export of the same friend from the same database gives
// the same UID (and the same file name in a vdir).
func UID(f *store.Friend) string {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], f.ID)
	binary.BigEndian.PutUint64(b[8:], uint64(f.Created.UnixNano()))
	h := sha256.Sum256(b[:])
	h[6] = h[6]&0x0f | 0x50 // shaped like a name-based UUID
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

// Write writes f as one vCard of the given version (V3 or V4), with
// kith's own fields as X-KITH-… properties.
func Write(w io.Writer, f *store.Friend, version string) error {
	if err := CheckVersion(version); err != nil {
		return err
	}
	var c cardWriter
	c.line("BEGIN:VCARD")
	c.line("VERSION:" + version)
	c.prop("PRODID", "", "-//kith//kith//EN", false)
	c.prop("UID", "", UID(f), false)
	c.prop("FN", "", f.Name, true)
	c.line("N:" + nValue(f.Name))
	if f.Nickname != "" {
		c.prop("NICKNAME", "", f.Nickname, true)
	}
	if f.Org != "" {
		c.prop("ORG", "", f.Org, true)
	}
	if f.Role != "" {
		c.prop("TITLE", "", f.Role, true)
	}
	emailType := ";TYPE=INTERNET"
	if version == V4 {
		emailType = ""
	}
	for _, e := range f.Emails {
		c.prop("EMAIL", emailType, e, true)
	}
	for _, p := range f.Phones {
		c.prop("TEL", "", p, true)
	}
	for _, u := range f.URLs {
		c.prop("URL", "", u, true)
	}
	if len(f.Sectors) > 0 {
		parts := make([]string, len(f.Sectors))
		for i, s := range f.Sectors {
			parts[i] = escape(s)
		}
		c.line("CATEGORIES:" + strings.Join(parts, ","))
	}
	if f.Notes != "" {
		c.prop("NOTE", "", f.Notes, true)
	}
	if !f.Updated.IsZero() {
		c.prop("REV", "", f.Updated.UTC().Format("20060102T150405Z"), false)
	}
	if f.Closeness != 0 {
		c.prop("X-KITH-CLOSENESS", "", strconv.Itoa(f.Closeness), false)
	}
	if f.WorkedTogether {
		c.prop("X-KITH-WORKED-TOGETHER", "", "true", false)
	}
	if f.WorkedNote != "" {
		c.prop("X-KITH-WORKED-NOTE", "", f.WorkedNote, true)
	}
	for _, b := range f.Boundaries {
		c.prop("X-KITH-BOUNDARY", "", b.String(), true)
	}
	for _, m := range f.Busy {
		c.prop("X-KITH-BUSY", "", m.String(), false)
	}
	if f.Channel != "" {
		c.prop("X-KITH-CHANNEL", "", f.Channel, true)
	}
	if f.Archived {
		c.prop("X-KITH-ARCHIVED", "", "true", false)
	}
	if !f.Created.IsZero() {
		c.prop("X-KITH-CREATED", "", f.Created.UTC().Format(time.RFC3339Nano), false)
	}
	if !f.Updated.IsZero() {
		c.prop("X-KITH-UPDATED", "", f.Updated.UTC().Format(time.RFC3339Nano), false)
	}
	c.line("END:VCARD")
	_, err := io.WriteString(w, c.b.String())
	return err
}

// WriteAll writes every friend, one card after the other.
func WriteAll(w io.Writer, friends []store.Friend, version string) error {
	for i := range friends {
		if err := Write(w, &friends[i], version); err != nil {
			return err
		}
	}
	return nil
}

// WriteDir writes a vdir: one <uid>.vcf per friend in dir (created with
// mode 0700 if missing), each file written atomically with mode 0600. It
// returns how many files it wrote.
func WriteDir(dir string, friends []store.Friend, version string) (int, error) {
	if err := CheckVersion(version); err != nil {
		return 0, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return 0, fmt.Errorf("create %s: %w", dir, err)
	}
	for i := range friends {
		f := &friends[i]
		path := filepath.Join(dir, UID(f)+".vcf")
		if err := atomic.WriteFile(path, 0o600, func(w io.Writer) error { return Write(w, f, version) }); err != nil {
			return i, err
		}
	}
	return len(friends), nil
}

// nValue derives N (family;given;;;) from a full name: the last word is
// taken as the family name.
func nValue(name string) string {
	words := strings.Fields(name)
	switch len(words) {
	case 0:
		return ";;;;"
	case 1:
		return ";" + escape(words[0]) + ";;;"
	}
	last := len(words) - 1
	return escape(words[last]) + ";" + escape(strings.Join(words[:last], " ")) + ";;;"
}

// escape escapes a text value (RFC 6350 3.4).
func escape(s string) string {
	if !strings.ContainsAny(s, "\\\n\r,;") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		case ',':
			b.WriteString(`\,`)
		case ';':
			b.WriteString(`\;`)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

type cardWriter struct{ b strings.Builder }

func (c *cardWriter) prop(name, params, value string, text bool) {
	if text {
		value = escape(value)
	}
	c.line(name + params + ":" + value)
}

// line writes one content line folded at 75 octets (never inside a UTF-8
// character), ending in CRLF.
func (c *cardWriter) line(l string) {
	const width = 75
	first := true
	for len(l) > 0 {
		max := width
		if !first {
			c.b.WriteByte(' ')
			max = width - 1
		}
		if len(l) <= max {
			c.b.WriteString(l)
			break
		}
		cut := max
		for cut > 0 && !utf8.RuneStart(l[cut]) {
			cut--
		}
		c.b.WriteString(l[:cut])
		c.b.WriteString("\r\n")
		l = l[cut:]
		first = false
	}
	c.b.WriteString("\r\n")
}
