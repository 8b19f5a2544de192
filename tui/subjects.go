package tui

import (
	"strconv"

	"kith/policy"
	"kith/store"
)

// dsPool is a policy.Pool over a dataset: its friends with the facts of
// their asks and favors, read in place.
type dsPool struct{ d *dataset }

// Len is the number of friends.
func (p dsPool) Len() int { return p.d.len() }

// Friend is friend i.
func (p dsPool) Friend(i int) *store.Friend { return &p.d.friends[i] }

// Subject is friend i with their history.
func (p dsPool) Subject(i int) policy.Subject { return subjectOf(p.d, i) }

// subjectOf is friend i of d with their history, as the policy weighs it.
func subjectOf(d *dataset, i int) policy.Subject {
	return policy.Subject{Friend: &d.friends[i], Asks: d.asksOf(i), Favors: d.favorsOf(i)}
}

// verdictLine is a level with its score, e.g. "caution 55".
func verdictLine(v policy.Verdict) string { return v.Level.String() + " " + strconv.Itoa(v.Score) }
