package importer

import (
	"fmt"
	"strconv"
	"strings"

	"kith/store"
)

// What the CSV readers share about the contact fields: dates as address
// books write them, what a column or a label says about a phone, an
// e-mail or an address, and addresses spread over columns.

// ReadDate reads a birthday or an anniversary as address books write
// them in CSV: ISO 8601 (1985-12-10, and --12-10 without the year, as
// Google does) and Outlook's month/day/year (3/15/1970; a first number
// over 12 is a day: 15/3/1970). Outlook's "0/0/00", and an empty cell,
// are no date. A date kith cannot keep is ok false, with why.
func ReadDate(s string) (d store.Date, ok bool, why string) {
	s = strings.TrimSpace(s)
	if s == "" || s == "0/0/00" || s == "00/00/00" || s == "0/0/0000" {
		return store.Date{}, false, ""
	}
	if parts := strings.Split(s, "/"); len(parts) == 3 {
		m, err1 := strconv.Atoi(parts[0])
		day, err2 := strconv.Atoi(parts[1])
		y, err3 := strconv.Atoi(parts[2])
		if err1 == nil && err2 == nil && err3 == nil {
			if m > 12 && day <= 12 {
				m, day = day, m
			}
			if len(parts[2]) == 2 {
				y += 1900
				if y < 1930 {
					y += 100
				}
			}
			s = fmt.Sprintf("%04d-%02d-%02d", y, m, day)
		}
	}
	if i := strings.IndexByte(s, 'T'); i > 0 {
		s = s[:i]
	}
	d, err := store.ParseDate(s)
	if err != nil {
		return store.Date{}, false, err.Error()
	}
	return d, true, ""
}

// DateFromParts reads a date given in three columns (Thunderbird's
// Birth Year, Birth Month, Birth Day); the year may be empty.
func DateFromParts(year, month, day string) (store.Date, bool, string) {
	year, month, day = strings.TrimSpace(year), strings.TrimSpace(month), strings.TrimSpace(day)
	if month == "" && day == "" {
		return store.Date{}, false, ""
	}
	m, err1 := strconv.Atoi(month)
	d, err2 := strconv.Atoi(day)
	if err1 != nil || err2 != nil {
		return store.Date{}, false, fmt.Sprintf("month %q, day %q: not numbers", month, day)
	}
	s := fmt.Sprintf("--%02d-%02d", m, d)
	if year != "" {
		y, err := strconv.Atoi(year)
		if err != nil {
			return store.Date{}, false, fmt.Sprintf("year %q: not a number", year)
		}
		s = fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	}
	v, err := store.ParseDate(s)
	if err != nil {
		return store.Date{}, false, err.Error()
	}
	return v, true, ""
}

// PhoneColumn says what a phone column of Outlook, Thunderbird or Windows
// Live Mail holds, by its name: the types of its number, and a label
// when the number is not the person's own ("Assistant's Phone" is their
// assistant's, "Company Main Phone" their company's switchboard) or has
// no vCard type ("Callback"). A column it does not know gives none.
func PhoneColumn(header string) (types []string, label string) {
	h := strings.ToLower(strings.TrimSpace(header))
	switch {
	case strings.Contains(h, "assistant"):
		return []string{"work"}, "Assistant"
	case strings.Contains(h, "company main"):
		return []string{"work"}, "Company main"
	case strings.Contains(h, "fax"):
		switch {
		case strings.HasPrefix(h, "home"):
			return []string{"home", "fax"}, ""
		case strings.HasPrefix(h, "business"), strings.HasPrefix(h, "work"):
			return []string{"work", "fax"}, ""
		}
		return []string{"fax"}, ""
	case strings.Contains(h, "pager"):
		return []string{"pager"}, ""
	case strings.Contains(h, "mobile"), strings.Contains(h, "cell"):
		return []string{"cell"}, ""
	case strings.HasPrefix(h, "car"):
		return []string{"car"}, ""
	case strings.HasPrefix(h, "isdn"):
		return []string{"isdn"}, ""
	case strings.HasPrefix(h, "tty"):
		return []string{"textphone"}, ""
	case strings.HasPrefix(h, "home"):
		return []string{"home", "voice"}, ""
	case strings.HasPrefix(h, "business"), strings.HasPrefix(h, "work"):
		return []string{"work", "voice"}, ""
	case strings.HasPrefix(h, "primary"):
		return []string{"voice", "pref"}, ""
	case strings.HasPrefix(h, "other"):
		return []string{"other"}, ""
	case strings.HasPrefix(h, "callback"):
		return nil, "Callback"
	case strings.HasPrefix(h, "radio"):
		return nil, "Radio"
	case strings.HasPrefix(h, "telex"):
		return nil, "Telex"
	}
	return nil, ""
}

