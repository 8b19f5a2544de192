package vcard

// This file keeps what a card holds beyond kith's fields: the properties
// kith does not model, and the originals of those it would write otherwise.

import (
	"kith/store"
	"kith/store/importer"
	"slices"
	"strings"
)

// keep fills r.c.Card: every property kith does not model, and the
// original of each modelled one that kith would not write the same way
// from the field it was read into, with the sum of that field (see
// store.Card).
func (r *reader) keep() {
	ver := r.version
	if ver == "2.1" {
		ver = V3 // kept in 3.0's syntax
	}
	// The form each property is kept in: decoded, in ver's syntax.
	r.stored = slices.Grow(r.stored[:0], len(r.props))[:len(r.props)]
	stored := r.stored
	for i := range r.props {
		stored[i] = storedForm(&r.props[i].prop, r.version, ver)
	}
	rd := render{v4: ver == V4}
	if r.allCanonical(stored, rd) {
		return // the common card: kith writes it back the same from its fields
	}
	// g is the friend as the import will store it (cleaned, normalised):
	// the sums are of that.
	g := r.f
	g.Emails, g.Phones, g.URLs = slices.Clone(g.Emails), slices.Clone(g.Phones), slices.Clone(g.URLs)
	g.Sectors = slices.Clone(g.Sectors)
	gc := r.c
	gc.Addresses = slices.Clone(gc.Addresses)
	gc.EmailTypes, gc.PhoneTypes, gc.URLTypes = slices.Clone(gc.EmailTypes), slices.Clone(gc.PhoneTypes), slices.Clone(gc.URLTypes)
	g.Contact = &gc
	g.Boundaries, g.Busy = slices.Clone(g.Boundaries), slices.Clone(g.Busy)
	clean := importer.Record{Friend: g}
	importer.Clean(&clean)
	g = clean.Friend
	g.Normalize()

	// A property kith could not write back as one content line (a name
	// that is none, a parameter that will not parse) is not kept; a
	// field with such a property is written from the field.
	bad := make([]bool, len(r.props))
	badField := map[string]bool{}
	for i := range r.props {
		c := kept(&stored[i], "", "")
		if err := c.Check(); err != nil && !r.props[i].drop {
			bad[i] = true
			badField[r.props[i].of] = true
			r.warn(r.props[i].line, "a property not kept, as it cannot be written back"+err.Error())
		}
	}
	keepField := map[string]bool{}
	fieldProps := map[string][]prop{}
	for i := range r.props {
		p := &r.props[i]
		if p.of != "" && p.of != store.FieldCard && !store.ListField(p.of) && !p.drop {
			fieldProps[p.of] = append(fieldProps[p.of], stored[i])
		}
	}
	// Whether a property is kith's own way of writing its field is told
	// from the field as read (before it is cleaned and normalised: an
	// original that differs only by what kith repairs is not kept, and
	// goes out repaired), as allCanonical does.
	// An original that does not read as the field kith stores (one kith
	// repaired: trimmed, cut, cleaned) is not kept either: the field goes
	// out repaired.
	for field, src := range fieldProps {
		keepField[field] = !badField[field] && !sameProps(rd.field(field, &r.f), src) &&
			store.FieldSum(field, &r.f) == store.FieldSum(field, &g)
	}

	card := ""
	keptAs := make([]*store.CardProp, len(r.props))
	claimed := map[string]bool{} // the values of list fields an original stands for
	for i := range r.props {
		p := &r.props[i]
		if p.drop || bad[i] {
			continue
		}
		s := &stored[i]
		var c store.CardProp
		switch {
		case p.of == "":
			c = kept(s, "", "")
		case p.of == store.FieldCard:
			if card == "" {
				card = store.ContactSum(&g)
			}
			c = kept(s, store.FieldCard, card)
		case store.ListField(p.of):
			sum := r.itemSum(&g, p)
			if sum == "" || claimed[p.of+"\x00"+p.name+"\x00"+sum] {
				// a value the friend does not keep (an e-mail that is
				// none), or one it keeps once (a second EMAIL of the
				// same address)
				continue
			}
			claimed[p.of+"\x00"+p.name+"\x00"+sum] = true
			src := []prop{*s}
			for j := range r.props {
				if j != i && p.group != "" && strings.EqualFold(r.props[j].group, p.group) {
					src = append(src, stored[j])
				}
			}
			if sameProps(r.rawItem(rd, p), src) {
				continue
			}
			c = kept(s, p.of, sum)
		default:
			if !keepField[p.of] {
				continue
			}
			c = kept(s, p.of, store.FieldSum(p.of, &g))
		}
		keptAs[i] = &c
	}
	// A group goes with its value: when the card keeps no original of a
	// value read from a group (one it could not keep, an e-mail that is
	// none), it keeps none of the group's other properties (its label).
	orphan := map[string]bool{}
	for i := range r.props {
		if p := &r.props[i]; p.group != "" && p.of != "" && keptAs[i] == nil {
			orphan[strings.ToLower(p.group)] = true
		}
	}
	var props []store.CardProp
	for _, c := range keptAs {
		if c != nil && !(c.Of == "" && orphan[strings.ToLower(c.Group)]) {
			props = append(props, *c)
		}
	}
	if len(props) > 0 {
		if card == "" {
			card = store.ContactSum(&g)
		}
		r.c.Card.Version, r.c.Card.Sum, r.c.Card.Props = ver, card, props
	}
}

// rawItem renders the value p was read as, as it was read.
func (r *reader) rawItem(rd render, p *srcProp) []prop {
	switch p.of {
	case store.FieldAddress:
		return rd.address(&r.c.Addresses[p.item])
	case store.FieldEmail:
		return rd.item(p.of, r.f.Emails[p.item], p.typed)
	case store.FieldPhone:
		return rd.item(p.of, r.f.Phones[p.item], p.typed)
	}
	return rd.item(p.of, r.f.URLs[p.item], p.typed)
}

