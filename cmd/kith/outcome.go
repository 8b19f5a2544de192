package main

import (
	"flag"
	"fmt"
	"strconv"

	"kith/store"
)

// cmdOutcome records what became of an ask: the answer to `kith due`'s
// follow-ups and thank-yous, from a shell.
func cmdOutcome(e *env, args []string) error {
	fs := newFlags(e, "outcome", "ASK [--status S] [--note TEXT] [--thanked] [--at DATE]", "record what became of an ask (its id is in 'kith due' and 'kith show')")
	status := fs.String("status", "", "helped, declined, no-response, withdrawn (or sent, draft)")
	note := fs.String("note", "", "what happened (`text`)")
	thanked := fs.Bool("thanked", false, "you have thanked them")
	at := fs.String("at", "", "when (YYYY-MM-DD or RFC 3339; default now)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	arg, err := oneArg("outcome", pos, "ASK")
	if err != nil {
		return err
	}
	id, err := strconv.ParseUint(arg, 10, 64)
	if err != nil || id == 0 {
		return usageErrorf("outcome: ASK must be an ask's id (a number), got %q", arg).withHint("'kith due' and 'kith show FRIEND' list the ids")
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if !given["status"] && !given["note"] && !given["thanked"] {
		return usageErrorf("outcome: nothing to record").withHint("give --status, --note or --thanked")
	}
	var o store.Outcome
	if given["status"] {
		if o.Status, err = store.ParseStatus(*status); err != nil {
			return usageErrorf("--status: %v", err)
		}
	}
	if given["note"] {
		o.Note = note
	}
	if given["thanked"] {
		o.Thanked = thanked
	}
	if *at != "" {
		if o.At, err = parseWhen("at", *at, e.now); err != nil {
			return err
		}
	}
	return recordOutcome(e, id, o)
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
