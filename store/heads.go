package store

import "time"

// An ask in the Network is kept in two compact parts: an AskFact, what the
// policy weighs, in one slice the policy reads in place; and an askHead,
// the rest of its times, in a parallel slice. Together 64 bytes, a
// quarter of an Ask, which matters at a million asks.

// AskFact is the part of an ask the policy weighs: its kind, its status
// and when it was made (Ask.At), in Unix nanoseconds, 0 if unknown.
type AskFact struct {
	At           int64
	kind, status uint8
}

// NewAskFact returns the fact of an ask of kind k with status s made at
// at (Unix nanoseconds).
func NewAskFact(k Kind, s Status, at int64) AskFact {
	return AskFact{At: at, kind: kindCode([]byte(k)), status: statusCode([]byte(s))}
}

// Kind is the kind of the ask.
func (f AskFact) Kind() Kind { return kindOf(f.kind) }

// Status is the status of the ask.
func (f AskFact) Status() Status { return statusOf(f.status) }

// askHead is the rest of an ask in the Network: its id and times as Unix
// nanoseconds (0 for none).
type askHead struct {
	id                                         uint64
	created, sent, resolved, followUp, thanked int64
}

// ask expands h and its fact into an Ask of friend.
func (h *askHead) ask(friend uint64, f AskFact) Ask {
	return Ask{
		ID: h.id, FriendID: friend,
		Kind: f.Kind(), Status: f.Status(),
		Created: fromNanos(h.created), Sent: fromNanos(h.sent), Resolved: fromNanos(h.resolved),
		FollowUp: fromNanos(h.followUp), Thanked: fromNanos(h.thanked),
	}
}

func nanos(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

func fromNanos(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}

// Kinds and statuses are kept as small codes, in the order of Kinds()
// and Statuses() starting at 1; 0 is unknown. Switches, so that expanding
// a head allocates nothing.
func kindCode(b []byte) uint8 {
	switch string(b) {
	case "intro":
		return 1
	case "chat":
		return 2
	case "referral":
		return 3
	case "reference":
		return 4
	case "recommendation":
		return 5
	case "advice":
		return 6
	case "review":
		return 7
	case "other":
		return 8
	}
	return 0
}

func kindOf(c uint8) Kind {
	switch c {
	case 1:
		return KindIntro
	case 2:
		return KindChat
	case 3:
		return KindReferral
	case 4:
		return KindReference
	case 5:
		return KindRecommendation
	case 6:
		return KindAdvice
	case 7:
		return KindReview
	case 8:
		return KindOther
	}
	return ""
}

func statusCode(b []byte) uint8 {
	switch string(b) {
	case "draft":
		return 1
	case "sent":
		return 2
	case "helped":
		return 3
	case "declined":
		return 4
	case "no-response":
		return 5
	case "withdrawn":
		return 6
	}
	return 0
}

func statusOf(c uint8) Status {
	switch c {
	case 1:
		return StatusDraft
	case 2:
		return StatusSent
	case 3:
		return StatusHelped
	case 4:
		return StatusDeclined
	case 5:
		return StatusNoResponse
	case 6:
		return StatusWithdrawn
	}
	return ""
}
