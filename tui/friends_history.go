package tui

// This file follows the friends screen's selection: which friend is under
// the cursor, loading their history when the cursor rests, and their
// verdict.

import (
	"kith/policy"
	"time"

	tea "charm.land/bubbletea/v2"
)

// selected is the index of the selected friend, or -1: the one under the
// cursor, or the one held while the rows cannot show them yet (held),
// when the dataset has them.
func (f *friendsScreen) selected() int {
	if f.held() {
		return f.d.index(f.pendingSel)
	}
	if f.cursor < 0 || f.cursor >= len(f.rows) {
		return -1
	}
	return int(f.rows[f.cursor])
}

// selectionChanged notes the selected friend and, if its history is shown
// and not loaded (or force), asks for it after historyDelay.
func (f *friendsScreen) selectionChanged(force bool) tea.Cmd {
	sel := f.selected()
	var id uint64
	if sel >= 0 {
		id = f.d.friends[sel].ID
	}
	if id != f.selID {
		f.detailOff = 0
	}
	f.selID = id
	if id == 0 || !f.detailShown() {
		return nil
	}
	if !force && f.hist.id == id && f.hist.gen == f.d.gen {
		return nil
	}
	f.histToken++
	t := f.histToken
	return tea.Tick(historyDelay, func(time.Time) tea.Msg { return historyWantMsg{token: t} })
}

func (f *friendsScreen) handleHistoryWant(msg historyWantMsg) tea.Cmd {
	if msg.token != f.histToken || f.selID == 0 {
		return nil
	}
	id, gen, st := f.selID, f.d.gen, f.c.st
	return func() tea.Msg {
		asks, favors, err := st.History(id)
		return historyMsg{id: id, gen: gen, asks: asks, favors: favors, err: err}
	}
}

func (f *friendsScreen) handleHistory(msg historyMsg) {
	if msg.id != f.selID || (f.hist.id == msg.id && msg.gen < f.hist.gen) {
		return // for another friend, or older than what is shown
	}
	f.hist = history{id: msg.id, gen: msg.gen, ok: msg.err == nil, asks: msg.asks, favors: msg.favors, err: msg.err}
}

// ensureVerdicts judges the visible friends not judged yet.
func (f *friendsScreen) ensureVerdicts() {
	if f.d.len() == 0 || len(f.have) != f.d.len() {
		return
	}
	n := max(f.listRows(), 1)
	now := f.c.now()
	for r := f.offset; r < min(f.offset+n, len(f.rows)); r++ {
		f.verdict(int(f.rows[r]), now)
	}
	if sel := f.selected(); sel >= 0 {
		f.verdict(sel, now)
	}
}

func (f *friendsScreen) verdict(i int, now time.Time) {
	if !f.d.hasHistory(i) || f.have[i] {
		return
	}
	_, v := f.judge(i, now)
	f.verd[i] = badgeOf(v)
	f.have[i] = true
}

// judge is friend i's full verdict, reasons included, and the request it
// is for.
func (f *friendsScreen) judge(i int, now time.Time) (policy.Request, policy.Verdict) {
	return f.c.judge(subjectOf(f.d, i), f.d.places, f.d.profile.Settings, now)
}
