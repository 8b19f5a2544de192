package policy

import (
	"kith/store"
)

// This file weighs the friends Rank found fitting and packs each row
// into its sort key, counting the circle loads on the way.

// heldRow is a circle member's row waiting for the circle loads, with
// what finishing it needs: its flags, whether it holds, its raw
// readiness, and its circles (ids[lo:hi] of its worker's tally).
type heldRow struct {
	j      int32
	flags  uint32
	hold   bool
	raw    float64
	lo, hi int32
}

// tally is one worker's count of the asks lately to the circles of the
// members it weighed: each circle (by store.CircleKey) gets a small id,
// so a held row finds its circles' totals by index, without the
// friend's record or a circle's name read again.
type tally struct {
	ids    map[string]int32
	counts []int32 // by id: asks lately to the members this worker weighed
	totals []int32 // by id: asks lately to every member (rankKeys)
	rows   []int32 // the ids of held rows' circles, back to back
	held   []heldRow
}

// hold files the row of member f (weighed as a) until the loads are in.
func (w *tally) hold(j int, f *store.Friend, a *assessment) {
	if w.ids == nil {
		w.ids = map[string]int32{}
	}
	lo := int32(len(w.rows))
	for _, c := range f.Circles {
		k := store.CircleKey(c)
		id, ok := w.ids[k]
		if !ok {
			id = int32(len(w.counts))
			w.ids[k] = id
			w.counts = append(w.counts, 0)
		}
		w.counts[id] += a.recent
		w.rows = append(w.rows, id)
	}
	w.held = append(w.held, heldRow{j: int32(j), flags: a.flags, hold: a.holds(), raw: a.raw, lo: lo, hi: int32(len(w.rows))})
}

// rankKeys weighs the friends of pool at fits (of relevance rels) for
// req, friend soleI (-1: none) as the only one at the place, and returns
// their rows' keys and the circle loads. Large pools are split among the
// processors (weighing only reads).
//
// The circle loads need the asks lately of every member of the circles
// of those who fit. Weighing those who fit walks their asks anyway and
// counts theirs (assessment.recent); only the members who do not fit
// (others) have their asks walked apart (tallyCircles). A member's row is
// finished once every count is in, from its circles' ids. At 100,000
// friends, Rank over everyone (limit 50) spent 23 ms of CPU on the
// circle loads walking every member's asks before weighing anyone and
// then looking up each one's circles, 16 this way (profiles, load 5-9).
func rankKeys(pool Pool, fits []int32, rels []uint8, others *members, t *target, req Request, soleI int,
	set store.Settings, c clock, opt RankOptions) ([]uint64, circleAsks) {
	reqs := [2]Request{req, req} // not the only one there, the only one
	reqs[1].Sole = true
	keyOf := func(l Level, score int, facts uint64) uint64 {
		if opt.ReadyOnly && l >= Hold {
			return dropKey
		}
		return levelKey(l, score) | facts
	}
	count := opt.Circles == nil
	var circles circleAsks
	if !count {
		circles = opt.Circles.circles
	}
	keys := make([]uint64, len(fits))
	parts := make([]tally, workersFor(len(fits)))
	parallel(len(fits), len(parts), func(w, lo, hi int) {
		wd := &parts[w]
		for j := lo; j < hi; j++ {
			i := int(fits[j])
			sub := pool.Subject(i)
			sole := 0
			if i == soleI {
				sole = 1
			}
			a := weigh(sub, &reqs[sole], set, c)
			if count && len(sub.Friend.Circles) > 0 {
				wd.hold(j, sub.Friend, &a)
				keys[j] = factsKey(&a, sub.Friend, rels[j], c, j)
				continue
			}
			a.finish(circles.load(sub, c.ns))
			keys[j] = keyOf(a.level, a.score, factsKey(&a, sub.Friend, rels[j], c, j))
		}
	})
	if !count {
		return keys, circles
	}
	var want map[string]bool
	if t.any {
		want = circlesOf(pool, fits)
	}
	circles = others.tally(pool, c.ns, want)
	for _, p := range parts {
		for k, id := range p.ids {
			if p.counts[id] != 0 {
				if circles == nil {
					circles = circleAsks{}
				}
				circles[k] += p.counts[id]
			}
		}
	}
	for w := range parts {
		p := &parts[w]
		p.totals = make([]int32, len(p.counts))
		for k, id := range p.ids {
			p.totals[id] = circles[k]
		}
	}
	parallel(len(parts), len(parts), func(w, _, _ int) {
		p := &parts[w]
		for k := range p.held {
			h := &p.held[k]
			busiest := int32(0)
			for _, id := range p.rows[h.lo:h.hi] {
				busiest = max(busiest, p.totals[id])
			}
			flags, raw := circled(h.flags, h.raw, CircleLoad{Asks: int(busiest)})
			l := levelOf(flags, h.hold)
			keys[h.j] = keyOf(l, bandScore(l, raw), keys[h.j])
		}
	})
	return keys, circles.loaded()
}
