package vcard

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"kith/store"
	"kith/store/importer"
)

// rawProps reads every content line of the cards in data as properties,
// their values decoded but not unescaped: the parsed form two cards are
// compared in.
func rawProps(t *testing.T, data []byte) [][]prop {
	t.Helper()
	data, _ = importer.FromUTF16(data)
	lex := newLexer(string(stripBOM(data)))
	var cards [][]prop
	var cur []prop
	for {
		l, n, ok := lex.next()
		if !ok {
			break
		}
		switch strings.ToUpper(strings.TrimSpace(l)) {
		case "BEGIN:VCARD":
			cur = []prop{}
			continue
		case "END:VCARD":
			cards = append(cards, cur)
			continue
		}
		p, ok := parseProp(l, n)
		if !ok {
			t.Fatalf("line %d does not parse: %q", n, l)
		}
		p.decodeValue()
		cur = append(cur, p)
	}
	return cards
}

// imported reads a card as kith imports it: parsed, cleaned, normalised,
// stamped.
func imported(t *testing.T, data []byte) []store.Friend {
	t.Helper()
	in, err := Parse(bytes.NewReader(data), "in.vcf")
	if err != nil {
		t.Fatal(err)
	}
	var out []store.Friend
	for i, rec := range in.Records {
		if _, skip := importer.Clean(&rec); skip != "" {
			t.Fatalf("card %d skipped: %s", i, skip)
		}
		f := rec.Friend
		f.Normalize()
		f.ID, f.Created, f.Updated = uint64(i+1), time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
		if err := f.Validate(); err != nil {
			t.Fatalf("card %d: %v", i, err)
		}
		out = append(out, f)
	}
	return out
}

func export(t *testing.T, fs []store.Friend, version string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteAll(&buf, fs, version); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func show(ps []prop) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "  %s.%s;%s:%s\n", p.group, p.rawName, paramString(p.params), p.value)
	}
	return b.String()
}

// A card with every property of RFC 6350 (and the parameters PREF, PID,
// TYPE, LABEL, ALTID, SORT-AS, GEO, TZ, MEDIATYPE, x-parameters and
// x-properties), and an iPhone's card with every property of RFC 2426
// and Apple's own (item1.X-ABLabel groups, X-ABDATE, X-ABRELATEDNAMES,
// IMPP, X-SKYPE, X-AIM, X-SOCIALPROFILE, a year-less birthday, a photo),
// come back from import → export in their own version with every
// property as it was: compared as parsed properties, every one of the
// source's is in the export, and the export adds nothing but kith's own
// X-KITH- fields. (MEMBER belongs on a KIND:group card, which kith does
// not import as a contact: on this card it is kept like any other
// property kith does not model.)
func TestEveryPropertyComesBack(t *testing.T) {
	for _, tt := range []struct{ file, version string }{{"rfc6350-all.vcf", V4}, {"apple-all.vcf", V3}} {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			src := rawProps(t, data)[0]
			out := export(t, imported(t, data), tt.version)
			got := rawProps(t, out)[0]
			var missing, extra []prop
			used := make([]bool, len(got))
			for i := range src {
				found := false
				for j := range got {
					if !used[j] && sameProp(&src[i], &got[j]) {
						used[j], found = true, true
						break
					}
				}
				if !found {
					missing = append(missing, src[i])
				}
			}
			for j := range got {
				if !used[j] && !strings.HasPrefix(got[j].name, "X-KITH-") {
					extra = append(extra, got[j])
				}
			}
			if len(missing) > 0 || len(extra) > 0 {
				t.Errorf("missing from the export:\n%sadded by it:\n%sthe export:\n%s", show(missing), show(extra), out)
			}
			if len(src) < 50 {
				t.Errorf("the fixture has %d properties: it should hold them all", len(src))
			}
		})
	}
}

// semantic is what p says in any version (see Property.Meaning).
func semantic(p prop) string { return Property{p}.Meaning() }

