package tui

import (
	"time"

	"kith/policy"
	"kith/store"
)

// PolicyJudge is the real Judge: policy.Evaluate for the friend's most
// likely next request (policy.Likely).
func PolicyJudge(f *store.Friend, asks []store.Ask, favors []store.Favor, set store.Settings, now time.Time) Verdict {
	sub := policy.Subject{Friend: f, Asks: asks, Favors: favors}
	req := policy.Likely(sub)
	v := policy.Evaluate(sub, req, set, now)
	out := Verdict{Level: v.Level.String(), Score: v.Score, Until: v.Until, For: req.Kind}
	if len(v.Reasons) > 0 {
		out.Reasons = make([]Reason, len(v.Reasons))
		for i, r := range v.Reasons {
			out.Reasons[i] = Reason{Code: r.Code, Message: r.Message}
		}
	}
	return out
}
