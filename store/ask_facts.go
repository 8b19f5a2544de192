package store

// AskFact is the part of an ask the policy weighs: its kind, its status
// and when it was made (Ask.At) in Unix nanoseconds, 0 if unknown.
type AskFact struct {
	Kind   Kind
	Status Status
	At     int64
}

// AppendAskFacts appends the asks of Friends[i] as facts, oldest first, to
// dst. It is AppendAsks for a caller that needs only kinds, statuses and
// times: nothing is expanded into a full Ask, and nothing is allocated
// once dst has room.
func (n *Network) AppendAskFacts(dst []AskFact, i int) []AskFact {
	sp := n.askSpan[i]
	for _, h := range n.heads[sp.lo:sp.hi] {
		dst = append(dst, AskFact{Kind: kindOf(h.kind), Status: statusOf(h.status), At: h.at()})
	}
	return dst
}
