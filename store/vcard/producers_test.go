package vcard

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"kith/store"
	"kith/store/importer"
)

// Cards as other programs write them, each fixture in its producer's
// layout.
func TestParseProducers(t *testing.T) {
	jurgen := store.Friend{Name: "Jürgen Müller", Org: "Müller AG",
		Emails: []string{"juergen@mueller.example"},
		Phones: []string{"+49 170 7654321"},
		Notes:  `Sagte "Servus" und ging.`, Contact: &store.Contact{NameParts: store.NameParts{Given: "Jürgen", Family: "Müller"}, EmailTypes: []store.Typed{{Value: "juergen@mueller.example", Types: []string{"internet", "pref"}, Label: "Other"}}, PhoneTypes: []store.Typed{{Value: "+49 170 7654321", Types: []string{"cell", "voice", "pref"}}}}}
	jurgenLE := jurgen
	jurgenLE.Name = "Jürgen Müller (LE)"
	tests := []struct {
		file  string
		want  []store.Friend
		warns []string
	}{
		// the macOS Address Book's UTF-16, big-endian with a byte order
		// mark and little-endian without; Apple's \" in NOTE
		{"apple-utf16be.vcf", []store.Friend{jurgen}, nil},
		{"apple-utf16le-nobom.vcf", []store.Friend{jurgenLE}, nil},
		// Outlook's 2.1: windows-1252 with no CHARSET, raw and
		// quoted-printable, the e-mail included
		{"outlook-cp1252.vcf", []store.Friend{{Name: "Zoë Léger", Org: "Café de Flore", Role: "Propriétaire",
			Emails: []string{"zoë@café.example"},
			Notes:  "Préfère le thé à 10 h.\nTrès gentille.", Contact: &store.Contact{NameParts: store.NameParts{Given: "Zoë", Family: "Léger"}, EmailTypes: []store.Typed{{Value: "zoë@café.example", Types: []string{"pref", "internet"}}}}}},
			[]string{"outlook-cp1252.vcf:3: N, FN, ORG, TITLE, NOTE, EMAIL: not UTF-8, and no CHARSET names another encoding: read as windows-1252"}},
		// Gmail's \" in NOTE; other punctuation escapes read too, a
		// backslash before a letter kept; Google's system groups dropped
		{"gmail.vcf", []store.Friend{{Name: "Ada Lovelace",
			Emails: []string{"ada@example.com"},
			Phones: []string{"+44 20 7946 0001"},
			Notes:  `She said "hello", then left; a path: C:\temp\docs`, Sectors: []string{"Friends"}, Contact: &store.Contact{NameParts: store.NameParts{Given: "Ada", Family: "Lovelace"}, EmailTypes: []store.Typed{{Value: "ada@example.com", Types: []string{"internet", "home"}}}, PhoneTypes: []store.Typed{{Value: "+44 20 7946 0001", Types: []string{"cell"}}}}}}, nil},
		// RFC 6350's own example: a tel URI with an extension
		{"v40-ext.vcf", []store.Friend{{Name: "Simon Perreault",
			Emails: []string{"simon.perreault@viagenie.ca"},
			Phones: []string{"+1-418-656-9254 ext. 102", "+1-418-262-6501"}, Contact: &store.Contact{NameParts: store.NameParts{Given: "Simon", Family: "Perreault", Suffix: "ing. jr,M.Sc."}, EmailTypes: []store.Typed{{Value: "simon.perreault@viagenie.ca", Types: []string{"work"}}}, PhoneTypes: []store.Typed{{Value: "+1-418-656-9254 ext. 102", Types: []string{"work", "voice"}},
				{Value: "+1-418-262-6501", Types: []string{"work", "cell", "voice", "video", "text"}}}}}}, nil},
		// no FN and an empty N: Evolution's FILE-AS first; the others are
		// named by importer.Clean (the organisation, then the e-mail)
		{"no-name.vcf", []store.Friend{
			{Name: "Public, John", Org: "Public Works", Emails: []string{"jq@public.example"}, Contact: &store.Contact{EmailTypes: []store.Typed{{Value: "jq@public.example", Types: []string{"work"}}}}},
			{Org: "Acme Corporation", Department: "Sales", Emails: []string{"sales@acme.example"}, Contact: &store.Contact{EmailTypes: []store.Typed{{Value: "sales@acme.example", Types: []string{"work"}}}}},
			{Emails: []string{"nobody@example.com"}, Contact: &store.Contact{EmailTypes: []store.Typed{{Value: "nobody@example.com", Types: []string{"home"}}}}},
		}, []string{`no-name.vcf:1: no FN or N: named "Public, John" from X-EVOLUTION-FILE-AS`}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			in := parseFile(t, tt.file)
			if len(in.Records) != len(tt.want) {
				t.Fatalf("got %d records, want %d", len(in.Records), len(tt.want))
			}
			for i, want := range tt.want {
				if got := fields(in.Records[i].Friend); !reflect.DeepEqual(got, want) {
					t.Errorf("card %d:\n got %#v\nwant %#v", i, got, want)
				}
			}
			if len(in.Warnings) != len(tt.warns) {
				t.Fatalf("warnings = %v, want %q", in.Warnings, tt.warns)
			}
			for i, w := range in.Warnings {
				if !strings.HasPrefix(w.String(), tt.warns[i]) {
					t.Errorf("warning %q, want it to start %q", w, tt.warns[i])
				}
			}
		})
	}
}

