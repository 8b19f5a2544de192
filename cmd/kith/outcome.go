package main

import (
	"fmt"
	"strconv"

	"github.com/spf13/pflag"

	"kith/store"
)

// cmdOutcome records what became of an ask: the answer to `kith due`'s
// follow-ups and thank-yous, from a shell.
func cmdOutcome(e *env, arg string, o *outcomeFlags, fs *pflag.FlagSet) error {
	id, err := strconv.ParseUint(arg, 10, 64)
	if err != nil || id == 0 {
		return usageErrorf("outcome: ASK must be an ask's id (a number), got %q", arg).withHint("'kith due' and 'kith show FRIEND' list the ids")
	}
	given := map[string]bool{}
	fs.Visit(func(f *pflag.Flag) { given[f.Name] = true })
	if !given["status"] && !given["note"] && !given["thanked"] {
		return usageErrorf("outcome: nothing to record").withHint("give --status, --note or --thanked")
	}
	var out store.Outcome
	if given["status"] {
		if out.Status, err = store.ParseStatus(o.status); err != nil {
			return usageErrorf("--status: %v", err)
		}
	}
	if given["note"] {
		out.Note = &o.note
	}
	if given["thanked"] {
		out.Thanked = &o.thanked
	}
	if o.at != "" {
		if out.At, err = parseWhen("at", o.at, e.now); err != nil {
			return err
		}
	}
	return recordOutcome(e, id, out)
}

// recordOutcome records o on the ask id (store.Tx.RecordOutcome: the
// times a status means, a thank-you only for help).
func recordOutcome(e *env, id uint64, o store.Outcome) error {
	var a store.Ask
	err := e.store.Batch(e.now, func(tx *store.Tx) (err error) {
		a, err = tx.RecordOutcome(id, o)
		return err
	})
	if err != nil {
		return formatError(err, "outcome", "--note")
	}
	fmt.Fprintf(e.out, "ask %d (%s): %s", a.ID, a.Kind, a.Status)
	if !a.Thanked.IsZero() {
		fmt.Fprint(e.out, ", thanked")
	}
	if a.Outcome != "" {
		fmt.Fprintf(e.out, " — %s", printable(a.Outcome))
	}
	fmt.Fprintln(e.out)
	return nil
}
