// Package kithcsv writes friends as a spreadsheet-friendly CSV (RFC 4180:
// a header, one row per friend, CRLF, fields quoted when needed) and reads
// it back, along with any CSV whose header names its columns plainly
// (Name, Email, Phone, Company, Title, Notes, Tags …).
//
// Lists (e-mails, phones, sectors …) go in one cell separated by "; ";
// a semicolon or a backslash inside one of the values is written with a
// backslash before it ("ai\;ml"), so that the list reads back the same.
// A cell that a spreadsheet would run as a formula (starting with =, @,
// or + and - not followed by a digit) is written with a leading
// apostrophe, which reading strips again. CSV is for spreadsheets; the
// lossless formats are vCard and JSON.
//
// Other programs' CSV exports are read by their column names: Outlook's
// (Title, First Name, Middle Name, Last Name, Suffix, E-mail Address,
// Mobile Phone, Web Page, Personal Web Page, Categories …), Thunderbird's
// (Display Name, Primary Email, Web Page 1, Web Page 2 …), Windows Live
// Mail's, and any other whose first line names its columns plainly. The
// fields may be separated by commas, semicolons or tabs, and the text may
// be UTF-8, UTF-16 or windows-1252 (see importer.ReadCSV).
package kithcsv

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"kith/store"
	"kith/store/importer"
)

// Format is the name the importer reports.
const Format = "csv"

// Header is the first row Write writes.
var header = []string{"Name", "Organization", "Role", "E-mails", "Phones", "Sectors", "Closeness",
	"Worked together", "Last ask", "Notes", "Nickname", "URLs", "Worked note", "Boundaries", "Busy",
	"Channel", "Archived", "Created", "Updated", "Department", "Birthday", "Anniversary"}

const sep = "; "

// Write writes friends as CSV. lastAsk returns when the friend was last
// asked for something (zero if never); it may be nil.
func Write(w io.Writer, friends []store.Friend, lastAsk func(id uint64) time.Time) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(header); err != nil {
		return err
	}
	row := make([]string, len(header))
	for i := range friends {
		f := &friends[i]
		var last time.Time
		if lastAsk != nil {
			last = lastAsk(f.ID)
		}
		bs := make([]string, len(f.Boundaries))
		for j, b := range f.Boundaries {
			bs[j] = b.String()
		}
		busy := make([]string, len(f.Busy))
		for j, m := range f.Busy {
			busy[j] = m.String()
		}
		row = append(row[:0], f.Name, f.Org, f.Role, joinList(f.Emails), joinList(f.Phones),
			joinList(f.Sectors), strconv.Itoa(f.Closeness), yesNo(f.WorkedTogether), date(last),
			f.Notes, f.Nickname, joinList(f.URLs), f.WorkedNote, joinList(bs),
			joinList(busy), f.Channel, yesNo(f.Archived), stamp(f.Created), stamp(f.Updated),
			f.Department, f.Birthday.String(), f.Anniversary.String())
		for j := range row {
			row[j] = defuse(row[j])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// joinList writes a list in one cell: the values separated by "; ", each
// with a backslash before any semicolon or backslash of its own.
func joinList(items []string) string {
	var b strings.Builder
	for i, s := range items {
		if i > 0 {
			b.WriteString(sep)
		}
		if !strings.ContainsAny(s, ";\\") {
			b.WriteString(s)
			continue
		}
		for j := 0; j < len(s); j++ {
			if s[j] == ';' || s[j] == '\\' {
				b.WriteByte('\\')
			}
			b.WriteByte(s[j])
		}
	}
	return b.String()
}

// splitList reads a cell written by joinList, or any cell of values
// separated by semicolons, into its values, trimmed, empty ones dropped,
// appended to out. A backslash before a semicolon or a backslash stands
// for that character; any other backslash is kept as written.
func splitList(s string, out []string) []string {
	if !strings.Contains(s, ";") && !strings.Contains(s, "\\") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
		return out
	}
	var b strings.Builder
	flush := func() {
		if v := strings.TrimSpace(b.String()); v != "" {
			out = append(out, v)
		}
		b.Reset()
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s) && (s[i+1] == ';' || s[i+1] == '\\'):
			b.WriteByte(s[i+1])
			i++
		case c == ';':
			flush()
		default:
			b.WriteByte(c)
		}
	}
	flush()
	return out
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// defuse keeps a spreadsheet from running a cell as a formula.
func defuse(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '@', '\t', '\r', '\'':
		return "'" + s
	case '+', '-':
		if len(s) > 1 && (s[1] >= '0' && s[1] <= '9' || s[1] == ' ' || s[1] == '(') {
			return s // a phone number or a negative number
		}
		return "'" + s
	}
	return s
}

