package store

import "time"

// AskFact is an ask as the policy weighs it and a list shows it: its id,
// kind and status, the sector and organisation it targets, and its times,
// in Unix nanoseconds (0 for none). Topic, body and outcome are not in it.
// The store gives it from full records (Ask.Fact, AskFacts) and from the
// asks-by-friend index (Network), so that the policy reads one input
// however the asks were read: 88 bytes an ask, a third of an Ask, which
// matters at a million.
type AskFact struct {
	// What weighing every friend reads comes first, in one cache line.
	Created, Sent int64
	kind, status  uint8

	ID                          uint64
	Resolved, FollowUp, Thanked int64
	Sector, Org                 string
}

// Fact is a's AskFact.
func (a *Ask) Fact() AskFact {
	return AskFact{
		ID: a.ID, Sector: a.Sector, Org: a.Org,
		Created: nanos(a.Created), Sent: nanos(a.Sent), Resolved: nanos(a.Resolved),
		FollowUp: nanos(a.FollowUp), Thanked: nanos(a.Thanked),
		kind: kindCode([]byte(a.Kind)), status: statusCode([]byte(a.Status)),
	}
}

// AskFacts is the facts of asks, in their order.
func AskFacts(asks []Ask) []AskFact {
	out := make([]AskFact, len(asks))
	for i := range asks {
		out[i] = asks[i].Fact()
	}
	return out
}

// Kind is the kind of the ask.
func (f *AskFact) Kind() Kind { return kindOf(f.kind) }

// Status is the status of the ask.
func (f *AskFact) Status() Status { return statusOf(f.status) }

// Reached reports whether the ask was put to the friend (Ask.Reached):
// made, or withdrawn after it was sent.
func (f *AskFact) Reached() bool {
	return f.status >= 2 && f.status <= 5 || f.status == 6 && f.Sent != 0
}

// At is when the ask counts as made (Ask.At): when it was sent, else when
// it was created, in Unix nanoseconds.
func (f *AskFact) At() int64 {
	if f.Sent != 0 {
		return f.Sent
	}
	return f.Created
}

// FavorFact is a favor as the policy weighs it: when you did it, in Unix
// nanoseconds, and its size as a code (SizeOf). What it was is not in it.
type FavorFact struct {
	At   int64
	Size uint8
}

// FavorFacts is the facts of favors, in their order.
func FavorFacts(favors []Favor) []FavorFact {
	out := make([]FavorFact, len(favors))
	for i := range favors {
		out[i] = FavorFact{At: nanos(favors[i].At), Size: sizeCode(favors[i].Size)}
	}
	return out
}

// SizeOf is the size a favor fact's code stands for ("" unsized).
func SizeOf(code uint8) FavorSize {
	switch code {
	case 1:
		return FavorSmall
	case 2:
		return FavorMedium
	case 3:
		return FavorLarge
	}
	return ""
}

// sizeCode is the code of a favor size, in the order of FavorSizes()
// from 1; 0 is unsized.
func sizeCode(s FavorSize) uint8 {
	switch s {
	case FavorSmall:
		return 1
	case FavorMedium:
		return 2
	case FavorLarge:
		return 3
	}
	return 0
}

// TimeOf is the time of Unix nanoseconds n as a fact holds it, in UTC;
// the zero time for 0.
func TimeOf(n int64) time.Time { return fromNanos(n) }

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
// and Statuses() starting at 1; 0 is unknown. Switches, so that reading a
// head allocates nothing.
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
