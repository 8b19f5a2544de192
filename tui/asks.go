package tui

import (
	"cmp"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"kith/policy"
	"kith/store"
)

// askRow is one ask in the list: where its head is in the dataset.
type askRow struct {
	at     int64 // Ask.At in Unix nanoseconds
	id     uint64
	fi     int32 // the friend's index
	j      int32 // the ask's index in the friend's heads
	status store.Status
}

// askRowsMsg carries the rows of dataset d, newest first, and, read
// with them while the / filter is used, their index (asks_filter.go).
type askRowsMsg struct {
	d     *dataset
	rows  []askRow
	ix    *findIndex
	ixErr error
}

// askDetailMsg carries one ask in full, read for the detail view.
type askDetailMsg struct {
	as  *asksScreen
	id  uint64
	ask store.Ask
	err error
}

// askChangedMsg reports how an outcome or a thank-you was recorded.
// same is set when it changed nothing, saying what was found:
// "your chat ask to Ada was already marked helped".
type askChangedMsg struct {
	as   *asksScreen
	id   uint64
	err  error
	note string
	same string
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

// outcomes are the statuses the outcome picker offers.
var outcomes = [...]store.Status{store.StatusHelped, store.StatusDeclined, store.StatusNoResponse, store.StatusWithdrawn}

// filterDue is the status filter's "due" position: asks with a nudge.
const (
	filterAll = -1
	filterDue = -2
)

// asksScreen lists every ask, newest first, filterable by status, with
// the nudges (follow up, thank, help back) above; it records outcomes
// and thank-yous.
//
// One ask is in focus, kept by its id: the row drawn as selected, the ask
// the detail pane and the outcome picker show, and the one o, t and f act
// on. In the list the focus is always a shown row: when a reload takes
// its ask out of the filter, the focus moves to the row now in its place.
// While the detail or the picker is open the focus stays on its ask, even
// out of the filter (the detail says so); back in the list, it moves on.
type asksScreen struct {
	c      *common
	d      *dataset
	rows   []askRow
	rowsD  *dataset // the dataset rows index into (d may be newer)
	loaded bool
	shown  []int32 // indexes into rows after the filter
	filter int     // filterAll, filterDue, or an index into store.Statuses()

	nudges []policy.Nudge
	dueAsk map[uint64]policy.NudgeKind
	// dueFocus: the due list has the focus (tab), on nudge dueCur;
	// dueOff is its scroll (asks_due.go).
	dueFocus       bool
	dueCur, dueOff int

	focusID uint64 // the ask in focus, 0 for none
	// focusRow and focusPos are where the focus is in rows and in shown,
	// -1 where it is not; they change with focusID (focusAt) and with
	// rows and shown (refilter), nowhere else. Scanning 1M asks for the
	// focus instead took 17-35 ms a frame (BenchmarkAsksDetailKeyStore).
	focusRow, focusPos int
	// cursor is where the focus is in shown; while the focus is held out
	// of the filter, the place it had.
	cursor, offset int

	open      bool       // the detail pane is open on the focus
	detail    *store.Ask // the focus in full once read, nil until then
	detailErr string
	detailOff int // the detail's scroll

	picking bool // the outcome picker is open on the focus
	pick    int
	note    textinput.Model

	// the / filter (asks_filter.go): the field (filterfield.go), its
	// folded text, the index of rows (nil until built), and which of its
	// friends and topics hold the text (nil: none, with findQ set)
	find        filterField
	findQ       string
	fix         *findIndex
	fixErr      string
	indexing    bool
	findFriends []uint64
	findTopics  []uint64

	topics askTopics // the TOPIC column's and the filter's (asks_topics.go)

	// same is what the last outcome or thank-you found, when it changed
	// nothing: the next u says so, and what it would take back instead
	// (peekUndoCmd), rather than silently taking back an older change.
	same string

	busy bool
	err  string
	w, h int
}

// newAsks opens the Asks screen on d.
func newAsks(c *common, d *dataset) *asksScreen {
	as := &asksScreen{c: c, d: d, filter: filterAll, focusRow: -1, focusPos: -1}
	as.note = textinput.New()
	as.note.Prompt = ""
	as.note.Placeholder = "optional note, e.g. she introduced me to Marco"
	as.note.CharLimit = 500
	as.note.SetStyles(c.styles.Input)
	as.find = newFilterField(c, "a friend's name or organisation, or a topic", store.MaxName)
	as.resetTopics()
	return as
}

// Init builds the rows and the nudges.
func (as *asksScreen) Init() tea.Cmd {
	return tea.Batch(askRowsCmd(as.d), dueCountCmd(as.d, as.c.now()))
}

// restyle applies the theme to the outcome note.
func (as *asksScreen) restyle() {
	as.note.SetStyles(as.c.styles.Input)
	as.find.restyle(as.c)
}

// SetSize sets the screen's size.
func (as *asksScreen) SetSize(w, h int) {
	as.w, as.h = max(w, 0), max(h, 0)
	as.note.SetWidth(max(as.w-labelWidth-4, 1))
	as.find.SetWidth(as.w - 2)
	as.scroll()
}

// Capturing is true while the outcome note is typed.
func (as *asksScreen) Capturing() bool { return as.picking || as.find.Typing() }

// Unsaved is true while an outcome note is typed and not yet recorded.
func (as *asksScreen) Unsaved() bool {
	return as.picking && strings.TrimSpace(as.note.Value()) != ""
}

// Update handles keys, rows, nudges and reloads, then reads the topics
// the screen now needs (asks_topics.go).
func (as *asksScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	cmd := as.update(msg)
	if t1, t2 := as.visibleTopics(), as.indexFind(); t1 != nil || t2 != nil {
		cmd = tea.Batch(cmd, t1, t2)
	}
	return as, cmd
}

func (as *asksScreen) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return as.handleKey(msg)
	case dataMsg:
		if msg.d.partial {
			return nil
		}
		as.d = msg.d
		if as.findWanted() {
			return askRowsIndexedCmd(as, msg.d)
		}
		return askRowsCmd(msg.d) // the root works out the nudges
	case askRowsMsg:
		if msg.d == as.d {
			as.rows, as.rowsD, as.loaded = msg.rows, msg.d, true
			as.resetTopics()
			as.indexing = false
			as.setIndex(msg.ix, msg.ixErr)
			if as.findQ != "" {
				as.setFind(as.find.Value()) // the index of the new rows
			}
			as.refilter(as.cursor)
		}
	case dueCountMsg:
		if msg.gen == as.d.gen {
			as.setNudges(msg.nudges)
		}
	case topicsMsg:
		if msg.as == as {
			as.gotTopics(msg)
		}
	case findIndexMsg:
		if msg.as == as {
			as.gotFindIndex(msg)
		}
	case askDetailMsg:
		// a read for an ask no longer in focus, or for a detail since
		// closed, is dropped
		if msg.as == as && as.open && msg.id == as.focusID {
			if msg.err != nil {
				as.detailErr = "cannot read the ask: " + msg.err.Error()
			} else {
				a := msg.ask
				as.detail, as.detailErr = &a, ""
			}
		}
	case noteMsg:
		if msg.as == as {
			if msg.err != "" {
				as.err = msg.err
				return nil
			}
			return push(msg.note)
		}
	case askChangedMsg:
		if msg.as == as {
			as.busy = false
			if msg.err != nil {
				as.err = "not recorded: " + errText(msg.err)
				return nil
			}
			as.closePicker()
			as.same = msg.same
			cmd := tea.Batch(reload, flash(msg.note, false))
			if as.open && as.focusID == msg.id {
				cmd = tea.Batch(cmd, as.loadDetail())
			}
			return cmd
		}
	case tea.MouseWheelMsg:
		return as.handleWheel(msg)
	case clickMsg:
		return as.handleClick(msg)
	case resumeMsg:
		if msg.as == as {
			return as.handleResume(msg)
		}
	case tea.PasteMsg:
		if as.picking {
			var cmd tea.Cmd
			as.note, cmd = as.note.Update(msg)
			return cmd
		}
		changed, cmd := as.find.HandlePaste(msg)
		if changed {
			as.setFind(as.find.Value())
		}
		return cmd
	}
	return nil
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

