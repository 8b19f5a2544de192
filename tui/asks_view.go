package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"

	"kith/policy"
	"kith/store"
)

// nudgeLines is how many lines the nudges take: a title and up to a
// third of the screen.
func (as *asksScreen) nudgeLines() int {
	if len(as.nudges) == 0 {
		return 0
	}
	return 1 + min(len(as.nudges), max(as.h/3-1, 1))
}

// listRows: the nudges, the status line (or the error, wrapped) and the
// column header come first.
func (as *asksScreen) listRows() int {
	return max(as.h-as.nudgeLines()-len(as.errLines())-1, 0)
}

// maxErrLines is how many lines the error takes at most.
const maxErrLines = 3

// errLines is the list's status line: the error wrapped to the width, at
// most maxErrLines (the last cut), or one line for the status.
func (as *asksScreen) errLines() []string {
	if as.err == "" || as.w <= 0 {
		return []string{""}
	}
	ls := wrap(clean(as.err), as.w)
	if len(ls) > maxErrLines {
		ls = ls[:maxErrLines]
		ls[maxErrLines-1] = trunc(ls[maxErrLines-1]+" …", as.w)
	}
	return ls
}

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
	case policy.NudgeNoResponse:
		return "no reply?"
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
	if as.open {
		return as.detailView()
	}
	s := as.c.styles
	w := as.w
	var out []string
	if n := as.nudgeLines(); n > 0 {
		title := "Due: " + plural(len(as.nudges), "thing", "things") + " to do (tab selects)"
		if as.dueFocus {
			title = "Due: " + plural(len(as.nudges), "thing", "things") + " to do · enter/m note · o outcome · f favor · tab back"
		}
		out = append(out, s.Section.Render(trunc(title, w)))
		first, rows, more := as.dueWindow()
		for i := first; i < first+rows; i++ {
			nu := as.nudges[i]
			if as.dueFocus && i == as.dueCur {
				out = append(out, s.Selected.Render(fit(fit(nudgeLabel(nu.Kind), 10)+" "+clean(nu.Message), w)))
				continue
			}
			out = append(out, s.badge(policy.Caution).Render(fit(nudgeLabel(nu.Kind), 10))+" "+trunc(clean(nu.Message), max(w-11, 0)))
		}
		if more > 0 {
			out = append(out, s.Dim.Render(trunc("…"+strconv.Itoa(more)+" more", w)))
		}
	}
	status := "Asks · " + plural(len(as.shown), "ask", "asks") + " · showing " + as.filterName() + " (s changes)"
	if !as.loaded {
		status = "Asks · reading…"
	}
	if as.findQ != "" {
		status = "/" + clean(as.find.Value()) + " · " + status
	}
	if p := as.topicProgress(); p != "" {
		status += " · " + p
	}
	switch {
	case as.find.Typing():
		out = append(out, trunc(as.find.View(), w))
	case as.err != "":
		for _, l := range as.errLines() {
			out = append(out, s.FieldErr.Render(fit(l, w)))
		}
	default:
		out = append(out, s.Dim.Render(trunc(status, w)))
	}
	c := askColumns(w)
	out = append(out, s.ColHead.Render(fit(askRowText(c, "WHEN", "FRIEND", "KIND", "TOPIC", "STATUS", "DUE"), w)))
	for p := as.offset; p < min(as.offset+as.listRows(), len(as.shown)); p++ {
		r := &as.rows[as.shown[p]]
		a, fr := as.head(r)
		due := ""
		if k, ok := as.dueAsk[r.id]; ok {
			due = nudgeLabel(k)
		} else if a.Thanked != 0 {
			due = "thanked"
		}
		line := askRowText(c, date(store.TimeOf(a.At())), clean(fr.Name), string(a.Kind()), as.topicOf(r), string(a.Status()), due)
		if r.id == as.focusID {
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
		if as.findQ != "" {
			msg = "No asks to a friend or on a topic matching “" + clean(as.find.Value()) + "”; esc clears the filter."
			if as.filter != filterAll {
				msg = "No " + as.filterName() + " asks to a friend or on a topic matching “" + clean(as.find.Value()) + "”; s shows the others, esc clears the filter."
			}
			if as.fix == nil && as.fixErr == "" {
				msg = "Indexing the topics and names to match “" + clean(as.find.Value()) + "”…"
			}
		}
		for i, l := range wrap(msg, w) {
			if i < max(as.listRows(), 1) {
				out = append(out, l)
			}
		}
	}
	return strings.Join(out, "\n")
}

// askColumns are the widths of WHEN, FRIEND, KIND, TOPIC, STATUS and
// DUE: the topic takes what the others leave, up to maxTopicCol, 17
// cells at 80 columns (where the friend and the kind are narrower:
// "recommend…"), 41 at 120, 72 at 200 and more.
func askColumns(w int) [6]int {
	c := [6]int{10, 18, 10, 0, 11, 9}
	if w >= 120 {
		c[1], c[2] = 30, 14
	}
	c[3] = min(max(w-c[0]-c[1]-c[2]-c[4]-c[5]-5, 0), maxTopicCol)
	return c
}

