package store

// FactsOf returns the facts of the asks of Friends[i], oldest first: the
// network's own memory, to read and not to change. Nothing is copied or
// expanded, so weighing every friend allocates nothing.
func (n *Network) FactsOf(i int) []AskFact {
	sp := n.askSpan[i]
	return n.facts[sp.lo:sp.hi:sp.hi]
}
