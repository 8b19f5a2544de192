package store

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// The reads that answer "whom do I know there" from the postings, so that
// who-else and the sole-contact rule read only the friends that match.

// errNoPostings is damage: a database of schema 3 on without postings.
var errNoPostings = corruptf("the postings (bucket postings) are missing")

// placePrefix is the posting prefix of an organisation (by OrgKey) or,
// when org is empty, of a sector (lower-cased); nil when both are empty.
func placePrefix(org, sector string) []byte {
	if v := AppendOrgKey(nil, org); len(v) > 0 {
		return postingKey(postOrg, v, 0)[:len(v)+2]
	}
	if v := AppendLower(nil, strings.TrimSpace(sector)); len(v) > 0 {
		return postingKey(postSector, v, 0)[:len(v)+2]
	}
	return nil
}

// postedIDs appends to ids those of up to limit friends posted under
// prefix (every one if limit < 0), checking each entry.
func postedIDs(tx *bolt.Tx, prefix []byte, limit int, ids []uint64) ([]uint64, error) {
	if prefix == nil {
		return ids, nil
	}
	b := tx.Bucket(bucketPostings)
	if b == nil {
		return nil, errNoPostings
	}
	c := b.Cursor()
	n := 0
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && n != limit; k, v = c.Next() {
		if len(k) != len(prefix)+8 {
			continue // a longer value that starts the same
		}
		if err := checkEntry(seedPostings, k, v); err != nil {
			return nil, fmt.Errorf("postings: friend %d: %w", btoi(k[len(prefix):]), err)
		}
		ids = append(ids, btoi(k[len(prefix):]))
		n++
	}
	return ids, nil
}

// friendsOf reads the friends with ids (sorted, without repeats), in id
// order; a posting that names a friend not there is damage.
func friendsOf(tx *bolt.Tx, ids []uint64) ([]Friend, error) {
	out := make([]Friend, len(ids))
	for i, id := range ids {
		f, err := getFriend(tx, id)
		if err != nil {
			return nil, corruptf("postings: friend %d: %v", id, err)
		}
		out[i] = f
	}
	return out, nil
}

// FriendsAt returns up to limit active friends (every one if limit < 0)
// at the organisation org (compared by OrgKey) or, when org is empty, in
// sector, in id order: the pool the sole-contact rule needs, read from
// the postings.
func (s *Store) FriendsAt(org, sector string, limit int) ([]Friend, error) {
	var out []Friend
	err := s.view(func(tx *bolt.Tx) error {
		ids, err := postedIDs(tx, placePrefix(org, sector), limit, nil)
		if err != nil {
			return err
		}
		slices.Sort(ids)
		out, err = friendsOf(tx, ids)
		return err
	})
	return out, err
}

// NetworkAt is Network for the active friends at the organisation org (by
// OrgKey) or in sector, either or both: everyone a request for that place
// can rank (policy.Rank, when the request has no keywords), read from the
// postings with their histories alone.
func (s *Store) NetworkAt(org, sector string) (*Network, error) {
	n := &Network{}
	err := s.view(func(tx *bolt.Tx) error {
		ids, err := postedIDs(tx, placePrefix(org, ""), -1, nil)
		if err != nil {
			return err
		}
		if ids, err = postedIDs(tx, placePrefix("", sector), -1, ids); err != nil {
			return err
		}
		slices.Sort(ids)
		if n.Friends, err = friendsOf(tx, slices.Compact(ids)); err != nil {
			return err
		}
		return n.readHeadsOf(tx)
	})
	if err != nil {
		return nil, err
	}
	return n, nil
}

// circlePrefix is the posting prefix of circle c (by CircleKey); nil when
// it is empty.
func circlePrefix(c string) []byte {
	v := CircleKey(c)
	if v == "" {
		return nil
	}
	return postingKey(postCircle, []byte(v), 0)[:len(v)+2]
}

// CircleNetwork is Network for the active members of circles (compared
// by CircleKey), each once, in id order, with the heads of their asks and
// favors: the pool the circle rule counts (policy.Places.CountCircleAsks)
// for a friend in those circles, read from the circle postings.
func (s *Store) CircleNetwork(circles []string) (*Network, error) {
	n := &Network{}
	err := s.view(func(tx *bolt.Tx) error {
		var ids []uint64
		seen := map[string]bool{}
		for _, c := range circles {
			p := circlePrefix(c)
			if p == nil || seen[string(p)] {
				continue
			}
			seen[string(p)] = true
			var err error
			if ids, err = postedIDs(tx, p, -1, ids); err != nil {
				return err
			}
		}
		slices.Sort(ids)
		var err error
		if n.Friends, err = friendsOf(tx, slices.Compact(ids)); err != nil {
			return err
		}
		return n.readHeadsOf(tx)
	})
	if err != nil {
		return nil, err
	}
	return n, nil
}
