package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func cmdExport(e *env, args []string) error {
	fs := newFlags(e, "export", "[--format json] [-o FILE]", "export the whole database")
	format := fs.String("format", "json", "output format: json")
	out := fs.String("o", "", "write to `FILE` instead of standard output")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErrorf("export: unexpected argument %q", pos[0]).withHint("use -o FILE to name the output")
	}
	if *format != "json" {
		return usageErrorf("--format: want json, got %q", *format)
	}
	snap, err := e.store.Snapshot(e.now)
	if err != nil {
		return err
	}
	if *out == "" || *out == "-" {
		return writeJSON(e.out, snap)
	}
	if err := writeFileAtomic(*out, func(w *bufio.Writer) error { return writeJSON(w, snap) }); err != nil {
		return err
	}
	fmt.Fprintf(e.err, "exported %d friends, %d asks, %d favors to %s\n", len(snap.Friends), len(snap.Asks), len(snap.Favors), *out)
	return nil
}

// writeFileAtomic writes path through a temporary file in the same
// directory, synced and renamed into place, mode 0600: a reader never sees
// half a file and a crash leaves the old one.
func writeFileAtomic(path string, fill func(w *bufio.Writer) error) error {
	if strings.HasSuffix(path, string(os.PathSeparator)) {
		return fmt.Errorf("%s is a directory: name a file", path)
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	err = fill(w)
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = tmp.Chmod(0o600)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
