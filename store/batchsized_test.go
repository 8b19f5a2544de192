package store

import (
	"errors"
	"path/filepath"
	"testing"
	"time"
)

// BatchSized is Batch with the file mapped larger: all or nothing, and
// the times stamped with now.
func TestBatchSized(t *testing.T) {
	s := New(filepath.Join(t.TempDir(), "k.db"))
	now := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	boom := errors.New("boom")
	for _, hint := range []int{0, 64 << 20} {
		err := s.BatchSized(now, hint, func(tx *Tx) error {
			if err := tx.AddFriend(&Friend{Name: "Gone"}); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("hint %d: %v, want the callback's error", hint, err)
		}
		if err := s.BatchSized(now, hint, func(tx *Tx) error { return tx.AddFriend(&Friend{Name: "Ada"}) }); err != nil {
			t.Fatal(err)
		}
	}
	fs, err := s.Friends()
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 2 || fs[0].Name != "Ada" || !fs[0].Created.Equal(now) {
		t.Errorf("friends %+v, want two Adas made at now and no Gone", fs)
	}
	if r, err := s.Verify(); err != nil || len(r.Problems) > 0 {
		t.Errorf("verify: %v %v", r, err)
	}
}