// maxTopicCol is the widest the TOPIC column gets, so that a wide
// window keeps the status beside the topic rather than across the screen.
const maxTopicCol = 72

func askRowText(c [6]int, when, name, kind, topic, status, due string) string {
	return fit(when, c[0]) + " " + fit(name, c[1]) + " " + fit(kind, c[2]) + " " + fit(topic, c[3]) + " " + fit(status, c[4]) + " " + fit(due, c[5])
}

// detailView shows the ask in focus in full, scrolled by detailOff and
// keeping the title.
func (as *asksScreen) detailView() string {
	out := as.detailLines()
	// Update keeps detailOff within the lines; they may be fewer since.
	if off := min(as.detailOff, max(len(out)-as.h, 0)); off > 0 {
		out = append(out[:1], out[1+off:]...)
	}
	return strings.Join(out, "\n")
}

// detailMax is the furthest the detail scrolls.
func (as *asksScreen) detailMax() int { return max(len(as.detailLines())-as.h, 0) }

// detailLines are the ask in focus in full: its title, a line for an
// error or for the ask having left the filter, and its fields and message.
func (as *asksScreen) detailLines() []string {
	s := as.c.styles
	w := as.w
	a := as.detail
	var fr *store.Friend
	var kind store.Kind
	if r := as.focused(); r != nil {
		h, f := as.head(r)
		fr, kind = f, h.Kind()
	}
	if a != nil {
		kind = a.Kind
		if i := as.d.index(a.FriendID); i >= 0 {
			fr = &as.d.friends[i]
		}
	}
	name := "a friend"
	if fr != nil {
		name = clean(fr.Name)
	}
	out := []string{s.PaneTitle.Render(trunc("Your ask to "+name+" for "+article(kind), w))}
	switch {
	case as.err != "":
		for _, l := range as.errLines() {
			out = append(out, s.FieldErr.Render(l))
		}
	case as.loaded && as.focused() == nil:
		out = append(out, s.FieldErr.Render(trunc("This ask is no longer in the database; esc goes back to the list.", w)))
	case as.loaded && as.focusPos < 0:
		out = append(out, s.Dim.Render(trunc("This ask is no longer among the "+as.filterName()+" asks; esc goes back to the list.", w)))
	default:
		out = append(out, "")
	}
	if a == nil {
		if as.detailErr != "" {
			out = append(out, s.FieldErr.Render(trunc(clean(as.detailErr), w)))
		} else {
			out = append(out, s.Dim.Render(trunc("reading…", w)))
		}
		return out
	}
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
	return out
}

// pickTop is the outcome picker's line of its first outcome.
const pickTop = 2

func (as *asksScreen) pickView() string {
	s := as.c.styles
	w := as.w
	r := as.focused()
	title := "Outcome"
	if r != nil {
		a, fr := as.head(r)
		title = "Outcome of your " + string(a.Kind()) + " ask to " + clean(fr.Name)
	}
	out := []string{s.PaneTitle.Render(trunc(title, w)), ""} // pickTop lines
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
		for _, l := range as.errLines() {
			out = append(out, s.FieldErr.Render(l))
		}
	}
	out = append(out, "", s.FormHint.Render(trunc("↑/↓ choose · type a note · enter records · esc cancels", w)))
	return strings.Join(out, "\n")
}

// ShortHelp is the footer's help.
func (as *asksScreen) ShortHelp() []key.Binding {
	k := as.c.keys
	if as.picking {
		return []key.Binding{k.PickUp, withHelp(k.Open, "enter", "record"), withHelp(k.Cancel, "esc", "cancel")}
	}
	if as.find.Typing() {
		return []key.Binding{withHelp(k.Open, "enter", "done"), withHelp(k.ClearFilter, "esc", "clear")}
	}
	if as.open {
		return []key.Binding{k.Outcome, k.Thank, k.NextNote, k.Undo, withHelp(k.Compose, "c", "continue draft"), k.Favor, withHelp(k.Down, "↓/pgdn", "scroll"), withHelp(k.Back, "esc", "list")}
	}
	return []key.Binding{withHelp(k.Open, "enter", "show"), k.Filter, k.Outcome, k.Thank, k.NextNote, k.Undo, k.StatusFilter, withHelp(k.Compose, "c", "continue draft"), k.Favor, k.Back}
}

// FullHelp is the `?` help.
func (as *asksScreen) FullHelp() [][]key.Binding {
	k := as.c.keys
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown}, {k.Open, k.Filter, k.ClearFilter, k.Outcome, k.Thank, k.NextNote, k.Undo, k.StatusFilter, withHelp(k.Compose, "c", "continue draft"), k.Favor, k.Back}, {k.Help, k.FieldHelp, withHelp(k.Mouse, "mouse", "click selects, again opens")}}
}