// undefuse strips the apostrophe defuse added.
func undefuse(s string) string {
	if len(s) >= 2 && s[0] == '\'' {
		switch s[1] {
		case '=', '@', '\t', '\r', '\'', '+', '-':
			return s[1:]
		}
	}
	return s
}

// Looks reports whether data (the start of a file) is CSV with a header
// this package can read: a name column and at least one other it knows.
func Looks(data []byte) bool {
	hs := importer.HeaderFields(data)
	if len(hs) < 2 {
		return false
	}
	for _, h := range hs {
		h = strings.ToLower(h)
		if slices.Contains(aliases["name"], h) || slices.Contains(aliases["first"], h) {
			return true
		}
	}
	return false
}

// aliases lists the header names each field is recognised by.
var aliases = map[string][]string{
	"name":     {"name", "full name", "display name", "contact name"},
	"first":    {"first name", "given name", "firstname"},
	"middle":   {"middle name", "additional name", "middlename"},
	"last":     {"last name", "family name", "surname", "lastname"},
	"prefix":   {"name prefix", "prefix"}, // and Outlook's "Title", beside its "Job Title"
	"suffix":   {"suffix", "name suffix"},
	"org":      {"organization", "organisation", "company", "org", "employer"},
	"role":     {"role", "job title", "position", "organization title", "title"},
	"emails":   {"e-mails", "emails", "e-mail", "email", "email address", "e-mail address"},
	"phones":   {"phones", "phone", "phone number", "mobile", "telephone", "tel"},
	"sectors":  {"sectors", "sector", "tags", "labels", "categories", "industry"},
	"close":    {"closeness"},
	"worked":   {"worked together"},
	"wnote":    {"worked note", "worked together note"},
	"notes":    {"notes", "note", "comments"},
	"nick":     {"nickname"},
	"urls":     {"urls", "url", "website", "web", "linkedin"}, // and every "… Web Page" column
	"bounds":   {"boundaries"},
	"busy":     {"busy", "busy seasons"},
	"channel":  {"channel", "preferred channel"},
	"archived": {"archived"},
	"created":  {"created"},
	"updated":  {"updated"},
	"dept":     {"department", "organization department"},
	"bday":     {"birthday", "date of birth"},
	"anniv":    {"anniversary"},
	"byear":    {"birth year"},
	"bmonth":   {"birth month"},
	"bdayday":  {"birth day"},
	"gyomi":    {"given yomi", "first name yomi", "phonetic first name"},
	"syomi":    {"surname yomi", "last name yomi", "phonetic last name"},
}

