package store

import (
	"fmt"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// The long reads let go of the mapped file as they go (releaseMapped
// every releaseEvery records): what they read is the same as a read that
// keeps it, and a record read again after a release is the same record.
func TestLongReadsReleasingTheMapReadTheSame(t *testing.T) {
	s := newStore(t)
	n := 2*releaseEvery + 70
	err := s.Batch(t0, func(tx *Tx) error {
		for i := range n {
			f := Friend{Name: fmt.Sprintf("Friend %04d", i), Org: fmt.Sprintf("Org %d", i%3), Sectors: []string{"tech"}, Archived: i%97 == 0}
			f.Normalize()
			if err := tx.AddFriend(&f); err != nil {
				return err
			}
			if i%4 == 0 {
				a := Ask{FriendID: f.ID, Kind: KindChat, Status: StatusSent, Created: t0, Sent: t0}
				if err := tx.AddAsk(&a); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.Network()
	if err != nil {
		t.Fatal(err)
	}
	where, err := s.NetworkWhere("", "tech", "")
	if err != nil {
		t.Fatal(err)
	}
	var active []int
	for i := range all.Friends {
		if !all.Friends[i].Archived {
			active = append(active, i)
		}
	}
	if len(where.Friends) != len(active) || len(active) <= 2*releaseEvery {
		t.Fatalf("NetworkWhere read %d friends, want the %d active ones (more than %d)", len(where.Friends), len(active), 2*releaseEvery)
	}
	for j, i := range active {
		if !reflect.DeepEqual(where.Friends[j], all.Friends[i]) || !reflect.DeepEqual(where.AsksOf(j), all.AsksOf(i)) {
			t.Fatalf("friend %d: got %+v with %v, want %+v with %v", all.Friends[i].ID, where.Friends[j], where.AsksOf(j), all.Friends[i], all.AsksOf(i))
		}
	}
	err = s.view(func(tx *bolt.Tx) error {
		before, err := getFriend(tx, 5)
		if err != nil {
			return err
		}
		releaseMapped(tx)
		after, err := getFriend(tx, 5)
		if err != nil {
			return err
		}
		if !reflect.DeepEqual(after, before) {
			t.Errorf("after a release: got %+v, want %+v", after, before)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
