package tui

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"kith/policy"
	"kith/store"
)

// ----- nudges (the header's count and the Asks screen) -----

// dueNudges is every nudge for d's friends at now, oldest first: the same
// policy.Due and policy.SortNudges as `kith due`.
func dueNudges(d *dataset, now time.Time) []policy.Nudge {
	var out []policy.Nudge
	var buf []store.Ask
	for i := range d.friends {
		buf = d.appendAsks(buf[:0], i)
		out = append(out, policy.Due(&d.friends[i], buf, d.favorsOf(i), now)...)
	}
	policy.SortNudges(out)
	return out
}

// dueCountMsg carries the nudges for the dataset of generation gen.
type dueCountMsg struct {
	gen    uint64
	nudges []policy.Nudge
}

// dueCountCmd works out the nudges of a complete dataset in a command.
func dueCountCmd(d *dataset, now time.Time) tea.Cmd {
	if d == nil || d.partial {
		return nil
	}
	return func() tea.Msg { return dueCountMsg{gen: d.gen, nudges: dueNudges(d, now)} }
}

// dueCount is what the header says is due.
type dueCount struct {
	gen uint64
	n   int
}

func (c dueCount) text() string {
	if c.n == 0 {
		return ""
	}
	return " · " + itoa(c.n) + " due"
}

func (m *Model) handleDueCount(msg dueCountMsg) {
	if msg.gen < m.due.gen {
		return
	}
	m.due = dueCount{gen: msg.gen, n: len(msg.nudges)}
}

// ----- the Asks screen -----

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

// nudgeLines is how many lines the nudges take: a title and up to a
// third of the screen.
func (as *asksScreen) nudgeLines() int {
	if len(as.nudges) == 0 {
		return 0
	}
	return 1 + min(len(as.nudges), max(as.h/3-1, 1))
}

// listRows: the nudges, the status line and the column header come first.
func (as *asksScreen) listRows() int { return max(as.h-as.nudgeLines()-2, 0) }

func (as *asksScreen) scroll() {
	as.offset = keepInView(as.cursor, as.offset, as.listRows(), len(as.shown))
}

// nudgeLabel is a nudge kind as the screen says it.
func nudgeLabel(k policy.NudgeKind) string {
	switch k {
	case policy.NudgeFollowUp:
		return "follow up"
	case policy.NudgeThank:
		return "thank"
	case policy.NudgeHelpBack:
		return "help back"
	}
	return string(k)
}

// View renders the nudges and the list, or one ask, or the outcome picker.
func (as *asksScreen) View() string {
	if as.w <= 0 || as.h <= 0 {
		return ""
	}
	if as.picking {
		return as.pickView()
	}
	if as.detail != nil || as.detailErr != "" {
		return as.detailView()
	}
	s := as.c.styles
	w := as.w
	var out []string
	if n := as.nudgeLines(); n > 0 {
		out = append(out, s.Section.Render(trunc("Due: "+plural(len(as.nudges), "thing", "things")+" to do", w)))
		for _, nu := range as.nudges[:n-1] {
			out = append(out, s.badge("caution").Render(fit(nudgeLabel(nu.Kind), 10))+" "+trunc(clean(nu.Message), max(w-11, 0)))
		}
	}
	status := "Asks · " + plural(len(as.shown), "ask", "asks") + " · showing " + as.filterName() + " (s changes)"
	if !as.loaded {
		status = "Asks · reading…"
	}
	if as.err != "" {
		out = append(out, s.FieldErr.Render(trunc(clean(as.err), w)))
	} else {
		out = append(out, s.Dim.Render(trunc(status, w)))
	}
	c := askColumns(w)
	out = append(out, s.ColHead.Render(fit(askRowText(c, "WHEN", "FRIEND", "KIND", "STATUS", "DUE"), w)))
	for p := as.offset; p < min(as.offset+as.listRows(), len(as.shown)); p++ {
		r := &as.rows[as.shown[p]]
		a, fr := as.head(r)
		due := ""
		if k, ok := as.dueAsk[r.id]; ok {
			due = nudgeLabel(k)
		} else if !a.Thanked.IsZero() {
			due = "thanked"
		}
		line := askRowText(c, date(a.At()), clean(fr.Name), string(a.Kind), string(a.Status), due)
		if p == as.cursor {
			out = append(out, s.Selected.Render(fit(line, w)))
		} else {
			out = append(out, fit(line, w))
		}
	}
	if as.loaded && len(as.shown) == 0 {
		msg := "No asks yet: press esc, pick a friend and press c to compose one."
		if as.filter != filterAll {
			msg = "No " + as.filterName() + " asks; s shows the others."
		}
		out = append(out, trunc(msg, w))
	}
	return strings.Join(out, "\n")
}

