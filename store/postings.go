package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"time"

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

// releaseEvery is how many records a long read reads between two
// releases of the mapped file (releaseMapped).
const releaseEvery = 512

// friendsOf reads the friends with ids (sorted, without repeats), in id
// order; a posting that names a friend not there is damage.
func friendsOf(tx *bolt.Tx, ids []uint64) ([]Friend, error) {
	out := make([]Friend, len(ids))
	for i, id := range ids {
		if i%releaseEvery == releaseEvery-1 {
			releaseMapped(tx)
		}
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
	return s.NetworkWhere(org, sector, "")
}

// NetworkWhere is NetworkAt for the active friends at the organisation
// org, in sector or in circle (by CircleKey of its one-line form, as
// policy.Rank compares it), any of them: everyone a request that targets
// those can rank when it has no keywords, each once, in id order.
func (s *Store) NetworkWhere(org, sector, circle string) (*Network, error) {
	n := &Network{}
	err := s.view(func(tx *bolt.Tx) error {
		var ids []uint64
		var err error
		for _, p := range [][]byte{placePrefix(org, ""), placePrefix("", sector), circlePrefix(OneLine(circle))} {
			if ids, err = postedIDs(tx, p, -1, ids); err != nil {
				return err
			}
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

// CircleAsksSince is Network for counting the asks lately to the members
// of circles (policy.Places.CountCircleAsks), read from the circle
// postings without a friend's record or an ask before since: the active
// members of circles (compared by CircleKey), each once, in id order,
// each with the heads of its asks from since on and no favors. Each
// Friend holds only its ID and, as its Circles, the keys (CircleKey) of
// those of circles it is posted under: what the count weighs, and not
// enough to judge or show a friend. Asks before since cannot change a
// count over a window that starts at since; a member's other circles
// cannot change the counts of circles.
func (s *Store) CircleAsksSince(circles []string, since time.Time) (*Network, error) {
	n := &Network{}
	err := s.view(func(tx *bolt.Tx) error {
		ids, in, err := circleMembers(tx, circles)
		if err != nil {
			return err
		}
		n.Friends = make([]Friend, len(ids))
		n.askSpan = make([]span, len(ids))
		n.favorSpan = make([]span, len(ids))
		strs := interner{}
		ac := tx.Bucket(bucketAsksByFriend).Cursor()
		from := timeKey(since)
		for i, id := range ids {
			n.Friends[i] = Friend{ID: id, Circles: in[id]}
			seek := binary.BigEndian.AppendUint64(itob(id), from)
			lo := len(n.asks)
			if n.asks, err = appendAskHeads(n.asks, ac, seek, seek[:8], strs); err != nil {
				return err
			}
			n.askSpan[i] = span{int32(lo), int32(len(n.asks))}
			n.favorSpan[i] = span{int32(len(n.favors)), int32(len(n.favors))}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return n, nil
}

// circleMembers reads the active members of circles (compared by
// CircleKey) from the circle postings: their ids, each once, in order,
// and for each the keys of those of circles it is posted under.
func circleMembers(tx *bolt.Tx, circles []string) ([]uint64, map[uint64][]string, error) {
	in := map[uint64][]string{}
	var ids []uint64
	seen := map[string]bool{}
	for _, c := range circles {
		p := circlePrefix(c)
		if p == nil || seen[string(p)] {
			continue
		}
		seen[string(p)] = true
		lo := len(ids)
		var err error
		if ids, err = postedIDs(tx, p, -1, ids); err != nil {
			return nil, nil, err
		}
		key := CircleKey(c)
		for _, id := range ids[lo:] {
			in[id] = append(in[id], key)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids), in, nil
}
