package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// namesOf returns the names of ids, looked up in friends.
func namesOf(t *testing.T, friends []Friend, ids []uint64) []string {
	t.Helper()
	out := make([]string, len(ids))
	for i, id := range ids {
		j := slices.IndexFunc(friends, func(f Friend) bool { return f.ID == id })
		if j < 0 {
			t.Fatalf("the name index holds friend %d, who is not there", id)
		}
		out[i] = friends[j].Name
	}
	return out
}

func TestNameOrderCollates(t *testing.T) {
	s := newStore(t)
	for _, n := range []string{"Zoë Ångström", "Andrii Kovalenko", "bob", "andrea rossi", "Émile Zola", "André Silva", "Bob"} {
		f := Friend{Name: n}
		if err := addFriend(s, &f); err != nil {
			t.Fatal(err)
		}
	}
	ids, err := s.NameOrder()
	if err != nil {
		t.Fatal(err)
	}
	fs, err := s.Friends()
	if err != nil {
		t.Fatal(err)
	}
	got := namesOf(t, fs, ids)
	// Byte order would put "andrea" and "andrii" before "andré", and
	// "émile" after "zoë".
	want := []string{"André Silva", "andrea rossi", "Andrii Kovalenko", "bob", "Bob", "Émile Zola", "Zoë Ångström"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("name order = %q, want %q", got, want)
	}
}

