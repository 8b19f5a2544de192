package store

import (
	"bytes"
	"errors"
	"fmt"
	"time"
)

// This file holds Undo, the operation that takes back the last outcome,
// thank-you, mark-as-sent or archive, and the record of that change,
// which the operations of ops.go write in the transaction of the change.
// The record lives in the database (the meta bucket), so `kith undo`
// takes back what the TUI did and `u` in the TUI what `kith outcome` did.

// UndoFor is how long the last change can be undone: long enough to
// notice a slip in the same sitting, from the TUI or a shell, short
// enough that an undo never takes back something long forgotten.
const UndoFor = time.Hour

// The changes Undo takes back, as it names them.
const (
	changeOutcome = "outcome"
	changeSent    = "mark as sent"
	changeThanks  = "thank-you"
	changeArchive = "archive"
	changeRestore = "restore"
)

// ErrNothingToUndo is returned by Undo when there is no change to take
// back: none recorded, one older than UndoFor, or one whose record has
// changed since.
var ErrNothingToUndo = errors.New("nothing to undo")

// undoError is an ErrNothingToUndo that says why.
type undoError struct{ msg string }

func (e *undoError) Error() string        { return e.msg }
func (e *undoError) Is(target error) bool { return target == ErrNothingToUndo }

// raw is a copy of the stored value of record id in bucket (nil if none).
func (t *Tx) raw(bucket []byte, id uint64) []byte {
	return bytes.Clone(t.tx.Bucket(bucket).Get(itob(id)))
}

// remember records the change just made to record id of bucket, whose
// value was before, as the one Undo takes back (replacing any earlier
// one). A write that left the record as it was is no change.
func (t *Tx) remember(what string, bucket []byte, id uint64, before []byte) error {
	after := t.raw(bucket, id)
	if bytes.Equal(before, after) {
		return nil
	}
	c := change{what: what, at: t.now, bucket: string(bucket), id: id, before: before, after: after}
	return t.bucket(bucketMeta).Put(keyUndo, encodeChange(&c))
}

// Undone is what Undo took back: the change (What), and the record as it
// is now. Redo is set when the change taken back was itself an undo.
type Undone struct {
	What   string
	Redo   bool
	At     time.Time // when the change taken back was made
	Ask    *Ask      // the ask as it is now; nil for an archive or restore
	Friend Friend    // the friend, as they are now
	// Thanks is set when the thank-you is what changed.
	Thanks bool
}

// String is what both front ends say: "Undid the outcome: your chat ask
// to Ada Lovelace (ask 12) is sent again."
func (u *Undone) String() string {
	verb := "Undid"
	if u.Redo {
		verb = "Redid"
	}
	if u.Ask == nil {
		state := "back in your list"
		if u.Friend.Archived {
			state = "archived again"
		}
		return fmt.Sprintf("%s the %s: %s is %s.", verb, u.What, u.Friend.Name, state)
	}
	state := string(u.Ask.Status) + " again"
	if u.Thanks {
		state = string(u.Ask.Status) + ", not thanked"
		if !u.Ask.Thanked.IsZero() {
			state = string(u.Ask.Status) + " and thanked"
		}
	}
	return fmt.Sprintf("%s the %s: your %s ask to %s (ask %d) is %s.", verb, u.What, u.Ask.Kind, u.Friend.Name, u.Ask.ID, state)
}

// Undo takes back the last outcome, thank-you, mark-as-sent or archive
// (of RecordOutcome, Thank, MarkSent, SaveDraft marking sent, SetArchived
// or EditFriend changing Archived), made within UndoFor of the
// transaction's now: the record is put back as it was before, through
// PutAsk or PutFriend. It refuses (ErrNothingToUndo, saying why) when
// there is none, when it is older, or when the record has changed since
// (putting it back would lose that). The undo is itself the last change:
// a second Undo redoes what the first took back.
func (t *Tx) Undo() (Undone, error) {
	v := t.tx.Bucket(bucketMeta).Get(keyUndo)
	if v == nil {
		return Undone{}, &undoError{"nothing to undo: kith keeps the last outcome, thank-you, mark-as-sent or archive for an hour, and none was made"}
	}
	c, err := decodeChange(v)
	if err != nil {
		return Undone{}, corruptf("meta: the record of the last change")
	}
	u := Undone{What: c.what, Redo: c.undone, At: c.at}
	verb := "undo"
	if c.undone {
		verb = "redo"
	}
	if age := t.now.Sub(c.at); age > UndoFor {
		return Undone{}, &undoError{fmt.Sprintf("nothing to %s: the last change (the %s, %s) was made more than an hour ago, and kith keeps it for an hour; change it again instead",
			verb, c.what, c.at.Local().Format("2 Jan 15:04"))}
	}
	bucket, key := []byte(c.bucket), itob(c.id)
	cur := t.raw(bucket, c.id)
	switch c.bucket {
	case string(bucketAsks):
		a, err := decodeAsk(key, c.before)
		if err != nil {
			return Undone{}, corruptf("meta: the record of the last change")
		}
		if !bytes.Equal(cur, c.after) {
			return Undone{}, &undoError{fmt.Sprintf("cannot %s the %s of ask %d: the ask has changed since, and putting it back would lose that; nothing was changed", verb, c.what, c.id)}
		}
		was, err := decodeAsk(key, cur)
		if err != nil {
			return Undone{}, fmt.Errorf("ask %d: %w", c.id, err)
		}
		if err := t.PutAsk(&a); err != nil {
			return Undone{}, err
		}
		if u.Friend, err = t.Friend(a.FriendID); err != nil {
			return Undone{}, err
		}
		u.Ask = &a
		u.Thanks = a.Status == was.Status && a.Thanked.IsZero() != was.Thanked.IsZero()
	case string(bucketFriends):
		f, err := decodeFriend(key, c.before)
		if err != nil {
			return Undone{}, corruptf("meta: the record of the last change")
		}
		if !bytes.Equal(cur, c.after) {
			return Undone{}, &undoError{fmt.Sprintf("cannot %s the %s of %s: they have changed since, and putting them back would lose that; nothing was changed", verb, c.what, f.Name)}
		}
		if err := t.PutFriend(&f); err != nil {
			return Undone{}, err
		}
		u.Friend = f
	}
	r := change{what: c.what, at: t.now, bucket: c.bucket, id: c.id, before: cur, after: t.raw(bucket, c.id), undone: !c.undone}
	return u, t.bucket(bucketMeta).Put(keyUndo, encodeChange(&r))
}
