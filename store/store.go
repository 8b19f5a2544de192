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
	deadline    time.Time
	// chunkHold is how long a chunked read (NetworkFor) keeps the lock
	// before letting a waiting writer in.
	chunkHold time.Duration
	// chunkEvery is how many entries it reads between looks at the clock.
	chunkEvery int
	// released, if set, is called by reads that decode after letting go
	// of the lock, at that moment (tests).
	released func()
}

// Option configures a Store.
type Option func(*Store)

// WithLockTimeout sets how long an operation waits for the file lock.
func WithLockTimeout(d time.Duration) Option {
	return func(s *Store) { s.lockTimeout = d }
}

// WithLockDeadline makes every operation give up waiting for the file
// lock at t, however many operations came before: a command that opens the
// database several times sets it once, so that it waits about the lock
// timeout in all, not that much each time.
func WithLockDeadline(t time.Time) Option {
	return func(s *Store) { s.deadline = t }
}

// DefaultChunkHold is how long one transaction of a chunked read holds the
// lock: a writer behind the TUI's load waits about this long.
const DefaultChunkHold = 50 * time.Millisecond

// New returns the store at path. It touches nothing on disk: the file is
// created, with its directory, on the first write.
//
// A symbolic link at path is followed: the database is the file it
// points to (so a database kept in a synced folder can be linked to).
func New(path string, opts ...Option) *Store {
	s := &Store{path: path, lockTimeout: DefaultLockTimeout, chunkHold: DefaultChunkHold, chunkEvery: checkEvery}
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

// timeout is how long the next wait for a lock may last.
func (s *Store) timeout() time.Duration {
	d := s.lockTimeout
	if !s.deadline.IsZero() {
		d = min(d, time.Until(s.deadline))
	}
	// bbolt waits forever on 0; one try is the least.
	return max(d, time.Millisecond)
}

// afterRead is called by a read once its lock is released.
func (s *Store) afterRead() {
	if s.released != nil {
		s.released()
	}
}

// stat looks at the database path before an open: (nil, nil) if there is
// no file yet; an error if it is something kith must not open.
func (s *Store) stat() (fs.FileInfo, error) {
	info, err := os.Stat(s.path) // follows a symlink, on purpose
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, openError(s.path, err)
	}
	if err := notRegular(s.path, info); err != nil {
		return nil, err
	}
	if info.Size() == 0 {
		// bbolt would initialise an empty file: it may belong to
		// another program, so leave it alone. (kith never leaves one:
		// see create.)
		return nil, fmt.Errorf("%s is an empty file, not a kith database; it was left untouched: move it away or choose another path with --db: %w", s.path, ErrNotKith)
	}
	return info, nil
}

