package atomic

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// File is one file of a batch: its name in the folder and what fill
// writes into it.
type File struct {
	Name string
	Fill func(w io.Writer) error
}

// WriteBatch writes files into folder dir (which must exist), each one
// replaced atomically as WriteFile replaces a regular file, but with the
// file system synced once for the whole batch rather than twice a file:
//
//  1. each file's content goes to a temporary file beside it;
//  2. every temporary file is made durable at once (syncAll: syncfs(2)
//     on Linux, else one fsync a file);
//  3. each is renamed over its target, in order;
//  4. the folder is synced once, which makes the renames durable.
//
// A crash before step 3 leaves every target as it was (and temporary
// files, named .NAME.tmp-*, that vdir readers skip); a crash during
// step 3 or 4 leaves each target old or whole and new, never half
// written. Exporting 100,000 cards took 80 s with a sync per file, and
// takes a few seconds this way (BenchmarkWriteDir in store/vcard).
//
// The fill functions run concurrently (see writers). Names are plain
// file names in dir (no path separator); a target that
// is not a regular file is an error, and nothing is renamed. after, if
// not nil, is called after each rename with the file's index (a sync
// records what it wrote; tests stop there to play a crash); an error
// from it stops the batch. WriteBatch returns how many files it renamed.
func WriteBatch(dir string, perm os.FileMode, files []File, after func(i int) error) (n int, err error) {
	tmps := make([]string, len(files))
	targets := make([]string, len(files))
	existing := make([]os.FileInfo, len(files)) // what each replaces, nil for none
	dirs := []string{dir}
	defer func() {
		for _, t := range tmps[min(n, len(tmps)):] {
			if t != "" {
				os.Remove(t)
			}
		}
	}()
	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return 0, fmt.Errorf("write %s: %w", dir, unwrapPath(err))
	}
	// What is in the folder, from one listing rather than a stat a file.
	entries, err := os.ReadDir(realDir)
	if err != nil {
		return 0, fmt.Errorf("write %s: %w", dir, unwrapPath(err))
	}
	there := make(map[string]fs.FileMode, len(entries))
	for _, e := range entries {
		there[e.Name()] = e.Type()
	}
	for i, f := range files {
		if f.Name == "" || f.Name != filepath.Base(f.Name) || f.Name == "." || f.Name == ".." {
			return 0, fmt.Errorf("write %s: %q is not a file name", dir, f.Name)
		}
		target := filepath.Join(realDir, f.Name)
		mode, ok := there[f.Name]
		switch {
		case ok && mode&fs.ModeSymlink != 0:
			// A link is written through, as WriteFile does: its target
			// is replaced and the link stays.
			if target, existing[i], err = resolve(target); err != nil {
				return 0, err
			}
		case ok:
			// A file replaced keeps its mode and owner, as WriteFile's do.
			if existing[i], err = os.Lstat(target); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return 0, fmt.Errorf("write %s: %w", target, unwrapPath(err))
			}
		}
		if existing[i] != nil && !existing[i].Mode().IsRegular() {
			return 0, fmt.Errorf("write %s: it is not a regular file: move it away", target)
		}
		if d := filepath.Dir(target); !slices.Contains(dirs, d) {
			dirs = append(dirs, d)
		}
		targets[i] = target
	}
	if err := writeTemps(files, targets, existing, tmps, perm); err != nil {
		return 0, err
	}
	if len(tmps) == 0 {
		return 0, nil
	}
	if err := syncAll(dirs, tmps); err != nil {
		return 0, fmt.Errorf("write %s: sync: %w", dir, err)
	}
	for i := range files {
		if err := os.Rename(tmps[i], targets[i]); err != nil {
			return n, fmt.Errorf("write %s: %w", targets[i], unwrapPath(err))
		}
		n++
		if after != nil {
			if err := after(i); err != nil {
				return n, err
			}
		}
	}
	for _, d := range dirs {
		if err := syncDir(d); err != nil {
			return n, fmt.Errorf("write %s: sync the folder: %w", d, err)
		}
	}
	return n, nil
}

