package kithjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"kith/store"

	"kith/store/importer"
)

func TestDecodeErrorsNameTheLine(t *testing.T) {
	tests := []struct{ data, want string }{
		{"{\n  \"schema_version\": 1,\n  \"friends\": [\n    {\"id\": 1,, }\n  ]\n}", "x.json:4: invalid character ','"},
		{"{\n  \"schema_version\": 1,\n  \"friends\": [{\"id\": \"one\"}]\n}", "x.json:3: friends[0].id: want uint64, got string"},
		{"{\n  \"schema_version\": 1,\n  \"friends\": [\n{\"id\": 1}, {\"id\": 2,\n \"nmae\": \"A\"}]}", "x.json:4: friends[1]: unknown field \"nmae\""},
		{"{\"schema_version\": 1,\n \"frends\": []}", "x.json:2: unknown field \"frends\""},
		{"{\"friends\": [", "x.json:1: the file is empty or cut short"},
		{"", "x.json:1: the file is empty or cut short"},
		{"[]", "x.json:1: not a kith export"},
		{"{}", "x.json:1: not a kith export"},
		{"{\"schema_version\": 1}\n{}", "x.json:2: unexpected data after the export"},
	}
	for _, tt := range tests {
		_, err := decode(strings.NewReader(tt.data), "x.json")
		var pe *importer.ParseError
		if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("decode(%q) = %v, want a *ParseError starting %q", tt.data, err, tt.want)
		}
	}
}

// export is a kith export whose friend, ask and favor stand on lines 3, 5
// and 7, each with the JSON fields given added (or overriding).
func export(friend, ask, favor string) string {
	return "{\"schema_version\": 1, \"profile\": {\"lang\": \"en\"},\n\"friends\": [\n" +
		`{"id": 3, "name": "Ada", "closeness": 3` + friend + "}],\n\"asks\": [\n" +
		`{"id": 1, "friend_id": 3, "kind": "intro", "status": "sent", "created": "2025-01-01T00:00:00Z"` + ask + "}],\n\"favors\": [\n" +
		`{"id": 1, "friend_id": 3, "what": "CV review", "at": "2025-01-01T00:00:00Z"` + favor + "}]}"
}

// Whatever kith would not have written is refused, naming the line and
// the record, with nothing repaired (no warning) on the way: a value is
// repaired or refused, never both.
func TestPrepareRefuses(t *testing.T) {
	tests := []struct{ friend, ask, favor, want string }{
		{`, "closeness": 99`, "", "", "x.json:3: friend 3 (Ada): closeness: must be 1-5"},
		{`, "busy": [{"from": 3, "to": 13}]`, "", "", "x.json:3: friend 3 (Ada): busy: months must be 1-12"},
		{`, "boundaries": [{"kind": "loan"}]`, "", "", `x.json:3: friend 3 (Ada): boundary: unknown kind "loan"`},
		{`, "created": "1000-01-01T00:00:00Z"`, "", "", "x.json:3: friend 3 (Ada): created: the year 1000 is out of range: kith keeps dates from 1900 to 2200"},
		{`, "updated": "2201-01-02T00:00:00Z"`, "", "", "x.json:3: friend 3 (Ada): updated: the year 2201 is out of range"},
		{`, "name": "", "emails": ["nope"]`, "", "", "x.json:3: friend 3: no name, e-mail or organisation"},
		{"", `, "kind": "loan"`, "", `x.json:5: ask 1: kind: unknown kind "loan"`},
		{"", `, "status": "maybe"`, "", `x.json:5: ask 1: status: unknown status "maybe"`},
		{"", `, "created": "1000-01-01T00:00:00Z"`, "", "x.json:5: ask 1: created: the year 1000 is out of range"},
		{"", `, "sent": "9999-12-31T00:00:00Z"`, "", "x.json:5: ask 1: sent: the year 9999 is out of range"},
		{"", `, "friend_id": 7`, "", "x.json:5: ask 1: its friend_id 7 is no friend in the file"},
		{"", "", `, "what": " \u001b[0m "`, "x.json:7: favor 1: what: must not be empty"},
		{"", "", `, "at": "1899-06-01T00:00:00Z"`, "x.json:7: favor 1: at: the year 1899 is out of range"},
		{"", "", `, "friend_id": 7`, "x.json:7: favor 1: its friend_id 7 is no friend in the file"},
		{`, "birthday": "1985-02-30"`, "", "", `x.json:3: friends[0]: date "1985-02-30": February has no day 30`},
		{`, "contact": {"card": {"props": [{"name": "X-A", "value": "a\r\nEND:VCARD"}]}}`, "", "", "x.json:3: friend 3 (Ada): card: property 1 (X-A) holds a line break"},
		{`, "contact": {"card": {"props": [{"name": "X A", "value": "a"}]}}`, "", "", `x.json:3: friend 3 (Ada): card: property 1: "X A" is not a property name`},
		{`, "phones": ["+1"], "contact": {"phone_types": [{"value": "+1", "types": ["cell"]}], "addresses": [{"types": ["a;b"], "street": "x"}]}`, "", "",
			`x.json:3: friend 3 (Ada): address: type "a;b"`},
	}
	for _, tt := range tests {
		x, err := Read(strings.NewReader(export(tt.friend, tt.ask, tt.favor)), "x.json")
		if err != nil {
			// a value of the wrong form, which Read refuses itself
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("Read: %v, want %q", err, tt.want)
			}
			continue
		}
		warns, err := x.Prepare()
		var pe *importer.ParseError
		if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), tt.want) || !strings.HasSuffix(err.Error(), "correct it in the file and import again") {
			t.Errorf("got %v, want a *ParseError starting %q and saying what to do", err, tt.want)
		}
		if warns != nil {
			t.Errorf("%s: warnings %v came with the refusal", tt.want, warns)
		}
	}
	_, err := decode(strings.NewReader(`{"schema_version": 1, "profile": {"lang": "fr"}}`), "x.json")
	if err == nil || !strings.HasPrefix(err.Error(), "x.json:1: profile: lang: must be en or it") {
		t.Errorf("lang fr: got %v", err)
	}
}

