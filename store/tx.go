package store

import (
	"bytes"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Tx is one read-write transaction over every record kind, for work that
// must be all or nothing (an import, the demo network). Obtain one with
// Store.Batch; it is only valid inside the callback.
type Tx struct {
	tx  *bolt.Tx
	now time.Time
}

// bucket returns a bucket for writing, packed to suit its keys.
func (t *Tx) bucket(name []byte) *bolt.Bucket {
	b := t.tx.Bucket(name)
	b.FillPercent = fillPercent(name)
	return b
}

// AddFriend stores a new friend, setting f.ID, and Created and Updated
// when they are zero.
func (t *Tx) AddFriend(f *Friend) error {
	f.Normalize()
	if err := f.Validate(); err != nil {
		return err
	}
	b := t.bucket(bucketFriends)
	id, err := b.NextSequence()
	if err != nil {
		return err
	}
	f.ID = id
	if f.Created.IsZero() {
		f.Created = t.now
	}
	if f.Updated.IsZero() {
		f.Updated = f.Created
	}
	return b.Put(itob(id), encodeFriend(f))
}

// PutFriend replaces an existing friend and sets f.Updated.
func (t *Tx) PutFriend(f *Friend) error {
	f.Normalize()
	if err := f.Validate(); err != nil {
		return err
	}
	b := t.bucket(bucketFriends)
	if b.Get(itob(f.ID)) == nil {
		return fmt.Errorf("friend %d: %w", f.ID, ErrNotFound)
	}
	f.Updated = t.now
	return b.Put(itob(f.ID), encodeFriend(f))
}

// Friend returns the friend with id.
func (t *Tx) Friend(id uint64) (Friend, error) { return getFriend(t.tx, id) }

// Friends returns every friend in id order.
func (t *Tx) Friends() ([]Friend, error) { return allFriends(t.tx) }

// AddAsk stores a new ask for an existing friend, setting a.ID.
func (t *Tx) AddAsk(a *Ask) error {
	if a.Created.IsZero() {
		a.Created = t.now
	}
	if err := a.Validate(); err != nil {
		return err
	}
	if t.bucket(bucketFriends).Get(itob(a.FriendID)) == nil {
		return fmt.Errorf("friend %d: %w", a.FriendID, ErrNotFound)
	}
	b := t.bucket(bucketAsks)
	id, err := b.NextSequence()
	if err != nil {
		return err
	}
	a.ID = id
	return t.putAsk(a)
}

// PutAsk replaces an existing ask, keeping the index in step.
func (t *Tx) PutAsk(a *Ask) error {
	if err := a.Validate(); err != nil {
		return err
	}
	old, err := getAsk(t.tx, a.ID)
	if err != nil {
		return err
	}
	if old.FriendID != a.FriendID {
		return &FieldError{Field: "friend", Msg: "an ask cannot move to another friend"}
	}
	if err := t.bucket(bucketAsksByFriend).Delete(historyKey(old.FriendID, old.At(), old.ID)); err != nil {
		return err
	}
	return t.putAsk(a)
}

func (t *Tx) putAsk(a *Ask) error {
	if err := t.bucket(bucketAsks).Put(itob(a.ID), encodeAsk(a)); err != nil {
		return err
	}
	return t.bucket(bucketAsksByFriend).Put(historyKey(a.FriendID, a.At(), a.ID), encodeAskHead(a))
}

// AddFavor logs a new favor for an existing friend, setting v.ID (and
// v.At, when zero, to the transaction's now).
func (t *Tx) AddFavor(v *Favor) error {
	v.Normalize()
	if v.At.IsZero() {
		v.At = t.now
	}
	if err := v.Validate(); err != nil {
		return err
	}
	if t.bucket(bucketFriends).Get(itob(v.FriendID)) == nil {
		return fmt.Errorf("friend %d: %w", v.FriendID, ErrNotFound)
	}
	b := t.bucket(bucketFavors)
	id, err := b.NextSequence()
	if err != nil {
		return err
	}
	v.ID = id
	if err := b.Put(itob(id), encodeFavor(v)); err != nil {
		return err
	}
	return t.bucket(bucketFavorsByFriend).Put(historyKey(v.FriendID, v.At, id), nil)
}

// PutProfile replaces the profile.
func (t *Tx) PutProfile(p Profile) error {
	if err := p.Validate(); err != nil {
		return err
	}
	v, err := encodeProfile(&p)
	if err != nil {
		return err
	}
	return t.bucket(bucketProfile).Put(keyProfile, v)
}

// Profile returns the profile (the default one if none was saved).
func (t *Tx) Profile() (Profile, error) { return getProfile(t.tx) }

// Empty reports whether the database holds no friends.
func (t *Tx) Empty() bool { return isEmpty(t.tx) }

func isEmpty(tx *bolt.Tx) bool {
	k, _ := tx.Bucket(bucketFriends).Cursor().First()
	return k == nil
}

// restore writes records with their ids as given, used by import of a
// kith export. It also advances each bucket's sequence past the ids.
func (t *Tx) restore(snap *Snapshot) error {
	for i := range snap.Friends {
		f := &snap.Friends[i]
		if err := f.Validate(); err != nil {
			return fmt.Errorf("friend %d: %w", f.ID, err)
		}
		if f.ID == 0 || t.bucket(bucketFriends).Get(itob(f.ID)) != nil {
			return fmt.Errorf("friend %d: id is zero or repeated", f.ID)
		}
		if err := t.bucket(bucketFriends).Put(itob(f.ID), encodeFriend(f)); err != nil {
			return err
		}
	}
	for i := range snap.Asks {
		a := &snap.Asks[i]
		if err := a.Validate(); err != nil {
			return fmt.Errorf("ask %d: %w", a.ID, err)
		}
		if a.ID == 0 || t.bucket(bucketAsks).Get(itob(a.ID)) != nil {
			return fmt.Errorf("ask %d: id is zero or repeated", a.ID)
		}
		if t.bucket(bucketFriends).Get(itob(a.FriendID)) == nil {
			return fmt.Errorf("ask %d: friend %d: %w", a.ID, a.FriendID, ErrNotFound)
		}
		if err := t.putAsk(a); err != nil {
			return err
		}
	}
	for i := range snap.Favors {
		v := &snap.Favors[i]
		if err := v.Validate(); err != nil {
			return fmt.Errorf("favor %d: %w", v.ID, err)
		}
		if v.ID == 0 || t.bucket(bucketFavors).Get(itob(v.ID)) != nil {
			return fmt.Errorf("favor %d: id is zero or repeated", v.ID)
		}
		if t.bucket(bucketFriends).Get(itob(v.FriendID)) == nil {
			return fmt.Errorf("favor %d: friend %d: %w", v.ID, v.FriendID, ErrNotFound)
		}
		if err := t.bucket(bucketFavors).Put(itob(v.ID), encodeFavor(v)); err != nil {
			return err
		}
		if err := t.bucket(bucketFavorsByFriend).Put(historyKey(v.FriendID, v.At, v.ID), nil); err != nil {
			return err
		}
	}
	for _, name := range [][]byte{bucketFriends, bucketAsks, bucketFavors} {
		b := t.bucket(name)
		if k, _ := b.Cursor().Last(); k != nil && btoi(k) > b.Sequence() {
			if err := b.SetSequence(btoi(k)); err != nil {
				return err
			}
		}
	}
	return t.PutProfile(snap.Profile)
}

func getFriend(tx *bolt.Tx, id uint64) (Friend, error) {
	v := tx.Bucket(bucketFriends).Get(itob(id))
	if v == nil {
		return Friend{}, fmt.Errorf("friend %d: %w", id, ErrNotFound)
	}
	return decodeFriend(v)
}

func getAsk(tx *bolt.Tx, id uint64) (Ask, error) {
	v := tx.Bucket(bucketAsks).Get(itob(id))
	if v == nil {
		return Ask{}, fmt.Errorf("ask %d: %w", id, ErrNotFound)
	}
	return decodeAsk(v)
}

func getProfile(tx *bolt.Tx) (Profile, error) {
	v := tx.Bucket(bucketProfile).Get(keyProfile)
	if v == nil {
		return DefaultProfile(), nil
	}
	return decodeProfile(v)
}

func allFriends(tx *bolt.Tx) ([]Friend, error) {
	// Copy every value out of the transaction into one buffer and make
	// one string of it: each friend's text is a substring of that, and
	// their e-mails, phones and sectors share one backing array. At 100k
	// friends that is a handful of allocations instead of 460,000.
	b := tx.Bucket(bucketFriends)
	n := b.Sequence() // the highest id given: a capacity hint for free
	buf := make([]byte, 0, 192*n)
	ends := make([]int, 0, n)
	ids := make([]uint64, 0, n)
	err := b.ForEach(func(k, v []byte) error {
		buf = append(buf, v...)
		ends = append(ends, len(buf))
		ids = append(ids, btoi(k))
		return nil
	})
	if err != nil {
		return nil, err
	}
	all := string(buf)
	buf = nil
	out := make([]Friend, len(ends))
	var pools friendPools
	start := 0
	for i, end := range ends {
		d := decoder[string]{s: all[start:end], pools: &pools}
		if err := decodeFriendInto(&out[i], &d); err != nil {
			return nil, fmt.Errorf("friend %d: %w", ids[i], err)
		}
		start = end
	}
	return out, nil
}

// history returns one friend's asks (full records) and favors, oldest
// first, by a range scan of the by-friend indexes.
func history(tx *bolt.Tx, friendID uint64) ([]Ask, []Favor, error) {
	prefix := itob(friendID)
	var asks []Ask
	c := tx.Bucket(bucketAsksByFriend).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		a, err := getAsk(tx, historyID(k))
		if err != nil {
			return nil, nil, err
		}
		asks = append(asks, a)
	}
	var favors []Favor
	fb := tx.Bucket(bucketFavors)
	c = tx.Bucket(bucketFavorsByFriend).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		v := fb.Get(itob(historyID(k)))
		if v == nil {
			return nil, nil, fmt.Errorf("favor %d: %w", historyID(k), ErrCorrupt)
		}
		fv, err := decodeFavor(v)
		if err != nil {
			return nil, nil, err
		}
		favors = append(favors, fv)
	}
	return asks, favors, nil
}
