package vcard

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"kith/store"
	"kith/store/atomic"
	"kith/store/importer"
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

// UID is the friend's stable vCard UID (importer.FriendUID), so an export
// imported again merges into the friends it came from.
func UID(f *store.Friend) string { return importer.FriendUID(f) }

// prodID is the PRODID kith writes: a card with it holds only what kith
// stores, so the reader takes its CATEGORIES as they are.
const prodID = "-//kith//kith//EN"

// Write writes f as one vCard of the given version (V3 or V4), with
// kith's own fields as X-KITH-… properties.
//
// Text is escaped as each version says: RFC 2426 (3.0) escapes \\, \,
// \; and line breaks in every text value; RFC 6350 (4.0) escapes \;
// only inside the fields of compound values (N, ORG), so FN, NOTE and
// the rest have no \; for other programs to show. URLs are URIs, written
// as they are. A phone with an extension ("+1-418-656-9254 ext. 102")
// goes out in 4.0 as a tel URI, tel:+1-418-656-9254;ext=102, when the
// number is one a tel URI can hold; every other phone as text.
func Write(w io.Writer, f *store.Friend, version string) error {
	if err := CheckVersion(version); err != nil {
		return err
	}
	c := cardWriter{v4: version == V4}
	c.line("BEGIN:VCARD")
	c.line("VERSION:" + version)
	c.raw("PRODID", "", prodID)
	c.raw("UID", "", UID(f))
	c.text("FN", "", f.Name)
	c.line("N:" + nValue(f.Name))
	if f.Nickname != "" {
		c.text("NICKNAME", "", f.Nickname)
	}
	if f.Org != "" {
		c.line("ORG:" + escape(f.Org, true))
	}
	if f.Role != "" {
		c.text("TITLE", "", f.Role)
	}
	emailType := ";TYPE=INTERNET"
	if c.v4 {
		emailType = ""
	}
	for _, e := range f.Emails {
		c.text("EMAIL", emailType, e)
	}
	for _, p := range f.Phones {
		if uri, ok := telURI(p); ok && c.v4 {
			c.raw("TEL", ";VALUE=uri", uri)
		} else {
			c.text("TEL", "", p)
		}
	}
	for _, u := range f.URLs {
		c.uri("URL", u)
	}
	// CATEGORIES holds the sectors and the circles (groups, to other
	// address books); X-KITH-CIRCLE says which are circles.
	if labels := append(slices.Clone(f.Sectors), f.Circles...); len(labels) > 0 {
		parts := make([]string, len(labels))
		for i, s := range labels {
			parts[i] = escape(s, !c.v4)
		}
		c.line("CATEGORIES:" + strings.Join(parts, ","))
	}
	for _, x := range f.Circles {
		c.text("X-KITH-CIRCLE", "", x)
	}
	if f.Notes != "" {
		c.text("NOTE", "", f.Notes)
	}
	if !f.Updated.IsZero() {
		c.raw("REV", "", f.Updated.UTC().Format("20060102T150405Z"))
	}
	if f.Closeness != 0 {
		c.raw("X-KITH-CLOSENESS", "", strconv.Itoa(f.Closeness))
	}
	if f.WorkedTogether {
		c.raw("X-KITH-WORKED-TOGETHER", "", "true")
	}
	if f.WorkedNote != "" {
		c.text("X-KITH-WORKED-NOTE", "", f.WorkedNote)
	}
	for _, b := range f.Boundaries {
		c.text("X-KITH-BOUNDARY", "", b.String())
	}
	for _, m := range f.Busy {
		c.raw("X-KITH-BUSY", "", m.String())
	}
	for _, m := range f.Moments {
		c.text("X-KITH-MOMENT", "", m.String())
	}
	if f.Channel != "" {
		c.text("X-KITH-CHANNEL", "", f.Channel)
	}
	if f.Archived {
		c.raw("X-KITH-ARCHIVED", "", "true")
	}
	if !f.Created.IsZero() {
		c.raw("X-KITH-CREATED", "", f.Created.UTC().Format(time.RFC3339Nano))
	}
	if !f.Updated.IsZero() {
		c.raw("X-KITH-UPDATED", "", f.Updated.UTC().Format(time.RFC3339Nano))
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
		return ";" + escape(words[0], true) + ";;;"
	}
	last := len(words) - 1
	return escape(words[last], true) + ";" + escape(strings.Join(words[:last], " "), true) + ";;;"
}

// escape escapes a text value: \\, line breaks and commas always, and
// semicolons when semi is set (every text value in vCard 3.0, the fields
// of a compound value in 4.0).
func escape(s string, semi bool) string {
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
			if semi {
				b.WriteString(`\;`)
			} else {
				b.WriteByte(c)
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// telExt matches a phone with an extension as readTel writes it: a
// global number, in the characters a tel URI allows, then " ext. N".
var telExt = regexp.MustCompile(`^(\+[0-9][0-9().-]*) ext\. ([0-9]+)$`)

// telURI returns the tel URI of a phone with an extension, false for any
// other phone.
func telURI(p string) (string, bool) {
	m := telExt.FindStringSubmatch(p)
	if m == nil {
		return "", false
	}
	return "tel:" + m[1] + ";ext=" + m[2], true
}

type cardWriter struct {
	b  strings.Builder
	v4 bool
}

// text writes a text property, escaped for the card's version.
func (c *cardWriter) text(name, params, value string) {
	c.line(name + params + ":" + escape(value, !c.v4))
}

// raw writes a property whose value needs no escaping.
func (c *cardWriter) raw(name, params, value string) {
	c.line(name + params + ":" + value)
}

// uri writes a URI value as it is. One holding a backslash or a line
// break (which no URI does) is escaped as text instead, so that the
// reader, which unescapes URLs as old writers escaped them, gives it
// back the same.
func (c *cardWriter) uri(name, value string) {
	if strings.ContainsAny(value, "\\\r\n") {
		c.text(name, "", value)
		return
	}
	c.raw(name, "", value)
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
