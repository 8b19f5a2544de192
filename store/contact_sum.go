package store

import (
	"slices"
	"strconv"
	"strings"
)

// The modelled contact fields a card's property can be read into, as
// CardProp.Of names them. An original kept for one of the list fields
// (e-mail, phone, URL, address) stands for one value of the list; for
// the others, for the whole field. FieldCard marks a property that goes
// with the whole card (its PRODID and REV): it is written back while
// nothing kith models has changed.
const (
	FieldName        = "name"       // FN: Name
	FieldNameParts   = "name_parts" // N and the phonetic names: NameParts
	FieldNickname    = "nickname"
	FieldOrg         = "org" // ORG: Org and Department
	FieldRole        = "role"
	FieldNotes       = "notes"
	FieldSectors     = "sectors" // CATEGORIES
	FieldBirthday    = "birthday"
	FieldAnniversary = "anniversary"
	FieldKind        = "kind" // KIND, X-ABShowAs: IsOrg
	FieldEmail       = "email"
	FieldPhone       = "phone"
	FieldURL         = "url"
	FieldAddress     = "address"
	FieldCard        = "card"
)

// ListField reports whether field is one of the list fields, whose
// originals stand for one value each.
func ListField(field string) bool {
	switch field {
	case FieldEmail, FieldPhone, FieldURL, FieldAddress:
		return true
	}
	return false
}

// hasher is FNV-1a (64 bits) over strings, each ended by a zero byte,
// without allocating: an import sums every field of every card.
type hasher uint64

func newHasher(field string) hasher { return hasher(14695981039346656037).add(field) }

func (h hasher) add(s string) hasher {
	for i := 0; i < len(s); i++ {
		h ^= hasher(s[i])
		h *= 1099511628211
	}
	h *= 1099511628211 // the zero byte after it
	return h
}

func (h hasher) String() string { return strconv.FormatUint(uint64(h), 16) }

// digest is a short, stable digest of a field's value: 16 hex digits of
// FNV-1a (64 bits). It tells whether a value changed, nothing more.
func digest(field string, parts ...string) string {
	h := newHasher(field)
	for _, p := range parts {
		h = h.add(p)
	}
	return h.String()
}

// FieldSum is the sum of one of f's single fields (not a list field),
// as CardProp.Sum records it.
func FieldSum(field string, f *Friend) string {
	c := f.ContactFields()
	n := &c.NameParts
	switch field {
	case FieldName:
		return digest(field, f.Name)
	case FieldNameParts:
		return digest(field, n.Prefix, n.Given, n.Additional, n.Family, n.Suffix, n.PhoneticGiven, n.PhoneticFamily)
	case FieldNickname:
		return digest(field, f.Nickname)
	case FieldOrg:
		return digest(field, f.Org, f.Department)
	case FieldRole:
		return digest(field, f.Role)
	case FieldNotes:
		return digest(field, f.Notes)
	case FieldSectors:
		// CATEGORIES holds the sectors and the circles: an import sorts an
		// address book's labels into the two (importer), so the sum is of
		// the labels as a set, whatever list each is in.
		labels := append(slices.Clone(f.Sectors), f.Circles...)
		slices.Sort(labels)
		return digest(field, labels...)
	case FieldBirthday:
		return digest(field, f.Birthday.String())
	case FieldAnniversary:
		return digest(field, f.Anniversary.String())
	case FieldKind:
		return digest(field, strconv.FormatBool(f.IsOrg))
	case FieldCard:
		return ContactSum(f)
	}
	return ""
}

// ValueSum is the sum of one e-mail, phone or URL (field FieldEmail,
// FieldPhone or FieldURL) with its types t (nil for none).
func ValueSum(field, value string, t *Typed) string { return valueHash(field, value, t).String() }

func valueHash(field, value string, t *Typed) hasher {
	h := newHasher(field).add(strings.ToLower(value))
	if t == nil {
		return h.add("").add("")
	}
	return h.add(strings.Join(t.Types, ",")).add(t.Label)
}

// AddressSum is the sum of one address.
func AddressSum(a *Address) string {
	return digest(FieldAddress, strings.Join(a.Types, ","), a.POBox, a.Extended, a.Street, a.Locality, a.Region, a.PostalCode, a.Country, a.Label)
}

// ItemSums returns the sum of each value of list field in f, in order.
func ItemSums(field string, f *Friend) []string {
	var out []string
	c := f.ContactFields()
	values := func(vs []string, ts []Typed) {
		for _, v := range vs {
			out = append(out, ValueSum(field, v, TypesOf(ts, v)))
		}
	}
	switch field {
	case FieldEmail:
		values(f.Emails, c.EmailTypes)
	case FieldPhone:
		values(f.Phones, c.PhoneTypes)
	case FieldURL:
		values(f.URLs, c.URLTypes)
	case FieldAddress:
		for i := range c.Addresses {
			out = append(out, AddressSum(&c.Addresses[i]))
		}
	}
	return out
}

// ContactSum is the sum of every contact field of f that a vCard
// carries (not kith's own fields, such as closeness or boundaries): two
// friends with the same one hold the same card, but for its unmodelled
// properties.
func ContactSum(f *Friend) string {
	c := f.ContactFields()
	n := &c.NameParts
	h := newHasher(FieldCard).add(f.Name).add(n.Prefix).add(n.Given).add(n.Additional).add(n.Family).add(n.Suffix).
		add(n.PhoneticGiven).add(n.PhoneticFamily).add(f.Nickname).add(f.Org).add(f.Department).add(f.Role).add(f.Notes).
		add(f.Birthday.String()).add(f.Anniversary.String()).add(strconv.FormatBool(f.IsOrg))
	// The labels as a set, as FieldSum's FieldSectors: sectors and circles.
	labels := append(slices.Clone(f.Sectors), f.Circles...)
	slices.Sort(labels)
	for _, s := range labels {
		h = h.add(s)
	}
	for _, l := range []struct {
		field  string
		values []string
		types  []Typed
	}{{FieldEmail, f.Emails, c.EmailTypes}, {FieldPhone, f.Phones, c.PhoneTypes}, {FieldURL, f.URLs, c.URLTypes}} {
		h = h.add(l.field)
		for _, v := range l.values {
			h = h.add(valueHash(l.field, v, TypesOf(l.types, v)).String())
		}
	}
	h = h.add(FieldAddress)
	for i := range c.Addresses {
		h = h.add(AddressSum(&c.Addresses[i]))
	}
	return h.String()
}
