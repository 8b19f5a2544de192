package store

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The contact fields of a friend: what an address book keeps about a
// person beyond what kith asks with (the structured name, dates,
// addresses, what kind of address, number or link each value is), and
// the properties of the card the friend was imported from that kith
// keeps without modelling them (see Card).

// Contact is what an address book keeps about a friend that kith keeps
// but seldom reads: the name in parts, postal addresses, the types of the
// friend's e-mails, phones and links, and the card the friend was
// imported from. A friend without any has none (nil).
type Contact struct {
	NameParts  NameParts `json:"name_parts,omitzero"`
	Addresses  []Address `json:"addresses,omitempty"`
	EmailTypes []Typed   `json:"email_types,omitempty"`
	PhoneTypes []Typed   `json:"phone_types,omitempty"`
	URLTypes   []Typed   `json:"url_types,omitempty"`
	Card       Card      `json:"card,omitzero"`
}

// IsZero reports whether c holds nothing.
func (c *Contact) IsZero() bool {
	return c == nil || c.NameParts.IsZero() && len(c.Addresses) == 0 && len(c.EmailTypes) == 0 &&
		len(c.PhoneTypes) == 0 && len(c.URLTypes) == 0 && c.Card.IsZero()
}

// Clone returns a copy of c that shares nothing with it (nil for nil).
func (c *Contact) Clone() *Contact {
	if c == nil {
		return nil
	}
	n := *c
	n.Addresses = slices.Clone(c.Addresses)
	for i := range n.Addresses {
		n.Addresses[i].Types = slices.Clone(n.Addresses[i].Types)
	}
	n.EmailTypes, n.PhoneTypes, n.URLTypes = cloneTyped(c.EmailTypes), cloneTyped(c.PhoneTypes), cloneTyped(c.URLTypes)
	n.Card.Props = slices.Clone(c.Card.Props)
	return &n
}

func cloneTyped(ts []Typed) []Typed {
	out := slices.Clone(ts)
	for i := range out {
		out[i].Types = slices.Clone(out[i].Types)
	}
	return out
}

// MakeContact returns f's contact fields to fill, making them when f
// has none.
func (f *Friend) MakeContact() *Contact {
	if f.Contact == nil {
		f.Contact = new(Contact)
	}
	return f.Contact
}

// ContactFields returns f's contact fields to read, all zero when f has
// none: a copy (its lists are f's), made without allocating.
func (f *Friend) ContactFields() Contact {
	if f.Contact == nil {
		return Contact{}
	}
	return *f.Contact
}

// NameParts is a name in parts, as an address book keeps it (vCard's N,
// with the phonetic parts some address books add for sorting). A part
// may hold several names separated by commas ("Philip,Paul"), as N's
// components do.
type NameParts struct {
	Prefix         string `json:"prefix,omitempty"`
	Given          string `json:"given,omitempty"`
	Additional     string `json:"additional,omitempty"`
	Family         string `json:"family,omitempty"`
	Suffix         string `json:"suffix,omitempty"`
	PhoneticGiven  string `json:"phonetic_given,omitempty"`
	PhoneticFamily string `json:"phonetic_family,omitempty"`
}

// Rename gives f a new name. The name's parts go when they were the old
// name's ("Ada Lovelace" as Ada / Lovelace): an export derives the new
// name's instead of writing the old ones beside it. Parts that were not
// simply the old name (Bill Gates as William Henry / Gates) stay.
func (f *Friend) Rename(name string) {
	if c := f.Contact; c != nil && !c.NameParts.IsZero() && OneLine(name) != OneLine(f.Name) &&
		strings.EqualFold(OneLine(c.NameParts.Full()), OneLine(f.Name)) {
		c.NameParts = NameParts{}
	}
	f.Name = name
}

// Parts returns f's name in parts: the parts the friend was given (from an
// address book), else those SplitName derives from the name; none for an
// organisation.
func (f *Friend) Parts() NameParts {
	var n NameParts
	if f.Contact != nil {
		n = f.Contact.NameParts
	}
	if f.IsOrg || n.Prefix+n.Given+n.Additional+n.Family+n.Suffix != "" {
		return n
	}
	d := SplitName(f.Name)
	d.PhoneticGiven, d.PhoneticFamily = n.PhoneticGiven, n.PhoneticFamily
	return d
}

