// Package atomic writes the files kith makes outside its database
// (exports, backups) by one set of rules, whatever the path names:
//
//   - a regular file, or a new one, is replaced atomically: the content
//     goes to a temporary file in the same folder, is synced, renamed over
//     the target, and the folder is synced, so a reader (or a crash) sees
//     the old file or the whole new one, never half of it. A new file gets
//     the mode asked for (0600 for kith's files: they hold people's
//     details); an existing one keeps its mode, and its owner and group
//     where the process may set them;
//   - a symbolic link is written through: its target, resolved fully
//     (relative links and chains of links too), is replaced as above and
//     the link stays. A dangling link gets its target created, as a shell's
//     > would, provided the target's folder exists;
//   - a device, a FIFO or one of the process's own streams (/dev/stdout,
//     /dev/stderr, /dev/fd/N, /proc/self/fd/N) is written straight into,
//     never replaced or created: a device is opened without O_CREATE or
//     O_TRUNC, a stream that is a regular file is appended to (what the
//     shell's > or >> set up), and a FIFO waits up to FIFOWait for a reader
//     and fails if none comes;
//   - a folder (or a path ending in /) and a socket are errors.
//
// On any error the target is left as it was and no temporary file stays.
package atomic

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// FIFOWait is how long a write to a FIFO waits for a reader to open it.
const FIFOWait = 10 * time.Second

// maxLinks bounds how many symbolic links a path may pass through (Linux's
// own limit).
const maxLinks = 40

// WriteFile writes what fill writes to path by the package's rules, a new
// file with mode perm. fill's errors are returned as they are.
func WriteFile(path string, perm os.FileMode, fill func(w io.Writer) error) error {
	return write(path, perm, true, FIFOWait, fill)
}

// CreateFile is WriteFile for a path that must not hold a file yet: if it
// does (a regular file, or a link to one) it returns an error wrapping
// fs.ErrExist and writes nothing. The new file appears under its name whole
// or not at all, and a file another process creates there meanwhile is
// never overwritten. A device or a FIFO is written into as by WriteFile.
func CreateFile(path string, perm os.FileMode, fill func(w io.Writer) error) error {
	return write(path, perm, false, FIFOWait, fill)
}

func write(path string, perm os.FileMode, replace bool, wait time.Duration, fill func(w io.Writer) error) error {
	if path == "" {
		return errors.New("write: no file name given")
	}
	if strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(os.PathSeparator)) {
		return fmt.Errorf("write %s: the name ends in / and so names a folder: name a file", path)
	}
	// Stat follows every link, the kernel's magic ones under /proc too,
	// and says what the path finally is.
	info, err := os.Stat(path)
	switch {
	case err == nil && info.IsDir():
		return fmt.Errorf("write %s: it is a folder, not a file: name a file (one inside it, say)", path)
	case err == nil && !info.Mode().IsRegular():
		return writeStream(path, info, false, wait, fill)
	case err == nil && isProcessStream(path):
		return writeStream(path, info, true, wait, fill)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	target, existing, err := resolve(path)
	if err != nil {
		return err
	}
	if existing != nil && !existing.Mode().IsRegular() {
		// It changed under us since the Stat above: say so rather than guess.
		return fmt.Errorf("write %s: %s changed while being written to: try again", path, target)
	}
	if existing != nil && !replace {
		return fmt.Errorf("write %s: %w", path, fs.ErrExist)
	}
	return replaceFile(path, target, perm, existing, replace, fill)
}

// isProcessStream reports whether path names one of the process's own
// file descriptors.
func isProcessStream(path string) bool {
	p := filepath.Clean(path)
	switch p {
	case "/dev/stdout", "/dev/stderr", "/dev/stdin":
		return true
	}
	return strings.HasPrefix(p, "/dev/fd/") || strings.HasPrefix(p, "/proc/self/fd/")
}

// resolve follows path through every symbolic link to the name that is
// finally written, and returns it with what is there (nil if nothing).
// Each folder on the way is resolved first, so a relative link is read
// against the folder that really holds it.
func resolve(path string) (string, os.FileInfo, error) {
	p := path
	for range maxLinks {
		dir, err := filepath.EvalSymlinks(filepath.Dir(p))
		if err != nil {
			if p == path {
				return "", nil, fmt.Errorf("write %s: the folder %s: %w", path, filepath.Dir(p), unwrapPath(err))
			}
			return "", nil, fmt.Errorf("write %s: the link leads to %s, whose folder %s: %w", path, p, filepath.Dir(p), unwrapPath(err))
		}
		p = filepath.Join(dir, filepath.Base(p))
		info, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return p, nil, nil
		}
		if err != nil {
			return "", nil, fmt.Errorf("write %s: %w", path, unwrapPath(err))
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			return p, info, nil
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", nil, fmt.Errorf("write %s: %w", path, unwrapPath(err))
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(dir, link)
		}
		p = link
	}
	return "", nil, fmt.Errorf("write %s: more than %d symbolic links in a row (a loop?)", path, maxLinks)
}

