package main

import (
	"fmt"
)

// cmdVerify checks the database whole, or with repair writes what can be
// read into a new database there.
func cmdVerify(e *env, repair string) error {
	if repair != "" {
		return repairTo(e, repair)
	}
	rep, err := e.store.Verify()
	if err != nil {
		return err
	}
	if len(rep.Problems) == 0 {
		fmt.Fprintf(e.out, "%s is sound: %s, %s, %s; every record and index entry checks out\n",
			e.store.Path(), plural(rep.Friends, "friend"), plural(rep.Asks, "ask"), plural(rep.Favors, "favor"))
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
	fmt.Fprintf(e.out, "wrote %s: %s, %s, %s saved\n", out, plural(sv.Friends, "friend"), plural(sv.Asks, "ask"), plural(sv.Favors, "favor"))
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
