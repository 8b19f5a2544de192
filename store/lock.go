package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// Two kinds of file beside the database, named after it:
//
//   - .NAME.lock, the writers' gate. bbolt's lock lets a writer in only
//     when no reader holds the file, and a writer tries every 50 ms: a
//     reader that reads in chunks, letting go between them, would still
//     starve it. So a writer takes the gate (exclusive) before it waits
//     for the database, and a reader passes the gate (shared, for as long
//     as its open takes) before it opens: once a writer waits, no new
//     read starts until it is done. The gate also holds the stamp of the
//     file as kith last left it (see sound.go), written under its lock.
//   - .NAME.new*, a database being created (see create); after a kill,
//     a leftover, removed by removeLeftovers.

// gatePath is the gate beside the database.
func gatePath(db string) string {
	return filepath.Join(filepath.Dir(db), "."+filepath.Base(db)+".lock")
}

// leftoverPrefix is the name of create's temporary files, less the
// random digits os.CreateTemp puts after it.
func leftoverPrefix(db string) string { return "." + filepath.Base(db) + ".new" }

// gateRetry is how often a blocked gate is tried again.
const gateRetry = 2 * time.Millisecond

// gateFile is the gate, held.
type gateFile struct{ f *os.File }

// release lets go of the gate.
func (g *gateFile) release() {
	if g.f != nil {
		g.f.Close() // closing unlocks
	}
}

// gate takes the writers' gate, exclusive for a writer, shared for a
// reader, waiting up to the lock timeout. Where the gate cannot be made
// (a read-only directory, a file system without locks) there is none,
// and the returned gate holds no file.
func (s *Store) gate(exclusive bool) (*gateFile, error) {
	f, err := os.OpenFile(gatePath(s.path), os.O_RDWR|os.O_CREATE|syscall.O_NONBLOCK, 0o600)
	if err != nil {
		if f, err = os.OpenFile(gatePath(s.path), os.O_RDONLY|syscall.O_NONBLOCK, 0); err != nil {
			return &gateFile{}, nil
		}
	}
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		return &gateFile{}, nil
	}
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	give := time.Now().Add(s.timeout())
	for {
		err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		if err == nil {
			return &gateFile{f: f}, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) || time.Now().After(give) {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, fmt.Errorf("%w (%s): close the other kith or wait for it, then try again", ErrLocked, s.path)
			}
			return &gateFile{}, nil
		}
		time.Sleep(gateRetry)
	}
}

// removeLeftovers removes the temporary files of creates that were
// killed: names create makes (.NAME.new and digits), and only those no
// live kith is building. A leftover that is another name of the database
// itself (killed between linking it into place and removing its temporary
// name) is just that name; any other must be unlocked, since create holds
// its lock from just after making the file until the name is gone.
func (s *Store) removeLeftovers() {
	dir := filepath.Dir(s.path)
	prefix := leftoverPrefix(s.path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	db, dbErr := os.Stat(s.path)
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || rest == "" || strings.Trim(rest, "0123456789") != "" || !e.Type().IsRegular() {
			continue
		}
		name := filepath.Join(dir, e.Name())
		info, err := os.Lstat(name)
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		if dbErr == nil && os.SameFile(info, db) {
			os.Remove(name)
			continue
		}
		removeUnlocked(name, info)
	}
}

// removeUnlocked removes name if no process holds a lock on it.
func removeUnlocked(name string, info fs.FileInfo) {
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return
	}
	defer f.Close()
	if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) != nil {
		return // being built
	}
	if now, err := os.Lstat(name); err == nil && os.SameFile(now, info) {
		os.Remove(name)
	}
}
