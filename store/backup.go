package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	bolt "go.etcd.io/bbolt"

	"kith/store/atomic"
)

// Backup writes a consistent copy of the database to w.
func (s *Store) Backup(w io.Writer) error {
	if !s.Exists() {
		return fmt.Errorf("%s: no database yet, nothing to back up: %w", s.path, ErrNotFound)
	}
	return s.view(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(w)
		return err
	})
}

// BackupFile writes a consistent copy of the database to path by the
// rules of package atomic: a file is written beside path, synced and
// renamed into place, the folder synced, so a backup that fails (the
// database in use, a full disk, an error syncing) leaves what path held
// byte for byte; a symlink is written through; a device or a FIFO is
// written into. A new file gets mode 0600. An existing file is refused
// unless force is set; a device or a FIFO is never "existing" (nothing in
// it is overwritten). The database itself is always refused.
func (s *Store) BackupFile(path string, force bool) error {
	if !s.Exists() {
		return fmt.Errorf("%s: no database yet, nothing to back up: %w", s.path, ErrNotFound)
	}
	kept := "nothing was written"
	if out, err := os.Stat(path); err == nil {
		if db, err := os.Stat(s.path); err == nil && os.SameFile(out, db) {
			return fmt.Errorf("%s is the database itself: back it up to another file", path)
		}
		switch {
		case out.Mode().IsRegular():
			kept = path + " was left as it was"
		case !out.IsDir():
			kept = "what reached " + path + " is incomplete"
		}
	}
	fill := func(w io.Writer) error { return s.Backup(w) }
	var err error
	if force {
		err = atomic.WriteFile(path, 0o600, fill)
	} else {
		err = atomic.CreateFile(path, 0o600, fill)
	}
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("%s already exists: choose another name or pass --force to overwrite it", path)
	case errors.Is(err, ErrLocked), errors.Is(err, ErrCorrupt), errors.Is(err, ErrNotKith), errors.Is(err, ErrTooNew):
		return fmt.Errorf("backup to %s: %w; %s", path, err, kept)
	}
	return fmt.Errorf("backup: %w; %s", err, kept)
}
