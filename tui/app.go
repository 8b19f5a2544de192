package tui

import (
	"io/fs"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"kith/policy"
)

// Options configure the TUI.
type Options struct {
	// Store is the database; it is only used inside commands.
	Store Loader
	// Judge scores friends; nil means PolicyJudge.
	Judge Judge
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// NoColor drops every colour (set it when NO_COLOR is set).
	NoColor bool
	// Templates is the user's draft template directory (kith/templates in
	// the XDG config dir), nil for the built-in templates only, and
	// TemplateDir its name for messages. The templates are read and
	// parsed once, in a command Init starts (policy.LoadTemplates), so
	// the first frame does not wait for them. A user template that cannot
	// be used shows as an error naming the file when compose opens on a
	// draft that needs it, as `kith draft` refuses that draft; the rest of
	// the TUI works.
	Templates   fs.FS
	TemplateDir string
	// Getenv reads the environment ($EDITOR, $VISUAL); nil reads none.
	Getenv func(string) string
	// WatchEvery is how often the database file is checked for writes by
	// other processes; zero means once a second.
	WatchEvery time.Duration
	// Preload is the first step of the first load, started before the
	// program (StartPreload), or nil to start it in Init.
	Preload *Preload
}

// Model is the root model: it routes messages between the home screen
// (Friends) and the screens opened on top of it, and draws the header and
// the footer.
type Model struct {
	c       *common
	noColor bool
	isDark  bool
	home    *friendsScreen
	stack   []Screen
	help    help.Model
	full    bool // full help shown
	w, h    int

	watchEvery time.Duration
	loadSeq    uint64 // last load issued
	applied    uint64 // last load applied
	loading    bool
	stamp      fileStamp
	loadErr    error

	flash    string
	flashErr bool

	// quitAsked: ctrl+c found unsaved changes and asked; a second ctrl+c
	// (or y) quits, any other key goes back.
	quitAsked bool

	due dueCount // the nudges' count in the header

	templateFS  fs.FS // the user's draft templates, read once the first page is in
	templateDir string
	firstIn     chan struct{} // closed when the first load's first answer lands
	landed      bool          // firstIn is closed

	preload *Preload // the first load's first step, under way; nil once used
}

// New returns the root model for o.
func New(o Options) *Model {
	if o.Judge == nil {
		o.Judge = PolicyJudge
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.WatchEvery <= 0 {
		o.WatchEvery = time.Second
	}
	if o.Getenv == nil {
		o.Getenv = func(string) string { return "" }
	}
	c := &common{st: o.Store, keys: DefaultKeyMap(), styles: NewStyles(true, o.NoColor), now: o.Now, judge: o.Judge,
		getenv: o.Getenv}
	m := &Model{c: c, noColor: o.NoColor, isDark: true, watchEvery: o.WatchEvery, help: help.New(),
		templateFS: o.Templates, templateDir: o.TemplateDir, preload: o.Preload,
		firstIn: make(chan struct{})}
	m.help.Styles = c.styles.Help
	m.home = newFriendsScreen(c)
	return m
}

// Init starts the first load, the file watcher and the reading of the
// draft templates, and asks the terminal for its background colour. The
// templates wait for the first step of the load to land, so the first
// page's read does not share the processor with their parsing.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.startLoad(), watchCmd(m.c.st.Path(), m.watchEvery), tea.RequestBackgroundColor, m.home.Init(),
		afterCmd(m.firstIn, loadTemplatesCmd(m.templateFS, m.templateDir)))
}

// afterCmd is cmd, run once ready is closed.
func afterCmd(ready <-chan struct{}, cmd tea.Cmd) tea.Cmd {
	return func() tea.Msg {
		<-ready
		return cmd()
	}
}

// Preload is the first step of a load (loadCmd) started before the TUI's
// program, so that reading the first page overlaps setting up the
// terminal (at 1,000 friends in tmux the program takes about 6 ms from
// its start to Init, and the page about 4 ms to read).
type Preload struct{ done chan tea.Msg }

