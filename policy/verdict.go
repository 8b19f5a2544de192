package policy

import (
	"math"
	"math/bits"
	"strconv"
	"strings"
	"time"

	"kith/store"
)

// Request is the help being considered: its kind and, optionally, the
// sector or organisation it targets and keywords describing the need.
type Request struct {
	Kind     store.Kind
	Sector   string
	Org      string
	Keywords []string
	// Topic is what the request is about, used by drafts ("your work at
	// Acme", "my move into aerospace") and to pick questions from the
	// profile's question bank. Evaluate ignores it.
	Topic string
	// Details are what the kind needs said (whom, the job, the document,
	// the decision), used by drafts alone.
	Details Details
	// Sole says the friend is the only one you know in the targeted
	// sector or organisation. Rank sets it itself; a caller evaluating one
	// friend sets it with SoleContact. It turns a cool-down hold into a
	// caution with the acknowledge reason.
	Sole bool
}

// Subject is what every rule of the policy reads: one friend with the
// facts of their asks and favors (store.AskFact, store.FavorFact), the
// same whether the store read them from full records (store.AskFacts of
// History) or from its indexes (store.Network): there is no second input
// that could change an answer.
type Subject struct {
	Friend *store.Friend
	Asks   []store.AskFact
	Favors []store.FavorFact
}

// SubjectOf is friend f with asks and favors read in full (History).
func SubjectOf(f *store.Friend, asks []store.Ask, favors []store.Favor) Subject {
	return Subject{Friend: f, Asks: store.AskFacts(asks), Favors: store.FavorFacts(favors)}
}

// The scoring constants. See the package report for why these values.
const (
	// FrequencyHalfLife is how fast an ask stops weighing on the friend:
	// its weight halves every 30 days.
	FrequencyHalfLife = 30 * 24 * time.Hour
	// LedgerHalfLife is the half-life of asks and favors in the
	// reciprocity ledger: a season, longer than the frequency's month.
	LedgerHalfLife = 3 * FrequencyHalfLife
	// PendingWindow is how long an unanswered ask holds further asks;
	// after it the ask is stale and only earns a caution.
	PendingWindow = 30 * 24 * time.Hour
	// FavorWeight is how much one favor you did offsets in the ledger.
	FavorWeight = 2.0
	// ReciprocityLimit is the ledger balance (asks minus favors) at
	// which the reciprocity caution starts.
	ReciprocityLimit = 4.0
)

// KindWeight is how much a request of kind k asks of a friend: a referral
// or a reference puts their name on the line, a chat costs an hour.
func KindWeight(k store.Kind) float64 {
	switch k {
	case store.KindReferral, store.KindReference:
		return 3
	case store.KindRecommendation, store.KindIntro:
		return 2
	case store.KindReview:
		return 1.5
	}
	return 1 // chat, advice, other
}

// Capacity is the decayed ask weight a friend of this closeness bears
// without strain, the request being considered included: 3 for an
// acquaintance (one referral), 7 for a close friend.
func Capacity(closeness int) float64 {
	c := min(max(closeness, store.MinCloseness), store.MaxCloseness)
	return 2 + float64(c)
}

// Reason flags of an assessment, one per code.
const (
	flagBoundary uint16 = 1 << iota
	flagTruth
	flagPending
	flagCooldown
	flagAcknowledge
	flagFrequency
	flagReciprocity
	flagBusy
	flagNoFriend
)

// assessment is a verdict before its messages are written: Rank assesses
// every friend and writes reasons only for the rows it returns.
type assessment struct {
	level    Level
	score    int
	flags    uint16
	until    time.Time
	lastAt   time.Time // last ask made; zero if none
	pendAt   time.Time // the unanswered ask the pending reason names
	pendKind store.Kind
	pendN    int
	load     float64 // decayed weight of past asks (frequency)
	asked    float64 // decayed weight of past asks (reciprocity)
	given    float64 // FavorWeight × decayed favors (reciprocity)
	ledger   float64 // asked - given
	boundary int     // index into Friend.Boundaries, -1 if none
	busy     int     // index into Friend.Busy, -1 if none
}

// ledgerDecay is 2^(-age/LedgerHalfLife), the weight left in the ledger
// of an ask or favor age old.
func ledgerDecay(age time.Duration) float64 {
	if age <= 0 {
		return 1
	}
	const inv = 1 / float64(LedgerHalfLife)
	return exp2neg(float64(age) * inv)
}

