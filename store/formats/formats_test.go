package formats

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
	"kith/store/kithcsv"
	"kith/store/kithjson"
	"kith/store/vcard"
)

func TestDetect(t *testing.T) {
	tests := []struct{ path, want string }{
		{"../vcard/testdata/v21.vcf", VCard},
		{"../vcard/testdata/v30-apple.vcf", VCard},
		{"../vcard/testdata/no-version.vcf", VCard},
		{"../linkedin/testdata/Connections.csv", LinkedIn},
		{"../linkedin/testdata/no-preamble.csv", LinkedIn},
		{"../googlecsv/testdata/contacts.csv", Google},
		{"../googlecsv/testdata/contacts-old.csv", Google},
		{"testdata/export.json", JSON},
		{"testdata/plain.csv", CSV},
		{"../kithcsv/testdata/outlook.csv", CSV},
		{"../vcard/testdata/apple-utf16be.vcf", VCard},
		{"../vcard/testdata/apple-utf16le-nobom.vcf", VCard},
		{"../vcard/testdata/outlook-cp1252.vcf", VCard},
		{"../kithcsv/testdata/google-outlook.csv", CSV},
		{"../kithcsv/testdata/outlook2016.csv", CSV},
		{"../kithcsv/testdata/thunderbird.csv", CSV},
		{"../linkedin/testdata/Connections-2018.csv", LinkedIn},
		{"../googlecsv/testdata/contacts-old-name.csv", Google},
		{"testdata/windows-live-mail.csv", CSV}, // semicolons, windows-1252
		{"testdata/thunderbird-de.csv", ""},     // German column names
		{"testdata/unknown.txt", ""},
	}
	for _, tt := range tests {
		data, err := os.ReadFile(tt.path)
		if err != nil {
			t.Fatal(err)
		}
		if got := Detect(data); got != tt.want {
			t.Errorf("Detect(%s) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestLoad(t *testing.T) {
	in, format, err := load("../vcard/testdata/vdir", "")
	if err != nil || format != VCard || len(in.Records) != 2 {
		t.Errorf("vdir: %v, %q, %v", in, format, err)
	}
	if _, _, err := load("../vcard/testdata/vdir", LinkedIn); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("vdir as linkedin: err = %v", err)
	}
	if _, _, err := load("testdata/unknown.txt", ""); err == nil || !strings.Contains(err.Error(), "--format") {
		t.Errorf("unknown: err = %v", err)
	}
	if _, _, err := load("testdata/plain.csv", "xml"); err == nil || !strings.Contains(err.Error(), `unknown format "xml"`) {
		t.Errorf("bad format: err = %v", err)
	}
	// a forced format that does not fit is a parse error naming the file
	if _, _, err := load("testdata/plain.csv", VCard); err == nil || !strings.HasPrefix(err.Error(), "testdata/plain.csv:1: no BEGIN:VCARD") {
		t.Errorf("csv as vcard: err = %v", err)
	}
}

func TestLoadUTF16AndSemicolons(t *testing.T) {
	in, format, err := load("../vcard/testdata/apple-utf16le-nobom.vcf", "")
	if err != nil || format != VCard || len(in.Records) != 1 || in.Records[0].Friend.Name != "Jürgen Müller (LE)" {
		t.Errorf("UTF-16 vCard: %v, %q, %v", in, format, err)
	}
	in, format, err = load("testdata/windows-live-mail.csv", "")
	if err != nil || format != CSV || len(in.Records) != 1 {
		t.Fatalf("Windows Live Mail: %v, %q, %v", in, format, err)
	}
	want := store.Friend{Name: "René Fauré", Org: "Fauré & Fils",
		Role: "Directeur général", Notes: "Aime le vin; déteste le golf",
		Emails: []string{"rene@faure.example"}, Phones: []string{"+33 1 23 45 67 89", "+33 6 12 34 56 78"},
		URLs: []string{"https://rene.example", "https://faure-et-fils.example"}, Contact: &store.Contact{NameParts: store.NameParts{Given: "René", Family: "Fauré"}, PhoneTypes: []store.Typed{{Value: "+33 1 23 45 67 89", Types: []string{"home", "voice"}}, {Value: "+33 6 12 34 56 78", Types: []string{"cell"}}}, URLTypes: []store.Typed{{Value: "https://rene.example", Types: []string{"home"}}, {Value: "https://faure-et-fils.example", Types: []string{"work"}}}, Addresses: []store.Address{{Types: []string{"home"}, Street: "12 rue de la Paix", Locality: "Paris", PostalCode: "75002", Country: "France"}}}}
	if got := in.Records[0].Friend; !reflect.DeepEqual(got, want) {
		t.Errorf("Windows Live Mail:\n got %#v\nwant %#v", got, want)
	}
	if len(in.Warnings) != 1 || !strings.Contains(in.Warnings[0].Msg, "windows-1252") {
		t.Errorf("warnings = %v, want the windows-1252 one", in.Warnings)
	}
}

// An unrecognised file says what was read, what kith expects and how to
// name a format.
func TestUnrecognisedSaysWhatWasReadAndWhatIsExpected(t *testing.T) {
	tests := []struct {
		path string
		want []string
	}{
		{"testdata/thunderbird-de.csv", []string{
			`testdata/thunderbird-de.csv:1: cannot tell the format from the content: its first line reads "Vorname,Nachname,Anzeigename,Spitzname,Primäre E-Mail-Adresse,`,
			"…\" (38 columns separated by commas, in windows-1252).",
			"\n  linkedin  LinkedIn's Connections.csv: a header First Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
			"\n  csv       any CSV whose first line names its columns: Name (or First Name, Last Name)",
			"kith import testdata/thunderbird-de.csv --format csv",
		}},
		{"testdata/unknown.txt", []string{`its first line reads "just some text".`, "\n  vcard     vCard 2.1, 3.0 or 4.0"}},
	}
	for _, tt := range tests {
		_, _, err := load(tt.path, "")
		if err == nil {
			t.Fatalf("%s: no error", tt.path)
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error\n%s\nwant it to hold %q", tt.path, err, w)
			}
		}
	}
	for name, data := range map[string]string{
		"zip":    "PK\x03\x04\x14\x00rest of a zip",
		"empty":  "  \n",
		"binary": "\x00\x01\x02garbage\x00",
	} {
		err := Unrecognised("f", []byte(data))
		want := map[string]string{"zip": "a zip archive", "empty": "the file is empty", "binary": "it is not text"}[name]
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", name, err, want)
		}
	}
}

