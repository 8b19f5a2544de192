package policy

import (
	"time"

	"kith/store"
)

// This file answers whether a friend is the only one you know in a place
// (an organisation or a sector), and with it the verdict a screen shows.

// Friends is a Pool of friends without their histories, for questions
// about who is where (SoleContact).
type Friends []store.Friend

// Len returns the number of friends.
func (p Friends) Len() int { return len(p) }

// Friend returns friend i.
func (p Friends) Friend(i int) *store.Friend { return &p[i] }

// Subject returns friend i alone, with no asks or favors.
func (p Friends) Subject(i int) Subject { return Subject{Friend: &p[i]} }

// SoleContact reports whether the friend with id is the only active
// (not archived) person, not an organisation's card, in the place req
// targets (its organisation when it names one, else its sector) who can be
// asked for req's kind: a friend whose boundary rules out the whole kind,
// or who cannot vouch for you (truth), does not count. It is false when
// req targets neither.
func SoleContact(pool Pool, req Request, id uint64) bool {
	t := newTarget(req)
	if t.org == "" && t.sector == "" {
		return false
	}
	found := false
	var buf []byte
	for i, n := 0, pool.Len(); i < n; i++ {
		f := pool.Friend(i)
		if f == nil || f.Archived || !f.IsPerson() || !t.place(t.where(f, &buf)) {
			continue
		}
		if blocksKind(f, req.Kind) {
			continue
		}
		if f.ID != id {
			return false
		}
		found = true
	}
	return found
}

// Places counts the active (not archived) friends of a pool in each
// organisation (by store.OrgKey) and each sector, for each kind of
// request those who can be asked for it (blocksKind), so that whether a
// friend is the only one you know in a place is answered for many friends
// (a list's badges, a readiness sort) without a pass over everyone each
// time.
type Places struct {
	orgs, sectors map[string]*kindCounts
	circles       circleAsks // CountCircleAsks
}

// kindCounts is, for each kind (by its index in store.Kinds), how many
// friends of a place can be asked for it.
type kindCounts [numKinds]int32

// numKinds is how many kinds kith knows (store.Kinds).
const numKinds = int(store.NumKindCodes) - 1

// kindIndex is k's index in store.Kinds, through its store code (other's
// for an unknown kind).
func kindIndex(k store.Kind) int {
	if c := k.Code(); c != 0 {
		return int(c) - 1
	}
	return int(store.OtherCode) - 1
}

// add counts f for every kind it can be asked for.
func (c *kindCounts) add(f *store.Friend) {
	if len(f.Boundaries) == 0 && f.WorkedTogether {
		for i := range c {
			c[i]++
		}
		return
	}
	for i, k := range store.Kinds() {
		if !blocksKind(f, k) {
			c[i]++
		}
	}
}

// CountPlaces counts the places of pool's friends. Each distinct spelling
// of an organisation or a sector is made a key once (friends share them):
// counting 100,000 friends takes about 30 ms that way, against 65 with a
// key made for each friend (the difference BenchmarkHistoryStep shows
// with and without the count).
func CountPlaces(pool Pool) *Places {
	p := &Places{orgs: map[string]*kindCounts{}, sectors: map[string]*kindCounts{}}
	byOrg := map[string]*kindCounts{}    // a spelling's counter
	bySector := map[string]*kindCounts{} // likewise
	var buf []byte
	counter := func(spellings, keys map[string]*kindCounts, s string, key func([]byte, string) []byte) *kindCounts {
		if n, ok := spellings[s]; ok {
			return n
		}
		buf = key(buf[:0], s)
		n := keys[string(buf)]
		if n == nil && len(buf) > 0 {
			n = new(kindCounts)
			keys[string(buf)] = n
		}
		spellings[s] = n
		return n
	}
	for i, n := 0, pool.Len(); i < n; i++ {
		f := pool.Friend(i)
		// An organisation's own card is not someone you know there.
		if f == nil || f.Archived || !f.IsPerson() {
			continue
		}
		if f.Org != "" {
			if c := counter(byOrg, p.orgs, f.Org, store.AppendOrgKey); c != nil {
				c.add(f)
			}
		}
		for _, s := range f.Sectors {
			if c := counter(bySector, p.sectors, s, store.AppendLower[string]); c != nil {
				c.add(f)
			}
		}
	}
	return p
}

// Sole reports whether f is the only active friend counted in the place
// req targets (its organisation when it names one, else its sector) who
// can be asked for req's kind, as SoleContact does over the pool counted.
func (p *Places) Sole(req Request, f *store.Friend) bool {
	if p == nil || f == nil || f.Archived || !f.IsPerson() || blocksKind(f, req.Kind) {
		return false
	}
	t := newTarget(req)
	var buf []byte
	k := kindIndex(req.Kind)
	switch {
	case t.org != "":
		n := p.orgs[t.org]
		return n != nil && n[k] == 1 && t.where(f, &buf).org
	case t.sector != "":
		n := p.sectors[t.sector]
		return n != nil && n[k] == 1 && hasSector(f, t.sector)
	}
	return false
}

// LikelyVerdict is the verdict a screen shows for a friend: on their most
// likely next request (Likely), knowing whether they are the only one you
// know where it points and how much their circles were asked lately
// (places, counted over everyone with CountCircleAsks; nil for unknown).
// kith show and the TUI's list and detail give it.
func LikelyVerdict(sub Subject, places *Places, set store.Settings, now time.Time) (Request, Verdict) {
	req := Likely(sub)
	req.Sole = places.Sole(req, sub.Friend)
	req.CircleAsks = places.CircleLoad(sub, now)
	return req, Evaluate(sub, req, set, now)
}