// exp2neg is 2^-t for t >= 0 to about six digits. It runs once per ask
// for every friend on a screen, and takes 8 ns where math.Exp2 takes 28
// (BenchmarkDecay): at a million asks, some 15 ms of weighing everyone.
// 2^-t = 2^-k · e^-x for the integer part k of t and x = frac(t)·ln2 <
// 0.7, e^-x from its Taylor series to x^7 (relative error < 3e-6), evaluated by
// Estrin's scheme to keep the multiplications independent.
func exp2neg(t float64) float64 {
	if !(t < 1000) { // also NaN
		return 0
	}
	k := int(t)
	x := (t - float64(k)) * math.Ln2
	x2 := x * x
	x4 := x2 * x2
	p := (1 - x) + x2*(1.0/2-x*(1.0/6)) + x4*((1.0/24-x*(1.0/120))+x2*(1.0/720-x*(1.0/5040)))
	// p is in (0.5, 1] and k < 1000: subtracting k from the exponent
	// bits gives p·2^-k exactly, without math.Ldexp's special cases.
	return math.Float64frombits(math.Float64bits(p) - uint64(k)<<52)
}

// clock is now, with what assess derives from it computed once.
type clock struct {
	now   time.Time
	ns    int64
	month time.Month
}

func newClock(now time.Time) clock {
	return clock{now: now, ns: now.UnixNano(), month: now.Month()}
}

// assess applies every rule to sub without allocating.
func assess(sub Subject, req Request, set store.Settings, c clock) assessment {
	now := c.now
	a := assessment{boundary: -1, busy: -1}
	f := sub.Friend
	if f == nil {
		a.flags = flagNoFriend
		a.level = Block
		return a
	}
	for i, b := range f.Boundaries {
		if b.Kind == req.Kind {
			a.flags |= flagBoundary
			a.boundary = i
			break
		}
	}
	if (req.Kind == store.KindReference || req.Kind == store.KindRecommendation) && !f.WorkedTogether {
		a.flags |= flagTruth
	}

	// The loop works in Unix nanoseconds: it runs once per ask for every
	// friend on a screen.
	acc := askAcc{nowNs: c.ns}
	for i := range sub.Asks {
		x := &sub.Asks[i]
		if at := x.At(); at != 0 && x.Status().Made() {
			acc.add(x.Kind(), x.Status(), at)
		}
	}
	a.load, a.pendN = acc.load, acc.pendN
	askLedger := acc.ledger
	loc := now.Location()
	if acc.hasLast {
		a.lastAt = time.Unix(0, acc.lastNs).In(loc)
	}
	nowNs := c.ns
	var favorLedger float64
	for i := range sub.Favors {
		if at := sub.Favors[i].At; at != 0 {
			if age := nowNs - at; age < ledgerHorizon {
				favorLedger += ledgerDecay(time.Duration(age))
			}
		}
	}
	a.asked, a.given = askLedger, FavorWeight*favorLedger
	a.ledger = a.asked - a.given

	raw := 100.0
	capacity := Capacity(f.Closeness)
	raw -= 50 * min(1, a.load/capacity)

	switch {
	case acc.hasRecent:
		a.flags |= flagPending
		a.pendAt, a.pendKind = time.Unix(0, acc.recentNs).In(loc), acc.recentKind
		raw -= 30
	case acc.hasStale:
		a.flags |= flagPending
		a.pendAt, a.pendKind = time.Unix(0, acc.staleNs).In(loc), acc.staleKind
		raw -= 10
	}
	if set.CooldownDays > 0 && !a.lastAt.IsZero() {
		cool := time.Duration(set.CooldownDays) * 24 * time.Hour
		end := a.lastAt.Add(cool)
		if now.Before(end) {
			if req.Sole {
				a.flags |= flagAcknowledge
				raw -= 15
			} else {
				a.flags |= flagCooldown
				a.until = end
				raw -= 30 * min(1, float64(end.Sub(now))/float64(cool))
			}
		}
	}
	if a.load+KindWeight(req.Kind) > capacity {
		a.flags |= flagFrequency
	}
	if a.ledger >= ReciprocityLimit {
		a.flags |= flagReciprocity
		raw -= 15
	}
	m := c.month
	for i, r := range f.Busy {
		if r.Contains(m) {
			a.flags |= flagBusy
			a.busy = i
			raw -= 15
			break
		}
	}

	switch {
	case a.flags&(flagBoundary|flagTruth) != 0:
		a.level = Block
	case a.flags&flagCooldown != 0 || acc.hasRecent:
		a.level = Hold
	case a.flags&(flagPending|flagAcknowledge|flagFrequency|flagReciprocity|flagBusy) != 0:
		a.level = Caution
	default:
		a.level = Clear
	}
	a.score = bandScore(a.level, raw)
	return a
}

