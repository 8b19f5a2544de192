package policy

import (
	"slices"
	"time"

	"kith/store"
)

// This file counts the asks made lately to each social circle, for the
// circle caution: after CircleLimit asks to the members of one circle
// within CircleWindow, the next ask to any member is cautioned ("ask
// someone outside the group").

// circleAsks is, by circle (store.CircleKey, as the circle postings
// key them), how many asks reached its
// active members within CircleWindow of now.
type circleAsks map[string]int32

const circleNs = int64(CircleWindow)

// fewCircles is the most circles members.tally looks up before reading
// a member's asks.
const fewCircles = 64

// recentAsks is how many of sub's asks reached them within CircleWindow
// of nowNs.
func recentAsks(sub Subject, nowNs int64) int32 {
	var n int32
	for i := range sub.Asks {
		x := &sub.Asks[i]
		// The window first: most asks are older, and Reached reads more.
		if at := x.At(); nowNs-at < circleNs && at <= nowNs && at != 0 && x.Reached() {
			n++
		}
	}
	return n
}

// countCircles counts the asks of the active people at rows of pool who
// belong to a circle, for the circles want holds (by store.CircleKey; nil
// for every circle), and keeps the circles asked CircleLimit times.
func countCircles(pool Pool, rows []int32, nowNs int64, want map[string]bool) circleAsks {
	return tallyCircles(pool, rows, nowNs, want).loaded()
}

// tallyCircles is countCircles keeping every circle asked. Many rows are
// counted in chunks on every processor, the chunks' counts then added up.
func tallyCircles(pool Pool, rows []int32, nowNs int64, want map[string]bool) circleAsks {
	if want != nil && len(want) == 0 {
		return nil
	}
	parts := make([]circleAsks, workersFor(len(rows)))
	parallel(len(rows), len(parts), func(w, lo, hi int) {
		var out circleAsks
		for _, i := range rows[lo:hi] {
			f := pool.Friend(int(i))
			if f == nil || f.Archived || len(f.Circles) == 0 || !f.IsPerson() {
				continue
			}
			if want != nil && !slices.ContainsFunc(f.Circles, func(c string) bool { return want[store.CircleKey(c)] }) {
				continue
			}
			out = out.add(f.Circles, recentAsks(pool.Subject(int(i)), nowNs))
		}
		parts[w] = out
	})
	out := parts[0]
	for _, p := range parts[1:] {
		out = out.merge(p)
	}
	return out
}

// members are circle members with their circles, taken while their
// records are at hand: Rank's scan files those who do not fit, and tally
// then reads their asks and circles, not their records again. At 100,000
// friends, Rank by organisation took 24 ms of CPU reading the members'
// records again, 13 this way (medians of 5 alternating runs, load 9).
type members struct {
	rows    []int32
	circles [][]string // each member's Friend.Circles, shared
}

// add files friend f, at row i of the pool.
func (m *members) add(i int, f *store.Friend) {
	m.rows = append(m.rows, int32(i))
	m.circles = append(m.circles, f.Circles)
}

// join files the members of o after m's.
func (m *members) join(o *members) {
	m.rows = append(m.rows, o.rows...)
	m.circles = append(m.circles, o.circles...)
}

// tally counts the asks lately of the members in a circle want holds (nil:
// every member), by circle, keeping every circle asked; many members in
// chunks on every processor.
func (m *members) tally(pool Pool, nowNs int64, want map[string]bool) circleAsks {
	if want != nil && len(want) == 0 {
		return nil
	}
	// Most members were not asked lately: unless few circles are wanted
	// (and most members are in none of them), a member's asks are read
	// before their circles are looked up. At 100,000 friends, Rank by
	// sector (nearly every circle wanted) took 53 ms of CPU looking up
	// first, 45 this way (medians of 5 alternating runs, load 12).
	few := want != nil && len(want) <= fewCircles
	wanted := func(circles []string) bool {
		return want == nil || slices.ContainsFunc(circles, func(c string) bool { return want[store.CircleKey(c)] })
	}
	parts := make([]circleAsks, workersFor(len(m.rows)))
	parallel(len(m.rows), len(parts), func(w, lo, hi int) {
		var out circleAsks
		for k := lo; k < hi; k++ {
			circles := m.circles[k]
			if few && !wanted(circles) {
				continue
			}
			n := recentAsks(pool.Subject(int(m.rows[k])), nowNs)
			if n == 0 || !few && !wanted(circles) {
				continue
			}
			out = out.add(circles, n)
		}
		parts[w] = out
	})
	out := parts[0]
	for _, p := range parts[1:] {
		out = out.merge(p)
	}
	return out
}

