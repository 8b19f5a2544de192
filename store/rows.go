package store

import (
	"fmt"
	"math"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Rows: the value of each name index entry (schema 5 on) is the friend's
// row, what a list shows and a filter searches, so that a list of
// everyone reads the name index alone and never decodes a friend. The
// rows are written with the name index, in the transaction of every
// write of a friend (Tx.indexFriend); migration 5 writes them for an
// older file; kith verify checks each against its friend.

// Row is what a list shows of a friend and a filter searches, read from
// the name index. Its strings are copies: a Row outlives the read.
type Row struct {
	ID uint64
	// Name, Nickname and Org are the friend's, as stored.
	Name, Nickname, Org string
	// Sectors and Circles are the friend's, as stored (nil when none).
	Sectors, Circles []string
	// Archived is the friend's; Person is false for an organisation's
	// card (Friend.IsPerson).
	Archived, Person bool
}

// HasSector reports whether the row lists sector s (SameSector), as
// Friend.HasSector does for the friend.
func (r *Row) HasSector(s string) bool {
	return slices.ContainsFunc(r.Sectors, func(x string) bool { return SameSector(x, s) })
}

// Rows calls fn with the row of every friend, archived ones included, in
// the name order (see Collator), in one read transaction, until fn
// returns false. fn runs inside the transaction: it must not write to
// the store. A damaged entry, or fewer or more entries than friends, is
// ErrCorrupt.
func (s *Store) Rows(fn func(Row) bool) error {
	return s.view(func(tx *bolt.Tx) error {
		return eachRow(tx, 0, func(r *Row) bool { return fn(*r) })
	})
}

// RowsLastMade is Rows with, beside each row, when the latest ask
// actually made to the friend was (zero if never), from the friends'
// summaries: what `kith list` shows, read without a friend or an ask.
func (s *Store) RowsLastMade(fn func(r Row, lastMade time.Time) bool) error {
	return s.view(func(tx *bolt.Tx) error {
		last, err := lastMadeAll(tx)
		if err != nil {
			return err
		}
		rerr := eachRow(tx, 0, func(r *Row) bool {
			at, ok := last.get(r.ID)
			if !ok {
				err = corruptf("friend %d: the summary is missing", r.ID)
				return false
			}
			return fn(*r, fromNanos(at))
		})
		if err != nil {
			return err
		}
		return rerr
	})
}

// RowPage returns the rows at positions offset to offset+n-1 of the name
// order (fewer at the end; every one from offset if n < 0) and how many
// friends there are, in one read transaction.
func (s *Store) RowPage(offset, n int) ([]Row, int, error) {
	var out []Row
	total := 0
	err := s.view(func(tx *bolt.Tx) error {
		c, err := getCounts(tx)
		if err != nil {
			return err
		}
		total = int(c.friends)
		if n == 0 {
			return nil
		}
		if n > 0 {
			out = make([]Row, 0, min(n, max(total-offset, 0)))
		}
		return eachRow(tx, max(offset, 0), func(r *Row) bool {
			out = append(out, *r)
			return n < 0 || len(out) < n
		})
	})
	if err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// eachRow calls fn with the rows of the name index from position skip on
// (the entries before it are checked, not decoded) until fn returns
// false; when it reads to the end it checks that there is one entry a
// friend.
func eachRow(tx *bolt.Tx, skip int, fn func(r *Row) bool) error {
	c, err := getCounts(tx)
	if err != nil {
		return err
	}
	b := tx.Bucket(bucketNames)
	if b == nil {
		return corruptf("the name index (bucket names) is missing")
	}
	cur := b.Cursor()
	var r Row
	var rd rowDecoder
	n := 0
	for k, v := cur.First(); k != nil; k, v = cur.Next() {
		if n%releaseEvery == releaseEvery-1 {
			releaseMapped(tx)
		}
		if len(k) < 9 {
			return corruptf("names: key %x", k)
		}
		if n < skip {
			if err := checkEntry(seedNames, k, v); err != nil {
				return fmt.Errorf("names: friend %d: %w", nameID(k), err)
			}
			n++
			continue
		}
		if err := rd.decode(k, v, &r); err != nil {
			return fmt.Errorf("names: friend %d: %w", nameID(k), err)
		}
		n++
		if !fn(&r) {
			return nil
		}
	}
	if uint64(n) != c.friends {
		return corruptf("names: %d entries where %d friends were written", n, c.friends)
	}
	return nil
}

// lastMades is every summary's last_made (Unix nanoseconds) by friend
// id: a slice indexed by id when the ids are dense (they are the friends
// bucket's sequence, so about as many as the friends ever added), else a
// map. A look-up a row then costs an index: a binary search of a sorted
// slice cost 13 % of kith list's CPU at 100k.
type lastMades struct {
	dense  []int64 // noSummary where there is none
	sparse map[uint64]int64
}

const noSummary = math.MinInt64

func (l *lastMades) get(id uint64) (int64, bool) {
	if l.sparse != nil {
		v, ok := l.sparse[id]
		return v, ok
	}
	if id >= uint64(len(l.dense)) || l.dense[id] == noSummary {
		return 0, false
	}
	return l.dense[id], true
}

// lastMadeAll reads every summary's last_made, in one pass over the
// bucket.
func lastMadeAll(tx *bolt.Tx) (*lastMades, error) {
	c, err := getCounts(tx)
	if err != nil {
		return nil, err
	}
	b := tx.Bucket(bucketSummaries)
	l := &lastMades{}
	if k, _ := b.Cursor().Last(); len(k) == 8 && btoi(k) < 4*c.friends+1024 {
		l.dense = make([]int64, btoi(k)+1)
		for i := range l.dense {
			l.dense[i] = noSummary
		}
	} else {
		l.sparse = make(map[uint64]int64, c.friends)
	}
	cur := b.Cursor()
	for k, v := cur.First(); k != nil; k, v = cur.Next() {
		if len(k) != 8 {
			return nil, corruptf("summaries: key %x", k)
		}
		id := btoi(k)
		sum, err := decodeSummary(k, v)
		if err != nil {
			return nil, fmt.Errorf("friend %d: the summary: %w", id, err)
		}
		if l.sparse != nil {
			l.sparse[id] = sum.lastMade
		} else {
			l.dense[id] = sum.lastMade
		}
	}
	return l, nil
}

// migrateRows is migration 5: the row of every friend as the value of
// its name index entry, whose key migration 3 wrote; and migration 6,
// which writes them again with their haystacks (encodeRow).
func migrateRows(tx *bolt.Tx) error {
	if tx.Bucket(bucketNames) == nil {
		return corruptf("the name index (bucket names) is missing")
	}
	return rewrite(tx, bucketNames, func(k, v []byte) ([]byte, error) {
		if len(k) < 9 {
			return nil, errCorrupt
		}
		f, err := getFriend(tx, nameID(k))
		if err != nil {
			return nil, err
		}
		return encodeRow(k, &f), nil
	})
}
