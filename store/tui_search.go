package store

import (
	"errors"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// The TUI's filter: what it searches of a friend (the haystack), every
// friend's haystack read at once (Haystacks) and the first matches read
// with their facts (PageOf), for the keys typed before the TUI has read
// everyone.

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

// Haystacks is what the TUI's filter searches of every friend, read
// without decoding one: the TUI answers a filter from it, in memory,
// before it has read every friend.
type Haystacks struct {
	// IDs is every friend's id, in id order; Archived is, at the same
	// positions, whether the friend is archived.
	IDs      []uint64
	Archived []bool
	// Order is the positions in IDs in the name order (see Collator).
	Order []int32
	// All is every friend's haystack (AppendHaystack), in id order, each
	// followed by \x01; the one at position i is
	// All[Starts[i]:Starts[i+1]-1].
	All    string
	Starts []int32
}

// Haystacks reads every friend's haystack and the name order, in one
// read transaction, checking every record it reads: the friends' records
// are scanned in place, never decoded.
func (s *Store) Haystacks() (*Haystacks, error) {
	h := &Haystacks{}
	err := s.view(func(tx *bolt.Tx) error {
		c, err := getCounts(tx)
		if err != nil {
			return err
		}
		if err := readHaystacks(tx, c.friends, h); err != nil {
			return err
		}
		order, err := nameOrder(tx, -1)
		if err != nil {
			return err
		}
		h.Order = make([]int32, len(order))
		at := h.position()
		for i, id := range order {
			p := at(id)
			if p < 0 {
				return corruptf("names: friend %d is not a friend", id)
			}
			h.Order[i] = p
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return h, nil
}

// position returns what finds an id's position in h.IDs (-1 if none):
// a table while the ids are dense (the friends bucket's sequence), else
// a binary search, which took 9 % of Haystacks at 100k.
func (h *Haystacks) position() func(id uint64) int32 {
	n := len(h.IDs)
	if n == 0 || h.IDs[n-1] >= uint64(4*n+1024) {
		return func(id uint64) int32 {
			if p, ok := slices.BinarySearch(h.IDs, id); ok {
				return int32(p)
			}
			return -1
		}
	}
	table := make([]int32, h.IDs[n-1]+1)
	for i := range table {
		table[i] = -1
	}
	for i, id := range h.IDs {
		table[id] = int32(i)
	}
	return func(id uint64) int32 {
		if id >= uint64(len(table)) {
			return -1
		}
		return table[id]
	}
}

// PageOf reads the friends of order (ids, e.g. the first matches of a
// filter in the name order) with their facts and their places' pool, as
// FirstPage does for the first friends by name, in one transaction. A
// friend no longer there (removed since the ids were read) is left out.
func (s *Store) PageOf(order []uint64) (*Page, error) {
	p := &Page{Network: &Network{}, Order: slices.Clone(order)}
	err := s.view(func(tx *bolt.Tx) error {
		c, err := getCounts(tx)
		if err != nil {
			return err
		}
		p.Total = int(c.friends)
		for _, id := range slices.Compact(slices.Sorted(slices.Values(order))) {
			f, err := getFriend(tx, id)
			switch {
			case errors.Is(err, ErrNotFound):
				// removed since its id was read: the page goes without
				p.Order = slices.DeleteFunc(p.Order, func(x uint64) bool { return x == id })
				continue
			case err != nil:
				return err
			}
			p.Network.Friends = append(p.Network.Friends, f)
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

// readHaystacks reads every friend record, checked, into h: its id,
// whether it is archived and its haystack. It reads them in one part, on
// one goroutine. Read in two parts at once (a second read transaction on
// another goroutine, the name order beside the first part), Haystacks
// at 100k took 50-124 ms against 70-87 (BenchmarkStore/100k/Haystacks,
// medians of 3-5 in 5 alternating rounds, load average 2.5-4): faster
// while a core was free. But in the whole process (scripts/vs-abook
// --only tui, 100,000 friends, medians of 5 in 4 alternating rounds,
// load average 2-3) the filter's key to target took 88-177 ms against
// 93-110 and the first frame 57-79 ms against 44-53: the TUI draws on
// the other core meanwhile.
func readHaystacks(tx *bolt.Tx, want uint64, h *Haystacks) error {
	var all strings.Builder
	all.Grow(int(want) * 80) // about what a demo friend's haystack takes
	var hay []byte
	var sectors [][]byte
	h.IDs = make([]uint64, 0, want)
	h.Archived = make([]bool, 0, want)
	h.Starts = make([]int32, 0, want+1)
	cur := tx.Bucket(bucketFriends).Cursor()
	var last uint64
	for k, v := cur.First(); k != nil; k, v = cur.Next() {
		if len(k) != 8 || v == nil {
			return corruptf("friends: key %x is not a friend", k)
		}
		id := btoi(k)
		if len(h.IDs) > 0 && id <= last {
			return corruptf("friends: key %d out of order", id)
		}
		last = id
		body, err := seedFriends.open(k, v)
		if err != nil {
			return corruptf("friend %d: %v", id, err)
		}
		var name, nick, org, notes []byte
		archived := false
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
			case tagFriendArchived:
				archived = d.bool()
			}
		}
		if d.err {
			return corruptf("friend %d: %v", id, errCorrupt)
		}
		hay = AppendHaystack(hay[:0], name, nick, org, sectors, notes)
		hay = append(hay, 1)
		h.IDs = append(h.IDs, id)
		h.Archived = append(h.Archived, archived)
		h.Starts = append(h.Starts, int32(all.Len()))
		all.Write(hay)
	}
	if uint64(len(h.IDs)) != want {
		return corruptf("friends: %d records where %d were written", len(h.IDs), want)
	}
	h.Starts = append(h.Starts, int32(all.Len()))
	h.All = all.String()
	return nil
}