// add counts k asks to each of circles, and returns ca (made when nil
// and k > 0).
func (ca circleAsks) add(circles []string, k int32) circleAsks {
	if k == 0 {
		return ca
	}
	if ca == nil {
		ca = circleAsks{}
	}
	for _, c := range circles {
		ca[store.CircleKey(c)] += k
	}
	return ca
}

// merge adds the counts of p to ca, and returns the sum.
func (ca circleAsks) merge(p circleAsks) circleAsks {
	if ca == nil {
		return p
	}
	for c, k := range p {
		ca[c] += k
	}
	return ca
}

// loaded keeps the circles asked CircleLimit times or more: only those
// can bring the caution, and the others need not be looked up for every
// member. Nil when none is.
func (ca circleAsks) loaded() circleAsks {
	for c, k := range ca {
		if k < CircleLimit {
			delete(ca, c)
		}
	}
	if len(ca) == 0 {
		return nil
	}
	return ca
}

// circlesOf is the circles (by store.CircleKey) of the friends at rows
// of pool: those whose loads ranking them needs.
func circlesOf(pool Pool, rows []int32) map[string]bool {
	want := map[string]bool{}
	for _, i := range rows {
		for _, c := range pool.Friend(int(i)).Circles {
			want[store.CircleKey(c)] = true
		}
	}
	return want
}

// load is the busiest of sub's circles and how many asks reached its
// members (sub among them: asking them is one more ask to the group).
func (ca circleAsks) load(sub Subject, _ int64) CircleLoad {
	f := sub.Friend
	if len(ca) == 0 || f == nil || len(f.Circles) == 0 {
		return CircleLoad{}
	}
	var best CircleLoad
	for _, c := range f.Circles {
		if n := int(ca[store.CircleKey(c)]); n > best.Asks {
			best = CircleLoad{Circle: c, Asks: n}
		}
	}
	return best
}

// CountCircleAsks counts, for the circle caution, the asks made within
// CircleWindow of now to the members of each circle in pool (whose
// subjects must carry their asks), and returns p for chaining. Without it
// (or on a nil Places) CircleLoad is always empty.
func (p *Places) CountCircleAsks(pool Pool, now time.Time) *Places {
	if p != nil {
		var members []int32 // friends in no circle cost a length check
		for i, n := 0, pool.Len(); i < n; i++ {
			if f := pool.Friend(i); f != nil && len(f.Circles) > 0 {
				members = append(members, int32(i))
			}
		}
		p.circles = countCircles(pool, members, now.UnixNano(), nil)
	}
	return p
}

// CircleLoad is the busiest of sub's circles lately (Request.CircleAsks),
// from the asks CountCircleAsks counted.
func (p *Places) CircleLoad(sub Subject, now time.Time) CircleLoad {
	if p == nil {
		return CircleLoad{}
	}
	return p.circles.load(sub, now.UnixNano())
}

// hasCircle reports whether f belongs to circle c (a store.CircleKey):
// circles are compared by CircleKey, as the circle postings and the
// circle caution compare them, so who --circle reads the members from the
// postings and finds whom a pass over everyone finds.
func hasCircle(f *store.Friend, c string) bool {
	for _, x := range f.Circles {
		if store.CircleKey(x) == c {
			return true
		}
	}
	return false
}
