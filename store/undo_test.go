package store

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// undo runs Undo at now.
func undo(s *Store, now time.Time) (Undone, error) {
	var u Undone
	err := s.Batch(now, func(tx *Tx) (err error) {
		u, err = tx.Undo()
		return err
	})
	return u, err
}

// sentAsk stores a chat ask to Ada (friend 1), sent at t0, and returns it.
func sentAsk(t *testing.T, s *Store) Ask {
	t.Helper()
	a := Ask{FriendID: 1, Kind: KindChat, Status: StatusSent, Topic: "rockets"}
	batch(t, s, t0, func(tx *Tx) error { return tx.RecordAsk(&a) })
	return a
}

func TestUndoTakesBackEachChange(t *testing.T) {
	yes := true
	tests := []struct {
		name   string
		change func(tx *Tx, id uint64) error
		check  func(a Ask, f Friend) bool
		says   string
	}{
		{"outcome", func(tx *Tx, id uint64) error {
			_, err := tx.RecordOutcome(id, Outcome{Status: StatusDeclined})
			return err
		}, func(a Ask, _ Friend) bool { return a.Status == StatusSent && a.Resolved.IsZero() },
			"Undid the outcome: your chat ask to Ada (ask 1) is sent again."},
		{"thank-you", func(tx *Tx, id uint64) error {
			if _, err := tx.RecordOutcome(id, Outcome{Status: StatusHelped}); err != nil {
				return err
			}
			_, err := tx.RecordOutcome(id, Outcome{Thanked: &yes})
			return err
		}, func(a Ask, _ Friend) bool { return a.Status == StatusHelped && a.Thanked.IsZero() },
			"Undid the thank-you: your chat ask to Ada (ask 1) is helped, not thanked."},
		{"mark as sent", func(tx *Tx, id uint64) error {
			if _, err := tx.RecordOutcome(id, Outcome{Status: StatusDraft}); err != nil {
				return err
			}
			_, err := tx.MarkSent(id, time.Time{})
			return err
		}, func(a Ask, _ Friend) bool { return a.Status == StatusDraft && a.Sent.IsZero() },
			"Undid the mark as sent: your chat ask to Ada (ask 1) is draft again."},
		{"archive", func(tx *Tx, _ uint64) error {
			_, err := tx.SetArchived(1, true)
			return err
		}, func(_ Ask, f Friend) bool { return !f.Archived },
			"Undid the archive: Ada is back in your list."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := opsStore(t)
			a := sentAsk(t, s)
			batch(t, s, t0.Add(time.Minute), func(tx *Tx) error { return tt.change(tx, a.ID) })
			// Another Store on the same file, as `kith undo` after the TUI.
			other := New(s.Path())
			u, err := undo(other, t0.Add(10*time.Minute))
			if err != nil {
				t.Fatal(err)
			}
			got, _ := s.Ask(a.ID)
			f, _ := s.Friend(1)
			if !tt.check(got, f) {
				t.Errorf("after undo: ask %+v, friend archived %v", got, f.Archived)
			}
			if u.String() != tt.says {
				t.Errorf("undo says %q, want %q", u.String(), tt.says)
			}
			// A second undo redoes it.
			u, err = undo(s, t0.Add(11*time.Minute))
			if err != nil {
				t.Fatal(err)
			}
			got, _ = s.Ask(a.ID)
			f, _ = s.Friend(1)
			if tt.check(got, f) || !u.Redo || !strings.HasPrefix(u.String(), "Redid the "+tt.name) {
				t.Errorf("redo: %q, ask %+v, friend archived %v", u.String(), got, f.Archived)
			}
		})
	}
}

func TestUndoRefuses(t *testing.T) {
	s := opsStore(t)
	if _, err := undo(s, t0); !errors.Is(err, ErrNothingToUndo) || !strings.Contains(err.Error(), "none was made") {
		t.Errorf("nothing done: err %v, want ErrNothingToUndo saying none was made", err)
	}
	a := sentAsk(t, s)
	if _, err := undo(s, t0); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("only a new ask recorded: err %v, want ErrNothingToUndo", err)
	}
	batch(t, s, t0, func(tx *Tx) error {
		_, err := tx.RecordOutcome(a.ID, Outcome{Status: StatusHelped})
		return err
	})
	if _, err := undo(s, t0.Add(UndoFor+time.Second)); !errors.Is(err, ErrNothingToUndo) || !strings.Contains(err.Error(), "more than an hour ago") {
		t.Errorf("too old: err %v, want ErrNothingToUndo saying it is too old", err)
	}
	// Changed since (a note, not an undoable change): putting the old
	// record back would lose the note.
	note := "she sent slides"
	batch(t, s, t0.Add(time.Minute), func(tx *Tx) error {
		_, err := tx.RecordOutcome(a.ID, Outcome{Note: &note})
		return err
	})
	batch(t, s, t0.Add(2*time.Minute), func(tx *Tx) error {
		_, err := tx.EditFriend(1, FriendPatch{Role: &note})
		return err
	})
	batch(t, s, t0.Add(3*time.Minute), func(tx *Tx) error {
		_, err := tx.SetArchived(1, true)
		return err
	})
	batch(t, s, t0.Add(4*time.Minute), func(tx *Tx) error {
		org := "Initech"
		_, err := tx.EditFriend(1, FriendPatch{Org: &org})
		return err
	})
	_, err := undo(s, t0.Add(5*time.Minute))
	if !errors.Is(err, ErrNothingToUndo) || !strings.Contains(err.Error(), "changed since") {
		t.Errorf("changed since: err %v, want ErrNothingToUndo saying it changed", err)
	}
	if f, _ := s.Friend(1); !f.Archived || f.Org != "Initech" {
		t.Errorf("a refused undo changed the friend: archived %v org %q", f.Archived, f.Org)
	}
}

// The same outcome again is no change, and leaves the last one to undo.
func TestUndoIgnoresNoChange(t *testing.T) {
	s := opsStore(t)
	a := sentAsk(t, s)
	for i := range 2 {
		batch(t, s, t0.Add(time.Duration(i)*time.Minute), func(tx *Tx) error {
			_, err := tx.RecordOutcome(a.ID, Outcome{Status: StatusHelped})
			return err
		})
	}
	if _, err := undo(s, t0.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Ask(a.ID); got.Status != StatusSent {
		t.Errorf("status %s after undo, want sent", got.Status)
	}
}
