package store

import bolt "go.etcd.io/bbolt"

// circleNetwork is Network for the active members of circles (compared
// by CircleKey), each once, in id order, with the heads of their asks and
// favors: the pool the circle rule counts (policy.Places.CountCircleAsks)
// for a friend in those circles, read from the circle postings. The
// tests read the postings through it; kith reads CircleAsksSince.
func (s *Store) circleNetwork(circles []string) (*Network, error) {
	n := &Network{}
	err := s.view(func(tx *bolt.Tx) error {
		ids, _, err := circleMembers(tx, circles)
		if err != nil {
			return err
		}
		if n.Friends, err = friendsOf(tx, ids); err != nil {
			return err
		}
		return n.readHeadsOf(tx)
	})
	if err != nil {
		return nil, err
	}
	return n, nil
}
