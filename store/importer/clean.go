package importer

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"kith/store"
)

// Clean repairs the text of r so it can be stored: every text field goes
// through store.CleanText (line breaks kept in notes only) and is tidied
// as store.Friend.Normalize would; fields and lists longer than the
// store's limits (store.MaxName, store.MaxItems, …) are cut to them, and
// over-long e-mails and links, e-mails store.ParseEmail does not read and
// e-mails with a character that could not be read (U+FFFD) are dropped; a missing name
// is taken from the nickname, the organisation or an e-mail, in that
// order (an address book shows a contact with only a company under the
// company). Each repair is a warning. It returns a reason when the record
// cannot be kept at all.
//
// Values with a fixed range (closeness, boundary kinds, busy months,
// dates) are not Clean's: each parser either reads them or ignores them
// with a warning, and kith's JSON export refuses them (see
// store/kithjson), so that a value is repaired or refused, never both.
// A record Clean returned may still fail store.Friend.Validate on those.
func Clean(r *Record) (warnings []Warning, skip string) {
	if r.Skip != "" {
		return nil, r.Skip
	}
	f := &r.Friend
	warn := func(format string, args ...any) {
		warnings = append(warnings, Warning{Source: r.Source, Msg: fmt.Sprintf(format, args...)})
	}
	one := func(field string, s *string, limit int) {
		*s = Cut(store.OneLine(store.CleanText(*s, false)), limit, field, warn)
	}
	one("name", &f.Name, store.MaxName)
	one("nickname", &f.Nickname, store.MaxName)
	one("organisation", &f.Org, store.MaxName)
	one("role", &f.Role, store.MaxName)
	one("channel", &f.Channel, store.MaxName)
	f.Notes = Cut(strings.TrimSpace(store.CleanText(f.Notes, true)), store.MaxNotes, "notes", warn)
	f.WorkedNote = Cut(strings.TrimSpace(store.CleanText(f.WorkedNote, false)), store.MaxWorkedNote, "worked-together note", warn)

	list := func(field string, in []string, limit int, norm func(string) string) []string {
		var out []string
		for _, s := range in {
			s = norm(store.CleanText(s, false))
			if s == "" {
				continue
			}
			if (field == "e-mail" || field == "URL") && utf8.RuneCountInString(s) > limit {
				// half an address is no address
				warn("dropped an over-long %s of %d characters (the limit is %d)", field, utf8.RuneCountInString(s), limit)
				continue
			}
			out = append(out, Cut(s, limit, field, warn))
		}
		if len(out) > store.MaxItems {
			warn("%d %ss, kept the first %d (the limit)", len(out), field, store.MaxItems)
			out = out[:store.MaxItems]
		}
		return out
	}
	var emails []string
	for _, e := range list("e-mail", f.Emails, store.MaxEmail, store.NormEmail) {
		if strings.ContainsRune(e, utf8.RuneError) {
			warn("dropped e-mail %q: it holds a character that could not be read", e)
			continue
		}
		if _, err := store.ParseEmail(e); err != nil {
			warn("dropped e-mail %q: not an address", e)
			continue
		}
		emails = append(emails, e)
	}
	f.Emails = emails
	f.Phones = list("phone", f.Phones, store.MaxPhone, store.NormPhone)
	f.URLs = list("URL", f.URLs, store.MaxURL, strings.TrimSpace)
	f.Sectors = list("sector", f.Sectors, store.MaxSector, store.NormSector)
	f.Circles = list("circle", f.Circles, store.MaxSector, store.OneLine)

	for i := range f.Boundaries {
		b := &f.Boundaries[i]
		b.Note = Cut(strings.TrimSpace(store.CleanText(b.Note, false)), store.MaxBoundary, "boundary note", warn)
	}
	if len(f.Boundaries) > store.MaxItems {
		warn("%d boundaries, kept the first %d (the limit)", len(f.Boundaries), store.MaxItems)
		f.Boundaries = f.Boundaries[:store.MaxItems]
	}
	if len(f.Busy) > store.MaxItems {
		warn("%d busy seasons, kept the first %d (the limit)", len(f.Busy), store.MaxItems)
		f.Busy = f.Busy[:store.MaxItems]
	}

	one("department", &f.Department, store.MaxName)
	if f.Contact != nil {
		cleanContact(f.Contact, one, warn)
		cleanCard(&f.Contact.Card, warn)
	}

	if f.Name == "" {
		switch {
		case f.Nickname != "":
			f.Name = f.Nickname
		case f.Org != "":
			f.Name = f.Org
		case len(f.Emails) > 0:
			f.Name = Cut(f.Emails[0], store.MaxName, "name", warn)
		default:
			return warnings, "no name, e-mail or organisation"
		}
		warn("no name: using %q", f.Name)
	}
	return warnings, ""
}