// IsZero reports whether n has no part.
func (n NameParts) IsZero() bool { return n == NameParts{} }

// Full composes the name as a letter would write it: "Dr. John Q. Public
// Jr."; a name in Chinese, Japanese or Korean script family first and
// without spaces ("王二狗"). The several names of a part are joined by
// spaces.
func (n NameParts) Full() string {
	part := func(s string) string { return strings.Join(strings.Fields(strings.ReplaceAll(s, ",", " ")), " ") }
	given, family := part(n.Given), part(n.Family)
	if given != "" && family != "" && n.Additional == "" && isHan(given) && isHan(family) {
		return strings.TrimSpace(part(n.Prefix) + " " + family + given + " " + part(n.Suffix))
	}
	var parts []string
	for _, s := range []string{part(n.Prefix), given, part(n.Additional), family, part(n.Suffix)} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}

// isHan reports whether s is written in Chinese characters, kana or
// hangul only: the scripts whose names are written family first with
// no space.
func isHan(s string) bool {
	for _, r := range s {
		if !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return false
		}
	}
	return s != ""
}

// Date is a day of the year, with or without its year: a birthday or an
// anniversary (vCard writes one without a year as --MMDD). Year is 0
// when unknown.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d == Date{} }

// String formats d as ParseDate reads it: 2006-01-02, or --01-02 without
// a year; "" when unset.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Year == 0:
		return fmt.Sprintf("--%02d-%02d", int(d.Month), d.Day)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Written is d as a person reads it: "10 Dec 1985", or "10 Dec" without
// the year; "" when unset.
func (d Date) Written() string {
	if d.IsZero() || d.Month < time.January || d.Month > time.December {
		return ""
	}
	s := fmt.Sprintf("%d %s", d.Day, d.Month.String()[:3])
	if d.Year != 0 {
		s += fmt.Sprintf(" %d", d.Year)
	}
	return s
}

// ParseDate reads a date as people and vCards write one: YYYY-MM-DD or
// YYYYMMDD, and without the year --MM-DD, --MMDD or MM-DD. The date must exist
// (29 February only in a leap year, or without a year) and its year lie
// from MinYear to MaxYear.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	var d Date
	digits := strings.ReplaceAll(s, "-", "")
	var ok bool
	switch {
	case strings.HasPrefix(s, "--") && (len(s) == 6 || len(s) == 7 && s[4] == '-'), len(s) == 5 && s[2] == '-':
		d.Month, d.Day, ok = monthDay(digits)
	case len(s) == 8 || len(s) == 10 && s[4] == '-' && s[7] == '-':
		if len(digits) == 8 && allDigits(digits[:4]) {
			d.Year, _ = strconv.Atoi(digits[:4])
			d.Month, d.Day, ok = monthDay(digits[4:])
		}
	}
	if !ok {
		return Date{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD, or --MM-DD without the year)", s)
	}
	if err := d.check(); err != nil {
		return Date{}, err
	}
	return d, nil
}

