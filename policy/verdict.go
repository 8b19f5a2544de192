package policy

import (
	"math"
	"time"

	"kith/store"
)

// Request is the help being considered: its kind and, optionally, the
// sector, organisation or circle it targets, whom it reaches, and keywords
// describing the need.
type Request struct {
	Kind   store.Kind
	Sector string
	// Org is the organisation the request targets: where the person it
	// reaches works. Who else ranks friends there first, and a boundary
	// "at their own organisation" applies when it is the friend's.
	Org string
	// Circle is a social circle to look in ("university"): who else
	// counts its members as fitting.
	Circle   string
	Keywords []string
	// Target is whom the request reaches beyond the friend, when it
	// reaches someone: a boundary "toward executives" is judged on it.
	Target Target
	// Topic is what the request is about, used by drafts ("your work at
	// Acme", "my move into aerospace") and to pick questions from the
	// profile's question bank. Evaluate ignores it.
	Topic string
	// Details are what the kind needs said (whom, the job, the document,
	// the decision), used by drafts alone.
	Details Details
	// Sole says the friend is the only one you know, among those who can
	// be asked for this kind, in the targeted sector or organisation.
	// Rank sets it itself; a caller evaluating one friend sets it with
	// Places.Sole or SoleContact. It turns a cool-down hold into a
	// caution with the acknowledge reason.
	Sole bool
	// CircleAsks is how much the friend's busiest circle was asked
	// lately. Rank sets it itself; a caller evaluating one friend sets it
	// with Places.CircleAsks. It brings the circle caution.
	CircleAsks CircleLoad
}

// Target is whom a request reaches: a person, their role (the
// organisation is Request.Org). Either may be empty.
type Target struct {
	Person string
	Role   string
}

// CircleLoad is one of a friend's circles and how many asks were made to
// its other members within CircleWindow.
type CircleLoad struct {
	Circle string
	Asks   int
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

// The scoring constants; doc.go says why these values.
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
	// FavorWeight is how much one medium favor you did offsets in the
	// ledger (FavorWeightOf gives each size's).
	FavorWeight = 2.0
	// ReciprocityLimit is the ledger balance (asks minus favors) at
	// which the reciprocity caution starts.
	ReciprocityLimit = 4.0
	// FrequencyWindow is the window the frequency rule counts asks in.
	FrequencyWindow = 60 * 24 * time.Hour
	// FrequencyFloor is the least decayed weight of past asks that can
	// make "a lot lately": a chat of about a month ago. Below it, however
	// heavy the request, nothing was asked lately.
	FrequencyFloor = 0.5
	// ResponsiveWindow is how far back the responsiveness rule looks.
	ResponsiveWindow = 365 * 24 * time.Hour
	// UnansweredLimit is how many asks in ResponsiveWindow that went
	// unanswered or were withdrawn (and more of them than helped) bring
	// the unresponsive caution.
	UnansweredLimit = 2
	// CircleWindow is the window the circle rule counts asks in.
	CircleWindow = 30 * 24 * time.Hour
	// CircleLimit is how many asks to the members of one circle within
	// CircleWindow bring the circle caution on the next ask to any of them.
	CircleLimit = 3
	// ReadyScore is the score from which a clear friend counts as fully
	// ready: the readiness band Rank puts first, where no score
	// difference counts.
	ReadyScore = 90
)

// Reason flags of an assessment, one per code.
const (
	flagBoundary uint32 = 1 << iota
	flagTruth
	flagPending
	flagCooldown
	flagAcknowledge
	flagFrequency
	flagReciprocity
	flagBusy
	flagNoFriend
	flagBoundaryScope
	flagBoundaryGuess
	flagMoment
	flagUnresponsive
	flagCircle
)

// flagsHold are the flags that hold a request back; flagPending and
// flagMoment hold only when fresh or grave (assessment.holds says).
const flagsBlock = flagBoundary | flagTruth

// assessment is a verdict before its messages are written: Rank assesses
// every friend and writes reasons only for the rows it returns. Times are
// Unix nanoseconds (0 for none).
type assessment struct {
	level      Level
	score      int
	flags      uint32
	untilNs    int64 // when a hold lifts
	lastNs     int64 // last ask that reached them
	pendNs     int64 // the unanswered ask the pending reason names
	pendKind   store.Kind
	pendN      int
	pendFresh  bool
	count      int     // asks in FrequencyWindow
	load       float64 // decayed weight of past asks (frequency)
	asked      float64 // decayed weight of past asks (reciprocity)
	given      float64 // decayed weight of favors (reciprocity)
	track      Track
	recentUn   int // unanswered in ResponsiveWindow
	recentHelp int // helped in ResponsiveWindow
	boundary   int // index into Friend.Boundaries, -1 if none
	scope      int // the boundary whose scope kith cannot judge, -1 if none
	guess      int // the boundary that is your guess, -1 if none
	busy       int // index into Friend.Busy, -1 if none
	moment     int // index into Friend.Moments, -1 if none
	momentHold bool
	raw        float64 // readiness before the band (weigh, then finish)
	recent     int32   // asks that reached them within CircleWindow
}