// The same cards exported in the other version keep what they say: every
// property of the source reads the same in the export (the escaping of
// the version, 3.0's base64 photo and 4.0's data: URI, a date's form, and
// 4.0's ANNIVERSARY as 3.0's X-ANNIVERSARY aside).
func TestEveryPropertyCrossesVersions(t *testing.T) {
	for _, tt := range []struct{ file, version string }{{"rfc6350-all.vcf", V3}, {"apple-all.vcf", V4}} {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			out := export(t, imported(t, data), tt.version)
			want := map[string]int{}
			for _, p := range rawProps(t, data)[0] {
				if p.name != "VERSION" {
					want[semantic(p)]++
				}
			}
			for _, p := range rawProps(t, out)[0] {
				want[semantic(p)]--
			}
			var missing []string
			for k, n := range want {
				if n > 0 {
					missing = append(missing, k)
				}
			}
			sort.Strings(missing)
			if len(missing) > 0 {
				t.Errorf("the %s export lacks:\n  %s\nexport:\n%s", tt.version, strings.Join(missing, "\n  "), out)
			}
		})
	}
}

// What the every-property cards say that kith uses is read into its
// fields.
func TestEveryPropertyCardFields(t *testing.T) {
	data, _ := os.ReadFile(filepath.Join("testdata", "apple-all.vcf"))
	f := imported(t, data)[0]
	want := store.Friend{
		Name: "Mr. Michael Angstadt Jr.", Nickname: "Mike", Org: "Acme Corp.", Department: "Engineering", Role: "Engineer",
		Emails:   []string{"mike@acme.example", "mike@home.example"},
		Phones:   []string{"+1 555 0100", "+1 555 0101", "+1 555 0102", "+1 555 0103"},
		URLs:     []string{"https://mike.example", "https://twitter.com/mike"},
		Birthday: store.Date{Month: time.March, Day: 15}, Anniversary: store.Date{Year: 2004, Month: time.August, Day: 12},
		Notes: "Likes tea; and biscuits, mostly.\nSecond line.", Sectors: []string{"Work", "VIP"}, Closeness: 3, Contact: &store.Contact{NameParts: store.NameParts{Prefix: "Mr.", Given: "Michael", Family: "Angstadt", Suffix: "Jr.", PhoneticGiven: "MY-kul", PhoneticFamily: "ANG-stat"}, EmailTypes: []store.Typed{{Value: "mike@acme.example", Types: []string{"internet", "work", "pref"}},
			{Value: "mike@home.example", Types: []string{"internet"}, Label: "Other"}}, PhoneTypes: []store.Typed{{Value: "+1 555 0100", Types: []string{"cell", "voice", "pref"}}, {Value: "+1 555 0101", Types: []string{"work", "fax"}},
			{Value: "+1 555 0102", Label: "Assistant"}, {Value: "+1 555 0103", Types: []string{"pager"}}}, Addresses: []store.Address{
			{Types: []string{"home", "pref"}, Street: "1 Infinite Loop\nApt 2", Locality: "Cupertino", Region: "CA", PostalCode: "95014", Country: "USA"},
			{Types: []string{"work"}, POBox: "PO Box 7", Extended: "Building 3", Street: "2 Main St", Locality: "Springfield", Region: "IL",
				PostalCode: "62701", Country: "USA", Label: "PO Box 7\nBuilding 3\n2 Main St\nSpringfield IL 62701"}}, URLTypes: []store.Typed{{Value: "https://mike.example", Types: []string{"pref"}, Label: "HomePage"}, {Value: "https://twitter.com/mike", Types: []string{"twitter"}}}},
	}
	got := fields(f)
	got.ID, got.Created, got.Updated = 0, time.Time{}, time.Time{}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %#v\nwant %#v\n%+v\n%+v", got, want, got.Contact, want.Contact)
	}
	if f.Contact.Card.UID != "5AD380FD-B2DE-4261-BA99-DE1D1DB52FBE" {
		t.Errorf("UID %q", f.Contact.Card.UID)
	}
}