func monthDay(s string) (time.Month, int, bool) {
	if len(s) != 4 || !allDigits(s) {
		return 0, 0, false
	}
	m, _ := strconv.Atoi(s[:2])
	day, _ := strconv.Atoi(s[2:])
	return time.Month(m), day, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// check reports a date that does not exist or whose year kith does not
// keep.
func (d Date) check() error {
	if d.IsZero() {
		return nil
	}
	if d.Year != 0 && (d.Year < MinYear || d.Year > MaxYear) {
		return fmt.Errorf("the year %d is out of range: kith keeps dates from %d to %d", d.Year, MinYear, MaxYear)
	}
	if d.Month < time.January || d.Month > time.December {
		return fmt.Errorf("month %d: want 1-12", int(d.Month))
	}
	year := d.Year
	if year == 0 {
		year = 2000 // a leap year: 29 February is a birthday too
	}
	if d.Day < 1 || d.Day > daysIn(d.Month, year) {
		return fmt.Errorf("%s has no day %d", d.Month, d.Day)
	}
	return nil
}

func daysIn(m time.Month, year int) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Next returns the day of d's next occurrence on or after the day of
// from, at midnight in from's location: this year's, or next year's
// when this year's has passed. Someone born on 29 February has their
// birthday on the 28th in a common year.
func (d Date) Next(from time.Time) time.Time {
	y, m, day := from.Date()
	today := time.Date(y, m, day, 0, 0, 0, 0, from.Location())
	at := d.in(y, from.Location())
	if at.Before(today) {
		at = d.in(y+1, from.Location())
	}
	return at
}

// in returns d's day in year.
func (d Date) in(year int, loc *time.Location) time.Time {
	day := min(d.Day, daysIn(d.Month, year))
	return time.Date(year, d.Month, day, 0, 0, 0, 0, loc)
}

// MarshalText writes d as String does.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads d as ParseDate does; "" is no date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return fmt.Errorf("date %q: %w", b, err)
	}
	*d = v
	return nil
}

// Address is a postal address: vCard ADR's seven parts, what kind of
// address it is (home, work, other …) and its delivery label, the address
// as it is written on an envelope, when the source gives one.
type Address struct {
	Types      []string `json:"types,omitempty"`
	POBox      string   `json:"po_box,omitempty"`
	Extended   string   `json:"extended,omitempty"`
	Street     string   `json:"street,omitempty"`
	Locality   string   `json:"locality,omitempty"`
	Region     string   `json:"region,omitempty"`
	PostalCode string   `json:"postal_code,omitempty"`
	Country    string   `json:"country,omitempty"`
	Label      string   `json:"label,omitempty"`
}

// IsZero reports whether a holds no part and no label.
func (a *Address) IsZero() bool {
	return a.POBox == "" && a.Extended == "" && a.Street == "" && a.Locality == "" && a.Region == "" &&
		a.PostalCode == "" && a.Country == "" && a.Label == ""
}

// String is the address on one line: "221B Baker Street, London NW1 6XE,
// United Kingdom"; its label when it has no parts.
func (a *Address) String() string {
	var parts []string
	add := func(s string) {
		if s = OneLine(s); s != "" {
			parts = append(parts, s)
		}
	}
	add(a.POBox)
	add(a.Extended)
	add(a.Street)
	add(strings.TrimSpace(a.Locality + " " + a.Region + " " + a.PostalCode))
	add(a.Country)
	if len(parts) == 0 {
		return OneLine(a.Label)
	}
	return strings.Join(parts, ", ")
}

// Typed says what kind of address, number or link one of a friend's
// e-mails, phones or URLs is: its vCard types (home, work, cell, fax,
// pager, voice, text, internet …, lower case) and a label of its own (an
// address book's custom label, such as Apple's or Google's, or
// "assistant" for the number of someone's assistant). Value is the value
// it describes, as the friend's list holds it.
//
// The lists of values stay lists of strings, which is all the policy,
// the screens and the CLI use; the types sit beside them, matched by
// value, so a value removed from its list takes its types along (see
// Normalize) and a new one has none.
type Typed struct {
	Value string   `json:"value"`
	Types []string `json:"types,omitempty"`
	Label string   `json:"label,omitempty"`
}

// HasType reports whether t has the type typ (lower case).
func (t *Typed) HasType(typ string) bool {
	for _, x := range t.Types {
		if x == typ {
			return true
		}
	}
	return false
}

// Normalized is t as Normalize keeps it: types lower-cased and
// de-duplicated, the label on one line; nil when it says nothing.
func (t *Typed) Normalized() *Typed {
	if t == nil {
		return nil
	}
	n := Typed{Value: t.Value, Types: normTypes(t.Types), Label: OneLine(t.Label)}
	if len(n.Types) == 0 && n.Label == "" {
		return nil
	}
	return &n
}

