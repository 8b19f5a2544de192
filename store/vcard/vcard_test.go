package vcard

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"kith/store"
	"kith/store/importer"
)

func parseFile(t *testing.T, name string) *importer.Input {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in, err := Parse(f, name)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return in
}

func TestParseFixtures(t *testing.T) {
	tests := []struct {
		file string
		want []store.Friend
	}{
		{"v21.vcf", []store.Friend{
			{ // quoted-printable with a soft line break, UTF-8 charset, bare 2.1 params, photo kept in the card
				Name:       "Jürgen Müller",
				Emails:     []string{"juergen@example.de"},
				Phones:     []string{"+49 30 1234567", "+49 170 7654321"},
				Org:        "Müller AG",
				Department: "Vertrieb",
				Notes:      "Met at the trade fair in Köln.\nWants an intro to a bank; owes me one.", // the quoted-printable CRLF read as a line break
				Contact:    &store.Contact{NameParts: store.NameParts{Given: "Jürgen", Family: "Müller"}, EmailTypes: []store.Typed{{Value: "juergen@example.de", Types: []string{"internet", "pref"}}}, PhoneTypes: []store.Typed{{Value: "+49 30 1234567", Types: []string{"home", "voice"}}, {Value: "+49 170 7654321", Types: []string{"cell"}}}}},
			{ // ISO-8859-1 charset, raw and quoted-printable; nested AGENT card not read as a person
				Name: "René Fauré",
				Role: "Directeur général", Contact: &store.Contact{NameParts: store.NameParts{Given: "René", Family: "Fauré"}},
			},
		}},
		{"v30-apple.vcf", []store.Friend{{
			Name:       "Ada Lovelace",
			Nickname:   "Ada",
			Emails:     []string{"ada@example.com", "Ada.Lovelace@Engines.example"},
			Phones:     []string{"+44 20 7946 0001"},
			URLs:       []string{"https://example.com/ada"},
			Org:        "Analytical Engines, Ltd.",
			Department: "Research",
			Role:       "Mathematician",
			Sectors:    []string{"Computing", "Mathematics, applied"},
			Notes:      "First line\nsecond line with a comma, a semicolon; and a backslash \\ folded over two lines.", Contact: &store.Contact{NameParts: store.NameParts{Prefix: "Lady", Given: "Ada", Family: "Lovelace"}, EmailTypes: []store.Typed{{Value: "ada@example.com", Types: []string{"internet", "pref"}, Label: "Other"},
				{Value: "Ada.Lovelace@Engines.example", Types: []string{"internet", "work"}}}, PhoneTypes: []store.Typed{{Value: "+44 20 7946 0001", Types: []string{"cell", "voice", "pref"}}}, URLTypes: []store.Typed{{Value: "https://example.com/ada", Types: []string{"pref"}, Label: "HomePage"}}},
		}}},
		{"v40.vcf", []store.Friend{
			{
				Name:    "Grace Hopper",
				Emails:  []string{"grace@navy.example"},
				Phones:  []string{"+1-555-555-0100"}, // the tel URI read as a number,
				URLs:    []string{"https://example.org/grace"},
				Sectors: []string{"Navy", "Computing"},
				Notes:   "COBOL\n\nNanoseconds", Contact: &store.Contact{NameParts: store.NameParts{Prefix: "Rear Admiral", Given: "Grace", Additional: "Brewster Murray", Family: "Hopper"}, PhoneTypes: []store.Typed{{Value: "+1-555-555-0100", Types: []string{"voice", "work"}}}},
			},
			{Name: "Alan Mathison Turing OBE",
				Emails: []string{"alan@example.org"}, Contact: &store.Contact{NameParts: store.NameParts{Given: "Alan", Additional: "Mathison", Family: "Turing", Suffix: "OBE"}}}, // no FN: from N
		}},
		{"no-version.vcf", []store.Friend{{Name: "No Version", Emails: []string{"nov@example.com"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			in := parseFile(t, tt.file)
			if len(in.Records) != len(tt.want) {
				t.Fatalf("got %d records, want %d: %+v", len(in.Records), len(tt.want), in.Records)
			}
			for i, rec := range in.Records {
				if got := fields(rec.Friend); !reflect.DeepEqual(got, tt.want[i]) {
					t.Errorf("record %d:\n got %#v\nwant %#v", i, got, tt.want[i])
				}
				if !strings.HasPrefix(rec.Source, tt.file+":") {
					t.Errorf("record %d source %q, want %s:LINE", i, rec.Source, tt.file)
				}
			}
		})
	}
}

func TestSourcesNameTheBeginLine(t *testing.T) {
	in := parseFile(t, "v21.vcf")
	if got, want := in.Records[1].Source, "v21.vcf:16"; got != want {
		t.Errorf("source = %q, want %q", got, want)
	}
}

func TestParseNormalisedCardsPassValidation(t *testing.T) {
	for _, name := range []string{"v21.vcf", "v30-apple.vcf", "v40.vcf", "no-version.vcf", "hostile.vcf"} {
		in := parseFile(t, name)
		for _, rec := range in.Records {
			if _, skip := importer.Clean(&rec); skip != "" {
				continue
			}
			rec.Friend.Normalize()
			if err := rec.Friend.Validate(); err != nil {
				t.Errorf("%s: %s: %v", name, rec.Source, err)
			}
		}
	}
}

func TestLineEndings(t *testing.T) {
	lf := "BEGIN:VCARD\nVERSION:3.0\nFN:Line\n  Ends\nNOTE:a\\nb\nEND:VCARD\n"
	for name, data := range map[string]string{
		"LF":   lf,
		"CRLF": strings.ReplaceAll(lf, "\n", "\r\n"),
		"CR":   strings.ReplaceAll(lf, "\n", "\r"),
		"BOM":  "\ufeff" + lf,
		"tab":  strings.Replace(lf, "\n  Ends", "\n\t Ends", 1),
	} {
		in, err := Parse(strings.NewReader(data), name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(in.Records) != 1 {
			t.Fatalf("%s: got %d records, want 1", name, len(in.Records))
		}
		if got := in.Records[0].Friend.Name; got != "Line Ends" {
			t.Errorf("%s: name = %q, want %q", name, got, "Line Ends")
		}
		if got := in.Records[0].Friend.Notes; got != "a\nb" {
			t.Errorf("%s: notes = %q, want %q", name, got, "a\nb")
		}
	}
}

func TestParseErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"truncated.vcf", "", "truncated.vcf:5: the card that starts here has no END:VCARD"},
		{"x.vcf", "BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\n", "x.vcf:3: BEGIN:VCARD inside the card that starts at line 1"},
		{"y.vcf", "BEGIN:VCARD\nFN:A\nEND:VCARD\nEND:VCARD\n", "y.vcf:4: END:VCARD without a BEGIN:VCARD"},
		{"z.vcf", "hello\nworld\n", "z.vcf:1: no BEGIN:VCARD"},
	}
	for _, tt := range tests {
		var in *importer.Input
		var err error
		if tt.data == "" {
			f, _ := os.Open(filepath.Join("testdata", tt.name))
			in, err = Parse(f, tt.name)
			f.Close()
		} else {
			in, err = Parse(strings.NewReader(tt.data), tt.name)
		}
		var pe *importer.ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("%s: err = %v, want a *ParseError", tt.name, err)
		}
		if in != nil {
			t.Errorf("%s: got records with the error", tt.name)
		}
		if !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: err = %q, want prefix %q", tt.name, err, tt.want)
		}
	}
}

