package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

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

// BatchSized is Batch for a transaction expected to write about sizeHint
// bytes (an import): the file is mapped that much larger than it is from
// the start, so bbolt does not remap it (copying every dirty page) as
// the transaction grows.
func (s *Store) BatchSized(now time.Time, sizeHint int, fn func(tx *Tx) error) error {
	if info, err := os.Stat(s.path); err == nil {
		sizeHint += int(info.Size())
	}
	return s.updateSized(sizeHint, func(tx *bolt.Tx) error {
		t := &Tx{tx: tx, now: now.UTC()}
		if err := fn(t); err != nil {
			return err
		}
		return t.flush()
	})
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

// FindFriend resolves a FRIEND argument: an id, an exact name, or a
// unique part of a name, all compared folded (Fold: without case or
// accents, so "krzysztof kaminski" finds Krzysztof Kamiński). No match
// wraps ErrNotFound; several are an *AmbiguousError.
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
	fq := Fold(q)
	var exact, partial []Friend
	var folded []byte
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
			// Cheap test on the name's bytes first, folded into a
			// reused buffer; decode only candidates.
			if folded = AppendFold(folded[:0], friendName(body)); !bytes.Contains(folded, []byte(fq)) {
				return nil
			}
			f, err := decodeFriend(k, v)
			if err != nil {
				return fmt.Errorf("friend %d: %w", btoi(k), err)
			}
			name := Fold(f.Name)
			switch {
			case name == fq:
				exact = append(exact, f)
			case strings.Contains(name, fq):
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
		tx := &Tx{tx: btx} // no clock: the records keep their own times
		if !tx.Empty() {
			return fmt.Errorf("%s: %w: restore a kith export into a new database (choose one with --db)", s.path, ErrNotEmpty)
		}
		return tx.restore(snap)
	})
}

// Roster is every friend with when you last asked each of them (zero if
// never): what `kith list` shows, read from the friends and their
// summaries, without a look at any ask.
func (s *Store) Roster() ([]Friend, []time.Time, error) {
	var friends []Friend
	var last []time.Time
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		if friends, err = allFriends(tx); err != nil {
			return err
		}
		last = make([]time.Time, len(friends))
		cur := tx.Bucket(bucketSummaries).Cursor()
		k, v := cur.First()
		for i := range friends {
			id := friends[i].ID
			for k != nil && len(k) == 8 && btoi(k) < id {
				k, v = cur.Next() // checked by verify: a summary of nobody
			}
			if k == nil || len(k) != 8 || btoi(k) != id {
				return corruptf("friend %d: the summary is missing", id)
			}
			sum, err := decodeSummary(k, v)
			if err != nil {
				return fmt.Errorf("friend %d: the summary: %w", id, err)
			}
			last[i] = fromNanos(sum.lastMade)
			k, v = cur.Next()
		}
		return nil
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
