package store

import (
	"encoding/json"
	"fmt"
	"strconv"

	bolt "go.etcd.io/bbolt"
)

// Problem is one thing kith verify found wrong.
type Problem struct {
	// Bucket is where: a bucket's name, or "file" for the pages.
	Bucket string
	// Key is which entry (an id, or a key in hex), if any.
	Key string
	// What is wrong.
	What string
}

func (p Problem) String() string {
	if p.Key == "" {
		return p.Bucket + ": " + p.What
	}
	return p.Bucket + " " + p.Key + ": " + p.What
}

// Report is what Verify found.
type Report struct {
	Schema                int
	Friends, Asks, Favors int
	// Problems is empty when the database is sound.
	Problems []Problem
}

// maxProblems is how many problems a report lists.
const maxProblems = 100

// Verify checks the database whole: its pages (as bbolt's tx.Check,
// which it also runs once the pages are sound), every record's encoding
// and checksum, and that the indexes, the summaries and the counts agree
// with the records both ways. It changes nothing, and does not migrate an
// older file. A missing database is an error wrapping ErrNotFound.
func (s *Store) Verify() (*Report, error) {
	info, err := s.stat()
	if err != nil {
		return nil, err
	}
	if info == nil {
		return nil, fmt.Errorf("%s: no database yet, nothing to verify: %w", s.path, ErrNotFound)
	}
	r := &Report{}
	for _, p := range checkStructure(s.path, maxProblems) {
		r.Problems = append(r.Problems, Problem{Bucket: "file", What: p})
	}
	if len(r.Problems) > 0 {
		return r, nil // bbolt would read a damaged page through its map
	}
	g, err := s.gate(false)
	if err != nil {
		return nil, err
	}
	db, err := bolt.Open(s.path, 0o600, &bolt.Options{Timeout: s.timeout(), ReadOnly: true, OpenFile: openRegular})
	g.release()
	if err != nil {
		return nil, s.damage(fmt.Errorf("%w: %v", errCorrupt, err))
	}
	defer db.Close()
	err = guard(s.path, func() error {
		return db.View(func(tx *bolt.Tx) error {
			for err := range tx.Check() {
				if len(r.Problems) < maxProblems {
					r.Problems = append(r.Problems, Problem{Bucket: "file", What: err.Error()})
				}
			}
			if len(r.Problems) > 0 {
				return nil
			}
			if tx.Bucket(bucketMeta) == nil {
				if isBlank(tx) {
					return nil
				}
				return fmt.Errorf("%s is a bbolt file but %w (no meta bucket)", s.path, ErrNotKith)
			}
			v, err := s.checkSchema(tx)
			if err != nil {
				return err
			}
			r.Schema = v
			r.Problems = append(r.Problems, verifyRecords(tx, v, maxProblems)...)
			r.Friends = tx.Bucket(bucketFriends).Stats().KeyN
			r.Asks = tx.Bucket(bucketAsks).Stats().KeyN
			r.Favors = tx.Bucket(bucketFavors).Stats().KeyN
			return nil
		})
	})
	if err != nil && !isDamage(err) {
		return nil, err
	}
	if err != nil {
		r.Problems = append(r.Problems, Problem{Bucket: "file", What: err.Error()})
	}
	return r, nil
}

func isDamage(err error) bool {
	_, ok := err.(*damageError)
	return ok
}

// verifier collects problems, up to max.
type verifier struct {
	damaged  map[uint64]bool // friends whose record is there but damaged
	tx       *bolt.Tx
	schema   int
	max      int
	problems []Problem
	// The name index and postings entries the friends call for (schema
	// 3 on), by key.
	coll                 *Collator
	wantNames, wantPosts map[string]bool
	// The row each name index entry calls for (schema 5 on), by key.
	wantRows map[string][]byte
}

func (v *verifier) add(bucket, key, format string, a ...any) {
	if len(v.problems) < v.max {
		v.problems = append(v.problems, Problem{Bucket: bucket, Key: key, What: fmt.Sprintf(format, a...)})
	}
}

func (v *verifier) full() bool { return len(v.problems) >= v.max }

// gone says why friend id is not among the friends read.
func (v *verifier) gone(id uint64) string {
	if v.damaged[id] {
		return "whose record is damaged"
	}
	return "who is not there"
}

func idKey(k []byte) string {
	if len(k) == 8 {
		return strconv.FormatUint(btoi(k), 10)
	}
	return fmt.Sprintf("%x", k)
}

func indexKey(k []byte) string {
	if len(k) == 24 {
		return fmt.Sprintf("friend %d, id %d", btoi(k[:8]), historyID(k))
	}
	return fmt.Sprintf("%x", k)
}

