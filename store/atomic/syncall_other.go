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
