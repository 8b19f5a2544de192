package store

import (
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
)

// compactTxSize is how much bbolt.Compact writes per transaction.
const compactTxSize = 64 << 20

// compact copies the database db has open into a new file, densely, and
// puts the copy in its place. It runs after a migration, which rewrites
// every value in place: bbolt never gives pages back, and at 100,000
// friends the rewritten file was 955 MB with 88,000 free pages, whose
// list every later write read at open (17 ms) and wrote back at commit
// (700 KB), making a durable write 16 ms instead of 1.5.
//
// The caller holds the writers' gate and db's exclusive lock, so no
// other kith opens the path meanwhile; the copy is built under a
// temporary name (locked by bbolt, so it is never taken for a leftover)
// and renamed over the file only once it is whole. Any failure leaves the
// migrated file as it is, which is sound, only larger.
func (s *Store) compact(db *bolt.DB) {
	real, err := filepath.EvalSymlinks(s.path) // replace the file, not a link to it
	if err != nil {
		return
	}
	info, err := os.Stat(real)
	if err != nil {
		return
	}
	dir := filepath.Dir(real)
	tmp, err := os.CreateTemp(dir, leftoverPrefix(real)+"*")
	if err != nil {
		return
	}
	name := tmp.Name()
	tmp.Close()
	dst, err := bolt.Open(name, info.Mode().Perm(), &bolt.Options{OpenFile: openRegular, InitialMmapSize: int(info.Size() / 2)})
	if err != nil {
		os.Remove(name)
		return
	}
	defer dst.Close()
	defer os.Remove(name) // already gone once renamed
	if err := bolt.Compact(dst, db, compactTxSize); err != nil {
		return
	}
	if err := os.Chmod(name, info.Mode().Perm()); err != nil {
		return
	}
	if err := os.Rename(name, real); err != nil {
		return
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
