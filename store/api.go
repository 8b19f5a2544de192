package store

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Batch runs fn in one durable read-write transaction: everything fn does
// is written, or nothing is. now stamps records whose times are unset.
func (s *Store) Batch(now time.Time, fn func(tx *Tx) error) error {
	return s.update(func(tx *bolt.Tx) error {
		return fn(&Tx{tx: tx, now: now.UTC()})
	})
}

func (s *Store) write(fn func(tx *Tx) error) error {
	return s.Batch(time.Now(), fn)
}

// AddFriend stores a new friend and sets its ID and times.
func (s *Store) AddFriend(f *Friend) error {
	// Validate before opening, so a rejected record never creates the file.
	f.Normalize()
	if err := f.Validate(); err != nil {
		return err
	}
	return s.write(func(tx *Tx) error { return tx.AddFriend(f) })
}

// PutFriend replaces an existing friend.
func (s *Store) PutFriend(f *Friend) error {
	f.Normalize()
	if err := f.Validate(); err != nil {
		return err
	}
	return s.write(func(tx *Tx) error { return tx.PutFriend(f) })
}

// AddAsk stores a new ask and sets its ID.
func (s *Store) AddAsk(a *Ask) error {
	if a.Created.IsZero() {
		a.Created = time.Now()
	}
	if err := a.Validate(); err != nil {
		return err
	}
	if !s.Exists() {
		return fmt.Errorf("friend %d: %w", a.FriendID, ErrNotFound)
	}
	return s.write(func(tx *Tx) error { return tx.AddAsk(a) })
}

// PutAsk replaces an existing ask.
func (s *Store) PutAsk(a *Ask) error {
	return s.write(func(tx *Tx) error { return tx.PutAsk(a) })
}

// AddFavor stores a new favor and sets its ID.
func (s *Store) AddFavor(v *Favor) error {
	if v.At.IsZero() {
		v.At = time.Now()
	}
	if err := v.Validate(); err != nil {
		return err
	}
	if !s.Exists() {
		return fmt.Errorf("friend %d: %w", v.FriendID, ErrNotFound)
	}
	return s.write(func(tx *Tx) error { return tx.AddFavor(v) })
}

// PutProfile replaces the profile.
func (s *Store) PutProfile(p Profile) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return s.write(func(tx *Tx) error { return tx.PutProfile(p) })
}

// Profile returns the profile, or the default one if none was saved.
func (s *Store) Profile() (Profile, error) {
	p := DefaultProfile()
	err := s.view(func(tx *bolt.Tx) (err error) {
		p, err = getProfile(tx)
		return err
	})
	return p, err
}

// Friend returns the friend with id, or an error wrapping ErrNotFound.
func (s *Store) Friend(id uint64) (Friend, error) {
	var f Friend
	found := false
	err := s.view(func(tx *bolt.Tx) (err error) {
		f, err = getFriend(tx, id)
		found = err == nil
		return err
	})
	if err == nil && !found {
		err = fmt.Errorf("friend %d: %w", id, ErrNotFound)
	}
	return f, err
}

// Friends returns every friend, archived ones included, in id order.
func (s *Store) Friends() ([]Friend, error) {
	var out []Friend
	err := s.view(func(tx *bolt.Tx) (err error) {
		out, err = allFriends(tx)
		return err
	})
	return out, err
}

// Ask returns the ask with id, or an error wrapping ErrNotFound.
func (s *Store) Ask(id uint64) (Ask, error) {
	var a Ask
	found := false
	err := s.view(func(tx *bolt.Tx) (err error) {
		a, err = getAsk(tx, id)
		found = err == nil
		return err
	})
	if err == nil && !found {
		err = fmt.Errorf("ask %d: %w", id, ErrNotFound)
	}
	return a, err
}

// Asks returns every ask, full records, in id order.
func (s *Store) Asks() ([]Ask, error) {
	var out []Ask
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketAsks).ForEach(func(k, v []byte) error {
			a, err := decodeAsk(v)
			if err != nil {
				return fmt.Errorf("ask %d: %w", btoi(k), err)
			}
			out = append(out, a)
			return nil
		})
	})
	return out, err
}

