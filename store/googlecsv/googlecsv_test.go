package googlecsv

import (
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

func parse(t *testing.T, name string) (*importer.Input, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return Parse(f, name)
}

func TestParse(t *testing.T) {
	tests := []struct {
		file    string
		want    []store.Friend
		sources []string
	}{
		{"contacts.csv", []store.Friend{
			{ // BOM; quoted comma and line break; " ::: " lists; system labels dropped; labels as types
				Name: "Ada Lovelace", Nickname: "Ada",
				Org: "Analytical Engines, Ltd.", Department: "Research", Role: "Mathematician",
				Notes:   "Met at a salon.\nWants an intro, maybe; ask in spring.",
				Sectors: []string{"Computing", "Friends"},
				Emails:  []string{"ada@example.com", "ada.l@example.org", "ada@engines.example"},
				Phones:  []string{"+44 20 7946 0001", "+44 20 7946 0002"},
				URLs:    []string{"https://example.com/ada"}, Contact: &store.Contact{NameParts: store.NameParts{Given: "Ada", Family: "Lovelace"}, EmailTypes: []store.Typed{{Value: "ada@example.com", Types: []string{"home"}}, {Value: "ada.l@example.org", Types: []string{"home"}},
					{Value: "ada@engines.example", Types: []string{"work"}}}, PhoneTypes: []store.Typed{{Value: "+44 20 7946 0001", Types: []string{"cell"}}, {Value: "+44 20 7946 0002", Types: []string{"work"}}}, URLTypes: []store.Typed{{Value: "https://example.com/ada", Label: "Profile"}}},
			},
			{
				Name: "Dott. Mario Rossi",
				Org:  "Banca Esempio S.p.A.", Role: "Analista",
				Emails: []string{"mario.rossi@example.it"}, Phones: []string{"+39 333 123 4567", "+39 02 1234567"}, Contact: &store.Contact{NameParts: store.NameParts{Prefix: "Dott.", Given: "Mario", Family: "Rossi"}, PhoneTypes: []store.Typed{{Value: "+39 333 123 4567", Types: []string{"cell"}}, {Value: "+39 02 1234567", Types: []string{"cell"}}}},
			},
			{Name: "Acme Reception", Phones: []string{"+1 555 0100"}, Contact: &store.Contact{PhoneTypes: []store.Typed{{Value: "+1 555 0100", Types: []string{"work"}}}}}, // File As only
		}, []string{"contacts.csv:2", "contacts.csv:4", "contacts.csv:5"}},
		{"contacts-old.csv", []store.Friend{{
			Name: "Old Format", Org: "Old Corp", Role: "Boss", Notes: "a note",
			Sectors: []string{"Family"},
			Emails:  []string{"old@example.com"}, // "* Home": the primary one
			Phones:  []string{"+1 555 0199"}, Contact: &store.Contact{NameParts: store.NameParts{Given: "Old", Family: "Format"}, EmailTypes: []store.Typed{{Value: "old@example.com", Types: []string{"home", "pref"}}}, PhoneTypes: []store.Typed{{Value: "+1 555 0199", Types: []string{"cell"}}}},
		}}, []string{"contacts-old.csv:2"}},
		{"contacts-old-name.csv", []store.Friend{
			// Google's own Name column, not the parts rebuilt (they are kept as parts); its system groups dropped
			{Name: "二狗王", Sectors: []string{"Family"}, Emails: []string{"ergou@example.cn"}, Contact: &store.Contact{NameParts: store.NameParts{Given: "二狗", Family: "王"}, EmailTypes: []store.Typed{{Value: "ergou@example.cn", Types: []string{"home", "pref"}}}}},
			{Name: "Only Parts", Sectors: []string{"Coworkers"}, Phones: []string{"+1 555 0142"}, Contact: &store.Contact{NameParts: store.NameParts{Given: "Only", Family: "Parts"}, PhoneTypes: []store.Typed{{Value: "+1 555 0142", Types: []string{"cell"}}}}},
		}, []string{"contacts-old-name.csv:2", "contacts-old-name.csv:3"}},
		{"contacts-contact.csv", []store.Friend{
			// the current layout with everything: name parts and phonetic ones, the department, a birthday
			// without a year, an anniversary event, two addresses (Formatted as the label), labels as types
			// and custom labels, a relation (not modelled: the CSV keeps no card)
			{Name: "Mr. Kenta Yoshida",
				Org: "Example KK", Department: "R&D", Role: "Engineer", Sectors: []string{"VIP"},
				Birthday: store.Date{Month: time.March, Day: 15}, Anniversary: store.Date{Year: 2004, Month: time.August, Day: 12},
				Emails: []string{"kenta@example.jp", "kenta@home.example"},
				Phones: []string{"+81 90 1234 5678", "+81 3 1234 5679", "+81 3 5555 0000"},
				URLs:   []string{"https://kenta.example"}, Contact: &store.Contact{NameParts: store.NameParts{Prefix: "Mr.", Given: "Kenta", Family: "Yoshida", PhoneticGiven: "ケンタ", PhoneticFamily: "ヨシダ"}, EmailTypes: []store.Typed{{Value: "kenta@example.jp", Types: []string{"work", "pref"}}, {Value: "kenta@home.example", Types: []string{"home"}}}, PhoneTypes: []store.Typed{{Value: "+81 90 1234 5678", Types: []string{"cell"}}, {Value: "+81 3 1234 5679", Types: []string{"work", "fax"}},
					{Value: "+81 3 5555 0000", Label: "Dojo"}}, URLTypes: []store.Typed{{Value: "https://kenta.example", Label: "Blog"}}, Addresses: []store.Address{
					{Types: []string{"home"}, Street: "1-2-3 Shibuya", Locality: "Tokyo", PostalCode: "150-0002", Country: "Japan", Label: "1-2-3 Shibuya\nTokyo 150-0002\nJapan"},
					{Types: []string{"work"}, Extended: "Floor 7", Street: "4-5-6 Chiyoda", Locality: "Tokyo", Region: "Tokyo"}}}},
			{Name: "Ada Lovelace", Emails: []string{"ada@example.com"}, Contact: &store.Contact{NameParts: store.NameParts{Given: "Ada", Family: "Lovelace"}}},
		}, []string{"contacts-contact.csv:2", "contacts-contact.csv:5"}}, // the address on lines 2-4
		{"contacts-old-contact.csv", []store.Friend{{
			Name: "Old Format",
			Org:  "Old Corp", Department: "Sales", Role: "Boss", Sectors: []string{"Family"},
			Birthday: store.Date{Year: 1970, Month: time.January, Day: 2}, Anniversary: store.Date{Year: 1999, Month: time.June, Day: 1},
			Emails: []string{"old@example.com"},
			Phones: []string{"+1 555 0199", "+1 555 0198"},
			URLs:   []string{"https://old.example"}, Contact: &store.Contact{NameParts: store.NameParts{Prefix: "Dr.", Given: "Old", Additional: "M.", Family: "Format", Suffix: "PhD", PhoneticGiven: "oru", PhoneticFamily: "fomatto"}, EmailTypes: []store.Typed{{Value: "old@example.com", Types: []string{"home", "pref"}}}, PhoneTypes: []store.Typed{{Value: "+1 555 0199", Types: []string{"cell"}}, {Value: "+1 555 0198", Types: []string{"home", "fax"}}}, URLTypes: []store.Typed{{Value: "https://old.example", Label: "Profile"}}, Addresses: []store.Address{{Types: []string{"home"}, Street: "1 Old Road", Locality: "Oldtown", Label: "1 Old Road\nOldtown"}}},
		}}, []string{"contacts-old-contact.csv:2"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			in, err := parse(t, tt.file)
			if err != nil {
				t.Fatal(err)
			}
			if len(in.Records) != len(tt.want) {
				t.Fatalf("got %d records, want %d", len(in.Records), len(tt.want))
			}
			for i := range tt.want {
				if !reflect.DeepEqual(in.Records[i].Friend, tt.want[i]) {
					t.Errorf("row %d:\n got %#v\nwant %#v", i, in.Records[i].Friend, tt.want[i])
				}
				if in.Records[i].Source != tt.sources[i] {
					t.Errorf("row %d: source %q, want %q", i, in.Records[i].Source, tt.sources[i])
				}
			}
		})
	}
}

// A date kith cannot keep is a warning, and the import goes on.
func TestDateWarnings(t *testing.T) {
	in, err := parse(t, "contacts-contact.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Warnings) != 1 || !strings.HasPrefix(in.Warnings[0].String(), `contacts-contact.csv:5: birthday "1815-12-10" ignored: the year 1815 is out of range`) {
		t.Errorf("warnings = %v", in.Warnings)
	}
}

func TestTruncated(t *testing.T) {
	in, err := parse(t, "truncated.csv")
	var pe *importer.ParseError
	if !errors.As(err, &pe) || in != nil {
		t.Fatalf("got %v, %v; want a *ParseError", in, err)
	}
	if !strings.HasPrefix(err.Error(), "truncated.csv:2: ") {
		t.Errorf("err = %q, want it to name line 2, where the open quote starts", err)
	}
}

func TestLooks(t *testing.T) {
	for _, name := range []string{"contacts.csv", "contacts-old.csv", "contacts-old-name.csv"} {
		data, _ := os.ReadFile(filepath.Join("testdata", name))
		if !Looks(data) {
			t.Errorf("Looks(%s) = false", name)
		}
	}
}