// Cut shortens s to limit characters (runes), calling warn when it does;
// field names what is cut in the warning.
func Cut(s string, limit int, field string, warn func(format string, args ...any)) string {
	if len(s) <= limit || utf8.RuneCountInString(s) <= limit {
		return s
	}
	n := 0
	for i := range s {
		if n == limit {
			warn("%s cut to %d characters, the limit (was %d)", field, limit, utf8.RuneCountInString(s))
			return strings.TrimSpace(s[:i])
		}
		n++
	}
	return s
}

// cleanCard repairs the properties a card keeps (see store.Card): control
// characters removed from their parameters and values (but a tab in a
// value; a line break in one, which the vCard reader writes \n, is the
// store's validation to refuse), a property too large to keep dropped,
// the properties past the limit dropped, and a UID too long to keep
// dropped.
func cleanCard(c *store.Card, warn func(format string, args ...any)) {
	if utf8.RuneCountInString(c.UID) > store.MaxURL {
		warn("dropped a UID of %d characters (the limit is %d)", utf8.RuneCountInString(c.UID), store.MaxURL)
		c.UID = ""
	}
	c.UID = store.CleanText(c.UID, false)
	if len(c.Props) == 0 {
		return
	}
	out := c.Props[:0:0]
	for _, p := range c.Props {
		if len(p.Value) > store.MaxCardValue {
			warn("dropped the card's %s of %d bytes (the limit is %d)", p.Name, len(p.Value), store.MaxCardValue)
			continue
		}
		// a tab is text; a line break a kept value cannot hold is the
		// store's to refuse
		p.Params, p.Value = store.CleanText(p.Params, false), store.CleanText(p.Value, true)
		out = append(out, p)
	}
	if len(out) > store.MaxCardProps {
		warn("the card has %d properties, kept the first %d (the limit)", len(out), store.MaxCardProps)
		out = out[:store.MaxCardProps]
	}
	c.Props = out
}

// cleanContact repairs the contact fields of f as Clean does the others:
// text cleaned and cut to the store's limits, and addresses past the
// limit dropped. The types of a value are a parser's to read (a type
// that is no vCard type name is the vCard reader's to drop, with a
// warning); a kith export's are refused by the store's validation.
func cleanContact(f *store.Contact, one func(field string, s *string, limit int), warn func(format string, args ...any)) {
	n := &f.NameParts
	for _, p := range []struct {
		field string
		s     *string
	}{{"prefix", &n.Prefix}, {"given name", &n.Given}, {"middle name", &n.Additional}, {"family name", &n.Family},
		{"suffix", &n.Suffix}, {"phonetic given name", &n.PhoneticGiven}, {"phonetic family name", &n.PhoneticFamily}} {
		one(p.field, p.s, store.MaxName)
	}
	types := func(field string, ts []string) []string {
		var out []string
		for _, t := range ts {
			if t = strings.ToLower(strings.TrimSpace(store.CleanText(t, false))); t != "" {
				out = append(out, t)
			}
		}
		if len(out) > store.MaxItems {
			out = out[:store.MaxItems]
		}
		return out
	}
	typed := func(field string, ts []store.Typed) []store.Typed {
		if len(ts) > store.MaxItems {
			ts = ts[:store.MaxItems]
		}
		for i := range ts {
			ts[i].Types = types(field, ts[i].Types)
			one(field+" label", &ts[i].Label, store.MaxName)
		}
		return ts
	}
	f.EmailTypes = typed("e-mail", f.EmailTypes)
	f.PhoneTypes = typed("phone", f.PhoneTypes)
	f.URLTypes = typed("URL", f.URLTypes)
	if len(f.Addresses) > store.MaxItems {
		warn("%d addresses, kept the first %d (the limit)", len(f.Addresses), store.MaxItems)
		f.Addresses = f.Addresses[:store.MaxItems]
	}
	for i := range f.Addresses {
		a := &f.Addresses[i]
		a.Types = types("address", a.Types)
		for _, p := range []*string{&a.POBox, &a.Extended, &a.Locality, &a.Region, &a.PostalCode, &a.Country} {
			one("address", p, store.MaxName)
		}
		a.Street = Cut(strings.TrimSpace(store.CleanText(a.Street, true)), store.MaxAddress, "address", warn)
		a.Label = Cut(strings.TrimSpace(store.CleanText(a.Label, true)), store.MaxAddress, "address label", warn)
	}
}
