package store_test

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"kith/store"
	"kith/store/demo"
)

// TestHaystacksAreTheFriends: Haystacks holds, for every friend in id
// order, the haystack built from the decoded friend and whether they are
// archived, and the name order of the name index.
func TestHaystacksAreTheFriends(t *testing.T) {
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
	h, err := st.Haystacks()
	if err != nil {
		t.Fatal(err)
	}
	if len(h.IDs) != len(all) || len(h.Archived) != len(all) || len(h.Starts) != len(all)+1 {
		t.Fatalf("got %d ids, %d archived, %d starts; want %d, %d, %d", len(h.IDs), len(h.Archived), len(h.Starts), len(all), len(all), len(all)+1)
	}
	archived := 0
	for i := range all {
		f := &all[i]
		want := string(store.AppendHaystack(nil, f.Name, f.Nickname, f.Org, f.Sectors, f.Notes))
		if got := h.All[h.Starts[i] : h.Starts[i+1]-1]; h.IDs[i] != f.ID || got != want || h.Archived[i] != f.Archived {
			t.Errorf("position %d: id %d %q archived %v; want %d %q %v", i, h.IDs[i], got, h.Archived[i], f.ID, want, f.Archived)
		}
		if h.All[h.Starts[i+1]-1] != 1 {
			t.Errorf("position %d: the haystack is not followed by \\x01", i)
		}
		if f.Archived {
			archived++
		}
	}
	if archived == 0 {
		t.Error("the demo has no archived friend: the test checks nothing of Archived")
	}
	got := make([]uint64, len(h.Order))
	for i, p := range h.Order {
		got[i] = h.IDs[p]
	}
	if !slices.Equal(got, order) {
		t.Errorf("the order: got %v, want %v", got, order)
	}
}

// TestPageOfIsFirstPage: PageOf of the first ids by name is what
// FirstPage reads: the same friends, facts and places' pool.
func TestPageOfIsFirstPage(t *testing.T) {
	now := time.Date(2026, time.November, 25, 10, 0, 0, 0, time.UTC)
	st := store.New(filepath.Join(t.TempDir(), "kith.db"))
	if err := demo.Fill(st, 200, 5, now, nil); err != nil {
		t.Fatal(err)
	}
	want, err := st.FirstPage(16)
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.PageOf(want.Order)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Order, want.Order) || got.Total != want.Total || len(got.Network.Friends) != len(want.Network.Friends) || len(got.Places) != len(want.Places) {
		t.Fatalf("got order %v total %d, %d friends, %d places; want %v %d, %d, %d", got.Order, got.Total, len(got.Network.Friends), len(got.Places), want.Order, want.Total, len(want.Network.Friends), len(want.Places))
	}
	asks := 0
	for i := range want.Network.Friends {
		g, w := &got.Network.Friends[i], &want.Network.Friends[i]
		if g.ID != w.ID || g.Notes != w.Notes || !slices.Equal(g.Emails, w.Emails) {
			t.Errorf("friend %d: got %d %q, want %d %q", i, g.ID, g.Name, w.ID, w.Name)
		}
		if len(got.Network.AsksOf(i)) != len(want.Network.AsksOf(i)) || len(got.Network.FavorsOf(i)) != len(want.Network.FavorsOf(i)) {
			t.Errorf("%s: %d asks, %d favors; want %d, %d", g.Name, len(got.Network.AsksOf(i)), len(got.Network.FavorsOf(i)), len(want.Network.AsksOf(i)), len(want.Network.FavorsOf(i)))
		}
		asks += len(want.Network.AsksOf(i))
	}
	if asks == 0 {
		t.Error("the page has no asks: the test checks nothing of the facts")
	}
	gone, err := st.PageOf([]uint64{want.Order[0], 1 << 40})
	if err != nil || !slices.Equal(gone.Order, want.Order[:1]) || len(gone.Network.Friends) != 1 {
		t.Errorf("a page with a friend who is not there: got %v, %v; want the others alone", gone, err)
	}
}
