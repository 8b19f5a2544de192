package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"kith/store"
)

// One set of limits for every way in: a flag over a store limit is a
// usage error naming the flag (or the argument) and the limit, and
// nothing is written.
func TestFlagsOverTheLimits(t *testing.T) {
	long := func(n int) string { return strings.Repeat("x", n) }
	emails := []string{"add", "A"}
	for i := range 40000 {
		emails = append(emails, "--email", fmt.Sprintf("a%d@x.io", i))
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"name", []string{"add", long(131000)}, "NAME: is 131000 characters long; the limit is 200"},
		{"e-mails", emails, "--email: 40000 values given; the limit is 100"},
		{"renamed", []string{"add", "A", "--nickname", long(201)}, "--nickname: is 201 characters long; the limit is 200"},
		{"org", []string{"add", "A", "--org", long(201)}, "--org: is 201 characters long; the limit is 200"},
		{"role", []string{"add", "A", "--role", long(201)}, "--role: is 201 characters long"},
		{"channel", []string{"add", "A", "--channel", long(201)}, "--channel: is 201 characters long"},
		{"note", []string{"add", "A", "--note", long(10001)}, "--note: is 10001 characters long; the limit is 10000"},
		{"worked note", []string{"add", "A", "--worked-note", long(1001)}, "--worked-note: is 1001 characters long; the limit is 1000"},
		{"sector", []string{"add", "A", "--sector", long(65)}, "--sector: a value is 65 characters long; the limit is 64"},
		{"phone", []string{"add", "A", "--phone", long(65)}, "--phone: a value is 65 characters long; the limit is 64"},
		{"url", []string{"add", "A", "--url", long(2049)}, "--url: a value is 2049 characters long; the limit is 2048"},
		{"email", []string{"add", "A", "--email", long(250) + "@x.io"}, "--email: a value is 255 characters long; the limit is 254"},
		{"boundary", []string{"add", "A", "--boundary", "intro:" + long(501)}, "--boundary: is 501 characters long; the limit is 500"},
		{"blurb", []string{"profile", "--blurb", long(10001)}, "--blurb: is 10001 characters long; the limit is 10000"},
		{"signature", []string{"profile", "--signature", long(1001)}, "--signature: is 1001 characters long; the limit is 1000"},
		{"your name", []string{"profile", "--name", long(201)}, "--name: is 201 characters long; the limit is 200"},
		{"question", []string{"profile", "--question", "fintech:" + long(1001)}, "--question: a question on \"fintech\" is 1001 characters long; the limit is 1000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := tempDB(t)
			_, errs, code := kith(t, db, tt.args...)
			if code != 2 || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %.200q; want 2 and %q", code, errs, tt.want)
			}
			if _, err := os.Stat(db); err == nil {
				t.Error("the refused command created the database")
			}
		})
	}
}

// The same on verbs that change what is there: refused, exit 2, nothing
// changed.
func TestFlagsOverTheLimitsChangeNothing(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ada")
	mustKith(t, db, "ask", "Ada", "--kind", "chat", "--at", "2026-11-01")
	before := mustKith(t, db, "export")
	long := func(n int) string { return strings.Repeat("é", n) }
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"edit", "Ada", "--name", long(201)}, "--name: is 201 characters long; the limit is 200"},
		{[]string{"ask", "Ada", "--kind", "intro", "--topic", long(201)}, "--topic: is 201 characters long; the limit is 200"},
		{[]string{"ask", "Ada", "--kind", "intro", "--org", long(201)}, "--org: is 201 characters long"},
		{[]string{"ask", "Ada", "--kind", "intro", "--sector", long(65)}, "--sector: is 65 characters long; the limit is 64"},
		{[]string{"ask", "Ada", "--kind", "intro", "--outcome", long(10001)}, "--outcome: is 10001 characters long"},
		{[]string{"favor", "Ada", long(1001)}, "WHAT: is 1001 characters long; the limit is 1000"},
		{[]string{"outcome", "1", "--note", long(10001)}, "--note: is 10001 characters long; the limit is 10000"},
	} {
		_, errs, code := kith(t, db, tt.args...)
		if code != 2 || !strings.Contains(errs, tt.want) {
			t.Errorf("kith %.40q: exit %d, stderr %.200q; want 2 and %q", tt.args, code, errs, tt.want)
		}
	}
	if after := mustKith(t, db, "export"); after != before {
		t.Errorf("a refused command changed the database:\n%s\n---\n%s", before, after)
	}
}