// Track is the friend's record with you: what became of the asks that
// reached them (all of them, however old).
type Track struct {
	Asked      int `json:"asked"`      // asks that reached them
	Helped     int `json:"helped"`     // they helped
	Declined   int `json:"declined"`   // they said no
	Unanswered int `json:"unanswered"` // no response, or withdrawn after you sent it
	Pending    int `json:"pending"`    // sent, no outcome yet
	// LastAsk is when you last asked them (zero: never).
	LastAsk time.Time `json:"last_ask,omitzero"`
}

// Answered is the asks with an outcome: helped, declined or unanswered.
func (t Track) Answered() int { return t.Helped + t.Declined + t.Unanswered }

// clock is now, with what assess derives from it computed once.
type clock struct {
	now   time.Time
	ns    int64
	month time.Month
	year  int
}

func newClock(now time.Time) clock {
	return clock{now: now, ns: now.UnixNano(), month: now.Month(), year: now.Year()}
}

// lazyClock is now without its month and year, which monthNow and
// yearNow work out when asked: Evaluate runs once per friend, and most
// verdicts need neither (at 100,000 friends, 2.5 ms of EvaluateAll's
// CPU time went to newClock, in a profile).
func lazyClock(now time.Time) clock { return clock{now: now, ns: now.UnixNano()} }

// monthNow is now's month.
func (c clock) monthNow() time.Month {
	if c.month != 0 {
		return c.month
	}
	return c.now.Month()
}

// yearNow is now's year.
func (c clock) yearNow() int {
	if c.month != 0 {
		return c.year
	}
	return c.now.Year()
}

// Windows of the ask loop, in nanoseconds.
const (
	ledgerHorizon = int64(8 * LedgerHalfLife) // weights under 1/256 are ignored
	pendingNs     = int64(PendingWindow)
	frequencyNs   = int64(FrequencyWindow)
	responsiveNs  = int64(ResponsiveWindow)
	dayNs         = int64(24 * time.Hour)
)

// assess applies every rule to sub without allocating.
func assess(sub Subject, req *Request, set store.Settings, c clock) assessment {
	a := weigh(sub, req, set, c)
	a.finish(req.CircleAsks)
	return a
}

