package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
)

// The database path, before bbolt sees it: what kind of file it is, and
// what an error opening it means to the person who ran kith.

// describe names a kind of file that is not a regular one.
func describe(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO (named pipe)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	}
	return "not a regular file"
}

// notRegular refuses anything but a regular file at path: opening a FIFO
// blocks until a writer comes, a device is not a database.
func notRegular(path string, info fs.FileInfo) error {
	if info.Mode().IsRegular() {
		return nil
	}
	return fmt.Errorf("%s is %s, not a kith database; it was left untouched: choose another path with --db: %w", path, describe(info.Mode()), ErrNotKith)
}

// openRegular is os.OpenFile for the database, as bbolt's Options.OpenFile:
// it opens without blocking (a FIFO put at the path between a Stat and
// the open would otherwise block forever) and refuses what is not a
// regular file. O_NONBLOCK does nothing to a regular file's reads and
// writes.
func openRegular(name string, flag int, perm os.FileMode) (*os.File, error) {
	f, err := os.OpenFile(name, flag|syscall.O_NONBLOCK, perm)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err == nil {
		err = notRegular(name, info)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// openError says what an error from opening path means and what to do.
// An error that is not about the file is returned as it is.
func openError(path string, err error) error {
	var perr *fs.PathError
	if errors.As(err, &perr) {
		err = perr.Err // the path is said once, here
	}
	switch {
	case errors.Is(err, syscall.EROFS):
		return fmt.Errorf("%s is on a read-only file system, and kith needs to write to it: copy it somewhere writable and use --db, or remount the file system read-write (%w)", path, err)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%s: permission denied%s: run kith as the user who owns it, or give yourself access (chown or chmod) (%w)", path, owner(path), err)
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("%s: the disk is full: free some space and try again (%w)", path, err)
	case errors.Is(err, syscall.ENOTDIR):
		return fmt.Errorf("%s: a part of the path is not a directory: choose another path with --db (%w)", path, err)
	case errors.Is(err, syscall.ELOOP):
		return fmt.Errorf("%s: too many symbolic links (a loop?): choose another path with --db (%w)", path, err)
	}
	return fmt.Errorf("open %s: %w", path, err)
}

// owner describes who owns path and its mode, or of the first parent
// that exists, as " (owned by NAME, mode 0600)"; "" if it cannot tell.
func owner(path string) string {
	for p := path; ; p = filepath.Dir(p) {
		info, err := os.Stat(p)
		if err == nil {
			st, ok := info.Sys().(*syscall.Stat_t)
			if !ok {
				return ""
			}
			name := strconv.FormatUint(uint64(st.Uid), 10)
			if u, err := user.LookupId(name); err == nil {
				name = u.Username
			}
			if p != path {
				return fmt.Sprintf(" (its directory %s is owned by %s, mode %04o)", p, name, info.Mode().Perm())
			}
			return fmt.Sprintf(" (owned by %s, mode %04o)", name, info.Mode().Perm())
		}
		if filepath.Dir(p) == p {
			return ""
		}
	}
}