// Parse reads a CSV with a header; name is the file name for messages.
func Parse(r io.Reader, name string) (*importer.Input, error) {
	data, err := io.ReadAll(io.LimitReader(r, 256<<20+1))
	if err != nil {
		return nil, importer.Errorf(name, 0, "read: %v", err)
	}
	if len(data) > 256<<20 {
		return nil, importer.Errorf(name, 0, "larger than 256 MB")
	}
	t, err := importer.ReadCSV(data, name, 1)
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for field, names := range aliases {
		col[field] = -1
		for _, n := range names {
			if i := t.Col(n); i >= 0 {
				col[field] = i
				break
			}
		}
	}
	// Outlook's Title is the courtesy title (Dr., Mrs.); the job is its
	// Job Title, which the role column found first.
	if col["prefix"] < 0 && col["role"] != t.Col("title") {
		col["prefix"] = t.Col("title")
	}
	if col["name"] < 0 && col["first"] < 0 && col["last"] < 0 {
		return nil, importer.Errorf(name, 1, "the header has no Name (or First Name, Last Name) column; the first line must name the columns, e.g. Name,Email,Phone,Company")
	}
	// Besides the columns named above, every column that holds an e-mail
	// or a phone number by its name (Outlook's "E-mail 2 Address",
	// "Mobile Phone", "Business Phone" …) is read too.
	// So is every column of links: Outlook's "Web Page" and "Personal
	// Web Page", Windows Live Mail's "Business Web Page", Thunderbird's
	// "Web Page 1" and "Web Page 2".
	var emailCols, phoneCols, urlCols []int
	// what each phone and link column says of its values (Outlook's
	// "Business Fax", "Assistant's Phone", "Personal Web Page" …)
	colTypes := map[int]store.Typed{}
	for i, h := range t.Header {
		h = strings.ToLower(h)
		if strings.Contains(h, "type") || strings.Contains(h, "label") || strings.Contains(h, "display") {
			continue
		}
		switch {
		case i == col["emails"] || strings.Contains(h, "e-mail") || strings.Contains(h, "email"):
			emailCols = append(emailCols, i)
		case i == col["phones"] || strings.Contains(h, "phone") || strings.Contains(h, "mobile") || strings.Contains(h, "fax") ||
			strings.Contains(h, "pager") || h == "callback" || h == "telex" || h == "isdn":
			phoneCols = append(phoneCols, i)
			if types, label := importer.PhoneColumn(h); types != nil || label != "" {
				colTypes[i] = store.Typed{Types: types, Label: label}
			}
		case slices.Contains(aliases["urls"], h) || strings.Contains(h, "web page") || strings.Contains(h, "website") || strings.Contains(h, "home page"):
			urlCols = append(urlCols, i)
			switch {
			case strings.Contains(h, "personal") || h == "web page 2":
				colTypes[i] = store.Typed{Types: []string{"home"}}
			case strings.Contains(h, "business") || h == "web page 1" || h == "web page":
				colTypes[i] = store.Typed{Types: []string{"work"}}
			}
		}
	}
	// addresses, each spread over the columns that start with its kind
	type addrKind struct {
		prefix string
		types  []string
	}
	var addrKinds []addrKind
	for _, k := range []addrKind{{"Home", []string{"home"}}, {"Business", []string{"work"}}, {"Work", []string{"work"}}, {"Other", []string{"other"}}} {
		for _, f := range []string{" Street", " City", " ZipCode", " Postal Code", " Address", " Country"} {
			if t.Col(k.prefix+f) >= 0 {
				addrKinds = append(addrKinds, k)
				break
			}
		}
	}
	has := func(name string) bool { return t.Col(name) >= 0 }
	// Google's system groups ("myContacts", "starred" in its "Outlook
	// CSV" Categories) are not sectors, except in kith's own export,
	// which holds only what the user wrote.
	own := len(t.Header) >= 7 && slices.Equal(t.Header[:7], header[:7])
	in := &importer.Input{Format: Format, Records: make([]importer.Record, 0, len(t.Rows)), Warnings: t.Warnings}
	for _, row := range t.Rows {
		src := importer.Source(name, row.Line)
		get := func(field string) string { return undefuse(t.Get(row, col[field])) }
		list := func(field string) []string { return splitList(get(field), nil) }
		cols := func(cs []int, types *[]store.Typed) []string {
			var out []string
			for _, c := range cs {
				n := len(out)
				out = splitList(undefuse(t.Get(row, c)), out)
				if ty, ok := colTypes[c]; ok && types != nil {
					for _, v := range out[n:] {
						*types = append(*types, store.Typed{Value: v, Types: slices.Clone(ty.Types), Label: ty.Label})
					}
				}
			}
			return out
		}
		warn := func(format string, args ...any) {
			in.Warnings = append(in.Warnings, importer.Warning{Source: src, Msg: fmt.Sprintf(format, args...)})
		}
		rec := importer.Record{Source: src}
		f := &rec.Friend
		f.Name = get("name")
		if f.Name == "" {
			// "Dr. John Q. Public Jr.", in the order a letter would
			// write it
			var parts []string
			for _, field := range []string{"prefix", "first", "middle", "last", "suffix"} {
				if v := get(field); v != "" {
					parts = append(parts, v)
				}
			}
			f.Name = strings.Join(parts, " ")
		}
		f.Org, f.Role, f.Notes = get("org"), get("role"), get("notes")
		f.Nickname, f.WorkedNote, f.Channel = get("nick"), get("wnote"), get("channel")
		var c store.Contact
		f.Emails, f.Phones, f.URLs = cols(emailCols, nil), cols(phoneCols, &c.PhoneTypes), cols(urlCols, &c.URLTypes)
		// the name's parts, as the file gives them: the name itself is
		// the file's (or made of them above)
		c.NameParts = store.NameParts{Prefix: get("prefix"), Given: get("first"), Additional: get("middle"), Family: get("last"),
			Suffix: get("suffix"), PhoneticGiven: get("gyomi"), PhoneticFamily: get("syomi")}
		f.Department = get("dept")
		for _, k := range addrKinds {
			a := importer.AddressColumns(k.prefix, has, func(name string) string { return undefuse(t.Get(row, t.Col(name))) })
			if !a.IsZero() {
				a.Types = k.types
				c.Addresses = append(c.Addresses, a)
			}
		}
		if !c.IsZero() {
			f.Contact = &c
		}
		date := func(what string, d store.Date, ok bool, why, raw string) store.Date {
			if why != "" {
				warn("%s %q ignored: %s", what, raw, why)
			}
			return d
		}
		if s := get("bday"); s != "" {
			d, ok, why := importer.ReadDate(s)
			f.Birthday = date("birthday", d, ok, why, s)
		} else if col["bmonth"] >= 0 {
			d, ok, why := importer.DateFromParts(get("byear"), get("bmonth"), get("bdayday"))
			f.Birthday = date("birthday", d, ok, why, strings.Trim(get("byear")+"-"+get("bmonth")+"-"+get("bdayday"), "-"))
		}
		if s := get("anniv"); s != "" {
			d, ok, why := importer.ReadDate(s)
			f.Anniversary = date("anniversary", d, ok, why, s)
		}
		for _, s := range list("sectors") {
			if own || !importer.SystemGroup(s) {
				f.Sectors = append(f.Sectors, s)
			}
		}
		if s := get("close"); s != "" {
			c, err := strconv.Atoi(s)
			if err != nil || c < store.MinCloseness || c > store.MaxCloseness {
				warn("closeness %q ignored: want 1-5", s)
			} else {
				f.Closeness = c
			}
		}
		f.WorkedTogether = truthy(get("worked"))
		f.Archived = truthy(get("archived"))
		for _, b := range list("bounds") {
			bd, err := store.ParseBoundary(b)
			if err != nil {
				warn("boundary %q ignored: %v", b, err)
				continue
			}
			f.Boundaries = append(f.Boundaries, bd)
		}
		for _, m := range list("busy") {
			mr, err := store.ParseMonthRange(m)
			if err != nil {
				warn("busy %q ignored: %v", m, err)
				continue
			}
			f.Busy = append(f.Busy, mr)
		}
		for _, d := range []struct {
			field string
			dst   *time.Time
		}{{"created", &f.Created}, {"updated", &f.Updated}} {
			if s := get(d.field); s != "" {
				if at, ok := importer.Date(s); ok {
					if err := importer.CheckDate(name, row.Line, d.field, s, at); err != nil {
						return nil, err
					}
					*d.dst = at
				} else {
					warn("%s %q ignored: not a date", d.field, s)
				}
			}
		}
		in.Records = append(in.Records, rec)
	}
	return in, nil
}

func truthy(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y", "true", "1", "x", "sì", "si":
		return true
	}
	return false
}
