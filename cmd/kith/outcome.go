package main

import (
	"fmt"
	"strconv"
	"time"

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
	var st store.Status
	if given["status"] {
		if st, err = store.ParseStatus(o.status); err != nil {
			return usageErrorf("--status: %v", err)
		}
	}
	when := e.now
	if o.at != "" {
		if when, err = parseWhen("at", o.at, e.now); err != nil {
			return err
		}
	}
	var a store.Ask
	err = e.store.Batch(e.now, func(tx *store.Tx) error {
		if a, err = tx.Ask(id); err != nil {
			return err
		}
		if given["status"] && st != a.Status {
			a.Status = st
			switch st {
			case store.StatusDraft:
				a.Sent, a.Resolved = time.Time{}, time.Time{}
			case store.StatusSent:
				if a.Sent.IsZero() {
					a.Sent = when
				}
				a.Resolved = time.Time{}
			default:
				if a.Sent.IsZero() && st != store.StatusWithdrawn {
					a.Sent = a.Created
				}
				a.Resolved = when
			}
		}
		if given["note"] {
			a.Outcome = store.CleanText(o.note, true)
		}
		if given["thanked"] {
			if o.thanked && a.Status != store.StatusHelped {
				return usageErrorf("--thanked: ask %d is %s, not helped: record --status helped first", a.ID, a.Status)
			}
			a.Thanked = time.Time{}
			if o.thanked {
				a.Thanked = when
			}
		}
		a.Normalize()
		return tx.PutAsk(&a)
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
