package store

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
)

func fieldErr(t *testing.T, err error) *FieldError {
	t.Helper()
	var fe *FieldError
	if err != nil && !errors.As(err, &fe) {
		t.Fatalf("got %v, want a *FieldError", err)
	}
	return fe
}

// Every text field and list has one limit, enforced by Validate with a
// FieldError naming the field (as the CLI's flag is named) and the limit.
func TestValidateLimits(t *testing.T) {
	x := func(n int) string { return strings.Repeat("é", n) } // runes, not bytes
	many := func(n int, f func(i int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = f(i)
		}
		return out
	}
	friend := func(edit func(f *Friend)) error {
		f := fullFriend()
		edit(&f)
		return f.Validate()
	}
	ask := func(edit func(a *Ask)) error {
		a := Ask{FriendID: 1, Kind: KindChat, Status: StatusSent, Created: t0}
		edit(&a)
		return a.Validate()
	}
	tests := []struct {
		name  string
		err   error
		field string
		msg   string
	}{
		{"name at the limit", friend(func(f *Friend) { f.Name = x(MaxName) }), "", ""},
		{"name", friend(func(f *Friend) { f.Name = x(MaxName + 1) }), "name", "is 201 characters long; the limit is 200"},
		{"nickname", friend(func(f *Friend) { f.Nickname = x(MaxName + 1) }), "nickname", "the limit is 200"},
		{"org", friend(func(f *Friend) { f.Org = x(MaxName + 1) }), "org", "the limit is 200"},
		{"role", friend(func(f *Friend) { f.Role = x(MaxName + 1) }), "role", "the limit is 200"},
		{"channel", friend(func(f *Friend) { f.Channel = x(MaxName + 1) }), "channel", "the limit is 200"},
		{"notes", friend(func(f *Friend) { f.Notes = x(MaxNotes + 1) }), "note", "the limit is 10000"},
		{"worked note", friend(func(f *Friend) { f.WorkedNote = x(MaxWorkedNote + 1) }), "worked-note", "the limit is 1000"},
		{"e-mails", friend(func(f *Friend) { f.Emails = many(MaxItems+1, func(i int) string { return fmt.Sprint(i, "@x.io") }) }), "email", "101 values given; the limit is 100"},
		{"e-mails at the limit", friend(func(f *Friend) { f.Emails = many(MaxItems, func(i int) string { return fmt.Sprint(i, "@x.io") }) }), "", ""},
		{"an e-mail", friend(func(f *Friend) { f.Emails = []string{x(MaxEmail) + "@"} }), "email", "a value is 255 characters long; the limit is 254"},
		{"phones", friend(func(f *Friend) { f.Phones = many(MaxItems+1, strconv.Itoa) }), "phone", "the limit is 100"},
		{"a phone", friend(func(f *Friend) { f.Phones = []string{x(MaxPhone + 1)} }), "phone", "the limit is 64"},
		{"a URL", friend(func(f *Friend) { f.URLs = []string{x(MaxURL + 1)} }), "url", "the limit is 2048"},
		{"a sector", friend(func(f *Friend) { f.Sectors = []string{x(MaxSector + 1)} }), "sector", "the limit is 64"},
		{"boundaries", friend(func(f *Friend) { f.Boundaries = make([]Boundary, MaxItems+1) }), "boundary", "the limit is 100"},
		{"a boundary note", friend(func(f *Friend) { f.Boundaries = []Boundary{{Kind: KindIntro, Note: x(MaxBoundary + 1)}} }), "boundary", "the limit is 500"},
		{"busy seasons", friend(func(f *Friend) { f.Busy = make([]MonthRange, MaxItems+1) }), "busy", "the limit is 100"},
		{"created", friend(func(f *Friend) { f.Created = time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC) }), "created", "the year 1000 is out of range: kith keeps dates from 1900 to 2200"},
		{"updated", friend(func(f *Friend) { f.Updated = time.Date(2201, 2, 1, 0, 0, 0, 0, time.UTC) }), "updated", "the year 2201 is out of range"},
		{"unset times", friend(func(f *Friend) { f.Created, f.Updated = time.Time{}, time.Time{} }), "", ""},
		{"topic", ask(func(a *Ask) { a.Topic = x(MaxName + 1) }), "topic", "the limit is 200"},
		{"ask sector", ask(func(a *Ask) { a.Sector = x(MaxSector + 1) }), "sector", "the limit is 64"},
		{"ask org", ask(func(a *Ask) { a.Org = x(MaxName + 1) }), "org", "the limit is 200"},
		{"body", ask(func(a *Ask) { a.Body = x(MaxBody + 1) }), "body", "the limit is 20000"},
		{"outcome", ask(func(a *Ask) { a.Outcome = x(MaxNotes + 1) }), "outcome", "the limit is 10000"},
		{"ask created", ask(func(a *Ask) { a.Created = time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC) }), "created", "the year 1000"},
		{"sent", ask(func(a *Ask) { a.Sent = time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC) }), "sent", "the year 2300"},
		{"resolved", ask(func(a *Ask) { a.Resolved = time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC) }), "resolved", "the year 1800"},
		{"follow-up", ask(func(a *Ask) { a.FollowUp = time.Date(2250, 1, 1, 0, 0, 0, 0, time.UTC) }), "follow_up", "the year 2250"},
		{"thanked", ask(func(a *Ask) { a.Thanked = time.Date(1066, 1, 1, 0, 0, 0, 0, time.UTC) }), "thanked", "the year 1066"},
		{"favor", (&Favor{FriendID: 1, What: x(MaxWhat + 1), At: t0}).Validate(), "what", "the limit is 1000"},
		{"favor at", (&Favor{FriendID: 1, What: "w", At: time.Date(1899, 1, 1, 0, 0, 0, 0, time.UTC)}).Validate(), "at", "the year 1899"},
		{"your name", (&Profile{Lang: "en", Name: x(MaxName + 1)}).Validate(), "name", "the limit is 200"},
		{"blurb", (&Profile{Lang: "en", Blurb: x(MaxNotes + 1)}).Validate(), "blurb", "the limit is 10000"},
		{"signature", (&Profile{Lang: "en", Signature: x(MaxSignature + 1)}).Validate(), "signature", "the limit is 1000"},
		{"a question", (&Profile{Lang: "en", Questions: map[string][]string{"chat": {x(MaxQuestion + 1)}}}).Validate(), "question", `a question on "chat" is 1001 characters long`},
		{"questions", (&Profile{Lang: "en", Questions: map[string][]string{"chat": many(MaxItems+1, strconv.Itoa)}}).Validate(), "question", `101 questions on "chat"`},
	}
	for _, tt := range tests {
		fe := fieldErr(t, tt.err)
		switch {
		case tt.field == "" && tt.err != nil:
			t.Errorf("%s: got %v, want it accepted", tt.name, tt.err)
		case tt.field != "" && (fe == nil || fe.Field != tt.field || !strings.Contains(fe.Msg, tt.msg)):
			t.Errorf("%s: got %v, want field %s saying %q", tt.name, tt.err, tt.field, tt.msg)
		}
	}
}

