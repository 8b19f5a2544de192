package main

import "fmt"

func cmdBackup(e *env, path string, force bool) error {
	if err := e.store.BackupFile(path, force); err != nil {
		return err
	}
	// On standard error, like export's: FILE may be /dev/stdout.
	fmt.Fprintf(e.err, "backed up %s to %s\n", e.store.Path(), path)
	return nil
}
