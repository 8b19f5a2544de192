package tui

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"kith/policy"
	"kith/store"
)

// whoLimit is how many candidates the list keeps.
const whoLimit = 500

// rankDelay is how long the need must rest before it is ranked again,
// so typing a word ranks once, not once per letter.
const rankDelay = 40 * time.Millisecond

// rankWantMsg fires rankDelay after an edit of need number seq.
type rankWantMsg struct {
	ws  *whoElseScreen
	seq uint64
}

// rankedMsg carries a ranking for need number seq of a who-else screen.
type rankedMsg struct {
	ws    *whoElseScreen
	seq   uint64
	d     *dataset
	cands []policy.Candidate
}

// need fields, in tab order; the list comes after them.
const (
	needKind = iota
	needSector
	needOrg
	needCircle
	needRole
	needKeywords
	needList
)

// whoElseScreen answers "who else can I ask": a need form (kind, sector,
// organisation, circle, the target's role, keywords) and the friends policy.Rank puts first for it,
// re-ranked in a command as the need is edited.
type whoElseScreen struct {
	c       *common
	d       *dataset
	kinds   []store.Kind
	kind    int
	inputs  [5]textinput.Model // sector, org, circle, target role, keywords
	focus   int
	exclude uint64 // the friend we came from, 0 for none

	seq     uint64 // the last ranking asked for
	applied uint64 // the ranking shown
	cands   []policy.Candidate
	ranking bool

	cursor, offset int
	w, h           int
}

// newWhoElse opens who else for need, leaving out friend exclude.
func newWhoElse(c *common, d *dataset, need policy.Request, exclude uint64) *whoElseScreen {
	ws := &whoElseScreen{c: c, d: d, kinds: store.Kinds(), exclude: exclude, focus: needList}
	if i := slices.Index(ws.kinds, need.Kind); i >= 0 {
		ws.kind = i
	}
	vals := [5]string{need.Sector, need.Org, need.Circle, need.Target.Role, strings.Join(need.Keywords, " ")}
	holders := [5]string{"e.g. fintech", "e.g. Acme", "e.g. university", "whom it reaches, e.g. VP of Sales", "words to look for in roles and notes"}
	for i := range ws.inputs {
		in := textinput.New()
		in.Prompt = ""
		in.CharLimit = 200
		in.Placeholder = holders[i]
		in.SetValue(vals[i])
		in.SetStyles(c.styles.Input)
		ws.inputs[i] = in
	}
	return ws
}

// request is the need as a policy request.
func (ws *whoElseScreen) request() policy.Request {
	return policy.Request{
		Kind:     ws.kinds[ws.kind],
		Sector:   strings.ToLower(strings.TrimSpace(ws.inputs[0].Value())),
		Org:      strings.TrimSpace(ws.inputs[1].Value()),
		Circle:   strings.TrimSpace(ws.inputs[2].Value()),
		Target:   policy.Target{Role: strings.TrimSpace(ws.inputs[3].Value())},
		Keywords: strings.Fields(ws.inputs[4].Value()),
	}
}

// Init ranks for the need as prefilled.
func (ws *whoElseScreen) Init() tea.Cmd {
	ws.seq++
	return ws.rankNow()
}

// rank asks for a ranking of the current need once it rests for
// rankDelay; a newer edit makes the pending one moot.
func (ws *whoElseScreen) rank() tea.Cmd {
	ws.seq++
	ws.ranking = true
	seq := ws.seq
	return tea.Tick(rankDelay, func(time.Time) tea.Msg { return rankWantMsg{ws: ws, seq: seq} })
}

// rankNow ranks need number ws.seq in a command.
func (ws *whoElseScreen) rankNow() tea.Cmd {
	ws.ranking = true
	seq, d, req := ws.seq, ws.d, ws.request()
	set, now, ex := d.profile.Settings, ws.c.now(), ws.exclude
	return func() tea.Msg {
		return rankedMsg{ws: ws, seq: seq, d: d, cands: rankNeed(d, req, set, now, ex)}
	}
}

// rankNeed ranks d's friends for req (policy.Rank over the dataset's
// facts, read in place), leaving out friend exclude. A complete dataset's
// places hold the circle loads counted over everyone at the load
// (withHistory), the ones the list's verdicts give: Rank takes them
// rather than reading the asks of every circle member who does not fit:
// BenchmarkWhoElseRankCircles/10k, 4.5 ms and 7,972 allocations without,
// 2.1 ms and 1,455 with; 100k, 70 ms against 39 (medians of 5, load
// average 5.5-7.3). A partial one's count only the page's places,
// without the loads.
func rankNeed(d *dataset, req policy.Request, set store.Settings, now time.Time, exclude uint64) []policy.Candidate {
	opt := policy.RankOptions{Limit: whoLimit, Exclude: exclude}
	if !d.partial {
		opt.Circles = d.places
	}
	return policy.Rank(req, dsPool{d}, set, now, opt)
}

// restyle applies the theme to the need's fields.
func (ws *whoElseScreen) restyle() {
	for i := range ws.inputs {
		ws.inputs[i].SetStyles(ws.c.styles.Input)
	}
}

