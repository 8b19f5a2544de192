package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// NetworkFor is Network for friends already read (with Friends, in id
// order): it reads only the heads of the asks and favors and groups them
// for those friends, so a caller holding the friends does not decode and
// keep them twice. Records of friends not in the list (added since) are
// left out.
func (s *Store) NetworkFor(friends []Friend) (*Network, error) {
	n := &Network{Friends: friends}
	var owners []uint64
	err := s.view(func(tx *bolt.Tx) error {
		hint := tx.Bucket(bucketAsks).Sequence()
		n.heads = make([]askHead, 0, hint)
		owners = make([]uint64, 0, hint)
		if err := tx.Bucket(bucketAsksByFriend).ForEach(func(k, v []byte) error {
			h, err := decodeAskHead(k, v)
			if err != nil {
				return fmt.Errorf("ask %d: %w", historyID(k), err)
			}
			n.heads = append(n.heads, h)
			owners = append(owners, btoi(k[:8]))
			return nil
		}); err != nil {
			return err
		}
		n.favors = make([]Favor, 0, tx.Bucket(bucketFavors).Sequence())
		return tx.Bucket(bucketFavorsByFriend).ForEach(func(k, _ []byte) error {
			n.favors = append(n.favors, Favor{ID: historyID(k), FriendID: btoi(k[:8]), At: keyTime(k[8:16])})
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	n.askSpan = spans(n.Friends, len(owners), func(i int) uint64 { return owners[i] })
	n.favorSpan = spans(n.Friends, len(n.favors), func(i int) uint64 { return n.favors[i].FriendID })
	return n, nil
}
