package atomic

import (
	"os"

	"golang.org/x/sys/unix"
)

// syncAll makes the files written in dirs durable with one syncfs(2) of
// the file system that holds each folder: one journal commit for the
// batch, where an fsync a file costs a commit each (80 s for 100,000
// files).
func syncAll(dirs []string, _ []string) error {
	for _, dir := range dirs {
		d, err := os.Open(dir)
		if err != nil {
			return unwrapPath(err)
		}
		err = unix.Syncfs(int(d.Fd()))
		d.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// renameOnto renames folder from onto to, which is missing or an empty
// folder, in one rename(2) (os.Rename refuses a folder there).
func renameOnto(from, to string) error {
	if err := unix.Rename(from, to); err != nil {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: err}
	}
	return nil
}