// view runs fn in a read-only transaction. If the file does not exist yet
// fn is not called and view returns nil: an absent database reads as an
// empty one. A database at an older schema is migrated first.
func (s *Store) view(fn func(tx *bolt.Tx) error) error {
	s.removeLeftovers()
	info, err := s.stat()
	if info == nil || err != nil {
		return err
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
		// The migration rewrites every record: map the file twice as
		// large from the start.
		if err = s.updateSized(2*int(info.Size()), func(*bolt.Tx) error { return nil }); err == nil {
			return s.view(fn)
		}
	}
	return s.damage(err)
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
//
// A write never lands on a damaged file: unless the file is exactly as
// kith last left it (its stamp, see sound.go), it is checked whole first
// (structure, every record, the indexes), and a damaged one is refused,
// left byte for byte as it was.
func (s *Store) updateSized(sizeHint int, fn func(tx *bolt.Tx) error) error {
	s.removeLeftovers()
	info, err := s.stat()
	if err != nil {
		return err
	}
	if info == nil {
		if err := s.create(); err != nil {
			return err
		}
	}
	g, err := s.gate(true)
	if err != nil {
		return err
	}
	defer g.release()
	// No other kith writes while the gate is held: the stamp read now is
	// the file bbolt opens.
	before, known := g.soundStamp(s.path)
	if !known {
		// The pages first, before bbolt walks them (its open reads the
		// freelist); a file that is not bbolt's at all is said so.
		if err := precheck(s.path); err != nil {
			return s.damage(err)
		}
		if p := checkStructure(s.path, 1); len(p) > 0 {
			return &damageError{path: s.path, detail: p[0]}
		}
	}
	db, err := s.open(false, sizeHint)
	if err != nil {
		return err
	}
	err = guard(s.path, func() error {
		if !known {
			if err := s.checkWhole(db); err != nil {
				return err
			}
		}
		rewrote := false
		err := db.Update(func(tx *bolt.Tx) error {
			// A bbolt file without a single bucket holds nothing (kith
			// itself never leaves one, see create), so make it a kith one.
			if tx.Bucket(bucketMeta) == nil && isBlank(tx) {
				if err := initSchema(tx); err != nil {
					return err
				}
			} else if _, err := s.checkSchema(tx); err != nil {
				return err
			}
			var err error
			if rewrote, err = migrate(tx); err != nil {
				return err
			}
			return fn(tx)
		})
		if err == nil && rewrote {
			s.compact(db)
		}
		// The file is sound as this transaction left it (or, if it
		// wrote nothing, as it was checked).
		if after, ok := fileStamp(s.path); ok && (err == nil || after == before) {
			g.writeStamp(after)
		}
		return err
	})
	if cerr := db.Close(); err == nil && cerr != nil {
		err = cerr
	}
	return s.damage(err)
}

// damage turns a damaged record into ErrCorrupt, with what to do.
func (s *Store) damage(err error) error {
	var de *damageError
	if err == nil || errors.As(err, &de) || !errors.Is(err, errCorrupt) {
		return err
	}
	return &damageError{path: s.path, detail: err.Error()}
}

// damageError is ErrCorrupt with where and what.
type damageError struct{ path, detail string }

func (e *damageError) Error() string {
	return fmt.Sprintf("%v: run kith verify (%s: %s)", ErrCorrupt, e.path, e.detail)
}

func (e *damageError) Is(target error) bool { return target == ErrCorrupt }

// create makes a new, empty kith database at s.path. It builds it under a
// temporary name and links it into place only once it is whole, so the
// path never holds a half-made file, whatever moment a crash strikes. If
// another process created the database meanwhile, theirs is kept.
//
// The temporary file is locked (bbolt's own lock) from just after it is
// made until its name is gone, so that removeLeftovers can tell a
// leftover of a killed kith from a file being built.
func (s *Store) create() error {
	dir := filepath.Dir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create the database directory: %w", openError(dir, err))
	}
	var err error
	for range 3 {
		if err = s.createOnce(dir); !errors.Is(err, errTempGone) {
			break
		}
	}
	if err != nil {
		return fmt.Errorf("create the database: %w", err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // make the new name durable
		d.Close()
	}
	return nil
}

// errTempGone means another kith took our temporary file for a leftover
// in the moment before we locked it: try again.
var errTempGone = errors.New("the temporary file went away")

func (s *Store) createOnce(dir string) error {
	tmp, err := os.CreateTemp(dir, leftoverPrefix(s.path)+"*")
	if err != nil {
		return openError(dir, err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	// bbolt initialises the empty file and locks it.
	db, err := bolt.Open(tmpPath, 0o600, &bolt.Options{Timeout: s.timeout(), OpenFile: openRegular})
	if err != nil {
		os.Remove(tmpPath)
		return err
	}
	defer db.Close()
	defer os.Remove(tmpPath) // before the lock goes, and after the link
	err = db.Update(func(tx *bolt.Tx) error {
		if err := initSchema(tx); err != nil {
			return err
		}
		_, err := migrate(tx)
		return err
	})
	if err != nil {
		return err
	}
	err = os.Link(tmpPath, s.path)
	switch {
	case errors.Is(err, fs.ErrExist):
		return nil // another process made it first: theirs stays
	case errors.Is(err, fs.ErrNotExist):
		if _, serr := os.Lstat(tmpPath); serr != nil {
			return errTempGone
		}
	}
	return err
}

// open opens the bbolt file, mapping bbolt's errors to ours. An existing
// file is checked first, so a damaged one is refused before bbolt maps it.
func (s *Store) open(readOnly bool, mmapSize int) (*bolt.DB, error) {
	if err := precheck(s.path); err != nil {
		return nil, s.damage(err)
	}
	if readOnly {
		g, err := s.gate(false)
		if err != nil {
			return nil, err
		}
		defer g.release() // readers pass the gate, they do not hold it
		if err := s.pagesSound(g); err != nil {
			return nil, err
		}
	}
	var db *bolt.DB
	err := guard(s.path, func() (err error) {
		db, err = bolt.Open(s.path, 0o600, &bolt.Options{
			Timeout:         s.timeout(),
			ReadOnly:        readOnly,
			InitialMmapSize: mmapSize,
			OpenFile:        openRegular,
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
	case errors.Is(err, ErrCorrupt), errors.Is(err, ErrNotKith):
		return nil, err
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return nil, openError(s.path, err)
	}
	return nil, fmt.Errorf("%s cannot be opened as a kith database (%v); it was left untouched: %w", s.path, err, ErrNotKith)
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
			err = &damageError{path: path, detail: fmt.Sprint(r)}
		}
	}()
	return fn()
}
