package policy

import (
	"strconv"
	"strings"
	"time"

	"kith/store"
)

// This file says when a friend's moment (store.Moment) speaks in a
// verdict, what it asks of you, and which words in the notes suggest one.

// momentRule is how a kind of moment speaks.
type momentRule struct {
	// speaks is how long after it began it is recent (for a moment that
	// lasts, when its end is not known).
	speaks time.Duration
	// holds is the first part of that during which it holds asks back
	// (0: it never holds, only cautions).
	holds time.Duration
	// lasts means a moment with an end (a leave, an illness): from its
	// start to its Until it is current, and holds while it is.
	lasts bool
}

const week = 7 * 24 * time.Hour

// MomentRules are how long each kind of moment speaks and whether it
// holds (doc.go explains the choices).
var momentRules = map[store.MomentKind]momentRule{
	store.MomentPromoted: {speaks: 60 * 24 * time.Hour},
	store.MomentNewJob:   {speaks: 60 * 24 * time.Hour},
	store.MomentBaby:     {speaks: 90 * 24 * time.Hour, holds: 2 * week},
	store.MomentWedding:  {speaks: 30 * 24 * time.Hour},
	store.MomentLeave:    {speaks: 90 * 24 * time.Hour, holds: 90 * 24 * time.Hour, lasts: true},
	store.MomentLoss:     {speaks: 90 * 24 * time.Hour, holds: 30 * 24 * time.Hour},
	store.MomentIllness:  {speaks: 30 * 24 * time.Hour, holds: 30 * 24 * time.Hour, lasts: true},
	store.MomentMoved:    {speaks: 30 * 24 * time.Hour},
	store.MomentOther:    {speaks: 30 * 24 * time.Hour, lasts: true},
}

// MomentSpeaks is how long a moment of kind k stays recent, and how long
// of that it holds asks back, when it has no end date.
func MomentSpeaks(k store.MomentKind) (speaks, holds time.Duration) {
	r := momentRules[k]
	return r.speaks, r.holds
}

// currentMoment picks the moment that speaks now: one that holds before
// one that cautions, then the latest. It returns its index (-1: none),
// whether it holds and, if so, when the hold lifts (Unix nanoseconds).
func currentMoment(ms []store.Moment, c clock) (int, bool, int64) {
	today := store.DayOf(c.now)
	best, bestHold, bestUntil := -1, false, int64(0)
	for i := range ms {
		m := &ms[i]
		r, ok := momentRules[m.Kind]
		if !ok || m.At.IsZero() {
			continue
		}
		start := store.DayOf(m.At)
		if today.Before(start) {
			continue // not yet
		}
		age := today.Sub(start)
		var hold bool
		var until time.Time
		switch {
		case r.lasts && !m.Until.IsZero():
			end := store.DayOf(m.Until).AddDate(0, 0, 1)
			if !today.Before(end) {
				continue
			}
			hold, until = r.holds > 0, end
		case age < r.speaks:
			hold = age < r.holds
			until = start.Add(r.holds)
		default:
			continue
		}
		if best >= 0 && (bestHold && !hold || bestHold == hold && !m.At.After(ms[best].At)) {
			continue
		}
		best, bestHold = i, hold
		bestUntil = 0
		if hold {
			bestUntil = until.UnixNano()
		}
	}
	return best, bestHold, bestUntil
}

// writeMoment writes the reason of moment m for the friend called name.
func (w *msgWriter) moment(m *store.Moment, name string, hold bool, c clock) {
	ago := func() { w.buf = appendAgoDays(w.buf, c.now, m.At) }
	note := func() {
		if m.Note != "" {
			w.str(" (\u201c", m.Note, "\u201d)")
		}
	}
	level := Caution
	if hold {
		level = Hold
	}
	wd := momentSaidOf(m.Kind)
	switch {
	case wd.until != "" && !m.Until.IsZero():
		w.str(name, wd.did, wd.until)
		w.date(store.DayOf(m.Until), c)
		w.str(wd.untilEnd)
	case wd.until != "":
		w.str(name, wd.did, " since ")
		ago()
	case m.Kind == store.MomentOther || wd.did == "":
		w.str("Something is going on for ", name, " since ")
		ago()
	default:
		w.str(name, wd.did, " ")
		ago()
	}
	note()
	if hold && wd.holdAdvice != "" {
		w.end(CodeMoment, level, wd.holdAdvice)
	} else {
		w.end(CodeMoment, level, wd.advice)
	}
}