// Dates before 1900 or after 2200 are refused by --at (they overflowed
// the time keys: a later list said "just now", check "hold until …
// 2169"), and so is any time after now; today's date is fine.
func TestAtRange(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Bob")
	mustKith(t, db, "ask", "Bob", "--kind", "chat", "--status", "helped", "--at", "2026-10-01")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"ask", "Bob", "--kind", "intro", "--at", "1000-01-01"}, "--at: 1000-01-01: the year 1000 is out of range: kith keeps dates from 1900 to 2200"},
		{[]string{"ask", "Bob", "--kind", "intro", "--at", "1899-12-30T12:00:00Z"}, "--at: 1899-12-30T12:00:00Z: the year 1899 is out of range"},
		{[]string{"favor", "Bob", "x", "--at", "2201-06-01"}, "--at: 2201-06-01: the year 2201 is out of range"},
		{[]string{"outcome", "1", "--thanked", "--at", "0001-01-01"}, "--at: 0001-01-01: the year 1 is out of range"},
		{[]string{"favor", "Bob", "x", "--at", "2026-11-26"}, "--at: 2026-11-26 is in the future"},
		{[]string{"favor", "Bob", "x", "--at", "2026-11-25T12:00:01Z"}, "--at: 2026-11-25T12:00:01Z is in the future"},
	} {
		_, errs, code := kith(t, db, tt.args...)
		if code != 2 || !strings.Contains(errs, tt.want) {
			t.Errorf("kith %q: exit %d, stderr %q; want 2 and %q", tt.args, code, errs, tt.want)
		}
	}
	if list := mustKith(t, db, "list"); !strings.Contains(list, "55 days ago") {
		t.Errorf("list after the refused asks:\n%s", list)
	}
	if out, _, _ := kith(t, db, "check", "Bob", "--kind", "intro"); strings.Contains(out, "2169") || !strings.Contains(out, "CLEAR") {
		t.Errorf("check after the refused asks:\n%s", out)
	}
	// today's date, and the oldest and latest dates kept, are fine
	mustKith(t, db, "favor", "Bob", "today", "--at", "2026-11-25")
	mustKith(t, db, "favor", "Bob", "long ago", "--at", "1900-01-01")
	mustKith(t, db, "favor", "Bob", "now", "--at", "2026-11-25T12:00:00Z")
}

