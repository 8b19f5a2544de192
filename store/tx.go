package store

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Tx is one read-write transaction over every record kind, for work that
// must be all or nothing (an import, the demo network). Obtain one with
// Store.Batch; it is only valid inside the callback.
type Tx struct {
	tx  *bolt.Tx
	now time.Time
	// The counts and the summaries a transaction changes are kept here
	// and written once, by flush: a demo fill of 10,000 friends and
	// 100,000 asks changed the counts record 110,000 times.
	counts *counts
	sums   map[uint64]summary
	coll   *Collator // the name index's, made at the first friend written
}

// flush writes the counts and summaries changed so far. Batch calls it
// before the commit, and every read of the Tx before it reads.
func (t *Tx) flush() error {
	if t.counts != nil {
		if err := t.bucket(bucketMeta).Put(keyCounts, encodeCounts(*t.counts)); err != nil {
			return err
		}
		t.counts = nil
	}
	if len(t.sums) > 0 {
		ids := slices.Sorted(maps.Keys(t.sums))
		b := t.bucket(bucketSummaries)
		for _, id := range ids {
			if err := b.Put(itob(id), encodeSummary(id, t.sums[id])); err != nil {
				return err
			}
		}
		clear(t.sums)
	}
	return nil
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
	return t.addValid(f)
}

// addValid is AddFriend of a friend already normalised and validated.
func (t *Tx) addValid(f *Friend) error {
	id, err := t.nextID(bucketFriends)
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
	return t.insertFriend(f)
}

// insertFriend writes a new friend under f.ID, with an empty summary.
func (t *Tx) insertFriend(f *Friend) error {
	if err := t.bucket(bucketFriends).Put(itob(f.ID), encodeFriend(f)); err != nil {
		return err
	}
	if err := t.indexFriend(nil, f); err != nil {
		return err
	}
	t.setSummary(f.ID, summary{})
	return t.count(func(c *counts) { c.friends++ })
}

func (t *Tx) setSummary(id uint64, s summary) {
	if t.sums == nil {
		t.sums = make(map[uint64]summary)
	}
	t.sums[id] = s
}

// nextID returns the next id of bucket name. An id already taken means
// the bucket's sequence is damaged.
func (t *Tx) nextID(name []byte) (uint64, error) {
	b := t.bucket(name)
	id, err := b.NextSequence()
	if err != nil {
		return 0, err
	}
	if id == 0 {
		return 0, fmt.Errorf("%s: every id is used up", name)
	}
	if b.Get(itob(id)) != nil {
		return 0, fmt.Errorf("%s: the next id, %d, is taken: %w", name, id, errCorrupt)
	}
	return id, nil
}

// count changes the counts record (written by flush).
func (t *Tx) count(fn func(c *counts)) error {
	if t.counts == nil {
		c, err := getCounts(t.tx)
		if err != nil {
			return err
		}
		t.counts = &c
	}
	fn(t.counts)
	return nil
}

// summarize changes the summary of friend id (written by flush).
func (t *Tx) summarize(id uint64, fn func(s *summary)) error {
	s, ok := t.sums[id]
	if !ok {
		var err error
		if s, err = getSummary(t.tx, id); err != nil {
			return err
		}
	}
	fn(&s)
	t.setSummary(id, s)
	return nil
}

// PutFriend replaces an existing friend and sets f.Updated.
func (t *Tx) PutFriend(f *Friend) error {
	f.Normalize()
	if err := f.Validate(); err != nil {
		return err
	}
	old, err := getFriend(t.tx, f.ID)
	if err != nil {
		return err
	}
	f.Updated = t.now
	if err := t.indexFriend(&old, f); err != nil {
		return err
	}
	return t.bucket(bucketFriends).Put(itob(f.ID), encodeFriend(f))
}

// Friend returns the friend with id.
func (t *Tx) Friend(id uint64) (Friend, error) { return getFriend(t.tx, id) }

// Friends returns every friend in id order.
func (t *Tx) Friends() ([]Friend, error) {
	if err := t.flush(); err != nil {
		return nil, err
	}
	return allFriends(t.tx)
}

// AddAsk stores a new ask for an existing friend, setting a.ID.
func (t *Tx) AddAsk(a *Ask) error {
	if a.Created.IsZero() {
		a.Created = t.now
	}
	if err := a.Validate(); err != nil {
		return err
	}
	if err := hasFriend(t.tx, a.FriendID); err != nil {
		return err
	}
	id, err := t.nextID(bucketAsks)
	if err != nil {
		return err
	}
	a.ID = id
	return t.insertAsk(a)
}

