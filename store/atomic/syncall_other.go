//go:build !linux

package atomic

import "os"

// syncAll makes the files named durable, one fsync each.
func syncAll(_ []string, names []string) error {
	for _, n := range names {
		f, err := os.OpenFile(n, os.O_RDWR, 0)
		if err != nil {
			return unwrapPath(err)
		}
		err = f.Sync()
		f.Close()
		if err != nil {
			return unwrapPath(err)
		}
	}
	return nil
}

// renameOnto renames folder from onto to, which is missing or an empty
// folder: the empty folder is removed first (os.Rename refuses one).
func renameOnto(from, to string) error {
	if err := os.Remove(to); err != nil && !os.IsNotExist(err) {
		return err
	}
	return os.Rename(from, to)
}
