package atomic

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// A first export fills a folder beside its target, .NAME.tmp-DIGITS (see
// WriteFolder), and holds an exclusive lock (flock(2)) on it from just
// after making it until it has been renamed into place or removed. A
// kill or a crash in between leaves the folder, with the friends' cards
// in it, beside the target. The next export to that target removes every
// such folder nobody holds locked: no live export is filling it.

// tmpPrefix is the name of the folder WriteFolder fills for the folder
// real, less the digits os.MkdirTemp puts after it.
func tmpPrefix(real string) string { return "." + filepath.Base(real) + ".tmp-" }

// newLocked makes the folder to fill for real in parent, and locks it. It
// returns the folder and the open folder holding the lock: closing it
// lets go. A folder that another export's clean-up removed between its
// making and its locking is made again.
func newLocked(parent, real string) (string, *os.File, error) {
	for range 8 {
		tmp, err := os.MkdirTemp(parent, tmpPrefix(real)+"*")
		if err != nil {
			return "", nil, err
		}
		lock, err := os.Open(tmp)
		if err != nil {
			continue // removed already by a clean-up
		}
		if syscall.Flock(int(lock.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil && sameFolder(tmp, lock) {
			return tmp, lock, nil
		}
		// A clean-up holds it, or removed it before the lock was
		// taken: it will not be there for long; make another.
		lock.Close()
	}
	return "", nil, fmt.Errorf("cannot make a folder beside %s that stays: another program keeps removing them", real)
}

// sameFolder reports whether path is still the folder f has open.
func sameFolder(path string, f *os.File) bool {
	a, err := os.Lstat(path)
	if err != nil {
		return false
	}
	b, err := f.Stat()
	return err == nil && os.SameFile(a, b)
}

// removeLeftovers removes, from parent, the folders that exports to real
// made and left (a kill, a crash): named as WriteFolder names them, and
// not locked, so no live export fills them. What cannot be read or
// removed stays (it is tried again the next time); anything else there,
// of another name, or a file, is not touched.
func removeLeftovers(parent, real string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	prefix := tmpPrefix(real)
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) || !digits(e.Name()[len(prefix):]) {
			continue
		}
		path := filepath.Join(parent, e.Name())
		f, err := os.Open(path)
		if err != nil {
			continue
		}
		// Locked while removed: an export that made the folder just
		// now and has not locked it yet finds it gone (newLocked).
		if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil && sameFolder(path, f) {
			os.RemoveAll(path)
		}
		f.Close()
	}
}

// digits reports whether s is a non-empty run of decimal digits, as
// os.MkdirTemp's random part is.
func digits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}