// kith export json → import into a new database → export again gives the
// same bytes, exported_at apart, for a database holding every field, as
// the CLI (and, for the body and follow-up, the store) writes them.
func TestJSONRoundTrip(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "profile", "--name", " Ada's friend ", "--blurb", "I build\nbanks.\n", "--signature", "Ciao,\nMe", "--lang", "it",
		"--cooldown-days", "10", "--question", "fintech:How did you move?", "--question", "default:What would you do?")
	mustKith(t, db, "add", "Ada  Lovelace", "--nickname", "Countess", "--org", "Acme  Ltd", "--role", "CTO", "--sector", "FinTech",
		"--sector", "Big  Data", "--email", "ada@acme.io", "--email", "mailto:ada@home.io", "--phone", "tel:+39  333",
		"--url", "https://ada.example", "--closeness", "5", "--worked-note", "Acme 2019", "--boundary", "referral:her firm forbids it",
		"--busy", "Nov-Feb", "--busy", "Jun", "--channel", "signal", "--note", "likes tea,\n\tand biscuits\n")
	mustKith(t, db, "add", "Bob")
	mustKith(t, db, "edit", "Bob", "--archived")
	mustKith(t, db, "ask", "Ada", "--kind", "intro", "--sector", "FinTech", "--org", "Acme", "--topic", "  a bank  ",
		"--status", "helped", "--at", "2026-10-01", "--outcome", " met Carla\n")
	mustKith(t, db, "outcome", "1", "--thanked", "--at", "2026-10-05")
	mustKith(t, db, "ask", "Ada", "--kind", "chat", "--status", "draft", "--at", "2026-11-20")
	mustKith(t, db, "ask", "Bob", "--kind", "advice", "--at", "2026-11-21T09:30:00.123456789+01:00")
	mustKith(t, db, "favor", "Ada", "reviewed her talk", "--at", "2026-09-01")
	// what only the TUI writes: a draft's body (ending in a line break) and
	// a follow-up date
	err := store.New(db).Batch(testNow, func(tx *store.Tx) error {
		a, err := tx.Ask(2)
		if err != nil {
			return err
		}
		a.Body = "Ciao Ada,\n\nwould you have half an hour?\n\n"
		a.FollowUp = testNow.Add(72 * time.Hour)
		return tx.PutAsk(&a)
	})
	if err != nil {
		t.Fatal(err)
	}

	mask := regexp.MustCompile(`"exported_at": "[^"]*"`)
	first := mustKith(t, db, "export")
	for _, want := range []string{`"sector": "FinTech"`, `"FinTech",
        "Big Data"`, `"name": "Ada Lovelace"`, `"ada@home.io"`, `"+39 333"`, `"follow_up"`, `"archived": true`} {
		if !strings.Contains(first, want) {
			t.Errorf("the export lacks %s:\n%s", want, first)
		}
	}
	prev := first
	for round := 1; round <= 2; round++ {
		file := filepath.Join(t.TempDir(), "kith.json")
		os.WriteFile(file, []byte(prev), 0o600)
		next := tempDB(t)
		out, errs, code := kith(t, next, "import", file)
		if code != 0 || errs != "" {
			t.Fatalf("round %d: import: exit %d, %q\n%s", round, code, errs, out)
		}
		got := mustKith(t, next, "export")
		if a, b := mask.ReplaceAllString(prev, ""), mask.ReplaceAllString(got, ""); a != b {
			t.Fatalf("round %d: the export changed:\n%s\n---\n%s", round, prev, got)
		}
		prev = got
	}
}

