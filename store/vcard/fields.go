package vcard

import (
	"fmt"
	"slices"
	"strings"

	"kith/store"
)

// render writes kith's contact fields as properties in one vCard
// version. Write uses it for what it writes from the fields, and the
// reader to tell whether a property would come out the same from the
// field it was read into (then the card keeps no original of it).
type render struct{ v4 bool }

// newGroup is the group of the properties of a value with a label of its
// own (Apple's item1.EMAIL and item1.X-ABLabel); Write names each such
// group apart from the card's.
const newGroup = "\x00"

func mk(name string, params []param, value string) prop {
	return prop{rawName: name, name: strings.ToUpper(name), params: params, value: value}
}

func (r render) text(s string) string { return escape(s, !r.v4) }

// typeParam is the TYPE parameter of types (upper case in 3.0, as its
// writers have it), none when there are none.
func (r render) typeParam(types []string) []param {
	if len(types) == 0 {
		return nil
	}
	vals := make([]string, len(types))
	for i, t := range types {
		if r.v4 {
			vals[i] = t
		} else {
			vals[i] = strings.ToUpper(t)
		}
	}
	return []param{{name: "TYPE", values: vals}}
}

// field renders one of f's single fields (see store.FieldSum).
func (r render) field(field string, f *store.Friend) []prop {
	switch field {
	case store.FieldName:
		return []prop{mk("FN", nil, r.text(f.Name))}
	case store.FieldNameParts:
		return r.nameParts(f)
	case store.FieldNickname:
		if f.Nickname != "" {
			return []prop{mk("NICKNAME", nil, r.text(f.Nickname))}
		}
	case store.FieldKind:
		// 3.0 has no KIND: Apple's X-ABShowAs says it there, and KIND
		// too for the readers that know 4.0's.
		if f.IsOrg && r.v4 {
			return []prop{mk("KIND", nil, "org")}
		}
		if f.IsOrg {
			return []prop{mk("KIND", nil, "org"), mk("X-ABShowAs", nil, "COMPANY")}
		}
	case store.FieldOrg:
		if f.Org != "" || f.Department != "" {
			v := escape(f.Org, true)
			if f.Department != "" {
				v += ";" + escape(f.Department, true)
			}
			return []prop{mk("ORG", nil, v)}
		}
	case store.FieldRole:
		if f.Role != "" {
			return []prop{mk("TITLE", nil, r.text(f.Role))}
		}
	case store.FieldBirthday:
		if !f.Birthday.IsZero() {
			return []prop{mk("BDAY", nil, r.date(f.Birthday))}
		}
	case store.FieldAnniversary:
		if !f.Anniversary.IsZero() {
			name := "ANNIVERSARY"
			if !r.v4 {
				name = "X-ANNIVERSARY" // as Evolution, Android and khard write it in 3.0
			}
			return []prop{mk(name, nil, r.date(f.Anniversary))}
		}
	case store.FieldSectors:
		// The sectors and the circles (groups, to other address books);
		// X-KITH-CIRCLE says which are circles.
		if labels := append(slices.Clone(f.Sectors), f.Circles...); len(labels) > 0 {
			parts := make([]string, len(labels))
			for i, s := range labels {
				parts[i] = escape(s, !r.v4)
			}
			return []prop{mk("CATEGORIES", nil, strings.Join(parts, ","))}
		}
	case store.FieldNotes:
		if f.Notes != "" {
			return []prop{mk("NOTE", nil, r.text(f.Notes))}
		}
	}
	return nil
}

// nameParts renders N (and the phonetic names): from the friend's parts
// or, without them, from store.SplitName; an organisation's N is empty,
// its ORG carries the name (vCard 3.0 requires N; 4.0 allows an empty
// one, which phones write for a company too).
func (r render) nameParts(f *store.Friend) []prop {
	n := f.Parts()
	var out []prop
	parts := []string{n.Family, n.Given, n.Additional, n.Prefix, n.Suffix}
	for i, p := range parts {
		parts[i] = escapeList(p)
	}
	out = append(out, mk("N", nil, strings.Join(parts, ";")))
	if n.PhoneticGiven != "" {
		out = append(out, mk("X-PHONETIC-FIRST-NAME", nil, r.text(n.PhoneticGiven)))
	}
	if n.PhoneticFamily != "" {
		out = append(out, mk("X-PHONETIC-LAST-NAME", nil, r.text(n.PhoneticFamily)))
	}
	return out
}

// escapeList escapes a field of N, whose commas separate several names
// ("Philip,Paul"): everything but the commas.
func escapeList(s string) string {
	if !strings.ContainsAny(s, "\\\n\r;") {
		return s
	}
	items := strings.Split(s, ",")
	for i := range items {
		items[i] = escape(items[i], true)
	}
	return strings.Join(items, ",")
}

