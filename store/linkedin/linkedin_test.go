package linkedin

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

func TestParseConnections(t *testing.T) {
	for _, name := range []string{"Connections.csv", "no-preamble.csv"} {
		t.Run(name, func(t *testing.T) {
			in, err := parse(t, name)
			if err != nil {
				t.Fatal(err)
			}
			want := []store.Friend{
				{Name: "Ada Lovelace", URLs: []string{"https://www.linkedin.com/in/ada-lovelace"}, Org: "Analytical Engines", Role: "Mathematician", Created: time.Date(2025, 12, 7, 0, 0, 0, 0, time.UTC), Contact: &store.Contact{NameParts: store.NameParts{Given: "Ada", Family: "Lovelace"}}},
				{Name: "Grace Hopper", URLs: []string{"https://www.linkedin.com/in/grace"}, Emails: []string{"grace@navy.example"}, Org: "US Navy, Reserve", Role: "Rear Admiral, Computing", Created: time.Date(2019, 3, 15, 0, 0, 0, 0, time.UTC), Contact: &store.Contact{NameParts: store.NameParts{Given: "Grace", Family: "Hopper"}}},
				{Name: "Linus", URLs: []string{"https://www.linkedin.com/in/linus"}, Created: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), Contact: &store.Contact{NameParts: store.NameParts{Given: "Linus"}}},
				{URLs: []string{"https://www.linkedin.com/in/private"}, Created: time.Date(2021, 2, 2, 0, 0, 0, 0, time.UTC)},
				{Name: "Alan Turing", URLs: []string{"https://www.linkedin.com/in/alan"}, Org: "Bletchley Park", Role: "Cryptanalyst", Contact: &store.Contact{NameParts: store.NameParts{Given: "Alan", Family: "Turing"}}},
			}
			if len(in.Records) != len(want) {
				t.Fatalf("got %d records, want %d", len(in.Records), len(want))
			}
			for i := range want {
				if !reflect.DeepEqual(in.Records[i].Friend, want[i]) {
					t.Errorf("row %d:\n got %#v\nwant %#v", i, in.Records[i].Friend, want[i])
				}
			}
			if len(in.Warnings) != 1 || !strings.Contains(in.Warnings[0].String(), "not a date") {
				t.Errorf("warnings = %v, want one about the bad date", in.Warnings)
			}
		})
	}
}

func TestSourceLinesCountThePreamble(t *testing.T) {
	in, err := parse(t, "Connections.csv")
	if err != nil {
		t.Fatal(err)
	}
	// Notes:, the quoted paragraph, a blank line, the header: Ada is line 5
	if got, want := in.Records[0].Source, "Connections.csv:5"; got != want {
		t.Errorf("source = %q, want %q", got, want)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ file, want string }{
		{"wrong-columns.csv", "wrong-columns.csv:5: this row has a different number of fields than the header: 5, where the header has 7; is a value with a comma in it not quoted, or is the row cut short?"},
		{"bad-quote.csv", `bad-quote.csv:2: extraneous or missing " in quoted-field`},
	}
	for _, tt := range tests {
		in, err := parse(t, tt.file)
		var pe *importer.ParseError
		if !errors.As(err, &pe) || in != nil {
			t.Fatalf("%s: got %v, %v; want a *ParseError and no records", tt.file, in, err)
		}
		if err.Error() != tt.want {
			t.Errorf("%s: err = %q, want %q", tt.file, err, tt.want)
		}
	}
	_, err := Parse(strings.NewReader("Name,Email\nA,a@b\n"), "x.csv")
	if err == nil || !strings.Contains(err.Error(), "x.csv:1: no header line starting First Name,Last Name") {
		t.Errorf("no header: err = %v", err)
	}
}

func TestLooks(t *testing.T) {
	for _, name := range []string{"Connections.csv", "no-preamble.csv"} {
		data, _ := os.ReadFile(filepath.Join("testdata", name))
		if !Looks(data) {
			t.Errorf("Looks(%s) = false", name)
		}
	}
	if Looks([]byte("First Name,Last Name,E-mail 1 - Value\n")) {
		t.Error("Looks(a Google header) = true")
	}
}

// LinkedIn's exports from about 2018: no preamble, no URL, "1/8/18, 6:14
// PM" dates, month first.
func TestParseOlderExport(t *testing.T) {
	in, err := parse(t, "Connections-2018.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Friend{
		{Name: "Ada Lovelace", Org: "Analytical Engines", Role: "Mathematician", Created: time.Date(2018, 1, 8, 0, 0, 0, 0, time.UTC), Contact: &store.Contact{NameParts: store.NameParts{Given: "Ada", Family: "Lovelace"}}},
		{Name: "Grace Hopper", Emails: []string{"grace@navy.example"}, Org: "US Navy", Role: "Rear Admiral", Created: time.Date(2017, 12, 25, 0, 0, 0, 0, time.UTC), Contact: &store.Contact{NameParts: store.NameParts{Given: "Grace", Family: "Hopper"}}},
		{Name: "Alan Turing", Org: "Bletchley Park", Role: "Cryptanalyst", Contact: &store.Contact{NameParts: store.NameParts{Given: "Alan", Family: "Turing"}}},
	}
	if len(in.Records) != len(want) {
		t.Fatalf("got %d records, want %d", len(in.Records), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(in.Records[i].Friend, want[i]) {
			t.Errorf("row %d:\n got %#v\nwant %#v", i, in.Records[i].Friend, want[i])
		}
	}
	if len(in.Warnings) != 1 || !strings.HasPrefix(in.Warnings[0].String(), "Connections-2018.csv:4: Connected On 2/30/18, 1:00 PM is not a date") {
		t.Errorf("warnings = %v, want one about February 30th", in.Warnings)
	}
	data, _ := os.ReadFile(filepath.Join("testdata", "Connections-2018.csv"))
	if !Looks(data) {
		t.Error("Looks(Connections-2018.csv) = false")
	}
}

func TestConnectedOnDayFirst(t *testing.T) {
	tests := []struct {
		name  string
		dates []string
		want  []time.Time
	}{
		{"month first", []string{"1/8/18, 6:14 PM", "12/25/17, 9:03 AM"},
			[]time.Time{time.Date(2018, 1, 8, 0, 0, 0, 0, time.UTC), time.Date(2017, 12, 25, 0, 0, 0, 0, time.UTC)}},
		{"day first, told by a day over 12", []string{"1/8/18, 18:14", "25/12/2017 09:03"},
			[]time.Time{time.Date(2018, 8, 1, 0, 0, 0, 0, time.UTC), time.Date(2017, 12, 25, 0, 0, 0, 0, time.UTC)}},
		{"no time of day", []string{"03/15/2024"}, []time.Time{time.Date(2024, 3, 15, 0, 0, 0, 0, time.UTC)}},
	}
	for _, tt := range tests {
		data := "First Name,Last Name,Connected On\n"
		for i, d := range tt.dates {
			data += "P,Q" + strings.Repeat("x", i) + ",\"" + d + "\"\n"
		}
		in, err := Parse(strings.NewReader(data), "x.csv")
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		for i, w := range tt.want {
			if got := in.Records[i].Friend.Created; !got.Equal(w) {
				t.Errorf("%s: %s read as %v, want %v", tt.name, tt.dates[i], got, w)
			}
		}
		if len(in.Warnings) != 0 {
			t.Errorf("%s: warnings %v", tt.name, in.Warnings)
		}
	}
}
