package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"

	bolt "go.etcd.io/bbolt"
)

// Salvage is what Repair saved and what it could not.
type Salvage struct {
	Friends, Asks, Favors int
	// Lost names each record, or part of the file, that could not be
	// read (or whose friend was lost), and why.
	Lost []Problem
}

// Repair builds a new database at out from every record of this one that
// can be read and passes its checksum, with fresh indexes, summaries and
// counts; ids are kept. It never writes to this database, and refuses an
// out that exists. An ask or favor whose friend was lost is lost too; a
// damaged profile becomes the default one.
func (s *Store) Repair(out string) (*Salvage, error) {
	if _, err := os.Lstat(out); err == nil {
		return nil, fmt.Errorf("%s already exists: repair writes a new database; choose another name", out)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, openError(out, err)
	}
	info, err := s.stat()
	if err != nil {
		return nil, err
	}
	if info == nil {
		return nil, fmt.Errorf("%s: no database yet, nothing to repair: %w", s.path, ErrNotFound)
	}
	sv := &Salvage{}
	var snap Snapshot
	snap.Profile = DefaultProfile()
	g, err := s.gate(false)
	if err != nil {
		return nil, err
	}
	db, err := bolt.Open(s.path, 0o600, &bolt.Options{Timeout: s.timeout(), ReadOnly: true, OpenFile: openRegular})
	g.release()
	if err != nil {
		return nil, fmt.Errorf("%s cannot be opened at all (%v): nothing can be saved from it", s.path, err)
	}
	err = guard(s.path, func() error {
		return db.View(func(tx *bolt.Tx) error {
			schema := 0
			if meta := tx.Bucket(bucketMeta); meta != nil {
				if v := meta.Get(keySchema); len(v) == 8 {
					schema = int(btoi(v))
				}
			}
			if schema > schemaVersion() {
				return fmt.Errorf("%s has schema version %d but this kith knows only up to %d: %w", s.path, schema, schemaVersion(), ErrTooNew)
			}
			v := &verifier{tx: tx, schema: max(schema, 1)}
			salvage(sv, s.path, tx, bucketFriends, func(k, val []byte) error {
				f, err := v.friend(k, val)
				if err == nil && (len(k) != 8 || f.ID != btoi(k) || f.ID == 0) {
					err = errCorrupt
				}
				if err == nil {
					snap.Friends = append(snap.Friends, f)
				}
				return err
			})
			salvage(sv, s.path, tx, bucketAsks, func(k, val []byte) error {
				a, err := v.ask(k, val)
				if err == nil && (len(k) != 8 || a.ID != btoi(k) || a.ID == 0) {
					err = errCorrupt
				}
				if err == nil {
					snap.Asks = append(snap.Asks, a)
				}
				return err
			})
			salvage(sv, s.path, tx, bucketFavors, func(k, val []byte) error {
				f, err := v.favor(k, val)
				if err == nil && (len(k) != 8 || f.ID != btoi(k) || f.ID == 0) {
					err = errCorrupt
				}
				if err == nil {
					snap.Favors = append(snap.Favors, f)
				}
				return err
			})
			p, err := repairProfile(tx, schema)
			if err != nil {
				sv.Lost = append(sv.Lost, Problem{Bucket: "profile", What: "damaged: the new database has the default profile"})
			}
			snap.Profile = p
			return nil
		})
	})
	db.Close()
	if err != nil && !isDamage(err) {
		return nil, err
	}
	if err != nil {
		sv.Lost = append(sv.Lost, Problem{Bucket: "file", What: err.Error()})
	}
	if err := writeSalvage(out, &snap, sv); err != nil {
		os.Remove(out)
		return nil, fmt.Errorf("write %s: %w", out, err)
	}
	return sv, nil
}

