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
