// Package store keeps kith's records (friends, asks, favors and the
// profile) in a bbolt file.
//
// No process holds the file longer than one operation: every method opens
// the database, runs one transaction and closes it again, so the TUI can
// stay open for hours while the CLI writes from another shell. A lock held
// by another process for longer than the lock timeout fails with ErrLocked
// rather than hanging.
package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Sentinel errors. Errors returned by Store wrap one of these where it
// applies, so callers can test with errors.Is.
var (
	// ErrNotFound is returned when a record does not exist.
	ErrNotFound = errors.New("not found")
	// ErrLocked is returned when another process holds the database
	// for longer than the lock timeout.
	ErrLocked = errors.New("database is in use by another process")
	// ErrNotKith is returned for a file that is not a kith database.
	ErrNotKith = errors.New("not a kith database")
	// ErrTooNew is returned for a database written by a newer kith.
	ErrTooNew = errors.New("database was written by a newer kith")
	// ErrCorrupt is returned when the database file is damaged.
	ErrCorrupt = errors.New("database is damaged")
	// ErrNotEmpty is returned when an operation needs an empty database.
	ErrNotEmpty = errors.New("database is not empty")
)

// DefaultLockTimeout is how long an operation waits for another process
// to release the database.
const DefaultLockTimeout = time.Second

// Store is a kith database at a path. It holds no open file between
// operations and is safe for concurrent use.
type Store struct {
	path        string
	lockTimeout time.Duration
}

// Option configures a Store.
type Option func(*Store)

// WithLockTimeout sets how long an operation waits for the file lock.
func WithLockTimeout(d time.Duration) Option {
	return func(s *Store) { s.lockTimeout = d }
}

// New returns the store at path. It touches nothing on disk: the file is
// created, with its directory, on the first write.
func New(path string, opts ...Option) *Store {
	s := &Store{path: path, lockTimeout: DefaultLockTimeout}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

// Exists reports whether the database file exists yet.
func (s *Store) Exists() bool {
	_, err := os.Stat(s.path)
	return err == nil
}

// Check opens the database if it exists and reports whether it is a kith
// database this binary can use. A missing file is fine.
func (s *Store) Check() error {
	return s.view(func(*bolt.Tx) error { return nil })
}

// view runs fn in a read-only transaction. If the file does not exist yet
// fn is not called and view returns nil: an absent database reads as an
// empty one. A database at an older schema is migrated first.
func (s *Store) view(fn func(tx *bolt.Tx) error) error {
	info, err := os.Stat(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("open %s: %w", s.path, err)
	}
	if info.IsDir() {
		return fmt.Errorf("%s is a directory, not a kith database: %w", s.path, ErrNotKith)
	}
	db, err := s.open(true, 0)
	if err != nil {
		return err
	}
	needsMigration := false
	err = guard(s.path, func() error {
		return db.View(func(tx *bolt.Tx) error {
			if tx.Bucket(bucketMeta) == nil && isBlank(tx) {
				return nil // nothing committed yet: reads as empty
			}
			v, err := s.checkSchema(tx)
			if err != nil {
				return err
			}
			if v < schemaVersion() {
				needsMigration = true
				return nil
			}
			return fn(tx)
		})
	})
	if cerr := db.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err == nil && needsMigration {
		if err = s.update(func(*bolt.Tx) error { return nil }); err == nil {
			return s.view(fn)
		}
	}
	return err
}

// update runs fn in a read-write transaction, creating the database if it
// does not exist. The transaction is synced to disk before update returns.
func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	return s.updateSized(0, fn)
}

// updateSized is update for a transaction expected to write about
// sizeHint bytes: the file is mapped that large from the start, since
// bbolt remaps (and copies every dirty node) each time a transaction
// outgrows the map, which made a 1M-ask restore take minutes.
func (s *Store) updateSized(sizeHint int, fn func(tx *bolt.Tx) error) error {
	info, err := os.Stat(s.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := s.create(); err != nil {
			return err
		}
	case err != nil:
		return fmt.Errorf("open %s: %w", s.path, err)
	case info.IsDir():
		return fmt.Errorf("%s is a directory, not a kith database: %w", s.path, ErrNotKith)
	case info.Size() == 0:
		// bbolt would initialise an empty file: it may belong to
		// another program, so leave it alone.
		return fmt.Errorf("%s is an empty file, not a kith database; move it away or choose another path with --db: %w", s.path, ErrNotKith)
	}
	db, err := s.open(false, sizeHint)
	if err != nil {
		return err
	}
	err = guard(s.path, func() error {
		return db.Update(func(tx *bolt.Tx) error {
			// A bbolt file without a single bucket holds nothing (kith
			// itself never leaves one, see create), so make it a kith one.
			if tx.Bucket(bucketMeta) == nil && isBlank(tx) {
				if err := initSchema(tx); err != nil {
					return err
				}
			} else if _, err := s.checkSchema(tx); err != nil {
				return err
			}
			if err := migrate(tx); err != nil {
				return err
			}
			return fn(tx)
		})
	})
	if cerr := db.Close(); err == nil && cerr != nil {
		err = cerr
	}
	return err
}

