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

// askRowsMsg carries the rows of dataset d, newest first.
type askRowsMsg struct {
	d    *dataset
	rows []askRow
}

// askDetailMsg carries one ask in full, read for the detail view.
type askDetailMsg struct {
	as  *asksScreen
	ask store.Ask
	err error
}

// askChangedMsg reports how an outcome or a thank-you was recorded.
type askChangedMsg struct {
	as   *asksScreen
	id   uint64
	err  error
	note string
}

func askRowsCmd(d *dataset) tea.Cmd {
	return func() tea.Msg { return askRowsMsg{d: d, rows: buildAskRows(d)} }
}

// buildAskRows lists every ask of d, newest first.
func buildAskRows(d *dataset) []askRow {
	var rows []askRow
	var buf []store.Ask
	for i := range d.friends {
		buf = d.appendAsks(buf[:0], i)
		for j, a := range buf {
			rows = append(rows, askRow{at: a.At().UnixNano(), id: a.ID, fi: int32(i), j: int32(j), status: a.Status})
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

	cursor, offset int
	selID          uint64

	detail    *store.Ask // the ask shown in full, nil for the list
	detailErr string
	detailOff int // the detail's scroll

	picking bool // the outcome picker is open
	pick    int
	note    textinput.Model

	busy bool
	err  string
	w, h int
}

// newAsks opens the Asks screen on d.
func newAsks(c *common, d *dataset) *asksScreen {
	as := &asksScreen{c: c, d: d, filter: filterAll}
	as.note = textinput.New()
	as.note.Prompt = ""
	as.note.Placeholder = "optional note, e.g. she introduced me to Marco"
	as.note.CharLimit = 500
	as.note.SetStyles(c.styles.Input)
	return as
}

// Init builds the rows and the nudges.
func (as *asksScreen) Init() tea.Cmd {
	return tea.Batch(askRowsCmd(as.d), dueCountCmd(as.d, as.c.now()))
}

// SetSize sets the screen's size.
func (as *asksScreen) SetSize(w, h int) {
	as.w, as.h = max(w, 0), max(h, 0)
	as.note.SetWidth(max(as.w-labelWidth-4, 1))
	as.scroll()
}

// Capturing is true while the outcome note is typed.
func (as *asksScreen) Capturing() bool { return as.picking }

// Update handles keys, rows, nudges and reloads.
func (as *asksScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return as, as.handleKey(msg)
	case dataMsg:
		if msg.d.partial {
			return as, nil
		}
		as.d = msg.d
		return as, askRowsCmd(msg.d) // the root works out the nudges
	case askRowsMsg:
		if msg.d == as.d {
			as.rows, as.rowsD, as.loaded = msg.rows, msg.d, true
			as.refilter()
		}
	case dueCountMsg:
		if msg.gen == as.d.gen {
			as.setNudges(msg.nudges)
		}
	case askDetailMsg:
		if msg.as == as {
			if msg.err != nil {
				as.detailErr = "cannot read the ask: " + msg.err.Error()
			} else {
				a := msg.ask
				as.detail = &a
			}
		}
	case askChangedMsg:
		if msg.as == as {
			as.busy = false
			if msg.err != nil {
				as.err = "not recorded: " + msg.err.Error()
				return as, nil
			}
			as.picking = false
			cmd := tea.Batch(reload, flash(msg.note, false))
			if as.detail != nil && as.detail.ID == msg.id {
				cmd = tea.Batch(cmd, as.loadDetail(msg.id))
			}
			return as, cmd
		}
	case tea.PasteMsg:
		if as.picking {
			var cmd tea.Cmd
			as.note, cmd = as.note.Update(msg)
			return as, cmd
		}
	}
	return as, nil
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
		as.refilter()
	}
}

