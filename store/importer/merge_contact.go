package importer

import (
	"fmt"
	"slices"
	"strings"

	"kith/store"
)

// mergeContact merges the contact fields of src into dst, as
// mergeFriend does the others: empty fields filled (the name parts, the
// department, the birthday, the anniversary), addresses joined, the
// types of a value filled where dst has none, and the card's kept
// properties joined (see mergeCard). It returns what changed.
func mergeContact(dst, src *store.Friend) []string {
	var ch []string
	if dst.Department == "" && src.Department != "" && (dst.Org == "" || store.OrgKey(dst.Org) == store.OrgKey(src.Org)) {
		dst.Department = src.Department
		ch = append(ch, "department")
	}
	if dst.Birthday.IsZero() && !src.Birthday.IsZero() {
		dst.Birthday = src.Birthday
		ch = append(ch, "birthday")
	}
	if dst.Anniversary.IsZero() && !src.Anniversary.IsZero() {
		dst.Anniversary = src.Anniversary
		ch = append(ch, "anniversary")
	}
	s := src.Contact
	if s == nil {
		return ch
	}
	d := dst.MakeContact()
	if d.NameParts.IsZero() && !s.NameParts.IsZero() {
		d.NameParts = s.NameParts
		ch = append(ch, "name parts")
	}
	n := 0
	for _, a := range s.Addresses {
		if !slices.ContainsFunc(d.Addresses, func(b store.Address) bool { return sameAddress(&a, &b) }) {
			d.Addresses = append(d.Addresses, a)
			n++
		}
	}
	if n > 0 {
		ch = append(ch, fmt.Sprintf("%d address(es)", n))
	}
	n = mergeTypes(&d.EmailTypes, s.EmailTypes) + mergeTypes(&d.PhoneTypes, s.PhoneTypes) + mergeTypes(&d.URLTypes, s.URLTypes)
	if n > 0 {
		ch = append(ch, fmt.Sprintf("the types of %d value(s)", n))
	}
	if mergeCard(&d.Card, &s.Card) {
		ch = append(ch, "the card's other properties")
	}
	if d.IsZero() {
		dst.Contact = nil
	}
	return ch
}

// sameAddress compares two addresses by their parts, without case.
func sameAddress(a, b *store.Address) bool {
	key := func(a *store.Address) string {
		return strings.ToLower(strings.Join([]string{a.POBox, a.Extended, a.Street, a.Locality, a.Region, a.PostalCode, a.Country}, "\x00"))
	}
	if a.IsZero() || b.IsZero() {
		return false
	}
	return key(a) == key(b) && (a.Label == "" || strings.EqualFold(a.Label, b.Label) || b.Label == "")
}

// mergeTypes adds the types of src's values to those of dst that have
// none (a value src brings in comes with its types; Normalize drops
// the types of a value dst's list lacks).
func mergeTypes(dst *[]store.Typed, src []store.Typed) int {
	n := 0
	for _, t := range src {
		if store.TypesOf(*dst, t.Value) == nil {
			*dst = append(*dst, store.Typed{Value: t.Value, Types: slices.Clone(t.Types), Label: t.Label})
			n++
		}
	}
	return n
}

// singleProps are the properties a card holds once: another card's is
// not added to one that has it.
var singleProps = map[string]bool{"PRODID": true, "REV": true, "UID": true, "KIND": true, "N": true, "FN": true,
	"BDAY": true, "ANNIVERSARY": true, "GENDER": true, "X-ABSHOWAS": true, "VERSION": true}

// mergeCard joins the kept properties of src's card to dst's: all of
// them when dst keeps none; else each dst lacks, but a second of a
// property a card holds once (PRODID, REV, N, BDAY …) and a second
// original of one of dst's single fields. A group of src (item1.EMAIL and
// its item1.X-ABLabel) comes along whole, renamed when dst uses its
// name. It reports whether dst changed.
func mergeCard(dst, src *store.Card) bool {
	if len(src.Props) == 0 && src.UID == "" {
		return false
	}
	changed := false
	if dst.UID == "" && src.UID != "" {
		dst.UID, changed = src.UID, true
	}
	if len(dst.Props) == 0 {
		if len(src.Props) == 0 {
			return changed
		}
		dst.Version, dst.Sum, dst.Props = src.Version, src.Sum, slices.Clone(src.Props)
		return true
	}
	has := func(p *store.CardProp) bool {
		for i := range dst.Props {
			q := &dst.Props[i]
			if strings.EqualFold(q.Name, p.Name) && q.Params == p.Params && q.Value == p.Value {
				return true
			}
			if singleProps[strings.ToUpper(p.Name)] && strings.EqualFold(q.Name, p.Name) {
				return true
			}
			if p.Of != "" && !store.ListField(p.Of) && q.Of == p.Of {
				return true
			}
		}
		return false
	}
	used := map[string]bool{}
	for _, q := range dst.Props {
		used[strings.ToLower(q.Group)] = true
	}
	// The group each of src's groups goes in: its own name when dst does
	// not use it, else a new one.
	to := map[string]string{}
	n := 0
	for _, p := range src.Props {
		if has(&p) {
			continue
		}
		if g := strings.ToLower(p.Group); g != "" {
			name, ok := to[g]
			if !ok {
				name = p.Group
				for used[strings.ToLower(name)] {
					n++
					name = fmt.Sprintf("item%d", n)
				}
				used[strings.ToLower(name)] = true
				to[g] = name
			}
			p.Group = name
		}
		dst.Props = append(dst.Props, p)
		changed = true
	}
	return changed
}
