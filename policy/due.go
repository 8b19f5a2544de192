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
)

// The windows behind the nudges.
const (
	// FollowUpAfter is how long a sent ask waits for an outcome before
	// kith suggests following up (unless the ask has its own date).
	FollowUpAfter = 7 * 24 * time.Hour
	// ThankWithin is how long after a friend helped a thank-you is still
	// worth a nudge; past it the moment has gone, and kith stops asking.
	ThankWithin = 30 * 24 * time.Hour
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
			if due.IsZero() {
				due = at.Add(FollowUpAfter)
			}
			if !now.Before(due) {
				out = append(out, Nudge{Kind: NudgeFollowUp, FriendID: f.ID, Friend: f.Name, AskID: a.ID, Since: at,
					Message: fmt.Sprintf("follow up with %s on your %s ask of %s, or record what happened", f.Name, a.Kind(), at.Format("2 Jan"))})
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
				Message: fmt.Sprintf("%s helped you on %s and you have logged no favor for them in 90 days: find a way to help them", f.Name, lastHelp.Format("2 Jan"))})
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
