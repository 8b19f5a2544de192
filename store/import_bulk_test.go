package store

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// indexDump returns the name index's and the postings' keys and values.
func indexDump(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	err := s.view(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketNames, bucketPostings} {
			if err := tx.Bucket(name).ForEach(func(k, v []byte) error {
				out = append(out, fmt.Sprintf("%s %x %x", name, k, v))
				return nil
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// bulkFriends returns n friends with names out of order, organisations,
// sectors and circles, some archived.
func bulkFriends(n, from int) []*Friend {
	fs := make([]*Friend, n)
	for i := range fs {
		j := from + i
		fs[i] = &Friend{Name: fmt.Sprintf("Émile %d Zed", (j*7919)%n), Org: fmt.Sprintf("Org %d", j%37),
			Sectors: []string{fmt.Sprintf("s%d", j%11)}, Circles: []string{fmt.Sprintf("C%d", j%5)}, Archived: j%13 == 0}
	}
	return fs
}

// AddFriends writes the same friends, and the same name index and
// postings, as AddFriend one at a time: into an empty database (the
// index built again in key order), into one with more friends than added
// (the friends' keys written one by one), and with fewer than
// bulkIndexMin.
func TestAddFriendsIsAddFriend(t *testing.T) {
	now := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ before, added int }{{0, bulkIndexMin + 200}, {300, bulkIndexMin}, {2 * bulkIndexMin, bulkIndexMin + 1}, {0, 50}} {
		t.Run(fmt.Sprintf("%d+%d", tc.before, tc.added), func(t *testing.T) {
			one := New(filepath.Join(t.TempDir(), "one.db"))
			bulk := New(filepath.Join(t.TempDir(), "bulk.db"))
			for _, s := range []*Store{one, bulk} {
				if err := s.Batch(now, func(tx *Tx) error {
					for _, f := range bulkFriends(tc.before, 0) {
						if err := tx.AddFriend(f); err != nil {
							return err
						}
					}
					return nil
				}); err != nil {
					t.Fatal(err)
				}
			}
			if err := one.Batch(now, func(tx *Tx) error {
				for _, f := range bulkFriends(tc.added, tc.before) {
					if err := tx.AddFriend(f); err != nil {
						return err
					}
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			var done []int
			fs := bulkFriends(tc.added, tc.before)
			if err := bulk.Batch(now, func(tx *Tx) error { return tx.AddFriends(fs, func(i int) { done = append(done, i) }) }); err != nil {
				t.Fatal(err)
			}
			if len(done) != tc.added || done[len(done)-1] != tc.added-1 || fs[0].ID != uint64(tc.before+1) {
				t.Errorf("done %d times (last %v), first id %d", len(done), done[len(done)-1:], fs[0].ID)
			}
			a, b := indexDump(t, one), indexDump(t, bulk)
			if len(a) != len(b) {
				t.Fatalf("bulk index has %d entries, one by one %d", len(b), len(a))
			}
			for i := range a {
				if a[i] != b[i] {
					t.Fatalf("entry %d: bulk %s, one by one %s", i, b[i], a[i])
				}
			}
			wantFs, _ := one.Friends()
			gotFs, _ := bulk.Friends()
			if len(gotFs) != len(wantFs) || len(gotFs) != tc.before+tc.added {
				t.Fatalf("%d friends, want %d", len(gotFs), len(wantFs))
			}
			if r, err := bulk.Verify(); err != nil || len(r.Problems) > 0 {
				t.Errorf("verify: %v %v", r, err)
			}
		})
	}
}

// An invalid friend among many fails AddFriends with an *AddError naming
// it, and the transaction writes nothing: not the friends before it, nor
// a dropped index.
func TestAddFriendsAllOrNothing(t *testing.T) {
	s := New(filepath.Join(t.TempDir(), "k.db"))
	now := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	if err := s.Batch(now, func(tx *Tx) error { return tx.AddFriends(bulkFriends(10, 0), nil) }); err != nil {
		t.Fatal(err)
	}
	before := indexDump(t, s)
	fs := bulkFriends(bulkIndexMin+10, 10)
	fs[bulkIndexMin+5].Name = ""
	err := s.Batch(now, func(tx *Tx) error { return tx.AddFriends(fs, nil) })
	var ae *AddError
	if !errors.As(err, &ae) || ae.Index != bulkIndexMin+5 {
		t.Fatalf("error %v, want an AddError about friend %d", err, bulkIndexMin+5)
	}
	if got, _ := s.Friends(); len(got) != 10 {
		t.Errorf("%d friends after the failed add, want the 10 before", len(got))
	}
	if after := indexDump(t, s); !bytes.Equal([]byte(fmt.Sprint(after)), []byte(fmt.Sprint(before))) {
		t.Errorf("index changed by a failed add")
	}
}

// AddCheckedFriends, given friends already normalised and validated,
// writes the same friends, times, name index and postings as AddFriends.
func TestAddCheckedFriendsIsAddFriends(t *testing.T) {
	now := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	for _, n := range []int{50, bulkIndexMin + 20} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			plain := New(filepath.Join(t.TempDir(), "plain.db"))
			checked := New(filepath.Join(t.TempDir(), "checked.db"))
			if err := plain.Batch(now, func(tx *Tx) error { return tx.AddFriends(bulkFriends(n, 0), nil) }); err != nil {
				t.Fatal(err)
			}
			fs := bulkFriends(n, 0)
			for _, f := range fs {
				f.Normalize()
				if err := f.Validate(); err != nil {
					t.Fatal(err)
				}
			}
			if err := checked.Batch(now, func(tx *Tx) error { return tx.AddCheckedFriends(fs, nil) }); err != nil {
				t.Fatal(err)
			}
			want, err := plain.Friends()
			if err != nil {
				t.Fatal(err)
			}
			got, err := checked.Friends()
			if err != nil {
				t.Fatal(err)
			}
			if g, w := fmt.Sprintf("%+v", got), fmt.Sprintf("%+v", want); g != w {
				t.Errorf("got friends %.300s…, want %.300s…", g, w)
			}
			if g, w := fmt.Sprint(indexDump(t, checked)), fmt.Sprint(indexDump(t, plain)); g != w {
				t.Errorf("got index %.300s…, want %.300s…", g, w)
			}
		})
	}
}

// BenchmarkBulkIndexSorts sorts the name index's and the postings' keys
// of 100,000 friends as bulkIndex.write does, both at once (par), and one
// after the other (seq).
func BenchmarkBulkIndexSorts(b *testing.B) {
	ix := &bulkIndex{coll: NewCollator()}
	for i, f := range bulkFriends(100000, 0) {
		f.ID = uint64(i + 1)
		ix.add(f)
	}
	run := func(b *testing.B, par bool) {
		for b.Loop() {
			b.StopTimer()
			names, posts := slices.Clone(ix.names), slices.Clone(ix.posts)
			b.StartTimer()
			if par {
				done := make(chan struct{})
				go func() {
					defer close(done)
					slices.SortFunc(names, func(a, b bulkEntry) int { return bytes.Compare(a.k, b.k) })
				}()
				slices.SortFunc(posts, bytes.Compare)
				<-done
			} else {
				slices.SortFunc(names, func(a, b bulkEntry) int { return bytes.Compare(a.k, b.k) })
				slices.SortFunc(posts, bytes.Compare)
			}
		}
	}
	b.Run("seq", func(b *testing.B) { run(b, false) })
	b.Run("par", func(b *testing.B) { run(b, true) })
}
