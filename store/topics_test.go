package store

import (
	"path/filepath"
	"testing"
	"time"
)

// TestAskTopics: the topics of the asks asked for, in that order, ""
// for an ask without one or not in the database; a damaged ask fails
// the read as damaged.
func TestAskTopics(t *testing.T) {
	s := New(filepath.Join(t.TempDir(), "kith.db"), WithLockTimeout(200*time.Millisecond))
	if got, err := s.AskTopics([]uint64{1}); err != nil || len(got) != 1 || got[0] != "" {
		t.Fatalf("no database: %q, %v; want one empty topic", got, err)
	}
	var ids []uint64
	err := s.Batch(t0, func(tx *Tx) error {
		if err := tx.AddFriend(&Friend{Name: "Ada"}); err != nil {
			return err
		}
		for _, topic := range []string{"aerospace", "", "Zoë's café"} {
			a := Ask{FriendID: 1, Kind: KindChat, Status: StatusDraft, Topic: topic, Body: "a long body", Created: t0}
			if err := tx.AddAsk(&a); err != nil {
				return err
			}
			ids = append(ids, a.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.AskTopics([]uint64{ids[2], 999, ids[0], ids[1]})
	want := []string{"Zoë's café", "", "aerospace", ""}
	if err != nil || len(got) != len(want) {
		t.Fatalf("AskTopics: %q, %v; want %q", got, err, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("topic %d: %q, want %q", i, got[i], want[i])
		}
	}
	damage(t, s, flipValue(bucketAsks, itob(ids[0]), 5))
	_, err = s.AskTopics([]uint64{ids[0]})
	wantDamaged(t, "AskTopics of a damaged ask", err)
}

// TestTopicTable: every ask's topic, each distinct topic once, by id;
// read in chunks it is the same, and a damaged ask fails the read.
func TestTopicTable(t *testing.T) {
	s := New(filepath.Join(t.TempDir(), "kith.db"), WithLockTimeout(200*time.Millisecond))
	if got, err := s.TopicTable(); err != nil || len(got.IDs) != 0 {
		t.Fatalf("no database: %+v, %v; want no asks", got, err)
	}
	topics := []string{"aerospace", "", "Zoë's café", "aerospace", ""}
	var ids []uint64
	err := s.Batch(t0, func(tx *Tx) error {
		if err := tx.AddFriend(&Friend{Name: "Ada"}); err != nil {
			return err
		}
		for _, topic := range topics {
			a := Ask{FriendID: 1, Kind: KindChat, Status: StatusDraft, Topic: topic, Body: "a long body", Created: t0}
			if err := tx.AddAsk(&a); err != nil {
				return err
			}
			ids = append(ids, a.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, s *Store) {
		t.Helper()
		tt, err := s.TopicTable()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(tt.Topics) != 3 {
			t.Errorf("%s: distinct topics %q, want 3", name, tt.Topics)
		}
		for i, id := range ids {
			at, ok := tt.Topic(id)
			if !ok || tt.Topics[at] != topics[i] {
				t.Errorf("%s: ask %d: topic %d (%v), want %q", name, id, at, ok, topics[i])
			}
		}
		if _, ok := tt.Topic(999); ok {
			t.Errorf("%s: ask 999 has a topic, want none", name)
		}
	}
	check("one read", s)
	c := New(s.Path())
	c.chunkHold, c.chunkEvery = 0, 1 // a chunk per entry
	check("in chunks", c)
	damage(t, s, flipValue(bucketAsks, itob(ids[0]), 5))
	_, err = s.TopicTable()
	wantDamaged(t, "TopicTable with a damaged ask", err)
}
