package store

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unsafe"

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

// Haystacks reads every friend's haystack and the name order from the
// name index alone (schema 6: each row ends with its friend's haystack),
// in one read transaction, checking every entry it reads: no friend is
// decoded, nothing folded.
func (s *Store) Haystacks() (*Haystacks, error) {
	h := &Haystacks{}
	err := s.view(func(tx *bolt.Tx) error {
		c, err := getCounts(tx)
		if err != nil {
			return err
		}
		return readHaystacks(tx, c.friends, h)
	})
	if err != nil {
		return nil, err
	}
	return h, nil
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

// FriendsOf reads the friends of ids (e.g. the first matches of a
// filter) without their history, in id order, and how many friends the
// database holds, in one transaction: what a list shows of them before
// their badges. A friend no longer there (removed since the ids were
// read) is left out.
func (s *Store) FriendsOf(ids []uint64) ([]Friend, int, error) {
	var out []Friend
	total := 0
	err := s.view(func(tx *bolt.Tx) error {
		c, err := getCounts(tx)
		if err != nil {
			return err
		}
		total = int(c.friends)
		for _, id := range slices.Compact(slices.Sorted(slices.Values(ids))) {
			f, err := getFriend(tx, id)
			switch {
			case errors.Is(err, ErrNotFound):
				continue // removed since its id was read
			case err != nil:
				return err
			}
			out = append(out, f)
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// readHaystacks reads every name index entry, checked, into h: the
// haystacks (slices of the map, valid for tx) in the name order, then
// copied into h.All in id order. The schema-5 way, which read every
// friend record, folded each and walked the name index apart, took
// 86 ms at 100k (BenchmarkStore/100k/Haystacks).
func readHaystacks(tx *bolt.Tx, want uint64, h *Haystacks) error {
	b := tx.Bucket(bucketNames)
	if b == nil {
		return corruptf("the name index (bucket names) is missing")
	}
	ids := make([]uint64, 0, want)
	hays := make([][]byte, 0, want)
	archived := make([]bool, 0, want)
	size := 0
	cur := b.Cursor()
	for k, v := cur.First(); k != nil; k, v = cur.Next() {
		if len(k) < 9 {
			return corruptf("names: key %x", k)
		}
		id := nameID(k)
		body, err := seedNames.open(k, v)
		if err != nil {
			return fmt.Errorf("names: friend %d: %w", id, err)
		}
		hay, arch, ok, err := rowHaystack(body)
		if err != nil || !ok {
			return corruptf("names: friend %d: the row holds no haystack", id)
		}
		ids = append(ids, id)
		hays = append(hays, hay)
		archived = append(archived, arch)
		size += len(hay) + 1
	}
	if uint64(len(ids)) != want {
		return corruptf("names: %d entries where %d friends were written", len(ids), want)
	}
	byID := idOrder(ids)
	if byID == nil {
		return corruptf("names: a friend has two entries")
	}
	h.IDs = make([]uint64, len(ids))
	h.Archived = make([]bool, len(ids))
	h.Starts = make([]int32, len(ids)+1)
	h.Order = make([]int32, len(ids))
	at := int32(0)
	for i, p := range byID {
		h.IDs[i], h.Archived[i], h.Starts[i] = ids[p], archived[p], at
		h.Order[p] = int32(i)
		at += int32(len(hays[p])) + 1
	}
	h.Starts[len(ids)] = at
	// Copied in the name order, the order they were read in: in id
	// order, from all over the map, the copy took 19 ms of 67 at 100k.
	all := make([]byte, at)
	for p, i := range h.Order {
		n := copy(all[h.Starts[i]:], hays[p])
		all[int(h.Starts[i])+n] = 1
	}
	// all is never written again: the string shares it, as
	// strings.Builder does (a copy cost 6 MB and a pass at 100k).
	h.All = unsafe.String(unsafe.SliceData(all), len(all))
	return nil
}

// idOrder returns the positions of ids in id order, nil if an id is
// there twice. While the ids are dense (the friends bucket's sequence) a
// table indexed by id gives it: a sort took a third of Haystacks at 100k.
func idOrder(ids []uint64) []int32 {
	maxID := uint64(0)
	for _, id := range ids {
		maxID = max(maxID, id)
	}
	out := make([]int32, 0, len(ids))
	if maxID < uint64(4*len(ids)+1024) {
		table := make([]int32, maxID+1)
		for p, id := range ids {
			if table[id] != 0 {
				return nil
			}
			table[id] = int32(p) + 1
		}
		for _, p := range table {
			if p != 0 {
				out = append(out, p-1)
			}
		}
		return out
	}
	for p := range ids {
		out = append(out, int32(p))
	}
	slices.SortFunc(out, func(a, b int32) int { return cmp.Compare(ids[a], ids[b]) })
	for i := 1; i < len(out); i++ {
		if ids[out[i]] == ids[out[i-1]] {
			return nil
		}
	}
	return out
}
