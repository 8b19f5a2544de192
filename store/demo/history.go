package demo

// This file draws a demo friend's history: their asks, how each went, and the favors done for them.

import (
	"fmt"
	"kith/store"
	"slices"
	"strings"
	"time"
)

// asks draws a friend's asks over the last two years, oldest first.
func (g *generator) asks(r *rng, f *store.Friend, sec *sector, askedLately bool) []store.Ask {
	now := g.now
	recent := r.pct(3) || askedLately // asked within the cool-down
	pending := r.pct(4)               // a recent ask still unanswered
	drafting := r.pct(6)              // a draft in progress
	count := 6 + r.IntN(13) + 2*(f.Closeness-3)
	count = max(count, 1)
	if !recent && !pending && r.pct(8) {
		count = 0 // never asked anything yet
	}
	// Most asks are older than three weeks: a friend asked within the
	// cool-down is the exception, not the rule.
	times := make([]time.Time, count)
	for k := range times {
		times[k] = r.between(now.Add(-2*year), now.Add(-21*day))
	}
	slices.SortFunc(times, func(a, b time.Time) int { return a.Compare(b) })
	if recent {
		times[count-1] = r.between(now.Add(-13*day), now.Add(-time.Hour))
	} else if pending {
		times[count-1] = r.between(now.Add(-45*day), now.Add(-15*day))
	}
	out := make([]store.Ask, 0, count+1)
	for k, at := range times {
		a := g.ask(r, f, sec, at)
		last := k == count-1
		switch {
		case last && recent:
			switch r.weighted([]int{50, 35, 15}) {
			case 0:
				a.Status = store.StatusSent
				a.FollowUp = a.Sent.Add(7 * day)
			case 1:
				a.Status = store.StatusHelped
			default:
				a.Status = store.StatusDeclined
			}
		case last && pending:
			a.Status = store.StatusSent
			a.FollowUp = a.Sent.Add(7 * day)
		default:
			a.Status = []store.Status{store.StatusHelped, store.StatusDeclined, store.StatusNoResponse, store.StatusWithdrawn}[r.weighted([]int{60, 13, 22, 5})]
		}
		g.settle(r, f, &a)
		out = append(out, a)
	}
	if drafting {
		at := r.between(now.Add(-30*day), now.Add(-time.Hour))
		a := g.ask(r, f, sec, at)
		a.Status = store.StatusDraft
		g.settle(r, f, &a)
		out = append(out, a)
	}
	return out
}

// ask draws the kind, topic and target of one ask sent at `at`.
func (g *generator) ask(r *rng, f *store.Friend, sec *sector, at time.Time) store.Ask {
	kind := g.kinds[r.weighted(g.kindW)]
	// Nobody asks for a reference or a recommendation from someone they
	// never worked with, nor across a line the friend has drawn.
	if (kind == store.KindReference || kind == store.KindRecommendation) && !f.WorkedTogether {
		kind = store.KindChat
	}
	for _, b := range f.Boundaries {
		if b.Kind == kind {
			kind = store.KindAdvice
			if b.Kind == store.KindAdvice {
				kind = store.KindOther
			}
		}
	}
	org := f.Org
	if org == "" || kind == store.KindIntro && r.pct(50) {
		org = sec.orgs[r.IntN(len(sec.orgs))]
	}
	role := sec.roles[r.IntN(len(sec.roles))]
	ts := g.topics[string(kind)]
	a := store.Ask{
		Kind:    kind,
		Topic:   format(ts[r.IntN(len(ts))], org, sec.tag, role),
		Sector:  sec.tag,
		Created: at.Add(-time.Duration(r.IntN(72*60)) * time.Minute),
		Sent:    at,
	}
	switch kind {
	case store.KindIntro, store.KindReferral, store.KindChat:
		a.Org = org
	}
	return a
}

