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
