// Package googlecsv reads Google Contacts' CSV export ("Google CSV"), in
// its current form (First Name, Middle Name, Last Name, …, Organization
// Name, Organization Title, Notes, Labels, E-mail 1 - Label, E-mail 1 -
// Value, Phone 1 - Value, Website 1 - Value, …) and the older one (Name,
// Given Name, …, Group Membership, E-mail 1 - Type, Organization 1 -
// Name, …).
//
// Google writes a UTF-8 byte order mark, quotes fields holding commas
// and line breaks, and puts several values in one cell separated by
// " ::: ". Labels (except Google's own groups, see
// importer.SystemGroup) become sectors. The older form's Name column is
// the name as Google shows it, so it is used as it is: rebuilt from the
// parts it would put "二狗王" (given 二狗, family 王) as "王 二狗"; the
// parts make the name only when Name is empty.
package googlecsv

import (
	"fmt"
	"io"
	"strings"

	"kith/store"
	"kith/store/importer"
)

// Format is the name the importer reports.
const Format = "google"

// MaxFileSize bounds what Parse reads.
const MaxFileSize = 256 << 20

// Looks reports whether data (the start of a file) is a Google Contacts
// CSV.
func Looks(data []byte) bool {
	l := strings.ToLower(strings.Join(importer.HeaderFields(data), ","))
	return strings.Contains(l, "e-mail 1 - value") || strings.Contains(l, "phone 1 - value") ||
		(strings.Contains(l, "given name") && strings.Contains(l, "family name")) ||
		(strings.Contains(l, "first name") && strings.Contains(l, "organization name"))
}

