package store

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
// are more than bulkIndexMin, the index is dropped and built again from
// every friend in key order, by the migration that builds it
// (migrateNames): appends to the last node only.
func (t *Tx) AddFriends(fs []*Friend, done func(i int)) error {
	rebuild := false
	if len(fs) >= bulkIndexMin && t.bucketMaybe(bucketNames) != nil && t.bucketMaybe(bucketPostings) != nil {
		if err := t.count(func(*counts) {}); err != nil {
			return err
		}
		rebuild = uint64(len(fs)) > t.counts.friends
	}
	if rebuild {
		for _, name := range [][]byte{bucketNames, bucketPostings} {
			if err := t.tx.DeleteBucket(name); err != nil {
				return err
			}
		}
	}
	for i, f := range fs {
		if err := t.AddFriend(f); err != nil {
			return &AddError{Index: i, Err: err}
		}
		if done != nil {
			done(i)
		}
	}
	if rebuild {
		// migrateNames writes the keys; the values are the rows of
		// schema 5, written over them by migrateRows.
		if err := migrateNames(t.tx); err != nil {
			return err
		}
		return migrateRows(t.tx)
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
