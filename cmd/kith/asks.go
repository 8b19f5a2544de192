package main

import (
	"fmt"

	"kith/store"
)

func cmdAsk(e *env, q string, o *askFlags) error {
	if o.kind == "" {
		return usageErrorf("ask: --kind is required").withHint("want one of intro, chat, referral, reference, recommendation, advice, review, other")
	}
	k, err := store.ParseKind(o.kind)
	if err != nil {
		return usageErrorf("--kind: %v", err)
	}
	st, err := store.ParseStatus(o.status)
	if err != nil {
		return usageErrorf("--status: %v", err)
	}
	when := e.now
	if o.at != "" {
		if when, err = parseWhen("at", o.at, e.now); err != nil {
			return err
		}
	}
	f, err := e.store.FindFriend(q)
	if err != nil {
		return err
	}
	a := store.Ask{
		FriendID: f.ID, Kind: k, Status: st,
		Topic:   store.CleanText(o.topic, false),
		Sector:  store.CleanText(o.sector, false),
		Org:     store.CleanText(o.org, false),
		Outcome: store.CleanText(o.outcome, true),
		Created: when,
	}
	if st != store.StatusDraft {
		a.Sent = when
	}
	switch st {
	case store.StatusHelped, store.StatusDeclined, store.StatusNoResponse, store.StatusWithdrawn:
		a.Resolved = when
	}
	a.Normalize()
	if err := e.store.AddAsk(&a); err != nil {
		return formatError(err, "created", "--at")
	}
	fmt.Fprintf(e.out, "recorded %s ask %d to %s (%s, %s)\n", a.Kind, a.ID, printable(f.Name), a.Status, when.Local().Format("2006-01-02"))
	return nil
}

func cmdFavor(e *env, q, what, at string) error {
	what = store.CleanText(what, false)
	if what == "" {
		return usageErrorf("favor: WHAT must not be empty")
	}
	when := e.now
	if at != "" {
		var err error
		if when, err = parseWhen("at", at, e.now); err != nil {
			return err
		}
	}
	f, err := e.store.FindFriend(q)
	if err != nil {
		return err
	}
	v := store.Favor{FriendID: f.ID, What: what, At: when}
	v.Normalize()
	if err := e.store.AddFavor(&v); err != nil {
		return formatError(err, "what", "WHAT")
	}
	fmt.Fprintf(e.out, "recorded favor %d for %s: %s\n", v.ID, printable(f.Name), printable(v.What))
	return nil
}
