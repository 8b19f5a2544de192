package store

import (
	"hash/fnv"
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

// digest is a short, stable digest of a field's value: 16 hex digits of
// FNV-1a (64 bits). It tells whether a value changed, nothing more.
func digest(field string, parts ...string) string {
	h := fnv.New64a()
	h.Write([]byte(field))
	for _, p := range parts {
		h.Write([]byte{0})
		h.Write([]byte(p))
	}
	return strconv.FormatUint(h.Sum64(), 16)
}

// FieldSum is the sum of one of f's single fields (not a list field),
// as CardProp.Sum records it.
func FieldSum(field string, f *Friend) string {
	n := &f.NameParts
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
		return digest(field, f.Sectors...)
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
func ValueSum(field, value string, t *Typed) string {
	if t == nil {
		return digest(field, strings.ToLower(value), "", "")
	}
	return digest(field, strings.ToLower(value), strings.Join(t.Types, ","), t.Label)
}

// AddressSum is the sum of one address.
func AddressSum(a *Address) string {
	return digest(FieldAddress, strings.Join(a.Types, ","), a.POBox, a.Extended, a.Street, a.Locality, a.Region, a.PostalCode, a.Country, a.Label)
}

// ItemSums returns the sum of each value of list field in f, in order.
func ItemSums(field string, f *Friend) []string {
	var out []string
	values := func(vs []string, ts []Typed) {
		for _, v := range vs {
			out = append(out, ValueSum(field, v, TypesOf(ts, v)))
		}
	}
	switch field {
	case FieldEmail:
		values(f.Emails, f.EmailTypes)
	case FieldPhone:
		values(f.Phones, f.PhoneTypes)
	case FieldURL:
		values(f.URLs, f.URLTypes)
	case FieldAddress:
		for i := range f.Addresses {
			out = append(out, AddressSum(&f.Addresses[i]))
		}
	}
	return out
}

// ContactSum is the sum of every contact field of f that a vCard
// carries (not kith's own fields, such as closeness or boundaries): two
// friends with the same one hold the same card, but for its unmodelled
// properties.
func ContactSum(f *Friend) string {
	var parts []string
	for _, field := range []string{FieldName, FieldNameParts, FieldNickname, FieldOrg, FieldRole, FieldNotes,
		FieldSectors, FieldBirthday, FieldAnniversary, FieldKind} {
		parts = append(parts, FieldSum(field, f))
	}
	for _, field := range []string{FieldEmail, FieldPhone, FieldURL, FieldAddress} {
		parts = append(parts, field)
		parts = append(parts, ItemSums(field, f)...)
	}
	return digest(FieldCard, parts...)
}