// Data that reached the file without cleaning (an older kith, or a write
// around the front ends) prints with no escape sequence or control
// character from any text printer, and JSON escapes them.
func TestPrintersCleanStoredText(t *testing.T) {
	db := tempDB(t)
	const esc = "\x1b[31m"
	name := "Eve " + esc + "Red\x1b[0m\u009b2J\x07"
	err := store.New(db).Batch(testNow, func(tx *store.Tx) error {
		if err := tx.PutProfile(store.Profile{Name: "Me" + esc, Blurb: "I\x1b]0;title\x07 build", Signature: "Ciao" + esc, Lang: "en",
			Questions: map[string][]string{"chat" + esc: {"Why" + esc + "?"}}, Settings: store.DefaultSettings()}); err != nil {
			return err
		}
		for _, n := range []string{name, "Eve " + esc + "Two"} {
			f := store.Friend{Name: n, Nickname: "E" + esc, Org: "Acme" + esc, Role: "CTO" + esc, Sectors: []string{"fin" + esc},
				Emails: []string{"eve@x.io"} /* net/mail refuses a control character */, Phones: []string{"1" + esc}, URLs: []string{"https://x" + esc},
				Channel: "signal" + esc, WorkedTogether: true, WorkedNote: "Acme" + esc, Notes: "line" + esc + "\nmore\x1b[2J",
				Boundaries: []store.Boundary{{Kind: store.KindReferral, Note: "no" + esc}}, Closeness: 3}
			if err := tx.AddFriend(&f); err != nil {
				return err
			}
		}
		a := store.Ask{FriendID: 1, Kind: store.KindChat, Status: store.StatusSent, Topic: "bank" + esc, Sector: "fin" + esc,
			Org: "Acme" + esc, Outcome: "hm" + esc, Created: testNow.AddDate(0, 0, -40), Sent: testNow.AddDate(0, 0, -40)}
		if err := tx.AddAsk(&a); err != nil {
			return err
		}
		return tx.AddFavor(&store.Favor{FriendID: 1, What: "helped" + esc, At: testNow.AddDate(0, 0, -50)})
	})
	if err != nil {
		t.Fatal(err)
	}
	raw := regexp.MustCompile("[\x00-\x08\x0b-\x1f\x7f]|\u0080|\u0081|\u009b|\u009d")
	for _, args := range [][]string{
		{"list"}, {"list", "--archived", "--sector", "fin" + esc}, {"show", "1"}, {"show", "Eve"}, {"who", "--kind", "chat"},
		{"due"}, {"check", "1", "--kind", "chat"}, {"check", "1", "--kind", "referral"}, {"draft", "1", "--kind", "chat", "--force"},
		{"draft", "1", "--kind", "referral"}, {"profile"}, {"edit", "1", "--closeness", "4"}, {"favor", "1", "x" + esc},
		{"ask", "1", "--kind", "advice", "--topic", "t" + esc}, {"outcome", "1", "--note", "n" + esc},
	} {
		out, errs, _ := kith(t, db, args...)
		if loc := raw.FindStringIndex(out + errs); loc != nil {
			t.Errorf("kith %q printed a raw control character at %d:\n%q\n%q", args, loc[0], out, errs)
		}
		if strings.TrimSpace(out+errs) == "" {
			t.Errorf("kith %q printed nothing", args)
		}
	}
	for _, args := range [][]string{
		{"list", "--json"}, {"show", "1", "--json"}, {"who", "--kind", "chat", "--json"}, {"due", "--json"},
		{"check", "1", "--kind", "chat", "--json"}, {"draft", "1", "--kind", "chat", "--force", "--json"}, {"profile", "--json"},
	} {
		out, errs, _ := kith(t, db, args...)
		if loc := raw.FindStringIndex(out + errs); loc != nil {
			t.Errorf("kith %q printed a raw control character at %d:\n%q", args, loc[0], out)
		}
		if !strings.Contains(out, `\u001b`) {
			t.Errorf("kith %q: no \\u001b escape in\n%s", args, out)
		}
	}
	// and JSON gives the text back as stored
	var rows []map[string]any
	if err := json.Unmarshal([]byte(mustKith(t, db, "list", "--json")), &rows); err != nil || rows[0]["name"] != name {
		t.Errorf("list --json: name %q (%v), want %q", rows[0]["name"], err, name)
	}
}