// Favors returns every favor in id order.
func (s *Store) Favors() ([]Favor, error) {
	var out []Favor
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketFavors).ForEach(func(k, v []byte) error {
			f, err := decodeFavor(v)
			if err != nil {
				return fmt.Errorf("favor %d: %w", btoi(k), err)
			}
			out = append(out, f)
			return nil
		})
	})
	return out, err
}

// History returns one friend's asks and favors, full records, oldest
// first. It is a range scan of the by-friend indexes.
func (s *Store) History(friendID uint64) ([]Ask, []Favor, error) {
	var asks []Ask
	var favors []Favor
	err := s.view(func(tx *bolt.Tx) (err error) {
		asks, favors, err = history(tx, friendID)
		return err
	})
	return asks, favors, err
}

// Network is every friend with the heads of their asks and favors: what
// the first screen and the policy need, read in one transaction and kept
// compact (64 bytes an ask), since it may hold a million asks.
//
// The ask heads that AsksOf and AppendAsks return carry ID, FriendID, Kind,
// Status and the times Created, Sent, Resolved, FollowUp and Thanked;
// Topic, Sector, Org, Body and Outcome are empty (read them with History
// or Ask). Favor heads carry ID, FriendID and At, not What.
type Network struct {
	// Friends in id order.
	Friends []Friend

	facts     []AskFact // grouped by friend in Friends order, oldest first
	heads     []askHead // the rest of each ask, parallel to facts
	favors    []Favor
	askSpan   []span
	favorSpan []span
}

type span struct{ lo, hi int32 }

// AskCount is the number of asks in the network.
func (n *Network) AskCount() int { return len(n.heads) }

// FavorCount is the number of favors in the network.
func (n *Network) FavorCount() int { return len(n.favors) }

// AsksOf returns the ask heads of Friends[i], oldest first, in a new
// slice. Loops over every friend should use AppendAsks with one buffer.
func (n *Network) AsksOf(i int) []Ask {
	return n.AppendAsks(nil, i)
}

// AppendAsks appends the ask heads of Friends[i], oldest first, to dst.
func (n *Network) AppendAsks(dst []Ask, i int) []Ask {
	id := n.Friends[i].ID
	sp := n.askSpan[i]
	for j := sp.lo; j < sp.hi; j++ {
		dst = append(dst, n.heads[j].ask(id, n.facts[j]))
	}
	return dst
}

// LastAsk is when the latest ask actually made to Friends[i] was made
// (zero if none).
func (n *Network) LastAsk(i int) time.Time {
	sp := n.askSpan[i]
	var last int64
	for _, f := range n.facts[sp.lo:sp.hi] {
		if f.Status().Made() {
			last = max(last, f.At)
		}
	}
	return fromNanos(last)
}

// FavorsOf returns the favor heads of Friends[i], oldest first.
func (n *Network) FavorsOf(i int) []Favor {
	sp := n.favorSpan[i]
	return n.favors[sp.lo:sp.hi:sp.hi]
}

// Index returns the position of the friend with id in Friends, or -1.
func (n *Network) Index(id uint64) int {
	i, ok := slices.BinarySearchFunc(n.Friends, id, func(f Friend, id uint64) int {
		switch {
		case f.ID < id:
			return -1
		case f.ID > id:
			return 1
		}
		return 0
	})
	if !ok {
		return -1
	}
	return i
}

// Network reads every friend and the heads of every ask and favor.
func (s *Store) Network() (*Network, error) {
	n := &Network{}
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		if n.Friends, err = allFriends(tx); err != nil {
			return err
		}
		return n.readHeads(tx)
	})
	if err != nil {
		return nil, err
	}
	return n, nil
}

