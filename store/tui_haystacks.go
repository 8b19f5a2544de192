package store

import (
	"bytes"
	"strings"
	"sync"

	bolt "go.etcd.io/bbolt"
)

// readHaystacks reads into h every friend's haystack (in tx) and the name
// order. The friends' key range is read in two parts at once: the
// second in its own read transaction on another goroutine, the first,
// then the name order, in tx (see haystackSplit). A second transaction
// reads what tx reads: the database is open read-only, so no write
// commits while it is (and the two transactions' ids are compared
// anyway: apart, the friends are read in one part). The result, errors
// included, is that of the one-part read: the first damaged record in id
// order, then the name index.
func readHaystacks(path string, tx *bolt.Tx, h *Haystacks) error {
	return readHaystacksSplit(path, tx, h, haystackSplit(tx))
}

// readHaystacksSplit is readHaystacks with the second part starting at
// key split; nil reads the friends in one part.
func readHaystacksSplit(path string, tx *bolt.Tx, h *Haystacks, split []byte) error {
	c, err := getCounts(tx)
	if err != nil {
		return err
	}
	var second haystackPart
	var wg sync.WaitGroup
	if split != nil {
		tx2, err := tx.DB().Begin(false)
		if err != nil {
			return err
		}
		defer tx2.Rollback()
		if tx2.ID() != tx.ID() {
			split = nil
		} else {
			wg.Add(1)
			go func() {
				defer wg.Done()
				// a fault in bbolt on this goroutine is guarded here
				second.err = guard(path, func() error {
					return second.read(tx2, split, nil, int(c.friends)*2/3+1)
				})
			}()
		}
	}
	var first haystackPart
	want := int(c.friends)
	if split != nil {
		want = want/3 + 1
	}
	firstErr := first.read(tx, nil, split, want)
	var order []uint64
	var orderErr error
	if firstErr == nil {
		order, orderErr = nameOrder(tx, -1)
	}
	wg.Wait()
	switch {
	case firstErr != nil:
		return firstErr
	case second.err != nil:
		return second.err
	}
	if err := first.join(&second, c.friends, h); err != nil {
		return err
	}
	if orderErr != nil {
		return orderErr
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
}

// haystackSplit is the key where the second part of the friends' key
// range starts: a third of the way from the first friend's id to the
// last's, the first part's goroutine reading the name order besides.
// It is nil when there are too few friends to split.
func haystackSplit(tx *bolt.Tx) []byte {
	cur := tx.Bucket(bucketFriends).Cursor()
	lo, _ := cur.First()
	hi, _ := cur.Last()
	if len(lo) != 8 || len(hi) != 8 || btoi(hi)-btoi(lo) < 2 {
		return nil // a damaged key is found by the one-part read
	}
	return itob(btoi(lo) + (btoi(hi)-btoi(lo))/3)
}

// haystackPart is the haystacks of the friends in a range of keys.
type haystackPart struct {
	ids      []uint64
	archived []bool
	starts   []int32 // where each haystack starts in all
	all      []byte
	err      error
}

// read reads every friend record with a key in [from, to) (from nil:
// the first, to nil: past the last), checked, into p: its id, whether
// it is archived and its haystack, followed by \x01. About want are
// expected.
func (p *haystackPart) read(tx *bolt.Tx, from, to []byte, want int) error {
	p.all = make([]byte, 0, want*80) // about what a demo friend's haystack takes
	p.ids = make([]uint64, 0, want)
	p.archived = make([]bool, 0, want)
	p.starts = make([]int32, 0, want)
	var sectors [][]byte
	cur := tx.Bucket(bucketFriends).Cursor()
	k, v := cur.First()
	if from != nil {
		k, v = cur.Seek(from)
	}
	var last uint64
	for ; k != nil && (to == nil || bytes.Compare(k, to) < 0); k, v = cur.Next() {
		if len(k) != 8 || v == nil {
			return corruptf("friends: key %x is not a friend", k)
		}
		id := btoi(k)
		if len(p.ids) > 0 && id <= last {
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
		p.ids = append(p.ids, id)
		p.archived = append(p.archived, archived)
		p.starts = append(p.starts, int32(len(p.all)))
		p.all = AppendHaystack(p.all, name, nick, org, sectors, notes)
		p.all = append(p.all, 1)
	}
	return nil
}

// join puts p and then q (the range of keys after p's) into h, checking
// that they hold the want friends written.
func (p *haystackPart) join(q *haystackPart, want uint64, h *Haystacks) error {
	n := len(p.ids) + len(q.ids)
	if uint64(n) != want {
		return corruptf("friends: %d records where %d were written", n, want)
	}
	h.IDs = append(p.ids, q.ids...)
	h.Archived = append(p.archived, q.archived...)
	h.Starts = append(p.starts, make([]int32, 0, len(q.starts)+1)...)
	for _, at := range q.starts {
		h.Starts = append(h.Starts, int32(len(p.all))+at)
	}
	h.Starts = append(h.Starts, int32(len(p.all)+len(q.all)))
	var all strings.Builder
	all.Grow(len(p.all) + len(q.all))
	all.Write(p.all)
	all.Write(q.all)
	h.All = all.String()
	return nil
}
