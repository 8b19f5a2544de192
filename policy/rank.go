package policy

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"kith/store"
)

// Pool is the friends Rank chooses from, read by index without copying.
// NetworkPool adapts a *store.Network; Subjects adapts a slice. Rank may
// call its methods from several goroutines at once: they must only read.
type Pool interface {
	Len() int
	// Friend returns friend i (nil to skip the entry).
	Friend(i int) *store.Friend
	// Subject returns friend i with the facts of their asks and favors.
	Subject(i int) Subject
}

// Subjects is a Pool over a slice of subjects.
type Subjects []Subject

// Len returns the number of subjects.
func (s Subjects) Len() int { return len(s) }

// Friend returns the i-th subject's friend.
func (s Subjects) Friend(i int) *store.Friend { return s[i].Friend }

// Subject returns the i-th subject.
func (s Subjects) Subject(i int) Subject { return s[i] }

type networkPool struct{ n *store.Network }

func (p networkPool) Len() int { return len(p.n.Friends) }

func (p networkPool) Friend(i int) *store.Friend { return &p.n.Friends[i] }

// Subject gives friend i with the network's facts, read in place.
func (p networkPool) Subject(i int) Subject {
	return Subject{Friend: &p.n.Friends[i], Asks: p.n.AsksOf(i), Favors: p.n.FavorsOf(i)}
}

// NetworkPool returns a Pool over a network read by store.Network. It
// shares the network's friends, favors and ask facts (not full asks):
// nothing is copied.
func NetworkPool(n *store.Network) Pool {
	if n == nil {
		return Subjects(nil)
	}
	return networkPool{n}
}

// RankOptions tune Rank.
type RankOptions struct {
	// Limit caps the rows returned; 0 returns every candidate.
	Limit int
	// ReadyOnly leaves out held and blocked friends.
	ReadyOnly bool
	// Exclude leaves out the friend with this id (the one just held), 0 none.
	Exclude uint64
	// Circles, when not nil, gives the circle loads (its CountCircleAsks,
	// over at least every member of every circle of the pool's friends)
	// in place of counting them over the pool: for a pool that holds only
	// the friends a request can rank (those at its place), whose circles
	// reach further.
	Circles *Places
}

// Candidate is one row of Rank: a friend, how well they fit the request
// (relevance 0-100), why (Fit, which says it in words) and their verdict.
type Candidate struct {
	Index     int           // position in the pool
	Friend    *store.Friend // points into the pool
	Relevance int
	Fit       Fit
	Verdict   Verdict
}

// Relevance weights: a friend at the targeted organisation fits best,
// one whose first (primary) sector is the targeted one next, then one
// with it among their other sectors, then a member of the targeted
// circle; each keyword adds by where it is found, as a whole word.
const (
	RelevanceOrg       = 60
	RelevanceSector    = 50 // the friend's primary sector (their first)
	RelevanceSecondary = 35 // one of their other sectors
	RelevanceCircle    = 40
	RelevanceKeyOrg    = 20 // keyword in the organisation or a sector
	RelevanceKeyRole   = 15
	RelevanceKeyNotes  = 10
)

// target is a request normalised once for matching.
type target struct {
	sector string
	org    string // the targeted organisation's store.OrgKey
	circle string // by store.CircleKey, as the circle postings hold it
	keys   []keyword
	any    bool
}

func newTarget(req Request) target {
	t := target{
		sector: strings.ToLower(strings.TrimSpace(req.Sector)),
		org:    store.OrgKey(req.Org),
		circle: store.CircleKey(store.OneLine(req.Circle)),
	}
	for _, k := range req.Keywords {
		for _, w := range strings.Fields(strings.ToLower(k)) {
			if w != "" && !slices.ContainsFunc(t.keys, func(k keyword) bool { return k.w == w }) {
				t.keys = append(t.keys, newKeyword(w))
			}
		}
	}
	t.any = t.sector != "" || t.org != "" || t.circle != "" || len(t.keys) > 0
	return t
}

// where is whether a friend is at the targeted organisation, in the
// targeted sector (and whether it is their primary one) and in the
// targeted circle, worked out once for relevance and place.
type where struct{ org, sector, primary, circle bool }

// where says where f is against t: the organisation compared as import
// matching compares them (store.OrgKey: "Acme Inc." is "ACME"), with buf
// as scratch space, and the sector ignoring case.
func (t *target) where(f *store.Friend, buf *[]byte) where {
	w := where{
		org:    store.OrgIs(f.Org, t.org, buf),
		sector: t.sector != "" && hasSector(f, t.sector),
		circle: t.circle != "" && hasCircle(f, t.circle),
	}
	w.primary = w.sector && strings.EqualFold(f.Sectors[0], t.sector)
	return w
}

