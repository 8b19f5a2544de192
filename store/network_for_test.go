package store

import (
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestNetworkForMatchesNetwork(t *testing.T) {
	st := New(filepath.Join(t.TempDir(), "k.db"))
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	add := func(name string, asks int) {
		t.Helper()
		err := st.Batch(now, func(tx *Tx) error {
			f := Friend{Name: name}
			if err := tx.AddFriend(&f); err != nil {
				return err
			}
			for j := range asks {
				at := now.AddDate(0, 0, -10*j)
				if err := tx.AddAsk(&Ask{FriendID: f.ID, Kind: KindChat, Status: StatusSent, Created: at, Sent: at}); err != nil {
					return err
				}
			}
			return tx.AddFavor(&Favor{FriendID: f.ID, What: "lunch", At: now})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	add("Ada", 1)
	add("Bruno", 0)
	add("Chiara", 3)
	friends, err := st.Friends()
	if err != nil {
		t.Fatal(err)
	}
	add("Dario", 2) // added after the friends were read: left out
	want, err := st.Network()
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.NetworkFor(friends)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Friends) != 3 {
		t.Fatalf("NetworkFor has %d friends, want the 3 given", len(got.Friends))
	}
	for i := range got.Friends {
		if !slices.Equal(got.AsksOf(i), want.AsksOf(i)) {
			t.Errorf("friend %d: asks %+v, Network has %+v", i, got.AsksOf(i), want.AsksOf(i))
		}
		if !slices.Equal(got.FavorsOf(i), want.FavorsOf(i)) {
			t.Errorf("friend %d: favors %+v, Network has %+v", i, got.FavorsOf(i), want.FavorsOf(i))
		}
		if !got.LastAsk(i).Equal(want.LastAsk(i)) {
			t.Errorf("friend %d: last ask %v, want %v", i, got.LastAsk(i), want.LastAsk(i))
		}
	}
	if n, err := New(filepath.Join(t.TempDir(), "none.db")).NetworkFor(nil); err != nil || len(n.Friends) != 0 {
		t.Errorf("NetworkFor on no database = %v, %v", n, err)
	}
}
