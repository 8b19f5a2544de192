package store

import (
	"bytes"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// The TUI's filter: what it searches of a friend (the haystack) and a
// search of the friends in the database itself, for the keys typed
// before the TUI has read everyone.

// AppendHaystack appends what the TUI's filter searches of a friend to
// dst: the name, nickname, organisation, each sector and the notes, each
// folded (Fold), separated by NUL bytes (never typed: a query holding one
// matches nothing, see HaystackTerms).
func AppendHaystack[S ~string | ~[]byte](dst []byte, name, nickname, org S, sectors []S, notes S) []byte {
	dst = AppendFold(dst, name)
	dst = append(dst, 0)
	dst = AppendFold(dst, nickname)
	dst = append(dst, 0)
	dst = AppendFold(dst, org)
	for _, s := range sectors {
		dst = append(dst, 0)
		dst = AppendFold(dst, s)
	}
	dst = append(dst, 0)
	return AppendFold(dst, notes)
}

// HaystackTerms is the words of a filter query, folded as the haystacks
// are; ok is false when a word holds a NUL or \x01 byte (the haystacks'
// separators), which matches nothing.
func HaystackTerms(query string) (terms []string, ok bool) {
	terms = strings.Fields(Fold(query))
	for _, t := range terms {
		if strings.ContainsAny(t, "\x00\x01") {
			return terms, false
		}
	}
	return terms, true
}

// Found is what Search found: every friend matching, and the facts of
// the first ones by name (as FirstPage gives them).
type Found struct {
	// Order is the ids of every match in the name order.
	Order []uint64
	// Friends is every match, in id order.
	Friends []Friend
	// Page is the first matches by name (at most Search's n) with their
	// facts and places' pool; Page.Total is how many friends there are.
	Page *Page
}

// Search finds the friends whose haystack (AppendHaystack) holds every
// word of query (HaystackTerms), reading the friend records in place and
// decoding only those that match, in one read transaction; the first n
// matches by name come with their facts. A query with no word finds
// nobody.
func (s *Store) Search(query string, n int) (*Found, error) {
	terms, ok := HaystackTerms(query)
	out := &Found{Page: &Page{Network: &Network{}}}
	err := s.view(func(tx *bolt.Tx) error {
		c, err := getCounts(tx)
		if err != nil {
			return err
		}
		out.Page.Total = int(c.friends)
		if len(terms) == 0 || !ok {
			return nil
		}
		if out.Friends, err = searchFriends(tx, c.friends, terms); err != nil {
			return err
		}
		if out.Order, err = searchOrder(tx, out.Friends); err != nil {
			return err
		}
		first := slices.Sorted(slices.Values(out.Order[:min(n, len(out.Order))]))
		pg := out.Page
		pg.Order = out.Order[:len(first)]
		pg.Network.Friends = make([]Friend, len(first))
		for i, id := range first {
			j, _ := slices.BinarySearchFunc(out.Friends, id, func(f Friend, id uint64) int { return cmpID(f.ID, id) })
			pg.Network.Friends[i] = out.Friends[j]
		}
		if err := pg.Network.readHeadsOf(tx); err != nil {
			return err
		}
		pg.Places, err = placePool(tx, pg.Network.Friends, PlacePoolCap)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func cmpID(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// searchFriends reads every friend record, checked, and decodes those
// whose haystack holds every term.
func searchFriends(tx *bolt.Tx, want uint64, terms []string) ([]Friend, error) {
	var out []Friend
	var hay []byte
	var sectors [][]byte
	bterms := make([][]byte, len(terms))
	for i, t := range terms {
		bterms[i] = []byte(t)
	}
	cur := tx.Bucket(bucketFriends).Cursor()
	var n, last uint64
	for k, v := cur.First(); k != nil; k, v = cur.Next() {
		if len(k) != 8 || v == nil {
			return nil, corruptf("friends: key %x is not a friend", k)
		}
		id := btoi(k)
		if n > 0 && id <= last {
			return nil, corruptf("friends: key %d out of order", id)
		}
		n, last = n+1, id
		body, err := seedFriends.open(k, v)
		if err != nil {
			return nil, corruptf("friend %d: %v", id, err)
		}
		var name, nick, org, notes []byte
		sectors = sectors[:0]
		d := newDec(body)
		for d.next() {
			switch d.num {
			case tagFriendName:
				name = d.bytes()
			case tagFriendNickname:
				nick = d.bytes()
			case tagFriendOrg:
				org = d.bytes()
			case tagFriendSector:
				sectors = append(sectors, d.bytes())
			case tagFriendNotes:
				notes = d.bytes()
			}
		}
		if d.err {
			return nil, corruptf("friend %d: %v", id, errCorrupt)
		}
		hay = AppendHaystack(hay[:0], name, nick, org, sectors, notes)
		if !holdsAll(hay, bterms) {
			continue
		}
		f, err := decodeFriend(k, v)
		if err != nil {
			return nil, corruptf("friend %d: %v", id, err)
		}
		out = append(out, f)
	}
	if n != want {
		return nil, corruptf("friends: %d records where %d were written", n, want)
	}
	return out, nil
}

func holdsAll(hay []byte, terms [][]byte) bool {
	for _, t := range terms {
		if !bytes.Contains(hay, t) {
			return false
		}
	}
	return true
}

// searchOrder is the ids of friends (in id order) in the name order, from the
// name index's keys.
func searchOrder(tx *bolt.Tx, friends []Friend) ([]uint64, error) {
	out := make([]uint64, 0, len(friends))
	if len(friends) == 0 {
		return out, nil
	}
	b := tx.Bucket(bucketNames)
	if b == nil {
		return nil, corruptf("the name index (bucket names) is missing")
	}
	cur := b.Cursor()
	for k, _ := cur.First(); k != nil; k, _ = cur.Next() {
		if len(k) < 9 {
			return nil, corruptf("names: key %x", k)
		}
		id := nameID(k)
		if _, ok := slices.BinarySearchFunc(friends, id, func(f Friend, id uint64) int { return cmpID(f.ID, id) }); ok {
			out = append(out, id)
		}
	}
	if len(out) != len(friends) {
		return nil, corruptf("names: %d of %d friends found are in the name index", len(out), len(friends))
	}
	return out, nil
}