// A field changed in kith is written from the field, and its originals
// are not: the old e-mail goes, with its label; what did not change is
// still written as it was; the card's PRODID and REV are kith's once it
// changed.
func TestAChangedFieldIsWrittenFromTheField(t *testing.T) {
	data, _ := os.ReadFile(filepath.Join("testdata", "apple-all.vcf"))
	f := imported(t, data)[0]
	f.Emails[1] = "mike@new.example" // was item1.EMAIL, labelled Other
	f.Phones = f.Phones[:3]          // the pager goes
	f.Role = "Principal Engineer"
	f.Normalize()
	f.Updated = time.Date(2026, 5, 6, 7, 8, 9, 0, time.UTC)
	out := string(export(t, []store.Friend{f}, V3))
	for _, want := range []string{"\r\nEMAIL:mike@new.example\r\n", "\r\nTITLE:Principal Engineer\r\n", "\r\nPRODID:-//kith//kith//EN\r\n",
		"\r\nREV:20260506T070809Z\r\n", "\r\nEMAIL;TYPE=INTERNET,WORK,PREF:mike@acme.example\r\n", "\r\nitem2.TEL:+1 555 0102\r\nitem2.X-ABLabel:_$!<Assistant>!$_\r\n",
		"\r\nPHOTO;ENCODING=b;TYPE=JPEG:", "\r\nitem6.X-ABRELATEDNAMES;TYPE=pref:Jane Angstadt\r\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("the export lacks %q:\n%s", want, out)
		}
	}
	for _, gone := range []string{"mike@home.example", "_$!<Other>!$_", "Apple Inc.", "2024-01-02T03:04:05Z", "TITLE:Engineer", "+1 555 0103"} {
		if strings.Contains(out, gone) {
			t.Errorf("the export still has %q:\n%s", gone, out)
		}
	}
	// A label kith writes goes in a group of its own, apart from the
	// card's groups that it writes (item1 is free: the old e-mail is gone).
	f.Contact.EmailTypes = append(f.Contact.EmailTypes, store.Typed{Value: "mike@new.example", Label: "Cottage"})
	f.Normalize()
	out = string(export(t, []store.Friend{f}, V4))
	if !strings.Contains(out, "\r\nitem1.EMAIL:mike@new.example\r\nitem1.X-ABLabel:Cottage\r\n") {
		t.Errorf("the new label is not in a new group:\n%s", out)
	}
}

// Company cards, Apple's (X-ABShowAs:COMPANY) and vCard 4.0's (KIND:org),
// come in as organisations, and go out as such: no name parts (N empty,
// ORG carries the name), KIND:org, and in 3.0 X-ABShowAs:COMPANY too.
func TestCompanyCards(t *testing.T) {
	data, _ := os.ReadFile(filepath.Join("testdata", "companies.vcf"))
	fs := imported(t, data)
	if len(fs) != 2 || !fs[0].IsOrg || !fs[1].IsOrg {
		t.Fatalf("not organisations: %+v", fs)
	}
	// each says so in the other version's way too
	if out := string(export(t, fs, V4)); strings.Count(out, "\r\nKIND:org\r\n") != 2 {
		t.Errorf("4.0 export of the company cards:\n%s", out)
	}
	if out := string(export(t, fs, V3)); strings.Count(out, "\r\nX-ABShowAs:COMPANY\r\n") != 2 {
		t.Errorf("3.0 export of the company cards:\n%s", out)
	}
	if fs[0].Name != "Analytical Engines AG" || fs[0].Org != "Analytical Engines AG" || !fs[0].ContactFields().NameParts.IsZero() ||
		fs[1].Org != "ABC, Inc." || fs[1].Department != "North American Division, Marketing" {
		t.Errorf("fields: %+v\n%+v", fields(fs[0]), fields(fs[1]))
	}
	// Made in kith: an organisation with only a name.
	org := store.Friend{ID: 9, Name: "Siemens AG", IsOrg: true, Closeness: 3}
	org.Normalize()
	for _, v := range []string{V3, V4} {
		out := string(export(t, []store.Friend{org}, v))
		kind := "\r\nKIND:org\r\nX-ABShowAs:COMPANY\r\n"
		if v == V4 {
			kind = "\r\nKIND:org\r\n"
		}
		if !strings.Contains(out, kind) || !strings.Contains(out, "\r\nORG:Siemens AG\r\n") || !strings.Contains(out, "\r\nN:;;;;\r\n") {
			t.Errorf("%s:\n%s", v, out)
		}
		back := imported(t, []byte(out))[0]
		if !back.IsOrg || back.Org != "Siemens AG" {
			t.Errorf("%s read back: %+v", v, fields(back))
		}
	}
}