// The years 1900 to 2200 are kept, in any time zone; the instants just
// outside are not.
func TestCheckTime(t *testing.T) {
	east := time.FixedZone("UTC+14", 14*3600)
	west := time.FixedZone("UTC-12", -12*3600)
	tests := []struct {
		t  time.Time
		ok bool
	}{
		{time.Date(1900, 1, 1, 0, 0, 0, 0, east), true}, // 1899-12-31T10:00Z
		{time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{time.Date(2200, 12, 31, 23, 59, 59, 0, west), true}, // 2201-01-01T11:59Z
		{time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC), false},
		{time.Date(2201, 1, 2, 0, 0, 0, 0, time.UTC), false},
		{time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC), false},
		{time.Time{}, false},
		{time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC), false},
	}
	for _, tt := range tests {
		err := CheckTime("at", tt.t)
		if (err == nil) != tt.ok {
			t.Errorf("CheckTime(%v) = %v, want ok %v", tt.t, err, tt.ok)
		}
	}
}

// Normalize is the one form a record is stored in, and doing it twice
// changes nothing.
func TestNormalize(t *testing.T) {
	f := Friend{Name: " Ada \t Lovelace\n", Org: "Acme  Ltd", Sectors: []string{"FinTech", " fin  tech ", "fintech"},
		Emails: []string{" MAILTO:ada@x.io", "ada@x.io"}, Phones: []string{"tel:+39  333", "+39 333"}, Notes: " a\n  b \n"}
	f.Normalize()
	// Sectors keep the case they were written in; one equal to an
	// earlier one but for case is the same sector.
	want := Friend{Name: "Ada Lovelace", Org: "Acme Ltd", Sectors: []string{"FinTech", "fin tech"}, Emails: []string{"ada@x.io"},
		Phones: []string{"+39 333"}, Notes: "a\n  b", Closeness: 3}
	if fmt.Sprint(f) != fmt.Sprint(want) {
		t.Errorf("got  %+v\nwant %+v", f, want)
	}
	again := f
	again.Normalize()
	if fmt.Sprint(again) != fmt.Sprint(f) {
		t.Errorf("a second Normalize changed %+v to %+v", f, again)
	}
	a := Ask{Topic: " t ", Sector: " FinTech ", Org: " Acme ", Outcome: " ok\n", Body: " body\n"}
	a.Normalize()
	if a.Topic != "t" || a.Sector != "FinTech" || a.Org != "Acme" || a.Outcome != "ok" || a.Body != " body\n" {
		t.Errorf("ask: %+v", a)
	}
	v := Favor{What: " lent a book "}
	v.Normalize()
	p := Profile{Name: " Me ", Blurb: " b\n", Signature: "\nCiao "}
	p.Normalize()
	if v.What != "lent a book" || p.Name != "Me" || p.Blurbs[LangEnglish] != "b" || p.Blurb != "" || p.Signature != "Ciao" {
		t.Errorf("favor %+v profile %+v", v, p)
	}
}