// A card with no name is named after its organisation before its e-mail.
func TestNoNameCardsAreNamedAfterTheirOrganisation(t *testing.T) {
	in := parseFile(t, "no-name.vcf")
	var names []string
	for _, rec := range in.Records {
		if _, skip := importer.Clean(&rec); skip != "" {
			t.Fatalf("%s skipped: %s", rec.Source, skip)
		}
		names = append(names, rec.Friend.Name)
	}
	if want := []string{"Public, John", "Acme Corporation", "nobody@example.com"}; !reflect.DeepEqual(names, want) {
		t.Errorf("names = %q, want %q", names, want)
	}
}

// One UTF-16 file among UTF-8 ones no longer fails the folder.
func TestParseDirReadsUTF16(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"apple-utf16be.vcf", "v40.vcf"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	in, err := ParseDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range in.Records {
		names = append(names, r.Friend.Name)
	}
	if want := []string{"Jürgen Müller", "Grace Hopper", "Alan Mathison Turing OBE"}; !reflect.DeepEqual(names, want) {
		t.Errorf("names = %q, want %q", names, want)
	}
}

func TestUnescape(t *testing.T) {
	for in, want := range map[string]string{
		`a\,b\;c\\d\ne\Nf`: "a,b;c\\d\ne\nf",
		`\"quoted\"`:       `"quoted"`,
		`\'single\' \: \.`: `'single' : .`,
		`C:\temp\x41`:      `C:\temp\x41`,
		`ünï\çode`:         `ünï\çode`,
		`trailing\`:        `trailing\`,
		`two\\\"`:          `two\"`,
	} {
		if got := unescape(in); got != want {
			t.Errorf("unescape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReadTel(t *testing.T) {
	for in, want := range map[string]string{
		"tel:+1-418-656-9254;ext=102":      "+1-418-656-9254 ext. 102",
		"TEL:+1-418-656-9254;EXT=102":      "+1-418-656-9254 ext. 102",
		"tel:+1-418-262-6501":              "+1-418-262-6501",
		"tel:7042;phone-context=example.c": "7042;phone-context=example.c",
		"+44 20 7946 0001;ext=5":           "+44 20 7946 0001 ext. 5",
		"tel:1;ext=;ext=5":                 "1 ext. 5",
		"+1 555 0100 ext. 7":               "+1 555 0100 ext. 7",
	} {
		if got := readTel(in); got != want {
			t.Errorf("readTel(%q) = %q, want %q", in, got, want)
		}
		if again := readTel(readTel(in)); again != want {
			t.Errorf("readTel twice on %q = %q, want %q", in, again, want)
		}
	}
}
