package atomic

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFolder writes files into folder dir. When dir is missing or empty
// (a first export), the files are written with their own names into a new
// folder beside it (.NAME.tmp-*, on the same file system), made durable at
// once (syncAll), and that folder is renamed onto dir, and the parent
// synced: a crash, or an error midway, leaves dir as it was (missing or
// empty), never half filled, and one rename replaces the 100,000 renames
// of a batch. A dir that holds anything is written by WriteBatch (every
// file replaced atomically). A dir that is a link to a folder is written
// through: the folder it names gets the files, and the link stays. An
// empty folder that is the process's working folder, or that cannot be
// replaced (a mount point), is written into as one with files.
//
// The folder beside dir is locked while it is filled; folders of that
// name that an export killed midway left, unlocked, are removed first
// (removeLeftovers), whatever dir holds.
//
// A new dir gets mode 0700; an empty one keeps its mode. Files get mode
// perm. WriteFolder returns how many files it wrote: all or, on an
// error, none (but for WriteBatch's partial renames, which it returns).
func WriteFolder(dir string, perm os.FileMode, files []File) (int, error) {
	real, empty, err := emptyFolder(dir)
	if err != nil {
		return 0, err
	}
	// The folder this process works in is written into, not replaced
	// (the shell that ran kith would be left in a removed folder).
	if cwd, err := os.Getwd(); err == nil && empty {
		if cwd, err = filepath.EvalSymlinks(cwd); err == nil && cwd == real {
			empty = false
		}
	}
	parent := filepath.Dir(real)
	removeLeftovers(parent, real)
	if !empty || len(files) == 0 {
		return writeInto(dir, real, perm, files)
	}
	if err := os.MkdirAll(parent, 0o700); err != nil {
		return 0, fmt.Errorf("create %s: %w", parent, unwrapPath(err))
	}
	tmp, lock, err := newLocked(parent, real)
	if err != nil {
		return 0, fmt.Errorf("write %s: %w", dir, unwrapPath(err))
	}
	done := false
	defer func() {
		if !done {
			os.RemoveAll(tmp)
		}
		lock.Close()
	}()
	if info, err := os.Stat(real); err == nil {
		if err := os.Chmod(tmp, info.Mode().Perm()); err != nil {
			return 0, fmt.Errorf("write %s: %w", dir, unwrapPath(err))
		}
	}
	seen := make(map[string]bool, len(files))
	for _, f := range files {
		if f.Name == "" || f.Name != filepath.Base(f.Name) || f.Name == "." || f.Name == ".." || seen[f.Name] {
			return 0, fmt.Errorf("write %s: %q is not a file name, or is there twice", dir, f.Name)
		}
		seen[f.Name] = true
	}
	bufs := newBuffers()
	err = each(len(files), func(w, i int) error { return writeNew(tmp, dir, files[i], perm, bufs[w]) })
	if err != nil {
		return 0, err
	}
	if err := syncAll([]string{tmp}, names(tmp, files)); err != nil {
		return 0, fmt.Errorf("write %s: sync: %w", dir, err)
	}
	// rename(2) replaces an empty folder, and fails (ENOTEMPTY, EEXIST)
	// where another program put a file in it meanwhile: that file stays.
	if err := renameOnto(tmp, real); err != nil {
		if info, serr := os.Stat(real); serr == nil && info.IsDir() {
			// A folder there that cannot be replaced (a mount point,
			// or one another program put a file in meanwhile) is
			// written into instead.
			os.RemoveAll(tmp)
			return writeInto(dir, real, perm, files)
		}
		return 0, fmt.Errorf("write %s: %w", dir, unwrapPath(err))
	}
	done = true
	if err := syncDir(parent); err != nil {
		return len(files), fmt.Errorf("write %s: sync the folder: %w", parent, err)
	}
	return len(files), nil
}

// writeInto writes files into dir (real, its links resolved), made if
// missing, as one batch.
func writeInto(dir, real string, perm os.FileMode, files []File) (int, error) {
	if err := os.MkdirAll(real, 0o700); err != nil {
		return 0, fmt.Errorf("create %s: %w", dir, unwrapPath(err))
	}
	return WriteBatch(dir, perm, files, nil)
}

// emptyFolder resolves the links of dir, as an absolute path, and says
// whether it is missing or an empty folder. Something there that is not
// a folder is an error.
func emptyFolder(dir string) (real string, empty bool, err error) {
	real, err = filepath.EvalSymlinks(dir)
	if errors.Is(err, fs.ErrNotExist) {
		if _, lerr := os.Lstat(dir); lerr == nil {
			return "", false, fmt.Errorf("write %s: a link to a folder that is missing: create the folder or remove the link", dir)
		}
		real, empty = dir, true
	} else if err != nil {
		return "", false, fmt.Errorf("write %s: %w", dir, unwrapPath(err))
	}
	if real, err = filepath.Abs(real); err != nil {
		return "", false, fmt.Errorf("write %s: %w", dir, err)
	}
	if empty {
		return real, true, nil
	}
	d, err := os.Open(real)
	if err != nil {
		return "", false, fmt.Errorf("write %s: %w", dir, unwrapPath(err))
	}
	defer d.Close()
	if info, err := d.Stat(); err != nil || !info.IsDir() {
		return "", false, fmt.Errorf("write %s: it is not a folder", dir)
	}
	_, err = d.Readdirnames(1)
	return real, errors.Is(err, io.EOF), nil
}

// writeNew writes f as a new file of dir, unsynced, with mode perm;
// errors name it in shown, the folder it is for.
func writeNew(dir, shown string, f File, perm os.FileMode, bw *bufio.Writer) (err error) {
	path := filepath.Join(shown, f.Name)
	out, err := os.OpenFile(filepath.Join(dir, f.Name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	defer func() {
		if cerr := out.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("write %s: %w", path, unwrapPath(cerr))
		}
	}()
	if err := chmodUnless0600(out, perm); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	bw.Reset(out)
	if err := f.Fill(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	return nil
}

// names is the paths of files in dir.
func names(dir string, files []File) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = filepath.Join(dir, f.Name)
	}
	return out
}
