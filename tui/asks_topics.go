package tui

import (
	tea "charm.land/bubbletea/v2"
)

// The asks screen's TOPIC column. The rows come from the asks-by-friend
// index, whose heads hold no topic (store.AskFact), so the topics of the
// rows on screen are read in a Cmd (store.AskTopics, one transaction for
// them), kept by ask id until the database changes, and shown as "…"
// until they arrive. The / filter reads every topic once, for its index
// (asks_filter.go).

// topicsMsg carries the topics of the asks ids, read for the rows of d.
type topicsMsg struct {
	as     *asksScreen
	d      *dataset
	ids    []uint64
	topics []string
	err    error
}

// askTopics is the screen's knowledge of the topics of its rows.
type askTopics struct {
	byID  map[uint64]string   // topics read, by ask id
	prev  map[uint64]string   // those of the previous rows, shown until read again
	asked map[uint64]struct{} // ids whose read is under way
	err   string              // why the last read failed
}

// resetTopics forgets the topics: the rows are those of a new dataset.
func (as *asksScreen) resetTopics() {
	t := &as.topics
	if len(t.byID) > 0 {
		t.prev = t.byID
	}
	t.byID, t.asked, t.err = map[uint64]string{}, map[uint64]struct{}{}, ""
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

// topicProgress is what the status line says of the topics: a read
// that failed, or the / filter's index being built (asks_filter.go).
func (as *asksScreen) topicProgress() string {
	if as.topics.err != "" {
		return as.topics.err
	}
	return as.findProgress()
}
