package store

import (
	"time"

	bolt "go.etcd.io/bbolt"
)

// NetworkFor is Network for friends already read (with Friends, in id
// order): it reads only the heads of the asks and favors and groups them
// for those friends, so a caller holding the friends does not decode and
// keep them twice. Records of friends not in the list (added since) are
// left out.
//
// It reads in chunks, each in a transaction that holds the lock for
// about DefaultChunkHold (a million heads take several times that), so a
// write from another process waits a chunk, not the whole read. The
// chunks read one state of the database: if a write came between two,
// the read starts again.
func (s *Store) NetworkFor(friends []Friend) (*Network, error) {
	n := &Network{Friends: friends}
	var r headReader
	err := s.viewChunks(func() { r.start(n, s.chunkEvery) }, r.step)
	if err != nil {
		return nil, err
	}
	if n.askSpan == nil { // no database yet: nothing was read
		n.askSpan = make([]span, len(friends))
		n.favorSpan = make([]span, len(friends))
	}
	return n, nil
}

// maxRestarts is how many times a chunked read starts again after a
// write before it reads the rest in one transaction.
const maxRestarts = 3

// viewChunks runs step in read transactions, one after another, each with
// a deadline chunkHold after it starts, until step reports it is done.
// start is called before the first step and again whenever the database
// changed between two transactions (another process wrote), to read from
// the beginning. After maxRestarts the last try has no deadline.
func (s *Store) viewChunks(start func(), step func(tx *bolt.Tx, deadline time.Time) (bool, error)) error {
	restarts := 0
	started := false
	var txid int
	for {
		done, called, changed := false, false, false
		err := s.view(func(tx *bolt.Tx) error {
			called = true
			if started && tx.ID() != txid {
				changed = true
				return nil
			}
			if !started {
				start()
				started, txid = true, tx.ID()
			}
			var deadline time.Time
			if restarts < maxRestarts {
				deadline = time.Now().Add(s.chunkHold)
			}
			var err error
			done, err = step(tx, deadline)
			return err
		})
		switch {
		case err != nil:
			return err
		case !called || done:
			return nil // no database, or all read
		case changed:
			restarts++
			started = false
		default:
			s.afterRead()
		}
	}
}