func (as *asksScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := as.c.keys
	if as.busy {
		return nil
	}
	as.err = ""
	if as.picking {
		return as.handlePickKey(msg)
	}
	if as.find.Typing() {
		changed, cmd := as.find.HandleKey(k, msg)
		if changed {
			as.setFind(as.find.Value())
		}
		return cmd
	}
	if !as.open && (as.dueFocus || key.Matches(msg, k.NextPane) && len(as.nudges) > 0) {
		if !as.dueFocus {
			as.dueFocus = true
			return nil
		}
		return as.handleDueKey(msg)
	}
	if as.open {
		if key.Matches(msg, k.Back) {
			as.closeDetail()
			return nil
		}
		if off, ok := k.scrollBy(msg, as.detailOff, as.h-1, as.detailMax()); ok {
			as.detailOff = off
			return nil
		}
		if !key.Matches(msg, k.Outcome) && !key.Matches(msg, k.Thank) && !key.Matches(msg, k.Favor) && !key.Matches(msg, k.NextNote) && !key.Matches(msg, k.Undo) && !key.Matches(msg, k.Compose) {
			return nil // the list keys wait until the ask is closed
		}
	}
	switch {
	case key.Matches(msg, k.ClearFilter) && as.findQ != "":
		as.find.Clear()
		as.setFind("")
	case key.Matches(msg, k.Back):
		return pop
	case key.Matches(msg, k.Filter):
		return as.find.Start(as.find.Value())
	case isMove(k, msg):
		d, _ := k.moveBy(msg, as.listRows()-1, len(as.shown))
		as.focusAt(as.cursor + d)
	case key.Matches(msg, k.StatusFilter):
		as.filter = nextFilter(as.filter)
		as.refilter(0)
	case key.Matches(msg, k.Undo):
		if same := as.same; same != "" {
			as.same = ""
			return peekUndoCmd(as.c, same)
		}
		return undoCmd(as.c)
	case key.Matches(msg, k.Compose):
		return as.resume()
	case key.Matches(msg, k.Open):
		if as.target() != nil {
			as.open, as.detail, as.detailErr, as.detailOff = true, nil, "", 0
			return as.loadDetail()
		}
	case key.Matches(msg, k.Outcome):
		if as.target() != nil {
			as.picking, as.pick = true, 0
			as.note.SetValue("")
			return as.note.Focus()
		}
	case key.Matches(msg, k.Thank):
		return as.thank()
	case key.Matches(msg, k.NextNote):
		return as.noteCmd()
	case key.Matches(msg, k.Favor):
		if r := as.target(); r != nil {
			_, fr := as.head(r)
			f := *fr
			return push(newFavorForm(as.c, &f))
		}
	}
	return nil
}

