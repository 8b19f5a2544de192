package kithcsv

import (
	"bytes"
	"encoding/csv"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"kith/store"
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
		Busy: []store.MonthRange{{From: 3, To: 4}}, Channel: "email", Notes: "two\nlines", Archived: true, Created: t0, Updated: t0}
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
	want := store.Friend{Name: "Bill Gates", Org: "Foundation", Role: "Chair", Notes: "Line one\nline two, with a comma",
		Emails: []string{"bill@example.com", "wg@example.org"}, Phones: []string{"+1 425 555 0101", "+1 425 555 0100"}}
	if len(in.Records) != 1 || !reflect.DeepEqual(in.Records[0].Friend, want) {
		t.Errorf("\n got %#v\nwant %#v", in.Records, want)
	}
}
