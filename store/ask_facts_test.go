package store

import (
	"path/filepath"
	"testing"
	"time"
)

func TestFactsOfMatchesAsks(t *testing.T) {
	st := New(filepath.Join(t.TempDir(), "kith.db"))
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	f := Friend{Name: "Ana", Closeness: 3}
	g := Friend{Name: "Bea", Closeness: 3}
	if err := st.AddFriend(&f); err != nil {
		t.Fatal(err)
	}
	if err := st.AddFriend(&g); err != nil {
		t.Fatal(err)
	}
	for i, a := range []Ask{
		{FriendID: f.ID, Kind: KindChat, Status: StatusHelped, Created: now.Add(-48 * time.Hour), Sent: now.Add(-47 * time.Hour)},
		{FriendID: f.ID, Kind: KindReferral, Status: StatusDraft, Created: now.Add(-time.Hour)},
		{FriendID: g.ID, Kind: KindIntro, Status: StatusSent, Created: now.Add(-3 * time.Hour), Sent: now.Add(-2 * time.Hour)},
	} {
		if err := st.AddAsk(&a); err != nil {
			t.Fatalf("ask %d: %v", i, err)
		}
	}
	n, err := st.Network()
	if err != nil {
		t.Fatal(err)
	}
	for i := range n.Friends {
		asks := n.AsksOf(i)
		buf := n.FactsOf(i)
		if len(buf) != len(asks) {
			t.Fatalf("friend %d: %d facts, %d asks", i, len(buf), len(asks))
		}
		for j, a := range asks {
			want := NewAskFact(a.Kind, a.Status, a.At().UnixNano())
			if buf[j] != want {
				t.Errorf("friend %d ask %d: fact %+v, want %+v", i, j, buf[j], want)
			}
		}
	}
}