// readHeads reads the heads of every ask and favor and groups them by
// n.Friends (in id order; records of friends not there are left out).
func (n *Network) readHeads(tx *bolt.Tx) error {
	hint := tx.Bucket(bucketAsks).Sequence()
	n.facts = make([]AskFact, 0, hint)
	n.heads = make([]askHead, 0, hint)
	owners := make([]uint64, 0, hint)
	if err := tx.Bucket(bucketAsksByFriend).ForEach(func(k, v []byte) error {
		f, h, err := decodeAskHead(k, v)
		if err != nil {
			return fmt.Errorf("ask %d: %w", historyID(k), err)
		}
		n.facts = append(n.facts, f)
		n.heads = append(n.heads, h)
		owners = append(owners, btoi(k[:8]))
		return nil
	}); err != nil {
		return err
	}
	n.favors = make([]Favor, 0, tx.Bucket(bucketFavors).Sequence())
	if err := tx.Bucket(bucketFavorsByFriend).ForEach(func(k, _ []byte) error {
		n.favors = append(n.favors, Favor{ID: historyID(k), FriendID: btoi(k[:8]), At: keyTime(k[8:16])})
		return nil
	}); err != nil {
		return err
	}
	n.askSpan = spans(n.Friends, len(owners), func(i int) uint64 { return owners[i] })
	n.favorSpan = spans(n.Friends, len(n.favors), func(i int) uint64 { return n.favors[i].FriendID })
	return nil
}

// spans walks records grouped by friend id alongside friends (both in id
// order) and returns each friend's range.
func spans(friends []Friend, n int, owner func(int) uint64) []span {
	out := make([]span, len(friends))
	j := 0
	for i, f := range friends {
		for j < n && owner(j) < f.ID {
			j++ // an orphan: skip it
		}
		lo := j
		for j < n && owner(j) == f.ID {
			j++
		}
		out[i] = span{int32(lo), int32(j)}
	}
	return out
}

// AmbiguousError is returned by FindFriend when a query matches several
// friends.
type AmbiguousError struct {
	Query   string
	Matches []Friend
}

func (e *AmbiguousError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q matches %d friends; use an id or a longer name:", e.Query, len(e.Matches))
	for i, f := range e.Matches {
		if i == 10 {
			fmt.Fprintf(&b, "\n  … and %d more", len(e.Matches)-10)
			break
		}
		fmt.Fprintf(&b, "\n  %d\t%s", f.ID, f.Name)
		if f.Org != "" {
			fmt.Fprintf(&b, " (%s)", f.Org)
		}
	}
	return b.String()
}

// FindFriend resolves a FRIEND argument: an id, an exact case-insensitive
// name, or a unique case-insensitive substring of a name. No match wraps
// ErrNotFound; several are an *AmbiguousError.
func (s *Store) FindFriend(query string) (Friend, error) {
	q := strings.TrimSpace(query)
	if q == "" {
		return Friend{}, &FieldError{Field: "friend", Msg: "must not be empty"}
	}
	if id, err := strconv.ParseUint(q, 10, 64); err == nil {
		if f, err := s.Friend(id); err == nil {
			return f, nil
		}
	}
	lq := strings.ToLower(q)
	var exact, partial []Friend
	var lower []byte
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketFriends).ForEach(func(k, v []byte) error {
			// Cheap test on the name's bytes first, lower-cased into a
			// reused buffer; decode only candidates (and damaged values,
			// so that decodeFriend reports them).
			if name, ok := friendName(v); ok {
				if lower = appendLower(lower[:0], name); !bytes.Contains(lower, []byte(lq)) {
					return nil
				}
			}
			f, err := decodeFriend(v)
			if err != nil {
				return fmt.Errorf("friend %d: %w", btoi(k), err)
			}
			name := strings.ToLower(f.Name)
			switch {
			case name == lq:
				exact = append(exact, f)
			case strings.Contains(name, lq):
				partial = append(partial, f)
			}
			return nil
		})
	})
	switch {
	case err != nil:
		return Friend{}, err
	case len(exact) == 1:
		return exact[0], nil
	case len(exact) > 1:
		return Friend{}, &AmbiguousError{Query: q, Matches: exact}
	case len(partial) == 1:
		return partial[0], nil
	case len(partial) > 1:
		return Friend{}, &AmbiguousError{Query: q, Matches: partial}
	}
	return Friend{}, &notFoundError{fmt.Sprintf("no friend matches %q (see 'kith list')", q)}
}