// askAcc gathers what the rules need from a friend's asks, one made ask
// at a time.
type askAcc struct {
	nowNs                 int64
	hasLast               bool
	lastNs                int64
	pendN                 int
	hasRecent, hasStale   bool
	recentNs, staleNs     int64 // the latest fresh and the oldest stale unanswered ask
	recentKind, staleKind store.Kind
	load, ledger          float64 // decayed weights for frequency and reciprocity
}

// Windows of the ask loop, in nanoseconds.
const (
	ledgerHorizon = int64(8 * LedgerHalfLife) // weights under 1/256 are ignored
	pendingNs     = int64(PendingWindow)
)

// add counts one ask made at atNs (Unix nanoseconds).
func (c *askAcc) add(kind store.Kind, status store.Status, atNs int64) {
	if !c.hasLast || atNs > c.lastNs {
		c.hasLast, c.lastNs = true, atNs
	}
	age := c.nowNs - atNs
	if status == store.StatusSent {
		if age < pendingNs {
			c.pendN++
			if !c.hasRecent || atNs > c.recentNs {
				c.hasRecent, c.recentNs, c.recentKind = true, atNs, kind
			}
		} else if !c.hasStale || atNs < c.staleNs {
			c.hasStale, c.staleNs, c.staleKind = true, atNs, kind
		}
	}
	if age < ledgerHorizon {
		// One exponential per ask: the frequency half-life is a third of
		// the ledger's, so its decay is the ledger's cubed.
		x := ledgerDecay(time.Duration(age))
		w := KindWeight(kind)
		c.ledger += w * x
		c.load += w * x * x * x
	}
}

// bandScore maps the raw readiness (0-100) into the level's band, so a
// score always sorts with its level: clear 70-100, caution 40-69, hold
// 10-39, block 0.
func bandScore(l Level, raw float64) int {
	raw = min(max(raw, 0), 100)
	var lo, hi float64
	switch l {
	case Clear:
		lo, hi = 70, 100
	case Caution:
		lo, hi = 40, 69
	case Hold:
		lo, hi = 10, 39
	default:
		return 0
	}
	return int(math.Round(lo + raw*(hi-lo)/100))
}

// Evaluate scores the friend in sub for req at now: the level, the 0-100
// readiness and the reasons, the most serious first (block, then hold,
// then caution). Asks with status draft or withdrawn do not count.
func Evaluate(sub Subject, req Request, set store.Settings, now time.Time) Verdict {
	return assess(sub, req, set, newClock(now)).verdict(sub.Friend, req, set, now)
}

