package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// The summary's last_made: when the latest ask actually made to a friend
// was, kept so that kith list reads 100,000 summaries rather than a
// million index entries (Roster at 100,000 friends and 1,000,000 asks:
// 635-1,056 ms reading the entries, against 89-248 ms for the friends
// alone, on a machine at a load average of 6).

// lastMade reads the time of friend id's latest made ask from the
// friend's index entries (0 for none).
func lastMade(tx *bolt.Tx, id uint64) (int64, error) {
	prefix := itob(id)
	var last int64
	c := tx.Bucket(bucketAsksByFriend).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if len(k) != 24 {
			return 0, corruptf("asks_by_friend: key %x", k)
		}
		st, err := headStatus(k, v)
		if err != nil {
			return 0, fmt.Errorf("asks_by_friend: ask %d: %w", historyID(k), err)
		}
		if statusOf(st).Made() {
			last = max(last, nanos(keyTime(k[8:16])))
		}
	}
	return last, nil
}

// migrateLastMade is migration 3's part for the summaries: each friend's
// last_made, from one pass over every index entry.
func migrateLastMade(tx *bolt.Tx) error {
	last := map[uint64]int64{}
	c := tx.Bucket(bucketAsksByFriend).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if len(k) != 24 {
			return corruptf("asks_by_friend: key %x", k)
		}
		st, err := headStatus(k, v)
		if err != nil {
			return fmt.Errorf("asks_by_friend: ask %d: %w", historyID(k), err)
		}
		if statusOf(st).Made() {
			id := btoi(k[:8])
			last[id] = max(last[id], nanos(keyTime(k[8:16])))
		}
	}
	return rewrite(tx, bucketSummaries, func(k, v []byte) ([]byte, error) {
		s, err := decodeSummary(k, v)
		if err != nil || len(k) != 8 {
			return nil, errCorrupt
		}
		s.lastMade = last[btoi(k)]
		return encodeSummary(btoi(k), s), nil
	})
}
