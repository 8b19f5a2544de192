package vcard

import (
	"bytes"
	"io"
	"mime/quotedprintable"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"

	"kith/store/importer"
)

// prop is one content line: [group.]NAME;params:value, unfolded, with the
// value decoded from quoted-printable and its charset but not unescaped.
type prop struct {
	line    int // first physical line
	group   string
	rawName string // as written
	name    string // upper case
	params  []param
	value   string
}

// param is one parameter: its name (upper case) and its values, in the
// order written; a quoted value is kept without its quotes.
type param struct {
	name   string
	values []string
}

// param returns the first value of the parameter k (upper case).
func (p *prop) param(k string) string {
	if v := p.paramValues(k); len(v) > 0 {
		return v[0]
	}
	return ""
}

// paramValues returns the values of the parameter k (upper case).
func (p *prop) paramValues(k string) []string {
	for i := range p.params {
		if p.params[i].name == k {
			return p.params[i].values
		}
	}
	return nil
}

// dropParam removes the parameter k (upper case).
func (p *prop) dropParam(k string) {
	out := p.params[:0]
	for _, x := range p.params {
		if x.name != k {
			out = append(out, x)
		}
	}
	p.params = out
}

// lexer yields the content lines of a vCard file one at a time, without
// splitting the whole file first (100,000 cards are 1.1 million lines).
// It accepts CRLF, LF and a lone CR; it joins folded lines (a line that
// starts with a space or tab goes on the previous one) and
// quoted-printable soft line breaks (a QUOTED-PRINTABLE value ending in
// "=" goes on to the next line).
type lexer struct {
	s      string
	pos    int
	line   int  // physical lines read so far
	sep    byte // '\n', or '\r' for a file of lone CRs
	pieces []string
}

func newLexer(s string) *lexer { return &lexer{s: s, sep: lineSep(s)} }

// lineSep is the byte that ends the lines of s: '\n' (LF or CRLF), or
// '\r' in a file of lone CRs.
func lineSep(s string) byte {
	if strings.IndexByte(s, '\n') < 0 && strings.IndexByte(s, '\r') >= 0 {
		return '\r'
	}
	return '\n'
}

// phys returns the next physical line, without its line ending.
func (l *lexer) phys() (string, bool) {
	if l.pos >= len(l.s) {
		return "", false
	}
	rest := l.s[l.pos:]
	i := strings.IndexByte(rest, l.sep)
	if i < 0 {
		l.pos = len(l.s)
	} else {
		rest = rest[:i]
		l.pos += i + 1
	}
	l.line++
	return strings.TrimSuffix(rest, "\r"), true
}

// peek returns the first byte of the next physical line, 0 at the end or
// for an empty line.
func (l *lexer) peek() byte {
	if l.pos >= len(l.s) {
		return 0
	}
	return l.s[l.pos]
}

// next returns the next content line and the number of its first
// physical line; ok is false at the end of the file.
func (l *lexer) next() (text string, num int, ok bool) {
	var p string
	for {
		if p, ok = l.phys(); !ok {
			return "", 0, false
		}
		if p != "" {
			break
		}
	}
	num = l.line
	l.pieces = append(l.pieces[:0], p)
	if isQP(p) {
		for strings.HasSuffix(p, "=") && l.pos < len(l.s) {
			l.pieces[len(l.pieces)-1] = p[:len(p)-1]
			p, _ = l.phys()
			p = strings.TrimLeft(p, " \t")
			l.pieces = append(l.pieces, p)
		}
	}
	for c := l.peek(); c == ' ' || c == '\t'; c = l.peek() {
		p, _ = l.phys()
		l.pieces = append(l.pieces, p[1:])
	}
	if len(l.pieces) == 1 {
		return l.pieces[0], num, true
	}
	return strings.Join(l.pieces, ""), num, true
}

// isQP reports whether a raw content line declares quoted-printable.
func isQP(l string) bool {
	i := strings.IndexByte(l, ':')
	if i < 0 {
		return false
	}
	return strings.Contains(strings.ToUpper(l[:i]), "QUOTED-PRINTABLE")
}