// Without name parts, N is derived from the name with care (see
// store.SplitName), never with the last word as the family name.
func TestDerivedN(t *testing.T) {
	for name, want := range map[string]string{
		"Mr. Michael Angstadt Jr.": "N:Angstadt;Michael;;Mr.;Jr.",
		"Ludwig van Beethoven":     "N:van Beethoven;Ludwig;;;",
		"吉田 健太":                    "N:吉田;健太;;;",
		"Trần Văn An":              "N:Trần;An;Văn;;",
		"Acme GmbH":                "N:;;;;",
	} {
		f := store.Friend{ID: 1, Name: name, Closeness: 3}
		if out := string(export(t, []store.Friend{f}, V3)); !strings.Contains(out, "\r\n"+want+"\r\n") {
			t.Errorf("%s: want %s in\n%s", name, want, out)
		}
	}
	// Parts the friend has are written as they are.
	f := store.Friend{ID: 1, Name: "Dr. Jo Li", Contact: &store.Contact{NameParts: store.NameParts{Given: "Jo", Family: "Li", Prefix: "Dr.", Additional: "Ann,Mei"}}}
	if out := string(export(t, []store.Friend{f}, V4)); !strings.Contains(out, "\r\nN:Li;Jo;Ann,Mei;Dr.;\r\n") {
		t.Errorf("parts:\n%s", out)
	}
}

func TestBirthdaysAndAnniversaries(t *testing.T) {
	tests := []struct {
		lines       string
		bday, anniv string
		warn        string
	}{
		{"BDAY:19851210", "1985-12-10", "", ""},
		{"BDAY:1985-12-10", "1985-12-10", "", ""},
		{"BDAY:--1210\r\nANNIVERSARY:20040812", "--12-10", "2004-08-12", ""},
		{"BDAY:--12-10", "--12-10", "", ""},
		{"BDAY:1985-12-10T00:00:00Z", "1985-12-10", "", ""},
		{"BDAY;X-APPLE-OMIT-YEAR=1604:1604-12-10", "--12-10", "", ""},
		{"BDAY;X-APPLE-OMIT-YEAR=1604:16041210", "--12-10", "", ""},
		{"X-ANNIVERSARY:2004-08-12", "", "2004-08-12", ""},
		{"X-EVOLUTION-ANNIVERSARY:2004-08-12", "", "2004-08-12", ""},
		{"item1.X-ABDATE:2004-08-12\r\nitem1.X-ABLabel:_$!<Anniversary>!$_", "", "2004-08-12", ""},
		{"item1.X-ABDATE:2010-01-01\r\nitem1.X-ABLabel:_$!<Other>!$_", "", "", ""}, // another date: kept, not an anniversary
		{"BDAY;VALUE=text:circa 1800", "", "", `birthday "circa 1800" is text, not a date: kept in the card as it was`},
		{"BDAY:1815-12-10", "", "", `birthday "1815-12-10": the year 1815 is out of range: kith keeps dates from 1900 to 2200; kept in the card as it was`},
		{"BDAY:1985-02-30", "", "", `birthday "1985-02-30": February has no day 30; kept in the card as it was`},
	}
	for _, tt := range tests {
		data := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\n" + tt.lines + "\r\nEND:VCARD\r\n"
		in, err := Parse(strings.NewReader(data), "d.vcf")
		if err != nil {
			t.Fatal(err)
		}
		f := in.Records[0].Friend
		if f.Birthday.String() != tt.bday || f.Anniversary.String() != tt.anniv {
			t.Errorf("%s: birthday %q anniversary %q, want %q %q", tt.lines, f.Birthday, f.Anniversary, tt.bday, tt.anniv)
		}
		if tt.warn != "" && !hasWarning(in, "d.vcf:4: "+tt.warn) {
			t.Errorf("%s: warnings %v, want %q", tt.lines, in.Warnings, tt.warn)
		}
		if tt.warn == "" && len(in.Warnings) > 0 {
			t.Errorf("%s: warnings %v", tt.lines, in.Warnings)
		}
		// Whatever was read or not, the card comes back with it.
		got := rawProps(t, export(t, imported(t, []byte(data)), V3))[0]
		for _, want := range rawProps(t, []byte(data))[0] {
			if !slices.ContainsFunc(got, func(p prop) bool { return sameProp(&p, &want) }) && want.name != "VERSION" {
				t.Errorf("%s: the export lacks %s", tt.lines, show([]prop{want}))
			}
		}
	}
}