// verdict writes the assessment's reasons. All messages are written into
// one buffer and sliced out of it: two allocations per verdict with
// reasons, none without (Evaluate runs for every friend on a screen).
func (a assessment) verdict(f *store.Friend, req Request, set store.Settings, now time.Time) Verdict {
	v := Verdict{Level: a.level, Score: a.score, Until: a.until, Reasons: []Reason{}, Ledger: newLedger(a.asked, a.given)}
	if a.flags == 0 {
		return v
	}
	if a.flags&flagNoFriend != 0 {
		v.Reasons = []Reason{{CodeNoFriend, "No friend was given to evaluate.", Block}}
		return v
	}
	var w msgWriter
	w.buf = make([]byte, 0, 96*bits.OnesCount16(a.flags))
	name := FirstName(f)
	if a.flags&flagBoundary != 0 {
		b := f.Boundaries[a.boundary]
		w.str(name, " has asked not to be asked for ", kindPlural(b.Kind))
		if b.Note != "" {
			w.str(": \u201c", b.Note, "\u201d")
		}
		w.end(CodeBoundary, Block, ".")
	}
	if a.flags&flagTruth != 0 {
		w.str("You never worked with ", name, "; a ", string(req.Kind))
		w.end(CodeTruth, Block, " from them would mean stretching the truth. Ask someone you worked with.")
	}
	if a.flags&flagPending != 0 {
		age := now.Sub(a.pendAt)
		pendAt := a.pendAt
		switch {
		case age >= PendingWindow:
			w.str("Your ", string(a.pendKind), " request of ")
			w.ago(now, pendAt)
			w.end(CodePending, Caution, " has no outcome yet; record what happened.")
		case a.pendN > 1:
			w.str("You have ")
			w.buf = strconv.AppendInt(w.buf, int64(a.pendN), 10)
			w.str(" unanswered requests to ", name, ", the last ")
			w.ago(now, pendAt)
			w.end(CodePending, Hold, "; wait for a reply or follow up on it first.")
		default:
			w.str("Your ", string(a.pendKind), " request of ")
			w.ago(now, pendAt)
			w.end(CodePending, Hold, " is still unanswered; wait for a reply or follow up on it first.")
		}
	}
	if a.flags&flagCooldown != 0 {
		w.str("You asked ", name, " ")
		w.ago(now, a.lastAt)
		w.str("; the ")
		w.buf = strconv.AppendInt(w.buf, int64(set.CooldownDays), 10)
		w.str("-day cool-down ends ")
		w.buf = a.until.AppendFormat(w.buf, "Mon 2 Jan")
		w.end(CodeCooldown, Hold, ". Hold back or ask someone else.")
	}
	if a.flags&flagAcknowledge != 0 {
		where := strings.TrimSpace(req.Org)
		if where == "" {
			where = strings.TrimSpace(req.Sector)
		}
		w.str("You asked ", name, " ")
		w.ago(now, a.lastAt)
		w.str(", but they are the only one you know in ", where)
		w.end(CodeAcknowledge, Caution, ": go ahead, and say you know you have been asking a lot.")
	}
	if a.flags&flagFrequency != 0 {
		w.str("You have asked ", name, " a lot lately for ", closenessWord(f.Closeness))
		w.end(CodeFrequency, Caution, "; space your requests out.")
	}
	if a.flags&flagReciprocity != 0 {
		w.str("Many asks and few favors back with ", name)
		w.end(CodeReciprocity, Caution, "; look for a way to help them first.")
	}
	if a.flags&flagBusy != 0 {
		r := f.Busy[a.busy]
		w.str("It is ", name, "'s busy season (", monthAbbr(r.From), "-", monthAbbr(r.To))
		w.end(CodeBusy, Caution, "); keep it short and give them an easy out.")
	}
	text := string(w.buf)
	v.Reasons = make([]Reason, w.n)
	start := 0
	for i := range w.n {
		v.Reasons[i] = Reason{Code: w.codes[i], Message: text[start:w.ends[i]], Level: w.levels[i]}
		start = w.ends[i]
	}
	return v
}

// msgWriter appends reason messages back to back into one buffer.
type msgWriter struct {
	buf    []byte
	codes  [8]string
	levels [8]Level
	ends   [8]int
	n      int
}

func (w *msgWriter) str(parts ...string) {
	for _, p := range parts {
		w.buf = append(w.buf, p...)
	}
}

// end closes the current message with tail and files it under code, as
// bringing level l.
func (w *msgWriter) end(code string, l Level, tail string) {
	w.buf = append(w.buf, tail...)
	if w.n < len(w.ends) {
		w.codes[w.n], w.levels[w.n], w.ends[w.n] = code, l, len(w.buf)
		w.n++
	}
}

// ago writes how long before now t was (Ago).
func (w *msgWriter) ago(now, t time.Time) { w.buf = appendAgo(w.buf, now, t) }

func closenessWord(c int) string {
	switch {
	case c <= 1:
		return "an acquaintance"
	case c == 2:
		return "a loose friendship"
	case c == 3:
		return "a friendship like yours"
	}
	return "even a close friend"
}

func kindPlural(k store.Kind) string {
	switch k {
	case store.KindChat:
		return "chats"
	case store.KindAdvice:
		return "advice"
	case store.KindOther:
		return "favors of this kind"
	}
	return string(k) + "s"
}

// Likely guesses the friend's most likely next request: the kind, sector
// and organisation of the latest ask not withdrawn (a draft in progress
// counts), else an informational chat about the friend's first sector.
func Likely(sub Subject) Request {
	var last *store.AskFact
	for i := range sub.Asks {
		a := &sub.Asks[i]
		if a.Status() == store.StatusWithdrawn {
			continue
		}
		if last == nil || a.At() >= last.At() {
			last = a
		}
	}
	if last != nil {
		return Request{Kind: last.Kind(), Sector: last.Sector, Org: last.Org}
	}
	req := Request{Kind: store.KindChat}
	if sub.Friend != nil && len(sub.Friend.Sectors) > 0 {
		req.Sector = sub.Friend.Sectors[0]
	}
	return req
}

// monthAbbr is "Jan" … "Dec", or "?" for a month out of range.
func monthAbbr(m time.Month) string {
	if m < time.January || m > time.December {
		return "?"
	}
	return m.String()[:3]
}
