package kithjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"kith/store"

	"kith/store/importer"
)

func TestDecodeErrorsNameTheLine(t *testing.T) {
	tests := []struct{ data, want string }{
		{"{\n  \"schema_version\": 1,\n  \"friends\": [\n    {\"id\": 1,, }\n  ]\n}", "x.json:4: invalid character ','"},
		{"{\n  \"schema_version\": 1,\n  \"friends\": [{\"id\": \"one\"}]\n}", "x.json:3: friends.id: want uint64, got string"},
		{"{\"friends\": [", "x.json:1: unexpected end of JSON input"},
		{"[]", "x.json:1: "},
		{"{}", "x.json:1: not a kith export"},
	}
	for _, tt := range tests {
		_, err := Decode(strings.NewReader(tt.data), "x.json")
		var pe *importer.ParseError
		if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Decode(%q) = %v, want a *ParseError starting %q", tt.data, err, tt.want)
		}
	}
}

func TestParseCleansHistory(t *testing.T) {
	data := `{"schema_version":1,"friends":[{"id":3,"name":"A","closeness":3}],
	"asks":[{"id":1,"friend_id":3,"kind":"intro","status":"sent","created":"2025-01-01T00:00:00Z","topic":"x\u001b[2Jy"},
	        {"id":2,"friend_id":3,"kind":"bogus","status":"sent","created":"2025-01-01T00:00:00Z"}],
	"favors":[{"id":1,"friend_id":3,"what":"","at":"2025-01-01T00:00:00Z"}]}`
	in, err := Parse(strings.NewReader(data), "x.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Asks) != 1 || in.Asks[0].Topic != "xy" {
		t.Errorf("asks = %+v, want one with its topic cleaned to \"xy\"", in.Asks)
	}
	if len(in.Favors) != 0 || len(in.Warnings) != 2 {
		t.Errorf("favors %+v warnings %v: want the empty favor and the bogus ask skipped with warnings", in.Favors, in.Warnings)
	}
	if in.Records[0].Friend.ID != 3 {
		t.Errorf("the friend's source id is lost")
	}
}

func TestCleanHistory(t *testing.T) {
	data := `{"schema_version":1,"friends":[],"asks":[{"id":1,"friend_id":3,"kind":"intro","status":"sent","created":"2025-01-01T00:00:00Z","body":"a\u001b]0;x\u0007b\nc"}],
	"favors":[{"id":1,"friend_id":3,"what":"w\u009b31m","at":"2025-01-01T00:00:00Z"}],
	"profile":{"name":"Me\u001b[5m","lang":"en","questions":{"t\u0000":["q\u001b[1m"]}}}`
	snap, err := Decode(strings.NewReader(data), "x.json")
	if err != nil {
		t.Fatal(err)
	}
	CleanHistory(snap)
	if snap.Asks[0].Body != "ab\nc" || snap.Favors[0].What != "w31m" || snap.Profile.Name != "Me" || snap.Profile.Questions["t"][0] != "q" {
		t.Errorf("not cleaned: %+v %+v %+v", snap.Asks[0], snap.Favors[0], snap.Profile)
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
