package vcard

import (
	"slices"
	"strings"

	"kith/store"
	"kith/store/importer"
)

// A card's properties kept as they were (store.Card): how they are
// stored, compared, and carried from one vCard version to another.

// paramString writes parameters in vCard syntax, without the leading
// semicolon: TYPE=work,voice;LABEL="1 Main St, Rome". A value is quoted
// when it holds a ; : or , (a quoted value never holds a quote: the
// reader ends it there).
func paramString(ps []param) string {
	var b strings.Builder
	for i, x := range ps {
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(x.name)
		b.WriteByte('=')
		for j, v := range x.values {
			if j > 0 {
				b.WriteByte(',')
			}
			if strings.ContainsAny(v, ";:,") {
				b.WriteByte('"')
				b.WriteString(v)
				b.WriteByte('"')
			} else {
				b.WriteString(v)
			}
		}
	}
	return b.String()
}

// kept turns p into the form a card keeps it in.
func kept(p *prop, of, sum string) store.CardProp {
	return store.CardProp{Group: p.group, Name: p.rawName, Params: paramString(p.params), Value: p.value, Of: of, Sum: sum}
}

// fromKept turns a kept property back into a property. The store
// checked its syntax (store.Card), so it parses; one that does not (a
// record from a kith that did not check) is left out.
func fromKept(c *store.CardProp) (prop, bool) {
	var b strings.Builder
	if c.Group != "" {
		b.WriteString(c.Group)
		b.WriteByte('.')
	}
	b.WriteString(c.Name)
	if c.Params != "" {
		b.WriteByte(';')
		b.WriteString(c.Params)
	}
	b.WriteByte(':')
	b.WriteString(c.Value)
	p, ok := parseProp(b.String(), 0)
	if !ok || !strings.EqualFold(p.rawName, c.Name) || p.group != c.Group || strings.ContainsAny(p.value, "\r\n") {
		return prop{}, false
	}
	return p, true
}

// sameProp reports whether two properties say the same: group, name and
// parameters equal but for case (the values of TYPE as a set, since
// their order says nothing), and the same value.
func sameProp(a, b *prop) bool {
	if !strings.EqualFold(a.group, b.group) || a.name != b.name || a.value != b.value || len(a.params) != len(b.params) {
		return false
	}
	for _, x := range a.params {
		y := b.paramValues(x.name)
		if len(y) != len(x.values) {
			return false
		}
		if x.name == "TYPE" {
			for _, v := range x.values {
				if !containsFold(y, v) {
					return false
				}
			}
			continue
		}
		for i := range y {
			if !strings.EqualFold(x.values[i], y[i]) {
				return false
			}
		}
	}
	return true
}