// writers is how many temporary files a batch writes at once. Creating
// a file waits on the file system's journal, and several at once
// overlap the waits (and the rendering, on two cores): creating 5,000
// files of 300 bytes on this shared machine's loaded ext4 disk took
// 3.2-5.9 s one at a time and 2.3-3.3 s eight at a time (four runs
// each, alternated); on tmpfs 145 ms and 75 ms.
const writers = 8

// writeTemps writes each file's content to a temporary file beside its
// target, several at once; tmps gets their names. Fill functions run
// concurrently.
func writeTemps(files []File, targets []string, existing []os.FileInfo, tmps []string, perm os.FileMode) error {
	bufs := newBuffers()
	return each(len(files), func(w, i int) error {
		t, err := writeTemp(filepath.Dir(targets[i]), files[i], perm, existing[i], bufs[w])
		tmps[i] = t
		return err
	})
}

// buffers are the writers' buffers, one each: a new one a file was
// 1.6 GB of the 2.2 GB an export of 100,000 cards allocated.
type buffers [writers]*bufio.Writer

func newBuffers() *buffers {
	var b buffers
	for i := range b {
		b[i] = bufio.NewWriterSize(nil, 16<<10)
	}
	return &b
}

// each calls fn(w, 0) … fn(w, n-1), writers at once (w is the writer
// calling, 0 to writers-1), and returns the first error; after one, no
// further call starts.
func each(n int, fn func(w, i int) error) error {
	next := make(chan int)
	errs := make(chan error, writers)
	var wg sync.WaitGroup
	for w := range min(writers, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := fn(w, i); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	var err error
feed:
	for i := range n {
		select {
		case next <- i:
		case err = <-errs:
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err == nil {
		select {
		case err = <-errs:
		default:
		}
	}
	return err
}

// writeTemp writes f's content to a new temporary file in dir, unsynced,
// with mode perm, or the mode and owner of the file it replaces.
func writeTemp(dir string, f File, perm os.FileMode, existing os.FileInfo, bw *bufio.Writer) (name string, err error) {
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(f.Name)+".tmp-*")
	if err != nil {
		return "", fmt.Errorf("write %s: %w", filepath.Join(dir, f.Name), unwrapPath(err))
	}
	defer func() {
		if cerr := tmp.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("write %s: %w", filepath.Join(dir, f.Name), unwrapPath(cerr))
		}
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	if existing != nil {
		perm = existing.Mode().Perm()
		keepOwner(tmp, existing)
	}
	if err := chmodUnless0600(tmp, perm); err != nil {
		return "", fmt.Errorf("write %s: %w", filepath.Join(dir, f.Name), unwrapPath(err))
	}
	bw.Reset(tmp)
	if err := f.Fill(bw); err != nil {
		return "", err
	}
	if err := bw.Flush(); err != nil {
		return "", fmt.Errorf("write %s: %w", filepath.Join(dir, f.Name), unwrapPath(err))
	}
	return tmp.Name(), nil
}

// RemoveBatch removes the named files of dir (one already gone is no
// error) and syncs the folder once.
func RemoveBatch(dir string, names []string) error {
	for _, n := range names {
		if n == "" || n != filepath.Base(n) {
			return fmt.Errorf("remove from %s: %q is not a file name", dir, n)
		}
		if err := os.Remove(filepath.Join(dir, n)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("remove %s: %w", filepath.Join(dir, n), unwrapPath(err))
		}
	}
	if len(names) == 0 {
		return nil
	}
	return syncDir(dir)
}

// chmodUnless0600 gives f mode perm; os.CreateTemp made it 0600 already.
func chmodUnless0600(f *os.File, perm os.FileMode) error {
	if perm == 0o600 {
		return nil
	}
	return f.Chmod(perm)
}