var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// seed fills a store with friends that use every field, plus asks and a
// favor.
func seed(t *testing.T) *store.Store {
	t.Helper()
	st := store.New(filepath.Join(t.TempDir(), "a.db"))
	t0 := time.Date(2024, 3, 1, 9, 30, 0, 123456789, time.UTC)
	fs := []store.Friend{
		{Name: "Zoë O'Brien, Jr.", Nickname: "Zo; \\ one", Emails: []string{"zoe@example.com"}, Phones: []string{"+353 1"},
			URLs: []string{"https://x/a,b"}, Org: "Acme; Sons", Role: "VP, Eng", Sectors: []string{"fintech", "a, b"},
			Closeness: 4, WorkedTogether: true, WorkedNote: "Acme 2019", Boundaries: []store.Boundary{{Kind: store.KindReferral, Note: "policy: no"}},
			Busy: []store.MonthRange{{From: 11, To: 2}}, Channel: "signal", Notes: "a\nb\\c", Created: t0, Updated: t0.Add(time.Hour), Archived: true},
		{Name: "Plain", Closeness: 1, Created: t0, Updated: t0},
		{Name: "Twin", Org: "One", Created: t0, Updated: t0},
		{Name: "Twin", Org: "Two", Created: t0, Updated: t0},
	}
	err := st.Batch(now, func(tx *store.Tx) error {
		for i := range fs {
			if err := tx.AddFriend(&fs[i]); err != nil {
				return err
			}
		}
		if err := tx.AddAsk(&store.Ask{FriendID: 1, Kind: store.KindIntro, Status: store.StatusSent, Topic: "bank", Created: t0, Sent: t0}); err != nil {
			return err
		}
		if err := tx.AddFavor(&store.Favor{FriendID: 2, What: "CV review", At: t0}); err != nil {
			return err
		}
		return tx.PutProfile(store.Profile{Name: "Me", Blurb: "I build things.", Lang: "it", Settings: store.Settings{CooldownDays: 10}})
	})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func utc(fs []store.Friend) []store.Friend {
	for i := range fs {
		fs[i].Created, fs[i].Updated = fs[i].Created.UTC(), fs[i].Updated.UTC()
	}
	return fs
}

func TestRoundTripVCard(t *testing.T) {
	for _, version := range []string{vcard.V3, vcard.V4} {
		src := seed(t)
		want, _ := src.Friends()
		var buf bytes.Buffer
		if err := vcard.WriteAll(&buf, want, version); err != nil {
			t.Fatal(err)
		}
		in, format, err := Parse(buf.Bytes(), "x.vcf", "")
		if err != nil || format != VCard {
			t.Fatalf("parse: %q %v", format, err)
		}
		dst := store.New(filepath.Join(t.TempDir(), "b.db"))
		plan, err := importer.Import(dst, in, now.Add(time.Hour), importer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if plan.Added != 4 || len(plan.Warnings) != 0 {
			t.Errorf("%s: %s", version, plan.Summary(false))
		}
		got, _ := dst.Friends()
		// What comes back is each friend with the UID it was written
		// with and its name in parts (the N the card was written with).
		for i := range want {
			uid, parts := vcard.UID(&want[i]), want[i].Parts()
			want[i].Contact = want[i].Contact.Clone()
			c := want[i].MakeContact()
			c.Card.UID, c.NameParts = uid, parts
		}
		if !reflect.DeepEqual(utc(got), utc(want)) {
			t.Errorf("%s: kith → vCard → kith:\n got %+v\nwant %+v", version, got, want)
		}
	}
}

func TestRoundTripJSON(t *testing.T) {
	src := seed(t)
	snap, err := src.Snapshot(now)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := kithjson.Write(&buf, snap); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()

	// into an empty database: restored as is, ids kept
	x, err := kithjson.Read(bytes.NewReader(data), "x.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := x.Prepare(); err != nil {
		t.Fatal(err)
	}
	got := x.Snapshot
	dst := store.New(filepath.Join(t.TempDir(), "b.db"))
	if err := dst.Restore(got); err != nil {
		t.Fatal(err)
	}
	back, _ := dst.Snapshot(now)
	utc(back.Friends)
	utc(snap.Friends)
	if !reflect.DeepEqual(back.Friends, snap.Friends) || !reflect.DeepEqual(back.Profile, snap.Profile) ||
		len(back.Asks) != 1 || len(back.Favors) != 1 || !back.Asks[0].Created.Equal(snap.Asks[0].Created) {
		t.Errorf("kith → JSON → kith (restore):\n got %+v\nwant %+v", back, snap)
	}

	// through the merge path into an empty database: the same friends
	in, format, err := Parse(data, "x.json", "")
	if err != nil || format != JSON {
		t.Fatalf("parse: %q %v", format, err)
	}
	dst2 := store.New(filepath.Join(t.TempDir(), "c.db"))
	if _, err := importer.Import(dst2, in, now, importer.Options{}); err != nil {
		t.Fatal(err)
	}
	back2, _ := dst2.Snapshot(now)
	utc(back2.Friends)
	if !reflect.DeepEqual(back2.Friends, snap.Friends) || !reflect.DeepEqual(back2.Profile, snap.Profile) || len(back2.Asks) != 1 || len(back2.Favors) != 1 {
		t.Errorf("kith → JSON → kith (merge):\n got %+v\nwant %+v", back2, snap)
	}
	// and a second time: nothing changes
	p, err := importer.Import(dst2, in, now, importer.Options{})
	if err != nil || p.Writes() != 0 {
		t.Errorf("second JSON import: %v\n%s", err, p.Summary(false))
	}
}

// A phone with an extension, read from a vCard 4.0 tel URI, survives
// kith's CSV export and import as one phone, and goes back out in vCard
// 4.0 as a tel URI.
func TestPhoneExtensionRoundTrips(t *testing.T) {
	in, _, err := load("../vcard/testdata/v40-ext.vcf", "")
	if err != nil {
		t.Fatal(err)
	}
	a := store.New(filepath.Join(t.TempDir(), "a.db"))
	if _, err := importer.Import(a, in, now, importer.Options{}); err != nil {
		t.Fatal(err)
	}
	fs, _ := a.Friends()
	want := []string{"+1-418-656-9254 ext. 102", "+1-418-262-6501"}
	if len(fs) != 1 || !reflect.DeepEqual(fs[0].Phones, want) {
		t.Fatalf("imported %+v, want phones %q", fs, want)
	}
	var csv bytes.Buffer
	if err := kithcsv.Write(&csv, fs, nil); err != nil {
		t.Fatal(err)
	}
	back, format, err := Parse(csv.Bytes(), "x.csv", "")
	if err != nil || format != CSV {
		t.Fatalf("parse CSV: %q %v", format, err)
	}
	b := store.New(filepath.Join(t.TempDir(), "b.db"))
	if _, err := importer.Import(b, back, now, importer.Options{}); err != nil {
		t.Fatal(err)
	}
	fs, _ = b.Friends()
	if len(fs) != 1 || !reflect.DeepEqual(fs[0].Phones, want) {
		t.Errorf("after a CSV round trip: %+v, want phones %q", fs, want)
	}
	var card bytes.Buffer
	if err := vcard.Write(&card, &fs[0], vcard.V4); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(card.String(), "\r\nTEL;VALUE=uri:tel:+1-418-656-9254;ext=102\r\n") {
		t.Errorf("vCard 4.0 out:\n%s", card.String())
	}
}

// load is Open and Records: what an import of path reads, and the format.
func load(path, format string) (*importer.Input, string, error) {
	src, err := Open(path, format, nil)
	if err != nil {
		return nil, "", err
	}
	in, err := src.Records()
	return in, src.Format, err
}

func TestOpenStdinAndLimits(t *testing.T) {
	src, err := Open("-", "", strings.NewReader("BEGIN:VCARD\nVERSION:3.0\nFN:Ada\nEND:VCARD\n"))
	if err != nil || src.Name != "stdin" || src.Format != VCard || src.Asked || src.Folder {
		t.Fatalf("stdin: %+v, %v", src, err)
	}
	if in, err := src.Records(); err != nil || len(in.Records) != 1 || in.Format != VCard {
		t.Errorf("stdin records: %+v, %v", in, err)
	}
	if src, err := Open("../vcard/testdata/vdir", "", nil); err != nil || !src.Folder || src.Data != nil {
		t.Errorf("a folder: %+v, %v", src, err)
	}
	var fe *FolderError
	if _, err := Open("../vcard/testdata/vdir", CSV, nil); !errors.As(err, &fe) {
		t.Errorf("a folder as csv: err %v, want a FolderError", err)
	}
	if _, err := Open("testdata/no-such-file.vcf", "", nil); err == nil || !strings.Contains(err.Error(), "no-such-file.vcf: no such file") {
		t.Errorf("a missing file: err %v", err)
	}
}
