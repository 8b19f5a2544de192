package vcard

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"kith/store"
	"kith/store/importer"
)

// srcProp is a property of the card being read, with what it was read
// into.
type srcProp struct {
	prop
	of    string       // the field it was read into, "" for none
	item  int          // the value of a list field it was read as
	typed *store.Typed // what this property says of that value
	drop  bool         // not kept: VERSION, UID, kith's own X-KITH-…
}

// scratch is what toRecord reads a card with and lets go of after: the
// reader, with the properties as read and the form keep stores them in.
// Nothing of a record points into it (the friend and its contact are
// copied out, and every other field is made anew for each card), and so
// the next card reads with the same one: a slice of properties made for
// each card was 172 MB of the 650 MB that parsing 100,000 cards
// allocated (BenchmarkParse); of the 1.24 GB that importing the demo's
// 100,000 cards did (a memory profile), a slice of stored forms was 168
// MB and the reader 98 MB.
type scratch struct{ r reader }

// reader reads one card.
type reader struct {
	file    string
	begin   int
	version string // of the card: 2.1, 3.0 or 4.0
	own     bool   // written by kith
	warns   []importer.Warning
	f       store.Friend
	c       store.Contact // f's contact fields, which f.Contact points to while the card is read
	props   []srcProp
	stored  []prop // the properties as keep stores them
	// allCanonical's: the fields read, and the properties of one
	fields []string
	src    []prop
	// the raw values of the list fields, in the order read
	emails, notes, sectors []string
}

func (r *reader) warn(line int, msg string) {
	r.warns = append(r.warns, importer.Warning{Source: importer.Source(r.file, line), Msg: msg})
}

// toRecord maps a card's properties to a friend, and keeps the card's
// other properties with it (see store.Card). A date kith cannot keep is
// an error naming its line. scratch holds what one card is read with,
// for the next card to read into.
func toRecord(card []prop, file string, begin int, scratch *scratch) (importer.Record, []importer.Warning, error) {
	r := &scratch.r
	*r = reader{file: file, begin: begin, version: V3, props: slices.Grow(r.props[:0], len(card))[:len(card)],
		stored: r.stored[:0], fields: r.fields[:0], src: r.src[:0]}
	rec := importer.Record{Source: importer.Source(file, begin)}
	var latin []string
	latinLine := 0
	for i := range card {
		p := &card[i]
		r.props[i] = srcProp{prop: *p, item: -1}
		sp := &r.props[i]
		if binaryProps[p.name] {
			sp.value = strings.Join(strings.Fields(sp.value), "")
			continue
		}
		w, l := sp.decodeValue()
		if w != "" {
			r.warn(p.line, w)
		}
		sp.prop = sanitized(sp.prop)
		if l {
			if latin == nil {
				latinLine = p.line
			}
			if !slices.Contains(latin, p.name) {
				latin = append(latin, p.name)
			}
		}
		switch p.name {
		case "VERSION":
			switch v := strings.TrimSpace(sp.value); v {
			case "2.1", "3.0", "4.0":
				r.version = v
			default:
				r.warn(p.line, "unknown VERSION "+sp.value+", read as 4.0")
				r.version = V4
			}
		case "PRODID":
			r.own = strings.TrimSpace(sp.value) == prodID
		}
	}
	if err := r.model(&rec); err != nil {
		return rec, nil, err
	}
	if latin != nil {
		r.warn(latinLine, strings.Join(latin, ", ")+": not UTF-8, and no CHARSET names another encoding: read as windows-1252; check the letters")
	}
	r.keep()
	// kith's own card keeps its circles apart (X-KITH-CIRCLE): its
	// CATEGORIES are its sectors, and the import keeps them so.
	rec.Sorted = r.own
	rec.Friend = r.f
	rec.Friend.Contact = nil
	if !r.c.IsZero() {
		c := r.c
		rec.Friend.Contact = &c
	}
	return rec, r.warns, nil
}