// SetSize sets the screen's size.
func (ws *whoElseScreen) SetSize(w, h int) {
	ws.w, ws.h = max(w, 0), max(h, 0)
	for i := range ws.inputs {
		ws.inputs[i].SetWidth(max(ws.w-labelWidth-1, 1))
	}
	ws.scroll()
}

// Capturing is true while a text field of the need has the focus.
func (ws *whoElseScreen) Capturing() bool { return ws.focus > needKind && ws.focus < needList }

// Unsaved is false: the need is a search, not something to keep.
func (ws *whoElseScreen) Unsaved() bool { return false }

// Update handles keys, rankings and reloads.
func (ws *whoElseScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return ws, ws.handleKey(msg)
	case tea.MouseWheelMsg:
		ws.move(wheelDelta(msg)) // the wheel scrolls the ranked friends
		return ws, nil
	case rankWantMsg:
		if msg.ws == ws && msg.seq == ws.seq {
			return ws, ws.rankNow()
		}
		return ws, nil
	case rankedMsg:
		if msg.ws == ws && msg.seq > ws.applied && msg.d == ws.d {
			ws.applied = msg.seq
			ws.cands = msg.cands
			ws.ranking = msg.seq != ws.seq
			ws.cursor = min(ws.cursor, max(len(ws.cands)-1, 0))
			ws.scroll()
		}
		return ws, nil
	case dataMsg:
		if msg.d.partial {
			return ws, nil
		}
		ws.d = msg.d
		ws.seq++
		return ws, ws.rankNow()
	case tea.PasteMsg:
		if ws.Capturing() {
			return ws, ws.edit(msg)
		}
	}
	return ws, nil
}

func (ws *whoElseScreen) setFocus(i int) tea.Cmd {
	ws.focus = (i%(needList+1) + needList + 1) % (needList + 1)
	var cmd tea.Cmd
	for j := range ws.inputs {
		if j+needSector == ws.focus {
			cmd = ws.inputs[j].Focus()
		} else {
			ws.inputs[j].Blur()
		}
	}
	return cmd
}

func (ws *whoElseScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := ws.c.keys
	switch {
	case key.Matches(msg, k.FieldTab):
		return ws.setFocus(ws.focus + 1)
	case key.Matches(msg, k.FieldBackTab):
		return ws.setFocus(ws.focus - 1)
	}
	if ws.focus != needList {
		switch {
		case key.Matches(msg, k.Back), key.Matches(msg, k.Open):
			return ws.setFocus(needList)
		case ws.focus == needKind && key.Matches(msg, k.Left):
			ws.kind = (ws.kind + len(ws.kinds) - 1) % len(ws.kinds)
			return ws.rank()
		case ws.focus == needKind && key.Matches(msg, k.Right):
			ws.kind = (ws.kind + 1) % len(ws.kinds)
			return ws.rank()
		case ws.focus == needKind && key.Matches(msg, k.Down):
			return ws.setFocus(needSector)
		case ws.focus == needKind:
			return nil
		}
		return ws.edit(msg)
	}
	switch {
	case key.Matches(msg, k.Back):
		return pop
	case isMove(k, msg):
		d, _ := k.moveBy(msg, ws.listRows()-1, len(ws.cands))
		ws.move(d)
	case key.Matches(msg, k.Open), key.Matches(msg, k.Compose):
		if ws.cursor < len(ws.cands) {
			fi := ws.cands[ws.cursor].Index
			if fi >= 0 && fi < ws.d.len() {
				g := newGate(ws.c, ws.d, fi)
				g.fromWho = true
				g.cursor = ws.kind // the kind asked for here
				return push(g)
			}
		}
	case key.Matches(msg, k.Filter):
		return ws.setFocus(needSector)
	}
	return nil
}

// edit types into the focused need field and re-ranks if it changed.
func (ws *whoElseScreen) edit(msg tea.Msg) tea.Cmd {
	i := ws.focus - needSector
	if i < 0 || i >= len(ws.inputs) {
		return nil
	}
	before := ws.inputs[i].Value()
	var cmd tea.Cmd
	ws.inputs[i], cmd = ws.inputs[i].Update(msg)
	if ws.inputs[i].Value() != before {
		ws.cursor, ws.offset = 0, 0
		return tea.Batch(cmd, ws.rank())
	}
	return cmd
}

func (ws *whoElseScreen) move(delta int) {
	ws.cursor = max(min(ws.cursor+delta, len(ws.cands)-1), 0)
	ws.scroll()
}

// formLines is the title, the six need fields and the status line.
const formLines = 8

// whyLines is how many lines under the list say the selected row's why
// in full.
const whyLines = 2

func (ws *whoElseScreen) listRows() int { return max(ws.h-formLines-1-whyLines, 0) }

func (ws *whoElseScreen) scroll() {
	ws.offset = keepInView(ws.cursor, ws.offset, ws.listRows(), len(ws.cands))
}

