package kithcsv

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"kith/store"
	"kith/store/importer"
)

func TestWriteRFC4180(t *testing.T) {
	t0 := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	fs := []store.Friend{
		{ID: 1, Name: "Ada, Countess", Org: "Engines", Emails: []string{"a@x.com", "b@x.com"}, Phones: []string{"+44 1"},
			Sectors: []string{"math", "computing"}, Closeness: 4, WorkedTogether: true, Notes: "two\nlines \"quoted\"",
			Created: t0, Updated: t0},
		{ID: 2, Name: "=HYPERLINK(\"http://evil\")", Phones: []string{"-1 555"}, Role: "@SUM(A1)", Closeness: 3, Created: t0, Updated: t0},
	}
	last := map[uint64]time.Time{1: time.Date(2025, 6, 1, 10, 0, 0, 0, time.UTC)}
	var buf bytes.Buffer
	if err := Write(&buf, fs, func(id uint64) time.Time { return last[id] }); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, "Name,Organization,Role,E-mails,Phones,Sectors,Closeness,Worked together,Last ask,Notes,") {
		t.Errorf("header = %q", strings.SplitN(out, "\r\n", 2)[0])
	}
	if !strings.Contains(out, "\"Ada, Countess\",Engines,,a@x.com; b@x.com,+44 1,math; computing,4,yes,2025-06-01,\"two\r\nlines \"\"quoted\"\"\"") {
		t.Errorf("row 1 not quoted per RFC 4180:\n%s", out)
	}
	if !strings.Contains(out, "\r\n\"'=HYPERLINK(\"\"http://evil\"\")\",,'@SUM(A1),,-1 555,") {
		t.Errorf("formula cells not defused (or the phone was):\n%s", out)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 3 {
		t.Fatalf("re-read: %d rows, %v", len(rows), err)
	}
}

func TestRoundTrip(t *testing.T) {
	t0 := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	f := store.Friend{Name: "=Ada", Nickname: "A", Org: "Engines", Role: "Math", Emails: []string{"a@x.com", "b@x.com"},
		Phones: []string{"+44 1"}, URLs: []string{"https://x"}, Sectors: []string{"math", "computing"}, Closeness: 4,
		WorkedTogether: true, WorkedNote: "2019", Boundaries: []store.Boundary{{Kind: store.KindReferral, Note: "policy"}},
		Busy: []store.MonthRange{{From: 3, To: 4}}, Channel: "email", Notes: "two\nlines", Archived: true, Created: t0, Updated: t0,
		Department: "R&D", Birthday: store.Date{Year: 1985, Month: time.December, Day: 10}, Anniversary: store.Date{Month: time.July, Day: 8}}
	var buf bytes.Buffer
	if err := Write(&buf, []store.Friend{f}, nil); err != nil {
		t.Fatal(err)
	}
	in, err := Parse(&buf, "x.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Records) != 1 || len(in.Warnings) != 0 {
		t.Fatalf("records %d warnings %v", len(in.Records), in.Warnings)
	}
	if got := in.Records[0].Friend; !reflect.DeepEqual(got, f) {
		t.Errorf("\n got %#v\nwant %#v", got, f)
	}
}