// LabelTypes reads a label Google gives a value ("Home", "Work",
// "Mobile", "Work Fax", "Main", "* Home" for the primary one in its older
// export, or one the user typed): the vCard types it stands for, or, for
// a label of the user's, that label.
func LabelTypes(label string) (types []string, custom string) {
	l := strings.TrimSpace(label)
	pref := strings.HasPrefix(l, "* ")
	l = strings.TrimSpace(strings.TrimPrefix(l, "* "))
	switch strings.ToLower(l) {
	case "":
	case "home":
		types = []string{"home"}
	case "work", "business":
		types = []string{"work"}
	case "mobile", "cell":
		types = []string{"cell"}
	case "other":
		types = []string{"other"}
	case "main":
		types = []string{"voice", "pref"}
	case "home fax":
		types = []string{"home", "fax"}
	case "work fax", "business fax":
		types = []string{"work", "fax"}
	case "other fax", "fax":
		types = []string{"fax"}
	case "pager":
		types = []string{"pager"}
	default:
		custom = l
	}
	if pref && !strings.EqualFold(l, "main") {
		types = append(types, "pref")
	}
	return types, custom
}

// AddressColumns reads an address spread over the columns that start
// with prefix ("Home", "Business", "Address 1 -"), as Outlook,
// Thunderbird, Windows Live Mail and Google name them: Street (and
// Street 2 and 3, or Thunderbird's Address and Address 2), PO Box or
// Address PO Box, Extended Address, City, State or Region, Postal Code or
// ZipCode, Country or Country/Region, and the address whole (Outlook's
// "Home Address", Google's "Formatted") as its delivery label. has
// reports whether the file has a column, get returns its value ("" when
// there is none).
func AddressColumns(prefix string, has func(name string) bool, get func(name string) string) store.Address {
	col := func(names ...string) string {
		for _, n := range names {
			if v := strings.TrimSpace(get(prefix + " " + n)); v != "" {
				return v
			}
		}
		return ""
	}
	var a store.Address
	var street []string
	if has(prefix+" Street") || !has(prefix+" ZipCode") && !has(prefix+" Address 2") {
		// Outlook, Windows Live Mail, Google: Street, and the whole
		// address under Address or Formatted
		for _, n := range []string{"Street", "Street 2", "Street 3"} {
			if v := col(n); v != "" {
				street = append(street, v)
			}
		}
		a.Label = col("Address", "Formatted")
	} else {
		// Thunderbird: Address and Address 2 are the street's lines
		for _, n := range []string{"Address", "Address 2"} {
			if v := col(n); v != "" {
				street = append(street, v)
			}
		}
	}
	a.Street = strings.Join(street, "\n")
	a.POBox = col("PO Box", "Address PO Box")
	a.Extended = col("Extended Address")
	a.Locality = col("City")
	a.Region = col("State", "Region")
	a.PostalCode = col("Postal Code", "ZipCode", "Zip Code")
	a.Country = col("Country/Region", "Country")
	return a
}
