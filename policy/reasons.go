package policy

import (
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"kith/store"
)

// This file writes an assessment's reasons in words.

// verdict writes the assessment's reasons. All messages are written into
// one buffer and sliced out of it: two allocations per verdict with
// reasons (the buffer and the reasons), none without (Evaluate runs for
// every friend on a screen).
func (a *assessment) verdict(f *store.Friend, req *Request, set store.Settings, c clock) Verdict {
	v := Verdict{Level: a.level, Score: a.score, Reasons: []Reason{}, Ledger: newLedger(a.asked, a.given), Track: a.track}
	if a.untilNs != 0 {
		v.Until = time.Unix(0, a.untilNs).In(c.now.Location())
	}
	if a.lastNs != 0 {
		v.Track.LastAsk = time.Unix(0, a.lastNs).In(c.now.Location())
	}
	if a.flags == 0 {
		return v
	}
	if a.flags&flagNoFriend != 0 {
		v.Reasons = []Reason{{CodeNoFriend, "No friend was given to evaluate.", Block}}
		return v
	}
	if a.busy >= 0 {
		v.Season = f.Busy[a.busy].String()
	}
	var w msgWriter
	w.buf = make([]byte, 0, 110*bits.OnesCount32(a.flags))
	name := FirstName(f)
	if a.flags&flagBoundary != 0 {
		b := &f.Boundaries[a.boundary]
		w.str(name, " has asked not to be asked for ", kindPlural(b.Kind))
		w.scope(b, f.Org, c)
		w.note(b.Note)
		w.end(CodeBoundary, Block, ".")
	}
	if a.flags&flagTruth != 0 {
		w.str("You never worked with ", name, "; a ", string(req.Kind))
		w.end(CodeTruth, Block, " from them would mean stretching the truth. Ask someone you worked with.")
	}
	if a.flags&flagMoment != 0 {
		w.moment(&f.Moments[a.moment], name, a.momentHold, c)
	}
	if a.flags&flagPending != 0 {
		switch {
		case !a.pendFresh:
			w.str("Your ", string(a.pendKind), " request sent ")
			w.ago(c.now, a.pendNs)
			w.end(CodePending, Caution, " has no outcome yet; record what happened.")
		case a.pendN > 1:
			w.str("You have ")
			w.buf = strconv.AppendInt(w.buf, int64(a.pendN), 10)
			w.str(" unanswered requests to ", name, ", the last sent ")
			w.ago(c.now, a.pendNs)
			w.end(CodePending, Hold, "; wait for a reply or follow up on them first.")
		default:
			w.str("Your ", string(a.pendKind), " request sent ")
			w.ago(c.now, a.pendNs)
			w.end(CodePending, Hold, " is still unanswered; wait for a reply or follow up on it first.")
		}
	}
	if a.flags&flagCooldown != 0 {
		w.str("You asked ", name, " ")
		w.ago(c.now, a.lastNs)
		w.str("; the ")
		w.buf = strconv.AppendInt(w.buf, int64(set.CooldownDays), 10)
		w.str("-day cool-down ends ")
		w.date(time.Unix(0, a.lastNs+int64(set.CooldownDays)*dayNs).In(c.now.Location()), c)
		w.end(CodeCooldown, Hold, ". Hold back or ask someone else.")
	}
	if a.flags&flagAcknowledge != 0 {
		where := strings.TrimSpace(req.Org)
		if where == "" {
			where = strings.TrimSpace(req.Sector)
		}
		w.str("You asked ", name, " ")
		w.ago(c.now, a.lastNs)
		if a.level >= Hold {
			// Something else holds or blocks: "go ahead" would contradict it.
			w.str(", and they are the only one you know in ", where)
			w.end(CodeAcknowledge, Caution, ": when you do ask, say you know you have been asking a lot.")
		} else {
			w.str(", but they are the only one you know in ", where)
			w.end(CodeAcknowledge, Caution, ": go ahead, and say you know you have been asking a lot.")
		}
	}
	if a.flags&flagBoundaryScope != 0 {
		b := &f.Boundaries[a.scope]
		if b.Guess {
			w.str("You guess ", name, " would rather not be asked for ", kindPlural(b.Kind))
		} else {
			w.str(name, " has asked not to be asked for ", kindPlural(b.Kind))
		}
		w.scope(b, f.Org, c)
		w.note(b.Note)
		w.str("; kith cannot tell whether this request is one")
		if b.Exec && strings.TrimSpace(req.Target.Role) == "" {
			w.str(" (give the target's role, e.g. --target-role VP)")
		}
		w.end(CodeBoundaryScope, Caution, ": check before you ask.")
	}
	if a.flags&flagBoundaryGuess != 0 {
		b := &f.Boundaries[a.guess]
		w.str("You guess ", name, " would rather not be asked for ", kindPlural(b.Kind))
		w.scope(b, f.Org, c)
		w.note(b.Note)
		w.end(CodeBoundaryGuess, Caution, "; ask gently and give them an easy out.")
	}
	if a.flags&flagFrequency != 0 {
		w.str("You have asked ", name, " ")
		switch a.count {
		case 0:
			w.str("a lot lately")
		case 1:
			w.str("once in the last 60 days")
		default:
			w.buf = strconv.AppendInt(w.buf, int64(a.count), 10)
			w.str(" times in the last 60 days")
		}
		w.str("; another ", string(req.Kind), " is a lot ", closenessWord(f.Closeness))
		w.end(CodeFrequency, Caution, ": space your requests out.")
	}
	if a.flags&flagUnresponsive != 0 {
		w.buf = strconv.AppendInt(w.buf, int64(a.recentUn), 10)
		w.str(" of your asks to ", name, " in the past year went unanswered or were withdrawn")
		if a.recentHelp > 0 {
			w.str(", against ")
			w.buf = strconv.AppendInt(w.buf, int64(a.recentHelp), 10)
			w.str(" helped")
		}
		w.end(CodeUnresponsive, Caution, "; expect no reply, or ask someone else.")
	}
	if a.flags&flagReciprocity != 0 {
		w.str("Many asks and few favors back with ", name)
		w.end(CodeReciprocity, Caution, "; look for a way to help them first.")
	}
	if a.flags&flagCircle != 0 {
		w.str("You have made ")
		w.buf = strconv.AppendInt(w.buf, int64(req.CircleAsks.Asks), 10)
		w.str(" asks to ", name, "'s circle \u201c", req.CircleAsks.Circle, "\u201d in the last 30 days")
		w.end(CodeCircle, Caution, "; ask someone outside the group, or give it time.")
	}
	if a.flags&flagBusy != 0 {
		w.str("It is ", name, "'s busy season (", v.Season)
		w.end(CodeBusy, Caution, "); keep it short and give them an easy out.")
	}
	// The buffer is not written again: its bytes are the messages' text,
	// as strings.Builder.String gives them, without a second copy (at
	// 100,000 friends, 23,000 allocations and 4.5 MB less an
	// EvaluateAll).
	text := unsafe.String(unsafe.SliceData(w.buf), len(w.buf))
	v.Reasons = make([]Reason, w.n)
	start := 0
	for i := range w.n {
		v.Reasons[i] = Reason{Code: w.codes[i], Message: text[start:w.ends[i]], Level: w.levels[i]}
		start = w.ends[i]
	}
	// The most serious first; within a level, in the order written.
	slices.SortStableFunc(v.Reasons, func(x, y Reason) int { return int(y.Level) - int(x.Level) })
	return v
}

