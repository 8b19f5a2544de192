package tui

import (
	"cmp"
	"slices"

	tea "charm.land/bubbletea/v2"

	"kith/policy"
	"kith/store"
)

// The asks screen's rows: built from the dataset, filtered by status,
// due and the / filter, and the ask in focus among them.

// askRow is one ask in the list: where its head is in the dataset.
type askRow struct {
	at     int64 // Ask.At in Unix nanoseconds
	id     uint64
	fi     int32 // the friend's index
	j      int32 // the ask's index in the friend's heads
	status store.Status
}

func askRowsCmd(d *dataset) tea.Cmd {
	return func() tea.Msg { return askRowsMsg{d: d, rows: buildAskRows(d)} }
}

// buildAskRows lists every ask of d, newest first.
func buildAskRows(d *dataset) []askRow {
	var rows []askRow
	for i := range d.friends {
		for j, a := range d.asksOf(i) {
			rows = append(rows, askRow{at: a.At(), id: a.ID, fi: int32(i), j: int32(j), status: a.Status()})
		}
	}
	slices.SortFunc(rows, func(a, b askRow) int {
		if c := cmp.Compare(b.at, a.at); c != 0 {
			return c
		}
		return cmp.Compare(b.id, a.id)
	})
	return rows
}

func (as *asksScreen) setNudges(ns []policy.Nudge) {
	as.nudges = ns
	as.dueAsk = make(map[uint64]policy.NudgeKind, len(ns))
	for _, n := range ns {
		if n.AskID != 0 {
			as.dueAsk[n.AskID] = n.Kind
		}
	}
	if as.filter == filterDue {
		as.refilter(as.cursor)
	}
}

// refilter applies the status filter and places the focus (placeFocus):
// if it has to move, to shown row fallback.
func (as *asksScreen) refilter(fallback int) {
	as.shown = as.shown[:0]
	as.focusRow, as.focusPos = -1, -1
	var want store.Status
	if as.filter >= 0 {
		want = store.Statuses()[as.filter]
	}
	find := as.finder()
	for i := range as.rows {
		r := &as.rows[i]
		focus := r.id == as.focusID
		if focus {
			as.focusRow = i
		}
		if find.on && !find.hit(i, r) {
			continue
		}
		switch {
		case as.filter == filterAll,
			as.filter == filterDue && as.dueAsk[r.id] != "",
			as.filter >= 0 && r.status == want:
			if focus {
				as.focusPos = len(as.shown)
			}
			as.shown = append(as.shown, int32(i))
		}
	}
	as.placeFocus(fallback)
}

// placeFocus keeps the cursor on the focus. A focus the filter hides
// stays while the detail or the picker holds it; otherwise it moves to
// shown row p (the nearest, if there are fewer rows).
func (as *asksScreen) placeFocus(p int) {
	switch {
	case as.focusPos >= 0:
		as.cursor = as.focusPos
	case as.holding():
		as.cursor = max(min(as.cursor, len(as.shown)-1), 0)
	default:
		as.focusAt(p)
		return
	}
	as.scroll()
}

// holding reports whether one ask is shown on its own (the detail or the
// outcome picker): the focus stays on it whatever the filter shows.
func (as *asksScreen) holding() bool { return as.open || as.picking }

// focusAt puts the focus on shown row p (the nearest row if out of range;
// none if no row is shown).
func (as *asksScreen) focusAt(p int) {
	as.cursor = max(min(p, len(as.shown)-1), 0)
	as.focusID, as.focusRow, as.focusPos = 0, -1, -1
	if len(as.shown) > 0 {
		as.focusRow, as.focusPos = int(as.shown[as.cursor]), as.cursor
		as.focusID = as.rows[as.focusRow].id
	}
	as.scroll()
}

// focused is the row of the ask in focus: nil if none is, or if it is no
// longer in the database.
func (as *asksScreen) focused() *askRow {
	if as.focusRow < 0 {
		return nil
	}
	return &as.rows[as.focusRow]
}

// target is the focus a key acts on; nil, with the reason set, if its ask
// is gone.
func (as *asksScreen) target() *askRow {
	r := as.focused()
	if r == nil && as.focusID != 0 {
		as.err = "this ask is no longer in the database (changed elsewhere); esc goes back to the list"
	}
	return r
}

// nextFilter is the status filter after f: all, each status in turn,
// due, and back to all.
func nextFilter(f int) int {
	switch {
	case f == filterAll:
		return 0
	case f == filterDue:
		return filterAll
	case f+1 >= len(store.Statuses()):
		return filterDue
	}
	return f + 1
}

func (as *asksScreen) filterName() string {
	switch as.filter {
	case filterAll:
		return "all"
	case filterDue:
		return "due"
	}
	return string(store.Statuses()[as.filter])
}

// head is the ask of row r (its facts: no topic, body or outcome).
func (as *asksScreen) head(r *askRow) (store.AskFact, *store.Friend) {
	d := as.rowsD
	asks := d.asksOf(int(r.fi))
	if int(r.j) >= len(asks) {
		return store.AskFact{}, &d.friends[r.fi]
	}
	return asks[r.j], &d.friends[r.fi]
}
