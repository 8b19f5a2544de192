package tui

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"kith/policy"
	"kith/store"
)

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

// Update handles keys, rows, nudges and reloads, keeps the focus in
// view, then reads the topics the screen now needs (asks_topics.go) and
// builds the / filter's index once it is used (asks_filter.go).
func (as *asksScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	cmd := as.update(msg)
	as.scroll() // the list's rows change with the error's lines
	if t1, t2 := as.visibleTopics(), as.indexFind(); t1 != nil || t2 != nil {
		cmd = tea.Batch(cmd, t1, t2)
	}
	return as, cmd
}

// update dispatches msg to its handler; messages of another screen (an
// older asks screen's reads) are dropped.
func (as *asksScreen) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return as.handleKey(msg) // asks_keys.go
	case tea.PasteMsg:
		return as.handlePaste(msg)
	case tea.MouseWheelMsg:
		return as.handleWheel(msg)
	case clickMsg:
		return as.handleClick(msg)
	case dataMsg:
		return as.handleData(msg)
	case askRowsMsg:
		as.handleRows(msg)
	case dueCountMsg:
		if msg.gen == as.d.gen {
			as.setNudges(msg.nudges)
		}
	case topicsMsg:
		if msg.as == as {
			as.gotTopics(msg) // asks_topics.go
		}
	case findIndexMsg:
		if msg.as == as {
			as.gotFindIndex(msg) // asks_filter.go
		}
	case askDetailMsg:
		if msg.as == as {
			as.handleDetail(msg)
		}
	case noteMsg:
		if msg.as == as {
			return as.handleNote(msg)
		}
	case askChangedMsg:
		if msg.as == as {
			return as.handleChanged(msg)
		}
	case resumeMsg:
		if msg.as == as {
			return as.handleResume(msg) // asks_resume.go
		}
	}
	return nil
}

// handleData builds the rows of a new load, with their index while the /
// filter is used; the root works out the nudges.
func (as *asksScreen) handleData(msg dataMsg) tea.Cmd {
	if msg.d.partial {
		return nil
	}
	as.d = msg.d
	if as.findWanted() {
		return askRowsIndexedCmd(as, msg.d)
	}
	return askRowsCmd(msg.d)
}

// handleRows shows the rows of the current load, filtered again.
func (as *asksScreen) handleRows(msg askRowsMsg) {
	if msg.d != as.d {
		return
	}
	as.rows, as.rowsD, as.loaded = msg.rows, msg.d, true
	as.resetTopics()
	as.indexing = false
	as.setIndex(msg.ix, msg.ixErr)
	if as.findQ != "" {
		as.setFind(as.find.Value()) // the index of the new rows
	}
	as.refilter(as.cursor)
}

// handleDetail shows the ask read for the detail; a read for an ask no
// longer in focus, or for a detail since closed, is dropped.
func (as *asksScreen) handleDetail(msg askDetailMsg) {
	if !as.open || msg.id != as.focusID {
		return
	}
	if msg.err != nil {
		as.detailErr = "cannot read the ask: " + msg.err.Error()
		return
	}
	a := msg.ask
	as.detail, as.detailErr = &a, ""
}

// handleNote opens the next note's screen, or says why it cannot.
func (as *asksScreen) handleNote(msg noteMsg) tea.Cmd {
	if msg.err != "" {
		as.err = msg.err
		return nil
	}
	return push(msg.note)
}

// handleChanged closes the picker on a recorded outcome or thank-you and
// reloads, or says why it was not recorded.
func (as *asksScreen) handleChanged(msg askChangedMsg) tea.Cmd {
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

// handlePaste pastes into the outcome note or the / filter.
func (as *asksScreen) handlePaste(msg tea.PasteMsg) tea.Cmd {
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
