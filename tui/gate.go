package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"kith/policy"
	"kith/store"
)

// replaceMsg closes the active screen and opens screen in its place.
type replaceMsg struct{ screen Screen }

func replace(s Screen) tea.Cmd { return func() tea.Msg { return replaceMsg{s} } }

// gateHistoryMsg carries a friend's full asks, read when the gate opens,
// for their saved drafts.
type gateHistoryMsg struct {
	gate *gateScreen
	asks []store.Ask
	err  error
}

// gateScreen is the gate before compose: a kind picker where each kind
// shows the verdict for this friend, then, for a held or blocked kind,
// the reasons and the ways on (who else, or for a hold an explicit
// override).
type gateScreen struct {
	c      *common
	d      *dataset
	fi     int // the friend's index in d
	friend store.Friend
	req    policy.Request // the likely request; Kind is set per row
	kinds  []store.Kind
	verd   []policy.Verdict
	cursor int
	// stopped is set when enter chose a held or blocked kind: the
	// reasons and the ways on are shown instead of the picker.
	stopped bool
	drafts  map[store.Kind]store.Ask // the latest saved draft per kind
	fromWho bool                     // opened from who else: w goes back to it
	histErr string
	w, h    int
}

// newGate opens the gate for friend fi of d. It evaluates every kind at
// once (eight verdicts, and one pass over the friends for whether they
// are the only one you know in the targeted sector).
func newGate(c *common, d *dataset, fi int) *gateScreen {
	g := &gateScreen{c: c, d: d, fi: fi, friend: d.friends[fi], kinds: store.Kinds()}
	sub := subjectOf(d, fi)
	g.req = policy.Likely(sub)
	g.req.Sole = d.places.Sole(g.req, &g.friend)
	now := c.now()
	set := d.profile.Settings
	g.verd = make([]policy.Verdict, len(g.kinds))
	for i, k := range g.kinds {
		r := g.req
		r.Kind = k
		g.verd[i] = policy.Evaluate(sub, r, set, now)
		if k == g.req.Kind {
			g.cursor = i
		}
	}
	return g
}

// Init reads the friend's saved drafts.
func (g *gateScreen) Init() tea.Cmd {
	st, id := g.c.st, g.friend.ID
	return func() tea.Msg {
		asks, _, err := st.History(id)
		return gateHistoryMsg{gate: g, asks: asks, err: err}
	}
}

// SetSize sets the screen's size.
func (g *gateScreen) SetSize(w, h int) { g.w, g.h = max(w, 0), max(h, 0) }

// Capturing is false: no text field.
func (g *gateScreen) Capturing() bool { return false }

// Unsaved is false: the gate only picks a kind.
func (g *gateScreen) Unsaved() bool { return false }

// Update handles keys and the friend's history.
func (g *gateScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return g, g.handleKey(msg)
	case gateHistoryMsg:
		if msg.gate == g {
			g.handleHistory(msg)
		}
	}
	return g, nil
}

func (g *gateScreen) handleHistory(msg gateHistoryMsg) {
	if msg.err != nil {
		g.histErr = "cannot read the saved drafts: " + msg.err.Error()
		return
	}
	g.drafts = map[store.Kind]store.Ask{}
	for _, a := range msg.asks { // oldest first: the latest wins
		if a.Status == store.StatusDraft {
			g.drafts[a.Kind] = a
		}
	}
}

func (g *gateScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := g.c.keys
	if g.stopped {
		switch {
		case key.Matches(msg, k.Back):
			g.stopped = false
		case key.Matches(msg, k.WhoElse):
			return g.whoElse()
		case key.Matches(msg, k.Override) && g.verd[g.cursor].Level == policy.Hold:
			return g.compose(true)
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Back):
		return pop
	case key.Matches(msg, k.Up):
		g.cursor = (g.cursor + len(g.kinds) - 1) % len(g.kinds)
	case key.Matches(msg, k.Down):
		g.cursor = (g.cursor + 1) % len(g.kinds)
	case key.Matches(msg, k.Top):
		g.cursor = 0
	case key.Matches(msg, k.Bottom):
		g.cursor = len(g.kinds) - 1
	case key.Matches(msg, k.WhoElse):
		return g.whoElse()
	case key.Matches(msg, k.Open):
		if g.verd[g.cursor].Level >= policy.Hold {
			g.stopped = true
			return nil
		}
		return g.compose(false)
	}
	return nil
}

// compose replaces the gate with the compose pane for the chosen kind.
func (g *gateScreen) compose(override bool) tea.Cmd {
	r := g.req
	r.Kind = g.kinds[g.cursor]
	var draft *store.Ask
	if a, ok := g.drafts[r.Kind]; ok {
		draft = &a
	}
	cp := newCompose(g.c, g.d, g.fi, r, g.verd[g.cursor], override, draft)
	return replace(cp)
}

// whoElse replaces the gate with who else, preloaded with this kind and
// the friend's sectors, leaving this friend out.
func (g *gateScreen) whoElse() tea.Cmd {
	if g.fromWho {
		return pop
	}
	need := policy.Request{Kind: g.kinds[g.cursor], Sector: g.req.Sector, Org: g.req.Org}
	if need.Sector == "" && len(g.friend.Sectors) > 0 {
		need.Sector = g.friend.Sectors[0]
	}
	return replace(newWhoElse(g.c, g.d, need, g.friend.ID))
}