// Addresses with their delivery labels go out and come back the same,
// in either version: a LABEL parameter in 4.0, a LABEL property in its
// ADR's group in 3.0.
func TestAddressesRoundTrip(t *testing.T) {
	f := store.Friend{ID: 1, Name: "Ada", Closeness: 3, Contact: &store.Contact{Addresses: []store.Address{
		{Types: []string{"home"}, Street: "12 St James's Square\nFlat 2", Locality: "London", PostalCode: "SW1Y 4JH", Country: "UK",
			Label: "12 St James's Square, Flat 2\nLondon SW1Y 4JH\n\"UK\""},
		{Types: []string{"work"}, POBox: "PO 7", Extended: "c/o Babbage; Sons", Region: "Surrey, England"},
	}}}
	f.Normalize()
	for _, v := range []string{V3, V4} {
		back := imported(t, export(t, []store.Friend{f}, v))[0]
		want := slices.Clone(f.Contact.Addresses)
		if v == V4 {
			want[0].Label = strings.ReplaceAll(want[0].Label, `"`, "'") // a parameter holds no double quote
		}
		if fmt.Sprint(back.Contact.Addresses) != fmt.Sprint(want) {
			t.Errorf("%s:\n got %+v\nwant %+v\n%s", v, back.Contact.Addresses, want, export(t, []store.Friend{f}, v))
		}
	}
}

// A kept property that would not be one content line (a record written
// around the store's checks) is left out, never written to end the card.
func TestKeptPropertiesNeverBreakTheCard(t *testing.T) {
	f := store.Friend{ID: 1, Name: "Eve", Contact: &store.Contact{Card: store.Card{Version: V3, Props: []store.CardProp{
		{Name: "X-EVIL", Value: "x\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Mallory"},
		{Name: "X-FINE", Value: "ok"},
		{Name: "X-BAD;", Value: "x"},
	}}}}
	out := string(export(t, []store.Friend{f}, V4))
	if strings.Count(out, "BEGIN:VCARD") != 1 || strings.Contains(out, "Mallory") || strings.Contains(out, "X-BAD") || !strings.Contains(out, "\r\nX-FINE:ok\r\n") {
		t.Errorf("%s", out)
	}
}

// A TYPE that is no vCard type name is not a type kith keeps: a warning,
// and the card keeps the property as it was.
func TestOddTypesStayInTheCard(t *testing.T) {
	data := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nTEL;TYPE=\"my label\",cell:+1 555\r\nEND:VCARD\r\n"
	in, err := Parse(strings.NewReader(data), "t.vcf")
	if err != nil {
		t.Fatal(err)
	}
	if f := in.Records[0].Friend; fmt.Sprint(f.Contact.PhoneTypes) != "[{+1 555 [cell] }]" || !hasWarning(in, `t.vcf:4: TEL type "my label" is no vCard type`) {
		t.Errorf("types %v, warnings %v", f.Contact.PhoneTypes, in.Warnings)
	}
	out := export(t, imported(t, []byte(data)), V3)
	if !strings.Contains(string(out), "\r\nTEL;TYPE=my label,cell:+1 555\r\n") {
		t.Errorf("%s", out)
	}
}

// A vdir's files are named after the UID, safely for every file system;
// two friends never share a file.
func TestVdirFileNames(t *testing.T) {
	for uid, want := range map[string]string{
		"5AD380FD-B2DE-4261-BA99-DE1D1DB52FBE":          "5AD380FD-B2DE-4261-BA99-DE1D1DB52FBE.vcf",
		"urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6": "f81d4fae-7dec-11d0-a765-00a0c91e6bf6.vcf",
		"ada@example.com":                               "ada@example.com.vcf",
		"../../etc/passwd":                              "",
		".hidden":                                       "",
	} {
		got := FileName(uid)
		if want != "" && got != want || want == "" && (strings.ContainsAny(got, "/:") || strings.HasPrefix(got, ".") || len(got) != 36) {
			t.Errorf("FileName(%q) = %q, want %q", uid, got, want)
		}
	}
	dir := t.TempDir()
	fs := []store.Friend{{ID: 1, Name: "A", Contact: &store.Contact{Card: store.Card{UID: "urn:uuid:x1"}}}, {ID: 2, Name: "B", Contact: &store.Contact{Card: store.Card{UID: "x1"}}}}
	if n, err := WriteDir(dir, fs, V4); err != nil || n != 2 {
		t.Fatal(n, err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.vcf"))
	if len(files) != 2 {
		t.Errorf("files %v, want 2", files)
	}
}
