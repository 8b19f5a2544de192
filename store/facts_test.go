package store

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// The facts of a friend's asks are the same read from the index (Network)
// and from the full records (History).
func TestNetworkFactsMatchHistory(t *testing.T) {
	st := New(filepath.Join(t.TempDir(), "kith.db"))
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	f := Friend{Name: "Ana", Closeness: 3}
	g := Friend{Name: "Bea", Closeness: 3}
	if err := addFriend(st, &f); err != nil {
		t.Fatal(err)
	}
	if err := addFriend(st, &g); err != nil {
		t.Fatal(err)
	}
	for i, a := range []Ask{
		{FriendID: f.ID, Kind: KindChat, Status: StatusHelped, Sector: "law", Org: "Acme", Topic: "t", Created: now.Add(-48 * time.Hour), Sent: now.Add(-47 * time.Hour), Thanked: now},
		{FriendID: f.ID, Kind: KindReferral, Status: StatusDraft, Created: now.Add(-time.Hour)},
		{FriendID: g.ID, Kind: KindIntro, Status: StatusSent, Created: now.Add(-3 * time.Hour), Sent: now.Add(-2 * time.Hour)},
	} {
		if err := addAsk(st, &a); err != nil {
			t.Fatalf("ask %d: %v", i, err)
		}
	}
	n, err := st.Network()
	if err != nil {
		t.Fatal(err)
	}
	for i := range n.Friends {
		asks, _, err := st.History(n.Friends[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		facts := n.AsksOf(i)
		if want := AskFacts(asks); !reflect.DeepEqual(facts, want) {
			t.Errorf("friend %d: network facts %+v\nhistory facts %+v", i, facts, want)
		}
	}
}

// The exported codes follow Kinds() and Statuses() from 1, come back as
// their kind or status, and a fact's code is its record's.
func TestKindAndStatusCodes(t *testing.T) {
	if got, want := int(NumKindCodes), len(Kinds())+1; got != want {
		t.Errorf("NumKindCodes = %d, want %d", got, want)
	}
	if got, want := int(NumStatusCodes), len(Statuses())+1; got != want {
		t.Errorf("NumStatusCodes = %d, want %d", got, want)
	}
	for i, k := range Kinds() {
		if got, want := k.Code(), KindCode(i+1); got != want {
			t.Errorf("%q.Code() = %d, want %d", k, got, want)
		}
		if got := k.Code().Kind(); got != k {
			t.Errorf("%q.Code().Kind() = %q, want %q", k, got, k)
		}
		a := Ask{Kind: k, Status: StatusSent}
		if f := a.Fact(); f.KindCode() != k.Code() {
			t.Errorf("fact of a %q ask: kind code %d, want %d", k, f.KindCode(), k.Code())
		}
	}
	for i, s := range Statuses() {
		c := s.Code()
		if want := StatusCode(i + 1); c != want {
			t.Errorf("%q.Code() = %d, want %d", s, c, want)
		}
		if got := c.Status(); got != s {
			t.Errorf("%q.Code().Status() = %q, want %q", s, got, s)
		}
		if c.Made() != s.Made() {
			t.Errorf("%q: code's Made %v, want %v", s, c.Made(), s.Made())
		}
		for _, sent := range []time.Time{{}, time.Unix(100, 0)} {
			a := Ask{Kind: KindChat, Status: s, Created: time.Unix(50, 0), Sent: sent}
			if f := a.Fact(); f.StatusCode() != c || f.Reached() != a.Reached() {
				t.Errorf("fact of a %q ask (sent %v): code %d, reached %v; want %d, %v", s, !sent.IsZero(), f.StatusCode(), f.Reached(), c, a.Reached())
			}
		}
	}
	if Kind("nope").Code() != 0 || Status("nope").Code() != 0 || KindCode(0).Kind() != "" || StatusCode(NumStatusCodes).Status() != "" {
		t.Error("an unknown kind or status has a code, or code 0 a name")
	}
}