// closeDetail goes back to the list, where the focus moves on if its
// ask has left the filter.
func (as *asksScreen) closeDetail() {
	as.open, as.detail, as.detailErr = false, nil, ""
	as.placeFocus(as.cursor)
}

// closePicker closes the outcome picker, back to the detail or the list.
func (as *asksScreen) closePicker() {
	as.picking = false
	as.note.Blur()
	as.placeFocus(as.cursor)
}

func (as *asksScreen) handlePickKey(msg tea.KeyPressMsg) tea.Cmd {
	k := as.c.keys
	switch {
	case key.Matches(msg, k.Back):
		as.closePicker()
		return nil
	case key.Matches(msg, k.PickUp):
		as.pick = (as.pick + len(outcomes) - 1) % len(outcomes)
		return nil
	case key.Matches(msg, k.PickDown):
		as.pick = (as.pick + 1) % len(outcomes)
		return nil
	case key.Matches(msg, k.Open), key.Matches(msg, k.Save):
		return as.setOutcome(outcomes[as.pick], as.note.Value())
	}
	var cmd tea.Cmd
	as.note, cmd = as.note.Update(msg)
	return cmd
}

// loadDetail reads the ask in focus in full (topic, body, outcome).
func (as *asksScreen) loadDetail() tea.Cmd {
	r := as.focused()
	if r == nil {
		return nil
	}
	_, fr := as.head(r)
	id, fid, st := r.id, fr.ID, as.c.st
	return func() tea.Msg {
		asks, _, err := st.History(fid)
		if err != nil {
			return askDetailMsg{as: as, id: id, err: err}
		}
		for _, a := range asks {
			if a.ID == id {
				return askDetailMsg{as: as, id: id, ask: a}
			}
		}
		return askDetailMsg{as: as, id: id, err: store.ErrNotFound}
	}
}