// replaceFile writes a temporary file beside target and renames it over
// target (or, without replace, links it there only if nothing is).
func replaceFile(path, target string, perm os.FileMode, existing os.FileInfo, replace bool, fill func(w io.Writer) error) (err error) {
	where := path
	if target != path && target != filepath.Clean(path) {
		where = path + " (→ " + target + ")"
	}
	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", where, unwrapPath(err))
	}
	tmpName := tmp.Name()
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmpName)
		}
	}()
	mode := perm
	if existing != nil {
		mode = existing.Mode().Perm()
		keepOwner(tmp, existing)
	}
	if err = tmp.Chmod(mode); err != nil {
		return fmt.Errorf("write %s: %w", where, unwrapPath(err))
	}
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err = fill(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", where, unwrapPath(err))
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: sync: %w", where, unwrapPath(err))
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", where, unwrapPath(err))
	}
	if replace {
		err = os.Rename(tmpName, target)
	} else {
		err = linkNew(tmpName, target)
	}
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("write %s: %w", where, fs.ErrExist)
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", where, unwrapPath(err))
	}
	if !replace {
		os.Remove(tmpName) // the file lives on under target
	}
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("write %s: sync the folder %s: %w", where, dir, err)
	}
	return nil
}

// linkNew gives the finished temporary file the name target only if
// nothing has it: a hard link fails when the name is taken, so a file
// another process made meanwhile is never overwritten. File systems
// without hard links get a check and a rename.
func linkNew(tmp, target string) error {
	err := os.Link(tmp, target)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	var errno syscall.Errno
	if errors.As(err, &errno) && (errno == syscall.EPERM || errno == syscall.EOPNOTSUPP || errno == syscall.EXDEV || errno == syscall.EMLINK) {
		if _, lerr := os.Lstat(target); lerr == nil {
			return fs.ErrExist
		}
		return os.Rename(tmp, target)
	}
	return err
}

// keepOwner gives f the owner and group of existing, where the process
// may (root, or a group it belongs to); otherwise f stays the process's.
func keepOwner(f *os.File, existing os.FileInfo) {
	st, ok := existing.Sys().(*syscall.Stat_t)
	if !ok || (int(st.Uid) == os.Geteuid() && int(st.Gid) == os.Getegid()) {
		return
	}
	if f.Chown(int(st.Uid), int(st.Gid)) != nil {
		f.Chown(-1, int(st.Gid)) // the group alone, if that is allowed
	}
}

// syncDir makes a rename in dir durable. File systems that cannot sync a
// folder (EINVAL) have nothing to make durable that way.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return unwrapPath(err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, syscall.ENOTSUP) {
		return unwrapPath(err)
	}
	return nil
}

// writeStream writes into a device, a FIFO or a stream of the process,
// never creating or truncating it.
func writeStream(path string, info os.FileInfo, appendTo bool, wait time.Duration, fill func(w io.Writer) error) (err error) {
	var f *os.File
	switch m := info.Mode(); {
	case m&fs.ModeSocket != 0:
		return fmt.Errorf("write %s: it is a socket: name a file, a device or a FIFO", path)
	case m&fs.ModeNamedPipe != 0:
		f, err = openFIFO(path, wait)
	case appendTo:
		f, err = os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	default:
		f, err = os.OpenFile(path, os.O_WRONLY, 0)
	}
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("write %s: %w", path, unwrapPath(cerr))
		}
	}()
	// What was opened must still be what was checked: a regular file put
	// there meanwhile would be overwritten in place.
	if now, serr := f.Stat(); serr != nil || (now.Mode().IsRegular() && !appendTo) {
		return fmt.Errorf("write %s: it changed while being opened: try again", path)
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	if err = fill(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if appendTo && info.Mode().IsRegular() {
		if err = f.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
			return fmt.Errorf("write %s: sync: %w", path, unwrapPath(err))
		}
		err = nil
	}
	return nil
}

// openFIFO opens a FIFO for writing once a reader has it open, checking
// every 20 ms for up to wait: a plain open would block for ever when no
// reader comes.
func openFIFO(path string, wait time.Duration) (*os.File, error) {
	deadline := time.Now().Add(wait)
	for {
		// O_NONBLOCK makes the open fail at once (ENXIO) while no reader
		// has the FIFO open; the file is then written through Go's poller,
		// which waits for a slow reader as a blocking write would.
		f, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, syscall.ENXIO) {
			return nil, fmt.Errorf("write %s: %w", path, unwrapPath(err))
		}
		if !time.Now().Before(deadline) {
			return nil, fmt.Errorf("write %s: it is a FIFO and no reader opened it within %v: start the reader first (e.g. cat %s), then write again", path, wait, path)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// unwrapPath drops a *fs.PathError's operation and path, which the
// messages here already name.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
