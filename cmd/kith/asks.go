package main

import (
	"fmt"

	"kith/store"
)

func cmdAsk(e *env, args []string) error {
	fs := newFlags(e, "ask", "FRIEND --kind K [--at DATE] [--status S] [--topic T]", "record an ask")
	kind := fs.String("kind", "", "what you asked for: intro, chat, referral, reference, recommendation, advice, review, other")
	at := fs.String("at", "", "when (YYYY-MM-DD or RFC 3339; default now)")
	status := fs.String("status", string(store.StatusSent), "draft, sent, helped, declined, no-response or withdrawn")
	topic := fs.String("topic", "", "what it was about")
	sector := fs.String("sector", "", "the `sector` the ask targets")
	org := fs.String("org", "", "the `organisation` the ask targets")
	outcome := fs.String("outcome", "", "what happened (`note`)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	q, err := oneArg("ask", pos, "FRIEND")
	if err != nil {
		return err
	}
	if *kind == "" {
		return usageErrorf("ask: --kind is required").withHint("want one of intro, chat, referral, reference, recommendation, advice, review, other")
	}
	k, err := store.ParseKind(*kind)
	if err != nil {
		return usageErrorf("--kind: %v", err)
	}
	st, err := store.ParseStatus(*status)
	if err != nil {
		return usageErrorf("--status: %v", err)
	}
	when := e.now
	if *at != "" {
		if when, err = parseWhen("at", *at, e.now); err != nil {
			return err
		}
	}
	return recordAsk(e, q, store.Ask{
		Kind: k, Status: st,
		Topic:   store.CleanText(*topic, false),
		Sector:  store.CleanText(*sector, false),
		Org:     store.CleanText(*org, false),
		Outcome: store.CleanText(*outcome, true),
		Created: when,
	})
}

// recordAsk records a as an ask to the friend q names (store.Tx.RecordAsk
// stamps the times its status means).
func recordAsk(e *env, q string, a store.Ask) error {
	f, err := e.store.FindFriend(q)
	if err != nil {
		return err
	}
	a.FriendID = f.ID
	if err := e.store.Batch(e.now, func(tx *store.Tx) error { return tx.RecordAsk(&a) }); err != nil {
		return formatError(err, "created", "--at")
	}
	fmt.Fprintf(e.out, "recorded %s ask %d to %s (%s, %s)\n", a.Kind, a.ID, printable(f.Name), a.Status, a.Created.Local().Format("2006-01-02"))
	return nil
}

func cmdFavor(e *env, args []string) error {
	fs := newFlags(e, "favor", "FRIEND WHAT [--at DATE]", "record a favor you did for a friend")
	at := fs.String("at", "", "when (YYYY-MM-DD or RFC 3339; default now)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usageErrorf("favor: want FRIEND and WHAT, got %d arguments", len(pos)).
			withHint(`e.g. kith favor "Ada" "introduced her to a recruiter" (quote names and text with spaces)`)
	}
	when := e.now
	if *at != "" {
		if when, err = parseWhen("at", *at, e.now); err != nil {
			return err
		}
	}
	return logFavor(e, pos[0], store.Favor{What: store.CleanText(pos[1], false), At: when})
}

// logFavor logs v as a favor done for the friend q names.
func logFavor(e *env, q string, v store.Favor) error {
	f, err := e.store.FindFriend(q)
	if err != nil {
		return err
	}
	v.FriendID = f.ID
	if err := e.store.Batch(e.now, func(tx *store.Tx) error { return tx.AddFavor(&v) }); err != nil {
		return formatError(err, "what", "WHAT")
	}
	fmt.Fprintf(e.out, "recorded favor %d for %s: %s\n", v.ID, printable(f.Name), printable(v.What))
	return nil
}