func TestNameIndexFollowsEdits(t *testing.T) {
	s := newStore(t)
	a := Friend{Name: "Zed", Org: "Acme Inc.", Sectors: []string{"Fintech"}}
	b := Friend{Name: "Yan", Org: "ACME", Sectors: []string{"fintech", "design"}}
	for _, f := range []*Friend{&a, &b} {
		if err := addFriend(s, f); err != nil {
			t.Fatal(err)
		}
	}
	page := func() *Page {
		t.Helper()
		p, err := s.FirstPage(10)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	p := page()
	if !reflect.DeepEqual(p.Order, []uint64{b.ID, a.ID}) {
		t.Errorf("order = %v, want [%d %d]", p.Order, b.ID, a.ID)
	}
	if len(p.Places) != 2 {
		t.Errorf("the people at the page's places: %d, want both", len(p.Places))
	}
	// Rename a to sort first, and archive b: b leaves the postings.
	err := s.Batch(t0, func(tx *Tx) error {
		a.Name = "Abe"
		if err := tx.PutFriend(&a); err != nil {
			return err
		}
		_, err := tx.SetArchived(b.ID, true)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	p = page()
	if !reflect.DeepEqual(p.Order, []uint64{a.ID, b.ID}) {
		t.Errorf("after the rename, order = %v, want [%d %d]", p.Order, a.ID, b.ID)
	}
	if len(p.Places) != 1 || p.Places[0].ID != a.ID {
		t.Errorf("after the archive, the people at the page's places: %v, want %s alone", p.Places, a.Name)
	}
	if p.Total != 2 {
		t.Errorf("total = %d, want 2", p.Total)
	}
}

// FirstPage reads the same facts for its friends as the whole network.
func TestFirstPageMatchesNetwork(t *testing.T) {
	s := newStore(t)
	for i, n := range []string{"Carla", "Ben", "Dora", "Abel", "Eve"} {
		f := Friend{Name: n, Org: "Org", Sectors: []string{"s"}}
		if err := addFriend(s, &f); err != nil {
			t.Fatal(err)
		}
		for j := range i + 1 {
			a := Ask{FriendID: f.ID, Kind: KindChat, Status: StatusHelped, Created: t0.AddDate(0, -j-1, 0)}
			if err := addAsk(s, &a); err != nil {
				t.Fatal(err)
			}
		}
		for range i {
			v := Favor{FriendID: f.ID, What: "lunch"}
			if err := addFavor(s, &v); err != nil {
				t.Fatal(err)
			}
		}
	}
	p, err := s.FirstPage(3)
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.Network()
	if err != nil {
		t.Fatal(err)
	}
	got := namesOf(t, all.Friends, p.Order)
	if want := []string{"Abel", "Ben", "Carla"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("page = %q, want %q", got, want)
	}
	if len(p.Network.Friends) != 3 {
		t.Fatalf("the page's network holds %d friends, want 3", len(p.Network.Friends))
	}
	for i, f := range p.Network.Friends {
		j := all.Index(f.ID)
		if !reflect.DeepEqual(p.Network.AsksOf(i), all.AsksOf(j)) || !reflect.DeepEqual(p.Network.FavorsOf(i), all.FavorsOf(j)) {
			t.Errorf("%s: page facts %v %v, network facts %v %v", f.Name, p.Network.AsksOf(i), p.Network.FavorsOf(i), all.AsksOf(j), all.FavorsOf(j))
		}
	}
	if len(p.Places) != 5 {
		t.Errorf("the people at the page's places: %d, want all 5 at Org", len(p.Places))
	}
}

// Opening a database an older kith wrote builds the name index and the
// postings: every friend in the name order, and a posting for each place
// of every active friend.
func TestMigrationBuildsNameIndex(t *testing.T) {
	for _, fixture := range []string{"schema1.db", "schema2.db", "names2.db", "circles3.db"} {
		t.Run(fixture, func(t *testing.T) {
			s := New(copyFixture(t, fixture))
			ids, err := s.NameOrder()
			if err != nil {
				t.Fatal(err)
			}
			fs, err := s.Friends()
			if err != nil {
				t.Fatal(err)
			}
			// verify checks the indexes and each summary's last ask
			// against the records.
			if rep, err := s.Verify(); err != nil || len(rep.Problems) > 0 {
				t.Fatalf("verify after the migration: %v %v", rep, err)
			}
			_, last, err := s.Roster()
			if err != nil {
				t.Fatal(err)
			}
			if !slices.ContainsFunc(last, func(t time.Time) bool { return !t.IsZero() }) {
				t.Error("no friend has a last ask after the migration")
			}
			got := namesOf(t, fs, ids)
			c := NewCollator()
			want := make([]string, len(fs))
			for i := range fs {
				want[i] = fs[i].Name
			}
			slices.SortStableFunc(want, func(a, b string) int { return bytes.Compare(c.Key(nil, a), c.Key(nil, b)) })
			if !reflect.DeepEqual(got, want) {
				t.Errorf("name order = %q, want %q", got, want)
			}
			if fixture == "names2.db" {
				at := func(n string) int { return slices.Index(got, n) }
				if !(at("André Silva") < at("andrea rossi") && at("andrea rossi") < at("Andrii Kovalenko")) {
					t.Errorf("name order %q: want André Silva, andrea rossi, Andrii Kovalenko in that order", got)
				}
			}
			err = s.view(func(tx *bolt.Tx) error {
				var want [][]byte
				for i := range fs {
					want = append(want, postings(&fs[i])...)
				}
				slices.SortFunc(want, bytes.Compare)
				var got [][]byte
				err := tx.Bucket(bucketPostings).ForEach(func(k, v []byte) error {
					got = append(got, slices.Clone(k))
					return checkEntry(seedPostings, k, v)
				})
				if err != nil {
					return err
				}
				if len(want) == 0 || !reflect.DeepEqual(got, want) {
					t.Errorf("postings = %q, want %q", got, want)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}

// Opening a database of schema 3 (before the circle postings) runs
// migration 4: the active members of each circle are posted under it,
// compared by CircleKey, and the records read back as that kith exported
// them. Before it runs, verify checks the file as schema 3 (no circle
// postings called for).
func TestMigrationBuildsCirclePostings(t *testing.T) {
	path := copyFixture(t, "circles3.db")
	s := New(path)
	rep, err := s.Verify()
	if err != nil || rep.Schema != 3 || len(rep.Problems) > 0 {
		t.Fatalf("verify before the migration: %+v, %v; want schema 3 and no problems", rep, err)
	}
	members := func(circle string) []string {
		t.Helper()
		n, err := s.circleNetwork([]string{circle})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range n.Friends {
			out = append(out, f.Name)
		}
		return out
	}
	for _, tc := range []struct {
		circle string
		want   []string
	}{
		{"UNIVERSITY", []string{"Ada Byron", "Bea Conti"}}, // Dora Ek is archived
		{"climbing club", []string{"Ada Byron", "Cem Yıldız"}},
		{"über läufer", []string{"Cem Yıldız"}},
		{"chess", nil},
	} {
		if got := members(tc.circle); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("members of %q = %q, want %q", tc.circle, got, tc.want)
		}
	}
	rep, err = s.Verify()
	if err != nil || rep.Schema != schemaVersion() || len(rep.Problems) > 0 {
		t.Fatalf("verify after the migration: %+v, %v; want schema %d and no problems", rep, err, schemaVersion())
	}
	snap, err := s.Snapshot(t0)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join("testdata", "circles3.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want Snapshot
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(snap.Friends, want.Friends) || len(snap.Asks) != len(want.Asks) || len(snap.Favors) != len(want.Favors) {
		t.Errorf("the records changed in the migration: %d friends, %d asks, %d favors; the export has %d, %d, %d",
			len(snap.Friends), len(snap.Asks), len(snap.Favors), len(want.Friends), len(want.Asks), len(want.Favors))
	}
}

// kith verify finds a name index entry or a posting that is missing, or
// one left over that no friend calls for.
func TestVerifyChecksNameIndexes(t *testing.T) {
	s := newStore(t)
	f := Friend{Name: "Ada", Org: "Acme", Sectors: []string{"tech"}}
	if err := addFriend(s, &f); err != nil {
		t.Fatal(err)
	}
	if rep, err := s.Verify(); err != nil || len(rep.Problems) != 0 {
		t.Fatalf("a sound database: %v, %v", rep, err)
	}
	c := NewCollator()
	err := s.update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketNames).Delete(nameKey(c, f.Name, f.ID)); err != nil {
			return err
		}
		k := postingKey(postSector, []byte("gone"), f.ID)
		return tx.Bucket(bucketPostings).Put(k, emptyEntry(seedPostings, k))
	})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.Verify()
	if err != nil {
		t.Fatal(err)
	}
	var buckets []string
	for _, p := range rep.Problems {
		buckets = append(buckets, p.Bucket)
	}
	slices.Sort(buckets)
	if !reflect.DeepEqual(buckets, []string{"names", "postings"}) {
		t.Errorf("problems = %v, want one in names and one in postings", rep.Problems)
	}
}

// A database whose name index or postings are gone is damage, said so,
// and no read of them panics.
func TestMissingNameIndexesAreDamage(t *testing.T) {
	for _, bucket := range [][]byte{bucketNames, bucketPostings} {
		s := newStore(t)
		f := Friend{Name: "Ada", Org: "Acme", Sectors: []string{"tech"}}
		if err := addFriend(s, &f); err != nil {
			t.Fatal(err)
		}
		if err := s.update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bucket) }); err != nil {
			t.Fatal(err)
		}
		_, err1 := s.NameOrder()
		_, err2 := s.FirstPage(10)
		_, err3 := s.FriendsAt("Acme", "", 2)
		_, err4 := s.NetworkAt("", "tech")
		errs := []error{err1, err2, err3, err4}
		if string(bucket) == "postings" {
			errs = errs[1:] // the name order needs no postings
		} else {
			errs = errs[:2]
		}
		for i, err := range errs {
			if !errors.Is(err, ErrCorrupt) {
				t.Errorf("%s gone: read %d: %v, want ErrCorrupt", bucket, i, err)
			}
		}
	}
}