// notFoundError is an ErrNotFound with a message of its own.
type notFoundError struct{ msg string }

func (e *notFoundError) Error() string        { return e.msg }
func (e *notFoundError) Is(target error) bool { return target == ErrNotFound }

// Snapshot is the whole database, as kith's JSON export writes it.
type Snapshot struct {
	SchemaVersion int       `json:"schema_version"`
	ExportedAt    time.Time `json:"exported_at"`
	Profile       Profile   `json:"profile"`
	Friends       []Friend  `json:"friends"`
	Asks          []Ask     `json:"asks"`
	Favors        []Favor   `json:"favors"`
}

// Snapshot reads the whole database in one transaction.
func (s *Store) Snapshot(now time.Time) (*Snapshot, error) {
	snap := &Snapshot{SchemaVersion: schemaVersion(), ExportedAt: now.UTC(), Profile: DefaultProfile(),
		Friends: []Friend{}, Asks: []Ask{}, Favors: []Favor{}}
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		if snap.Profile, err = getProfile(tx); err != nil {
			return err
		}
		if snap.Friends, err = allFriends(tx); err != nil {
			return err
		}
		ab, fb := tx.Bucket(bucketAsks), tx.Bucket(bucketFavors)
		snap.Asks = make([]Ask, 0, ab.Stats().KeyN)
		if err := ab.ForEach(func(k, v []byte) error {
			a, err := decodeAsk(v)
			snap.Asks = append(snap.Asks, a)
			return err
		}); err != nil {
			return err
		}
		snap.Favors = make([]Favor, 0, fb.Stats().KeyN)
		return fb.ForEach(func(k, v []byte) error {
			f, err := decodeFavor(v)
			snap.Favors = append(snap.Favors, f)
			return err
		})
	})
	return snap, err
}

// Restore writes a snapshot into an empty database, ids kept, in one
// transaction: all of it or, on any error, nothing.
func (s *Store) Restore(snap *Snapshot) error {
	if snap.SchemaVersion > schemaVersion() {
		return fmt.Errorf("the export has schema version %d but this kith knows only up to %d: %w", snap.SchemaVersion, schemaVersion(), ErrTooNew)
	}
	// Roughly what the records take on disk, index entries included.
	hint := 512*len(snap.Friends) + 256*len(snap.Asks) + 128*len(snap.Favors)
	for i := range snap.Asks {
		hint += len(snap.Asks[i].Body)
	}
	return s.updateSized(hint, func(btx *bolt.Tx) error {
		tx := &Tx{tx: btx, now: time.Now().UTC()}
		if !tx.Empty() {
			return fmt.Errorf("%s: %w: restore a kith export into a new database (choose one with --db)", s.path, ErrNotEmpty)
		}
		return tx.restore(snap)
	})
}

// Roster is every friend with when you last asked each of them (zero if
// never): what `kith list` shows, read without expanding any ask.
func (s *Store) Roster() ([]Friend, []time.Time, error) {
	var friends []Friend
	var last []time.Time
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		if friends, err = allFriends(tx); err != nil {
			return err
		}
		last = make([]time.Time, len(friends))
		i := 0
		c := tx.Bucket(bucketAsksByFriend).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			owner := btoi(k[:8])
			for i < len(friends) && friends[i].ID < owner {
				i++
			}
			if i == len(friends) {
				break
			}
			if friends[i].ID != owner || !statusOf(headStatus(v)).Made() {
				continue
			}
			// Keys sort by time within a friend: the latest made ask wins.
			last[i] = keyTime(k[8:16])
		}
		return nil
	})
	return friends, last, err
}