// verifyRecords checks every record and index entry of a database at
// schema version schema, and returns up to max problems.
func verifyRecords(tx *bolt.Tx, schema, max int) []Problem {
	v := &verifier{tx: tx, schema: schema, max: max, damaged: map[uint64]bool{}}
	if schema < 1 {
		return nil // no buckets yet
	}
	for _, name := range [][]byte{bucketFriends, bucketAsks, bucketFavors, bucketAsksByFriend, bucketFavorsByFriend, bucketProfile} {
		if tx.Bucket(name) == nil {
			v.add(string(name), "", "the bucket is missing")
		}
	}
	if schema >= 2 && tx.Bucket(bucketSummaries) == nil {
		v.add(string(bucketSummaries), "", "the bucket is missing")
	}
	for _, name := range [][]byte{bucketNames, bucketPostings} {
		if schema >= 3 && tx.Bucket(name) == nil {
			v.add(string(name), "", "the bucket is missing")
		}
	}
	if len(v.problems) > 0 {
		return v.problems
	}
	v.records()
	return v.problems
}

// decoders of the file's schema.
func (v *verifier) friend(k, val []byte) (Friend, error) {
	if v.schema < 2 {
		return decodeFriendV1(val)
	}
	return decodeFriend(k, val)
}

func (v *verifier) ask(k, val []byte) (Ask, error) {
	if v.schema < 2 {
		return decodeAskV1(val)
	}
	return decodeAsk(k, val)
}

func (v *verifier) favor(k, val []byte) (Favor, error) {
	if v.schema < 2 {
		return decodeFavorV1(val)
	}
	return decodeFavor(k, val)
}

