package tui

// This file answers the friends screen's filter before every friend is
// read: from every friend's haystack (store.Store.Haystacks), read beside
// the load's second step, the matches are found in memory, the first
// page of them is read and shown with placeholder badges (matchesCmd),
// then read again with its history (pageOfCmd).

import (
	tea "charm.land/bubbletea/v2"

	"kith/store"
)

// haystack is every friend's haystack and the name order, read for the
// load seq, before every friend is: what the filter searches until the
// friends are in.
type haystack struct {
	seq    uint64
	ix     *index
	ids    []uint64 // at the positions of ix
	byName []int32  // positions in the name order
	active []int32  // byName without the archived
}

// newHaystack is h as the filter searches it.
func newHaystack(seq uint64, h *store.Haystacks) *haystack {
	n := len(h.IDs)
	ix := &index{all: h.All, starts: h.Starts, hay: make([]string, n)}
	for i := range n {
		ix.hay[i] = ix.all[h.Starts[i] : h.Starts[i+1]-1]
	}
	hs := &haystack{seq: seq, ix: ix, ids: h.IDs, byName: h.Order, active: make([]int32, 0, n)}
	for _, p := range h.Order {
		if !h.Archived[p] {
			hs.active = append(hs.active, p)
		}
	}
	return hs
}

// match is the ids of the first n friends by name matching query (the
// archived ones too when archived is set) and how many match.
func (h *haystack) match(query string, archived bool, n int) (first []uint64, count int) {
	rows := h.active
	if archived {
		rows = h.byName
	}
	found := filterRows(h.ix, rows, query)
	first = make([]uint64, min(n, len(found)))
	for i := range first {
		first[i] = h.ids[found[i]]
	}
	return first, len(found)
}

// haystackMsg carries the haystacks read for the load seq, and what the
// load does next.
type haystackMsg struct {
	seq  uint64
	h    *haystack
	err  error
	then tea.Cmd
}

// indexFor is h as the filter's index of d's friends (in id order, as
// h), or nil when they are not the friends h was read of (a friend added
// or removed between the reads).
func (h *haystack) indexFor(d *dataset) *index {
	if h == nil || len(h.ids) != d.len() {
		return nil
	}
	for i := range d.friends {
		if d.friends[i].ID != h.ids[i] {
			return nil
		}
	}
	return &index{base: d.base, hay: h.ix.hay, all: h.ix.all, starts: h.ix.starts}
}

// haystackCmd reads every friend's haystack for the load seq, then runs
// then of them (the load's next step, friendsCmd, nil if none). The read comes first, alone:
// at 100,000 friends, from the first key of a filter typed on the first
// frame to its friend on screen (scripts/vs-abook, medians of 5, load
// average 7-9), 202 ms, against 565 with the read beside the next step
// and 923 before the haystacks (a store scan a query). Started with the
// first page instead (beside its read), the filter took 62 and 81 ms
// against 120 and 121, but the first frame 0.80-0.82× abook's against
// 0.61-0.68× (alternating runs, load average 4-6): the first frame
// comes first.
func haystackCmd(st Loader, seq uint64, then func(*haystack) tea.Cmd) tea.Cmd {
	return func() tea.Msg {
		msg := haystackMsg{seq: seq}
		if h, err := st.Haystacks(); err != nil {
			msg.err = err
		} else {
			msg.h = newHaystack(seq, h)
		}
		if then != nil {
			msg.then = then(msg.h)
		}
		return msg
	}
}

// searchGen marks the generations of the datasets pageOfCmd makes, apart
// from the loads' (seq*3+step).
const searchGen = 1 << 62

// searchedMsg carries the answer to query (archived ones shown or not),
// made while page (the first page of a load) was the friends loaded.
// When then is set, the answer's friends are without their history
// (placeholder badges) and then reads it (pageOfCmd).
type searchedMsg struct {
	query    string
	archived bool
	page     *dataset
	data     *dataset
	err      error
	then     tea.Cmd
}

// matchesCmd reads the friends of first, the first matches of query by
// name out of found, without their history: the filter's first answer
// before every friend is read, shown at once with placeholder badges
// while pageOfCmd, its then, reads them with their history (gen+1). The
// read of the history and the places is most of an answer's time
// (BenchmarkStore/100k/PageOf against FriendsOf).
func matchesCmd(st Loader, query string, archived bool, first []uint64, found int, page *dataset, gen uint64) tea.Cmd {
	return func() tea.Msg {
		msg := searchedMsg{query: query, archived: archived, page: page}
		fs, total, err := st.FriendsOf(first)
		if err != nil {
			msg.err = err
			return msg
		}
		d := newPartial(gen, fs, first, page.profile)
		d.page, d.total = true, total
		d.search, d.found = query, found
		d.ix = buildIndex(d)
		msg.data = d
		msg.then = pageOfCmd(st, query, archived, first, found, page, gen+1)
		return msg
	}
}

// pageOfCmd reads the friends of first, the first matches of query by
// name out of found, with their history: the filter's answer before
// every friend is read, a dataset of them with its own index, so that a
// query narrowing it is filtered in place meanwhile.
func pageOfCmd(st Loader, query string, archived bool, first []uint64, found int, page *dataset, gen uint64) tea.Cmd {
	return func() tea.Msg {
		msg := searchedMsg{query: query, archived: archived, page: page}
		pg, err := st.PageOf(first)
		if err != nil {
			msg.err = err
			return msg
		}
		d := newPage(gen, pg, page.profile)
		d.search, d.found = query, found
		d.ix = buildIndex(d)
		msg.data = d
		return msg
	}
}