// TypesOf returns the types of value v in list ts (EmailTypes,
// PhoneTypes or URLTypes), nil when it has none.
func TypesOf(ts []Typed, v string) *Typed {
	k := strings.ToLower(v)
	for i := range ts {
		if strings.ToLower(ts[i].Value) == k {
			return &ts[i]
		}
	}
	return nil
}

// Card is what kith keeps of the vCard a friend was imported from,
// beyond the fields it models: the card's UID, and its properties, each
// as the card had it, so that an export gives every one of them back.
//
// Props holds every property kith does not model (a photo, an instant
// messaging handle, a related person, a time zone, an x-property …), and
// the original of each modelled property that kith would not write the
// same way from its fields (one with a parameter kith does not model, a
// group, another value form). Such an original names the field it was
// read into (Of) and the sum of that field's value as read (Sum): an
// export writes the original while the field still has that value, and
// writes the field instead once it was changed.
type Card struct {
	// UID is the card's own UID, which kith writes back (and matches an
	// import by) instead of the one it derives for a friend of its own.
	UID string `json:"uid,omitempty"`
	// Version is the vCard version the properties are written in.
	Version string `json:"version,omitempty"`
	// Sum is ContactSum of the friend as read: while the friend still
	// has it, nothing kith models has changed since.
	Sum   string     `json:"sum,omitempty"`
	Props []CardProp `json:"props,omitempty"`
}

// IsZero reports whether c keeps nothing.
func (c *Card) IsZero() bool {
	return c.UID == "" && c.Version == "" && c.Sum == "" && len(c.Props) == 0
}

// CardProp is one property of a card as the card had it: its group
// ("item1"), its name as written, its parameters and its value, still
// escaped as the card's version escapes it. Params is the parameters in
// vCard syntax without the leading semicolon ("TYPE=work,voice;PREF=1").
// The value is in UTF-8 (a quoted-printable or 8-bit value was decoded,
// and its ENCODING and CHARSET parameters dropped). Of and Sum are set
// for the original of a modelled property (see Card).
type CardProp struct {
	Group  string `json:"group,omitempty"`
	Name   string `json:"name"`
	Params string `json:"params,omitempty"`
	Value  string `json:"value"`
	Of     string `json:"of,omitempty"`
	Sum    string `json:"sum,omitempty"`
}

// Size is how many bytes p takes.
func (p *CardProp) Size() int {
	return len(p.Group) + len(p.Name) + len(p.Params) + len(p.Value) + len(p.Of) + len(p.Sum)
}

// IsPerson reports whether f is a person, someone to ask; an
// organisation (a company card) is kept as a contact but is not a friend
// you ask favours of: the policy ranks none (see policy.Rank).
func (f *Friend) IsPerson() bool { return !f.IsOrg }

