package policy

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

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

// keyword is a lower-case search word with the offset of its rarest
// ASCII byte, the anchor its search looks for first.
type keyword struct {
	w  string
	at int // -1: no ASCII letter or digit to anchor on
}

// letterOrder ranks letters from the most to the least frequent in
// English and Italian text; a later letter makes a better anchor.
const letterOrder = "eaitonrslcdmupghbfvwykzjxq"

func newKeyword(w string) keyword {
	k := keyword{w: w, at: -1}
	best := -1
	for i := 0; i < len(w); i++ {
		c := w[i]
		rank := -1
		switch {
		case 'a' <= c && c <= 'z':
			rank = strings.IndexByte(letterOrder, c)
		case '0' <= c && c <= '9', c < utf8.RuneSelf && c > ' ':
			rank = len(letterOrder) // digits and punctuation are rare
		}
		if rank > best {
			best, k.at = rank, i
		}
	}
	return k
}

// in reports whether s contains the keyword as a whole word (not inside
// a longer word: "ai" is not in "retail" or "Grain"), ignoring case,
// without allocating. It finds candidates for the anchor byte (either case) with
// strings.IndexByte (vectorised) and compares the window around each with
// strings.EqualFold, so it may miss a match whose cases differ in byte
// length (rare outside a few scripts).
func (k keyword) in(s string) bool {
	n := len(k.w)
	if n == 0 {
		return true
	}
	if n > len(s) {
		return false
	}
	if k.at < 0 {
		for i := 0; i+n <= len(s); i++ {
			if strings.EqualFold(s[i:i+n], k.w) && wholeWord(s, i, i+n) {
				return true
			}
		}
		return false
	}
	c := k.w[k.at]
	if k.anchored(s, c) {
		return true
	}
	if 'a' <= c && c <= 'z' {
		return k.anchored(s, c-'a'+'A')
	}
	return false
}

// anchored looks for the keyword at every place where its anchor byte
// could be c.
func (k keyword) anchored(s string, c byte) bool {
	n := len(k.w)
	// The anchor sits at k.at in the keyword, so it lies in s[k.at:len(s)-n+k.at+1].
	for off := k.at; off <= len(s)-n+k.at; {
		i := strings.IndexByte(s[off:len(s)-n+k.at+1], c)
		if i < 0 {
			return false
		}
		p := off + i
		if strings.EqualFold(s[p-k.at:p-k.at+n], k.w) && wholeWord(s, p-k.at, p-k.at+n) {
			return true
		}
		off = p + 1
	}
	return false
}

// wholeWord reports whether s[i:j] is a whole word, or one with a plural
// "s" after it ("rocket" in "rockets").
func wholeWord(s string, i, j int) bool {
	return wordAt(s, i, j) || j < len(s) && (s[j] == 's' || s[j] == 'S') && wordAt(s, i, j+1)
}

// wordAt reports whether s[i:j] is a whole word: no letter or digit
// right before or right after it.
func wordAt(s string, i, j int) bool {
	if i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); isWordRune(r) {
			return false
		}
	}
	if j < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[j:]); isWordRune(r) {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
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
		members        []int32 // in a circle, for countCircles
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
			// The excluded friend's asks count for their circles.
			if len(f.Circles) > 0 && opt.Circles == nil {
				sc.members = append(sc.members, int32(i))
			}
			if opt.Exclude != 0 && f.ID == opt.Exclude {
				continue
			}
			w := t.where(f, &buf)
			rel := 0
			if t.any {
				if rel = t.relevance(f, w); rel == 0 {
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
	fits, rels, members := parts[0].fits, parts[0].rels, parts[0].members
	places, placeIdx := 0, -1
	for w, p := range parts {
		if w > 0 {
			fits = append(fits, p.fits...)
			rels = append(rels, p.rels...)
			members = append(members, p.members...)
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

	// Circle loads, over the circle members the scan found (not a second
	// pass over everyone): over every circle when everyone fits, else
	// only over the circles of those who fit, walking the asks of their
	// members alone. At 100,000 friends, Rank by organisation took 18 ms
	// walking every circle member's asks, 9 this way (min of 5, loaded machine).
	var circles circleAsks
	switch {
	case opt.Circles != nil:
		circles = opt.Circles.circles
	case !t.any:
		circles = countCircles(pool, members, c.ns, nil)
	default:
		circles = countCircles(pool, members, c.ns, circlesOf(pool, fits))
	}

	// Second pass: assess, and pack each row into a sortable key; large
	// pools are split among the processors (assess only reads).
	keys := make([]uint64, len(fits))
	fill := func(lo, hi int) {
		for j := lo; j < hi; j++ {
			i := int(fits[j])
			sub := pool.Subject(i)
			r := req
			r.Sole = places == 1 && i == placeIdx
			r.CircleAsks = circles.load(sub, c.ns)
			a := assess(sub, r, set, c)
			if opt.ReadyOnly && a.level >= Hold {
				keys[j] = dropKey
				continue
			}
			keys[j] = rankKey(&a, sub.Friend, rels[j], c, j)
		}
	}
	parallel(len(fits), workersFor(len(fits)), func(_, lo, hi int) { fill(lo, hi) })
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
			a := assess(sub, r, set, c)
			v := a.verdict(sub.Friend, r, set, c)
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

func rankKey(a *assessment, f *store.Friend, rel uint8, c clock, row int) uint64 {
	group, band := uint64(0), uint64(0)
	switch a.level {
	case Clear:
		if a.score < ReadyScore {
			band = 1
		}
	case Caution:
		band = 2
	case Hold:
		group = 1
	case Block:
		group = 2
	}
	since := uint64(0) // never asked
	if a.lastNs != 0 {
		weeks := max(0, (c.ns-a.lastNs)/(7*dayNs))
		since = 1 + uint64(62-min(weeks, 62))
	}
	return group<<62 |
		band<<60 |
		uint64(100-min(int(rel), 100))<<53 |
		(17-min(workedRank(f, c.year), 17))<<48 |
		(4-min(responsiveRank(a), 4))<<45 |
		uint64(store.MaxCloseness-clampCloseness(f.Closeness))<<42 |
		uint64(15-min(a.track.Helped, 15))<<38 |
		uint64(100-min(max(a.score, 0), 100))<<31 |
		since<<keyIndexBits |
		uint64(row)&(1<<keyIndexBits-1)
}
