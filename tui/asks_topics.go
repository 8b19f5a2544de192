package tui

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"kith/store"
)

// The asks screen's TOPIC column. The rows come from the asks-by-friend
// index, whose heads hold no topic (store.AskFact), so the topics of the
// rows on screen are read in a Cmd (store.AskTopics, one transaction for
// them), kept by ask id until the database changes, and shown as "…"
// until they arrive.
//
// The / filter matches topics too, once they are read: while it is typed
// or applied, every row's topic is read in the background, topicPage rows a read, in
// the list's order, folded as the filter compares them (foldTopics). The
// filter matches the rows read so far, and the status line says how far
// the reading is.

// topicPage is how many rows' topics one background read takes.
const topicPage = 20000

// topicsMsg carries the topics of the asks ids, read for the rows of d.
type topicsMsg struct {
	as     *asksScreen
	d      *dataset
	ids    []uint64
	topics []string
	err    error
}

// foldedMsg carries the folded topics of rows from…from+len(folded) of
// the rows of d, for the / filter.
type foldedMsg struct {
	as     *asksScreen
	d      *dataset
	from   int
	folded []string
	err    error
}

// askTopics is the screen's knowledge of the topics of its rows.
type askTopics struct {
	byID  map[uint64]string   // topics read, by ask id
	prev  map[uint64]string   // those of the previous rows, shown until read again
	asked map[uint64]struct{} // ids whose read is under way

	// the / filter's: folded topics of rows[:foldN], a read under way
	fold    []string
	foldN   int
	folding bool
	err     string
}

// resetTopics forgets the topics: the rows are those of a new dataset.
func (as *asksScreen) resetTopics() {
	t := &as.topics
	if len(t.byID) > 0 {
		t.prev = t.byID
	}
	t.byID, t.asked = map[uint64]string{}, map[uint64]struct{}{}
	t.fold, t.foldN, t.folding, t.err = nil, 0, false, ""
}

// topicOf is the topic shown for row r: "…" until it is read.
func (as *asksScreen) topicOf(r *askRow) string {
	if t, ok := as.topics.byID[r.id]; ok {
		return clean(t)
	}
	if t, ok := as.topics.prev[r.id]; ok {
		return clean(t)
	}
	return "…"
}

// visibleTopics reads the topics of the rows on screen not yet read nor
// being read; nil if there are none.
func (as *asksScreen) visibleTopics() tea.Cmd {
	t := &as.topics
	if !as.loaded || as.open || as.picking || t.byID == nil {
		return nil
	}
	var ids []uint64
	for p := as.offset; p < min(as.offset+as.listRows(), len(as.shown)); p++ {
		id := as.rows[as.shown[p]].id
		if _, ok := t.byID[id]; ok {
			continue
		}
		if _, ok := t.asked[id]; ok {
			continue
		}
		t.asked[id] = struct{}{}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return nil
	}
	st, d := as.c.st, as.rowsD
	return func() tea.Msg {
		topics, err := st.AskTopics(ids)
		return topicsMsg{as: as, d: d, ids: ids, topics: topics, err: err}
	}
}

// gotTopics keeps the topics of msg, if they are of the rows shown.
func (as *asksScreen) gotTopics(msg topicsMsg) {
	if msg.d != as.rowsD {
		return // rows since replaced: their topics are asked afresh
	}
	t := &as.topics
	for _, id := range msg.ids {
		delete(t.asked, id)
	}
	if msg.err != nil {
		t.err = "cannot read the topics: " + errText(msg.err)
		for _, id := range msg.ids {
			t.byID[id] = "?"
		}
		return
	}
	for i, id := range msg.ids {
		t.byID[id] = msg.topics[i]
	}
}

// foldTopics reads the next page of every row's topic for the / filter,
// once it has been used; nil when one is under way or all are read.
func (as *asksScreen) foldTopics() tea.Cmd {
	t := &as.topics
	if !as.findWanted() || t.folding || !as.loaded || t.foldN >= len(as.rows) || t.err != "" {
		return nil
	}
	from := t.foldN
	to := min(from+topicPage, len(as.rows))
	ids := make([]uint64, 0, to-from)
	for _, r := range as.rows[from:to] {
		ids = append(ids, r.id)
	}
	t.folding = true
	st, d := as.c.st, as.rowsD
	return func() tea.Msg {
		topics, err := st.AskTopics(ids)
		if err != nil {
			return foldedMsg{as: as, d: d, from: from, err: err}
		}
		// fold each distinct topic once: many asks share one
		seen := make(map[string]string)
		for i, s := range topics {
			f, ok := seen[s]
			if !ok {
				f = store.Fold(s)
				seen[s] = f
			}
			topics[i] = f
		}
		return foldedMsg{as: as, d: d, from: from, folded: topics}
	}
}

// gotFolded keeps a page of folded topics and filters again with them.
func (as *asksScreen) gotFolded(msg foldedMsg) {
	t := &as.topics
	if msg.d != as.rowsD || msg.from != t.foldN {
		return
	}
	t.folding = false
	if msg.err != nil {
		t.err = "cannot read the topics: " + errText(msg.err)
		return
	}
	t.fold = append(t.fold, msg.folded...)
	t.foldN += len(msg.folded)
	if as.findQ != "" {
		as.refilter(as.cursor)
	}
}

// findWanted reports whether the / filter is typed or applied: then
// every row's topic is read for it.
func (as *asksScreen) findWanted() bool { return as.find.Typing() || as.findQ != "" }

// topicHit reports whether row i's topic, once read, holds the filter.
func (as *asksScreen) topicHit(i int) bool {
	return i < as.topics.foldN && strings.Contains(as.topics.fold[i], as.findQ)
}

// topicProgress is what the status line says of the background reading,
// "" once it is done (or not started).
func (as *asksScreen) topicProgress() string {
	t := &as.topics
	switch {
	case t.err != "":
		return t.err
	case !as.findWanted() || t.foldN >= len(as.rows):
		return ""
	}
	return "reading topics " + strconv.Itoa(t.foldN*100/max(len(as.rows), 1)) + "%"
}