// weigh applies every rule to sub but the circle rule, which needs the
// asks to the friend's circles (Rank counts them from the same walk of
// the asks, in recent): finish applies it and gives the level and the
// score. The circle's 10 points come off last, after whole-number
// deductions alone, so the score is the same to the bit whatever their
// order.
func weigh(sub Subject, req *Request, set store.Settings, c clock) assessment {
	a := assessment{boundary: -1, scope: -1, guess: -1, busy: -1, moment: -1}
	f := sub.Friend
	if f == nil {
		a.flags = flagNoFriend
		a.level = Block
		return a
	}
	if len(f.Boundaries) > 0 {
		a.boundaries(f, req, c.now)
	}
	if truthKind(req.Kind) && !f.WorkedTogether {
		a.flags |= flagTruth
	}

	// The loop works in Unix nanoseconds: it runs once per ask for every
	// friend on a screen.
	nowNs := c.ns
	hasRecent, hasStale := false, false
	var recentNs, staleNs int64
	var recentKind, staleKind store.KindCode
	var byStatus, lately [8]int // reached asks by status code; within ResponsiveWindow
	for i := range sub.Asks {
		x := &sub.Asks[i]
		if !x.Reached() {
			continue
		}
		at := x.At()
		if at == 0 {
			continue
		}
		st := x.StatusCode()
		a.lastNs = max(a.lastNs, at)
		age := nowNs - at
		// Counted by status in tables, not by a switch: statuses come in
		// no order, and the switch's mispredicted branches took 47 ms of
		// CPU to weigh 100,000 friends, the tables 41 (medians of 5
		// alternating runs, load 5).
		byStatus[st&7]++
		if age < responsiveNs {
			lately[st&7]++
		}
		if st == store.SentCode {
			if age < pendingNs {
				a.pendN++
				if !hasRecent || at > recentNs {
					hasRecent, recentNs, recentKind = true, at, x.KindCode()
				}
			} else if !hasStale || at < staleNs {
				hasStale, staleNs, staleKind = true, at, x.KindCode()
			}
		}
		if age < frequencyNs {
			a.count++
		}
		if age < circleNs && age >= 0 { // as recentAsks counts them
			a.recent++
		}
		if age < ledgerHorizon {
			// One exponential per ask: the frequency half-life is a third of
			// the ledger's, so its decay is the ledger's cubed.
			d := ledgerDecay(time.Duration(age))
			w := kindWeight(x.KindCode())
			a.asked += w * d * outcomeWeight(st)
			a.load += w * d * d * d
		}
	}
	// A reached ask is sent, helped, declined, or unanswered: no
	// response, or withdrawn after it was sent.
	a.track = Track{
		Pending: byStatus[store.SentCode], Helped: byStatus[store.HelpedCode], Declined: byStatus[store.DeclinedCode],
		Unanswered: byStatus[store.NoResponseCode] + byStatus[store.WithdrawnCode],
	}
	a.track.Asked = a.track.Pending + a.track.Answered()
	a.recentHelp = lately[store.HelpedCode]
	a.recentUn = lately[store.NoResponseCode] + lately[store.WithdrawnCode]
	for i := range sub.Favors {
		v := &sub.Favors[i]
		if v.At == 0 {
			continue
		}
		if age := nowNs - v.At; age < ledgerHorizon {
			a.given += FavorWeightOf(store.SizeOf(v.Size)) * ledgerDecay(time.Duration(age))
		}
	}
	ledger := a.asked - a.given

	raw := 100.0
	capacity := Capacity(f.Closeness)
	raw -= 50 * min(1, a.load/capacity)

	switch {
	case hasRecent:
		a.flags |= flagPending
		a.pendFresh, a.pendNs, a.pendKind = true, recentNs, recentKind.Kind()
		raw -= 30
	case hasStale:
		a.flags |= flagPending
		a.pendNs, a.pendKind = staleNs, staleKind.Kind()
		raw -= 10
	}
	if set.CooldownDays > 0 && a.lastNs != 0 {
		cool := int64(set.CooldownDays) * dayNs
		if end := a.lastNs + cool; nowNs < end {
			if req.Sole {
				a.flags |= flagAcknowledge
				raw -= 15
			} else {
				a.flags |= flagCooldown
				a.untilNs = end
				raw -= 30 * min(1, float64(end-nowNs)/float64(cool))
			}
		}
	}
	if (a.load >= FrequencyFloor && a.load+KindWeight(req.Kind) > capacity) || a.count+1 > AsksPerWindow(f.Closeness) {
		a.flags |= flagFrequency
	}
	if ledger >= ReciprocityLimit {
		a.flags |= flagReciprocity
		raw -= 15
	}
	if a.recentUn >= UnansweredLimit && a.recentUn > a.recentHelp {
		a.flags |= flagUnresponsive
		raw -= 15
	}
	if len(f.Moments) > 0 {
		if i, hold, until := currentMoment(f.Moments, c); i >= 0 {
			a.flags |= flagMoment
			a.moment, a.momentHold = i, hold
			if hold {
				raw -= 30
				a.untilNs = max(a.untilNs, until)
			} else {
				raw -= 10
			}
		}
	}
	if a.flags&(flagBoundaryScope|flagBoundaryGuess) != 0 {
		raw -= 15
	}
	if len(f.Busy) > 0 {
		m := c.monthNow()
		for i, r := range f.Busy {
			if r.Contains(m) {
				a.flags |= flagBusy
				a.busy = i
				raw -= 15
				break
			}
		}
	}
	a.raw = raw
	return a
}

// finish applies the circle rule for the friend's busiest circle's load
// and sets the level and the score from the flags and raw readiness.
func (a *assessment) finish(circle CircleLoad) {
	if a.flags&flagNoFriend != 0 {
		return
	}
	a.flags, a.raw = circled(a.flags, a.raw, circle)
	a.level = levelOf(a.flags, a.holds())
	a.score = bandScore(a.level, a.raw)
}

// holds reports whether a holds the request back by more than its flags:
// a fresh unanswered ask, or a grave moment.
func (a *assessment) holds() bool { return a.pendFresh || a.momentHold }

// circled applies the circle rule to flags and raw readiness.
func circled(flags uint32, raw float64, circle CircleLoad) (uint32, float64) {
	if circle.Asks >= CircleLimit {
		return flags | flagCircle, raw - 10
	}
	return flags, raw
}

// levelOf is the level of a verdict with flags; hold says a fresh
// unanswered ask or a grave moment holds it.
func levelOf(flags uint32, hold bool) Level {
	switch {
	case flags&flagsBlock != 0:
		return Block
	case flags&flagCooldown != 0 || hold:
		return Hold
	case flags != 0:
		return Caution
	}
	return Clear
}

// truthKind reports whether asking for k means vouching for your work: a
// reference or a recommendation, which only someone who worked with you
// can give without stretching the truth.
func truthKind(k store.Kind) bool {
	return k == store.KindReference || k == store.KindRecommendation
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
// then caution). Drafts do not count, and neither do asks withdrawn
// before they were sent.
func Evaluate(sub Subject, req Request, set store.Settings, now time.Time) Verdict {
	c := lazyClock(now)
	a := assess(sub, &req, set, c)
	return a.verdict(sub.Friend, &req, set, c)
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
