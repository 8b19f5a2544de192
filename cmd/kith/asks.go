package main

import (
	"fmt"
	"strings"

	"kith/policy"
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
	return recordAsk(e, q, store.Ask{
		Kind: k, Status: st,
		Topic:        store.CleanText(o.topic, false),
		Sector:       store.CleanText(o.sector, false),
		Org:          store.CleanText(o.org, false),
		TargetPerson: store.CleanText(o.targetPerson, false),
		TargetRole:   store.CleanText(o.targetRole, false),
		Outcome:      store.CleanText(o.outcome, true),
		Created:      when,
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
	cool, err := inCooldown(e, &f, &a)
	if err != nil {
		return err
	}
	if err := e.store.Batch(e.now, func(tx *store.Tx) error { return tx.RecordAsk(&a) }); err != nil {
		return formatError(err, "created", "--at")
	}
	fmt.Fprintf(e.out, "recorded %s ask %d to %s (%s, %s)\n", a.Kind, a.ID, printable(f.Name), a.Status, a.Created.Local().Format("2006-01-02"))
	if cool != "" {
		fmt.Fprintf(e.out, "note: recorded inside the cool-down. %s\n", printable(cool))
	}
	return nil
}

// inCooldown is the verdict's cool-down reason when asking f for a, at
// a's time, falls inside the cool-down of an earlier ask ("" if not, or
// if a is a draft, which asks nothing yet). An ask is recorded all the
// same (it was made), but not without a word.
func inCooldown(e *env, f *store.Friend, a *store.Ask) (string, error) {
	if a.Status == store.StatusDraft {
		return "", nil
	}
	p, err := e.store.Profile()
	if err != nil {
		return "", err
	}
	asks, favors, err := e.store.History(f.ID)
	if err != nil {
		return "", err
	}
	req := policy.Request{Kind: a.Kind, Sector: a.Sector, Org: a.Org, Topic: a.Topic}
	v := policy.Evaluate(policy.SubjectOf(f, asks, favors), req, p.Settings, a.Created)
	for _, r := range v.Reasons {
		if r.Code == policy.CodeCooldown {
			// The advice to hold back comes too late for an ask made.
			return strings.TrimSuffix(r.Message, " Hold back or ask someone else."), nil
		}
	}
	return "", nil
}

func cmdFavor(e *env, q, what, at, size string) error {
	when := e.now
	if at != "" {
		var err error
		if when, err = parseWhen("at", at, e.now); err != nil {
			return err
		}
	}
	var z store.FavorSize
	if size != "" {
		var err error
		if z, err = store.ParseFavorSize(size); err != nil {
			return usageErrorf("--size: %v", err)
		}
	}
	return logFavor(e, q, store.Favor{What: store.CleanText(what, false), At: when, Size: z})
}

// cmdMoment records a moment in the friend q's life (store.Tx.AddMoment).
func cmdMoment(e *env, q, spec string) error {
	m, err := store.ParseMoment(store.CleanText(spec, false), e.now)
	if err != nil {
		return usageErrorf("MOMENT: %v", err)
	}
	f, err := e.store.FindFriend(q)
	if err != nil {
		return err
	}
	if err := e.store.Batch(e.now, func(tx *store.Tx) (err error) {
		f, err = tx.AddMoment(f.ID, m)
		return err
	}); err != nil {
		return formatError(err, "moment", "MOMENT")
	}
	fmt.Fprintf(e.out, "recorded %s for %s (%s)\n", m.Kind, printable(f.Name), m.At.Format("2006-01-02"))
	return nil
}

// momentList is the moment kinds, comma-separated.
func momentList() string {
	var names []string
	for _, k := range store.MomentKinds() {
		names = append(names, string(k))
	}
	return strings.Join(names, ", ")
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