// A value in an import file is either repaired with a warning (and the
// import goes on) or refused with the file and line (and nothing is
// written), never both; the same into an empty database (a restore) and
// into one with friends (a merge).
func TestImportRepairsOrRefuses(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(content), 0o600)
		return p
	}
	json := func(friend, ask string) string {
		return "{\"schema_version\": 1,\n\"profile\": {\"lang\": \"en\"},\n\"friends\": [\n" +
			`{"id": 1, "name": "Ada", "closeness": 3, "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z"` + friend + "}\n],\n\"asks\": [\n" +
			`{"id": 1, "friend_id": 1, "kind": "chat", "status": "sent", "created": "2026-02-01T00:00:00Z"` + ask + "}\n]}\n"
	}
	refused := []struct{ file, want string }{
		{write("closeness.json", json(`, "closeness": 99`, "")), "closeness.json:4: friend 1 (Ada): closeness: must be 1-5 (1 acquaintance … 5 close friend), got 99: correct it in the file and import again"},
		{write("created.json", json(`, "created": "1000-01-01T00:00:00Z"`, "")), "created.json:4: friend 1 (Ada): created: the year 1000 is out of range: kith keeps dates from 1900 to 2200"},
		{write("ask.json", json("", `, "created": "2300-01-01T00:00:00Z"`)), "ask.json:7: ask 1: created: the year 2300 is out of range"},
		{write("kind.json", json("", `, "kind": "loan"`)), `kind.json:7: ask 1: kind: unknown kind "loan"`},
		{write("Connections.csv", "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,L,,,,,07 Dec 2025\nBea,M,,,,,07 Dec 1850\n"),
			"Connections.csv:3: Connected On 07 Dec 1850: the year 1850 is out of range: kith keeps dates from 1900 to 2200; correct it in the file and import again"},
		{write("old.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bea\r\nX-KITH-CREATED:1000-01-01T00:00:00Z\r\nEND:VCARD\r\n"),
			"old.vcf:4: X-KITH-CREATED 1000-01-01T00:00:00Z: the year 1000 is out of range"},
		{write("kith.csv", "Name,Created\nBea,2026-01-01\nCid,2999-01-01\n"), "kith.csv:3: created 2999-01-01: the year 2999 is out of range"},
	}
	for _, into := range []string{"an empty database", "a database with friends"} {
		for _, tt := range refused {
			db := tempDB(t)
			if into != "an empty database" {
				mustKith(t, db, "add", "Zed")
			}
			before, _ := store.New(db).Friends()
			out, errs, code := kith(t, db, "import", tt.file)
			if code != 1 || !strings.Contains(errs, tt.want) || !strings.Contains(errs, "nothing was written") {
				t.Errorf("%s into %s: exit %d, stderr %q; want 1 and %q", filepath.Base(tt.file), into, code, errs, tt.want)
			}
			if strings.Contains(out+errs, "warning") || strings.Contains(out+errs, "ignored") {
				t.Errorf("%s into %s: a refusal came with a repair:\n%s%s", filepath.Base(tt.file), into, out, errs)
			}
			if after, _ := store.New(db).Friends(); len(after) != len(before) {
				t.Errorf("%s into %s: %d friends before, %d after", filepath.Base(tt.file), into, len(before), len(after))
			}
		}
	}

	repaired := []struct{ file, warning, check string }{
		{write("long.json", json(`, "name": "`+strings.Repeat("é", 300)+`"`, "")), "long.json:4: name cut to 200 characters, the limit (was 300)", strings.Repeat("é", 200)},
		{write("close.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bea\r\nX-KITH-CLOSENESS:99\r\nEND:VCARD\r\n"), `close.vcf:4: X-KITH-CLOSENESS "99" ignored: want 1-5`, `"closeness": 3`},
		{write("undated.csv", "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nBea,M,,,,,someday\n"), "undated.csv:2: Connected On someday is not a date", `"name": "Bea M"`},
	}
	for _, into := range []string{"an empty database", "a database with friends"} {
		for _, tt := range repaired {
			db := tempDB(t)
			if into != "an empty database" {
				mustKith(t, db, "add", "Zed")
			}
			out, errs, code := kith(t, db, "import", tt.file)
			if code != 0 || !strings.Contains(out+errs, tt.warning) {
				t.Errorf("%s into %s: exit %d, %q %q; want 0 and the warning %q", filepath.Base(tt.file), into, code, out, errs, tt.warning)
			}
			if list := mustKith(t, db, "list", "--json"); !strings.Contains(list, tt.check) {
				t.Errorf("%s into %s: the repaired record is not there:\n%s", filepath.Base(tt.file), into, list)
			}
		}
	}
}
