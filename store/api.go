package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"
	"google.golang.org/protobuf/encoding/protowire"
)

// Batch runs fn in one durable read-write transaction: everything fn does
// is written, or nothing is. now stamps records whose times are unset.
func (s *Store) Batch(now time.Time, fn func(tx *Tx) error) error {
	return s.update(func(tx *bolt.Tx) error {
		t := &Tx{tx: tx, now: now.UTC()}
		if err := fn(t); err != nil {
			return err
		}
		return t.flush()
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
//
// The values are copied out in the transaction and decoded after it, so
// the lock is held only for the copy (the TUI's first load must not keep
// a CLI write waiting).
func (s *Store) Friends() ([]Friend, error) {
	var raw rawFriends
	err := s.view(func(tx *bolt.Tx) (err error) {
		raw, err = copyFriends(tx)
		return err
	})
	if err != nil {
		return nil, err
	}
	s.afterRead()
	out, err := raw.decode()
	return out, s.damage(err)
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
	err := s.view(func(tx *bolt.Tx) (err error) {
		out, err = allAsks(tx)
		return err
	})
	return out, err
}

// Favors returns every favor in id order.
func (s *Store) Favors() ([]Favor, error) {
	var out []Favor
	err := s.view(func(tx *bolt.Tx) (err error) {
		out, err = allFavors(tx)
		return err
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

// readHeads reads the heads of every ask and favor in one transaction and
// groups them by n.Friends (in id order; records of friends not there are
// left out).
func (n *Network) readHeads(tx *bolt.Tx) error {
	var r headReader
	r.start(n, checkEvery)
	_, err := r.step(tx, time.Time{})
	return err
}

// headReader reads the heads of a network over one or more transactions
// of the same database state, each up to a deadline, resuming after the
// last key read.
type headReader struct {
	n          *Network
	owners     []uint64
	from       []byte // the first key not read yet (nil: from the start)
	asksDone   bool
	favorsDone bool
	// every is how many entries it reads between two looks at the clock.
	every int
}

// start (re)starts reading into n, looking at the clock every so many
// entries.
func (r *headReader) start(n *Network, every int) {
	*r = headReader{n: n, every: max(every, 1)}
	n.facts, n.heads, n.favors = nil, nil, nil
}

// checkEvery is how many entries a chunked read takes between two looks
// at the clock.
const checkEvery = 4096

// step reads on until the deadline (none if zero) and reports whether it
// is done: every entry read, checked against the summaries and grouped.
func (r *headReader) step(tx *bolt.Tx, deadline time.Time) (bool, error) {
	n := r.n
	if n.heads == nil {
		c, err := getCounts(tx)
		if err != nil {
			return false, err
		}
		// Checksummed counts are what kith wrote: a capacity from them
		// is never an id or a sequence.
		n.facts = make([]AskFact, 0, c.asks)
		n.heads = make([]askHead, 0, c.asks)
		r.owners = make([]uint64, 0, c.asks)
		n.favors = make([]Favor, 0, c.favors)
	}
	late := func(i int) bool { return i%r.every == 0 && !deadline.IsZero() && time.Now().After(deadline) }
	resume := func(c *bolt.Cursor) ([]byte, []byte) {
		if r.from == nil {
			return c.First()
		}
		return c.Seek(r.from)
	}
	if !r.asksDone {
		c := tx.Bucket(bucketAsksByFriend).Cursor()
		i := 0
		for k, v := resume(c); ; k, v = c.Next() {
			if k == nil {
				r.asksDone, r.from = true, nil
				break
			}
			if i > 0 && late(i) { // at least one entry a chunk
				r.from = append(r.from[:0], k...)
				return false, nil
			}
			if len(k) != 24 {
				return false, corruptf("asks_by_friend: key %x", k)
			}
			f, h, err := decodeAskHead(k, v)
			if err != nil {
				return false, fmt.Errorf("asks_by_friend: ask %d: %w", historyID(k), err)
			}
			n.facts = append(n.facts, f)
			n.heads = append(n.heads, h)
			r.owners = append(r.owners, btoi(k[:8]))
			i++
		}
	}
	if !r.favorsDone {
		c := tx.Bucket(bucketFavorsByFriend).Cursor()
		i := 0
		for k, v := resume(c); ; k, v = c.Next() {
			if k == nil {
				r.favorsDone = true
				break
			}
			if i > 0 && late(i) { // at least one entry a chunk
				r.from = append(r.from[:0], k...)
				return false, nil
			}
			if len(k) != 24 {
				return false, corruptf("favors_by_friend: key %x", k)
			}
			if err := checkFavorHead(k, v); err != nil {
				return false, fmt.Errorf("favors_by_friend: favor %d: %w", historyID(k), err)
			}
			n.favors = append(n.favors, Favor{ID: historyID(k), FriendID: btoi(k[:8]), At: keyTime(k[8:16])})
			i++
		}
	}
	favorOwners := make([]uint64, len(n.favors))
	for i := range n.favors {
		favorOwners[i] = n.favors[i].FriendID
	}
	if err := checkSummaries(tx, r.owners, favorOwners, true); err != nil {
		return false, err
	}
	owners := r.owners
	n.askSpan = spans(n.Friends, len(owners), func(i int) uint64 { return owners[i] })
	n.favorSpan = spans(n.Friends, len(n.favors), func(i int) uint64 { return n.favors[i].FriendID })
	r.owners = nil
	return true, nil
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
		f, err := s.Friend(id)
		if err == nil || errors.Is(err, ErrCorrupt) {
			return f, err
		}
	}
	lq := strings.ToLower(q)
	var exact, partial []Friend
	var lower []byte
	err := s.view(func(tx *bolt.Tx) error {
		c, err := getCounts(tx)
		if err != nil {
			return err
		}
		var n uint64
		err = tx.Bucket(bucketFriends).ForEach(func(k, v []byte) error {
			n++
			if len(k) != 8 || v == nil {
				return corruptf("friends: key %x is not a friend", k)
			}
			body, err := seedFriends.open(k, v)
			if err != nil {
				return fmt.Errorf("friend %d: %w", btoi(k), err)
			}
			// Cheap test on the name's bytes first, lower-cased into a
			// reused buffer; decode only candidates.
			if lower = appendLower(lower[:0], friendName(body)); !bytes.Contains(lower, []byte(lq)) {
				return nil
			}
			f, err := decodeFriend(k, v)
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
		if err == nil && n != c.friends {
			err = corruptf("friends: %d records where %d were written", n, c.friends)
		}
		return err
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
		if snap.Asks, err = allAsks(tx); err != nil {
			return err
		}
		snap.Favors, err = allFavors(tx)
		return err
	})
	return snap, err
}

// Restore writes a snapshot into an empty database in one transaction:
// all of it or, on any error, nothing. Every record gets a fresh id (see
// Tx.restore), and snap is changed to hold them.
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

// Backup writes a consistent copy of the database to w.
func (s *Store) Backup(w io.Writer) error {
	if !s.Exists() {
		return fmt.Errorf("%s: no database yet, nothing to back up: %w", s.path, ErrNotFound)
	}
	return s.view(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(w)
		return err
	})
}

// BackupFile writes a consistent copy of the database to path, durably
// and with mode 0600. It refuses an existing file unless force is set.
func (s *Store) BackupFile(path string, force bool) error {
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if force {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	if !s.Exists() {
		return fmt.Errorf("%s: no database yet, nothing to back up: %w", s.path, ErrNotFound)
	}
	f, err := os.OpenFile(path, flags, 0o600)
	if os.IsExist(err) {
		return fmt.Errorf("%s already exists: choose another name or pass --force to overwrite it", path)
	}
	if err != nil {
		return fmt.Errorf("create backup: %w", err)
	}
	err = s.Backup(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return fmt.Errorf("backup to %s: %w", path, err)
	}
	return nil
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
		c, err := getCounts(tx)
		if err != nil {
			return err
		}
		owners := make([]uint64, 0, c.asks)
		i := 0
		cur := tx.Bucket(bucketAsksByFriend).Cursor()
		for k, v := cur.First(); k != nil; k, v = cur.Next() {
			if len(k) != 24 {
				return corruptf("asks_by_friend: key %x", k)
			}
			st, err := headStatus(k, v)
			if err != nil {
				return fmt.Errorf("asks_by_friend: ask %d: %w", historyID(k), err)
			}
			owner := btoi(k[:8])
			owners = append(owners, owner)
			for i < len(friends) && friends[i].ID < owner {
				i++
			}
			if i == len(friends) || friends[i].ID != owner || !statusOf(st).Made() {
				continue
			}
			// Keys sort by time within a friend: the latest made ask wins.
			last[i] = keyTime(k[8:16])
		}
		return checkSummaries(tx, owners, nil, false)
	})
	return friends, last, err
}

// friendName returns the name field of a friend's body without decoding
// the rest (or copying it: it points into body). A damaged body (its
// checksum already passed) gives what it holds; decodeFriend reports it.
func friendName(body []byte) []byte {
	d := newDec(body)
	for d.next() {
		if d.num == tagFriendName && d.typ == protowire.BytesType {
			return d.d
		}
	}
	return nil
}

// appendLower appends s lower-cased as strings.ToLower does it (invalid
// UTF-8 becomes U+FFFD), without allocating when dst has room.
func appendLower(dst, s []byte) []byte {
	for len(s) > 0 {
		if c := s[0]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			s = s[1:]
			continue
		}
		r, n := utf8.DecodeRune(s)
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		s = s[n:]
	}
	return dst
}
