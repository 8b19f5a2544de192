package tui

import (
	"time"

	"kith/policy"
	"kith/store"
)

// Judge gives the verdict on a friend's most likely next request: the
// request judged and the policy's verdict on it. PolicyJudge is the real
// one; tests pass a fixed one. It must be pure (no I/O), as it runs in
// Update for the visible rows and in a background command for a
// readiness sort, and must not keep sub (the readiness sort reuses it).
type Judge func(sub policy.Subject, set store.Settings, now time.Time) (policy.Request, policy.Verdict)

// PolicyJudge is policy.Evaluate for the friend's most likely next
// request (policy.Likely).
func PolicyJudge(sub policy.Subject, set store.Settings, now time.Time) (policy.Request, policy.Verdict) {
	req := policy.Likely(sub)
	return req, policy.Evaluate(sub, req, set, now)
}