// refilter applies the status filter, keeping the selected ask.
func (as *asksScreen) refilter() {
	as.shown = as.shown[:0]
	var want store.Status
	if as.filter >= 0 {
		want = store.Statuses()[as.filter]
	}
	for i, r := range as.rows {
		switch {
		case as.filter == filterAll,
			as.filter == filterDue && as.dueAsk[r.id] != "",
			as.filter >= 0 && r.status == want:
			as.shown = append(as.shown, int32(i))
		}
	}
	as.cursor = 0
	for p, i := range as.shown {
		if as.rows[i].id == as.selID {
			as.cursor = p
			break
		}
	}
	as.scroll()
	as.noteSel()
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

// selected is the row under the cursor, nil if none.
func (as *asksScreen) selected() *askRow {
	if as.cursor < 0 || as.cursor >= len(as.shown) {
		return nil
	}
	return &as.rows[as.shown[as.cursor]]
}

func (as *asksScreen) noteSel() {
	if r := as.selected(); r != nil {
		as.selID = r.id
	}
}

// head is the ask of row r (a head: no topic, body or outcome).
func (as *asksScreen) head(r *askRow) (store.Ask, *store.Friend) {
	d := as.rowsD
	asks := d.asksOf(int(r.fi))
	if int(r.j) >= len(asks) {
		return store.Ask{}, &d.friends[r.fi]
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
	if as.detail != nil || as.detailErr != "" {
		if key.Matches(msg, k.Back) {
			as.detail, as.detailErr = nil, ""
			return nil
		}
		if off, ok := k.scrollBy(msg, as.detailOff, as.h-1); ok {
			as.detailOff = off
			return nil
		}
		if !key.Matches(msg, k.Outcome) && !key.Matches(msg, k.Thank) && !key.Matches(msg, k.Favor) {
			return nil // the list keys wait until the ask is closed
		}
	}
	switch {
	case key.Matches(msg, k.Back):
		return pop
	case isMove(k, msg):
		d, _ := k.moveBy(msg, as.listRows()-1, len(as.shown))
		as.move(d)
	case key.Matches(msg, k.StatusFilter):
		as.filter++
		if as.filter >= len(store.Statuses()) {
			as.filter = filterDue
		} else if as.filter == filterDue+1 {
			as.filter = 0
		}
		as.refilter()
	case key.Matches(msg, k.Open):
		if r := as.selected(); r != nil {
			as.detailOff = 0
			return as.loadDetail(r.id)
		}
	case key.Matches(msg, k.Outcome):
		if as.selected() != nil {
			as.picking, as.pick = true, 0
			as.note.SetValue("")
			return as.note.Focus()
		}
	case key.Matches(msg, k.Thank):
		return as.thank()
	case key.Matches(msg, k.Favor):
		if r := as.selected(); r != nil {
			_, fr := as.head(r)
			f := *fr
			return push(newFavorForm(as.c, &f))
		}
	}
	return nil
}

func (as *asksScreen) handlePickKey(msg tea.KeyPressMsg) tea.Cmd {
	k := as.c.keys
	switch {
	case key.Matches(msg, k.Back):
		as.picking = false
		as.note.Blur()
		return nil
	case msg.String() == "up":
		as.pick = (as.pick + len(outcomes) - 1) % len(outcomes)
		return nil
	case msg.String() == "down":
		as.pick = (as.pick + 1) % len(outcomes)
		return nil
	case key.Matches(msg, k.Open), key.Matches(msg, k.Save):
		return as.setOutcome(outcomes[as.pick], as.note.Value())
	}
	var cmd tea.Cmd
	as.note, cmd = as.note.Update(msg)
	return cmd
}

func (as *asksScreen) loadDetail(id uint64) tea.Cmd {
	r := as.selected()
	if r == nil || r.id != id {
		return nil
	}
	_, fr := as.head(r)
	fid := fr.ID
	st := as.c.st
	return func() tea.Msg {
		asks, _, err := st.History(fid)
		if err != nil {
			return askDetailMsg{as: as, err: err}
		}
		for _, a := range asks {
			if a.ID == id {
				return askDetailMsg{as: as, ask: a}
			}
		}
		return askDetailMsg{as: as, err: store.ErrNotFound}
	}
}

// setOutcome records status (and the note) on the selected ask.
func (as *asksScreen) setOutcome(status store.Status, note string) tea.Cmd {
	r := as.selected()
	if r == nil {
		return nil
	}
	id, now, st := r.id, as.c.now(), as.c.st
	note = store.CleanText(strings.TrimSpace(note), false)
	_, fr := as.head(r)
	name := clean(fr.Name)
	as.busy = true
	return func() tea.Msg {
		err := st.Batch(now, func(tx *store.Tx) error {
			a, err := tx.Ask(id)
			if err != nil {
				return err
			}
			if a.Sent.IsZero() && a.Status == store.StatusDraft && status != store.StatusWithdrawn {
				a.Sent = a.Created // an outcome means it was sent
			}
			a.Status, a.Resolved = status, now
			if note != "" {
				a.Outcome = note
			}
			return tx.PutAsk(&a)
		})
		text := "Recorded: " + name + " " + outcomeWords(status) + "."
		if status == store.StatusHelped {
			text += " Say thank you (t marks it), and look for a way to help back."
		}
		return askChangedMsg{as: as, id: id, err: err, note: text}
	}
}

func outcomeWords(s store.Status) string {
	switch s {
	case store.StatusHelped:
		return "helped"
	case store.StatusDeclined:
		return "declined"
	case store.StatusNoResponse:
		return "did not answer"
	case store.StatusWithdrawn:
		return "— the ask is withdrawn"
	}
	return string(s)
}

// thank marks a thank-you sent for the selected ask.
func (as *asksScreen) thank() tea.Cmd {
	r := as.selected()
	if r == nil {
		return nil
	}
	a, fr := as.head(r)
	if !a.Status.Made() {
		as.err = "a " + string(a.Status) + " ask has nothing to thank for"
		return nil
	}
	if !a.Thanked.IsZero() {
		as.err = "already thanked on " + date(a.Thanked)
		return nil
	}
	id, now, st, name := r.id, as.c.now(), as.c.st, clean(fr.Name)
	as.busy = true
	return func() tea.Msg {
		err := st.Batch(now, func(tx *store.Tx) error {
			a, err := tx.Ask(id)
			if err != nil {
				return err
			}
			a.Thanked = now
			return tx.PutAsk(&a)
		})
		return askChangedMsg{as: as, id: id, err: err, note: "Noted the thank-you to " + name + "."}
	}
}

func (as *asksScreen) move(delta int) {
	as.cursor = max(min(as.cursor+delta, len(as.shown)-1), 0)
	as.scroll()
	as.noteSel()
}
