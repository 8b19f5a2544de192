package policy

import (
	"fmt"
	"sort"
	"time"

	"kith/store"
)

// NudgeKind says what a nudge asks of you.
type NudgeKind string

// The nudges kith gives.
const (
	// NudgeFollowUp: an ask was sent a while ago and nothing is recorded.
	NudgeFollowUp NudgeKind = "follow-up"
	// NudgeThank: a friend helped and no thank-you is recorded.
	NudgeThank NudgeKind = "thank-you"
	// NudgeHelpBack: a friend helped recently and you have done nothing
	// for them in a long while.
	NudgeHelpBack NudgeKind = "help-back"
	// NudgeNoResponse: an ask has waited NoResponseAfter with nothing
	// recorded; following up has had its time, and kith asks whether to
	// mark it no-response.
	NudgeNoResponse NudgeKind = "no-response"
)

// The windows behind the nudges.
const (
	// FollowUpAfter is how long a sent ask waits for an outcome before
	// kith suggests following up (unless the ask has its own date).
	FollowUpAfter = 7 * 24 * time.Hour
	// ThankWithin is how long after a friend helped a thank-you is still
	// worth a nudge; past it the moment has gone, and kith stops asking.
	ThankWithin = 30 * 24 * time.Hour
	// NoResponseAfter is how long after it was sent (or after its own
	// follow-up date, if later) an unanswered ask stops being worth a
	// follow-up: the nudge becomes "mark it no-response?". It is
	// PendingWindow, the time after which the verdict stops holding for
	// the ask and only asks you to record what happened.
	NoResponseAfter = PendingWindow
	// HelpBackWindow: a friend who helped you within this window, and for
	// whom you logged no favor within it, is worth helping back.
	HelpBackWindow = 90 * 24 * time.Hour
)

// Nudge is one thing to do now for the friendships to stay even.
type Nudge struct {
	Kind     NudgeKind `json:"kind"`
	FriendID uint64    `json:"friend_id"`
	Friend   string    `json:"friend"`
	AskID    uint64    `json:"ask_id,omitempty"`
	Since    time.Time `json:"since"`
	Message  string    `json:"message"`
}

// Due returns the nudges for one friend at now: asks to follow up, helps
// to thank for, whether to help them back, and a birthday or an
// anniversary near (see occasions). Archived friends get none.
func Due(sub Subject, now time.Time) []Nudge {
	f := sub.Friend
	if f == nil || f.Archived {
		return nil
	}
	var out []Nudge
	var lastHelp time.Time
	for i := range sub.Asks {
		a := &sub.Asks[i]
		at := store.TimeOf(a.At())
		switch a.Status() {
		case store.StatusSent:
			due := store.TimeOf(a.FollowUp)
			stale := maxTime(due, at).Add(NoResponseAfter)
			if due.IsZero() {
				due = at.Add(FollowUpAfter)
			}
			switch {
			case now.Before(due):
			case !now.Before(stale):
				out = append(out, Nudge{Kind: NudgeNoResponse, FriendID: f.ID, Friend: f.Name, AskID: a.ID, Since: at,
					Message: fmt.Sprintf("no reply from %s to your %s ask of %s (%s): mark it no-response?", f.Name, a.Kind(), dayIn(at, now), Ago(now, at))})
			default:
				out = append(out, Nudge{Kind: NudgeFollowUp, FriendID: f.ID, Friend: f.Name, AskID: a.ID, Since: at,
					Message: fmt.Sprintf("follow up with %s on your %s ask of %s, or record what happened", f.Name, a.Kind(), dayIn(at, now))})
			}
		case store.StatusHelped:
			helped := store.TimeOf(a.Resolved)
			if helped.IsZero() {
				helped = at
			}
			if helped.After(lastHelp) {
				lastHelp = helped
			}
			if a.Thanked == 0 && now.Sub(helped) <= ThankWithin {
				out = append(out, Nudge{Kind: NudgeThank, FriendID: f.ID, Friend: f.Name, AskID: a.ID, Since: helped,
					Message: fmt.Sprintf("thank %s for helping with your %s ask", f.Name, a.Kind())})
			}
		}
	}
	if !lastHelp.IsZero() && now.Sub(lastHelp) <= HelpBackWindow {
		recent := false
		for i := range sub.Favors {
			if now.Sub(store.TimeOf(sub.Favors[i].At)) <= HelpBackWindow {
				recent = true
				break
			}
		}
		if !recent {
			out = append(out, Nudge{Kind: NudgeHelpBack, FriendID: f.ID, Friend: f.Name, Since: lastHelp,
				Message: fmt.Sprintf("%s helped you on %s and you have logged no favor for them in 90 days: find a way to help them", f.Name, dayIn(lastHelp, now))})
		}
	}
	return append(out, occasions(f, now)...)
}

// Nudges is every friend's nudges at now (Due), oldest first
// (SortNudges): the due list of `kith due` and of the TUI.
func Nudges(pool Pool, now time.Time) []Nudge {
	out := []Nudge{}
	for i, n := 0, pool.Len(); i < n; i++ {
		if pool.Friend(i) != nil {
			out = append(out, Due(pool.Subject(i), now)...)
		}
	}
	SortNudges(out)
	return out
}

// SortNudges orders nudges oldest first, so what has waited longest
// comes first.
func SortNudges(ns []Nudge) {
	sort.SliceStable(ns, func(i, j int) bool {
		if !ns[i].Since.Equal(ns[j].Since) {
			return ns[i].Since.Before(ns[j].Since)
		}
		return ns[i].FriendID < ns[j].FriendID
	})
}

// dayIn writes t's day as "27 Oct", with the year when it is not now's
// ("27 Oct 2025").
func dayIn(t, now time.Time) string {
	t = t.In(now.Location())
	if t.Year() == now.Year() {
		return t.Format("2 Jan")
	}
	return t.Format("2 Jan 2006")
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