// StartPreload starts reading st's first page now; Options.Preload hands
// it to the model's first load.
func StartPreload(st Loader) *Preload {
	p := &Preload{done: make(chan tea.Msg, 1)}
	go func() { p.done <- loadCmd(st, 1)() }()
	return p
}

// templatesMsg carries the draft templates, read and parsed once.
type templatesMsg struct{ t *policy.Templates }

// loadTemplatesCmd reads and parses the draft templates: the built-in
// ones and those of the user's directory fsys (nil for none), named dir.
// A user file that cannot be used fails, naming it, only the drafts that
// need it (policy.LoadTemplates), so its error is not the command's.
func loadTemplatesCmd(fsys fs.FS, dir string) tea.Cmd {
	return func() tea.Msg {
		t, _ := policy.LoadTemplates(fsys, dir)
		return templatesMsg{t}
	}
}

func (m *Model) startLoad() tea.Cmd {
	m.loadSeq++
	m.loading = true
	if p := m.preload; p != nil && m.loadSeq == 1 {
		m.preload = nil
		return func() tea.Msg { return <-p.done } // loadCmd(st, 1), under way
	}
	return loadCmd(m.c.st, m.loadSeq)
}

// active is the screen keys go to.
func (m *Model) active() Screen {
	if n := len(m.stack); n > 0 {
		return m.stack[n-1]
	}
	return m.home
}

// Update routes msg.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m, m.handleResize(msg)
	case tea.BackgroundColorMsg:
		return m, m.handleBackground(msg)
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	case tea.MouseWheelMsg:
		return m, m.route(msg)
	case tea.MouseClickMsg:
		if msg.Button != tea.MouseLeft || m.full || m.quitAsked || msg.Y < 1 || msg.Y > m.bodyHeight() {
			return m, nil
		}
		return m, m.route(clickMsg{x: msg.X, y: msg.Y - 1})
	case loadedMsg:
		return m, m.handleLoaded(msg)
	case statMsg:
		return m, m.handleStat(msg)
	case reloadMsg:
		return m, m.startLoad()
	case pushMsg:
		return m, m.handlePush(msg)
	case popMsg:
		m.handlePop()
		return m, nil
	case replaceMsg:
		m.handlePop()
		return m, m.handlePush(pushMsg(msg))
	case flashMsg:
		m.flash, m.flashErr = msg.text, msg.err
		m.layout()
		return m, nil
	case undoneMsg:
		m.flash, m.flashErr = msg.text, msg.err
		m.layout()
		if msg.err {
			return m, nil
		}
		return m, m.startLoad()
	case dueCountMsg:
		m.handleDueCount(msg)
		return m, m.broadcast(msg)
	case templatesMsg:
		m.c.templates = msg.t
		return m, nil
	case haystackMsg:
		if msg.seq < m.applied {
			return m, nil // a newer load is under way: its own next step
		}
		return m, tea.Batch(m.broadcast(msg), msg.then)
	}
	return m, m.broadcast(msg)
}

func (m *Model) handleResize(msg tea.WindowSizeMsg) tea.Cmd {
	m.w, m.h = max(msg.Width, 0), max(msg.Height, 0)
	m.help.SetWidth(m.w)
	m.layout()
	return m.broadcast(resizedMsg{})
}

// clickMsg is a left click at x, y of the active screen's body (the
// header's line taken off).
type clickMsg struct{ x, y int }

// resizedMsg tells the screens the size changed (SetSize came first), so
// that one can load what its new layout shows.
type resizedMsg struct{}

// restyler is a screen with inputs to restyle when the theme changes.
type restyler interface{ restyle() }

