package store

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"
	"unsafe"

	bolt "go.etcd.io/bbolt"
)

// Every read checks what it reads: each value's checksum, and for a read
// of a whole bucket or of a friend's history, that no entry is missing
// (the counts and summaries). Damage is errCorrupt, which the Store turns
// into ErrCorrupt; nothing answers around it.

// corruptf reports damage: the message names what is damaged.
func corruptf(format string, a ...any) error {
	return fmt.Errorf(format+": %w", append(a, errCorrupt)...)
}

func getFriend(tx *bolt.Tx, id uint64) (Friend, error) {
	k := itob(id)
	v := tx.Bucket(bucketFriends).Get(k)
	if v == nil {
		return Friend{}, fmt.Errorf("friend %d: %w", id, ErrNotFound)
	}
	f, err := decodeFriend(k, v)
	if err != nil {
		return Friend{}, fmt.Errorf("friend %d: %w", id, err)
	}
	return f, nil
}

// hasFriend reports whether friend id is there, checking the record's
// checksum but decoding nothing (an ask's write needs no more; decoding
// the friend took an eighth of a demo fill).
func hasFriend(tx *bolt.Tx, id uint64) error {
	k := itob(id)
	v := tx.Bucket(bucketFriends).Get(k)
	if v == nil {
		return fmt.Errorf("friend %d: %w", id, ErrNotFound)
	}
	if _, err := seedFriends.open(k, v); err != nil {
		return fmt.Errorf("friend %d: %w", id, err)
	}
	return nil
}

func getAsk(tx *bolt.Tx, id uint64) (Ask, error) {
	k := itob(id)
	v := tx.Bucket(bucketAsks).Get(k)
	if v == nil {
		return Ask{}, fmt.Errorf("ask %d: %w", id, ErrNotFound)
	}
	a, err := decodeAsk(k, v)
	if err != nil {
		return Ask{}, fmt.Errorf("ask %d: %w", id, err)
	}
	return a, nil
}

// getProfile returns the profile. Every database has one from schema 2
// on: a missing one is damage.
func getProfile(tx *bolt.Tx) (Profile, error) {
	v := tx.Bucket(bucketProfile).Get(keyProfile)
	if v == nil {
		return DefaultProfile(), corruptf("the profile is missing")
	}
	p, err := decodeProfile(v)
	if err != nil {
		return p, fmt.Errorf("the profile: %w", err)
	}
	return p, nil
}

func getCounts(tx *bolt.Tx) (counts, error) {
	v := tx.Bucket(bucketMeta).Get(keyCounts)
	if v == nil {
		return counts{}, corruptf("the record counts are missing")
	}
	c, err := decodeCounts(v)
	if err != nil {
		return c, fmt.Errorf("the record counts: %w", err)
	}
	return c, nil
}

func getSummary(tx *bolt.Tx, id uint64) (summary, error) {
	k := itob(id)
	v := tx.Bucket(bucketSummaries).Get(k)
	if v == nil {
		return summary{}, corruptf("friend %d: the summary is missing", id)
	}
	s, err := decodeSummary(k, v)
	if err != nil {
		return s, fmt.Errorf("friend %d: the summary: %w", id, err)
	}
	return s, nil
}

// rawFriends is every friend's value copied out of a transaction into
// one buffer, to decode after the transaction (and its lock) is gone.
type rawFriends struct {
	buf  []byte
	ends []int
	ids  []uint64
}

// copyFriends copies every friend out of tx and checks that none is
// missing.
func copyFriends(tx *bolt.Tx) (rawFriends, error) {
	c, err := getCounts(tx)
	if err != nil {
		return rawFriends{}, err
	}
	// The counts are checksummed: a capacity from them is what kith
	// wrote, never an id or a sequence.
	n := c.friends
	r := rawFriends{buf: make([]byte, 0, 256*n), ends: make([]int, 0, n), ids: make([]uint64, 0, n)}
	cur := tx.Bucket(bucketFriends).Cursor()
	var last uint64
	for k, v := cur.First(); k != nil; k, v = cur.Next() {
		if len(k) != 8 || v == nil {
			return rawFriends{}, corruptf("friends: key %x is not a friend", k)
		}
		id := btoi(k)
		if len(r.ids) > 0 && id <= last {
			return rawFriends{}, corruptf("friends: key %d out of order", id)
		}
		last = id
		r.buf = append(r.buf, v...)
		r.ends = append(r.ends, len(r.buf))
		r.ids = append(r.ids, id)
	}
	if uint64(len(r.ids)) != n {
		return rawFriends{}, corruptf("friends: %d records where %d were written", len(r.ids), n)
	}
	return r, nil
}

