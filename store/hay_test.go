package store

import (
	"cmp"
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// checkHaystacks compares Haystacks with a recomputation from the
// friends' records: in id order, each friend's AppendHaystack and
// whether they are archived, and the name order of the name index.
func checkHaystacks(t *testing.T, s *Store, when string) {
	t.Helper()
	fs, order, err := s.FriendsByName()
	if err != nil {
		t.Fatal(err)
	}
	h, err := s.Haystacks()
	if err != nil {
		t.Fatalf("%s: Haystacks: %v", when, err)
	}
	if len(h.IDs) != len(fs) || len(h.Starts) != len(fs)+1 || len(h.Order) != len(fs) {
		t.Fatalf("%s: got %d ids, %d starts, %d in order; want %d, %d, %d", when, len(h.IDs), len(h.Starts), len(h.Order), len(fs), len(fs)+1, len(fs))
	}
	for i := range fs {
		f := &fs[i]
		want := string(AppendHaystack(nil, f.Name, f.Nickname, f.Org, f.Sectors, f.Notes))
		if got := h.All[h.Starts[i] : h.Starts[i+1]-1]; h.IDs[i] != f.ID || got != want || h.Archived[i] != f.Archived {
			t.Errorf("%s: position %d: id %d %q archived %v; want %d %q %v", when, i, h.IDs[i], got, h.Archived[i], f.ID, want, f.Archived)
		}
	}
	got := make([]uint64, len(h.Order))
	for i, p := range h.Order {
		got[i] = h.IDs[p]
	}
	if !slices.Equal(got, order) {
		t.Errorf("%s: the order: got %v, want %v", when, got, order)
	}
}

// The fixture of schema 5 (rows without haystacks) gets them on opening
// (migration 6): Haystacks then equals the recomputation, notes and
// non-ASCII letters folded.
func TestMigrationWritesHaystacks(t *testing.T) {
	path := copyFixture(t, "rows5.db")
	err := func() error {
		db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
		if err != nil {
			return err
		}
		defer db.Close()
		return db.View(func(tx *bolt.Tx) error {
			if v := btoi(tx.Bucket(bucketMeta).Get(keySchema)); v != 5 {
				t.Errorf("the fixture is at schema %d, want 5", v)
			}
			k, v := tx.Bucket(bucketNames).Cursor().First()
			body, err := seedNames.open(k, v)
			if err != nil {
				return err
			}
			if _, _, ok, _ := rowHaystack(body); ok {
				t.Error("the fixture's rows hold haystacks already")
			}
			return nil
		})
	}()
	if err != nil {
		t.Fatal(err)
	}
	s := New(path)
	checkHaystacks(t, s, "rows5.db")
	h, err := s.Haystacks()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"met at the zurich meetup", "unal's friend; ecole", "fin tech", "bee"} {
		if !strings.Contains(h.All, want) {
			t.Errorf("no haystack holds %q", want)
		}
	}
}

// A row whose haystack differs from its friend's (a stale note) is a
// problem verify names as such; a row without one is damage Haystacks
// reports.
func TestVerifyChecksHaystacks(t *testing.T) {
	for _, tc := range []struct {
		name  string
		value func(k []byte, f Friend) []byte
	}{
		{"stale", func(k []byte, f Friend) []byte { f.Notes = "elsewhere"; return encodeRow(k, &f) }},
		{"none", func(k []byte, f Friend) []byte {
			e := newEnc(16)
			e.str(tagRowName, f.Name)
			e.str(tagRowOrg, f.Org)
			e.strs(tagRowSector, f.Sectors)
			return e.seal(seedNames, k)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			f := Friend{Name: "Ada", Org: "Acme", Sectors: []string{"tech"}, Notes: "old"}
			if err := addFriend(s, &f); err != nil {
				t.Fatal(err)
			}
			err := s.update(func(tx *bolt.Tx) error {
				k := nameKey(NewCollator(), f.Name, f.ID)
				return tx.Bucket(bucketNames).Put(k, tc.value(k, f))
			})
			if err != nil {
				t.Fatal(err)
			}
			rep, err := s.Verify()
			if err != nil || len(rep.Problems) != 1 || rep.Problems[0].Bucket != "names" || !strings.Contains(rep.Problems[0].What, "haystack") {
				t.Errorf("verify: %+v, %v; want one problem in names naming the haystack", rep, err)
			}
			_, err = s.Haystacks()
			if tc.name == "none" && !errors.Is(err, ErrCorrupt) {
				t.Errorf("Haystacks: %v, want ErrCorrupt", err)
			}
		})
	}
}

// idOrder gives what a sort of the positions by id gives, by its table
// while the ids are dense and by a sort when they are not, and nil when
// an id is there twice.
func TestIDOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		name   string
		spread uint64
	}{{"dense", 2}, {"sparse", 1 << 40}} {
		for range 20 {
			n := 1 + r.IntN(300)
			seen := map[uint64]bool{}
			var ids []uint64
			for len(ids) < n {
				id := 1 + r.Uint64N(uint64(n)*tc.spread)
				if !seen[id] {
					seen[id] = true
					ids = append(ids, id)
				}
			}
			want := make([]int32, n)
			for i := range want {
				want[i] = int32(i)
			}
			slices.SortFunc(want, func(a, b int32) int { return cmp.Compare(ids[a], ids[b]) })
			if got := idOrder(ids); !slices.Equal(got, want) {
				t.Fatalf("%s: idOrder(%v) = %v, want %v", tc.name, ids, got, want)
			}
			if got := idOrder(append(ids, ids[r.IntN(n)])); got != nil {
				t.Errorf("%s: with an id twice: got %v, want nil", tc.name, got)
			}
		}
	}
}