// place reports whether a friend at w is in the targeted place: the
// organisation when the request names one, else the sector. Acknowledge
// counts these.
func (t *target) place(w where) bool {
	if t.org != "" {
		return w.org
	}
	return w.sector
}

func hasSector(f *store.Friend, s string) bool {
	for _, x := range f.Sectors {
		if x == s || (len(x) == len(s) && strings.EqualFold(x, s)) {
			return true
		}
	}
	return false
}

// relevance is how well f, at w, fits (0-100).
func (t *target) relevance(f *store.Friend, w where) int {
	r := 0
	if w.org {
		r += RelevanceOrg
	}
	switch {
	case w.primary:
		r += RelevanceSector
	case w.sector:
		r += RelevanceSecondary
	}
	if w.circle {
		r += RelevanceCircle
	}
	for _, k := range t.keys {
		switch {
		case k.in(f.Org) || sectorsContain(f.Sectors, k):
			r += RelevanceKeyOrg
		case k.in(f.Role):
			r += RelevanceKeyRole
		case k.in(f.Notes):
			r += RelevanceKeyNotes
		}
	}
	return min(r, 100)
}

func sectorsContain(sectors []string, k keyword) bool {
	for _, s := range sectors {
		if k.in(s) {
			return true
		}
	}
	return false
}

// Rank answers "who else can I ask": every active friend who fits req
// (all of them when req targets nothing), best first. Ready friends come
// first, in bands: clear from ReadyScore (equally ready, whatever the
// score), clear below it, caution; then held ones, then blocked ones
// (held and blocked are left out with ReadyOnly). Within each band:
// higher relevance (fit), then who worked with you more recently, then
// responsiveness, closeness, how often they helped, the score, and the
// one asked longest ago (never asked first), then pool order. Reasons
// and the fit are written only for the rows returned.
func Rank(req Request, pool Pool, set store.Settings, now time.Time, opt RankOptions) []Candidate {
	if pool == nil {
		return nil
	}
	t := newTarget(req)
	c := newClock(now)
	n := pool.Len()
	// First pass: who fits, and how many are in the targeted place; a
	// large pool is scanned in chunks on every processor, then the
	// chunks are joined in order.
	type scanned struct {
		fits           []int32
		rels           []uint8
		others         members // in a circle but not fitting
		places, placeI int
	}
	scan := func(lo, hi int) scanned {
		guess := hi - lo // everyone fits a request without a target
		if t.any {
			guess = min(guess, 1024)
		}
		sc := scanned{fits: make([]int32, 0, guess), rels: make([]uint8, 0, guess), placeI: -1}
		var buf []byte
		for i := lo; i < hi; i++ {
			f := pool.Friend(i)
			// An organisation is a contact, not a friend to ask
			// (store.Friend.IsPerson): never ranked.
			if f == nil || f.Archived || !f.IsPerson() {
				continue
			}
			// The asks of a circle member who does not fit (the
			// excluded friend among them) count for their circles.
			other := len(f.Circles) > 0 && opt.Circles == nil
			if opt.Exclude != 0 && f.ID == opt.Exclude {
				if other {
					sc.others.add(i, f)
				}
				continue
			}
			w := t.where(f, &buf)
			rel := 0
			if t.any {
				if rel = t.relevance(f, w); rel == 0 {
					if other {
						sc.others.add(i, f)
					}
					continue
				}
			}
			if t.place(w) && !blocksKind(f, req.Kind) {
				sc.places++
				sc.placeI = i
			}
			sc.fits = append(sc.fits, int32(i))
			sc.rels = append(sc.rels, uint8(rel))
		}
		return sc
	}
	parts := make([]scanned, workersFor(n))
	parallel(n, len(parts), func(w, lo, hi int) { parts[w] = scan(lo, hi) })
	fits, rels, others := parts[0].fits, parts[0].rels, parts[0].others
	places, placeIdx := 0, -1
	for w, p := range parts {
		if w > 0 {
			fits = append(fits, p.fits...)
			rels = append(rels, p.rels...)
			others.join(&p.others)
		}
		places += p.places
		if p.placeI >= 0 {
			placeIdx = p.placeI
		}
	}
	// The excluded friend still counts as someone you know there.
	if opt.Exclude != 0 && places == 1 {
		var buf []byte
		for i := 0; i < n; i++ {
			f := pool.Friend(i)
			if f != nil && !f.Archived && f.ID == opt.Exclude && t.place(t.where(f, &buf)) && !blocksKind(f, req.Kind) {
				places = 2
				break
			}
		}
	}

	// Second pass: weigh everyone who fits, and pack each row into a
	// sortable key (rankKeys).
	soleI := -1
	if places == 1 {
		soleI = placeIdx
	}
	keys, circles := rankKeys(pool, fits, rels, &others, &t, req, soleI, set, c, opt)
	if opt.Limit > 0 && len(keys) > opt.Limit {
		keys = smallest(keys, opt.Limit)
	}
	slices.Sort(keys)
	if end, _ := slices.BinarySearch(keys, dropKey); end < len(keys) {
		keys = keys[:end]
	}

	out := make([]Candidate, len(keys))
	parallel(len(keys), workersFor(len(keys)), func(_, lo, hi int) {
		var buf []byte
		for k := lo; k < hi; k++ {
			j := int(keys[k] & (1<<keyIndexBits - 1))
			i := int(fits[j])
			sub := pool.Subject(i)
			r := req
			r.Sole = places == 1 && i == placeIdx
			r.CircleAsks = circles.load(sub, c.ns)
			a := assess(sub, &r, set, c)
			v := a.verdict(sub.Friend, &r, set, c)
			out[k] = Candidate{Index: i, Friend: sub.Friend, Relevance: int(rels[j]), Verdict: v,
				Fit: t.fitOf(sub.Friend, t.where(sub.Friend, &buf), v.Track)}
		}
	})
	return out
}

