package tui

import (
	"slices"
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"kith/policy"
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
	verd  []policy.Verdict
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
	filter       textinput.Model
	filtering    bool

	cursor, offset int
	selID          uint64
	pendingSel     uint64 // a friend to select once a load shows them

	verd         []policy.Verdict // without reasons; the detail judges afresh
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
	f.filter = textinput.New()
	f.filter.Prompt = "/"
	f.filter.Placeholder = "name, org, sector, notes"
	f.filter.CharLimit = 200
	f.filter.SetStyles(c.styles.Input)
	return f
}

// Init does nothing: the root loads the data.
func (f *friendsScreen) Init() tea.Cmd { return nil }

// restyle applies the theme to the filter.
func (f *friendsScreen) restyle() { f.filter.SetStyles(f.c.styles.Input) }

// SetSize sets the screen's size.
func (f *friendsScreen) SetSize(w, h int) {
	f.w, f.h = max(w, 0), max(h, 0)
	f.filter.SetWidth(max(f.listWidth()-3, 1))
	f.scrollIntoView()
	f.ensureVerdicts()
}

// Capturing is true while the filter is being typed.
func (f *friendsScreen) Capturing() bool { return f.filtering }

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
		f.handleIndexed(msg)
		return f, nil
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
	if f.filtering {
		var cmd tea.Cmd
		f.filter, cmd = f.filter.Update(msg)
		return f, cmd
	}
	return f, nil
}

// ----- data -----

func (f *friendsScreen) handleData(d *dataset) tea.Cmd {
	if f.ix != nil && f.ix.base != d.base {
		f.ix = nil
	}
	if f.ix == nil && d.ix != nil {
		f.ix = d.ix // built by the load step
	}
	needIndex := f.ix == nil
	f.pageD, f.searching, f.hay = nil, false, nil // for the load before
	f.d = d
	f.loaded = true
	n := d.len()
	f.verd = make([]policy.Verdict, n)
	f.have = make([]bool, n)
	f.byReady = nil
	f.readyPending = false
	var cmd tea.Cmd
	if f.sort == sortReady {
		cmd = f.startReady()
	}
	if needIndex {
		cmd = tea.Batch(cmd, indexCmd(d))
	}
	f.rebuild(true)
	if !d.partial {
		f.pendingSel = 0 // not shown even now: give up
	}
	if d.page && f.query != "" {
		cmd = tea.Batch(cmd, f.startSearch())
	}
	return tea.Batch(cmd, f.selectionChanged(true))
}

// handleSelect selects friend msg.id, now if shown, else once the next
// load lands (rebuild keeps selID).
func (f *friendsScreen) handleSelect(msg selectMsg) tea.Cmd {
	f.pendingSel = msg.id
	f.rebuild(true)
	return f.selectionChanged(false)
}

func (f *friendsScreen) handleIndexed(msg indexedMsg) {
	if msg.ix.base != f.d.base {
		return // for an older load
	}
	f.ix = msg.ix
	f.rebuild(true)
}

func (f *friendsScreen) startReady() tea.Cmd {
	if f.byReady != nil || f.readyPending || f.d.partial {
		return nil
	}
	f.readyPending = true
	return readyCmd(f.d, f.c.judge, f.c.now())
}

// readyCmd judges every friend in the background and sorts them by
// readiness: level (policy.Levels' order), then score (higher first),
// then name; organisations' cards, never asked, last.
func readyCmd(d *dataset, judge Judge, now time.Time) tea.Cmd {
	return func() tea.Msg {
		n := d.len()
		verd := make([]policy.Verdict, n)
		for i := range n {
			_, verd[i] = judge(subjectOf(d, i), d.places, d.profile.Settings, now)
			verd[i].Reasons = nil // the list needs none; the detail judges afresh
		}
		order := slices.Clone(d.byName)
		slices.SortFunc(order, func(a, b int32) int {
			if pa, pb := d.friends[a].IsPerson(), d.friends[b].IsPerson(); pa != pb {
				if pa {
					return -1
				}
				return 1
			}
			va, vb := &verd[a], &verd[b]
			if va.Level != vb.Level {
				return int(va.Level) - int(vb.Level)
			}
			if va.Score != vb.Score {
				return vb.Score - va.Score
			}
			return int(d.rank[a] - d.rank[b])
		})
		return readyMsg{gen: d.gen, verd: verd, order: order}
	}
}