func TestParseGeneric(t *testing.T) {
	data := "Full Name,Email,Phone,Company,Job Title,Tags,Closeness\r\nAda,a@x.com,+1 2,Engines,Math,\"x; y\",9\r\n"
	in, err := Parse(strings.NewReader(data), "g.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := store.Friend{Name: "Ada", Emails: []string{"a@x.com"}, Phones: []string{"+1 2"}, Org: "Engines", Role: "Math", Sectors: []string{"x", "y"}}
	if got := in.Records[0].Friend; !reflect.DeepEqual(got, want) {
		t.Errorf("\n got %#v\nwant %#v", got, want)
	}
	if len(in.Warnings) != 1 || !strings.Contains(in.Warnings[0].String(), `g.csv:2: closeness "9" ignored`) {
		t.Errorf("warnings = %v", in.Warnings)
	}
	if _, err := Parse(strings.NewReader("Foo,Bar\n1,2\n"), "f.csv"); err == nil || !strings.HasPrefix(err.Error(), "f.csv:1: the header has no Name") {
		t.Errorf("no name column: err = %v", err)
	}
}

func TestParseOutlook(t *testing.T) {
	f, err := os.Open("testdata/outlook.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in, err := Parse(f, "outlook.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := store.Friend{Name: "Bill Gates", Org: "Foundation", Role: "Chair",
		Notes:  "Line one\nline two, with a comma",
		Emails: []string{"bill@example.com", "wg@example.org"}, Phones: []string{"+1 425 555 0101", "+1 425 555 0100"}, Contact: &store.Contact{NameParts: store.NameParts{Given: "Bill", Family: "Gates"}, PhoneTypes: []store.Typed{{Value: "+1 425 555 0101", Types: []string{"work", "voice"}}, {Value: "+1 425 555 0100", Types: []string{"cell"}}}}}
	if len(in.Records) != 1 || !reflect.DeepEqual(in.Records[0].Friend, want) {
		t.Errorf("\n got %#v\nwant %#v", in.Records, want)
	}
}

func parseFile(t *testing.T, name string) (*importer.Input, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return Parse(f, name)
}

// The CSV exports of other programs, each in its producer's layout.
func TestParseOtherProgramsExports(t *testing.T) {
	tests := []struct {
		file  string
		want  []store.Friend
		warns []string
	}{
		{ // Google Contacts' "Outlook CSV": a trailing comma on every row; its system groups in Categories
			"google-outlook.csv", []store.Friend{
				{Name: "Dr. John Q. Public Jr.",
					Org: "Public Works", Role: "Director", Notes: `Met at the "Open Data" day, 2019.`,
					Emails: []string{"john@public.example"}, Phones: []string{"+1 418-656-9254 ext. 102"},
					URLs:    []string{"https://johnqpublic.example"},
					Sectors: []string{"Clients"}, Contact: &store.Contact{NameParts: store.NameParts{Prefix: "Dr.", Given: "John", Additional: "Q.", Family: "Public", Suffix: "Jr."}, PhoneTypes: []store.Typed{{Value: "+1 418-656-9254 ext. 102", Types: []string{"cell"}}}, URLTypes: []store.Typed{{Value: "https://johnqpublic.example", Types: []string{"work"}}}}},
				{Name: "Jane Doe", Emails: []string{"jane@doe.example"},
					Phones:  []string{"+47 41 64 40 00"},
					Sectors: []string{"Friends"}, Contact: &store.Contact{NameParts: store.NameParts{Given: "Jane", Family: "Doe"}, PhoneTypes: []store.Typed{{Value: "+47 41 64 40 00", Types: []string{"home", "voice"}}}}},
			}, nil},
		{ // Outlook 2016/365 desktop: every field quoted, windows-1252, Title/Middle Name/Suffix, Web Page
			"outlook2016.csv", []store.Friend{
				{Name: "Dr. John Q. Public Jr.",
					Org: "Café Müller GmbH", Role: "Geschäftsführer",
					Notes:  "Spricht Französisch.\nMag Käsekuchen.",
					Emails: []string{"john@cafe-mueller.example"}, Phones: []string{"+49 30 1234567", "+49 170 7654321"},
					URLs:    []string{"https://cafe-mueller.example"},
					Sectors: []string{"Kunden", "VIP"}, Contact: &store.Contact{NameParts: store.NameParts{Prefix: "Dr.", Given: "John", Additional: "Q.", Family: "Public", Suffix: "Jr."}, PhoneTypes: []store.Typed{{Value: "+49 30 1234567", Types: []string{"work", "voice"}}, {Value: "+49 170 7654321", Types: []string{"cell"}}}, URLTypes: []store.Typed{{Value: "https://cafe-mueller.example", Types: []string{"work"}}}}},
				{Name: "Zoë Léger", Emails: []string{"zoe@leger.example"}, Contact: &store.Contact{NameParts: store.NameParts{Given: "Zoë", Family: "Léger"}}},
			}, []string{"outlook2016.csv:2: the file is not UTF-8: read as windows-1252"}},
		{ // Thunderbird: the header and the rows end in a comma; Web Page 1 and 2
			"thunderbird.csv", []store.Friend{
				{Name: "Ada Lovelace", Nickname: "Ada", Org: "Analytical Engines",
					Role: "Mathematician", Notes: "Poetical science",
					Emails: []string{"ada@example.com", "ada@engines.example"}, Phones: []string{"+44 20 7946 0002", "+44 7700 900001"},
					URLs: []string{"https://engines.example/ada", "https://ada.example"}, Contact: &store.Contact{NameParts: store.NameParts{Given: "Ada", Family: "Lovelace"}, PhoneTypes: []store.Typed{{Value: "+44 20 7946 0002", Types: []string{"work", "voice"}}, {Value: "+44 7700 900001", Types: []string{"cell"}}}, URLTypes: []store.Typed{{Value: "https://engines.example/ada", Types: []string{"work"}}, {Value: "https://ada.example", Types: []string{"home"}}}}},
			}, []string{`thunderbird.csv:2: birthday "1815-12-10" ignored: the year 1815 is out of range`}},
		{ // Outlook 2016/365 with everything an address book holds: the name in parts, the department, two
			// addresses, birthday and anniversary (month/day/year; "0/0/00" is none), every kind of phone
			// (the assistant's and the company's labelled so: they are not the person's own)
			"outlook-contact.csv", []store.Friend{
				{Name: "Dr. John Quincy Public Jr.",
					Org: "Public Works", Department: "Roads", Role: "Director", Notes: "Met at the Open Data day.",
					Emails:   []string{"john@public.example"},
					Phones:   []string{"+1 217 555 0150", "+1 217 555 0199", "+1 217 555 0100", "+1 217 555 0000", "+1 217 555 0142", "+1 217 555 0177", "+1 217 555 0188"},
					URLs:     []string{"https://johnqpublic.example"},
					Birthday: store.Date{Year: 1970, Month: time.March, Day: 15}, Anniversary: store.Date{Year: 2004, Month: time.June, Day: 12},
					Sectors: []string{"Clients"}, Contact: &store.Contact{NameParts: store.NameParts{Prefix: "Dr.", Given: "John", Additional: "Quincy", Family: "Public", Suffix: "Jr."}, PhoneTypes: []store.Typed{{Value: "+1 217 555 0150", Types: []string{"work"}, Label: "Assistant"},
						{Value: "+1 217 555 0199", Types: []string{"work", "fax"}}, {Value: "+1 217 555 0100", Types: []string{"work", "voice"}},
						{Value: "+1 217 555 0000", Types: []string{"work"}, Label: "Company main"}, {Value: "+1 217 555 0142", Types: []string{"home", "voice"}},
						{Value: "+1 217 555 0177", Types: []string{"cell"}}, {Value: "+1 217 555 0188", Types: []string{"pager"}}}, URLTypes: []store.Typed{{Value: "https://johnqpublic.example", Types: []string{"work"}}}, Addresses: []store.Address{
						{Types: []string{"home"}, POBox: "PO Box 12", Street: "742 Evergreen Terrace", Locality: "Springfield", Region: "IL", PostalCode: "62704", Country: "United States of America"},
						{Types: []string{"work"}, Street: "1 City Hall Plaza\nRoom 101", Locality: "Springfield", Region: "IL", PostalCode: "62701", Country: "United States of America"}}}},
				{Name: "Zoë Léger", Emails: []string{"zoe@leger.example"}, Contact: &store.Contact{NameParts: store.NameParts{Given: "Zoë", Family: "Léger"}}},
			}, nil},
		{ // Thunderbird with addresses (Address and Address 2 are the street), Birth Year/Month/Day, a department
			"thunderbird-contact.csv", []store.Friend{
				{Name: "Ada, Countess of Lovelace", Org: "Analytical Engines",
					Department: "Research", Role: "Mathematician", Emails: []string{"ada@example.com"},
					Phones:   []string{"+44 20 7946 0002", "+44 20 7946 0003", "+44 7700 900002", "+44 7700 900001"},
					Birthday: store.Date{Year: 1985, Month: time.December, Day: 10}, Contact: &store.Contact{NameParts: store.NameParts{Given: "Ada", Family: "Lovelace"}, PhoneTypes: []store.Typed{{Value: "+44 20 7946 0002", Types: []string{"work", "voice"}}, {Value: "+44 20 7946 0003", Types: []string{"fax"}},
						{Value: "+44 7700 900002", Types: []string{"pager"}}, {Value: "+44 7700 900001", Types: []string{"cell"}}}, Addresses: []store.Address{
						{Types: []string{"home"}, Street: "12 St James's Square\nFlat 2", Locality: "London", PostalCode: "SW1Y 4JH", Country: "United Kingdom"},
						{Types: []string{"work"}, Street: "1 Engine Lane", Locality: "London", Country: "United Kingdom"}}}},
				{Name: "Charles Babbage", Emails: []string{"charles@example.com"}, Birthday: store.Date{Month: time.December, Day: 26}},
			}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			in, err := parseFile(t, tt.file)
			if err != nil {
				t.Fatal(err)
			}
			if len(in.Records) != len(tt.want) {
				t.Fatalf("got %d records, want %d", len(in.Records), len(tt.want))
			}
			for i, want := range tt.want {
				if got := in.Records[i].Friend; !reflect.DeepEqual(got, want) {
					t.Errorf("row %d:\n got %#v\nwant %#v", i, got, want)
				}
			}
			var warns []string
			for _, w := range in.Warnings {
				warns = append(warns, w.String())
			}
			if len(warns) != len(tt.warns) {
				t.Fatalf("warnings = %q, want %q", warns, tt.warns)
			}
			for i := range warns {
				if !strings.HasPrefix(warns[i], tt.warns[i]) {
					t.Errorf("warning %q, want it to start %q", warns[i], tt.warns[i])
				}
			}
		})
	}
}

func TestParseRefusesDataPastTheHeader(t *testing.T) {
	in, err := parseFile(t, "extra-field.csv")
	want := `extra-field.csv:3: this row has a different number of fields than the header: 89, where the header has 88, and field 89 holds "oops"`
	if in != nil || err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Parse = %v, %v; want no records and %q", in, err, want)
	}
}