// create makes a new, empty kith database at s.path. It builds it under a
// temporary name and links it into place only once it is whole, so the
// path never holds a half-made file, whatever moment a crash strikes. If
// another process created the database meanwhile, theirs is kept.
func (s *Store) create() error {
	dir := filepath.Dir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create the database directory: %w", err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(s.path)+".new*")
	if err != nil {
		return fmt.Errorf("create the database: %w", err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpPath)
	os.Remove(tmpPath) // bbolt initialises a file it creates itself
	db, err := bolt.Open(tmpPath, 0o600, &bolt.Options{Timeout: s.lockTimeout})
	if err != nil {
		return fmt.Errorf("create the database: %w", err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		if err := initSchema(tx); err != nil {
			return err
		}
		return migrate(tx)
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("create the database: %w", err)
	}
	if err := os.Link(tmpPath, s.path); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("create the database: %w", err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // make the new name durable
		d.Close()
	}
	return nil
}

// open opens the bbolt file, mapping bbolt's errors to ours. An existing
// file is checked first, so a damaged one is refused before bbolt maps it.
func (s *Store) open(readOnly bool, mmapSize int) (*bolt.DB, error) {
	if info, err := os.Stat(s.path); err == nil && info.Size() > 0 {
		if err := precheck(s.path); err != nil {
			return nil, err
		}
	}
	var db *bolt.DB
	err := guard(s.path, func() (err error) {
		db, err = bolt.Open(s.path, 0o600, &bolt.Options{
			Timeout:         s.lockTimeout,
			ReadOnly:        readOnly,
			InitialMmapSize: mmapSize,
		})
		return err
	})
	switch {
	case err == nil:
		return db, nil
	case errors.Is(err, berrors.ErrTimeout):
		return nil, fmt.Errorf("%w (%s): close the other kith or wait for it, then try again", ErrLocked, s.path)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch),
		errors.Is(err, berrors.ErrChecksum):
		return nil, fmt.Errorf("%s is %w (%v); it was left untouched: choose another path with --db, or restore a backup", s.path, ErrNotKith, err)
	case errors.Is(err, ErrCorrupt):
		return nil, err
	case errors.Is(err, fs.ErrPermission):
		return nil, fmt.Errorf("open %s: permission denied; check the file's owner and mode", s.path)
	default:
		return nil, fmt.Errorf("%s cannot be opened as a kith database (%v); it was left untouched: %w", s.path, err, ErrNotKith)
	}
}

// checkSchema verifies that tx is a kith database whose schema this binary knows, and returns its schema version.
func (s *Store) checkSchema(tx *bolt.Tx) (int, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return 0, fmt.Errorf("%s is a bbolt file but %w (no meta bucket); it was left untouched: choose another path with --db", s.path, ErrNotKith)
	}
	v := meta.Get(keySchema)
	if len(v) != 8 {
		return 0, fmt.Errorf("%s is %w (no schema version); it was left untouched", s.path, ErrNotKith)
	}
	ver := int(btoi(v))
	if ver > schemaVersion() {
		return ver, fmt.Errorf("%s has schema version %d but this kith knows only up to %d: %w; upgrade kith (the file was left untouched)", s.path, ver, schemaVersion(), ErrTooNew)
	}
	return ver, nil
}

// isBlank reports whether tx holds no buckets at all.
func isBlank(tx *bolt.Tx) bool {
	blank := true
	_ = tx.ForEach(func([]byte, *bolt.Bucket) error {
		blank = false
		return errStop
	})
	return blank
}

var errStop = errors.New("stop")

// guard runs fn, turning a panic or a memory fault inside bbolt (a damaged
// file) into ErrCorrupt instead of a crash.
func guard(path string, fn func() error) (err error) {
	old := debug.SetPanicOnFault(true)
	defer debug.SetPanicOnFault(old)
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s %w (%v): restore a backup or choose another path with --db", path, ErrCorrupt, r)
		}
	}()
	return fn()
}