// parseProp splits a content line. ok is false for a line that is not
// NAME:value (junk, or base64 lines of a picture left unfolded).
func parseProp(l string, line int) (p prop, ok bool) {
	p.line = line
	// the name runs to the first ; or :
	i := strings.IndexAny(l, ";:")
	if i <= 0 {
		return p, false
	}
	name := l[:i]
	if j := strings.LastIndexByte(name, '.'); j >= 0 {
		p.group, name = name[:j], name[j+1:]
	}
	if name == "" || strings.ContainsAny(name, " \t\"") {
		return p, false
	}
	p.rawName, p.name = name, strings.ToUpper(name)
	rest := l[i:]
	for len(rest) > 0 && rest[0] == ';' {
		rest = rest[1:]
		// a parameter: KEY=VALUE[,VALUE] (values may be quoted) or, in
		// vCard 2.1, a bare value such as HOME or QUOTED-PRINTABLE
		k := strings.IndexAny(rest, "=;:")
		if k < 0 {
			return p, false
		}
		key := strings.ToUpper(strings.TrimSpace(rest[:k]))
		if rest[k] != '=' {
			p.addParam(bareParam(key), key)
			rest = rest[k:]
			continue
		}
		rest = rest[k+1:]
		for {
			var v string
			if len(rest) > 0 && rest[0] == '"' {
				end := strings.IndexByte(rest[1:], '"')
				if end < 0 {
					return p, false
				}
				v, rest = rest[1:1+end], rest[2+end:]
			} else {
				e := strings.IndexAny(rest, ",;:")
				if e < 0 {
					return p, false
				}
				v, rest = rest[:e], rest[e:]
			}
			p.addParam(key, v)
			if len(rest) > 0 && rest[0] == ',' {
				rest = rest[1:]
				continue
			}
			break
		}
	}
	if len(rest) == 0 || rest[0] != ':' {
		return p, false
	}
	p.value = rest[1:]
	return p, true
}

// addParam adds value v to the parameter k: TYPE=work,voice and
// TYPE=work;TYPE=voice are the same, and so is TYPE="work,voice".
func (p *prop) addParam(k, v string) {
	vals := []string{v}
	if k == "TYPE" {
		vals = strings.Split(v, ",")
	}
	for i := range p.params {
		if p.params[i].name == k {
			p.params[i].values = append(p.params[i].values, vals...)
			return
		}
	}
	p.params = append(p.params, param{name: k, values: vals})
}

// bareParam names the parameter a vCard 2.1 bare value stands for.
func bareParam(v string) string {
	switch v {
	case "QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT", "B":
		return "ENCODING"
	}
	return "TYPE"
}

// decodeValue applies the ENCODING and CHARSET parameters. It reports a
// problem as a warning, keeping what could be read. 8-bit text that is
// not valid UTF-8 and that no CHARSET names the encoding of (vCard 3.0
// and 4.0 are UTF-8, but Outlook and old phones write windows-1252, raw
// or quoted-printable) is read as windows-1252, and latin is true: the
// caller warns, once for the card.
func (p *prop) decodeValue() (warn string, latin bool) {
	enc := strings.ToUpper(p.param("ENCODING"))
	switch enc {
	case "QUOTED-PRINTABLE":
		b, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(p.value)))
		if err != nil {
			warn = "bad quoted-printable in " + p.name + ", kept as written"
		} else {
			p.value = string(b)
		}
	case "B", "BASE64":
		return "", false // inline data, kept as it is
	}
	if isASCII(p.value) {
		return warn, false
	}
	cs := p.param("CHARSET")
	if cs != "" && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "utf8") {
		e, err := htmlindex.Get(cs)
		if err != nil {
			if warn == "" {
				warn = "unknown CHARSET " + cs + " in " + p.name + ", read as UTF-8"
			}
		} else if b, err := e.NewDecoder().Bytes([]byte(p.value)); err == nil && utf8.Valid(b) {
			p.value = string(b)
			return warn, false
		}
	}
	p.value, latin = importer.FixUTF8(p.value)
	return warn, latin
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// unescape decodes a text value: \n and \N are line breaks; \\ \, \; \:
// are the character itself, as RFC 6350 and RFC 2426 escape them. Readers
// are lenient about the rest, and so is this one: a backslash before any
// other ASCII punctuation or a space stands for that character (Gmail and
// Apple write \" in notes); before a letter, a digit or a non-ASCII
// character it is kept as written (vCard 2.1 has no escapes, and its
// values hold paths such as C:\temp).
func unescape(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		switch n := s[i+1]; {
		case n == 'n' || n == 'N':
			b.WriteByte('\n')
			i++
		case n == ' ' || n < utf8.RuneSelf && unicode.IsPunct(rune(n)) || n < utf8.RuneSelf && unicode.IsSymbol(rune(n)):
			b.WriteByte(n)
			i++
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// split cuts a value at each unescaped sep and unescapes the parts.
func split(s string, sep byte) []string {
	var parts []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case sep:
			parts = append(parts, unescape(s[start:i]))
			start = i + 1
		}
	}
	return append(parts, unescape(s[start:]))
}

// stripBOM drops a UTF-8 byte order mark.
func stripBOM(b []byte) []byte { return bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")) }

// binaryProps are properties whose value may be inline data (pictures,
// sounds, keys): kith models none of them, and keeps them in the card as
// they are (their base64 is not decoded, nor read as text).
var binaryProps = map[string]bool{"PHOTO": true, "LOGO": true, "SOUND": true, "KEY": true}
