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

// How much of a file kith found sound.
const (
	checkedPages = "pages" // the page checker passed: bbolt may walk it
	checkedWhole = "whole" // pages, tx.Check and every record: it may be written
)

func (st stamp) line(level string) string {
	return fmt.Sprintf("kith %s 1 %d %d %d %d %d\n", level, st.dev, st.ino, st.size, st.mtime, st.ctime)
}

// checked returns the file's stamp and how far kith checked the file in
// exactly this state ("" if it did not, or the file changed since).
func (g *gateFile) checked(path string) (stamp, string) {
	now, ok := fileStamp(path)
	if !ok || g.f == nil {
		return now, ""
	}
	b := make([]byte, 128)
	n, _ := g.f.ReadAt(b, 0)
	for _, level := range []string{checkedWhole, checkedPages} {
		if string(b[:n]) == now.line(level) {
			return now, level
		}
	}
	return now, ""
}

// soundStamp returns the file's stamp and whether kith last left the file
// (or found it) whole and sound in exactly this state.
func (g *gateFile) soundStamp(path string) (stamp, bool) {
	now, level := g.checked(path)
	return now, level == checkedWhole
}

// writeStamp records st as whole and sound (a writer, holding the gate).
// Failing to is harmless: the next write checks the whole file.
func (g *gateFile) writeStamp(st stamp) { g.write(st.line(checkedWhole)) }

func (g *gateFile) write(line string) {
	if g.f == nil {
		return
	}
	if _, err := g.f.WriteAt([]byte(line), 0); err == nil {
		g.f.Truncate(int64(len(line)))
	}
}

// pagesSound makes sure bbolt may walk the file's pages: unless kith
// already found them sound in this state, the page checker reads them
// first (0.8 s at 100,000 friends, once after anything else touched the
// file). bbolt trusts its pages: a damaged one sent its reads outside the
// file's map, into the process's own memory. g is the gate, held shared:
// no write can start meanwhile, so what was checked is what will be read.
func (s *Store) pagesSound(g *gateFile) error {
	now, level := g.checked(s.path)
	if level != "" {
		return nil
	}
	if p := checkStructure(s.path, 1); len(p) > 0 {
		return &damageError{path: s.path, detail: p[0]}
	}
	if after, ok := fileStamp(s.path); ok && after == now {
		// Readers hold the gate shared, so two may write this at once:
		// the same line.
		g.write(now.line(checkedPages))
	}
	return nil
}

// checkWhole checks the file db has open, whole: bbolt's own check, and
// every record and index entry. Any problem is ErrCorrupt.
// The caller has checked the pages (checkStructure) before bbolt opened
// the file.
func (s *Store) checkWhole(db *bolt.DB) error {
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