// decode checks and decodes the friends. Each friend's text is a
// substring of one string and their lists share backing arrays: at 100k
// friends a handful of allocations instead of 460,000. A large list is
// decoded in parts, one goroutine each (BenchmarkStore/100k/Friends on
// two cores: 103 ms in one part, 66 ms in two).
func (r rawFriends) decode() ([]Friend, error) {
	// The buffer is never written again: its bytes are the string, as
	// strings.Builder does it, instead of a copy of 25 MB at 100k friends
	// (BenchmarkStore/100k/Friends: 12 ms less).
	all := unsafe.String(unsafe.SliceData(r.buf), len(r.buf))
	out := make([]Friend, len(r.ends))
	parts := 1
	if len(out) >= 20_000 {
		parts = min(runtime.GOMAXPROCS(0), 4)
	}
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := p*len(out)/parts, (p+1)*len(out)/parts
		wg.Go(func() { errs[p] = r.decodeRange(all, out, lo, hi) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// decodeRange decodes friends lo to hi into out.
func (r rawFriends) decodeRange(all string, out []Friend, lo, hi int) error {
	var fd friendDecoder
	start := 0
	if lo > 0 {
		start = r.ends[lo-1]
	}
	for i := lo; i < hi; i++ {
		end := r.ends[i]
		k := itob(r.ids[i])
		body, err := seedFriends.open(k, r.buf[start:end])
		if err == nil {
			// body is the value without its version byte and checksum.
			b := start + 1
			err = fd.decode(&out[i], body, all[b:b+len(body)])
		}
		if err == nil && out[i].ID != r.ids[i] {
			err = errCorrupt
		}
		if err != nil {
			return fmt.Errorf("friend %d: %w", r.ids[i], err)
		}
		start = end
	}
	return nil
}

func allFriends(tx *bolt.Tx) ([]Friend, error) {
	r, err := copyFriends(tx)
	if err != nil {
		return nil, err
	}
	return r.decode()
}

// history returns one friend's asks (full records) and favors, oldest
// first, by a range scan of the by-friend indexes, checked against the
// friend's summary.
func history(tx *bolt.Tx, friendID uint64) ([]Ask, []Favor, error) {
	sum, err := getSummary(tx, friendID)
	if err != nil {
		return nil, nil, err
	}
	prefix := itob(friendID)
	var asks []Ask
	c := tx.Bucket(bucketAsksByFriend).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if len(k) != 24 {
			return nil, nil, corruptf("asks_by_friend: key %x", k)
		}
		if _, err := decodeAskHead(k, v, nil); err != nil {
			return nil, nil, fmt.Errorf("asks_by_friend: ask %d: %w", historyID(k), err)
		}
		a, err := getAsk(tx, historyID(k))
		if err != nil {
			return nil, nil, corruptf("ask %d, in friend %d's index: %v", historyID(k), friendID, err)
		}
		if a.FriendID != friendID || timeKey(a.At()) != btoi(k[8:16]) {
			return nil, nil, corruptf("ask %d does not match its index entry", a.ID)
		}
		asks = append(asks, a)
	}
	if uint64(len(asks)) != sum.asks {
		return nil, nil, corruptf("friend %d: the index holds %d asks where %d were written", friendID, len(asks), sum.asks)
	}
	var favors []Favor
	c = tx.Bucket(bucketFavorsByFriend).Cursor()
	fb := tx.Bucket(bucketFavors)
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if len(k) != 24 {
			return nil, nil, corruptf("favors_by_friend: key %x", k)
		}
		if _, err := decodeFavorHead(k, v); err != nil {
			return nil, nil, fmt.Errorf("favors_by_friend: favor %d: %w", historyID(k), err)
		}
		fk := k[16:24]
		fv := fb.Get(fk)
		if fv == nil {
			return nil, nil, corruptf("favor %d, in friend %d's index, is missing", historyID(k), friendID)
		}
		f, err := decodeFavor(fk, fv)
		if err != nil {
			return nil, nil, fmt.Errorf("favor %d: %w", historyID(k), err)
		}
		if f.FriendID != friendID || timeKey(f.At) != btoi(k[8:16]) {
			return nil, nil, corruptf("favor %d does not match its index entry", f.ID)
		}
		favors = append(favors, f)
	}
	if uint64(len(favors)) != sum.favors {
		return nil, nil, corruptf("friend %d: the index holds %d favors where %d were written", friendID, len(favors), sum.favors)
	}
	return asks, favors, nil
}

// checkSummaries checks the by-friend index entries, whose owners (in key
// order) are askOwners and favorOwners, against the summaries and the
// counts. favorOwners nil means the favors were not read.
func checkSummaries(tx *bolt.Tx, askOwners, favorOwners []uint64, checkFavors bool) error {
	c, err := getCounts(tx)
	if err != nil {
		return err
	}
	if uint64(len(askOwners)) != c.asks {
		return corruptf("asks_by_friend: %d entries where %d asks were written", len(askOwners), c.asks)
	}
	if checkFavors && uint64(len(favorOwners)) != c.favors {
		return corruptf("favors_by_friend: %d entries where %d favors were written", len(favorOwners), c.favors)
	}
	run := func(owners []uint64, i *int, id uint64) uint64 {
		n := 0
		for *i < len(owners) && owners[*i] == id {
			*i++
			n++
		}
		return uint64(n)
	}
	var ai, fi int
	var friends uint64
	cur := tx.Bucket(bucketSummaries).Cursor()
	for k, v := cur.First(); k != nil; k, v = cur.Next() {
		if len(k) != 8 {
			return corruptf("summaries: key %x", k)
		}
		s, err := decodeSummary(k, v)
		if err != nil {
			return fmt.Errorf("summaries: friend %d: %w", btoi(k), err)
		}
		id := btoi(k)
		friends++
		if ai < len(askOwners) && askOwners[ai] < id {
			return corruptf("asks_by_friend: entries for friend %d, who has no summary", askOwners[ai])
		}
		if n := run(askOwners, &ai, id); n != s.asks {
			return corruptf("friend %d: the index holds %d asks where %d were written", id, n, s.asks)
		}
		if checkFavors {
			if fi < len(favorOwners) && favorOwners[fi] < id {
				return corruptf("favors_by_friend: entries for friend %d, who has no summary", favorOwners[fi])
			}
			if n := run(favorOwners, &fi, id); n != s.favors {
				return corruptf("friend %d: the index holds %d favors where %d were written", id, n, s.favors)
			}
		}
	}
	if ai < len(askOwners) {
		return corruptf("asks_by_friend: entries for friend %d, who has no summary", askOwners[ai])
	}
	if checkFavors && fi < len(favorOwners) {
		return corruptf("favors_by_friend: entries for friend %d, who has no summary", favorOwners[fi])
	}
	if friends != c.friends {
		return corruptf("summaries: %d where %d friends were written", friends, c.friends)
	}
	return nil
}

// allAsks returns every ask in id order, checked against the counts.
func allAsks(tx *bolt.Tx) ([]Ask, error) {
	c, err := getCounts(tx)
	if err != nil {
		return nil, err
	}
	out := make([]Ask, 0, c.asks)
	err = tx.Bucket(bucketAsks).ForEach(func(k, v []byte) error {
		if len(k) != 8 || v == nil {
			return corruptf("asks: key %x is not an ask", k)
		}
		a, err := decodeAsk(k, v)
		if err != nil {
			return fmt.Errorf("ask %d: %w", btoi(k), err)
		}
		out = append(out, a)
		return nil
	})
	if err == nil && uint64(len(out)) != c.asks {
		err = corruptf("asks: %d records where %d were written", len(out), c.asks)
	}
	return out, err
}

// allFavors returns every favor in id order, checked against the counts.
func allFavors(tx *bolt.Tx) ([]Favor, error) {
	c, err := getCounts(tx)
	if err != nil {
		return nil, err
	}
	out := make([]Favor, 0, c.favors)
	err = tx.Bucket(bucketFavors).ForEach(func(k, v []byte) error {
		if len(k) != 8 || v == nil {
			return corruptf("favors: key %x is not a favor", k)
		}
		f, err := decodeFavor(k, v)
		if err != nil {
			return fmt.Errorf("favor %d: %w", btoi(k), err)
		}
		out = append(out, f)
		return nil
	})
	if err == nil && uint64(len(out)) != c.favors {
		err = corruptf("favors: %d records where %d were written", len(out), c.favors)
	}
	return out, err
}
