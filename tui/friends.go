package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"kith/store"
)

// historyWantMsg fires a moment after the selection settles; token says
// whether it still does.
type historyWantMsg struct{ token uint64 }

// historyMsg carries one friend's full asks and favors.
type historyMsg struct {
	id     uint64
	gen    uint64
	asks   []store.Ask
	favors []store.Favor
	err    error
}

// readyMsg carries every friend's verdict and the readiness order for the
// dataset of generation gen.
type readyMsg struct {
	gen   uint64
	verd  []badge
	order []int32
}

// sortMode is the order of the list.
type sortMode int

const (
	sortName sortMode = iota
	sortReady
	sortLast
	numSorts
)

func (s sortMode) String() string {
	switch s {
	case sortReady:
		return "readiness"
	case sortLast:
		return "last ask"
	}
	return "name"
}

// historyDelay is how long the selection must rest before its history is
// read, so holding j does not open the database for every row.
const historyDelay = 80 * time.Millisecond

// wideWidth is the width from which the detail pane sits right of the list.
const wideWidth = 100

type history struct {
	id     uint64
	gen    uint64
	ok     bool
	asks   []store.Ask
	favors []store.Favor
	err    error
}

// friendsScreen is the home screen: the list of friends, filter, sort and
// the detail pane.
type friendsScreen struct {
	c       *common
	d       *dataset
	ix      *index // nil until built for d
	loaded  bool   // a load has landed
	loadErr error  // the last load's error, shown until a load lands
	w       int
	h       int

	sort         sortMode
	showArchived bool
	base         []int32 // friends shown before filtering, in sort order
	rows         []int32 // friends shown
	query        string  // the filter applied (as typed)
	filter       filterField

	cursor, offset int
	selID          uint64
	pendingSel     uint64 // a friend to select once a load shows them
	pendingRow     int    // with pendingSel, the row they were on
	pendingName    string // with pendingSel, their name if known

	verd         []badge // the detail judges afresh
	have         []bool
	byReady      []int32
	readyPending bool

	focusDetail bool // wide: keys scroll the detail pane
	detailFull  bool // narrow: the detail pane fills the screen
	detailOff   int

	hist      history
	histToken uint64

	// Before every friend is read (the loaded dataset is a first page),
	// the filter is answered from hay, every friend's haystack, and a
	// read of the first matches (pageOfCmd): pageD is then the page, kept
	// while d is the answer shown; searching is set while a read is under
	// way, searches counts them (their generations).
	hay       *haystack
	pageD     *dataset
	searching bool
	searches  uint64
}

func newFriendsScreen(c *common) *friendsScreen {
	f := &friendsScreen{c: c, d: newDataset(0, time.Time{}, nil, nil, nil, store.DefaultProfile())}
	f.filter = newFilterField(c, "name, org, sector, notes", 200)
	return f
}

// Init does nothing: the root loads the data.
func (f *friendsScreen) Init() tea.Cmd { return nil }

// restyle applies the theme to the filter.
func (f *friendsScreen) restyle() { f.filter.restyle(f.c) }

// SetSize sets the screen's size.
func (f *friendsScreen) SetSize(w, h int) {
	f.w, f.h = max(w, 0), max(h, 0)
	f.filter.SetWidth(f.listWidth() - 3)
	f.scrollIntoView()
	f.ensureVerdicts()
}

// Capturing is true while the filter is being typed.
func (f *friendsScreen) Capturing() bool { return f.filter.Typing() }

// Unsaved is false: the filter is a search, not something to keep.
func (f *friendsScreen) Unsaved() bool { return false }

// Update handles keys, the wheel and data messages.
func (f *friendsScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return f, f.handleKey(msg)
	case tea.MouseWheelMsg:
		return f, f.handleWheel(msg)
	case clickMsg:
		return f, f.handleClick(msg)
	case dataMsg:
		f.loadErr = nil
		return f, f.handleData(msg.d)
	case loadErrMsg:
		f.loadErr = msg.err
		return f, nil
	case readyMsg:
		return f, f.handleReady(msg)
	case indexedMsg:
		return f, f.handleIndexed(msg)
	case searchedMsg:
		return f, f.handleSearched(msg)
	case haystackMsg:
		return f, f.handleHaystack(msg)
	case resizedMsg:
		// widened: the side pane may show now, and wants the history
		// (it showed favors as bare dates until the cursor moved)
		return f, f.selectionChanged(false)
	case historyWantMsg:
		return f, f.handleHistoryWant(msg)
	case historyMsg:
		f.handleHistory(msg)
		return f, nil
	case selectMsg:
		return f, f.handleSelect(msg)
	}
	if paste, ok := msg.(tea.PasteMsg); ok {
		return f, f.handleFilterPaste(paste)
	}
	return f, f.filter.Update(msg)
}

// ----- keys -----

func (f *friendsScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case f.filter.Typing():
		return f.handleFilterKey(msg)
	case f.detailFull || f.focusDetail:
		return f.handleDetailKey(msg)
	}
	return f.handleListKey(msg)
}

// handleFilterKey is a key typed into the filter (filterField): the
// list filtered again when the text changed.
func (f *friendsScreen) handleFilterKey(msg tea.KeyPressMsg) tea.Cmd {
	changed, cmd := f.filter.HandleKey(f.c.keys, msg)
	if !changed {
		return cmd
	}
	return tea.Batch(cmd, f.setQuery(f.filter.Value()), f.selectionChanged(false))
}