func (f *friendsScreen) handleReady(msg readyMsg) tea.Cmd {
	if msg.gen != f.d.gen {
		return nil // for an older load
	}
	f.readyPending = false
	f.verd = msg.verd
	f.have = make([]bool, len(msg.verd))
	for i := range f.have {
		f.have[i] = true
	}
	f.byReady = msg.order
	if f.sort == sortReady {
		f.rebuild(true)
	}
	return nil
}

// ----- keys -----

func (f *friendsScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case f.filtering:
		return f.handleFilterKey(msg)
	case f.detailFull || f.focusDetail:
		return f.handleDetailKey(msg)
	}
	return f.handleListKey(msg)
}

func (f *friendsScreen) handleFilterKey(msg tea.KeyPressMsg) tea.Cmd {
	k := f.c.keys
	switch {
	case key.Matches(msg, k.ClearFilter):
		f.filtering = false
		f.filter.Blur()
		f.filter.SetValue("")
		return tea.Batch(f.setQuery(""), f.selectionChanged(false))
	case key.Matches(msg, k.Open):
		f.filtering = false
		f.filter.Blur()
		return nil
	}
	var cmd tea.Cmd
	f.filter, cmd = f.filter.Update(msg)
	search := f.setQuery(f.filter.Value())
	return tea.Batch(cmd, search, f.selectionChanged(false))
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
		f.filtering = true
		f.filter.SetValue(f.query)
		f.filter.CursorEnd()
		return f.filter.Focus()
	case key.Matches(msg, k.ClearFilter):
		if f.query == "" {
			return nil
		}
		f.filter.SetValue("")
		return tea.Batch(f.setQuery(""), f.selectionChanged(false))
	case key.Matches(msg, k.Sort):
		return f.cycleSort()
	case key.Matches(msg, k.ShowArchived):
		f.showArchived = !f.showArchived
		f.rebuild(true)
		if f.early() && f.d.search != "" {
			return tea.Batch(f.startSearch(), f.selectionChanged(false))
		}
		return f.selectionChanged(false)
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

// ----- layout -----

func (f *friendsScreen) wide() bool { return f.w >= wideWidth }

func (f *friendsScreen) detailShown() bool {
	return f.wide() || f.detailFull
}

func (f *friendsScreen) listWidth() int {
	if f.wide() {
		return f.w * 11 / 20
	}
	return f.w
}

// listRows is how many friend rows fit: the list has a status line and a
// column header above its rows.
func (f *friendsScreen) listRows() int { return max(f.h-2, 0) }

// counts is the header's summary.
func (f *friendsScreen) counts() string {
	n := f.d.len()
	if f.d.page {
		// the first page alone: how many there are, archived or not
		return plural(f.d.total, "friend", "friends") + " · loading the rest"
	}
	s := plural(n-f.d.archived, "friend", "friends")
	if f.d.archived > 0 {
		s += " · " + strconv.Itoa(f.d.archived) + " archived"
	}
	if f.query != "" || (f.showArchived && f.d.archived > 0) {
		s += " · " + strconv.Itoa(len(f.rows)) + " shown"
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// ShortHelp is the footer's help.
func (f *friendsScreen) ShortHelp() []key.Binding {
	k := f.c.keys
	switch {
	case f.filtering:
		return []key.Binding{withHelp(k.Open, "enter", "done"), withHelp(k.ClearFilter, "esc", "clear")}
	case f.detailFull || f.focusDetail:
		return []key.Binding{k.Back, withHelp(k.Down, "j/k", "scroll"), k.Compose, k.WhoElse, k.Edit, k.Favor, k.Archive, k.Help}
	case f.d.len() == 0:
		return []key.Binding{k.Add, k.Profile, k.Help, k.Quit}
	}
	return []key.Binding{k.Filter, k.Sort, k.Open, k.Compose, k.WhoElse, k.Asks, k.Add, k.Edit, k.Favor, k.Archive, k.Help, k.Quit}
}

// FullHelp is the `?` help.
func (f *friendsScreen) FullHelp() [][]key.Binding {
	k := f.c.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown},
		{k.Filter, k.ClearFilter, k.Sort, k.ShowArchived, k.Open, k.NextPane},
		{k.Add, k.Edit, k.Favor, k.Archive, k.Undo, k.Profile, k.Compose, k.WhoElse, k.Asks},
		{k.Help, k.FieldHelp, k.Quit, k.ForceQuit},
	}
}

func withHelp(b key.Binding, k, desc string) key.Binding {
	b.SetHelp(k, desc)
	return b
}