func TestParseDir(t *testing.T) {
	in, err := ParseDir(filepath.Join("testdata", "vdir"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range in.Records {
		names = append(names, r.Friend.Name)
	}
	if want := []string{"Dir One", "Dir Two"}; !reflect.DeepEqual(names, want) {
		t.Errorf("names = %q, want %q (README.txt ignored)", names, want)
	}
	if _, err := ParseDir(t.TempDir()); err == nil || !strings.Contains(err.Error(), "no .vcf files") {
		t.Errorf("empty folder: err = %v, want no .vcf files", err)
	}
}

func TestHostileTextIsCleaned(t *testing.T) {
	in := parseFile(t, "hostile.vcf")
	if len(in.Records) != 3 {
		t.Fatalf("got %d records, want 3", len(in.Records))
	}
	var kept []store.Friend
	var skips []string
	for _, rec := range in.Records {
		_, skip := importer.Clean(&rec)
		if skip != "" {
			skips = append(skips, skip)
			continue
		}
		kept = append(kept, rec.Friend)
	}
	if len(kept) != 2 || len(skips) != 1 {
		t.Fatalf("kept %d, skipped %q; want 2 kept (the card with only a phone skipped)", len(kept), skips)
	}
	eve := kept[0]
	for field, s := range map[string]string{"name": eve.Name, "org": eve.Org, "notes": eve.Notes} {
		if strings.ContainsAny(s, "\x1b\x07\x00\u202e") {
			t.Errorf("%s = %q still holds control characters", field, s)
		}
	}
	if want := "Eve Red Evil"; eve.Name != want {
		t.Errorf("name = %q, want %q", eve.Name, want)
	}
	if want := []string{"eve@example.com"}; !reflect.DeepEqual(eve.Emails, want) {
		t.Errorf("emails = %q, want %q (the address without @ dropped)", eve.Emails, want)
	}
	if !strings.Contains(eve.Notes, "line one\nline two bold") {
		t.Errorf("notes = %q: the line break should stay", eve.Notes)
	}
	// not UTF-8 and no CHARSET: read as windows-1252, with a warning
	if want := "Bad ÿþ UTF-8"; kept[1].Name != want {
		t.Errorf("invalid UTF-8: name = %q, want %q", kept[1].Name, want)
	}
	if !hasWarning(in, "hostile.vcf:14: FN: not UTF-8") {
		t.Errorf("warnings = %v, want one on the undeclared 8-bit FN at line 14", in.Warnings)
	}
}

// full is a friend with every field set, the hard cases in its text.
func full() store.Friend {
	t0 := time.Date(2024, 3, 1, 9, 30, 0, 123456789, time.UTC)
	return store.Friend{
		ID:             7,
		Name:           "Zoë O'Brien, Jr.",
		Nickname:       "Zo; the \\ one",
		Emails:         []string{"zoe@example.com", "Z.OBrien@work.example"},
		Phones:         []string{"+353 1 234 5678", "tel,with;odd"},
		URLs:           []string{"https://www.linkedin.com/in/zoe", "https://example.com/a,b;c"},
		Org:            "Acme; Sons, Ltd",
		Role:           "VP, Engineering",
		Sectors:        []string{"fintech", "open source, mostly", "ai;ml"},
		Closeness:      4,
		WorkedTogether: true,
		WorkedNote:     "Acme 2019-2021: same team",
		Boundaries:     []store.Boundary{{Kind: store.KindReferral, Note: "no referrals: policy"}, {Kind: store.KindReference}},
		Busy:           []store.MonthRange{{From: time.November, To: time.February}, {From: time.June, To: time.June}},
		Channel:        "signal",
		Notes:          "Line one\nLine two, with \\ backslash; and a very long line that will certainly have to be folded across several physical lines by the writer ✓✓✓ ünïcödé",
		Created:        t0,
		Updated:        t0.Add(48 * time.Hour),
		Archived:       true,
	}
}

func TestRoundTrip(t *testing.T) {
	for _, version := range []string{V3, V4} {
		t.Run(version, func(t *testing.T) {
			a := full()
			b := store.Friend{Name: "Plain", Closeness: 3, Created: a.Created, Updated: a.Created}
			var buf bytes.Buffer
			if err := WriteAll(&buf, []store.Friend{a, b}, version); err != nil {
				t.Fatal(err)
			}
			for i, l := range strings.Split(strings.TrimSuffix(buf.String(), "\r\n"), "\r\n") {
				if len(l) > 75 {
					t.Errorf("line %d is %d octets, want ≤ 75: %q", i+1, len(l), l)
				}
			}
			in, err := Parse(&buf, "rt.vcf")
			if err != nil {
				t.Fatal(err)
			}
			if len(in.Warnings) != 0 {
				t.Errorf("warnings: %v", in.Warnings)
			}
			if len(in.Records) != 2 {
				t.Fatalf("got %d records, want 2", len(in.Records))
			}
			for i, want := range []store.Friend{a, b} {
				got := in.Records[i].Friend
				want = wantBack(want)
				want.ID = 0
				if !reflect.DeepEqual(got, want) {
					t.Errorf("card %d:\n got %#v\nwant %#v", i, got, want)
				}
			}
		})
	}
}

func TestWriteDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "contacts")
	a, b := full(), full()
	b.ID, b.Name = 8, "Second"
	n, err := WriteDir(dir, []store.Friend{a, b}, V3)
	if err != nil || n != 2 {
		t.Fatalf("WriteDir = %d, %v; want 2, nil", n, err)
	}
	for _, f := range []store.Friend{a, b} {
		path := filepath.Join(dir, UID(&f)+".vcf")
		info, err := os.Stat(path)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if info.Mode().Perm() != 0o600 {
			t.Errorf("%s mode = %v, want 0600", path, info.Mode().Perm())
		}
	}
	if UID(&a) == UID(&b) {
		t.Errorf("two friends share UID %s", UID(&a))
	}
	again := full()
	if UID(&a) != UID(&again) {
		t.Errorf("UID not stable: %s then %s", UID(&a), UID(&again))
	}
	in, err := ParseDir(dir)
	if err != nil || len(in.Records) != 2 {
		t.Fatalf("ParseDir: %v, %d records; want 2", err, len(in.Records))
	}
	if _, err := WriteDir(dir, nil, "2.1"); err == nil {
		t.Error("version 2.1: want an error")
	}
}