// Lists holding the separator, and phones with an extension, come back
// as they went out.
func TestListsRoundTrip(t *testing.T) {
	f := store.Friend{Name: "Simon Perreault", Closeness: 3,
		Phones:  []string{"+1-418-656-9254 ext. 102", "tel,with;odd", `back\slash`},
		URLs:    []string{"https://example.com/a,b;c", `https://x.example/\;`},
		Sectors: []string{"ai;ml", "open source, mostly", "myContacts"},
		Emails:  []string{"simon@viagenie.example"}}
	var buf bytes.Buffer
	if err := Write(&buf, []store.Friend{f}, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `+1-418-656-9254 ext. 102; tel,with\;odd; back\\slash`) {
		t.Errorf("phones cell not escaped:\n%s", buf.String())
	}
	in, err := Parse(&buf, "x.csv")
	if err != nil {
		t.Fatal(err)
	}
	got := in.Records[0].Friend
	if !reflect.DeepEqual(got.Phones, f.Phones) || !reflect.DeepEqual(got.URLs, f.URLs) || !reflect.DeepEqual(got.Sectors, f.Sectors) {
		t.Errorf("round trip:\n got %q %q %q\nwant %q %q %q", got.Phones, got.URLs, got.Sectors, f.Phones, f.URLs, f.Sectors)
	}
}

func TestSplitList(t *testing.T) {
	for in, want := range map[string][]string{
		"a@x.com; b@x.com":    {"a@x.com", "b@x.com"},
		"a@x.com;b@x.com;;":   {"a@x.com", "b@x.com"},
		`ai\;ml; c\\; d`:      {"ai;ml", `c\`, "d"},
		`C:\temp; x`:          {`C:\temp`, "x"},
		"  lonely  ":          {"lonely"},
		"":                    nil,
		`trailing backslash\`: {`trailing backslash\`},
	} {
		if got := splitList(in, nil); !reflect.DeepEqual(got, want) {
			t.Errorf("splitList(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLooksSemicolons(t *testing.T) {
	if !Looks([]byte("First Name;Last Name;Name;E-mail Address\r\n")) {
		t.Error("a semicolon-separated header with Name: Looks = false")
	}
	if Looks([]byte("Vorname,Nachname,Anzeigename\r\n")) {
		t.Error("German headers: Looks = true")
	}
}