func containsFold(list []string, v string) bool {
	for _, x := range list {
		if strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}

// sameProps reports whether two lists hold the same properties, in any
// order.
func sameProps(a, b []prop) bool {
	if len(a) != len(b) {
		return false
	}
	used := make([]bool, len(b))
outer:
	for i := range a {
		for j := range b {
			if !used[j] && sameProp(&a[i], &b[j]) {
				used[j] = true
				continue outer
			}
		}
		return false
	}
	return true
}

// valueKind is how a property's value is escaped, which decides how it
// is carried into another vCard version.
type valueKind int

const (
	kindOther    valueKind = iota // URIs, dates, x-properties kith does not know: as they are
	kindText                      // one text value
	kindTextList                  // text values separated by commas
	kindCompound                  // fields separated by semicolons, each a list
	kindBinary                    // inline data: base64 in 3.0, a data: URI in 4.0
)

var valueKinds = map[string]valueKind{
	"FN": kindText, "NOTE": kindText, "TITLE": kindText, "ROLE": kindText, "LABEL": kindText,
	"MAILER": kindText, "SORT-STRING": kindText, "CLASS": kindText, "PRODID": kindText,
	"X-ABLABEL": kindText, "X-ABRELATEDNAMES": kindText, "X-EVOLUTION-FILE-AS": kindText,
	"X-PHONETIC-FIRST-NAME": kindText, "X-PHONETIC-MIDDLE-NAME": kindText, "X-PHONETIC-LAST-NAME": kindText,
	"NICKNAME": kindTextList, "CATEGORIES": kindTextList,
	"N": kindCompound, "ADR": kindCompound, "ORG": kindCompound, "GENDER": kindCompound, "CLIENTPIDMAP": kindCompound,
	"PHOTO": kindBinary, "LOGO": kindBinary, "SOUND": kindBinary, "KEY": kindBinary,
}

// convert carries p from the escaping and value forms of vCard version
// from ("2.1", "3.0" or "4.0") into those of version to: text is
// unescaped and escaped again (4.0 escapes no semicolon in a text
// value, 3.0 every one), and inline data changes form (3.0's
// ENCODING=b;TYPE=JPEG and base64, 4.0's data:image/jpeg;base64, URI).
// Other values, x-properties kith does not know among them, are left as
// they are.
func convert(p *prop, from, to string) {
	if from == to {
		return
	}
	v4 := to == V4
	switch valueKinds[p.name] {
	case kindText:
		p.value = escape(unescape(p.value), !v4)
	case kindTextList:
		parts := split(p.value, ',')
		for i := range parts {
			parts[i] = escape(parts[i], !v4)
		}
		p.value = strings.Join(parts, ",")
	case kindCompound:
		fields := splitRaw(p.value, ';')
		for i, fl := range fields {
			items := split(fl, ',')
			for j := range items {
				items[j] = escape(items[j], true)
			}
			fields[i] = strings.Join(items, ",")
		}
		p.value = strings.Join(fields, ";")
	case kindBinary:
		if v4 {
			binaryTo4(p)
		} else {
			binaryTo3(p)
		}
	}
}

// splitRaw cuts s at each unescaped sep, leaving the parts escaped.
func splitRaw(s string, sep byte) []string {
	var parts []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case sep:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// binaryTo4 writes inline data as a data: URI.
func binaryTo4(p *prop) {
	enc := strings.ToLower(p.param("ENCODING"))
	if enc == "b" || enc == "base64" {
		mt := mediaType(p.name, p.param("TYPE"))
		p.dropParam("ENCODING")
		p.dropParam("TYPE")
		p.dropParam("VALUE")
		p.value = "data:" + mt + ";base64," + p.value
		return
	}
	if strings.EqualFold(p.param("VALUE"), "uri") && p.name != "KEY" {
		p.dropParam("VALUE")
	}
}

// binaryTo3 writes a data: URI as inline base64, and marks any other
// URI as one.
func binaryTo3(p *prop) {
	if p.param("ENCODING") != "" {
		return
	}
	low := strings.ToLower(p.value)
	if strings.HasPrefix(low, "data:") {
		if i := strings.Index(low, ";base64,"); i > 0 {
			mt := p.value[5:i]
			p.value = p.value[i+len(";base64,"):]
			p.dropParam("MEDIATYPE")
			p.dropParam("VALUE")
			p.params = append(p.params, param{name: "ENCODING", values: []string{"b"}})
			if t := subType(mt); t != "" {
				p.params = append(p.params, param{name: "TYPE", values: []string{t}})
			}
			return
		}
	}
	if p.param("VALUE") == "" && strings.Contains(p.value, ":") {
		p.params = append(p.params, param{name: "VALUE", values: []string{"uri"}})
	}
}

// mediaType is the media type of a 3.0 TYPE on inline data: JPEG is
// image/jpeg for a photo or a logo, WAVE audio/wave for a sound, PGP
// application/pgp-keys for a key.
func mediaType(name, t string) string {
	t = strings.ToLower(t)
	switch {
	case strings.Contains(t, "/"):
		return t
	case t == "":
		return "application/octet-stream"
	case name == "SOUND":
		return "audio/" + t
	case name == "KEY" && t == "pgp":
		return "application/pgp-keys"
	case name == "KEY":
		return "application/" + t
	}
	return "image/" + t
}

// subType is the 3.0 TYPE of a media type: image/jpeg is JPEG.
func subType(mt string) string {
	mt = strings.ToLower(strings.TrimSpace(mt))
	if mt == "application/pgp-keys" {
		return "PGP"
	}
	if i := strings.IndexByte(mt, '/'); i >= 0 {
		mt = mt[i+1:]
	}
	if i := strings.IndexByte(mt, ';'); i >= 0 {
		mt = mt[:i]
	}
	return strings.ToUpper(mt)
}

// Property is one property of a card as a file has it: its group, its
// name, its parameters and its value, decoded from quoted-printable and
// its charset but still escaped. Cards reads them; a sync compares them.
type Property struct{ p prop }

// Cards reads the properties of every card in data (UTF-8 or UTF-16),
// BEGIN and END left out, one list a card.
func Cards(data []byte) ([][]Property, error) {
	data, _ = importer.FromUTF16(data)
	lex := newLexer(string(stripBOM(data)))
	var cards [][]Property
	var cur []Property
	in := false
	nested := 0 // a vCard 2.1 AGENT's card, skipped
	for {
		l, n, ok := lex.next()
		if !ok {
			break
		}
		switch strings.ToUpper(strings.TrimSpace(l)) {
		case "BEGIN:VCARD":
			if in && len(cur) > 0 && cur[len(cur)-1].p.name == "AGENT" {
				nested++
				continue
			}
			cur, in = []Property{}, true
			continue
		case "END:VCARD":
			if nested > 0 {
				nested--
				continue
			}
			cards, in = append(cards, cur), false
			continue
		}
		if nested > 0 {
			continue
		}
		p, ok := parseProp(l, n)
		if !ok || !in {
			if len(cur) > 0 && binaryProps[cur[len(cur)-1].p.name] {
				cur[len(cur)-1].p.value += strings.TrimSpace(l)
				continue
			}
			return nil, importer.Errorf("", n, "not a property: %q", l)
		}
		if !binaryProps[p.name] {
			p.decodeValue()
		}
		cur = append(cur, Property{p})
	}
	if in {
		return nil, importer.Errorf("", 0, "a card has no END:VCARD")
	}
	return cards, nil
}

// Name is the property's name, in upper case.
func (p Property) Name() string { return p.p.name }

// String is the property as a content line, unfolded.
func (p Property) String() string {
	var b strings.Builder
	if p.p.group != "" {
		b.WriteString(p.p.group + ".")
	}
	b.WriteString(p.p.rawName)
	if len(p.p.params) > 0 {
		b.WriteString(";" + paramString(p.p.params))
	}
	b.WriteString(":" + p.p.value)
	return b.String()
}

// Equal reports whether p and q say the same in the same version: group,
// name and parameters equal but for case (TYPE as a set), and the same
// value.
func (p Property) Equal(q Property) bool { return sameProp(&p.p, &q.p) }

// Meaning is what p says in any vCard version, as a string that equals
// another property's when they say the same: its group and name (3.0's
// X-ANNIVERSARY is ANNIVERSARY), its parameters but those that only say
// how the value is written (VALUE, ENCODING, CHARSET, a photo's TYPE),
// TYPE as a set (lower case, each once), and its value unescaped (each field of a
// compound one) without the blanks around it, a line break as \n, inline data as a data: URI, a date
// as kith reads it.
func (p Property) Meaning() string {
	q := p.p
	q.params = slices.Clone(q.params)
	name := q.name
	if name == "X-ANNIVERSARY" {
		name = "ANNIVERSARY"
	}
	kind := valueKinds[q.name]
	if kind == kindBinary {
		if strings.EqualFold(q.param("ENCODING"), "base64") {
			q.dropParam("ENCODING")
			q.params = append(q.params, param{name: "ENCODING", values: []string{"b"}})
		}
		binaryTo4(&q)
	}
	var params []string
	for _, x := range q.params {
		switch x.name {
		case "VALUE", "ENCODING", "CHARSET":
			continue
		case "TYPE":
			var ts []string
			for _, v := range x.values {
				ts = append(ts, strings.ToLower(v))
			}
			slices.Sort(ts)
			params = append(params, "TYPE="+strings.Join(slices.Compact(ts), ","))
		default:
			params = append(params, x.name+"="+strings.Join(x.values, ","))
		}
	}
	slices.Sort(params)
	value := strings.TrimSpace(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(q.value))
	switch kind {
	case kindText:
		value = unescape(value)
	case kindTextList, kindCompound:
		value = strings.Join(split(value, ';'), "\x00")
	}
	if name == "BDAY" || name == "ANNIVERSARY" {
		if d, err := store.ParseDate(strings.TrimSpace(value)); err == nil {
			value = d.String()
		}
	}
	return strings.ToLower(q.group) + "." + name + ";" + strings.Join(params, ";") + ":" + value
}