func (m *Model) handleBackground(msg tea.BackgroundColorMsg) tea.Cmd {
	m.isDark = msg.IsDark()
	m.c.styles = NewStyles(m.isDark, m.noColor)
	m.help.Styles = m.c.styles.Help
	for _, s := range append([]Screen{m.home}, m.stack...) {
		if r, ok := s.(restyler); ok {
			r.restyle()
		}
	}
	return nil
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.keys
	if m.quitAsked {
		m.quitAsked = false
		if key.Matches(msg, k.ForceQuit) || key.Matches(msg, k.Yes) {
			return tea.Quit
		}
		return nil // the answer is not also a key for the screen
	}
	if key.Matches(msg, k.ForceQuit) {
		if !m.unsaved() {
			return tea.Quit
		}
		m.quitAsked, m.full, m.flash = true, false, ""
		m.layout()
		return nil
	}
	if m.flash != "" {
		m.flash = ""
		m.layout()
	}
	if m.full {
		// any key closes the full help
		m.full = false
		m.layout()
		return nil
	}
	a := m.active()
	if key.Matches(msg, k.FieldHelp) {
		m.full = true
		m.layout()
		return nil
	}
	if !a.Capturing() {
		switch {
		case key.Matches(msg, k.Help):
			m.full = true
			m.layout()
			return nil
		case key.Matches(msg, k.Quit) && len(m.stack) == 0:
			return tea.Quit
		}
	}
	return m.route(msg)
}

// unsaved reports whether quitting now would lose what a screen holds.
func (m *Model) unsaved() bool {
	for _, s := range m.stack {
		if s.Unsaved() {
			return true
		}
	}
	return m.home.Unsaved()
}

// route sends msg to the active screen only.
func (m *Model) route(msg tea.Msg) tea.Cmd {
	if n := len(m.stack); n > 0 {
		s, cmd := m.stack[n-1].Update(msg)
		m.stack[n-1] = s
		return cmd
	}
	_, cmd := m.home.Update(msg)
	return cmd
}

// broadcast sends msg to the home screen and the active one.
func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	_, cmd := m.home.Update(msg)
	if n := len(m.stack); n > 0 {
		s, c2 := m.stack[n-1].Update(msg)
		m.stack[n-1] = s
		cmd = tea.Batch(cmd, c2)
	}
	return cmd
}

func (m *Model) handleLoaded(msg loadedMsg) tea.Cmd {
	if !m.landed {
		m.landed = true
		close(m.firstIn)
	}
	if msg.seq < m.applied {
		return nil // a newer load is already shown
	}
	m.applied = msg.seq
	m.loadErr = msg.err
	if msg.err != nil {
		if msg.seq == m.loadSeq {
			m.loading = false
		}
		// forget the file's stamp so the watcher tries again within a
		// second (a lock held by another process passes)
		m.stamp = fileStamp{}
		return m.broadcast(loadErrMsg{msg.err})
	}
	cmd := m.broadcast(dataMsg{msg.data})
	switch {
	case msg.data.page:
		// the first page is shown: now every friend, after their
		// haystacks (for a filter typed meanwhile; see haystackCmd)
		m.stamp = msg.stamp
		page := msg.data
		return tea.Batch(cmd, haystackCmd(m.c.st, msg.seq, func(h *haystack) tea.Cmd { return friendsCmd(m.c.st, msg.seq, page, h) }))
	case msg.data.partial:
		// the friends are shown: now their history
		return tea.Batch(cmd, historyCmd(m.c.st, msg.seq, msg.data, m.c.now()))
	}
	if msg.seq == m.loadSeq {
		m.loading = false
	}
	return tea.Batch(cmd, dueCountCmd(msg.data, m.c.now()))
}

func (m *Model) handleStat(msg statMsg) tea.Cmd {
	next := watchCmd(m.c.st.Path(), m.watchEvery)
	if m.loading || msg.stamp == m.stamp {
		return next
	}
	m.stamp = msg.stamp
	return tea.Batch(next, m.startLoad())
}

func (m *Model) handlePush(msg pushMsg) tea.Cmd {
	if msg.screen == nil {
		return nil
	}
	m.stack = append(m.stack, msg.screen)
	m.layout()
	return msg.screen.Init()
}

func (m *Model) handlePop() {
	if n := len(m.stack); n > 0 {
		m.stack = m.stack[:n-1]
	}
	m.layout()
}

// quitQuestion is what ctrl+c asks when quitting would lose changes.
const quitQuestion = "Quit and lose your unsaved changes? y or ctrl+c quits · any other key goes back"

// loadErrMsg tells the screens a load failed.
type loadErrMsg struct{ err error }

// dataMsg hands a freshly loaded dataset to the screens.
type dataMsg struct{ d *dataset }
