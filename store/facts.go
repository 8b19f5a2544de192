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

// KindCode is the kind of the ask as its code, for a table or a switch
// without comparing strings.
func (f *AskFact) KindCode() KindCode { return KindCode(f.kind) }

// StatusCode is the status of the ask as its code.
func (f *AskFact) StatusCode() StatusCode { return StatusCode(f.status) }

// KindCode is a kind as a small number: the kinds of Kinds() are 1 to
// NumKindCodes-1 in that order, 0 is a kind kith does not know. A table
// indexed by it answers per ask what a switch over the kind's name would.
type KindCode uint8

// The kind codes, in the order of Kinds().
const (
	IntroCode KindCode = 1 + iota
	ChatCode
	ReferralCode
	ReferenceCode
	RecommendationCode
	AdviceCode
	ReviewCode
	OtherCode
	// NumKindCodes is one more than the largest kind code: the length
	// of a table indexed by KindCode.
	NumKindCodes = iota + 1
)

// Code is k's code (0 for a kind kith does not know).
func (k Kind) Code() KindCode {
	for c := IntroCode; c < NumKindCodes; c++ {
		if kindOf(uint8(c)) == k {
			return c
		}
	}
	return 0
}

// Kind is the kind c stands for ("" for 0 or a code out of range).
func (c KindCode) Kind() Kind { return kindOf(uint8(c)) }

// StatusCode is a status as a small number: the statuses of Statuses()
// are 1 to NumStatusCodes-1 in that order, 0 is a status kith does not
// know.
type StatusCode uint8

// The status codes, in the order of Statuses().
const (
	DraftCode StatusCode = 1 + iota
	SentCode
	HelpedCode
	DeclinedCode
	NoResponseCode
	WithdrawnCode
	// NumStatusCodes is one more than the largest status code.
	NumStatusCodes = iota + 1
)

// Code is s's code (0 for a status kith does not know).
func (s Status) Code() StatusCode {
	for c := DraftCode; c < NumStatusCodes; c++ {
		if statusOf(uint8(c)) == s {
			return c
		}
	}
	return 0
}

// Status is the status c stands for ("" for 0 or a code out of range).
func (c StatusCode) Status() Status { return statusOf(uint8(c)) }

// Made reports whether an ask of status c was actually made (Status.Made).
func (c StatusCode) Made() bool { return c >= SentCode && c <= NoResponseCode }

// Reached reports whether the ask was put to the friend (Ask.Reached):
// made, or withdrawn after it was sent.
func (f *AskFact) Reached() bool {
	c := StatusCode(f.status)
	return c.Made() || c == WithdrawnCode && f.Sent != 0
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