// handleFilterPaste is text pasted into the filter while it is typed.
func (f *friendsScreen) handleFilterPaste(msg tea.PasteMsg) tea.Cmd {
	changed, cmd := f.filter.HandlePaste(msg)
	if !changed {
		return cmd
	}
	return tea.Batch(cmd, f.setQuery(f.filter.Value()), f.selectionChanged(false))
}

func (f *friendsScreen) handleDetailKey(msg tea.KeyPressMsg) tea.Cmd {
	k := f.c.keys
	switch {
	case key.Matches(msg, k.Back):
		f.detailFull, f.focusDetail = false, false
		return nil
	case key.Matches(msg, k.NextPane):
		if f.wide() {
			f.focusDetail = false
		}
		return nil
	}
	if off, ok := k.scrollBy(msg, f.detailOff, f.h-2, f.detailMax()); ok {
		f.detailOff = off
		return nil
	}
	return f.handleAction(msg)
}

func (f *friendsScreen) handleListKey(msg tea.KeyPressMsg) tea.Cmd {
	k := f.c.keys
	if d, ok := k.moveBy(msg, f.listRows()-1, len(f.rows)); ok {
		return f.move(d)
	}
	switch {
	case key.Matches(msg, k.Filter):
		return f.filter.Start(f.query)
	case key.Matches(msg, k.ClearFilter):
		if f.query == "" {
			return nil
		}
		f.filter.Clear()
		return tea.Batch(f.setQuery(""), f.selectionChanged(false))
	case key.Matches(msg, k.Sort):
		return f.cycleSort()
	case key.Matches(msg, k.ShowArchived):
		f.showArchived = !f.showArchived
		cmd := f.notShown(f.rebuild(true), "")
		if f.early() && f.d.search != "" {
			cmd = tea.Batch(cmd, f.startSearch())
		}
		return tea.Batch(cmd, f.selectionChanged(false))
	case key.Matches(msg, k.Open):
		if f.selected() < 0 {
			return nil
		}
		f.detailOff = 0
		if f.wide() {
			f.focusDetail = true
		} else {
			f.detailFull = true
		}
		return f.selectionChanged(true)
	case key.Matches(msg, k.NextPane):
		if f.wide() && f.selected() >= 0 {
			f.focusDetail = true
		}
		return nil
	}
	return f.handleAction(msg)
}

// handleAction handles the keys that work from the list and the detail.
func (f *friendsScreen) handleAction(msg tea.KeyPressMsg) tea.Cmd {
	k := f.c.keys
	sel := f.selected()
	switch {
	case key.Matches(msg, k.Add):
		return push(newFriendForm(f.c, nil))
	case key.Matches(msg, k.Profile):
		return push(newProfileForm(f.c, f.d.profile))
	case key.Matches(msg, k.Asks):
		return push(newAsks(f.c, f.d))
	case key.Matches(msg, k.WhoElse):
		return f.whoElse(sel)
	case key.Matches(msg, k.Undo):
		return undoCmd(f.c)
	case sel < 0:
		return nil
	case key.Matches(msg, k.Compose):
		return f.compose(sel)
	case key.Matches(msg, k.Edit):
		fr := f.d.friends[sel]
		return push(newFriendForm(f.c, &fr))
	case key.Matches(msg, k.Favor):
		fr := f.d.friends[sel]
		return push(newFavorForm(f.c, &fr))
	case key.Matches(msg, k.Archive):
		fr := f.d.friends[sel]
		return push(newArchiveConfirm(f.c, &fr))
	}
	return nil
}

func (f *friendsScreen) handleWheel(msg tea.MouseWheelMsg) tea.Cmd {
	step := wheelDelta(msg)
	if step == 0 {
		return nil
	}
	if f.detailFull || f.focusDetail {
		f.detailOff = min(max(f.detailOff+step, 0), f.detailMax())
		return nil
	}
	return f.move(step)
}

func (f *friendsScreen) cycleSort() tea.Cmd {
	f.sort = (f.sort + 1) % numSorts
	var cmd tea.Cmd
	if f.sort == sortReady {
		cmd = f.startReady()
	}
	f.rebuild(true)
	return tea.Batch(cmd, f.selectionChanged(false))
}

// move moves the cursor by delta rows.
func (f *friendsScreen) move(delta int) tea.Cmd {
	f.pendingSel = 0 // the user chose
	f.cursor += delta
	f.clampCursor()
	return f.selectionChanged(false)
}

func (f *friendsScreen) clampCursor() {
	f.cursor = min(f.cursor, len(f.rows)-1)
	f.cursor = max(f.cursor, 0)
	f.scrollIntoView()
	f.ensureVerdicts()
}

func (f *friendsScreen) scrollIntoView() {
	f.offset = keepInView(f.cursor, f.offset, f.listRows(), len(f.rows))
}

// keepInView returns the first row to show of total rows, rows at a time,
// so that the cursor is on screen, moving the old offset as little as
// possible.
func keepInView(cursor, offset, rows, total int) int {
	if rows <= 0 {
		return 0
	}
	if cursor < offset {
		offset = cursor
	}
	if cursor >= offset+rows {
		offset = cursor - rows + 1
	}
	return max(min(offset, total-rows), 0)
}
