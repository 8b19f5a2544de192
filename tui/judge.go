package tui

import (
	"time"

	"kith/store"
)

// Reason is one cause behind a verdict: a stable code and a sentence.
type Reason struct {
	Code    string
	Message string
}

// Verdict is what the TUI shows for a friend's most likely next request.
// Level is "clear", "caution", "hold" or "block", or "" when no policy
// judged it (a neutral badge).
type Verdict struct {
	Level   string
	Score   int
	Reasons []Reason
	Until   time.Time
	For     store.Kind // the request judged ("" if unknown)
}

// Judge gives the verdict for a friend's most likely next request. The
// real one wraps policy.Evaluate(sub, policy.Likely(sub), set, now); it
// must be pure (no I/O), as it runs in Update for the visible rows and in
// a background command for a readiness sort, and must not keep asks (the
// readiness sort reuses the slice).
type Judge func(f *store.Friend, asks []store.Ask, favors []store.Favor, set store.Settings, now time.Time) Verdict

// NeutralJudge judges nobody: every badge is neutral.
func NeutralJudge(*store.Friend, []store.Ask, []store.Favor, store.Settings, time.Time) Verdict {
	return Verdict{}
}

// levelRank orders levels for the readiness sort: clear first, unknown last.
func levelRank(l string) int {
	switch l {
	case "clear":
		return 0
	case "caution":
		return 1
	case "hold":
		return 2
	case "block":
		return 3
	}
	return 4
}
