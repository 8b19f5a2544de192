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
	"io"
	"strings"

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
	nick := col("Nickname")
	org, title := col("Organization Name", "Organization 1 - Name"), col("Organization Title", "Organization 1 - Title")
	notes, labels := col("Notes"), col("Labels", "Group Membership")
	if first < 0 && last < 0 && full < 0 {
		return nil, importer.Errorf(name, 1, "the header has no First Name, Last Name or Name column: not a Google Contacts CSV")
	}
	var emails, phones, sites []int
	for i, h := range t.Header {
		lh := strings.ToLower(h)
		if !strings.HasSuffix(lh, " - value") {
			continue
		}
		switch {
		case strings.HasPrefix(lh, "e-mail "), strings.HasPrefix(lh, "email "):
			emails = append(emails, i)
		case strings.HasPrefix(lh, "phone "):
			phones = append(phones, i)
		case strings.HasPrefix(lh, "website "):
			sites = append(sites, i)
		}
	}
	multi := func(row importer.Row, cols []int) []string {
		var out []string
		for _, c := range cols {
			for _, v := range strings.Split(t.Get(row, c), ":::") {
				if v = strings.TrimSpace(v); v != "" {
					out = append(out, v)
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
		f.Nickname = t.Get(row, nick)
		f.Org = t.Get(row, org)
		f.Role = t.Get(row, title)
		f.Notes = t.Get(row, notes)
		f.Emails = multi(row, emails)
		f.Phones = multi(row, phones)
		f.URLs = multi(row, sites)
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
