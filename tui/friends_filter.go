package tui

// This file orders and filters the friends screen's rows: the sort, the
// typed filter over the index, and the query's terms.

import (
	tea "charm.land/bubbletea/v2"

	"kith/store"
	"math/bits"
	"slices"
	"strings"
)

// order is the sort order of every friend; readiness falls back to name
// until the background sort is done.
func (f *friendsScreen) order() []int32 {
	switch f.sort {
	case sortReady:
		if f.byReady != nil {
			return f.byReady
		}
	case sortLast:
		if f.d.byLast != nil {
			return f.d.byLast
		}
	}
	return f.d.byName
}

// rebuild recomputes the shown rows from the order, the archive switch and
// the filter, keeping the selected friend (or the one to select,
// pendingSel) when keep is set. While the rows cannot show them yet
// (provisional) the friend is held in pendingSel: still selected, though
// on no row. When the rows are the whole answer and do not show them,
// the cursor stays on the row they were on (now the friend who followed
// them) and rebuild returns their id, for the caller to say so
// (notShown); a friend to select once a load shows them (handleSelect)
// is given up then too.
func (f *friendsScreen) rebuild(keep bool) (lost uint64) {
	old := f.cursor
	if f.pendingSel != 0 {
		old = f.pendingRow
	}
	ord := f.order()
	if f.showArchived || f.d.archived == 0 {
		f.base = ord
	} else {
		f.base = make([]int32, 0, max(len(ord)-f.d.archived, 0))
		for _, i := range ord {
			if !f.d.friends[i].Archived {
				f.base = append(f.base, i)
			}
		}
	}
	f.rows = filterRows(f.ix, f.base, f.query)
	f.cursor = 0
	want := f.selID
	if f.pendingSel != 0 {
		want = f.pendingSel
	}
	if keep && want != 0 {
		switch p := f.rowOf(want); {
		case p >= 0:
			f.cursor, f.pendingSel = p, 0
		case f.provisional():
			f.cursor, f.pendingSel, f.pendingRow = old, want, old
		default:
			// the row they were on: the friend who followed them
			f.cursor, f.pendingSel, lost = old, 0, want
		}
	}
	f.clampCursor()
	return lost
}

// rowOf is the row showing friend id, or -1.
func (f *friendsScreen) rowOf(id uint64) int {
	at := f.d.index(id)
	if at < 0 {
		return -1
	}
	return slices.Index(f.rows, int32(at))
}

// provisional reports whether the rows may leave out a friend the
// filter matches: before every friend is read (a page, or the first
// matches of the filter), or while the filter's index is being built.
func (f *friendsScreen) provisional() bool {
	if f.early() {
		return true
	}
	terms, _ := store.HaystackTerms(f.query)
	return len(terms) > 0 && f.ix == nil
}

// held reports whether the selected friend is held (pendingSel) until the
// rows can show them: they stay selected meanwhile (selected).
func (f *friendsScreen) held() bool { return f.pendingSel != 0 && f.provisional() }

// notShown is the flash for friend id (named name when f.d no longer
// holds them) not shown after a rebuild: why, and the key that shows
// them; nil for id 0, or a friend gone whose name is not known.
func (f *friendsScreen) notShown(id uint64, name string) tea.Cmd {
	if id == 0 {
		return nil
	}
	at := f.d.index(id)
	if at < 0 {
		if name == "" {
			return nil // never shown (a friend added, not read yet)
		}
		return flash(name+" is no longer in the database.", false)
	}
	fr := &f.d.friends[at]
	name = clean(fr.Name)
	if fr.Archived && !f.showArchived {
		return flash(name+" is archived; "+f.c.keys.ShowArchived.Help().Key+" shows the archived.", false)
	}
	return flash(name+" no longer matches the filter; "+f.c.keys.ClearFilter.Help().Key+" clears it.", false)
}

