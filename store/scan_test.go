package store

import (
	"path/filepath"
	"testing"
	"time"
)

func TestScanHistoryMatchesNetwork(t *testing.T) {
	st := New(filepath.Join(t.TempDir(), "k.db"))
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	err := st.Batch(now, func(tx *Tx) error {
		for i, name := range []string{"Ada", "Bruno", "Chiara"} {
			f := Friend{Name: name}
			if err := tx.AddFriend(&f); err != nil {
				return err
			}
			for j := range i + 1 {
				at := now.AddDate(0, 0, -10*j)
				if err := tx.AddAsk(&Ask{FriendID: f.ID, Kind: KindChat, Status: StatusSent, Sector: "design", Created: at, Sent: at}); err != nil {
					return err
				}
			}
			if err := tx.AddFavor(&Favor{FriendID: f.ID, What: "lunch", At: now}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	n, err := st.Network()
	if err != nil {
		t.Fatal(err)
	}
	var asks []Ask
	var favors []Favor
	if err := st.ScanHistory(func(a *Ask) error { asks = append(asks, *a); return nil }, func(v *Favor) error { favors = append(favors, *v); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(asks) != len(n.Asks) || len(favors) != len(n.Favors) {
		t.Fatalf("scanned %d asks %d favors, Network has %d %d", len(asks), len(favors), len(n.Asks), len(n.Favors))
	}
	for i := range asks {
		if asks[i].ID != n.Asks[i].ID || asks[i].FriendID != n.Asks[i].FriendID || !asks[i].Sent.Equal(n.Asks[i].Sent) || asks[i].Sector != n.Asks[i].Sector || asks[i].Status != n.Asks[i].Status {
			t.Errorf("ask %d: scanned %+v, Network %+v", i, asks[i], n.Asks[i])
		}
	}
	for i := range favors {
		if favors[i] != n.Favors[i] {
			t.Errorf("favor %d: scanned %+v, Network %+v", i, favors[i], n.Favors[i])
		}
	}
	// nil callbacks skip
	if err := st.ScanHistory(nil, nil); err != nil {
		t.Errorf("ScanHistory(nil, nil) = %v", err)
	}
}
