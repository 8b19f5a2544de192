package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// ScanHistory streams the heads Network reads, without keeping them: every
// ask head to ask (grouped by friend in id order, each friend's oldest
// first), then every favor head to favor, in one read transaction. Heads
// are as Network documents them. The *Ask and *Favor passed are reused
// between calls: copy what you keep. A nil callback skips that part.
//
// It lets a caller that holds a million asks keep them in a compact form
// of its own instead of a []Ask (a quarter of a kilobyte each).
func (s *Store) ScanHistory(ask func(*Ask) error, favor func(*Favor) error) error {
	return s.view(func(tx *bolt.Tx) error {
		if ask != nil {
			in := interner{}
			if err := tx.Bucket(bucketAsksByFriend).ForEach(func(k, v []byte) error {
				a, err := decodeAskHead(k, v, in)
				if err != nil {
					return fmt.Errorf("ask %d: %w", historyID(k), err)
				}
				return ask(&a)
			}); err != nil {
				return err
			}
		}
		if favor == nil {
			return nil
		}
		var v Favor
		return tx.Bucket(bucketFavorsByFriend).ForEach(func(k, _ []byte) error {
			v = Favor{ID: historyID(k), FriendID: btoi(k[:8]), At: keyTime(k[8:16])}
			return favor(&v)
		})
	})
}