// nameOf is the name of friend id in f.d, "" if not there.
func (f *friendsScreen) nameOf(id uint64) string {
	if at := f.d.index(id); at >= 0 {
		return clean(f.d.friends[at].Name)
	}
	return ""
}

// filterRows keeps the rows whose haystack holds every word of query,
// folded as the haystacks are (store.Fold: without case or accents, so
// "kaminski" finds Kamiński); with no index yet (nil), none.
//
// A short list (a query being narrowed) is checked row by row. A long one
// is first matched against the whole buffer of haystacks, the rarest word
// (in a sample) first, into a bitmap, while the words are not selective; the remaining
// words are then checked on the few rows left.
func filterRows(ix *index, rows []int32, query string) []int32 {
	terms, ok := store.HaystackTerms(query)
	if len(terms) == 0 {
		return rows
	}
	if ix == nil {
		return nil
	}
	if !ok {
		return []int32{} // separators: never typed, never matched
	}
	n := len(ix.hay)
	var marks []uint64
	if len(rows)*4 >= n {
		terms = ix.rarestFirst(terms)
		for len(terms) > 0 {
			next := make([]uint64, (n+63)/64)
			ix.mark(terms[0], next)
			count := 0
			for w := range next {
				if marks != nil {
					next[w] &= marks[w]
				}
				count += bits.OnesCount64(next[w])
			}
			marks, terms = next, terms[1:]
			if count*16 < n {
				break // selective enough: check the rest row by row
			}
		}
	}
	out := make([]int32, 0, 64)
	for _, i := range rows {
		if marks != nil && marks[i>>6]&(1<<(i&63)) == 0 {
			continue
		}
		h := ix.hay[i]
		ok := true
		for _, t := range terms {
			if !strings.Contains(h, t) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, i)
		}
	}
	return out
}

// rarestFirst orders terms by how many of 256 sampled haystacks hold
// them, fewest first, then longest first.
func (ix *index) rarestFirst(terms []string) []string {
	if len(terms) < 2 {
		return terms
	}
	n := len(ix.hay)
	step := max(n/256, 1)
	hits := make(map[string]int, len(terms))
	for _, t := range terms {
		c := 0
		for i := 0; i < n; i += step {
			if strings.Contains(ix.hay[i], t) {
				c++
			}
		}
		hits[t] = c
	}
	out := slices.Clone(terms)
	slices.SortStableFunc(out, func(a, b string) int {
		if hits[a] != hits[b] {
			return hits[a] - hits[b]
		}
		return len(b) - len(a)
	})
	return out
}

// setQuery applies a new filter. A query that extends the last one only
// narrows its result, so it filters the last result instead of everyone.
// Before every friend is read, the store answers it (earlyQuery).
func (f *friendsScreen) setQuery(q string) tea.Cmd {
	if q == f.query {
		return nil
	}
	f.pendingSel = 0 // typing a filter selects its first match
	if f.early() {
		return f.earlyQuery(q)
	}
	from := f.base
	if narrows(f.query, q) && f.ix != nil {
		from = f.rows
	}
	f.query = q
	f.rows = filterRows(f.ix, from, q)
	f.cursor, f.offset = 0, 0
	f.clampCursor()
	return nil
}

// narrows reports whether query q only narrows the result of query old:
// it extends it.
func narrows(old, q string) bool {
	return strings.TrimSpace(old) != "" && strings.HasPrefix(q, old)
}

// early reports whether the friends loaded are only a first page: the
// filter is then answered by the store.
func (f *friendsScreen) early() bool { return f.pageD != nil || f.d.page && f.d.search == "" }