func (v *verifier) records() {
	tx := v.tx
	friends := map[uint64]bool{}
	perAsks := map[uint64]uint64{}
	perLast := map[uint64]int64{} // the latest made ask of each friend, by the records
	perFavors := map[uint64]uint64{}
	each := func(name []byte, fn func(k, val []byte)) uint64 {
		var n uint64
		c := tx.Bucket(name).Cursor()
		for k, val := c.First(); k != nil && !v.full(); k, val = c.Next() {
			n++
			if val == nil {
				v.add(string(name), idKey(k), "a bucket where a record should be")
				continue
			}
			fn(k, val)
		}
		return n
	}
	nf := each(bucketFriends, func(k, val []byte) {
		f, err := v.friend(k, val)
		switch {
		case len(k) != 8:
			v.add("friends", idKey(k), "the key is not an id")
		case err != nil:
			v.add("friends", idKey(k), "does not decode or fails its checksum")
			v.damaged[btoi(k)] = true
		case f.ID != btoi(k):
			v.add("friends", idKey(k), "holds friend %d", f.ID)
		default:
			friends[f.ID] = true
			v.expectKeys(&f)
		}
	})
	// Records to index: each record's index entry is known from the
	// record (key and value), kept as a checksum by record id; the index
	// pass then needs no lookup of the records.
	wantAsk := make(map[uint64]uint32)
	wantFavor := make(map[uint64]uint32)
	entrySum := func(k, val []byte) uint32 { return seed(0).sum(k, val) }
	na := each(bucketAsks, func(k, val []byte) {
		a, err := v.ask(k, val)
		switch {
		case len(k) != 8:
			v.add("asks", idKey(k), "the key is not an id")
		case err != nil:
			v.add("asks", idKey(k), "does not decode or fails its checksum")
		case a.ID != btoi(k):
			v.add("asks", idKey(k), "holds ask %d", a.ID)
		default:
			if !friends[a.FriendID] {
				v.add("asks", idKey(k), "belongs to friend %d, %s", a.FriendID, v.gone(a.FriendID))
			}
			if a.Status.Made() {
				perLast[a.FriendID] = max(perLast[a.FriendID], nanos(a.At()))
			}
			ik := historyKey(a.FriendID, a.At(), a.ID)
			if v.schema < 2 {
				wantAsk[a.ID] = entrySum(ik, encodeAskHeadV1(&a))
			} else {
				wantAsk[a.ID] = entrySum(ik, encodeAskHead(ik, &a))
			}
		}
	})
	nv := each(bucketFavors, func(k, val []byte) {
		f, err := v.favor(k, val)
		switch {
		case len(k) != 8:
			v.add("favors", idKey(k), "the key is not an id")
		case err != nil:
			v.add("favors", idKey(k), "does not decode or fails its checksum")
		case f.ID != btoi(k):
			v.add("favors", idKey(k), "holds favor %d", f.ID)
		default:
			if !friends[f.FriendID] {
				v.add("favors", idKey(k), "belongs to friend %d, %s", f.FriendID, v.gone(f.FriendID))
			}
			ik := historyKey(f.FriendID, f.At, f.ID)
			if v.schema < 2 {
				wantFavor[f.ID] = entrySum(ik, nil)
			} else {
				wantFavor[f.ID] = entrySum(ik, encodeFavorHead(ik, &f))
			}
		}
	})
	// Index to records: each entry is exactly the entry of a record that
	// is there (same owner, time, id and head). Each names a different
	// record, so as many entries as records means every record has its
	// entry.
	index := func(name []byte, want map[uint64]uint32, per map[uint64]uint64, what string, bad *int) uint64 {
		return each(name, func(k, val []byte) {
			if len(k) != 24 {
				v.add(string(name), indexKey(k), "the key is not an index key")
				return
			}
			w, ok := want[historyID(k)]
			switch {
			case !ok:
				*bad++
				v.add(string(name), indexKey(k), "names %s %d, which is not there (or is damaged)", what, historyID(k))
			case w != entrySum(k, val):
				*bad++
				v.add(string(name), indexKey(k), "does not match %s %d (or fails its checksum)", what, historyID(k))
			default:
				delete(want, historyID(k)) // a second entry for it is not its entry
				per[btoi(k[:8])]++
			}
		})
	}
	var badA, badV int
	nia := index(bucketAsksByFriend, wantAsk, perAsks, "ask", &badA)
	niv := index(bucketFavorsByFriend, wantFavor, perFavors, "favor", &badV)
	for id := range wantAsk {
		if badA == 0 {
			v.add("asks_by_friend", "", "ask %d has no index entry", id)
		}
	}
	for id := range wantFavor {
		if badV == 0 {
			v.add("favors_by_friend", "", "favor %d has no index entry", id)
		}
	}
	if v.full() {
		return
	}
	if nia != na {
		v.add("asks_by_friend", "", "%d entries for %d asks", nia, na)
	}
	if niv != nv {
		v.add("favors_by_friend", "", "%d entries for %d favors", niv, nv)
	}
	v.profile()
	if v.schema < 2 {
		return
	}
	c, err := getCounts(tx)
	if err != nil {
		v.add("meta", "counts", "missing, or fails its checksum")
	} else {
		if c.friends != nf {
			v.add("meta", "counts", "says %d friends, the bucket holds %d", c.friends, nf)
		}
		if c.asks != na {
			v.add("meta", "counts", "says %d asks, the bucket holds %d", c.asks, na)
		}
		if c.favors != nv {
			v.add("meta", "counts", "says %d favors, the bucket holds %d", c.favors, nv)
		}
	}
	ns := each(bucketSummaries, func(k, val []byte) {
		s, err := decodeSummary(k, val)
		switch {
		case len(k) != 8 || err != nil:
			v.add("summaries", idKey(k), "does not decode or fails its checksum")
		case !friends[btoi(k)]:
			v.add("summaries", idKey(k), "summarises friend %d, %s", btoi(k), v.gone(btoi(k)))
		default:
			id := btoi(k)
			if s.asks != perAsks[id] {
				v.add("summaries", idKey(k), "says %d asks, the index holds %d", s.asks, perAsks[id])
			}
			if v.schema >= 3 && s.lastMade != perLast[id] {
				v.add("summaries", idKey(k), "says the last ask was made at %v, the asks say %v", fromNanos(s.lastMade), fromNanos(perLast[id]))
			}
			if s.favors != perFavors[id] {
				v.add("summaries", idKey(k), "says %d favors, the index holds %d", s.favors, perFavors[id])
			}
		}
	})
	if ns != nf {
		v.add("summaries", "", "%d summaries for %d friends", ns, nf)
	}
	if tx.Bucket(bucketSyncState) != nil {
		each(bucketSyncState, func(k, val []byte) {
			if _, err := decodeSyncState(k, val); err != nil {
				v.add(string(bucketSyncState), fmt.Sprintf("%q", k), "does not decode or fails its checksum")
			}
		})
	}
	v.nameIndexes()
}

func (v *verifier) profile() {
	val := v.tx.Bucket(bucketProfile).Get(keyProfile)
	switch {
	case val == nil && v.schema >= 2:
		v.add("profile", "", "missing")
	case val == nil:
	case v.schema < 2:
		var p Profile
		if json.Unmarshal(val, &p) != nil {
			v.add("profile", "", "does not decode")
		}
	default:
		if _, err := decodeProfile(val); err != nil {
			v.add("profile", "", "does not decode or fails its checksum")
		}
	}
}