// Parse reads a Google Contacts CSV; name is the file name for messages.
func Parse(r io.Reader, name string) (*importer.Input, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, importer.Errorf(name, 0, "read: %v", err)
	}
	if len(data) > MaxFileSize {
		return nil, importer.Errorf(name, 0, "larger than %d MB", MaxFileSize>>20)
	}
	t, err := importer.ReadCSV(data, name, 1)
	if err != nil {
		return nil, err
	}
	col := func(names ...string) int {
		for _, n := range names {
			if i := t.Col(n); i >= 0 {
				return i
			}
		}
		return -1
	}
	first, middle, last := col("First Name", "Given Name"), col("Middle Name", "Additional Name"), col("Last Name", "Family Name")
	full, fileAs := col("Name"), col("File As")
	prefix, suffix := col("Name Prefix"), col("Name Suffix")
	phoneticFirst, phoneticLast := col("Phonetic First Name", "Given Name Yomi"), col("Phonetic Last Name", "Family Name Yomi")
	nick := col("Nickname")
	org, title := col("Organization Name", "Organization 1 - Name"), col("Organization Title", "Organization 1 - Title")
	dept, birthday := col("Organization Department", "Organization 1 - Department"), col("Birthday")
	notes, labels := col("Notes"), col("Labels", "Group Membership")
	if first < 0 && last < 0 && full < 0 {
		return nil, importer.Errorf(name, 1, "the header has no First Name, Last Name or Name column: not a Google Contacts CSV")
	}
	// Each "X n - Value" column, and the "X n - Label" (new) or
	// "X n - Type" (old) column that says what kind of value it is.
	type valueCol struct{ value, label int }
	var emails, phones, sites, events []valueCol
	var addresses []string // "Address 1 -" …
	for i, h := range t.Header {
		lh := strings.ToLower(h)
		if strings.HasPrefix(lh, "address ") && strings.HasSuffix(lh, " - street") {
			addresses = append(addresses, h[:len(h)-len(" Street")])
		}
		if !strings.HasSuffix(lh, " - value") {
			continue
		}
		base := h[:len(h)-len(" - Value")]
		vc := valueCol{value: i, label: col(base+" - Label", base+" - Type")}
		switch {
		case strings.HasPrefix(lh, "e-mail "), strings.HasPrefix(lh, "email "):
			emails = append(emails, vc)
		case strings.HasPrefix(lh, "phone "):
			phones = append(phones, vc)
		case strings.HasPrefix(lh, "website "):
			sites = append(sites, vc)
		case strings.HasPrefix(lh, "event "):
			events = append(events, vc)
		}
	}
	// multi reads the values of cols (several in a cell are separated by
	// " ::: "), each with the types its label gives.
	multi := func(row importer.Row, cols []valueCol, types *[]store.Typed) []string {
		var out []string
		for _, c := range cols {
			ty, label := importer.LabelTypes(t.Get(row, c.label))
			for _, v := range strings.Split(t.Get(row, c.value), ":::") {
				if v = strings.TrimSpace(v); v != "" {
					out = append(out, v)
					if ty != nil || label != "" {
						*types = append(*types, store.Typed{Value: v, Types: ty, Label: label})
					}
				}
			}
		}
		return out
	}
	in := &importer.Input{Format: Format, Records: make([]importer.Record, 0, len(t.Rows)), Warnings: t.Warnings}
	for _, row := range t.Rows {
		rec := importer.Record{Source: importer.Source(name, row.Line)}
		f := &rec.Friend
		f.Name = t.Get(row, full)
		if f.Name == "" {
			var parts []string
			for _, c := range []int{prefix, first, middle, last, suffix} {
				if v := t.Get(row, c); v != "" {
					parts = append(parts, v)
				}
			}
			f.Name = strings.Join(parts, " ")
		}
		if f.Name == "" {
			f.Name = t.Get(row, fileAs)
		}
		var c store.Contact
		c.NameParts = store.NameParts{Prefix: t.Get(row, prefix), Given: t.Get(row, first), Additional: t.Get(row, middle),
			Family: t.Get(row, last), Suffix: t.Get(row, suffix), PhoneticGiven: t.Get(row, phoneticFirst), PhoneticFamily: t.Get(row, phoneticLast)}
		f.Nickname = t.Get(row, nick)
		f.Org = t.Get(row, org)
		f.Department = t.Get(row, dept)
		f.Role = t.Get(row, title)
		f.Notes = t.Get(row, notes)
		f.Emails = multi(row, emails, &c.EmailTypes)
		f.Phones = multi(row, phones, &c.PhoneTypes)
		f.URLs = multi(row, sites, &c.URLTypes)
		warn := func(format string, args ...any) {
			in.Warnings = append(in.Warnings, importer.Warning{Source: rec.Source, Msg: fmt.Sprintf(format, args...)})
		}
		if s := t.Get(row, birthday); s != "" {
			d, _, why := importer.ReadDate(s)
			if why != "" {
				warn("birthday %q ignored: %s", s, why)
			}
			f.Birthday = d
		}
		for _, e := range events {
			if l := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(t.Get(row, e.label), "* "))); l != "anniversary" {
				continue
			}
			s := t.Get(row, e.value)
			d, _, why := importer.ReadDate(s)
			if why != "" {
				warn("anniversary %q ignored: %s", s, why)
			}
			if f.Anniversary.IsZero() {
				f.Anniversary = d
			}
		}
		for _, base := range addresses {
			a := importer.AddressColumns(base, func(name string) bool { return t.Col(name) >= 0 }, func(name string) string { return t.Get(row, t.Col(name)) })
			if a.IsZero() {
				continue
			}
			ty, _ := importer.LabelTypes(t.Get(row, col(base+" Label", base+" Type")))
			a.Types = ty
			c.Addresses = append(c.Addresses, a)
		}
		if !c.IsZero() {
			f.Contact = &c
		}
		for _, l := range strings.Split(t.Get(row, labels), ":::") {
			l = strings.TrimSpace(l)
			if l == "" || importer.SystemGroup(l) {
				continue
			}
			f.Sectors = append(f.Sectors, l)
		}
		in.Records = append(in.Records, rec)
	}
	return in, nil
}