// earlyQuery applies q before every friend is read: the answer shown
// filtered in place when q narrows its query (its rows that match are the
// first of q's), else nothing, until the answer to q (startSearch) lands;
// the page shown again for an empty query.
func (f *friendsScreen) earlyQuery(q string) tea.Cmd {
	f.query = q
	if terms, _ := store.HaystackTerms(q); len(terms) == 0 {
		if f.pageD != nil {
			f.showEarly(f.pageD)
			f.pageD = nil
		}
		f.rebuild(true)
		return nil
	}
	if f.d.search != "" && narrows(f.d.search, q) {
		f.rows = filterRows(f.ix, f.base, q)
	} else {
		f.rows = f.rows[:0:0] // what the last answer showed does not answer q
	}
	f.cursor, f.offset = 0, 0
	f.clampCursor()
	return f.startSearch()
}

// startSearch finds the current query's matches in the haystacks and
// reads the first page of them (at once, then with their history), unless a read is under way (its answer
// then starts the next: the queries typed in between are dropped, not
// searched) or the haystacks are not in yet (their arrival starts it).
func (f *friendsScreen) startSearch() tea.Cmd {
	if f.searching || f.hay == nil {
		return nil
	}
	f.searching = true
	f.searches++
	first, found := f.hay.match(f.query, f.showArchived, f.answerRows())
	return matchesCmd(f.c.st, f.query, f.showArchived, first, found, f.loadPage(), searchGen|f.searches<<1)
}

// answerRows is how many of the first matches the answer to a filter
// before every friend is read holds: two screens, at most pageRows. The
// read of 128 friends with their history and places took 36 ms at 100k
// (BenchmarkStore/100k/PageOf, load average 10); a screen of 80×24 shows
// 21.
func (f *friendsScreen) answerRows() int { return min(pageRows, 2*max(f.listRows(), 1)) }

// loadPage is the first page of the load: the dataset shown, or kept
// while an answer to the filter is.
func (f *friendsScreen) loadPage() *dataset {
	if f.pageD != nil {
		return f.pageD
	}
	return f.d
}

// handleHaystack keeps the haystacks read for the load shown, and
// answers the query typed meanwhile.
func (f *friendsScreen) handleHaystack(msg haystackMsg) tea.Cmd {
	if !f.early() || f.loadPage().gen != msg.seq*3 {
		return nil // every friend is read now, or another load landed
	}
	if msg.err != nil {
		return flash(msg.err.Error(), true)
	}
	f.hay = msg.h
	if terms, _ := store.HaystackTerms(f.query); len(terms) == 0 {
		return nil
	}
	return f.startSearch()
}

// handleSearched shows the answer to a query, if the friends are still
// those of its page and the query typed since is the same or narrows it;
// else it searches again for the query typed since (an answer without
// its history then goes without it).
func (f *friendsScreen) handleSearched(msg searchedMsg) tea.Cmd {
	f.searching = false
	if !f.early() || msg.page != f.loadPage() {
		return nil // every friend is read now, or another load landed
	}
	if terms, _ := store.HaystackTerms(f.query); len(terms) == 0 {
		return nil
	}
	if msg.archived != f.showArchived || msg.query != f.query && !narrows(msg.query, f.query) {
		return f.startSearch()
	}
	if msg.err != nil {
		return flash(msg.err.Error(), true)
	}
	if f.pageD == nil {
		f.pageD = f.d
	}
	f.showEarly(msg.data)
	f.rebuild(true)
	cmd := f.selectionChanged(true)
	if msg.then != nil {
		// shown without their badges: their history is read next (and
		// its answer starts the search for a query narrowed meanwhile)
		f.searching = true
		return tea.Batch(cmd, msg.then)
	}
	if msg.query != f.query {
		// narrowed meanwhile: the rows shown are the first of the
		// query's, the count is not
		cmd = tea.Batch(cmd, f.startSearch())
	}
	return cmd
}

// showEarly shows d, a page or a search's answer, before every friend is
// read.
func (f *friendsScreen) showEarly(d *dataset) {
	f.d, f.ix = d, d.ix
	f.verd = make([]badge, d.len())
	f.have = make([]bool, d.len())
	f.byReady, f.readyPending = nil, false
}
