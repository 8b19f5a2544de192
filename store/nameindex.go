package store

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// This file holds the indexes that answer a screen's question without a
// pass over every friend: the names in order (bucket names) and the
// postings of where friends are (bucket postings). Both are written in
// the transaction of every write of a friend (Tx.indexFriend) and built
// for an older database by migration 3.

// Collator orders names as the name index does: by the Unicode
// collation of golang.org/x/text/collate (root locale), so "André" comes
// before "Andrii" and "émile" among the e's. The TUI's sort by name and
// kith list use this order. A Collator is not safe for concurrent use.
type Collator struct {
	c   *collate.Collator
	buf collate.Buffer
}

// NewCollator returns a Collator of the name order.
func NewCollator() *Collator { return &Collator{c: collate.New(language.Und)} }

// Key appends the sort key of name to dst: keys compare (bytes.Compare)
// as the names do in the name order.
func (c *Collator) Key(dst []byte, name string) []byte {
	c.buf.Reset()
	return append(dst, c.c.KeyFromString(&c.buf, name)...)
}

// Posting fields: what a posting key's first byte says it is about.
const (
	postOrg    byte = 'o' // organisation, by OrgKey
	postSector byte = 's' // sector, lower-cased
	postCircle byte = 'c' // circle, by CircleKey (schema 4 on)
)

// CircleKey is the form circles are compared in (the circle rule counts
// the asks to each circle by it, policy.CountCircleAsks): lower-cased.
// A stored circle is already on one line (Friend.Normalize).
func CircleKey(c string) string { return strings.ToLower(c) }

// postings returns the posting keys of f: one for its organisation, one
// for each sector and one for each circle, none when it is archived or an
// organisation's card (the postings answer "whom do I know there", which
// counts only active people: see Friend.IsPerson).
func postings(f *Friend) [][]byte {
	if f.Archived || !f.IsPerson() {
		return nil
	}
	var out [][]byte
	if v := AppendOrgKey(nil, f.Org); len(v) > 0 {
		out = append(out, postingKey(postOrg, v, f.ID))
	}
	for _, s := range f.Sectors {
		if v := AppendLower(nil, strings.TrimSpace(s)); len(v) > 0 {
			k := postingKey(postSector, v, f.ID)
			if !slices.ContainsFunc(out, func(o []byte) bool { return bytes.Equal(o, k) }) {
				out = append(out, k)
			}
		}
	}
	return append(out, circlePostings(f)...)
}

// circlePostings returns the circle posting keys of f (part of postings).
func circlePostings(f *Friend) [][]byte {
	if f.Archived || !f.IsPerson() {
		return nil
	}
	var out [][]byte
	for _, c := range f.Circles {
		if v := CircleKey(c); v != "" {
			k := postingKey(postCircle, []byte(v), f.ID)
			if !slices.ContainsFunc(out, func(o []byte) bool { return bytes.Equal(o, k) }) {
				out = append(out, k)
			}
		}
	}
	return out
}

// friendKeys returns the index keys of f: its name key and postings.
func friendKeys(c *Collator, f *Friend) (name []byte, posts [][]byte) {
	return nameKey(c, f.Name, f.ID), postings(f)
}

// indexFriend brings the name index (with f's row) and the postings from
// old (nil for a new friend) to f.
func (t *Tx) indexFriend(old, f *Friend) error {
	if t.coll == nil {
		t.coll = NewCollator()
	}
	names, posts := t.bucketMaybe(bucketNames), t.bucketMaybe(bucketPostings)
	if names == nil || posts == nil {
		return nil // a database being migrated: migration 3 builds them
	}
	nk, np := friendKeys(t.coll, f)
	if old != nil {
		ok, op := friendKeys(t.coll, old)
		if !bytes.Equal(ok, nk) {
			if err := names.Delete(ok); err != nil {
				return err
			}
		}
		for _, k := range op {
			if err := posts.Delete(k); err != nil {
				return err
			}
		}
	}
	if err := names.Put(nk, encodeRow(nk, f)); err != nil {
		return err
	}
	for _, k := range np {
		if err := posts.Put(k, emptyEntry(seedPostings, k)); err != nil {
			return err
		}
	}
	return nil
}

// bucketMaybe is bucket for one that may not exist yet.
func (t *Tx) bucketMaybe(name []byte) *bolt.Bucket {
	if t.tx.Bucket(name) == nil {
		return nil
	}
	return t.bucket(name)
}