// date writes a birthday or an anniversary: 4.0 as RFC 6350 writes it
// (19851210, --1210 without the year), 3.0 in ISO 8601's extended form
// (1985-12-10, --12-10), which khard, Evolution and Android read.
func (r render) date(d store.Date) string {
	switch {
	case r.v4 && d.Year == 0:
		return fmt.Sprintf("--%02d%02d", int(d.Month), d.Day)
	case r.v4:
		return fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day)
	}
	return d.String()
}

// item renders one value of a list field: an e-mail, phone or URL with
// its types, or an address.
func (r render) item(field, value string, t *store.Typed) []prop {
	var types []string
	label := ""
	if t != nil {
		types, label = t.Types, t.Label
	}
	var p prop
	switch field {
	case store.FieldEmail:
		// An e-mail with no type is "internet" by default in 3.0 too:
		// writing that TYPE would give it a type it never had.
		p = mk("EMAIL", r.typeParam(types), r.text(value))
	case store.FieldPhone:
		if uri, ok := telURI(value); ok && r.v4 {
			p = mk("TEL", append([]param{{name: "VALUE", values: []string{"uri"}}}, r.typeParam(types)...), uri)
		} else {
			p = mk("TEL", r.typeParam(types), r.text(value))
		}
	case store.FieldURL:
		p = mk("URL", r.typeParam(types), uriValue(value, r.v4))
	}
	return r.labelled(p, label)
}

// labelled puts p and an X-ABLabel with label in a new group (the way
// Apple, Google and khard give a value a label of its own), or returns p
// alone.
func (r render) labelled(p prop, label string) []prop {
	if label == "" {
		return []prop{p}
	}
	p.group = newGroup
	l := mk("X-ABLabel", nil, r.text(appleLabel(label)))
	l.group = newGroup
	return []prop{p, l}
}

// address renders ADR, with its delivery label: a LABEL parameter in
// 4.0, a LABEL property in 3.0 (in the group of its ADR, so that it is
// read back with it).
func (r render) address(a *store.Address) []prop {
	parts := []string{a.POBox, a.Extended, a.Street, a.Locality, a.Region, a.PostalCode, a.Country}
	for i, s := range parts {
		parts[i] = escape(s, true)
	}
	ps := r.typeParam(a.Types)
	if a.Label != "" && r.v4 {
		ps = append(ps, param{name: "LABEL", values: []string{labelParam(a.Label)}})
	}
	p := mk("ADR", ps, strings.Join(parts, ";"))
	if a.Label == "" || r.v4 {
		return []prop{p}
	}
	p.group = newGroup
	l := mk("LABEL", r.typeParam(a.Types), r.text(a.Label))
	l.group = newGroup
	return []prop{p, l}
}

// labelParam writes a delivery label as a parameter value: line breaks as
// \n, as RFC 6350's examples do, and double quotes, which a parameter
// value cannot hold, as single ones.
func labelParam(s string) string {
	return strings.NewReplacer("\n", `\n`, `"`, "'").Replace(s)
}

// uriValue is a URI as a property holds it: as it is, but one holding a
// backslash or a line break (which no URI does) escaped as text, so that
// the reader, which unescapes URLs as old writers escaped them, gives it
// back the same.
func uriValue(v string, v4 bool) string {
	if strings.ContainsAny(v, "\\\r\n") {
		return escape(v, !v4)
	}
	return v
}

// The labels Apple's address book writes as _$!<Name>!$_ (a label it
// translates): a label kith writes is wrapped so when it is one of them.
var appleLabels = map[string]bool{
	"Home": true, "Work": true, "Other": true, "Mobile": true, "Main": true, "HomeFAX": true, "WorkFAX": true,
	"OtherFAX": true, "Pager": true, "iPhone": true, "HomePage": true, "Assistant": true, "Anniversary": true,
	"Father": true, "Mother": true, "Parent": true, "Brother": true, "Sister": true, "Child": true,
	"Friend": true, "Spouse": true, "Partner": true, "Manager": true, "School": true,
}

func appleLabel(l string) string {
	if appleLabels[l] {
		return "_$!<" + l + ">!$_"
	}
	return l
}

// unwrapLabel reads an X-ABLabel: _$!<Other>!$_ is Other.
func unwrapLabel(l string) string {
	if strings.HasPrefix(l, "_$!<") && strings.HasSuffix(l, ">!$_") && len(l) > 8 {
		return l[4 : len(l)-4]
	}
	return l
}