func askColumns(w int) [5]int {
	c := [5]int{10, 22, 14, 11, 0}
	if w >= 120 {
		c[1] = 30
	}
	c[4] = max(w-c[0]-c[1]-c[2]-c[3]-4, 0)
	return c
}

func askRowText(c [5]int, when, name, kind, status, due string) string {
	return fit(when, c[0]) + " " + fit(name, c[1]) + " " + fit(kind, c[2]) + " " + fit(status, c[3]) + " " + fit(due, c[4])
}

func (as *asksScreen) detailView() string {
	s := as.c.styles
	w := as.w
	if as.detail == nil {
		return s.FieldErr.Render(trunc(clean(as.detailErr), w))
	}
	a := as.detail
	name := "friend " + itoa(int(a.FriendID))
	if i := as.d.index(a.FriendID); i >= 0 {
		name = clean(as.d.friends[i].Name)
	}
	out := []string{s.PaneTitle.Render(trunc("Your ask to "+name+" for "+article(a.Kind), w)), ""}
	field := func(label, v string) {
		if v == "" || v == "—" {
			return
		}
		for j, l := range wrap(v, max(w-labelWidth, 1)) {
			p := strings.Repeat(" ", labelWidth)
			if j == 0 {
				p = s.Label.Render(fit(label, labelWidth))
			}
			out = append(out, p+l)
		}
	}
	field("Status", string(a.Status))
	field("Topic", clean(a.Topic))
	field("Created", date(a.Created))
	field("Sent", date(a.Sent))
	field("Resolved", date(a.Resolved))
	field("Thanked", date(a.Thanked))
	field("Outcome", clean(a.Outcome))
	if nk, ok := as.dueAsk[a.ID]; ok {
		field("Due", nudgeLabel(nk))
	}
	if a.Body != "" {
		out = append(out, "", s.Section.Render("Message"))
		for _, l := range strings.Split(store.CleanText(a.Body, true), "\n") {
			out = append(out, wrap(l, w)...)
		}
	}
	// scroll, keeping the title
	as.detailOff = min(as.detailOff, max(len(out)-as.h, 0))
	if as.detailOff > 0 {
		out = append(out[:1], out[1+as.detailOff:]...)
	}
	return strings.Join(out, "\n")
}

func (as *asksScreen) pickView() string {
	s := as.c.styles
	w := as.w
	r := as.selected()
	title := "Outcome"
	if r != nil {
		a, fr := as.head(r)
		title = "Outcome of your " + string(a.Kind) + " ask to " + clean(fr.Name)
	}
	out := []string{s.PaneTitle.Render(trunc(title, w)), ""}
	for i, st := range outcomes {
		line := "  " + string(st)
		if i == as.pick {
			out = append(out, s.Selected.Render(fit("> "+string(st), min(w, 30))))
			continue
		}
		out = append(out, trunc(line, w))
	}
	out = append(out, "", trunc(s.FieldLabelFocused.Render(fit("Note", labelWidth))+as.note.View(), w))
	if as.err != "" {
		out = append(out, s.FieldErr.Render(trunc(clean(as.err), w)))
	}
	out = append(out, "", s.FormHint.Render(trunc("↑/↓ choose · type a note · enter records · esc cancels", w)))
	return strings.Join(out, "\n")
}

// ShortHelp is the footer's help.
func (as *asksScreen) ShortHelp() []key.Binding {
	k := as.c.keys
	if as.picking {
		return []key.Binding{withHelp(k.Up, "↑/↓", "choose"), withHelp(k.Open, "enter", "record"), withHelp(k.Cancel, "esc", "cancel")}
	}
	return []key.Binding{withHelp(k.Open, "enter", "show"), k.Outcome, k.Thank, k.StatusFilter, k.Favor, k.Back}
}

// FullHelp is the `?` help.
func (as *asksScreen) FullHelp() [][]key.Binding {
	k := as.c.keys
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown}, {k.Open, k.Outcome, k.Thank, k.StatusFilter, k.Favor, k.Back}}
}
