package main

import (
	"fmt"

	"kith/store"
)

// cmdUndo takes back the last outcome, thank-you, mark-as-sent or archive,
// the CLI's or the TUI's (store.Tx.Undo: the record of it is in the
// database). Nothing to undo is an error (exit 1) saying why.
func cmdUndo(e *env) error {
	var u store.Undone
	err := e.store.Batch(e.now, func(tx *store.Tx) (err error) {
		u, err = tx.Undo()
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(e.out, printable(u.String()))
	return nil
}