// View renders the need and the ranked friends.
func (ws *whoElseScreen) View() string {
	if ws.w <= 0 || ws.h <= 0 {
		return ""
	}
	s := ws.c.styles
	w := ws.w
	out := []string{s.PaneTitle.Render(trunc("Who else can I ask?", w))}
	label := func(i int, name string) string {
		st := s.FieldLabel
		if ws.focus == i {
			st = s.FieldLabelFocused
		}
		return st.Render(fit(name, labelWidth))
	}
	kind := "‹ " + string(ws.kinds[ws.kind]) + " ›"
	if ws.focus == needKind {
		kind = s.FieldLabelFocused.Render(kind) + s.Dim.Render("  ←/→ change")
	}
	out = append(out, trunc(label(needKind, "Kind")+kind, w))
	names := [5]string{"Sector", "Organisation", "Circle", "Target role", "Keywords"}
	for i := range ws.inputs {
		out = append(out, trunc(label(needSector+i, names[i])+ws.inputs[i].View(), w))
	}
	status := plural(len(ws.cands), "friend fits", "friends fit")
	if len(ws.cands) == whoLimit {
		status = "the best " + strconv.Itoa(whoLimit) + " friends"
	}
	status += ", ready first"
	if ws.exclude != 0 {
		if i := ws.d.index(ws.exclude); i >= 0 {
			status += " · " + clean(ws.d.friends[i].Name) + " left out"
		}
	}
	if ws.ranking {
		status += " · ranking…"
	}
	out = append(out, s.Dim.Render(trunc(status, w)))
	cols := whoColumns(w)
	now := ws.c.now()
	out = append(out, s.ColHead.Render(fit(whoRow(cols, "LEVEL", "FIT", "NAME", "ORG", "WHY"), w)))
	for r := ws.offset; r < min(ws.offset+ws.listRows(), len(ws.cands)); r++ {
		cd := &ws.cands[r]
		lvl := cd.Verdict.Level.String()
		badge := lvl
		if cd.Verdict.Level != policy.Block {
			badge += " " + strconv.Itoa(cd.Verdict.Score)
		}
		// Why: the most serious reason, if any, then the fit in words.
		why := cd.Fit.Words(now)
		if len(cd.Verdict.Reasons) > 0 {
			why = cd.Verdict.Reasons[0].Message + " · " + why
		}
		why = clean(why)
		rel := strconv.Itoa(cd.Relevance)
		name, org := clean(cd.Friend.Name), clean(cd.Friend.Org)
		if r == ws.cursor && ws.focus == needList {
			out = append(out, s.Selected.Render(fit(whoRow(cols, badge, rel, name, org, why), w)))
			continue
		}
		line := s.badge(cd.Verdict.Level).Render(fit(badge, cols[0])) + " " + fit(rel, cols[1]) + " " + fit(name, cols[2]) + " " + s.Dim.Render(fit(org, cols[3])) + " " + s.Dim.Render(fit(why, cols[4]))
		out = append(out, line)
	}
	if len(ws.cands) == 0 && !ws.ranking {
		out = append(out, trunc("Nobody fits this need: try another sector, an organisation or fewer keywords.", w))
	}
	if ws.cursor < len(ws.cands) && ws.h > formLines+1+whyLines {
		for len(out) < formLines+1+ws.listRows() {
			out = append(out, "")
		}
		cd := &ws.cands[ws.cursor]
		why := cd.Fit.Words(now)
		for _, r := range cd.Verdict.Reasons {
			why += " · " + r.Level.String() + ": " + r.Message
		}
		ls := wrap(clean(clean(cd.Friend.Name)+": "+why), max(w, 1))
		if len(ls) > whyLines {
			ls = ls[:whyLines]
			ls[whyLines-1] = trunc(ls[whyLines-1]+" …", w)
		}
		for _, l := range ls {
			out = append(out, s.Dim.Render(trunc(l, w)))
		}
	}
	return strings.Join(out, "\n")
}

// whoColumns are the widths of level, fit, name, org and why for width w.
func whoColumns(w int) [5]int {
	c := [5]int{11, 3, 20, 14, 0}
	if w >= 120 {
		c[2], c[3] = 26, 20
	}
	c[4] = max(w-c[0]-c[1]-c[2]-c[3]-4, 0)
	return c
}

func whoRow(c [5]int, a, b, n, o, why string) string {
	return fit(a, c[0]) + " " + fit(b, c[1]) + " " + fit(n, c[2]) + " " + fit(o, c[3]) + " " + fit(why, c[4])
}

// ShortHelp is the footer's help.
func (ws *whoElseScreen) ShortHelp() []key.Binding {
	k := ws.c.keys
	if ws.focus != needList {
		return []key.Binding{withHelp(k.NextField, "tab", "next"), withHelp(k.Left, "←/→", "kind"), withHelp(k.Open, "enter", "to the list"), withHelp(k.Back, "esc", "to the list")}
	}
	return []key.Binding{withHelp(k.Down, "j/k", "move"), withHelp(k.Open, "enter", "compose"), withHelp(k.NextField, "tab", "edit need"), k.Back}
}

// FullHelp is the `?` help.
func (ws *whoElseScreen) FullHelp() [][]key.Binding {
	k := ws.c.keys
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown}, {k.NextField, k.PrevField, k.Left, k.Open, k.Back}}
}
