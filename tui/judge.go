package tui

import (
	"time"

	"kith/policy"
	"kith/store"
)

// Judge gives the verdict on a friend's most likely next request: the
// request judged and the policy's verdict on it, places being where
// everyone is (whether the friend is the only one you know there).
// PolicyJudge is the real one; tests pass a fixed one. It must be pure (no
// I/O), as it runs in Update for the visible rows and in a background
// command for a readiness sort.
type Judge func(sub policy.Subject, places *policy.Places, set store.Settings, now time.Time) (policy.Request, policy.Verdict)

// PolicyJudge is policy.LikelyVerdict, as kith show gives it.
func PolicyJudge(sub policy.Subject, places *policy.Places, set store.Settings, now time.Time) (policy.Request, policy.Verdict) {
	return policy.LikelyVerdict(sub, places, set, now)
}