// allCanonical reports whether kith writes every property of the card
// back the same from the fields it was read into, as they were read: then
// the card keeps nothing (and the sums need not be made). A property kith
// does not model, or a card's PRODID or REV, is kept, so the answer is
// no.
//
// The fields and their properties are gathered in slices kept for the
// next card (r.fields, r.src), not made for each: 66 MB of the 925 MB an
// import of the demo's 100,000 cards allocated.
func (r *reader) allCanonical(stored []prop, rd render) bool {
	fields := r.fields[:0]
	defer func() { r.fields = fields[:0] }()
	for i := range r.props {
		p := &r.props[i]
		switch {
		case p.drop:
		case p.of == "" || p.of == store.FieldCard:
			return false
		case store.ListField(p.of):
			if p.group != "" {
				return false
			}
			if want := r.rawItem(rd, p); len(want) != 1 || !sameProp(&want[0], &stored[i]) {
				return false
			}
		default:
			if !slices.Contains(fields, p.of) {
				fields = append(fields, p.of)
			}
		}
	}
	for _, field := range fields {
		src := r.src[:0]
		for i := range r.props {
			if !r.props[i].drop && r.props[i].of == field {
				src = append(src, stored[i])
			}
		}
		r.src = src[:0]
		if !sameProps(rd.field(field, &r.f), src) {
			return false
		}
	}
	return true
}

// itemSum returns the sum of the value p was read as, in the normalised
// friend g; "" when g does not keep that value.
func (r *reader) itemSum(g *store.Friend, p *srcProp) string {
	f := &r.f
	find := func(list []string, v string) (string, bool) {
		for _, x := range list {
			if strings.EqualFold(x, v) {
				return x, true
			}
		}
		return "", false
	}
	var field, raw, value string
	var list []string
	var types []store.Typed
	switch p.of {
	case store.FieldEmail:
		raw = f.Emails[p.item]
		field, value, list, types = p.of, store.NormEmail(raw), g.Emails, g.ContactFields().EmailTypes
	case store.FieldPhone:
		raw = f.Phones[p.item]
		field, value, list, types = p.of, store.NormPhone(raw), g.Phones, g.ContactFields().PhoneTypes
	case store.FieldURL:
		raw = f.URLs[p.item]
		field, value, list, types = p.of, strings.TrimSpace(raw), g.URLs, g.ContactFields().URLTypes
	case store.FieldAddress:
		a := r.c.Addresses[p.item]
		a.Types = slices.Clone(a.Types)
		a.Normalize()
		if a.IsZero() || store.AddressSum(&a) != store.AddressSum(&r.c.Addresses[p.item]) {
			return "" // repaired: it goes out as kith keeps it
		}
		return store.AddressSum(&a)
	}
	v, ok := find(list, value)
	if !ok || v != raw {
		return "" // gone, or repaired: it goes out as kith keeps it
	}
	t := store.TypesOf(types, v)
	sum := store.ValueSum(field, v, t)
	// The original of a value is the property the value was read from
	// as kept: another of the same value (whose types were not kept) is
	// not.
	if store.ValueSum(field, v, p.typed.Normalized()) != sum {
		return ""
	}
	return sum
}

// sanitized is a decoded property as kith reads it and keeps it, one
// content line of clean text: a line break in its value (from
// quoted-printable) written \n, a lone carriage return dropped (as
// store.CleanText drops it), and control characters and terminal escapes
// removed from its value and parameters. The fields are read from it and
// the card keeps it, so that the two always agree.
func sanitized(p prop) prop {
	// IndexByte twice, not ContainsAny, which builds its set of bytes at
	// each call: 0.17 s of the 8 s of CPU an import of 100,000 vCards
	// took.
	if strings.IndexByte(p.value, '\n') >= 0 || strings.IndexByte(p.value, '\r') >= 0 {
		p.value = strings.NewReplacer("\r\n", `\n`, "\n", `\n`, "\r", "").Replace(p.value)
	}
	p.value = store.CleanText(p.value, true)
	dirty := false
	for i := range p.params {
		for _, v := range p.params[i].values {
			dirty = dirty || strings.ContainsRune(v, '"') || store.CleanText(v, false) != v
		}
	}
	if dirty {
		p.params = slices.Clone(p.params)
		for i := range p.params {
			p.params[i].values = slices.Clone(p.params[i].values)
			for j, v := range p.params[i].values {
				// a parameter value cannot hold a double quote
				p.params[i].values[j] = strings.ReplaceAll(store.CleanText(v, false), `"`, "'")
			}
		}
	}
	return p
}

// storedForm is p as a card keeps it: without the ENCODING of
// quoted-printable text and the CHARSET (its value is decoded), and,
// from a vCard 2.1 card, in 3.0's syntax.
func storedForm(p *prop, from, to string) prop {
	s := *p
	if s.param("ENCODING") == "" && s.param("CHARSET") == "" && from != "2.1" {
		return s
	}
	s.params = slices.Clone(p.params)
	if enc := strings.ToUpper(s.param("ENCODING")); enc == "QUOTED-PRINTABLE" || enc == "8BIT" || enc == "7BIT" {
		s.dropParam("ENCODING")
	} else if enc == "BASE64" {
		s.dropParam("ENCODING")
		s.params = append(s.params, param{name: "ENCODING", values: []string{"b"}})
	}
	s.dropParam("CHARSET")
	if from == "2.1" {
		convert(&s, from, to)
	}
	return s
}