// msgWriter appends reason messages back to back into one buffer.
type msgWriter struct {
	buf    []byte
	codes  [16]string
	levels [16]Level
	ends   [16]int
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

// ago writes how long before now the Unix nanoseconds ns were (Ago).
func (w *msgWriter) ago(now time.Time, ns int64) {
	w.buf = appendAgo(w.buf, now, time.Unix(0, ns).In(now.Location()))
}

// date writes t as "Mon 2 Jan", with the year when it is not now's.
func (w *msgWriter) date(t time.Time, c clock) {
	if t.Year() == c.yearNow() {
		w.buf = t.AppendFormat(w.buf, "Mon 2 Jan")
	} else {
		w.buf = t.AppendFormat(w.buf, "Mon 2 Jan 2006")
	}
}

// note writes a boundary's note, quoted, after a colon.
func (w *msgWriter) note(n string) {
	if n != "" {
		w.str(": \u201c", n, "\u201d")
	}
}

// scope writes a boundary's scope after its kind: " to executives at
// Globex", " “people she does not know well”", " until Tue 31 Mar".
func (w *msgWriter) scope(b *store.Boundary, org string, c clock) {
	if s := scopeWords(b, org); s != "" {
		w.str(" ", s)
	}
	if !b.Until.IsZero() {
		w.str(" until ")
		w.date(b.Until, c)
	}
}

// closenessWord says whom a friend of closeness c is asked as: "for an
// acquaintance", "even for a close friend".
func closenessWord(c int) string {
	switch {
	case c <= 1:
		return "for an acquaintance"
	case c == 2:
		return "for a loose friendship"
	case c == 3:
		return "for a friend"
	case c == 4:
		return "even for a good friend"
	}
	return "even for a close friend"
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
