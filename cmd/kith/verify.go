package main

import (
	"fmt"
)

func cmdVerify(e *env, args []string) error {
	fs := newFlags(e, "verify", "[--repair OUT]",
		"check the database whole (pages, every record's checksum, the indexes); exit 0 when sound, 1 with a report when not")
	repair := fs.String("repair", "", "write a new database at `OUT` from every record that can be read (never in place; OUT must not exist)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErrorf("verify: unexpected argument %q", pos[0]).withHint("run 'kith verify --help' for usage")
	}
	if *repair != "" {
		return repairTo(e, *repair)
	}
	rep, err := e.store.Verify()
	if err != nil {
		return err
	}
	if len(rep.Problems) == 0 {
		fmt.Fprintf(e.out, "%s is sound: %d friends, %d asks, %d favors; every record and index entry checks out\n",
			e.store.Path(), rep.Friends, rep.Asks, rep.Favors)
		return nil
	}
	fmt.Fprintf(e.out, "%s is damaged:\n", e.store.Path())
	for _, p := range rep.Problems {
		fmt.Fprintf(e.out, "  %s\n", p)
	}
	return exitCode(1, fmt.Errorf("%s is damaged (%d problems listed): save what can be read with 'kith verify --repair NEW.db', or restore a backup", e.store.Path(), len(rep.Problems)))
}

func repairTo(e *env, out string) error {
	sv, err := e.store.Repair(out)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.out, "wrote %s: %d friends, %d asks, %d favors saved\n", out, sv.Friends, sv.Asks, sv.Favors)
	if len(sv.Lost) == 0 {
		fmt.Fprintln(e.out, "nothing was lost")
		return nil
	}
	fmt.Fprintf(e.out, "could not save:\n")
	for _, p := range sv.Lost {
		fmt.Fprintf(e.out, "  %s\n", p)
	}
	fmt.Fprintf(e.out, "%s was left as it was; to use the repaired one, run kith with --db %s\n", e.store.Path(), out)
	return nil
}
