// Package linkedin reads LinkedIn's Connections.csv (Settings → Data
// privacy → Get a copy of your data → Connections).
//
// The file starts with a "Notes:" preamble before its header
// "First Name,Last Name,URL,Email Address,Company,Position,Connected On";
// e-mails are mostly empty (members hide them); dates look like
// "07 Dec 2025". Exports from before about 2020 have no preamble and no
// URL column, and write the date as "1/8/18, 6:14 PM": month first, as
// LinkedIn's US English exports do; a file where a first number is over
// 12 is read day first instead. First Name and Last Name make the name
// and are kept as its parts, Company becomes the organisation, Position
// the role, the profile URL is kept, and the day of the
// connection (the time of day is dropped: the file does not say in which
// time zone it is) becomes the friend's creation time.
package linkedin

import (
	"bytes"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"kith/store"
	"kith/store/importer"
)

// Format is the name the importer reports.
const Format = "linkedin"

// MaxFileSize bounds what Parse reads.
const MaxFileSize = 256 << 20

// headerLine returns the 1-based line of the header, 0 if none.
func headerLine(data []byte) int {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	n := 0
	for len(data) > 0 {
		n++
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		l := strings.ToLower(strings.TrimSpace(string(line)))
		if strings.HasPrefix(l, "first name,") && strings.Contains(l, "last name") {
			return n
		}
	}
	return 0
}

// Looks reports whether data (the start of a file) is a LinkedIn export.
func Looks(data []byte) bool {
	n := headerLine(data)
	if n == 0 {
		return false
	}
	l := strings.ToLower(string(data))
	return strings.Contains(l, "connected on") || strings.Contains(l, "notes:")
}

// Parse reads a Connections.csv; name is the file name for messages.
func Parse(r io.Reader, name string) (*importer.Input, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, importer.Errorf(name, 0, "read: %v", err)
	}
	if len(data) > MaxFileSize {
		return nil, importer.Errorf(name, 0, "larger than %d MB", MaxFileSize>>20)
	}
	text, _ := importer.DecodeText(data)
	hl := headerLine(text)
	if hl == 0 {
		return nil, importer.Errorf(name, 1, "no header line starting First Name,Last Name: not a LinkedIn Connections.csv")
	}
	t, err := importer.ReadCSV(data, name, hl)
	if err != nil {
		return nil, err
	}
	if err := t.Require("LinkedIn Connections.csv", "First Name", "Last Name"); err != nil {
		return nil, err
	}
	first, last := t.Col("First Name"), t.Col("Last Name")
	url, email := t.Col("URL"), t.Col("Email Address")
	company, position, connected := t.Col("Company"), t.Col("Position"), t.Col("Connected On")
	in := &importer.Input{Format: Format, Records: make([]importer.Record, 0, len(t.Rows)), Warnings: t.Warnings}
	dayFirst := slashDayFirst(t, connected)
	for _, row := range t.Rows {
		src := importer.Source(name, row.Line)
		rec := importer.Record{Source: src}
		f := &rec.Friend
		f.Name = strings.TrimSpace(t.Get(row, first) + " " + t.Get(row, last))
		if n := (store.NameParts{Given: t.Get(row, first), Family: t.Get(row, last)}); !n.IsZero() {
			f.Contact = &store.Contact{NameParts: n}
		}
		if u := t.Get(row, url); u != "" {
			f.URLs = []string{u}
		}
		if e := t.Get(row, email); e != "" {
			f.Emails = []string{e}
		}
		f.Org = t.Get(row, company)
		f.Role = t.Get(row, position)
		if d := t.Get(row, connected); d != "" {
			if at, ok := connectedOn(d, dayFirst); ok {
				if err := importer.CheckDate(name, row.Line, "Connected On", d, at); err != nil {
					return nil, err
				}
				f.Created = at
			} else {
				in.Warnings = append(in.Warnings, importer.Warning{Source: src, Msg: "Connected On " + d + " is not a date (want e.g. 07 Dec 2025 or 1/8/18, 6:14 PM); ignored"})
			}
		}
		in.Records = append(in.Records, rec)
	}
	return in, nil
}

// slashDate matches the older exports' dates: "1/8/18, 6:14 PM",
// "01/08/2018", with or without a time.
var slashDate = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?:\s*([AaPp][Mm]))?)?$`)

// slashDayFirst reports whether the file writes its slash dates day
// first: whether a first number is over 12 while no second one is.
func slashDayFirst(t *importer.Table, col int) bool {
	first, second := false, false
	for _, row := range t.Rows {
		m := slashDate.FindStringSubmatch(t.Get(row, col))
		if m == nil {
			continue
		}
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		first = first || a > 12
		second = second || b > 12
	}
	return first && !second
}

// connectedOn reads a Connected On date as the day it names, at midnight
// UTC.
func connectedOn(s string, dayFirst bool) (time.Time, bool) {
	m := slashDate.FindStringSubmatch(s)
	if m == nil {
		return importer.Date(s)
	}
	month, _ := strconv.Atoi(m[1])
	day, _ := strconv.Atoi(m[2])
	if dayFirst {
		month, day = day, month
	}
	year, _ := strconv.Atoi(m[3])
	if len(m[3]) == 2 {
		year += 2000 // LinkedIn began in 2003
	}
	if m[4] != "" {
		h, _ := strconv.Atoi(m[4])
		mi, _ := strconv.Atoi(m[5])
		if mi > 59 || (m[6] == "" && h > 23) || (m[6] != "" && (h < 1 || h > 12)) {
			return time.Time{}, false
		}
	}
	at := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if month < 1 || month > 12 || at.Day() != day {
		return time.Time{}, false // 2/30/18
	}
	return at, true
}