// model reads the properties kith models into r.f.
func (r *reader) model(rec *importer.Record) error {
	f, c := &r.f, &r.c
	f.Contact = c
	var n, org []string
	var fileAs string
	hasTitle := false
	for i := range r.props {
		hasTitle = hasTitle || r.props[i].name == "TITLE"
	}
	roleRead := false
	var labels map[string]string // group → its X-ABLabel
	for i := range r.props {
		if p := &r.props[i]; p.name == "X-ABLABEL" && p.group != "" {
			if labels == nil {
				labels = map[string]string{}
			}
			labels[strings.ToLower(p.group)] = unwrapLabel(unescape(p.value))
		}
	}
	typed := func(p *srcProp) *store.Typed {
		t := &store.Typed{Label: labels[strings.ToLower(p.group)]}
		for _, ty := range p.paramValues("TYPE") {
			ty = strings.ToLower(strings.TrimSpace(ty))
			if !typeName(ty) {
				if ty != "" {
					r.warn(p.line, p.name+" type "+strconv.Quote(ty)+" is no vCard type: kept in the card as it was")
				}
				continue
			}
			t.Types = append(t.Types, ty)
		}
		if len(t.Types) == 0 && t.Label == "" {
			return nil
		}
		return t
	}
	for i := range r.props {
		p := &r.props[i]
		if binaryProps[p.name] {
			continue
		}
		switch p.name {
		case "VERSION", "BEGIN", "END":
			p.drop = true
		case "PRODID":
			p.of, p.drop = store.FieldCard, r.own
		case "REV":
			p.of, p.drop = store.FieldCard, r.kithRev(p.value)
		case "KIND", "X-ADDRESSBOOKSERVER-KIND":
			switch k := strings.ToLower(strings.TrimSpace(p.value)); k {
			case "group", "location":
				rec.Skip = "a vCard of KIND " + k + ", not a person"
			case "org", "organization":
				f.IsOrg, p.of = true, store.FieldKind
			case "individual":
				p.of = store.FieldKind
			}
		case "X-ABSHOWAS":
			if strings.EqualFold(strings.TrimSpace(p.value), "COMPANY") {
				f.IsOrg, p.of = true, store.FieldKind
			}
		case "FN":
			if f.Name == "" && !blank(p.value) {
				f.Name, p.of = unescape(p.value), store.FieldName
			}
		case "N":
			if n == nil {
				n, p.of = split(p.value, ';'), store.FieldNameParts
			}
		case "X-PHONETIC-FIRST-NAME":
			if c.NameParts.PhoneticGiven == "" {
				c.NameParts.PhoneticGiven, p.of = unescape(p.value), store.FieldNameParts
			}
		case "X-PHONETIC-LAST-NAME":
			if c.NameParts.PhoneticFamily == "" {
				c.NameParts.PhoneticFamily, p.of = unescape(p.value), store.FieldNameParts
			}
		case "UID":
			rec.UID = p.value
			c.Card.UID = strings.TrimSpace(p.value)
			p.drop = true
		case "NICKNAME":
			for _, s := range split(p.value, ',') {
				if s = strings.TrimSpace(s); s != "" {
					if f.Nickname != "" {
						f.Nickname += ", "
					}
					f.Nickname += s
				}
			}
			p.of = store.FieldNickname
		case "EMAIL":
			p.of, p.item = store.FieldEmail, len(f.Emails)
			f.Emails = append(f.Emails, unescape(p.value))
			r.emails = append(r.emails, unescape(p.value))
			if t := typed(p); t != nil {
				t.Value = unescape(p.value)
				c.EmailTypes = append(c.EmailTypes, *t)
				p.typed = t
			}
		case "TEL":
			v := readTel(unescape(p.value))
			p.of, p.item = store.FieldPhone, len(f.Phones)
			f.Phones = append(f.Phones, v)
			if t := typed(p); t != nil {
				t.Value = v
				c.PhoneTypes = append(c.PhoneTypes, *t)
				p.typed = t
			}
		case "URL", "X-SOCIALPROFILE":
			v := unescape(p.value)
			p.of, p.item = store.FieldURL, len(f.URLs)
			f.URLs = append(f.URLs, v)
			if t := typed(p); t != nil {
				t.Value = v
				c.URLTypes = append(c.URLTypes, *t)
				p.typed = t
			}
		case "ADR":
			a := readADR(&p.prop)
			if t := typed(p); t != nil {
				a.Types = t.Types
			}
			p.of, p.item = store.FieldAddress, len(c.Addresses)
			c.Addresses = append(c.Addresses, a)
		case "ORG":
			if org == nil {
				org, p.of = split(p.value, ';'), store.FieldOrg
			}
		case "TITLE":
			if f.Role == "" && !blank(p.value) {
				f.Role, p.of, roleRead = unescape(p.value), store.FieldRole, true
			}
		case "ROLE":
			if !hasTitle && !roleRead && !blank(p.value) {
				f.Role, p.of, roleRead = unescape(p.value), store.FieldRole, true
			}
		case "NOTE":
			if s := strings.TrimSpace(unescape(p.value)); !blank(p.value) {
				r.notes = append(r.notes, s)
				p.of = store.FieldNotes
			}
		case "CATEGORIES":
			r.sectors = append(r.sectors, split(p.value, ',')...)
			p.of = store.FieldSectors
		case "BDAY":
			if f.Birthday.IsZero() {
				f.Birthday, p.of = r.date(&p.prop, "birthday"), store.FieldBirthday
			}
		case "ANNIVERSARY", "X-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY", "X-ABDATE":
			if p.name == "X-ABDATE" && !strings.EqualFold(labels[strings.ToLower(p.group)], "Anniversary") {
				continue
			}
			if f.Anniversary.IsZero() {
				f.Anniversary, p.of = r.date(&p.prop, "anniversary"), store.FieldAnniversary
			}
		case "AGENT":
			if strings.TrimSpace(p.value) == "" {
				// vCard 2.1's AGENT is a whole card nested in this one,
				// which the reader skips.
				p.drop = true
				r.warn(p.line, "AGENT: the card nested in this one (an assistant's, say) is not kept")
			}
		case "X-EVOLUTION-FILE-AS":
			if fileAs == "" {
				fileAs = strings.TrimSpace(unescape(p.value))
			}
		default:
			if strings.HasPrefix(p.name, "X-KITH-") {
				p.drop = true
				if err := r.kith(p); err != nil {
					return err
				}
			}
		}
		if (p.of == store.FieldBirthday && f.Birthday.IsZero()) || (p.of == store.FieldAnniversary && f.Anniversary.IsZero()) {
			p.of = "" // not read as a date: kept as it was
		}
	}
	r.labelAddresses(labels)
	if n != nil {
		get := func(i int) string {
			if i < len(n) {
				return strings.TrimSpace(n[i])
			}
			return ""
		}
		c.NameParts.Family, c.NameParts.Given, c.NameParts.Additional = get(0), get(1), get(2)
		c.NameParts.Prefix, c.NameParts.Suffix = get(3), get(4)
	}
	if f.Name == "" {
		f.Name = c.NameParts.Full()
	}
	for i, o := range org {
		if o = strings.TrimSpace(o); o != "" {
			f.Org = o // the first part of ORG is the organisation; the rest are units
			var units []string
			for _, u := range org[i+1:] {
				if u = strings.TrimSpace(u); u != "" {
					units = append(units, u)
				}
			}
			f.Department = strings.Join(units, ", ")
			break
		}
	}
	// With no FN and no N, Evolution's FILE-AS is the name the user
	// chose; failing that, importer.Clean names the card after its
	// organisation, then its e-mail.
	if strings.TrimSpace(f.Name) == "" && fileAs != "" {
		f.Name = fileAs
		r.warn(r.begin, "no FN or N: named "+strconv.Quote(fileAs)+" from X-EVOLUTION-FILE-AS")
	}
	// Google's groups are no sectors, from any card: a card kith wrote
	// may hold another program's CATEGORIES as they were (see Write).
	f.Sectors = slices.DeleteFunc(r.sectors, importer.SystemGroup)
	if r.own {
		// kith's own card: the categories X-KITH-CIRCLE names are circles.
		f.Sectors = slices.DeleteFunc(f.Sectors, func(s string) bool {
			return slices.ContainsFunc(f.Circles, func(c string) bool { return strings.EqualFold(c, s) })
		})
	}
	f.Notes = strings.Join(r.notes, "\n\n")
	return nil
}

