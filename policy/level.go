package policy

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// This file holds what a verdict says: its level, its reasons and the
// reciprocity ledger it weighed.

// Level is how ready a friend is for a request, from Clear to Block. The
// levels are ordered, the readiest first (Clear < Caution < Hold < Block):
// a screen sorts friends by it.
type Level uint8

// The levels, from fine to ask to crossing a line.
const (
	// Clear means fine to ask.
	Clear Level = iota
	// Caution means allowed, with something to mind.
	Caution
	// Hold means better not now (a cool-down, an unanswered ask).
	Hold
	// Block means the request crosses a line.
	Block
)

// levelNames are the level names, in order.
var levelNames = [...]string{Clear: "clear", Caution: "caution", Hold: "hold", Block: "block"}

func levelName(l Level) (string, bool) {
	if int(l) < len(levelNames) {
		return levelNames[l], true
	}
	return "", false
}

// String returns "clear", "caution", "hold" or "block".
func (l Level) String() string {
	if n, ok := levelName(l); ok {
		return n
	}
	return "level(" + strconv.Itoa(int(l)) + ")"
}

// MarshalText writes the level as its name, so JSON shows "hold".
func (l Level) MarshalText() ([]byte, error) {
	n, ok := levelName(l)
	if !ok {
		return nil, fmt.Errorf("invalid level %d", l)
	}
	return []byte(n), nil
}

// UnmarshalText reads a level name as String writes it.
func (l *Level) UnmarshalText(b []byte) error {
	p, err := ParseLevel(string(b))
	if err != nil {
		return err
	}
	*l = p
	return nil
}

// ParseLevel returns the level named s (case-insensitive).
func ParseLevel(s string) (Level, error) {
	for l := Clear; l <= Block; l++ {
		if n, _ := levelName(l); strings.EqualFold(strings.TrimSpace(s), n) {
			return l, nil
		}
	}
	return 0, fmt.Errorf("unknown level %q (want clear, caution, hold or block)", s)
}

// Reason is one finding behind a verdict: a stable code, a sentence a
// person can read, and the level it brings (a screen colours it so).
// Check and Checklist use it for the rules of a draft, with no level.
type Reason struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Level   Level  `json:"level,omitzero"` // no reason of a verdict is clear: a checklist item's is
}

// The reason codes of a verdict. They are stable: scripts match on them.
const (
	CodeBoundary    = "boundary"    // the friend's own boundary covers the request (block)
	CodeTruth       = "truth"       // a reference or recommendation without having worked together (block)
	CodePending     = "pending"     // an earlier ask is unanswered (hold; caution once stale)
	CodeCooldown    = "cooldown"    // the last ask is inside the cool-down (hold)
	CodeAcknowledge = "acknowledge" // inside the cool-down, but the only one you know there (caution)
	CodeFrequency   = "frequency"   // too much asked lately for this closeness (caution)
	CodeReciprocity = "reciprocity" // many asks, few favors back (caution)
	CodeBusy        = "busy"        // inside the friend's busy season (caution)
	CodeNoFriend    = "no-friend"   // Evaluate was given no friend (block)

	CodeBoundaryScope = "boundary-scope" // a boundary of the kind whose scope kith cannot judge for this request (caution)
	CodeBoundaryGuess = "boundary-guess" // your own guess that they would rather not, covering the request (caution)
	CodeMoment        = "moment"         // a recent or current moment in their life (caution; hold while on leave, unwell or grieving)
	CodeUnresponsive  = "unresponsive"   // recent asks went unanswered or were withdrawn (caution)
	CodeCircle        = "circle"         // several asks to others of one of their circles lately (caution)
)

// Codes returns every reason code a verdict can carry, in the order its
// reasons are written within a level.
func Codes() []string {
	return []string{CodeBoundary, CodeTruth, CodeNoFriend, CodeMoment, CodePending, CodeCooldown, CodeAcknowledge,
		CodeBoundaryScope, CodeBoundaryGuess, CodeFrequency, CodeUnresponsive, CodeReciprocity, CodeCircle, CodeBusy}
}

// Verdict is the policy's answer for one friend and one request.
type Verdict struct {
	Level   Level    `json:"level"`
	Score   int      `json:"score"` // 0-100 readiness
	Reasons []Reason `json:"reasons"`
	// Until is when a hold lifts (the cool-down's end, or a moment's),
	// zero when the verdict is no hold or the hold has no date (an
	// unanswered ask).
	Until  time.Time `json:"until,omitzero"`
	Ledger Ledger    `json:"ledger"`
	// Track is what became of the asks that reached the friend.
	Track Track `json:"track,omitzero"`
	// Season is the busy season the friend is in now ("Nov-Dec"), with
	// the busy reason; empty otherwise.
	Season string `json:"season,omitempty"`
}

// Ledger is the reciprocity balance the verdict weighs: what you asked of
// the friend against what you did for them, each weighed by how long ago
// it was (its weight halves every LedgerHalfLife) and an ask by its kind
// (KindWeight); a favor counts FavorWeight. The reciprocity caution starts
// when Balance reaches ReciprocityLimit. Figures are rounded to a tenth.
type Ledger struct {
	Asked   float64 `json:"asked"`   // the weight of your asks
	Given   float64 `json:"given"`   // the weight of your favors
	Balance float64 `json:"balance"` // Asked - Given
}

// String says the ledger in words, as the TUI's detail and `kith show`
// print it.
func (l Ledger) String() string {
	var b strings.Builder
	b.WriteString("asked ")
	b.WriteString(tenths(l.Asked))
	b.WriteString(", given ")
	b.WriteString(tenths(l.Given))
	b.WriteString(" (recent ones weigh most): ")
	switch {
	case l.Asked == 0 && l.Given == 0:
		return "nothing asked or given lately"
	case l.Balance >= ReciprocityLimit:
		b.WriteString("you have asked much more than you gave; help them first")
	case l.Balance > 0:
		b.WriteString("you have asked a little more than you gave (a caution from ")
		b.WriteString(tenths(ReciprocityLimit))
		b.WriteString(" more)")
	default:
		b.WriteString("you have given as much as you asked")
	}
	return b.String()
}

// tenths formats x with one decimal.
func tenths(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

// newLedger rounds the weights to a tenth.
func newLedger(asked, given float64) Ledger {
	r := func(x float64) float64 { return math.Round(x*10) / 10 }
	return Ledger{Asked: r(asked), Given: r(given), Balance: r(asked - given)}
}

// Has reports whether the verdict carries a reason with code.
func (v Verdict) Has(code string) bool {
	for _, r := range v.Reasons {
		if r.Code == code {
			return true
		}
	}
	return false
}