// migrateNames is migration 3: the name index and the postings of every
// friend, written in key order.
func migrateNames(tx *bolt.Tx) error {
	names, err := tx.CreateBucketIfNotExists(bucketNames)
	if err != nil {
		return err
	}
	posts, err := tx.CreateBucketIfNotExists(bucketPostings)
	if err != nil {
		return err
	}
	names.FillPercent, posts.FillPercent = fillPercent(bucketNames), fillPercent(bucketPostings)
	c := NewCollator()
	var nks, pks [][]byte
	err = tx.Bucket(bucketFriends).ForEach(func(k, v []byte) error {
		f, err := decodeFriend(k, v)
		if err != nil {
			return fmt.Errorf("friend %d: %w", btoi(k), err)
		}
		nk, np := friendKeys(c, &f)
		nks = append(nks, nk)
		pks = append(pks, np...)
		return nil
	})
	if err != nil {
		return err
	}
	for _, kv := range []struct {
		b    *bolt.Bucket
		s    seed
		keys [][]byte
	}{{names, seedNames, nks}, {posts, seedPostings, pks}} {
		slices.SortFunc(kv.keys, bytes.Compare)
		for _, k := range kv.keys {
			if err := kv.b.Put(k, emptyEntry(kv.s, k)); err != nil {
				return err
			}
		}
	}
	return nil
}

// migrateCircles is migration 4: the circle postings of every active
// friend, written in key order, into the postings migration 3 built.
func migrateCircles(tx *bolt.Tx) error {
	posts := tx.Bucket(bucketPostings)
	if posts == nil {
		return errNoPostings
	}
	posts.FillPercent = fillPercent(bucketPostings)
	var keys [][]byte
	err := tx.Bucket(bucketFriends).ForEach(func(k, v []byte) error {
		f, err := decodeFriend(k, v)
		if err != nil {
			return fmt.Errorf("friend %d: %w", btoi(k), err)
		}
		keys = append(keys, circlePostings(&f)...)
		return nil
	})
	if err != nil {
		return err
	}
	slices.SortFunc(keys, bytes.Compare)
	for _, k := range keys {
		if err := posts.Put(k, emptyEntry(seedPostings, k)); err != nil {
			return err
		}
	}
	return nil
}

// checkEntry checks the envelope of an index entry that holds no fields.
func checkEntry(s seed, k, v []byte) error {
	body, err := s.open(k, v)
	if err != nil {
		return err
	}
	d := newDec(body)
	for d.next() {
	}
	return d.result()
}

// NameOrder returns the ids of every friend, archived ones included, in
// the name order (see Collator), from the name index: no friend is
// decoded.
func (s *Store) NameOrder() ([]uint64, error) {
	var ids []uint64
	err := s.view(func(tx *bolt.Tx) (err error) {
		ids, err = nameOrder(tx, -1)
		return err
	})
	return ids, err
}

// nameOrder reads the first n ids of the name index (every one if n < 0),
// checking each entry, and, when it reads them all, their number.
func nameOrder(tx *bolt.Tx, n int) ([]uint64, error) {
	c, err := getCounts(tx)
	if err != nil {
		return nil, err
	}
	want := int(c.friends)
	if n >= 0 {
		want = min(want, n)
	}
	b := tx.Bucket(bucketNames)
	if b == nil {
		return nil, corruptf("the name index (bucket names) is missing")
	}
	ids := make([]uint64, 0, want)
	cur := b.Cursor()
	for k, v := cur.First(); k != nil && len(ids) < want; k, v = cur.Next() {
		if len(k) < 8 {
			return nil, corruptf("names: key %x", k)
		}
		if err := checkEntry(seedNames, k, v); err != nil {
			return nil, fmt.Errorf("names: friend %d: %w", nameID(k), err)
		}
		ids = append(ids, nameID(k))
	}
	if len(ids) != want {
		return nil, corruptf("names: %d entries where %d friends were written", len(ids), want)
	}
	return ids, nil
}

// Page is the first friends in the name order with what their rows show:
// the facts of their asks and favors, and how many active friends share
// each of their places (enough to tell whether one is the only one there).
type Page struct {
	// Order is the page's friend ids in the name order.
	Order []uint64
	// Network holds the page's friends, in id order, with their facts.
	Network *Network
	// Places holds, in id order, the active people at the page's friends'
	// organisations and sectors, up to PlacePoolCap a place (from the
	// postings): the pool policy.CountPlaces counts to tell whether one
	// of the page is the only one there who can be asked. Each holds
	// only what that count weighs: its ID, IsOrg, Archived, Org,
	// Sectors, WorkedTogether and Boundaries (without their notes).
	Places []Friend
	// Total is how many friends the database holds.
	Total int
}

