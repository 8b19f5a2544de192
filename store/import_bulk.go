package store

import (
	"bytes"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// bulkIndexMin is the number of new friends from which AddFriends builds
// the name index and the postings again in key order instead of writing
// each friend's keys as it comes.
const bulkIndexMin = 1000

// AddFriends stores new friends in order, as AddFriend stores each one
// (setting their IDs and times), with the same indexes. done, if not
// nil, is called after each friend is stored, with its index in fs. An
// error is an *AddError naming the friend it is about, or one of the
// index's build.
//
// bbolt splits a node only when the transaction commits, and puts a key
// into a node by moving every key after it: the keys of many new friends
// written into a small index one by one, in the order of the file, cost a
// move of the whole growing node each, quadratic in the friends added
// (an import of 100,000 real names into a new database did not finish in
// 13 minutes of CPU). So when the friends added outnumber those there and
// are more than bulkIndexMin, the index is dropped and built again in key
// order (appends to the last node only), as migrations 3-5 build it, but
// from the friends in hand: those there are decoded once, the new ones
// not at all (an import of 100,000 vCards spent 1.8 s of its 6.9 s of
// CPU reading back and decoding every friend it had just written, twice).
func (t *Tx) AddFriends(fs []*Friend, done func(i int)) error {
	return t.addFriends(fs, done, t.AddFriend)
}

// AddCheckedFriends is AddFriends of friends that have each been through
// Friend.Normalize and then Friend.Validate without error, and not
// changed since (as an import's plan leaves them): they are not
// normalised and validated a second time. That second pass was 0.42 s of
// the 7.7 s of CPU an import of 100,000 vCards took (a CPU profile of
// importing the export of /work/bench/demo-100000.db).
func (t *Tx) AddCheckedFriends(fs []*Friend, done func(i int)) error {
	return t.addFriends(fs, done, t.addValid)
}

// addFriends is AddFriends, storing each friend with add.
func (t *Tx) addFriends(fs []*Friend, done func(i int), add func(*Friend) error) error {
	rebuild := false
	if len(fs) >= bulkIndexMin && t.bucketMaybe(bucketNames) != nil && t.bucketMaybe(bucketPostings) != nil {
		if err := t.count(func(*counts) {}); err != nil {
			return err
		}
		rebuild = uint64(len(fs)) > t.counts.friends
	}
	if !rebuild {
		for i, f := range fs {
			if err := add(f); err != nil {
				return &AddError{Index: i, Err: err}
			}
			if done != nil {
				done(i)
			}
		}
		return nil
	}
	ix := &bulkIndex{coll: NewCollator()}
	err := t.tx.Bucket(bucketFriends).ForEach(func(k, v []byte) error {
		f, err := decodeFriend(k, v)
		if err != nil {
			return fmt.Errorf("friend %d: %w", btoi(k), err)
		}
		ix.add(&f)
		return nil
	})
	if err != nil {
		return err
	}
	for _, name := range [][]byte{bucketNames, bucketPostings} {
		if err := t.tx.DeleteBucket(name); err != nil {
			return err
		}
	}
	// With the index buckets gone, AddFriend writes the friends alone
	// (indexFriend leaves a missing index to its build).
	for i, f := range fs {
		if err := add(f); err != nil {
			return &AddError{Index: i, Err: err}
		}
		ix.add(f)
		if done != nil {
			done(i)
		}
	}
	return ix.write(t.tx)
}

// bulkIndex gathers the name index's entries (key and row) and the
// postings' keys of many friends, to write them in key order.
type bulkIndex struct {
	coll  *Collator
	names []bulkEntry
	posts [][]byte
}

type bulkEntry struct{ k, v []byte }

func (ix *bulkIndex) add(f *Friend) {
	nk, np := friendKeys(ix.coll, f)
	ix.names = append(ix.names, bulkEntry{nk, encodeRow(nk, f)})
	ix.posts = append(ix.posts, np...)
}

// write creates the name index and the postings and writes the entries
// gathered, in key order.
func (ix *bulkIndex) write(tx *bolt.Tx) error {
	names, err := tx.CreateBucket(bucketNames)
	if err != nil {
		return err
	}
	posts, err := tx.CreateBucket(bucketPostings)
	if err != nil {
		return err
	}
	names.FillPercent, posts.FillPercent = fillPercent(bucketNames), fillPercent(bucketPostings)
	// The two sorts at once, one on each core: 131 ms against 197 one
	// after the other for 100,000 friends (BenchmarkBulkIndexSorts,
	// medians of 5 alternated, load average 1.3).
	sorted := make(chan struct{})
	go func() {
		defer close(sorted)
		slices.SortFunc(ix.names, func(a, b bulkEntry) int { return bytes.Compare(a.k, b.k) })
	}()
	slices.SortFunc(ix.posts, bytes.Compare)
	<-sorted
	for _, e := range ix.names {
		if err := names.Put(e.k, e.v); err != nil {
			return err
		}
	}
	for _, k := range ix.posts {
		if err := posts.Put(k, emptyEntry(seedPostings, k)); err != nil {
			return err
		}
	}
	return nil
}

// AddError is AddFriends' error about one friend: fs[Index].
type AddError struct {
	Index int
	Err   error
}

func (e *AddError) Error() string { return e.Err.Error() }
func (e *AddError) Unwrap() error { return e.Err }
