package store_test

import (
	"bytes"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"kith/store"
	"kith/store/demo"
)

// TestSearchFindsWhatTheHaystacksHold: Search finds exactly the friends
// whose haystack, built from the decoded friend, holds every word, in the
// name order, with the facts of the first ones as FirstPage reads them.
func TestSearchFindsWhatTheHaystacksHold(t *testing.T) {
	now := time.Date(2026, time.November, 25, 10, 0, 0, 0, time.UTC)
	st := store.New(filepath.Join(t.TempDir(), "kith.db"))
	if err := demo.Fill(st, 300, 5, now, nil); err != nil {
		t.Fatal(err)
	}
	all, err := st.Friends()
	if err != nil {
		t.Fatal(err)
	}
	order, err := st.NameOrder()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[uint64]*store.Friend{}
	for i := range all {
		byID[all[i].ID] = &all[i]
	}
	for _, q := range []string{"a", "E", "fintech", "MÜLLER", "an ro", "  ", "zzzz", "a\x00b", all[7].Name, all[9].Notes} {
		terms, ok := store.HaystackTerms(q)
		var want []uint64
		for _, id := range order {
			f := byID[id]
			hay := store.AppendHaystack(nil, f.Name, f.Nickname, f.Org, f.Sectors, f.Notes)
			if len(terms) > 0 && ok && !slices.ContainsFunc(terms, func(t string) bool { return !bytes.Contains(hay, []byte(t)) }) {
				want = append(want, id)
			}
		}
		got, err := st.Search(q, 16)
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if !slices.Equal(got.Order, want) && !(len(want) == 0 && len(got.Order) == 0) {
			t.Errorf("%q: found %d, want %d (%v against %v)", q, len(got.Order), len(want), got.Order, want)
		}
		if len(got.Friends) != len(want) {
			t.Errorf("%q: %d friends decoded, want %d", q, len(got.Friends), len(want))
		}
		for _, f := range got.Friends {
			if f.Name != byID[f.ID].Name || f.Notes != byID[f.ID].Notes {
				t.Errorf("%q: friend %d decoded as %q", q, f.ID, f.Name)
			}
		}
		pg := got.Page
		if pg.Total != 300 || len(pg.Network.Friends) != min(16, len(want)) || !slices.Equal(pg.Order, want[:min(16, len(want))]) {
			t.Errorf("%q: page of %d friends, order %v, total %d", q, len(pg.Network.Friends), pg.Order, pg.Total)
		}
		for i := range pg.Network.Friends {
			_, asks, err := historyOf(st, pg.Network.Friends[i].ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(pg.Network.AsksOf(i)) != asks {
				t.Errorf("%q: %s has %d asks' facts, %d asks", q, pg.Network.Friends[i].Name, len(pg.Network.AsksOf(i)), asks)
			}
		}
	}
}

func historyOf(st *store.Store, id uint64) (int, int, error) {
	asks, favors, err := st.History(id)
	return len(favors), len(asks), err
}
