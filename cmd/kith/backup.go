package main

import "fmt"

func cmdBackup(e *env, args []string) error {
	fs := newFlags(e, "backup", "FILE [--force]", "write a consistent copy of the database, even while kith is in use")
	force := fs.Bool("force", false, "overwrite FILE if it exists")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	path, err := oneArg("backup", pos, "FILE")
	if err != nil {
		return err
	}
	if err := e.store.BackupFile(path, *force); err != nil {
		return err
	}
	// On standard error, like export's: FILE may be /dev/stdout.
	fmt.Fprintf(e.err, "backed up %s to %s\n", e.store.Path(), path)
	return nil
}