// settle sets the times and notes that follow from a's status.
func (g *generator) settle(r *rng, f *store.Friend, a *store.Ask) {
	now := g.now
	switch a.Status {
	case store.StatusDraft:
		a.Created = a.Sent
		a.Sent = time.Time{}
		a.Body = draftBody(f, a)
	case store.StatusWithdrawn:
		a.Created = a.Sent
		a.Sent = time.Time{}
		wo := g.withdrawn
		a.Outcome = wo[r.IntN(len(wo))]
	case store.StatusHelped, store.StatusDeclined:
		a.Resolved = minTime(r.between(a.Sent.Add(2*time.Hour), a.Sent.Add(20*day)), now)
		if a.Status == store.StatusHelped {
			ho := g.helped[string(a.Kind)]
			a.Outcome = format(ho[r.IntN(len(ho))], a.Org, a.Sector)
			// Most help is thanked; recent help often not yet.
			p := 85
			if now.Sub(a.Resolved) < 30*day {
				p = 70
			}
			if r.pct(p) {
				a.Thanked = minTime(r.between(a.Resolved, a.Resolved.Add(4*day)), now)
			}
		} else {
			k := r.IntN(len(g.declined) + len(g.declinedConnect))
			if a.Kind != store.KindIntro && a.Kind != store.KindReferral {
				k = r.IntN(len(g.declined))
			}
			if k < len(g.declined) {
				a.Outcome = g.declined[k]
			} else {
				a.Outcome = g.declinedConnect[k-len(g.declined)]
			}
		}
	case store.StatusNoResponse:
		a.FollowUp = a.Sent.Add(7 * day)
		if r.pct(50) {
			a.Outcome = "No reply after a follow-up"
		}
	}
}

func draftBody(f *store.Friend, a *store.Ask) string {
	first, _, _ := strings.Cut(f.Name, " ")
	if f.Nickname != "" {
		first = f.Nickname
	}
	return fmt.Sprintf("Subject: %s\n\nHi %s,\n\nI'm writing to ask for your help with this: %s. I know this may be a busy time, so no worries at all if you can't.\n\nAnd if there's anything I can do for you, just say.\n\nSam",
		a.Topic, first, a.Topic)
}

// format fills a template that may use only some of args, or none.
func format(tmpl string, args ...any) string {
	if !strings.Contains(tmpl, "%") {
		return tmpl
	}
	return fmt.Sprintf(tmpl, args...)
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// favors draws what you did for a friend over the last three years.
// favors draws what you did for a friend over the last three years. You
// are a considerate user: most friends who helped you lately got
// something back since.
func (g *generator) favors(r *rng, f *store.Friend, asks []store.Ask, poss, obj string) []store.Favor {
	n := r.weighted([]int{25, 30, 25, 12, 8})
	if f.Closeness >= 4 {
		n++
	}
	out := make([]store.Favor, 0, n+1)
	for range n {
		out = append(out, store.Favor{What: g.drawFavor(r, poss, obj), At: r.between(g.now.Add(-3*year), g.now.Add(-time.Hour))})
	}
	var lastHelp time.Time
	for _, a := range asks {
		if a.Status == store.StatusHelped && a.Resolved.After(lastHelp) {
			lastHelp = a.Resolved
		}
	}
	if g.now.Sub(lastHelp) < 90*day && r.pct(75) {
		out = append(out, store.Favor{What: g.drawFavor(r, poss, obj), At: r.between(lastHelp, g.now)})
	}
	slices.SortFunc(out, func(a, b store.Favor) int { return a.At.Compare(b.At) })
	return out
}

// drawFavor draws what one favor was.
func (g *generator) drawFavor(r *rng, poss, obj string) string {
	other := &g.sectors[r.weighted(g.sectorW)]
	return format(g.favorWhat[r.IntN(len(g.favorWhat))], poss, obj,
		other.roles[r.IntN(len(other.roles))], other.orgs[r.IntN(len(other.orgs))], g.events[r.IntN(len(g.events))])
}
