package store

import (
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// haystackSample is a database of n friends with names, organisations,
// sectors, notes and some archived.
func haystackSample(t *testing.T, n int) *Store {
	t.Helper()
	s := New(filepath.Join(t.TempDir(), "kith.db"))
	err := s.Batch(t0, func(tx *Tx) error {
		for i := range n {
			f := &Friend{Name: fmt.Sprintf("Zoë %c Friend %d", 'Z'-i%26, i), Nickname: fmt.Sprintf("n%d", i%7), Org: fmt.Sprintf("Org %d", i%5),
				Sectors: []string{fmt.Sprintf("Sector %d", i%3)}, Notes: fmt.Sprintf("Notes ÉCOLE %d", i), Archived: i%4 == 1}
			if err := tx.AddFriend(f); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// haystacksSplitAt reads s's haystacks with the second part at split
// (nil: in one part).
func haystacksSplitAt(s *Store, split []byte) (*Haystacks, error) {
	h := &Haystacks{}
	if err := s.view(func(tx *bolt.Tx) error { return readHaystacksSplit(s.path, tx, h, split) }); err != nil {
		return nil, err
	}
	return h, nil
}

// TestHaystacksInTwoPartsAreTheOnePartRead: the haystacks read in two
// parts, wherever the second starts, are those read in one.
func TestHaystacksInTwoPartsAreTheOnePartRead(t *testing.T) {
	const n = 40
	s := haystackSample(t, n)
	want, err := haystacksSplitAt(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.IDs) != n || len(want.Order) != n {
		t.Fatalf("the one-part read: got %d ids, %d in order; want %d", len(want.IDs), len(want.Order), n)
	}
	got, err := s.Haystacks()
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Haystacks() = %+v, %v; want %+v", got, err, want)
	}
	for id := uint64(0); id <= n+2; id++ {
		got, err := haystacksSplitAt(s, itob(id))
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("split at %d: got %+v, %v; want %+v", id, got, err, want)
		}
	}
}

// TestHaystacksInTwoPartsFailAsTheOnePartRead: a damaged friend record
// in either part, or in both, or a damaged name entry, fails the read in
// two parts with the error of the one-part read.
func TestHaystacksInTwoPartsFailAsTheOnePartRead(t *testing.T) {
	const n = 30
	for _, bad := range [][]uint64{{3}, {25}, {3, 25}, {0}} {
		t.Run(fmt.Sprint(bad), func(t *testing.T) {
			s := haystackSample(t, n)
			for _, id := range bad {
				if id == 0 {
					key := firstKey(t, s, bucketNames, 0)
					damage(t, s, flipValue(bucketNames, key, 3))
					continue
				}
				damage(t, s, flipValue(bucketFriends, itob(id), 5))
			}
			_, want := haystacksSplitAt(s, nil)
			wantDamaged(t, "the one-part read", want)
			for _, split := range []uint64{2, 10, 20, 26, 29} {
				if _, err := haystacksSplitAt(s, itob(split)); err == nil || err.Error() != want.Error() {
					t.Errorf("split at %d: got %v, want %v", split, err, want)
				}
			}
			if _, err := s.Haystacks(); err == nil || err.Error() != want.Error() {
				t.Errorf("Haystacks(): got %v, want %v", err, want)
			}
		})
	}
}
