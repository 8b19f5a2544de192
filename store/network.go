package store

import (
	"fmt"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Network is every friend with the facts of their asks and favors, read
// from the by-friend indexes (never a full ask): what the first screen and
// the policy need, read in one transaction and kept compact (AskFact), as
// it may hold a million asks.
type Network struct {
	// Friends in id order.
	Friends []Friend

	asks      []AskFact // grouped by friend in Friends order, oldest first
	favors    []FavorFact
	askSpan   []span
	favorSpan []span
}

type span struct{ lo, hi int32 }

// AskCount is the number of asks in the network.
func (n *Network) AskCount() int { return len(n.asks) }

// FavorCount is the number of favors in the network.
func (n *Network) FavorCount() int { return len(n.favors) }

// AsksOf returns the facts of the asks of Friends[i], oldest first: the
// network's own memory, to read and not to change. Nothing is copied, so
// weighing every friend allocates nothing.
func (n *Network) AsksOf(i int) []AskFact {
	sp := n.askSpan[i]
	return n.asks[sp.lo:sp.hi:sp.hi]
}

// FavorsOf returns the facts of the favors of Friends[i], oldest first,
// to read and not to change.
func (n *Network) FavorsOf(i int) []FavorFact {
	sp := n.favorSpan[i]
	return n.favors[sp.lo:sp.hi:sp.hi]
}

// LastAsk is when the latest ask actually made to Friends[i] was made
// (zero if none).
func (n *Network) LastAsk(i int) time.Time {
	var last int64
	for _, f := range n.AsksOf(i) {
		if f.Status().Made() {
			last = max(last, f.At())
		}
	}
	return fromNanos(last)
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
	favorOwner []uint64
	strs       interner // the sectors and organisations of the asks
	from       []byte   // the first key not read yet (nil: from the start)
	asksDone   bool
	favorsDone bool
	// every is how many entries it reads between two looks at the clock.
	every int
}

// start (re)starts reading into n, looking at the clock every so many
// entries.
func (r *headReader) start(n *Network, every int) {
	*r = headReader{n: n, every: max(every, 1), strs: interner{}}
	n.asks, n.favors = nil, nil
}

// checkEvery is how many entries a chunked read takes between two looks
// at the clock.
const checkEvery = 4096

// step reads on until the deadline (none if zero) and reports whether it
// is done: every entry read, checked against the summaries and grouped.
func (r *headReader) step(tx *bolt.Tx, deadline time.Time) (bool, error) {
	n := r.n
	if n.asks == nil {
		c, err := getCounts(tx)
		if err != nil {
			return false, err
		}
		// Checksummed counts are what kith wrote: a capacity from them
		// is never an id or a sequence.
		n.asks = make([]AskFact, 0, c.asks)
		r.owners = make([]uint64, 0, c.asks)
		n.favors = make([]FavorFact, 0, c.favors)
		r.favorOwner = make([]uint64, 0, c.favors)
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
			f, err := decodeAskHead(k, v, r.strs)
			if err != nil {
				return false, fmt.Errorf("asks_by_friend: ask %d: %w", historyID(k), err)
			}
			n.asks = append(n.asks, f)
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
			size, err := decodeFavorHead(k, v)
			if err != nil {
				return false, fmt.Errorf("favors_by_friend: favor %d: %w", historyID(k), err)
			}
			n.favors = append(n.favors, FavorFact{At: nanos(keyTime(k[8:16])), Size: size})
			r.favorOwner = append(r.favorOwner, btoi(k[:8]))
			i++
		}
	}
	if err := checkSummaries(tx, r.owners, r.favorOwner, true); err != nil {
		return false, err
	}
	owners, favorOwners := r.owners, r.favorOwner
	n.askSpan = spans(n.Friends, len(owners), func(i int) uint64 { return owners[i] })
	n.favorSpan = spans(n.Friends, len(favorOwners), func(i int) uint64 { return favorOwners[i] })
	r.owners, r.favorOwner, r.strs = nil, nil, nil
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
