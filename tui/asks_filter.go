package tui

import (
	"strings"

	"kith/store"
)

// The asks screen's / filter: asks to the friends whose name or
// organisation holds the text, and asks whose topic does, ignoring case
// and accents (store.Fold, as the friend list's filter), on top of the
// status filter.

// setFind applies the filter text q: which friends of the rows' dataset
// match, worked out once per friend, not per ask.
func (as *asksScreen) setFind(q string) {
	as.findQ = store.Fold(strings.TrimSpace(q))
	as.findHit = nil
	if as.findQ != "" && as.rowsD != nil {
		as.findHit = make([]bool, len(as.rowsD.friends))
		for i := range as.rowsD.friends {
			f := &as.rowsD.friends[i]
			as.findHit[i] = strings.Contains(store.Fold(f.Name), as.findQ) || strings.Contains(store.Fold(f.Org), as.findQ)
		}
	}
	as.refilter(0)
}

// hidden reports whether the / filter hides row r, rows[i]: neither its
// friend nor its topic (once read, asks_topics.go) matches.
func (as *asksScreen) hidden(i int, r *askRow) bool {
	return as.findHit != nil && int(r.fi) < len(as.findHit) && !as.findHit[r.fi] && !as.topicHit(i)
}
