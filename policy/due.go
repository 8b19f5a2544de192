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
// anniversary near (see occasions). asks and favors are the friend's
// (heads are enough); archived friends get none.
func Due(f *store.Friend, asks []store.Ask, favors []store.Favor, now time.Time) []Nudge {
	if f.Archived {
		return nil
	}
	var out []Nudge
	var lastHelp time.Time
	for i := range asks {
		a := &asks[i]
		switch a.Status {
		case store.StatusSent:
			due := a.FollowUp
			if due.IsZero() {
				due = a.At().Add(FollowUpAfter)
			}
			if !now.Before(due) {
				out = append(out, Nudge{Kind: NudgeFollowUp, FriendID: f.ID, Friend: f.Name, AskID: a.ID, Since: a.At(),
					Message: fmt.Sprintf("follow up with %s on your %s ask of %s, or record what happened", f.Name, a.Kind, a.At().Format("2 Jan"))})
			}
		case store.StatusHelped:
			helped := a.Resolved
			if helped.IsZero() {
				helped = a.At()
			}
			if helped.After(lastHelp) {
				lastHelp = helped
			}
			if a.Thanked.IsZero() && now.Sub(helped) <= ThankWithin {
				out = append(out, Nudge{Kind: NudgeThank, FriendID: f.ID, Friend: f.Name, AskID: a.ID, Since: helped,
					Message: fmt.Sprintf("thank %s for helping with your %s ask", f.Name, a.Kind)})
			}
		}
	}
	if !lastHelp.IsZero() && now.Sub(lastHelp) <= HelpBackWindow {
		recent := false
		for i := range favors {
			if now.Sub(favors[i].At) <= HelpBackWindow {
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
