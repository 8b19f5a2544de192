package store

// NetworkFor is Network for friends already read (with Friends, in id
// order): it reads only the heads of the asks and favors and groups them
// for those friends, so a caller holding the friends does not decode and
// keep them twice. Records of friends not in the list (added since) are
// left out.
func (s *Store) NetworkFor(friends []Friend) (*Network, error) {
	n := &Network{Friends: friends}
	if err := s.view(n.readHeads); err != nil {
		return nil, err
	}
	if n.askSpan == nil { // no database yet: nothing was read
		n.askSpan = make([]span, len(friends))
		n.favorSpan = make([]span, len(friends))
	}
	return n, nil
}