// Text is repaired, each cut a warning naming the line, and the import
// goes on; what the CLI and the TUI store comes through unchanged.
func TestPrepareRepairsText(t *testing.T) {
	long := strings.Repeat("é", store.MaxName+1)
	data := export(`, "name": "`+long+`", "notes": "a\u001b[2Jb", "sectors": ["  FinTech "]`,
		`, "topic": "`+long+`", "sector": " FinTech", "body": "Hi\u001b]0;x\u0007,\n", "outcome": " done "`,
		`, "what": "w\u009b31m "`)
	x, err := Read(strings.NewReader(data), "x.json")
	if err != nil {
		t.Fatal(err)
	}
	warns, err := x.Prepare()
	if err != nil {
		t.Fatal(err)
	}
	snap := x.Snapshot
	f, a, v := snap.Friends[0], snap.Asks[0], snap.Favors[0]
	if len([]rune(f.Name)) != store.MaxName || f.Notes != "ab" || f.Sectors[0] != "FinTech" {
		t.Errorf("friend not repaired: %d runes, notes %q, sectors %q", len([]rune(f.Name)), f.Notes, f.Sectors)
	}
	if len([]rune(a.Topic)) != store.MaxName || a.Sector != "FinTech" || a.Body != "Hi,\n" || a.Outcome != "done" || v.What != "w31m" {
		t.Errorf("ask or favor not repaired: %+v %+v", a, v)
	}
	var msgs []string
	for _, w := range warns {
		msgs = append(msgs, w.String())
	}
	want := []string{"x.json:3: name cut to 200 characters, the limit (was 201)", "x.json:5: ask 1: topic cut to 200 characters, the limit (was 201)"}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
}

func TestPrepareCleansProfile(t *testing.T) {
	data := `{"schema_version":1,"friends":[],"profile":{"name":"Me\u001b[5m","blurb":" b ","lang":"en","questions":{"t\u0000":["q\u001b[1m", " "]}}}`
	snap, err := decode(strings.NewReader(data), "x.json")
	if err != nil {
		t.Fatal(err)
	}
	p := snap.Profile
	if p.Name != "Me" || p.Blurbs[store.LangEnglish] != "b" || p.Blurb != "" || len(p.Questions["t"]) != 1 || p.Questions["t"][0] != "q" || p.Settings.CooldownDays != store.DefaultCooldownDays {
		t.Errorf("not cleaned: %+v", p)
	}
}

