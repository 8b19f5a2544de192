package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// sample is a small database with every kind of record: friends 1-3,
// friend 1 with asks and a favor, friend 2 with asks, and a profile.
func sample(t *testing.T) *Store {
	t.Helper()
	s := New(filepath.Join(t.TempDir(), "kith.db"), WithLockTimeout(200*time.Millisecond))
	err := s.Batch(t0, func(tx *Tx) error {
		for _, name := range []string{"Ada", "Bo", "Cy"} {
			if err := tx.AddFriend(&Friend{Name: name}); err != nil {
				return err
			}
		}
		for i := range 5 {
			for _, id := range []uint64{1, 2} {
				a := Ask{FriendID: id, Kind: KindChat, Status: StatusSent, Topic: "t", Created: t0.AddDate(0, 0, -10*i), Sent: t0.AddDate(0, 0, -10*i)}
				if err := tx.AddAsk(&a); err != nil {
					return err
				}
			}
		}
		if err := tx.AddFavor(&Favor{FriendID: 1, What: "lunch", At: t0}); err != nil {
			return err
		}
		p := DefaultProfile()
		p.Name = "Me"
		return tx.PutProfile(p)
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// damage changes the file under kith, as another program (or a bad disk)
// would, through bbolt so that its pages stay sound.
func damage(t *testing.T, s *Store, fn func(tx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(s.Path(), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
	db.Close()
}

// flipValue flips one byte of the value at key in bucket.
func flipValue(name, key []byte, at int) func(tx *bolt.Tx) error {
	return func(tx *bolt.Tx) error {
		b := tx.Bucket(name)
		v := append([]byte(nil), b.Get(key)...)
		v[at%len(v)] ^= 0x20
		return b.Put(key, v)
	}
}

func firstKey(t *testing.T, s *Store, name []byte, prefix uint64) []byte {
	t.Helper()
	var key []byte
	damage(t, s, func(tx *bolt.Tx) error {
		c := tx.Bucket(name).Cursor()
		k, _ := c.Seek(itob(prefix))
		key = append([]byte(nil), k...)
		return nil
	})
	return key
}

func wantDamaged(t *testing.T, what string, err error) {
	t.Helper()
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "database is damaged: run kith verify") {
		t.Errorf("%s: got %v, want ErrCorrupt saying to run kith verify", what, err)
	}
}

// reads runs every read and reports, by name, those that failed as
// damaged.
func reads(s *Store) map[string]error {
	out := map[string]error{}
	_, out["Friends"] = s.Friends()
	_, _, out["Roster"] = s.Roster()
	_, out["Network"] = s.Network()
	fs, _ := New(s.Path()).Friends()
	_, out["NetworkFor"] = s.NetworkFor(fs)
	_, _, out["History(1)"] = s.History(1)
	_, out["FindFriend"] = s.FindFriend("cy")
	_, out["Snapshot"] = s.Snapshot(t0)
	_, out["Profile"] = s.Profile()
	_, out["Asks"] = s.Asks()
	_, out["Favors"] = s.Favors()
	return out
}

func TestDamageIsDetectedNotAnsweredAround(t *testing.T) {
	cases := []struct {
		name string
		do   func(t *testing.T, s *Store) func(tx *bolt.Tx) error
		// reads that must fail; the others may answer (they do not read
		// what was damaged) but the write and verify always see it.
		fail []string
	}{
		{"a flipped byte in the asks index", func(t *testing.T, s *Store) func(tx *bolt.Tx) error {
			return flipValue(bucketAsksByFriend, firstKey(t, s, bucketAsksByFriend, 1), 3)
			// (Roster reads the summaries' last asks, not the index.)
		}, []string{"Network", "NetworkFor", "History(1)"}},
		{"a friend's index entries gone", func(t *testing.T, s *Store) func(tx *bolt.Tx) error {
			return func(tx *bolt.Tx) error {
				b := tx.Bucket(bucketAsksByFriend)
				for _, k := range keysWithPrefix(b, 1) {
					if err := b.Delete(k); err != nil {
						return err
					}
				}
				return nil
			}
		}, []string{"Network", "NetworkFor", "History(1)"}},
		{"one index entry gone", func(t *testing.T, s *Store) func(tx *bolt.Tx) error {
			k := firstKey(t, s, bucketAsksByFriend, 2)
			return func(tx *bolt.Tx) error { return tx.Bucket(bucketAsksByFriend).Delete(k) }
		}, []string{"Network", "NetworkFor"}},
		{"a favor's index entry gone", func(t *testing.T, s *Store) func(tx *bolt.Tx) error {
			k := firstKey(t, s, bucketFavorsByFriend, 1)
			return func(tx *bolt.Tx) error { return tx.Bucket(bucketFavorsByFriend).Delete(k) }
		}, []string{"Network", "NetworkFor", "History(1)"}},
		{"a flipped byte in a friend", func(t *testing.T, s *Store) func(tx *bolt.Tx) error {
			return flipValue(bucketFriends, itob(3), 5)
		}, []string{"Friends", "Roster", "Network", "FindFriend", "Snapshot"}},
		{"a friend gone", func(t *testing.T, s *Store) func(tx *bolt.Tx) error {
			return func(tx *bolt.Tx) error { return tx.Bucket(bucketFriends).Delete(itob(3)) }
		}, []string{"Friends", "Roster", "Network", "FindFriend", "Snapshot"}},
		{"a friend's record under another id", func(t *testing.T, s *Store) func(tx *bolt.Tx) error {
			return func(tx *bolt.Tx) error {
				b := tx.Bucket(bucketFriends)
				v := append([]byte(nil), b.Get(itob(2))...)
				return b.Put(itob(3), v)
			}
		}, []string{"Friends", "Roster", "Network", "FindFriend", "Snapshot"}},
		{"an ask's record gone", func(t *testing.T, s *Store) func(tx *bolt.Tx) error {
			return func(tx *bolt.Tx) error { return tx.Bucket(bucketAsks).Delete(itob(1)) }
		}, []string{"History(1)", "Snapshot", "Asks"}},
		{"a flipped byte in a favor", func(t *testing.T, s *Store) func(tx *bolt.Tx) error {
			return flipValue(bucketFavors, itob(1), 6)
		}, []string{"History(1)", "Snapshot", "Favors"}},
		{"a damaged profile", func(t *testing.T, s *Store) func(tx *bolt.Tx) error {
			return flipValue(bucketProfile, keyProfile, 4)
		}, []string{"Profile", "Snapshot"}},
		{"the profile gone", func(t *testing.T, s *Store) func(tx *bolt.Tx) error {
			return func(tx *bolt.Tx) error { return tx.Bucket(bucketProfile).Delete(keyProfile) }
		}, []string{"Profile", "Snapshot"}},
		{"a damaged summary", func(t *testing.T, s *Store) func(tx *bolt.Tx) error {
			return flipValue(bucketSummaries, itob(1), 1)
		}, []string{"Roster", "Network", "NetworkFor", "History(1)"}},
		{"the counts gone", func(t *testing.T, s *Store) func(tx *bolt.Tx) error {
			return func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Delete(keyCounts) }
		}, []string{"Friends", "Roster", "Network", "NetworkFor", "FindFriend", "Snapshot", "Asks", "Favors"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := sample(t)
			damage(t, s, c.do(t, s))
			got := reads(s)
			for _, name := range c.fail {
				wantDamaged(t, name, got[name])
			}
			for name, err := range got {
				if err != nil && !errors.Is(err, ErrCorrupt) {
					t.Errorf("%s: got %v, want an answer or ErrCorrupt", name, err)
				}
			}
			// A write refuses, and leaves the file as it was.
			before := sum(t, s.Path())
			wantDamaged(t, "AddAsk", addAsk(s, &Ask{FriendID: 3, Kind: KindIntro, Status: StatusSent, Created: t0}))
			wantDamaged(t, "AddFriend", addFriend(s, &Friend{Name: "Dee"}))
			if sum(t, s.Path()) != before {
				t.Error("a write changed the damaged file")
			}
			rep, err := s.Verify()
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Problems) == 0 {
				t.Error("verify found nothing wrong")
			}
			for _, p := range rep.Problems {
				if p.Bucket == "" || p.What == "" {
					t.Errorf("a problem that does not say where or what: %+v", p)
				}
			}
			t.Logf("verify: %v", rep.Problems)
		})
	}
}

func keysWithPrefix(b *bolt.Bucket, id uint64) [][]byte {
	var out [][]byte
	c := b.Cursor()
	p := itob(id)
	for k, _ := c.Seek(p); k != nil && strings.HasPrefix(string(k), string(p)); k, _ = c.Next() {
		out = append(out, append([]byte(nil), k...))
	}
	return out
}

func TestVerifyFindsASoundDatabaseSound(t *testing.T) {
	s := sample(t)
	rep, err := s.Verify()
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) > 0 || rep.Friends != 3 || rep.Asks != 10 || rep.Favors != 1 || rep.Schema != schemaVersion() {
		t.Errorf("got %+v", rep)
	}
	if _, err := New(filepath.Join(t.TempDir(), "none.db")).Verify(); !errors.Is(err, ErrNotFound) {
		t.Errorf("verify of no database: got %v, want ErrNotFound", err)
	}
}

// Verify names the bucket and the record.
func TestVerifyNamesWhatIsWrong(t *testing.T) {
	s := sample(t)
	damage(t, s, flipValue(bucketAsks, itob(4), 7))
	rep, err := s.Verify()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range rep.Problems {
		if p.Bucket == "asks" && p.Key == "4" {
			found = true
		}
	}
	if !found {
		t.Errorf("verify did not name asks 4: %v", rep.Problems)
	}
}

// A page zeroed or a freelist broken under bbolt: the write's check of the
// whole file refuses it, untouched.
func TestWriteRefusesStructuralDamage(t *testing.T) {
	for _, c := range []struct {
		name string
		at   func(m boltMeta) int64
	}{
		{"freelist page zeroed", func(m boltMeta) int64 { return int64(m.freelist) * int64(m.pageSize) }},
		{"root page zeroed", func(m boltMeta) int64 { return int64(m.root) * int64(m.pageSize) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := sample(t)
			b, _ := os.ReadFile(s.Path())
			m0, _ := readMeta(b[pageHeaderSize:])
			m1, _ := readMeta(b[int(m0.pageSize)+pageHeaderSize:])
			m := m0
			if m1.txid > m.txid {
				m = m1
			}
			off := c.at(m)
			clear(b[off+pageHeaderSize : off+int64(m.pageSize)])
			if err := os.WriteFile(s.Path(), b, 0o600); err != nil {
				t.Fatal(err)
			}
			before := sum(t, s.Path())
			if err := addFriend(s, &Friend{Name: "Dee"}); !errors.Is(err, ErrCorrupt) {
				t.Errorf("got %v, want ErrCorrupt", err)
			}
			if sum(t, s.Path()) != before {
				t.Error("the write changed the file")
			}
			rep, err := s.Verify()
			if err != nil || len(rep.Problems) == 0 {
				t.Errorf("verify: %v, %v", rep, err)
			}
		})
	}
}

// The stamp of a file kith left sound matches it until anything else
// touches the file.
func TestStampTellsAChangedFile(t *testing.T) {
	s := sample(t)
	g, err := s.gate(true)
	if err != nil {
		t.Fatal(err)
	}
	defer g.release()
	if _, ok := g.soundStamp(s.Path()); !ok {
		t.Fatal("the stamp of the last write does not match the file")
	}
	f, err := os.OpenFile(s.Path(), os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteAt([]byte{0}, 3*4096+100) // same size, same bytes elsewhere
	f.Close()
	if _, ok := g.soundStamp(s.Path()); ok {
		t.Error("the stamp still matches a file written behind kith's back")
	}
}

func TestRepairSavesWhatCanBeRead(t *testing.T) {
	s := sample(t)
	damage(t, s, func(tx *bolt.Tx) error {
		if err := flipValue(bucketFriends, itob(2), 5)(tx); err != nil {
			return err
		}
		if err := flipValue(bucketAsks, itob(1), 5)(tx); err != nil {
			return err
		}
		return tx.Bucket(bucketAsksByFriend).Delete(firstKeyIn(tx, bucketAsksByFriend, 1))
	})
	before := sum(t, s.Path())
	out := filepath.Join(t.TempDir(), "repaired.db")
	sv, err := s.Repair(out)
	if err != nil {
		t.Fatal(err)
	}
	if sum(t, s.Path()) != before {
		t.Error("repair changed the damaged file")
	}
	// Friend 2 is lost with their five asks; ask 1 (friend 1's) is lost.
	if sv.Friends != 2 || sv.Asks != 4 || sv.Favors != 1 {
		t.Errorf("saved %d friends, %d asks, %d favors; want 2, 4, 1 (lost: %v)", sv.Friends, sv.Asks, sv.Favors, sv.Lost)
	}
	if len(sv.Lost) != 7 {
		t.Errorf("lost %v, want friend 2, ask 1 and friend 2's five asks", sv.Lost)
	}
	r := New(out)
	rep, err := r.Verify()
	if err != nil || len(rep.Problems) > 0 {
		t.Fatalf("the repaired database: %v, %v", rep, err)
	}
	asks, favors, err := r.History(1)
	if err != nil || len(asks) != 4 || len(favors) != 1 {
		t.Errorf("friend 1 after repair: %d asks, %d favors, %v", len(asks), len(favors), err)
	}
	if p, err := r.Profile(); err != nil || p.Name != "Me" {
		t.Errorf("profile after repair: %+v, %v", p, err)
	}
	f := Friend{Name: "New"}
	if err := addFriend(r, &f); err != nil || f.ID != 4 {
		t.Errorf("a new friend after repair: id %d, %v; want 4", f.ID, err)
	}
	if _, err := s.Repair(out); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("repair over an existing file: got %v", err)
	}
}

func firstKeyIn(tx *bolt.Tx, name []byte, id uint64) []byte {
	k, _ := tx.Bucket(name).Cursor().Seek(itob(id))
	return append([]byte(nil), k...)
}