// kithRev reports whether rev is the REV kith writes for the card: its
// X-KITH-UPDATED (a card kith wrote and another program kept).
func (r *reader) kithRev(rev string) bool {
	for i := range r.props {
		if r.props[i].name == "X-KITH-UPDATED" {
			t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(r.props[i].value))
			return err == nil && t.UTC().Format("20060102T150405Z") == strings.TrimSpace(rev)
		}
	}
	return false
}

// blank reports whether a text value holds nothing once cleaned (only
// white space, control characters or escapes): such a property is kept
// as it is, not read into a field.
func blank(v string) bool { return strings.TrimSpace(store.CleanText(unescape(v), true)) == "" }

// typeName reports whether t can be a type kith keeps: a vCard name of
// at most store.MaxType characters.
func typeName(t string) bool {
	if t == "" || len(t) > store.MaxType {
		return false
	}
	for i := 0; i < len(t); i++ {
		if c := t[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// readADR reads an address: ADR's seven fields and, in 4.0, its LABEL.
func readADR(p *prop) store.Address {
	parts := split(p.value, ';')
	get := func(i int) string {
		if i < len(parts) {
			return strings.TrimSpace(parts[i])
		}
		return ""
	}
	a := store.Address{POBox: get(0), Extended: get(1), Street: get(2), Locality: get(3), Region: get(4), PostalCode: get(5), Country: get(6)}
	if l := p.param("LABEL"); l != "" {
		a.Label = unescape(l)
	}
	return a
}

// labelAddresses gives each vCard 3.0 LABEL property (an address as it
// is written on an envelope) to its address: the ADR of its group, else
// the first one of the same types without a label.
func (r *reader) labelAddresses(labels map[string]string) {
	f := &r.c
	for i := range r.props {
		p := &r.props[i]
		if p.name != "LABEL" {
			continue
		}
		types := p.paramValues("TYPE")
		for j := range r.props {
			q := &r.props[j]
			if q.name != "ADR" || q.item < 0 || f.Addresses[q.item].Label != "" {
				continue
			}
			if p.group != "" && strings.EqualFold(p.group, q.group) || p.group == "" && q.group == "" && sameTypes(types, q.paramValues("TYPE")) {
				f.Addresses[q.item].Label = unescape(p.value)
				p.of, p.item = store.FieldAddress, q.item
				break
			}
		}
	}
}

func sameTypes(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !containsFold(b, x) {
			return false
		}
	}
	return true
}

// date reads a birthday or an anniversary: YYYY-MM-DD, YYYYMMDD, --MMDD
// or --MM-DD (a time after it is dropped), and Apple's dates without a
// year (1604-03-15 with X-APPLE-OMIT-YEAR=1604). One that is no date
// kith keeps (a text such as "circa 1800", or a year outside 1900-2200)
// stays in the card as it was, with a warning.
func (r *reader) date(p *prop, what string) store.Date {
	v := strings.TrimSpace(p.value)
	if strings.EqualFold(p.param("VALUE"), "text") {
		r.warn(p.line, what+" "+strconv.Quote(v)+" is text, not a date: kept in the card as it was")
		return store.Date{}
	}
	if i := strings.IndexByte(v, 'T'); i > 0 {
		v = v[:i]
	}
	if omit := p.param("X-APPLE-OMIT-YEAR"); omit != "" && strings.HasPrefix(v, omit) {
		v = "--" + strings.TrimLeft(v[len(omit):], "-") // --MM-DD or --MMDD
	}
	d, err := store.ParseDate(v)
	if err != nil {
		r.warn(p.line, what+" "+strconv.Quote(p.value)+": "+err.Error()+"; kept in the card as it was")
		return store.Date{}
	}
	return d
}

// kith reads one of kith's own X-KITH-… properties.
func (r *reader) kith(p *srcProp) error {
	f := &r.f
	switch p.name {
	case "X-KITH-CLOSENESS":
		c, err := strconv.Atoi(strings.TrimSpace(p.value))
		if err != nil || c < store.MinCloseness || c > store.MaxCloseness {
			r.warn(p.line, "X-KITH-CLOSENESS "+strconv.Quote(p.value)+" ignored: want 1-5")
		} else {
			f.Closeness = c
		}
	case "X-KITH-WORKED-TOGETHER":
		b, err := strconv.ParseBool(strings.TrimSpace(p.value))
		if err != nil {
			r.warn(p.line, "X-KITH-WORKED-TOGETHER "+strconv.Quote(p.value)+" ignored: want true or false")
		}
		f.WorkedTogether = b
	case "X-KITH-WORKED-NOTE":
		f.WorkedNote = unescape(p.value)
	case "X-KITH-BOUNDARY":
		b, err := store.ParseBoundary(unescape(p.value))
		if err != nil {
			r.warn(p.line, "X-KITH-BOUNDARY ignored: "+err.Error())
		} else {
			f.Boundaries = append(f.Boundaries, b)
		}
	case "X-KITH-BUSY":
		m, err := store.ParseMonthRange(unescape(p.value))
		if err != nil {
			r.warn(p.line, "X-KITH-BUSY ignored: "+err.Error())
		} else {
			f.Busy = append(f.Busy, m)
		}
	case "X-KITH-CIRCLE":
		f.Circles = append(f.Circles, unescape(p.value))
	case "X-KITH-MOMENT":
		m, err := store.ParseMoment(unescape(p.value), time.Time{})
		if err != nil {
			r.warn(p.line, "X-KITH-MOMENT ignored: "+err.Error())
		} else {
			f.Moments = append(f.Moments, m)
		}
	case "X-KITH-CHANNEL":
		f.Channel = unescape(p.value)
	case "X-KITH-ARCHIVED":
		f.Archived, _ = strconv.ParseBool(strings.TrimSpace(p.value))
	case "X-KITH-CREATED", "X-KITH-UPDATED":
		t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(p.value))
		if err != nil {
			r.warn(p.line, p.name+" ignored: want an RFC 3339 time")
		} else if err := importer.CheckDate(r.file, p.line, p.name, strings.TrimSpace(p.value), t); err != nil {
			return err
		} else if p.name == "X-KITH-CREATED" {
			f.Created = t
		} else {
			f.Updated = t
		}
	default:
		p.drop = false // an X-KITH- property this kith does not know: kept
	}
	return nil
}

// readTel turns a tel URI (RFC 3966, as vCard 4.0 writes TEL) into the
// number as people write it: "tel:+1-418-656-9254;ext=102" is
// "+1-418-656-9254 ext. 102". Its other parameters (phone-context, isub)
// are kept as written; a value that is not a tel URI is left alone but
// for an ";ext=" of its own. Only the first extension is kept.
func readTel(v string) string {
	v = strings.TrimSpace(v)
	if len(v) > 4 && strings.EqualFold(v[:4], "tel:") {
		v = v[4:]
	}
	if !strings.Contains(strings.ToLower(v), ";ext=") {
		return v
	}
	parts := strings.Split(v, ";")
	kept, ext := []string{parts[0]}, ""
	for _, p := range parts[1:] {
		if len(p) >= 4 && strings.EqualFold(p[:4], "ext=") {
			if ext == "" {
				ext = strings.TrimSpace(p[4:])
			}
			continue
		}
		kept = append(kept, p)
	}
	v = strings.Join(kept, ";")
	if ext != "" {
		v += " ext. " + ext
	}
	return v
}