// momentSaid is how a moment's reason is said: what happened ("was
// promoted"), for a moment that lasts the words before its end date, and
// the advice, with its own when the moment holds the request.
type momentSaid struct {
	did, until, untilEnd string
	advice, holdAdvice   string
}

func momentSaidOf(k store.MomentKind) momentSaid {
	switch k {
	case store.MomentPromoted:
		return momentSaid{did: " was promoted", advice: ": congratulate them before you ask."}
	case store.MomentNewJob:
		return momentSaid{did: " started a new job", advice: ": congratulate them, and allow for a new job's load."}
	case store.MomentBaby:
		return momentSaid{did: " had a baby", advice: ": congratulate them first, and don't expect a quick reply.",
			holdAdvice: ": congratulate them, and leave the request for later."}
	case store.MomentWedding:
		return momentSaid{did: " got married", advice: ": congratulate them before you ask."}
	case store.MomentLeave:
		return momentSaid{did: " is on leave", until: " until ", advice: ": wait until they are back."}
	case store.MomentLoss:
		return momentSaid{did: " suffered a loss", advice: ": ask how they are before you ask for anything.",
			holdAdvice: ": this is not the time to ask."}
	case store.MomentIllness:
		return momentSaid{did: " has been unwell", until: " (until ", untilEnd: ")", advice: ": wait until they are better."}
	case store.MomentMoved:
		return momentSaid{did: " moved", advice: ": they may be busy settling in; keep it light."}
	}
	return momentSaid{advice: ": mind it before you ask."}
}

// appendAgoDays is how many days before now's day t's day was, in words:
// "today", "yesterday", "5 days ago", "3 weeks ago", "4 months ago".
func appendAgoDays(dst []byte, now, t time.Time) []byte {
	days := int64(store.DayOf(now).Sub(store.DayOf(t)) / (24 * time.Hour))
	switch {
	case days <= 0:
		return append(dst, "today"...)
	case days == 1:
		return append(dst, "yesterday"...)
	case days < 14:
		return append(strconv.AppendInt(dst, days, 10), " days ago"...)
	case days < 60:
		return append(strconv.AppendInt(dst, days/7, 10), " weeks ago"...)
	}
	return appendAgo(dst, now, t)
}

// MomentHint is a moment the notes speak of that is not recorded: the
// kind, and the words of the notes that suggest it.
type MomentHint struct {
	Kind  store.MomentKind `json:"kind"`
	Words string           `json:"words"`
}

// momentWords are the words, in English and Italian, that suggest each
// kind of moment in a friend's notes (matched without case, as parts of
// words).
var momentWords = []struct {
	kind  store.MomentKind
	words []string
}{
	{store.MomentPromoted, []string{"promoted", "promotion", "promossa", "promosso", "promozione"}},
	{store.MomentNewJob, []string{"new job", "new role", "started a new", "nuovo lavoro", "nuovo ruolo", "cambiato lavoro"}},
	{store.MomentBaby, []string{"new baby", "had a baby", "newborn", "neonat", "è nato", "è nata"}},
	{store.MomentWedding, []string{"got married", "just married", "wedding", "si è sposat", "matrimonio"}},
	{store.MomentLeave, []string{"parental leave", "maternity", "paternity", "on leave", "sabbatical", "congedo", "maternità", "paternità", "aspettativa"}},
	{store.MomentLoss, []string{"passed away", "bereavement", "funeral", "lutto", "è mancat", "funerale"}},
	{store.MomentIllness, []string{"surgery", "in hospital", "unwell", "ospedale", "operazione", "malattia"}},
	{store.MomentMoved, []string{"moved to", "relocated", "si è trasferit", "trasferita a", "trasferito a"}},
}

// SuggestMoments returns the moments f's notes speak of ("just promoted",
// "on parental leave until March", "new baby") for which no moment of the
// kind is recorded: a screen offers to record them, with a date, so the
// verdict speaks of them.
func SuggestMoments(f *store.Friend) []MomentHint {
	if f == nil || f.Notes == "" {
		return nil
	}
	notes := strings.ToLower(f.Notes)
	var out []MomentHint
	for _, mw := range momentWords {
		recorded := false
		for _, m := range f.Moments {
			recorded = recorded || m.Kind == mw.kind
		}
		if recorded {
			continue
		}
		for _, w := range mw.words {
			if strings.Contains(notes, w) {
				out = append(out, MomentHint{Kind: mw.kind, Words: w})
				break
			}
		}
	}
	return out
}
