package vcard

import (
	"bytes"
	"io"
	"mime/quotedprintable"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
)

// prop is one content line: [group.]NAME;params:value, unfolded, with the
// value decoded from quoted-printable and its charset but not unescaped.
type prop struct {
	line   int // first physical line
	group  string
	name   string // upper case
	params map[string][]string
	value  string
}

// param returns the first value of the parameter k (upper case).
func (p *prop) param(k string) string {
	if v := p.params[k]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// hasType reports whether a TYPE parameter holds t (case-insensitive).
func (p *prop) hasType(t string) bool {
	for _, v := range p.params["TYPE"] {
		if strings.EqualFold(v, t) {
			return true
		}
	}
	return false
}

// physLines splits data into lines, accepting CRLF, LF and a lone CR.
func physLines(data []byte) []string {
	s := string(data)
	if !strings.Contains(s, "\n") && strings.Contains(s, "\r") {
		return strings.Split(s, "\r")
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// binaryProps are properties whose value kith never keeps (pictures,
// sounds, keys): they are skipped, however they are encoded.
var binaryProps = map[string]bool{"PHOTO": true, "LOGO": true, "SOUND": true, "KEY": true}

// logical joins folded lines (a line starting with a space or tab goes on
// the previous one; a quoted-printable value ending in "=" goes on to the
// next line) and returns the content lines with their first line number.
func logical(lines []string) (out []string, nums []int) {
	var cur []string // pieces of the line being built: joined once, not
	// appended to one string (a folded picture has thousands of pieces)
	flush := func() {
		if len(cur) == 1 {
			out = append(out, cur[0])
		} else if len(cur) > 1 {
			out = append(out, strings.Join(cur, ""))
		}
		cur = cur[:0]
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l == "" {
			continue
		}
		if (l[0] == ' ' || l[0] == '\t') && len(cur) > 0 {
			cur = append(cur, l[1:])
			continue
		}
		flush()
		nums = append(nums, i+1)
		// quoted-printable soft line breaks: "...=" then the next line
		if isQP(l) {
			for strings.HasSuffix(l, "=") && i+1 < len(lines) {
				cur = append(cur, l[:len(l)-1])
				i++
				l = strings.TrimLeft(lines[i], " \t")
			}
		}
		cur = append(cur, l)
	}
	flush()
	return out, nums
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
	p.name = strings.ToUpper(name)
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

func (p *prop) addParam(k, v string) {
	if p.params == nil {
		p.params = make(map[string][]string, 2)
	}
	// TYPE=work,voice and TYPE=work;TYPE=voice are the same
	if k == "TYPE" {
		for _, t := range strings.Split(v, ",") {
			p.params[k] = append(p.params[k], t)
		}
		return
	}
	p.params[k] = append(p.params[k], v)
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
// problem as a warning, keeping what could be read.
func (p *prop) decodeValue() (warn string) {
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
		return "" // binary values are dropped by the caller
	}
	cs := p.param("CHARSET")
	if cs == "" || strings.EqualFold(cs, "utf-8") || strings.EqualFold(cs, "utf8") {
		return warn
	}
	if isASCII(p.value) {
		return warn
	}
	e, err := htmlindex.Get(cs)
	if err != nil {
		if warn == "" {
			warn = "unknown CHARSET " + cs + " in " + p.name + ", read as UTF-8"
		}
		return warn
	}
	if b, err := e.NewDecoder().Bytes([]byte(p.value)); err == nil && utf8.Valid(b) {
		p.value = string(b)
	}
	return warn
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// unescape decodes a text value: \n and \N are line breaks, \\ \, \; \:
// the character itself; any other backslash is kept as written (vCard 2.1
// values such as C:\temp).
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
		switch n := s[i+1]; n {
		case 'n', 'N':
			b.WriteByte('\n')
			i++
		case '\\', ',', ';', ':':
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