// salvage reads every entry of bucket name it can, calling keep for each
// record; a record keep refuses, or the rest of a bucket whose pages
// cannot be walked, is lost.
func salvage(sv *Salvage, path string, tx *bolt.Tx, name []byte, keep func(k, v []byte) error) {
	b := tx.Bucket(name)
	if b == nil {
		sv.Lost = append(sv.Lost, Problem{Bucket: string(name), What: "the bucket is missing"})
		return
	}
	var last []byte
	err := guard(path, func() error {
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			last = append(last[:0], k...)
			if v == nil || keep(k, v) != nil {
				sv.Lost = append(sv.Lost, Problem{Bucket: string(name), Key: idKey(k), What: "damaged: not saved"})
			}
		}
		return nil
	})
	if err != nil {
		where := "the whole bucket"
		if last != nil {
			where = "everything after key " + idKey(last)
		}
		sv.Lost = append(sv.Lost, Problem{Bucket: string(name), What: where + " could not be read: " + err.Error()})
	}
}

func repairProfile(tx *bolt.Tx, schema int) (Profile, error) {
	b := tx.Bucket(bucketProfile)
	if b == nil {
		return DefaultProfile(), errCorrupt
	}
	v := b.Get(keyProfile)
	if schema < 2 {
		p := DefaultProfile()
		if v == nil {
			return p, nil
		}
		if err := json.Unmarshal(v, &p); err != nil {
			return DefaultProfile(), errCorrupt
		}
		return p, nil
	}
	if v == nil {
		return DefaultProfile(), errCorrupt
	}
	p, err := decodeProfile(v)
	if err == nil && p.Validate() != nil {
		err = errCorrupt
	}
	if err != nil {
		return DefaultProfile(), err
	}
	return p, nil
}

// writeSalvage writes what was saved into a new database at out, ids
// kept, with fresh indexes, summaries and counts. Records whose friend was
// not saved are lost.
func writeSalvage(out string, snap *Snapshot, sv *Salvage) error {
	friends := make(map[uint64]bool, len(snap.Friends))
	for _, f := range snap.Friends {
		friends[f.ID] = true
	}
	st := New(out)
	return st.updateSized(0, func(btx *bolt.Tx) error {
		if !isEmpty(btx) {
			return fmt.Errorf("%s was created meanwhile by another process: %w", out, ErrNotEmpty)
		}
		t := &Tx{tx: btx} // no clock: the records keep their own times
		var maxF, maxA, maxV uint64
		for i := range snap.Friends {
			f := &snap.Friends[i]
			if err := t.insertFriend(f); err != nil {
				return err
			}
			sv.Friends++
			maxF = max(maxF, f.ID)
		}
		for i := range snap.Asks {
			a := &snap.Asks[i]
			if !friends[a.FriendID] {
				sv.Lost = append(sv.Lost, Problem{Bucket: "asks", Key: fmt.Sprint(a.ID), What: fmt.Sprintf("its friend %d was lost", a.FriendID)})
				continue
			}
			if err := t.insertAsk(a); err != nil {
				return err
			}
			sv.Asks++
			maxA = max(maxA, a.ID)
		}
		for i := range snap.Favors {
			v := &snap.Favors[i]
			if !friends[v.FriendID] {
				sv.Lost = append(sv.Lost, Problem{Bucket: "favors", Key: fmt.Sprint(v.ID), What: fmt.Sprintf("its friend %d was lost", v.FriendID)})
				continue
			}
			if err := t.insertFavor(v); err != nil {
				return err
			}
			sv.Favors++
			maxV = max(maxV, v.ID)
		}
		for _, s := range []struct {
			name []byte
			seq  uint64
		}{{bucketFriends, maxF}, {bucketAsks, maxA}, {bucketFavors, maxV}} {
			if err := t.bucket(s.name).SetSequence(s.seq); err != nil {
				return err
			}
		}
		if err := snap.Profile.Validate(); err != nil {
			snap.Profile = DefaultProfile()
		}
		if err := t.PutProfile(snap.Profile); err != nil {
			return err
		}
		return t.flush()
	})
}
