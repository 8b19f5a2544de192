package store

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

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
