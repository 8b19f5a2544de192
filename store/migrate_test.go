package store

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// copyFixture copies a committed database into a temporary directory:
// the fixture itself is never opened.
func copyFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "kith.db")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// exportJSON is a snapshot as kith export writes it, less the fields that
// differ between exports of the same records.
func exportJSON(t *testing.T, snap *Snapshot) map[string]any {
	t.Helper()
	b, err := json.Marshal(snap)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "exported_at")
	delete(m, "schema_version")
	return m
}

// The database schema 1 kith wrote opens, migrates, and reads back every
// record exactly as that kith exported it.
func TestSchema1FixtureReadsBackUnchanged(t *testing.T) {
	path := copyFixture(t, "schema1.db")
	raw, err := os.ReadFile(filepath.Join("testdata", "schema1.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	delete(want, "exported_at")
	delete(want, "schema_version")
	// The one blurb of a profile of that time is read as the blurb in its
	// language (Profile.Normalize): the fixture's is English.
	prof := want["profile"].(map[string]any)
	if b, ok := prof["blurb"]; ok {
		delete(prof, "blurb")
		prof["blurbs"] = map[string]any{"en": b}
	}

	s := New(path)
	snap, err := s.Snapshot(t0)
	if err != nil {
		t.Fatal(err)
	}
	if got := exportJSON(t, snap); !reflect.DeepEqual(got, want) {
		g, _ := json.MarshalIndent(got, "", "  ")
		w, _ := json.MarshalIndent(want, "", "  ")
		t.Fatalf("the migrated fixture reads back differently:\ngot  %s\nwant %s", g, w)
	}
	if len(snap.Friends) < 4 || len(snap.Asks) == 0 || len(snap.Favors) == 0 {
		t.Fatalf("the fixture should hold every kind of record: %d friends, %d asks, %d favors", len(snap.Friends), len(snap.Asks), len(snap.Favors))
	}

	// Migrated in place to the current schema, every value rewritten in
	// the new form: verify finds nothing wrong.
	rep, err := s.Verify()
	if err != nil {
		t.Fatal(err)
	}
	if rep.Schema != schemaVersion() || len(rep.Problems) > 0 {
		t.Fatalf("after the migration: schema %d, problems %v", rep.Schema, rep.Problems)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketFriends, bucketAsks, bucketFavors, bucketAsksByFriend, bucketFavorsByFriend, bucketSummaries, bucketProfile} {
			tx.Bucket(name).ForEach(func(k, v []byte) error {
				if len(v) == 0 || v[0] != recordV2 {
					t.Errorf("%s %x: not rewritten (%x)", name, k, v)
				}
				return nil
			})
		}
		return nil
	})

	// The reads that go through the indexes agree with the records.
	n, err := s.Network()
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range n.Friends {
		asks, favors, err := s.History(f.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(asks) != len(n.AsksOf(i)) || len(favors) != len(n.FavorsOf(i)) {
			t.Errorf("friend %d: history %d asks %d favors, network %d and %d", f.ID, len(asks), len(favors), len(n.AsksOf(i)), len(n.FavorsOf(i)))
		}
	}
}

// A schema-1 file opened by a reader is migrated once: the second open
// finds it at the current schema, and the fixture itself stays as it was.
func TestSchema1FixtureIsNotTouched(t *testing.T) {
	before, err := os.ReadFile(filepath.Join("testdata", "schema1.db"))
	if err != nil {
		t.Fatal(err)
	}
	path := copyFixture(t, "schema1.db")
	if _, err := New(path).Friends(); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(filepath.Join("testdata", "schema1.db"))
	if !bytes.Equal(before, after) {
		t.Fatal("the test changed the committed fixture")
	}
	migrated, _ := os.ReadFile(path)
	if _, err := New(path).Friends(); err != nil {
		t.Fatal(err)
	}
	again, _ := os.ReadFile(path)
	if !bytes.Equal(migrated, again) {
		t.Error("a second read changed the migrated file")
	}
}

// writeSchema1 writes a schema-1 database of n friends with asks asks
// each and a favor each, as kith at schema 1 laid it out.
func writeSchema1(t *testing.T, path string, n, asks int) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		if err := initSchema(tx); err != nil {
			return err
		}
		if err := migrations()[0].up(tx); err != nil {
			return err
		}
		meta := tx.Bucket(bucketMeta)
		meta.Put(keySchema, itob(1))
		meta.Put(keyMigrations, []byte("1 create buckets\n"))
		var aid uint64
		for i := 1; i <= n; i++ {
			f := Friend{ID: uint64(i), Name: "Friend " + strconv.Itoa(i), Closeness: 3, Emails: []string{"f@x.io"}, Created: t0, Updated: t0}
			tx.Bucket(bucketFriends).Put(itob(f.ID), encodeFriendV1(&f))
			for j := 0; j < asks; j++ {
				aid++
				a := Ask{ID: aid, FriendID: f.ID, Kind: KindChat, Status: StatusSent, Topic: "t", Created: t0.Add(time.Duration(-j) * time.Hour)}
				tx.Bucket(bucketAsks).Put(itob(a.ID), encodeAskV1(&a))
				tx.Bucket(bucketAsksByFriend).Put(historyKey(a.FriendID, a.At(), a.ID), encodeAskHeadV1(&a))
			}
			v := Favor{ID: uint64(i), FriendID: f.ID, What: "w", At: t0}
			tx.Bucket(bucketFavors).Put(itob(v.ID), encodeFavorV1(&v))
			tx.Bucket(bucketFavorsByFriend).Put(historyKey(v.FriendID, v.At, v.ID), nil)
		}
		for _, b := range [][]byte{bucketFriends, bucketFavors} {
			tx.Bucket(b).SetSequence(uint64(n))
		}
		return tx.Bucket(bucketAsks).SetSequence(aid)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The migration runs in batches (more entries than one batch here) and
// leaves a dense file: it rewrites every value, and the file is then
// compacted, so later writes do not carry a freelist of every old page.
func TestMigrationOfALargerFileIsWholeAndDense(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kith.db")
	writeSchema1(t, path, 3000, 5)
	s := New(path)
	fs, err := s.Friends()
	if err != nil {
		t.Fatal(err)
	}
	n, err := s.Network()
	if err != nil || len(fs) != 3000 || n.AskCount() != 15000 || n.FavorCount() != 3000 {
		t.Fatalf("%d friends, network %v %v", len(fs), n, err)
	}
	if asks, favors, err := s.History(1234); err != nil || len(asks) != 5 || len(favors) != 1 {
		t.Errorf("history: %d %d %v", len(asks), len(favors), err)
	}
	if rep, err := s.Verify(); err != nil || len(rep.Problems) > 0 {
		t.Fatalf("verify: %v %v", rep, err)
	}
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	free := db.Stats().FreePageN
	var pages int
	db.View(func(tx *bolt.Tx) error { pages = int(tx.Size() / int64(db.Info().PageSize)); return nil })
	db.Close()
	if free > pages/10 {
		t.Errorf("%d of %d pages free after the migration: not compacted", free, pages)
	}
	// Sequences came along: the next records get the next ids.
	f := Friend{Name: "Next"}
	if err := addFriend(s, &f); err != nil || f.ID != 3001 {
		t.Errorf("next friend id %d, %v", f.ID, err)
	}
	a := Ask{FriendID: 1, Kind: KindIntro, Status: StatusSent, Created: t0}
	if err := addAsk(s, &a); err != nil || a.ID != 15001 {
		t.Errorf("next ask id %d, %v", a.ID, err)
	}
}
