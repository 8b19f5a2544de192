package store

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// A database written by kith before the contact fields (main at
// 45094e9, schema 2) opens with no migration of its records and reads
// back every record as that kith exported it: the fields are new tags,
// which an old record simply lacks. Its records are not rewritten (the
// one migration since, 3, adds the name index and postings and the
// summaries' last asks).
func TestSchema2FixtureRecordsNeedNoMigration(t *testing.T) {
	path := copyFixture(t, "schema2.db")
	before, _ := os.ReadFile(path)
	raw, err := os.ReadFile(filepath.Join("testdata", "schema2.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	delete(want, "exported_at")
	// The contact fields need no migration of their own; the only ones
	// since schema 2 are migrations 3 to 6, the name index and
	// postings, the circle postings and the rows in the name index (with
	// their haystacks from 6), which write index entries and rewrite no
	// record.
	if want["schema_version"].(float64) != 2 || schemaVersion() != 6 {
		t.Fatalf("the fixture is at schema %v, this kith at %d: want 2 and 6", want["schema_version"], schemaVersion())
	}
	delete(want, "schema_version")
	// The one blurb of a profile of that time reads as the blurb in its
	// language (Profile.Normalize, issue 12): the fixture's is English.
	if prof, ok := want["profile"].(map[string]any); ok {
		if b, ok := prof["blurb"]; ok {
			delete(prof, "blurb")
			prof["blurbs"] = map[string]any{"en": b}
		}
	}
	s := New(path)
	snap, err := s.Snapshot(t0)
	if err != nil {
		t.Fatal(err)
	}
	if got := exportJSON(t, snap); !reflect.DeepEqual(got, want) {
		g, _ := json.MarshalIndent(got, "", "  ")
		t.Fatalf("the fixture reads back differently:\n%s", g)
	}
	for _, f := range snap.Friends {
		if f.Contact != nil || !f.Birthday.IsZero() || f.IsOrg || f.Department != "" {
			t.Errorf("friend %d has contact fields it was never given: %+v", f.ID, f)
		}
	}
	if rep, err := s.Verify(); err != nil || len(rep.Problems) > 0 {
		t.Fatalf("verify: %v %v", rep, err)
	}
	// The records as they were: every record's value is the same bytes
	// under the same key (migration 3 added its buckets and each
	// summary's last ask).
	for _, name := range [][]byte{bucketFriends, bucketAsks, bucketFavors, bucketAsksByFriend, bucketFavorsByFriend} {
		if a, b := bucketDump(t, before, name), bucketDump(t, path, name); !reflect.DeepEqual(a, b) {
			t.Errorf("reading the schema-2 file changed bucket %s", name)
		}
	}
	// And a friend with every contact field is written into it and read
	// back whole.
	f := fullFriend()
	if err := addFriend(s, &f); err != nil {
		t.Fatal(err)
	}
	got, err := s.Friend(f.ID)
	if err != nil || !reflect.DeepEqual(got, f) {
		t.Errorf("got %+v, %v\nwant %+v", got, err, f)
	}
}

// bucketDump is every key and value of bucket name in the database at
// path, or in the bytes of one (written to a temporary file).
func bucketDump(t *testing.T, from any, name []byte) map[string]string {
	t.Helper()
	path, ok := from.(string)
	if !ok {
		path = filepath.Join(t.TempDir(), "copy.db")
		if err := os.WriteFile(path, from.([]byte), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := map[string]string{}
	err = db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(name).ForEach(func(k, v []byte) error {
			out[string(k)] = string(v)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDates(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		out  string
		err  string
	}{
		{"1985-12-10", Date{1985, time.December, 10}, "1985-12-10", ""},
		{"19851210", Date{1985, time.December, 10}, "1985-12-10", ""},
		{"--12-10", Date{0, time.December, 10}, "--12-10", ""},
		{"--1210", Date{0, time.December, 10}, "--12-10", ""},
		{"--02-29", Date{0, time.February, 29}, "--02-29", ""},
		{"12-10", Date{0, time.December, 10}, "--12-10", ""},
		{" 2000-02-29 ", Date{2000, time.February, 29}, "2000-02-29", ""},
		{"1999-02-29", Date{}, "", "February has no day 29"},
		{"1985-13-01", Date{}, "", "month 13"},
		{"1815-12-10", Date{}, "", "the year 1815 is out of range"},
		{"10/12/1985", Date{}, "", "is not a date"},
		{"--12", Date{}, "", "is not a date"},
		{"", Date{}, "", "is not a date"},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseDate(%q) = %v, %v; want an error with %q", tt.in, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want || got.String() != tt.out || got.Written() == "" {
			t.Errorf("ParseDate(%q) = %v (%q), %v; want %v (%q)", tt.in, got, got.String(), err, tt.want, tt.out)
		}
	}
}

func TestDateWritten(t *testing.T) {
	if a, b, c := (Date{1985, time.December, 10}).Written(), (Date{0, time.July, 8}).Written(), (Date{}).Written(); a != "10 Dec 1985" || b != "8 Jul" || c != "" {
		t.Errorf("Written: %q %q %q", a, b, c)
	}
}

func TestDateNext(t *testing.T) {
	rome, _ := time.LoadLocation("Europe/Rome")
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, rome) }
	tests := []struct {
		d    Date
		from time.Time
		want time.Time
	}{
		{Date{1985, time.December, 10}, time.Date(2026, 12, 3, 15, 0, 0, 0, rome), day(2026, 12, 10)},
		{Date{1985, time.December, 10}, time.Date(2026, 12, 10, 23, 59, 0, 0, rome), day(2026, 12, 10)}, // the day itself
		{Date{1985, time.December, 10}, time.Date(2026, 12, 11, 0, 0, 0, 0, rome), day(2027, 12, 10)},
		{Date{0, time.January, 2}, time.Date(2026, 12, 30, 9, 0, 0, 0, rome), day(2027, 1, 2)},
		{Date{0, time.February, 29}, time.Date(2027, 2, 1, 9, 0, 0, 0, rome), day(2027, 2, 28)}, // a common year
		{Date{2000, time.February, 29}, time.Date(2028, 2, 1, 9, 0, 0, 0, rome), day(2028, 2, 29)},
	}
	for _, tt := range tests {
		if got := tt.d.Next(tt.from); !got.Equal(tt.want) {
			t.Errorf("%v.Next(%v) = %v, want %v", tt.d, tt.from, got, tt.want)
		}
	}
}

func TestNamePartsFull(t *testing.T) {
	tests := []struct {
		n    NameParts
		want string
	}{
		{NameParts{Prefix: "Dr.", Given: "John", Additional: "Q.", Family: "Public", Suffix: "Jr."}, "Dr. John Q. Public Jr."},
		{NameParts{Given: "Philip,Paul", Family: "Stevenson", Suffix: "Jr.,M.D."}, "Philip Paul Stevenson Jr. M.D."},
		{NameParts{Given: "二狗", Family: "王"}, "王二狗"},
		{NameParts{Given: "健太", Family: "吉田"}, "吉田健太"},
		{NameParts{Given: "Ada"}, "Ada"},
		{NameParts{PhoneticGiven: "ay-da"}, ""},
	}
	for _, tt := range tests {
		if got := tt.n.Full(); got != tt.want {
			t.Errorf("%+v.Full() = %q, want %q", tt.n, got, tt.want)
		}
	}
}

// The types of a value sit beside the list and follow it: a value taken
// out of its list takes its types along, and an entry that says nothing
// is dropped; an address with nothing in it is dropped.
func TestNormalizeContactFields(t *testing.T) {
	f := Friend{Name: "Ada", Emails: []string{"ada@x.io", "new@x.io"}, Phones: []string{"+39 1"}, Department: "  Research ",
		Contact: &Contact{
			EmailTypes: []Typed{
				{Value: " MAILTO:Ada@X.io ", Types: []string{"WORK", " internet ", "work"}, Label: " Old  job "},
				{Value: "gone@x.io", Types: []string{"home"}},
				{Value: "new@x.io"},
				{Value: "ada@x.io", Types: []string{"home"}},
			},
			PhoneTypes: []Typed{{Value: "tel:+39 1", Types: []string{"cell"}}},
			Addresses:  []Address{{Types: []string{"HOME"}, Street: " 1 Main St \n\n Flat 2 ", Locality: " Rome "}, {Types: []string{"work"}}},
			NameParts:  NameParts{Given: " Ada ", Family: "  Love  lace "},
		}}
	f.Normalize()
	want := Friend{Name: "Ada", Emails: []string{"ada@x.io", "new@x.io"}, Phones: []string{"+39 1"}, Closeness: 3, Department: "Research",
		Contact: &Contact{
			EmailTypes: []Typed{{Value: "ada@x.io", Types: []string{"work", "internet"}, Label: "Old job"}},
			PhoneTypes: []Typed{{Value: "+39 1", Types: []string{"cell"}}},
			Addresses:  []Address{{Types: []string{"home"}, Street: "1 Main St\nFlat 2", Locality: "Rome"}},
			NameParts:  NameParts{Given: "Ada", Family: "Love lace"},
		}}
	if !reflect.DeepEqual(f, want) {
		t.Errorf("got  %+v\nwant %+v", f.Contact, want.Contact)
	}
	if ty := TypesOf(f.Contact.EmailTypes, "ADA@x.io"); ty == nil || !ty.HasType("work") {
		t.Errorf("TypesOf: %+v", ty)
	}
	f.Emails, f.Phones = []string{"new@x.io"}, nil // the CLI's --email replaces the list
	f.Contact.Addresses, f.Contact.NameParts = nil, NameParts{}
	f.Normalize()
	if f.Contact != nil {
		t.Errorf("the types of removed values stayed: %+v", f.Contact)
	}
}

func TestValidateContactFields(t *testing.T) {
	tests := []struct {
		name string
		mod  func(f *Friend)
		want string
	}{
		{"birthday", func(f *Friend) { f.Birthday = Date{1985, time.February, 30} }, "birthday: February has no day 30"},
		{"anniversary year", func(f *Friend) { f.Anniversary = Date{Year: 1850, Month: 1, Day: 1} }, "anniversary: the year 1850 is out of range"},
		{"given name", func(f *Friend) { f.Contact.NameParts.Given = strings.Repeat("x", MaxName+1) }, "given-name: is 201 characters long"},
		{"department", func(f *Friend) { f.Department = strings.Repeat("x", MaxName+1) }, "department: is 201"},
		{"street", func(f *Friend) { f.Contact.Addresses[0].Street = strings.Repeat("x", MaxAddress+1) }, "address: is 1001"},
		{"addresses", func(f *Friend) { f.Contact.Addresses = make([]Address, MaxItems+1) }, "address: 101 values given"},
		{"type", func(f *Friend) { f.Contact.PhoneTypes[0].Types = []string{"cell;x"} }, `phone: type "cell;x"`},
		{"address type", func(f *Friend) { f.Contact.Addresses[0].Types = []string{"home work"} }, `address: type "home work"`},
		{"label", func(f *Friend) { f.Contact.EmailTypes[0].Label = strings.Repeat("x", MaxName+1) }, "email: is 201"},
		{"card line break", func(f *Friend) { f.Contact.Card.Props[0].Value = "x\r\nEND:VCARD" }, "card: property 1 (PHOTO) holds a line break"},
		{"card params break", func(f *Friend) { f.Contact.Card.Props[0].Params = "TYPE=a\nB=c" }, "holds a line break"},
		{"card name", func(f *Friend) { f.Contact.Card.Props[0].Name = "PHO TO" }, `card: property 1: "PHO TO" is not a property name`},
		{"card group", func(f *Friend) { f.Contact.Card.Props[1].Group = "item.1" }, `"item.1" is not a group name`},
		{"card params", func(f *Friend) { f.Contact.Card.Props[0].Params = "TYPE=a:b" }, `parameters "TYPE=a:b" are not vCard syntax`},
		{"card params quote", func(f *Friend) { f.Contact.Card.Props[0].Params = `LABEL="open` }, "are not vCard syntax"},
		{"card value size", func(f *Friend) { f.Contact.Card.Props[0].Value = strings.Repeat("A", MaxCardValue+1) }, "bytes; the limit is 1048576"},
		{"card props", func(f *Friend) { f.Contact.Card.Props = make([]CardProp, MaxCardProps+1) }, "card: 1001 properties; the limit is 1000"},
		{"card uid", func(f *Friend) { f.Contact.Card.UID = "a\nb" }, "card: the UID holds a line break"},
	}
	for _, tt := range tests {
		f := fullFriend()
		tt.mod(&f)
		err := f.Validate()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.want)
		}
	}
	f := fullFriend()
	f.Contact.Card.Props[0].Params = `TYPE=work,voice;LABEL="1 Main St\, Rome";PREF=1;X-EMPTY=`
	if err := f.Validate(); err != nil {
		t.Errorf("valid parameters refused: %v", err)
	}
}

// kith's JSON export carries every contact field, and reads it back.
func TestContactFieldsInJSON(t *testing.T) {
	f := fullFriend()
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"contact":{"name_parts":{"prefix":"Lady"`, `"birthday":"1985-12-10"`, `"anniversary":"--07-08"`,
		`"department":"Engines"`, `"addresses":[{"types":["home"]`, `"email_types":[`, `"card":{"uid":"urn:uuid:5ad380fd"`,
		`"props":[{"name":"PHOTO","params":"ENCODING=b;TYPE=JPEG"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the JSON lacks %s:\n%s", want, b)
		}
	}
	var got Friend
	if err := json.Unmarshal(b, &got); err != nil || !reflect.DeepEqual(got, f) {
		t.Errorf("read back %+v, %v", got, err)
	}
	plain, _ := json.Marshal(Friend{Name: "Bob"})
	for _, absent := range []string{"contact", "birthday", "is_org", "department"} {
		if strings.Contains(string(plain), absent) {
			t.Errorf("a friend without contact fields writes %q: %s", absent, plain)
		}
	}
	var bad Friend
	if err := json.Unmarshal([]byte(`{"name":"x","birthday":"10/12/1985"}`), &bad); err == nil || !strings.Contains(err.Error(), "is not a date") {
		t.Errorf("a bad birthday: %v", err)
	}
}

// The sums tell a changed value from an unchanged one, field by field.
func TestSums(t *testing.T) {
	f := fullFriend()
	g := fullFriend()
	if ContactSum(&f) != ContactSum(&g) || FieldSum(FieldOrg, &f) != FieldSum(FieldOrg, &g) {
		t.Fatal("equal friends, different sums")
	}
	g.Closeness, g.Notes = 1, g.Notes+" " // closeness is kith's, not the card's
	if ContactSum(&f) == ContactSum(&g) {
		t.Error("a changed note left the sum as it was")
	}
	g = fullFriend()
	g.Closeness = 1
	if ContactSum(&f) != ContactSum(&g) {
		t.Error("closeness changed the card's sum")
	}
	g.Contact.PhoneTypes[0].Types = []string{"work"}
	if a, b := ItemSums(FieldPhone, &f), ItemSums(FieldPhone, &g); a[0] == b[0] || ContactSum(&f) == ContactSum(&g) {
		t.Error("a phone's new type left its sum as it was")
	}
	if a, b := ItemSums(FieldEmail, &f), ItemSums(FieldEmail, &g); !reflect.DeepEqual(a, b) || len(a) != 2 {
		t.Errorf("e-mail sums %v %v", a, b)
	}
	g.Department = "Other"
	if FieldSum(FieldOrg, &f) == FieldSum(FieldOrg, &g) {
		t.Error("the department is not in the organisation's sum")
	}
}

// A new name takes the old name's parts away, but not parts that were
// more than the old name.
func TestRename(t *testing.T) {
	f := Friend{Name: "Ada Lovelace", Contact: &Contact{NameParts: NameParts{Given: "Ada", Family: "Lovelace"}}}
	f.Rename("Ada King")
	if f.Name != "Ada King" || !f.Contact.NameParts.IsZero() || f.Parts() != (NameParts{Given: "Ada", Family: "King"}) {
		t.Errorf("renamed: %q %+v %+v", f.Name, f.Contact.NameParts, f.Parts())
	}
	g := Friend{Name: "Bill Gates", Contact: &Contact{NameParts: NameParts{Given: "William Henry", Family: "Gates"}}}
	g.Rename("Bill H. Gates")
	if g.Contact.NameParts.Given != "William Henry" {
		t.Errorf("parts that were more than the name went: %+v", g.Contact.NameParts)
	}
}
