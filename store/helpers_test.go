package store

import "fmt"

// The writes tests make, each one transaction stamped t0 (the store's
// own methods for them are gone: every write takes its caller's clock,
// through Batch and the operations). Like the front ends, they check a
// record before the file is touched.

func addFriend(s *Store, f *Friend) error {
	f.Normalize()
	if err := f.Validate(); err != nil {
		return err
	}
	return s.Batch(t0, func(tx *Tx) error { return tx.AddFriend(f) })
}

func addAsk(s *Store, a *Ask) error {
	if a.Created.IsZero() {
		a.Created = t0
	}
	if err := a.Validate(); err != nil {
		return err
	}
	if !s.Exists() {
		return fmt.Errorf("friend %d: %w", a.FriendID, ErrNotFound)
	}
	return s.Batch(t0, func(tx *Tx) error { return tx.AddAsk(a) })
}

func putAsk(s *Store, a *Ask) error {
	return s.Batch(t0, func(tx *Tx) error { return tx.PutAsk(a) })
}

func addFavor(s *Store, v *Favor) error {
	if v.At.IsZero() {
		v.At = t0
	}
	if err := v.Validate(); err != nil {
		return err
	}
	if !s.Exists() {
		return fmt.Errorf("friend %d: %w", v.FriendID, ErrNotFound)
	}
	return s.Batch(t0, func(tx *Tx) error { return tx.AddFavor(v) })
}

func putProfile(s *Store, p Profile) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return s.Batch(t0, func(tx *Tx) error { return tx.PutProfile(p) })
}
