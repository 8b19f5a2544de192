package googlecsv

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

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
			{ // BOM; quoted comma and line break; " ::: " lists; system labels dropped
				Name: "Ada Lovelace", Nickname: "Ada", Org: "Analytical Engines, Ltd.", Role: "Mathematician",
				Notes:   "Met at a salon.\nWants an intro, maybe; ask in spring.",
				Sectors: []string{"Computing", "Friends"},
				Emails:  []string{"ada@example.com", "ada.l@example.org", "ada@engines.example"},
				Phones:  []string{"+44 20 7946 0001", "+44 20 7946 0002"},
				URLs:    []string{"https://example.com/ada"},
			},
			{
				Name: "Dott. Mario Rossi", Org: "Banca Esempio S.p.A.", Role: "Analista",
				Emails: []string{"mario.rossi@example.it"}, Phones: []string{"+39 333 123 4567", "+39 02 1234567"},
			},
			{Name: "Acme Reception", Phones: []string{"+1 555 0100"}}, // File As only
		}, []string{"contacts.csv:2", "contacts.csv:4", "contacts.csv:5"}},
		{"contacts-old.csv", []store.Friend{{
			Name: "Old Format", Org: "Old Corp", Role: "Boss", Notes: "a note", Sectors: []string{"Family"},
			Emails: []string{"old@example.com"}, Phones: []string{"+1 555 0199"},
		}}, []string{"contacts-old.csv:2"}},
		{"contacts-old-name.csv", []store.Friend{
			// Google's own Name column, not the parts rebuilt; its system groups dropped
			{Name: "二狗王", Sectors: []string{"Family"}, Emails: []string{"ergou@example.cn"}},
			{Name: "Only Parts", Sectors: []string{"Coworkers"}, Phones: []string{"+1 555 0142"}},
		}, []string{"contacts-old-name.csv:2", "contacts-old-name.csv:3"}},
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