func (t *Tx) insertAsk(a *Ask) error {
	if err := t.putAsk(a); err != nil {
		return err
	}
	if err := t.summarize(a.FriendID, func(s *summary) {
		s.asks++
		if a.Status.Made() {
			s.lastMade = max(s.lastMade, nanos(a.At()))
		}
	}); err != nil {
		return err
	}
	return t.count(func(c *counts) { c.asks++ })
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
	ix := t.bucket(bucketAsksByFriend)
	oldKey := historyKey(old.FriendID, old.At(), old.ID)
	if _, err := decodeAskHead(oldKey, ix.Get(oldKey), nil); err != nil {
		return fmt.Errorf("ask %d: its index entry: %w", a.ID, err)
	}
	if err := ix.Delete(oldKey); err != nil {
		return err
	}
	if err := t.putAsk(a); err != nil {
		return err
	}
	// The status or the time may have changed either way: the latest
	// made ask is read again from the friend's index entries.
	last, err := lastMade(t.tx, a.FriendID)
	if err != nil {
		return err
	}
	return t.summarize(a.FriendID, func(s *summary) { s.lastMade = last })
}

func (t *Tx) putAsk(a *Ask) error {
	if err := t.bucket(bucketAsks).Put(itob(a.ID), encodeAsk(a)); err != nil {
		return err
	}
	k := historyKey(a.FriendID, a.At(), a.ID)
	return t.bucket(bucketAsksByFriend).Put(k, encodeAskHead(k, a))
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
	if err := hasFriend(t.tx, v.FriendID); err != nil {
		return err
	}
	id, err := t.nextID(bucketFavors)
	if err != nil {
		return err
	}
	v.ID = id
	return t.insertFavor(v)
}

func (t *Tx) insertFavor(v *Favor) error {
	if err := t.bucket(bucketFavors).Put(itob(v.ID), encodeFavor(v)); err != nil {
		return err
	}
	k := historyKey(v.FriendID, v.At, v.ID)
	if err := t.bucket(bucketFavorsByFriend).Put(k, encodeFavorHead(k, v)); err != nil {
		return err
	}
	if err := t.summarize(v.FriendID, func(s *summary) { s.favors++ }); err != nil {
		return err
	}
	return t.count(func(c *counts) { c.favors++ })
}

// PutProfile replaces the profile.
func (t *Tx) PutProfile(p Profile) error {
	p.migrateBlurb()
	if err := p.Validate(); err != nil {
		return err
	}
	if _, err := getProfile(t.tx); err != nil {
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

// restore writes the records of snap with fresh ids, used by import of a
// kith export into an empty database. Ids are given in the order of the
// export's own (so an export of ids 1…n keeps them), and each ask and
// favor follows its friend to the friend's new id: an export's ids, 10⁹
// or 2⁶⁴−1, never become the database's sequence. snap is changed to
// hold the new ids.
func (t *Tx) restore(snap *Snapshot) error {
	byID := func(n int, id func(int) uint64) []int {
		order := make([]int, n)
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(id(a), id(b)) })
		return order
	}
	newID := make(map[uint64]uint64, len(snap.Friends))
	for _, i := range byID(len(snap.Friends), func(i int) uint64 { return snap.Friends[i].ID }) {
		f := &snap.Friends[i]
		if err := f.Validate(); err != nil {
			return fmt.Errorf("friend %d: %w", f.ID, err)
		}
		if _, seen := newID[f.ID]; f.ID == 0 || seen {
			return fmt.Errorf("friend %d: id is zero or repeated", f.ID)
		}
		id, err := t.nextID(bucketFriends)
		if err != nil {
			return err
		}
		newID[f.ID], f.ID = id, id
		if err := t.insertFriend(f); err != nil {
			return err
		}
	}
	seen := make(map[uint64]bool, len(snap.Asks))
	for _, i := range byID(len(snap.Asks), func(i int) uint64 { return snap.Asks[i].ID }) {
		a := &snap.Asks[i]
		if err := a.Validate(); err != nil {
			return fmt.Errorf("ask %d: %w", a.ID, err)
		}
		if a.ID == 0 || seen[a.ID] {
			return fmt.Errorf("ask %d: id is zero or repeated", a.ID)
		}
		seen[a.ID] = true
		fid, ok := newID[a.FriendID]
		if !ok {
			return fmt.Errorf("ask %d: friend %d: %w", a.ID, a.FriendID, ErrNotFound)
		}
		id, err := t.nextID(bucketAsks)
		if err != nil {
			return err
		}
		a.ID, a.FriendID = id, fid
		if err := t.insertAsk(a); err != nil {
			return err
		}
	}
	clear(seen)
	for _, i := range byID(len(snap.Favors), func(i int) uint64 { return snap.Favors[i].ID }) {
		v := &snap.Favors[i]
		if err := v.Validate(); err != nil {
			return fmt.Errorf("favor %d: %w", v.ID, err)
		}
		if v.ID == 0 || seen[v.ID] {
			return fmt.Errorf("favor %d: id is zero or repeated", v.ID)
		}
		seen[v.ID] = true
		fid, ok := newID[v.FriendID]
		if !ok {
			return fmt.Errorf("favor %d: friend %d: %w", v.ID, v.FriendID, ErrNotFound)
		}
		id, err := t.nextID(bucketFavors)
		if err != nil {
			return err
		}
		v.ID, v.FriendID = id, fid
		if err := t.insertFavor(v); err != nil {
			return err
		}
	}
	if err := t.PutProfile(snap.Profile); err != nil {
		return err
	}
	return t.flush()
}