func TestGroupsAreSkipped(t *testing.T) {
	data := "BEGIN:VCARD\nVERSION:4.0\nKIND:group\nFN:Book club\nMEMBER:urn:uuid:1\nEND:VCARD\n" +
		"BEGIN:VCARD\nVERSION:3.0\nX-ADDRESSBOOKSERVER-KIND:group\nFN:Family\nEND:VCARD\n" +
		"BEGIN:VCARD\nVERSION:4.0\nKIND:individual\nFN:Person\nEND:VCARD\n"
	in, err := Parse(strings.NewReader(data), "g.vcf")
	if err != nil {
		t.Fatal(err)
	}
	var skips []string
	for _, r := range in.Records {
		if _, skip := importer.Clean(&r); skip != "" {
			skips = append(skips, skip)
		}
	}
	want := []string{"a vCard of KIND group, not a person", "a vCard of KIND group, not a person"}
	if !reflect.DeepEqual(skips, want) {
		t.Errorf("skips = %q, want %q", skips, want)
	}
}

func TestParseDirNamesTheBrokenFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.vcf"), []byte("BEGIN:VCARD\nFN:A\nEND:VCARD\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "b.vcf"), []byte("BEGIN:VCARD\nFN:B\n"), 0o600)
	in, err := ParseDir(dir)
	want := filepath.Join(dir, "b.vcf") + ":1: the card that starts here has no END:VCARD"
	if in != nil || err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("ParseDir = %v, %v; want no records and %q", in, err, want)
	}
}

// fields is f without the card it keeps (tested on its own).
func fields(f store.Friend) store.Friend {
	if f.Contact != nil {
		c := *f.Contact
		c.Card = store.Card{}
		f.Contact = &c
		if c.IsZero() {
			f.Contact = nil
		}
	}
	return f
}

// hasWarning reports whether in has a warning starting with prefix.
func hasWarning(in *importer.Input, prefix string) bool {
	for _, w := range in.Warnings {
		if strings.HasPrefix(w.String(), prefix) {
			return true
		}
	}
	return false
}
