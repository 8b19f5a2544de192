package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// AskTopics returns the topics of the asks ids, in the order of ids, read
// in one transaction and without the asks' bodies: the asks screen shows
// them beside the heads of the asks-by-friend index, which hold none. An
// ask no longer in the database has the topic "" (the screen reloads on
// the change that removed it); a damaged one fails the read.
func (s *Store) AskTopics(ids []uint64) ([]string, error) {
	out := make([]string, len(ids))
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketAsks)
		for i, id := range ids {
			k := itob(id)
			v := b.Get(k)
			if v == nil {
				continue
			}
			t, err := decodeAskTopic(k, v)
			if err != nil {
				return fmt.Errorf("ask %d: %w", id, err)
			}
			out[i] = t
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
