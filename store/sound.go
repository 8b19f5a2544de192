package store

import (
	"fmt"
	"os"
	"syscall"

	bolt "go.etcd.io/bbolt"
)

// A write must never land on a damaged file: bbolt would allocate from a
// broken freelist or split a broken page, and spread the damage. Checking
// the whole file before every write costs far more than the 2 ms a write
// may take at 100,000 friends, so kith checks it whole only when it may
// have changed behind kith's back. After every write (and every check
// that passed) kith records the file's stamp beside it, in the gate
// (.NAME.lock, see lock.go), under the gate's exclusive lock:
// device, inode, size, and the modification and change times in
// nanoseconds. Anything else that writes the file, copies another over
// it or moves it changes the stamp (the change time cannot be set from
// user space), and the next write checks the whole file again.

// stamp identifies one state of the database file.
type stamp struct {
	dev, ino     uint64
	size         int64
	mtime, ctime int64
}

// fileStamp returns the stamp of the file at path now.
func fileStamp(path string) (stamp, bool) {
	info, err := os.Stat(path)
	if err != nil {
		return stamp{}, false
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return stamp{}, false
	}
	return stamp{
		dev: uint64(st.Dev), ino: st.Ino, size: st.Size,
		mtime: st.Mtim.Nano(), ctime: st.Ctim.Nano(),
	}, true
}

func (st stamp) String() string {
	return fmt.Sprintf("kith sound 1 %d %d %d %d %d\n", st.dev, st.ino, st.size, st.mtime, st.ctime)
}

// soundStamp returns the file's stamp and whether kith last left the file
// (or found it) sound in exactly this state.
func (g *gateFile) soundStamp(path string) (stamp, bool) {
	now, ok := fileStamp(path)
	if !ok || g.f == nil {
		return now, false
	}
	b := make([]byte, 128)
	n, _ := g.f.ReadAt(b, 0)
	return now, string(b[:n]) == now.String()
}

// writeStamp records st as sound. Failing to is harmless: the next write
// checks the whole file.
func (g *gateFile) writeStamp(st stamp) {
	if g.f == nil {
		return
	}
	b := []byte(st.String())
	if _, err := g.f.WriteAt(b, 0); err == nil {
		g.f.Truncate(int64(len(b)))
	}
}

// checkWhole checks the file db has open, whole: its pages, bbolt's own
// check, and every record and index entry. Any problem is ErrCorrupt.
func (s *Store) checkWhole(db *bolt.DB) error {
	if p := checkStructure(s.path, 1); len(p) > 0 {
		return &damageError{path: s.path, detail: p[0]}
	}
	return db.View(func(tx *bolt.Tx) error {
		// The pages are sound: bbolt's check cannot trip on one now.
		var first error
		for err := range tx.Check() {
			if first == nil {
				first = &damageError{path: s.path, detail: err.Error()}
			}
		}
		if first != nil {
			return first
		}
		if tx.Bucket(bucketMeta) == nil {
			return nil // blank, or not kith's: the write will say
		}
		v, err := s.checkSchema(tx)
		if err != nil {
			return err
		}
		if p := verifyRecords(tx, v, 1); len(p) > 0 {
			return &damageError{path: s.path, detail: p[0].String()}
		}
		return nil
	})
}