// FirstPage reads the first n friends in the name order and their rows'
// facts (see Page), in one transaction that reads only them: what the
// first screen shows, whatever the size of the network.
func (s *Store) FirstPage(n int) (*Page, error) {
	p := &Page{Network: &Network{}}
	err := s.view(func(tx *bolt.Tx) error {
		c, err := getCounts(tx)
		if err != nil {
			return err
		}
		p.Total = int(c.friends)
		if p.Order, err = nameOrder(tx, n); err != nil {
			return err
		}
		ids := slices.Sorted(slices.Values(p.Order))
		p.Network.Friends = make([]Friend, len(ids))
		for i, id := range ids {
			if p.Network.Friends[i], err = getFriend(tx, id); err != nil {
				return corruptf("names: friend %d: %v", id, err)
			}
		}
		if err := p.Network.readHeadsOf(tx); err != nil {
			return err
		}
		p.Places, err = placePool(tx, p.Network.Friends, PlacePoolCap)
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// PlacePoolCap is how many people a place gives the first page's pool
// at most: whether one is the only one there who can be asked for a kind
// is then answered right unless that many others there all refuse it.
const PlacePoolCap = 64

// placePool reads the active people posted at the places of friends, up
// to perPlace a place, in id order, without repeats, each with only what
// counting a place weighs (decodePlaceFriend).
func placePool(tx *bolt.Tx, friends []Friend, perPlace int) ([]Friend, error) {
	var ids []uint64
	seen := map[string]bool{}
	for i := range friends {
		for _, k := range postings(&friends[i]) {
			prefix := k[:len(k)-8]
			if seen[string(prefix)] {
				continue
			}
			seen[string(prefix)] = true
			var err error
			if ids, err = postedIDs(tx, prefix, perPlace, ids); err != nil {
				return nil, err
			}
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	out := make([]Friend, len(ids))
	// One cursor for every seek: the bucket opened once, and the search
	// stack reused.
	c := tx.Bucket(bucketFriends).Cursor()
	strs := interner{}
	for i, id := range ids {
		if i%releaseEvery == releaseEvery-1 {
			releaseMapped(tx)
		}
		k := itob(id)
		got, v := c.Seek(k)
		if !bytes.Equal(got, k) {
			return nil, corruptf("postings: friend %d: %v", id, ErrNotFound)
		}
		var err error
		if out[i], err = decodePlaceFriend(k, v, strs); err != nil {
			return nil, corruptf("postings: friend %d: %v", id, err)
		}
	}
	return out, nil
}

// readHeadsOf reads the heads of the asks and favors of n.Friends alone,
// a range scan of the by-friend indexes for each, checked against each
// friend's summary.
func (n *Network) readHeadsOf(tx *bolt.Tx) error {
	n.askSpan = make([]span, len(n.Friends))
	n.favorSpan = make([]span, len(n.Friends))
	strs := interner{}
	ac := tx.Bucket(bucketAsksByFriend).Cursor()
	fc := tx.Bucket(bucketFavorsByFriend).Cursor()
	for i := range n.Friends {
		if i%releaseEvery == releaseEvery-1 {
			releaseMapped(tx)
		}
		id := n.Friends[i].ID
		sum, err := getSummary(tx, id)
		if err != nil {
			return err
		}
		prefix := itob(id)
		lo := len(n.asks)
		if n.asks, err = appendAskHeads(n.asks, ac, prefix, prefix, strs); err != nil {
			return err
		}
		if uint64(len(n.asks)-lo) != sum.asks {
			return corruptf("friend %d: the index holds %d asks where %d were written", id, len(n.asks)-lo, sum.asks)
		}
		n.askSpan[i] = span{int32(lo), int32(len(n.asks))}
		lo = len(n.favors)
		for k, v := fc.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = fc.Next() {
			if len(k) != 24 {
				return corruptf("favors_by_friend: key %x", k)
			}
			size, err := decodeFavorHead(k, v)
			if err != nil {
				return fmt.Errorf("favors_by_friend: favor %d: %w", historyID(k), err)
			}
			n.favors = append(n.favors, FavorFact{At: nanos(keyTime(k[8:16])), Size: size})
		}
		if uint64(len(n.favors)-lo) != sum.favors {
			return corruptf("friend %d: the index holds %d favors where %d were written", id, len(n.favors)-lo, sum.favors)
		}
		n.favorSpan[i] = span{int32(lo), int32(len(n.favors))}
	}
	return nil
}

// FriendsByName is Friends (every friend, in id order) with their ids in
// the name order, read in one transaction: the name order costs a read of
// the name index, not a sort.
func (s *Store) FriendsByName() ([]Friend, []uint64, error) {
	var raw rawFriends
	var order []uint64
	err := s.view(func(tx *bolt.Tx) (err error) {
		if raw, err = copyFriends(tx); err != nil {
			return err
		}
		order, err = nameOrder(tx, -1)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	s.afterRead()
	out, err := raw.decode()
	return out, order, s.damage(err)
}

// appendAskHeads appends to asks the heads of the asks_by_friend entries
// from seek on while their keys start with prefix (one friend's), each
// key and value checked.
func appendAskHeads(asks []AskFact, ac *bolt.Cursor, seek, prefix []byte, strs interner) ([]AskFact, error) {
	for k, v := ac.Seek(seek); k != nil && bytes.HasPrefix(k, prefix); k, v = ac.Next() {
		if len(k) != 24 {
			return asks, corruptf("asks_by_friend: key %x", k)
		}
		f, err := decodeAskHead(k, v, strs)
		if err != nil {
			return asks, fmt.Errorf("asks_by_friend: ask %d: %w", historyID(k), err)
		}
		asks = append(asks, f)
	}
	return asks, nil
}