// Every contact field goes out in the export and comes back through
// Prepare as it was.
func TestContactFieldsRoundTrip(t *testing.T) {
	at := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	f := store.Friend{ID: 1, Name: "Ada Lovelace", Closeness: 3, Created: at, Updated: at, Emails: []string{"ada@x.io"}, Phones: []string{"+44 1"},
		URLs: []string{"https://ada.example"}, Org: "Engines", Department: "Research", IsOrg: false,
		Birthday: store.Date{Year: 1985, Month: time.December, Day: 10}, Anniversary: store.Date{Month: time.July, Day: 8}, Contact: &store.Contact{NameParts: store.NameParts{Prefix: "Lady", Given: "Ada", Family: "Lovelace", PhoneticGiven: "ay-da"}, Addresses: []store.Address{{Types: []string{"home"}, Street: "12 St James's Square\nFlat 2", Locality: "London", Label: "12 St James's Square"}}, EmailTypes: []store.Typed{{Value: "ada@x.io", Types: []string{"work"}}}, PhoneTypes: []store.Typed{{Value: "+44 1", Label: "Assistant", Types: []string{"work"}}}, URLTypes: []store.Typed{{Value: "https://ada.example", Types: []string{"home"}}}, Card: store.Card{UID: "urn:uuid:1", Version: "3.0", Sum: "abc", Props: []store.CardProp{
			{Name: "PHOTO", Params: "ENCODING=b;TYPE=JPEG", Value: "/9j/4AAQ"}, {Group: "item1", Name: "X-ABLabel", Value: `_$!<Friend>!$_`},
			{Name: "TEL", Params: "TYPE=cell;PREF=1", Value: "+44 1", Of: "phone", Sum: "0123"}}}}}
	org := store.Friend{ID: 2, Name: "Acme AG", Org: "Acme AG", IsOrg: true, Closeness: 3, Created: at, Updated: at}
	snap := &store.Snapshot{SchemaVersion: store.SchemaVersion(), ExportedAt: at, Profile: store.DefaultProfile(),
		Friends: []store.Friend{f, org}, Asks: []store.Ask{}, Favors: []store.Favor{}}
	var buf bytes.Buffer
	if err := Write(&buf, snap); err != nil {
		t.Fatal(err)
	}
	x, err := Read(&buf, "x.json")
	if err != nil {
		t.Fatal(err)
	}
	back := x.Snapshot
	if !reflect.DeepEqual(back.Friends, snap.Friends) {
		t.Errorf("round trip:\n got %+v\nwant %+v", back.Friends[0].Contact, snap.Friends[0].Contact)
	}
}

// Write streams the export record by record; its bytes must be those of
// encoding the whole snapshot at once.
func TestWriteMatchesEncoder(t *testing.T) {
	at := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	snaps := []*store.Snapshot{
		{SchemaVersion: 1, ExportedAt: at, Profile: store.DefaultProfile(), Friends: []store.Friend{}, Asks: []store.Ask{}, Favors: []store.Favor{}},
		{SchemaVersion: 1, ExportedAt: at, Profile: store.Profile{Name: "Me", Lang: "it", Questions: map[string][]string{"chat": {"Why?", "How \"so\"?"}}},
			Friends: []store.Friend{{ID: 1, Name: "Ada <&>", Emails: []string{"a@x.io"}, Busy: []store.MonthRange{{From: 3, To: 4}}, Created: at},
				{ID: 2, Name: "林", Notes: "two\nlines", Created: at}},
			Asks:   []store.Ask{{ID: 1, FriendID: 2, Kind: store.KindChat, Status: store.StatusSent, Created: at, Sent: at, Body: "Hi,\n\tthere"}},
			Favors: nil},
	}
	for i, snap := range snaps {
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		if err := enc.Encode(snap); err != nil {
			t.Fatal(err)
		}
		if err := Write(&got, snap); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("snapshot %d:\n got %s\nwant %s", i, got.String(), want.String())
		}
	}
}

// decode reads a kith export (see Read) and returns its snapshot, checked
// and repaired by Prepare.
func decode(r io.Reader, name string) (*store.Snapshot, error) {
	x, err := Read(r, name)
	if err != nil {
		return nil, err
	}
	if _, err := x.Prepare(); err != nil {
		return nil, err
	}
	return x.Snapshot, nil
}