// smallest moves the k smallest of keys (0 < k < len(keys)) to its
// front, in no order, and returns them: a max-heap of k keys that each
// other key replaces the largest of, when smaller. For the rows Rank
// returns, instead of sorting every key (at 100,000 friends the sort took
// part of Rank over everyone, not measured apart).
func smallest(keys []uint64, k int) []uint64 {
	h := keys[:k]
	for i := k/2 - 1; i >= 0; i-- {
		siftDown(h, i)
	}
	for _, x := range keys[k:] {
		if x < h[0] {
			h[0] = x
			siftDown(h, 0)
		}
	}
	return h
}

// siftDown restores the max-heap h below i.
func siftDown(h []uint64, i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		if r := l + 1; r < len(h) && h[r] > h[l] {
			l = r
		}
		if h[i] >= h[l] {
			return
		}
		h[i], h[l] = h[l], h[i]
		i = l
	}
}

// Key layout, most significant first: group (2 bits: ready, hold,
// block), band (2: clear from ReadyScore, clear below it, caution),
// 100-relevance (7), worked together (5, workedRank), responsiveness (3,
// responsiveRank), closeness (3), past help (4), 100-score (7), how long
// since the last ask (6: never asked first, then by weeks, longest
// first), row (25). Each fact is stored so that lower sorts first.
const keyIndexBits = 25

// dropKey marks a row ReadyOnly leaves out; it sorts after every real
// key (whose group is at most 2).
const dropKey = ^uint64(0)

// parallelMin is the fewest rows worth a goroutine of their own.
const parallelMin = 4096

// workersFor is how many goroutines n rows are worth: at least one, at
// most one per processor.
func workersFor(n int) int {
	return max(1, min(runtime.GOMAXPROCS(0), n/parallelMin))
}

// parallel splits [0, n) into workers contiguous chunks and runs fn on
// each, chunk w on its own goroutine (the first on the caller's).
func parallel(n, workers int, fn func(w, lo, hi int)) {
	if workers <= 1 {
		fn(0, 0, n)
		return
	}
	chunk := (n + workers - 1) / workers
	var wg sync.WaitGroup
	for w := 1; w < workers; w++ {
		lo, hi := min(w*chunk, n), min((w+1)*chunk, n)
		wg.Go(func() { fn(w, lo, hi) })
	}
	fn(0, 0, min(chunk, n))
	wg.Wait()
}

// levelKey is the part of a row's key that the level and the score make:
// group, band and score.
func levelKey(l Level, score int) uint64 {
	group, band := uint64(0), uint64(0)
	switch l {
	case Clear:
		if score < ReadyScore {
			band = 1
		}
	case Caution:
		band = 2
	case Hold:
		group = 1
	case Block:
		group = 2
	}
	return group<<62 | band<<60 | uint64(100-min(max(score, 0), 100))<<31
}

// factsKey is the rest of a row's key, which the circle rule cannot
// change: relevance, worked together, responsiveness, closeness, past
// help, how long since the last ask, and the row.
func factsKey(a *assessment, f *store.Friend, rel uint8, c clock, row int) uint64 {
	since := uint64(0) // never asked
	if a.lastNs != 0 {
		weeks := max(0, (c.ns-a.lastNs)/(7*dayNs))
		since = 1 + uint64(62-min(weeks, 62))
	}
	return uint64(100-min(int(rel), 100))<<53 |
		(17-min(workedRank(f, c.yearNow()), 17))<<48 |
		(4-min(responsiveRank(a), 4))<<45 |
		uint64(store.MaxCloseness-clampCloseness(f.Closeness))<<42 |
		uint64(15-min(a.track.Helped, 15))<<38 |
		since<<keyIndexBits |
		uint64(row)&(1<<keyIndexBits-1)
}
