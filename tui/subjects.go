package tui

import (
	"kith/policy"
	"kith/store"
	"strconv"
)

// dsPool is a policy.Pool over a dataset: its friends with their ask and
// favor heads, which is all Evaluate and Rank read.
type dsPool struct{ d *dataset }

// Len is the number of friends.
func (p dsPool) Len() int { return p.d.len() }

// Friend is friend i.
func (p dsPool) Friend(i int) *store.Friend { return &p.d.friends[i] }

// Subject is friend i with their history, as Rank weighs it.
func (p dsPool) Subject(i int) policy.Subject { return rankSubjectOf(p.d, i) }

// subjectOf is friend i of d with their history heads.
func subjectOf(d *dataset, i int) policy.Subject {
	return policy.Subject{Friend: &d.friends[i], Asks: d.asksOf(i), Favors: d.favorsOf(i)}
}

// rankSubjectOf is friend i of d as Evaluate and Rank weigh them: with the
// ask facts read in place when the dataset has them (nothing expanded or
// allocated), else with the ask heads.
func rankSubjectOf(d *dataset, i int) policy.Subject {
	if d.factsOf == nil {
		return subjectOf(d, i)
	}
	return policy.Subject{Friend: &d.friends[i], Facts: d.factsOf(i), Favors: d.favorsOf(i)}
}

// subjectBuf is subjectOf with the asks appended to buf, for loops over
// every friend; it returns the subject and the buffer to reuse.
func (d *dataset) subjectBuf(i int, buf []store.Ask) (policy.Subject, []store.Ask) {
	buf = d.appendAsks(buf[:0], i)
	return policy.Subject{Friend: &d.friends[i], Asks: buf, Favors: d.favorsOf(i)}, buf
}

// verdictLine is a level with its score, e.g. "caution 55".
func verdictLine(v policy.Verdict) string { return v.Level.String() + " " + strconv.Itoa(v.Score) }