// normalizeTyped tidies the types of the values in list: each value
// spelt as the list spells it, types lower-cased and de-duplicated, the
// label on one line; an entry whose value is not in list (removed, or
// never there), that repeats one before it, or that says nothing, is
// dropped.
func normalizeTyped(ts []Typed, list []string, clean func(string) string) []Typed {
	if len(ts) == 0 {
		return nil
	}
	in := make(map[string]string, len(list))
	for _, v := range list {
		in[strings.ToLower(v)] = v
	}
	out := ts[:0:0]
	seen := make(map[string]bool, len(ts))
	for _, t := range ts {
		k := strings.ToLower(clean(t.Value))
		v, ok := in[k]
		t.Value = v
		t.Types = normTypes(t.Types)
		t.Label = OneLine(t.Label)
		if !ok || seen[k] || (len(t.Types) == 0 && t.Label == "") {
			continue
		}
		seen[k] = true
		out = append(out, t)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// normTypes lower-cases and de-duplicates types, dropping empty ones.
func normTypes(types []string) []string {
	return uniq(types, func(s string) string { return strings.ToLower(OneLine(s)) })
}

// Normalize tidies a as Friend.Normalize does: parts trimmed, one line
// but the street and the label, which keep their line breaks.
func (a *Address) Normalize() { normalizeAddress(a) }

func normalizeAddress(a *Address) {
	a.Types = normTypes(a.Types)
	a.POBox, a.Extended = OneLine(a.POBox), OneLine(a.Extended)
	a.Street = multiLine(a.Street)
	a.Locality, a.Region, a.PostalCode, a.Country = OneLine(a.Locality), OneLine(a.Region), OneLine(a.PostalCode), OneLine(a.Country)
	a.Label = multiLine(a.Label)
}

// multiLine trims every line of s and drops empty ones (a label's
// spaces within a line are kept: "CA  91921" is how some write it).
func multiLine(s string) string {
	if !strings.ContainsAny(s, "\r\n\t") {
		return strings.TrimSpace(s)
	}
	var lines []string
	for _, l := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }) {
		if l = strings.TrimSpace(strings.ReplaceAll(l, "\t", " ")); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// normalizeContact tidies the contact fields of f (see Normalize); f
// has none (Contact nil) when they are all empty.
func (f *Friend) normalizeContact() {
	f.Department = OneLine(f.Department)
	if f.IsOrg && f.Org == "" {
		f.Org = f.Name // an organisation's organisation is itself
	}
	c := f.Contact
	if c == nil {
		return
	}
	n := &c.NameParts
	for _, p := range []*string{&n.Prefix, &n.Given, &n.Additional, &n.Family, &n.Suffix, &n.PhoneticGiven, &n.PhoneticFamily} {
		*p = OneLine(*p)
	}
	c.EmailTypes = normalizeTyped(c.EmailTypes, f.Emails, NormEmail)
	c.PhoneTypes = normalizeTyped(c.PhoneTypes, f.Phones, NormPhone)
	c.URLTypes = normalizeTyped(c.URLTypes, f.URLs, strings.TrimSpace)
	if len(c.Addresses) > 0 {
		out := c.Addresses[:0]
		for _, a := range c.Addresses {
			normalizeAddress(&a)
			if !a.IsZero() {
				out = append(out, a)
			}
		}
		c.Addresses = out
		if len(out) == 0 {
			c.Addresses = nil
		}
	}
	c.Card.UID = strings.TrimSpace(c.Card.UID)
	if c.IsZero() {
		f.Contact = nil
	}
}

// validateContact reports the first problem with the contact fields of
// f, naming the field.
func (f *Friend) validateContact() error {
	for field, d := range map[string]Date{"birthday": f.Birthday, "anniversary": f.Anniversary} {
		if err := d.check(); err != nil {
			return &FieldError{Field: field, Msg: err.Error()}
		}
	}
	if err := checkLen("department", f.Department, MaxName); err != nil {
		return err
	}
	c := f.Contact
	if c == nil {
		return nil
	}
	n := &c.NameParts
	if err := firstErr(
		checkLen("prefix", n.Prefix, MaxName), checkLen("given-name", n.Given, MaxName),
		checkLen("additional-name", n.Additional, MaxName), checkLen("family-name", n.Family, MaxName),
		checkLen("suffix", n.Suffix, MaxName), checkLen("phonetic-given-name", n.PhoneticGiven, MaxName),
		checkLen("phonetic-family-name", n.PhoneticFamily, MaxName),
		checkCount("address", len(c.Addresses)),
		checkTyped("email", c.EmailTypes), checkTyped("phone", c.PhoneTypes), checkTyped("url", c.URLTypes),
	); err != nil {
		return err
	}
	for i := range c.Addresses {
		a := &c.Addresses[i]
		if err := firstErr(
			checkTypes("address", a.Types),
			checkLen("address", a.POBox, MaxName), checkLen("address", a.Extended, MaxName),
			checkLen("address", a.Street, MaxAddress), checkLen("address", a.Locality, MaxName),
			checkLen("address", a.Region, MaxName), checkLen("address", a.PostalCode, MaxName),
			checkLen("address", a.Country, MaxName), checkLen("address", a.Label, MaxAddress),
		); err != nil {
			return err
		}
	}
	return c.Card.check()
}

// checkTyped checks the types of a list's values.
func checkTyped(field string, ts []Typed) error {
	if err := checkCount(field, len(ts)); err != nil {
		return err
	}
	for i := range ts {
		if err := firstErr(checkTypes(field, ts[i].Types), checkLen(field, ts[i].Label, MaxName)); err != nil {
			return err
		}
	}
	return nil
}

// checkTypes reports a type that is not a vCard type name (letters,
// digits and dashes, as a TYPE parameter holds it unquoted).
func checkTypes(field string, types []string) error {
	if len(types) > MaxItems {
		return &FieldError{Field: field, Msg: fmt.Sprintf("%d types; the limit is %d", len(types), MaxItems)}
	}
	for _, t := range types {
		if t == "" || len(t) > MaxType || !isName(t) {
			return &FieldError{Field: field, Msg: fmt.Sprintf("type %q: want letters, digits and dashes, at most %d", t, MaxType)}
		}
	}
	return nil
}

// isName reports whether s is a vCard name: ASCII letters, digits and
// dashes.
func isName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return s != ""
}

// check reports a card kith could not write back as it was read: too
// many or too large properties, or one whose name, group or parameters
// are not vCard syntax, or that holds a line break (a property is one
// content line: a line break in it would end it, and could start
// another card).
func (c *Card) check() error {
	if err := checkLen("card", c.UID, MaxURL); err != nil {
		return err
	}
	if strings.ContainsAny(c.UID+c.Version+c.Sum, "\r\n") {
		return &FieldError{Field: "card", Msg: "the UID holds a line break"}
	}
	if len(c.Props) > MaxCardProps {
		return &FieldError{Field: "card", Msg: fmt.Sprintf("%d properties; the limit is %d", len(c.Props), MaxCardProps)}
	}
	for i := range c.Props {
		if err := c.Props[i].Check(); err != nil {
			return &FieldError{Field: "card", Msg: fmt.Sprintf("property %d%s", i+1, err.Error())}
		}
	}
	return nil
}

// Check reports a property a card cannot keep (see Card): one whose name,
// group or parameters are not vCard syntax, that holds a line break or
// is too large. The message starts with the property's name in
// parentheses, or with ": " when the name is the problem.
func (p *CardProp) Check() error {
	switch {
	case !isName(p.Name) || len(p.Name) > MaxName:
		return fmt.Errorf(": %q is not a property name", p.Name)
	case p.Group != "" && (!isName(p.Group) || len(p.Group) > MaxName):
		return fmt.Errorf(" (%s): %q is not a group name", p.Name, p.Group)
	case strings.ContainsAny(p.Params+p.Value+p.Of+p.Sum, "\r\n"):
		return fmt.Errorf(" (%s) holds a line break", p.Name)
	case !validParams(p.Params):
		return fmt.Errorf(" (%s): parameters %q are not vCard syntax", p.Name, p.Params)
	case len(p.Value) > MaxCardValue:
		return fmt.Errorf(" (%s) is %d bytes; the limit is %d", p.Name, len(p.Value), MaxCardValue)
	case !utf8.ValidString(p.Value) || !utf8.ValidString(p.Params):
		return fmt.Errorf(" (%s) is not UTF-8", p.Name)
	}
	return nil
}

// validParams reports whether s is a list of vCard parameters,
// NAME=value[,value] separated by semicolons, each value quoted or
// holding no ; : , or quote.
func validParams(s string) bool {
	for s != "" {
		eq := strings.IndexByte(s, '=')
		if eq <= 0 || !isName(s[:eq]) {
			return false
		}
		s = s[eq+1:]
		for {
			if strings.HasPrefix(s, `"`) {
				end := strings.IndexByte(s[1:], '"')
				if end < 0 {
					return false
				}
				s = s[end+2:]
			} else {
				end := strings.IndexAny(s, `;:,"`)
				if end < 0 {
					end = len(s)
				}
				if s[end:] != "" && s[end] != ';' && s[end] != ',' {
					return false
				}
				s = s[end:]
			}
			if !strings.HasPrefix(s, ",") {
				break
			}
			s = s[1:]
		}
		if s == "" {
			return true
		}
		if s[0] != ';' {
			return false
		}
		s = s[1:]
		if s == "" {
			return false
		}
	}
	return true
}
