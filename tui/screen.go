package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"kith/policy"
)

// Screen is one screen of the TUI. The root model sends key and mouse
// messages only to the active screen, and every other message to the home
// screen and the active one; screens talk back through commands that
// return the messages below (push, pop, reload, flash).
type Screen interface {
	Init() tea.Cmd
	Update(msg tea.Msg) (Screen, tea.Cmd)
	// View renders the screen in exactly the size last set.
	View() string
	SetSize(width, height int)
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
	// Capturing reports whether a text field has the focus, so that
	// single-letter global keys (q, ?) are typed rather than obeyed.
	Capturing() bool
	// Unsaved reports whether closing the screen now would lose what the
	// user typed (a changed form, a changed draft), so that ctrl+c asks
	// before quitting.
	Unsaved() bool
}

// common is what every screen shares: dependencies and look.
type common struct {
	st     Loader
	keys   KeyMap
	styles Styles
	now    func() time.Time
	judge  Judge

	templates *policy.Templates   // the draft templates, nil until read
	getenv    func(string) string // $EDITOR and $VISUAL
}

// pushMsg opens a screen on top of the active one.
type pushMsg struct{ screen Screen }

// popMsg closes the active screen (never the home screen).
type popMsg struct{}

// reloadMsg asks the root to reload the database now.
type reloadMsg struct{}

// flashMsg shows a short message in the footer until the next key.
type flashMsg struct {
	text string
	err  bool
}

func push(s Screen) tea.Cmd { return func() tea.Msg { return pushMsg{s} } }
func pop() tea.Msg          { return popMsg{} }
func reload() tea.Msg       { return reloadMsg{} }
func flash(text string, isErr bool) tea.Cmd {
	return func() tea.Msg { return flashMsg{text: text, err: isErr} }
}