// View renders the picker, or the reasons when stopped.
func (g *gateScreen) View() string {
	if g.w <= 0 || g.h <= 0 {
		return ""
	}
	s := g.c.styles
	w := g.w
	v := g.verd[g.cursor]
	kind := g.kinds[g.cursor]
	var out []string
	add := func(l ...string) { out = append(out, l...) }
	who := clean(g.friend.Name)
	if g.friend.Org != "" {
		who += " (" + clean(g.friend.Org) + ")"
	}
	if g.stopped {
		head := "Ask " + who + " for " + article(kind) + ": "
		add(s.PaneTitle.Render(trunc(head, w-8)) + s.badge(v.Level).Render(strings.ToUpper(v.Level.String())))
		add("")
		if v.Level == policy.Block {
			add(trunc("This crosses a line, so kith will not draft it:", w))
		} else {
			add(trunc("Better not now:", w))
		}
		add(g.reasonLines(v, w)...)
		if !v.Until.IsZero() {
			add("", trunc("The cool-down ends "+v.Until.Local().Format("Mon 2 Jan 2006")+".", w))
		}
		add("")
		if v.Level == policy.Hold {
			add(wrapStyled(s.FormHint, "O asks anyway: the draft will say you know you have been asking a lot. w shows who else you could ask. esc goes back.", w)...)
		} else {
			add(wrapStyled(s.FormHint, "w shows who else you could ask. esc goes back.", w)...)
		}
		return strings.Join(out, "\n")
	}
	add(s.PaneTitle.Render(trunc("Ask "+who+" for…", w)))
	add("")
	for i, k := range g.kinds {
		vi := g.verd[i]
		lvl := vi.Level.String()
		if vi.Level != policy.Block {
			lvl += " " + strconv.Itoa(vi.Score)
		}
		note := ""
		if _, ok := g.drafts[k]; ok {
			note = "draft saved"
		}
		mark := "  "
		if i == g.cursor {
			mark = "> "
		}
		row := mark + fit(string(k), 16) + s.badge(vi.Level).Render(fit(lvl, 12)) + s.Dim.Render(note)
		if i == g.cursor {
			row = s.Selected.Render(fit(mark+fit(string(k), 16)+fit(lvl, 12)+note, w))
		}
		add(trunc(row, w))
	}
	add("")
	if len(v.Reasons) == 0 {
		add(trunc("Nothing stands in the way of "+article(kind)+".", w))
	} else {
		add(g.reasonLines(v, w)...)
	}
	if g.histErr != "" {
		add(wrapStyled(s.FieldErr, clean(g.histErr), w)...)
	}
	return strings.Join(out, "\n")
}

// reasonLines are v's reasons as bullets wrapped to w.
func (g *gateScreen) reasonLines(v policy.Verdict, w int) []string {
	s := g.c.styles
	var out []string
	for _, r := range v.Reasons {
		for j, l := range wrap(clean(r.Message), max(w-2, 1)) {
			p := "  "
			if j == 0 {
				p = "• "
			}
			out = append(out, s.badge(r.Level).Render(p)+l)
		}
	}
	return out
}

// article is "an intro", "a chat", "a referral", "advice", …
func article(k store.Kind) string {
	switch k {
	case store.KindIntro:
		return "an intro"
	case store.KindAdvice:
		return "advice"
	case store.KindOther:
		return "something else"
	}
	return "a " + string(k)
}

// wrapStyled wraps plain text to w and styles each line.
func wrapStyled(st interface{ Render(...string) string }, text string, w int) []string {
	ls := wrap(text, max(w, 1))
	for i, l := range ls {
		ls[i] = st.Render(l)
	}
	return ls
}

// ShortHelp is the footer's help.
func (g *gateScreen) ShortHelp() []key.Binding {
	k := g.c.keys
	if g.stopped {
		if g.verd[g.cursor].Level == policy.Hold {
			return []key.Binding{k.Override, k.WhoElse, k.Back}
		}
		return []key.Binding{k.WhoElse, k.Back}
	}
	return []key.Binding{withHelp(k.Down, "j/k", "kind"), withHelp(k.Open, "enter", "compose"), k.WhoElse, k.Back}
}

// FullHelp is the `?` help.
func (g *gateScreen) FullHelp() [][]key.Binding {
	k := g.c.keys
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.Open, k.Override, k.WhoElse, k.Back}}
}

// compose opens the gate for friend sel; the history must be loaded, or
// the verdicts would miss the asks.
func (f *friendsScreen) compose(sel int) tea.Cmd {
	if f.d.partial {
		return flash("Still reading the history; try again in a moment.", true)
	}
	return push(newGate(f.c, f.d, sel))
}

// whoElse opens who else for the selected friend's likely request,
// leaving them out; with no friend selected, for an informational chat.
func (f *friendsScreen) whoElse(sel int) tea.Cmd {
	if f.d.partial {
		return flash("Still reading the history; try again in a moment.", true)
	}
	need := policy.Request{Kind: store.KindChat}
	var ex uint64
	if sel >= 0 {
		sub := subjectOf(f.d, sel)
		need = policy.Likely(sub)
		if need.Sector == "" && len(sub.Friend.Sectors) > 0 {
			need.Sector = sub.Friend.Sectors[0]
		}
		ex = sub.Friend.ID
	}
	return push(newWhoElse(f.c, f.d, need, ex))
}
