package store

import (
	"fmt"
	"slices"
	"time"

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

// TopicTable is the topic of every ask, for matching them: each distinct
// topic once, and every ask's id with which one is its topic.
type TopicTable struct {
	Topics []string // the distinct topics, in the order first met
	IDs    []uint64 // every ask's id, ascending
	Of     []uint32 // Of[i] is the index in Topics of ask IDs[i]'s topic
}

// TopicTable reads the topic of every ask, in chunks of transactions of
// one state of the database (as NetworkFor), copying each distinct topic
// once: at a million asks the asks screen's / filter holds 12 bytes an
// ask and the topics, not a string each. A damaged ask fails the read.
func (s *Store) TopicTable() (TopicTable, error) {
	var (
		t    TopicTable
		seen map[string]uint32
		from []byte // the first key not read yet (nil: from the start)
	)
	start := func() {
		t, seen, from = TopicTable{}, map[string]uint32{}, nil
	}
	step := func(tx *bolt.Tx, deadline time.Time) (bool, error) {
		if t.IDs == nil {
			c, err := getCounts(tx)
			if err != nil {
				return false, err
			}
			t.IDs, t.Of = make([]uint64, 0, c.asks), make([]uint32, 0, c.asks)
		}
		c := tx.Bucket(bucketAsks).Cursor()
		k, v := c.First()
		if from != nil {
			k, v = c.Seek(from)
		}
		for i := 0; k != nil; k, v = c.Next() {
			if i > 0 && i%s.chunkEvery == 0 && !deadline.IsZero() && time.Now().After(deadline) {
				from = append(from[:0], k...)
				return false, nil
			}
			i++
			if len(k) != 8 || v == nil {
				return false, corruptf("asks: key %x is not an ask", k)
			}
			b, err := askTopicBytes(k, v)
			if err != nil {
				return false, fmt.Errorf("ask %d: %w", btoi(k), err)
			}
			at, ok := seen[string(b)] // no copy to look up
			if !ok {
				at = uint32(len(t.Topics))
				t.Topics = append(t.Topics, string(b))
				seen[t.Topics[at]] = at
			}
			t.IDs = append(t.IDs, btoi(k))
			t.Of = append(t.Of, at)
		}
		return true, nil
	}
	if err := s.viewChunks(start, step); err != nil {
		return TopicTable{}, err
	}
	return t, nil
}

// Topic is the topic of ask id in t, and whether t holds the ask.
func (t *TopicTable) Topic(id uint64) (uint32, bool) {
	i, ok := slices.BinarySearch(t.IDs, id)
	if !ok {
		return 0, false
	}
	return t.Of[i], true
}
