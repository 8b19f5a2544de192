package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// KeyMap is every key binding of the TUI. Screens match keys only through
// it (key.Matches), so the help the footer shows is the truth.
type KeyMap struct {
	Up, Down, Top, Bottom, PageUp, PageDown key.Binding

	Filter, ClearFilter, Sort, Open, Back, NextPane key.Binding

	Add, Edit, Favor, Profile, Archive, ShowArchived key.Binding

	// Compose opens the gate (kind picker) for a friend, WhoElse the
	// ranked "who else can I ask", Asks the asks and what is due.
	Compose, WhoElse, Asks key.Binding

	// Compose pane: copy, edit in $EDITOR, mark as sent; the gate's
	// override of a hold.
	Copy, External, MarkSent, Override key.Binding
	// Mail hands the draft to the mail client ($KITH_MAILER or mailto:).
	Mail key.Binding
	// Redraft drafts the body again for the topic, replacing the user's.
	Redraft key.Binding

	// Asks screen: set the outcome, mark a thank-you sent, cycle the
	// status filter; Left/Right change a choice (kind, status).
	// NextNote drafts the ask's next note (follow-up, thank-you, closing
	// the loop).
	Outcome, Thank, StatusFilter, NextNote, Left, Right key.Binding

	// Undo takes back the last outcome, thank-you, mark-as-sent or
	// archive (store.Tx.Undo), on the friend list and the asks screen.
	Undo key.Binding

	// Where letters are typed (the outcome note, compose's fields):
	// PickUp/PickDown change the outcome with the arrows alone; FieldTab
	// and FieldBackTab move between fields with tab alone (↑/↓ move in
	// the body); Discard answers "save before leaving?" with no.
	PickUp, PickDown, FieldTab, FieldBackTab, Discard key.Binding

	// Help is `?`; FieldHelp (F1) is the help that works where letters
	// are typed, and everywhere else too.
	Help, FieldHelp, Quit, ForceQuit key.Binding

	// Forms and dialogs.
	NextField, PrevField, Save, Cancel, Yes, No key.Binding

	// Mouse says in the help what the mouse does; no key press is named
	// "mouse", so it matches none.
	Mouse key.Binding
}

// DefaultKeyMap returns kith's keys, as the README's key table lists them.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	km := KeyMap{
		Up:           b([]string{"up", "k"}, "↑/k", "up"),
		Down:         b([]string{"down", "j"}, "↓/j", "down"),
		Top:          b([]string{"g", "home"}, "g/home", "top"),
		Bottom:       b([]string{"G", "end"}, "G/end", "bottom"),
		PageUp:       b([]string{"pgup", "ctrl+b"}, "pgup", "page up"),
		PageDown:     b([]string{"pgdown", "ctrl+f", "space"}, "pgdn", "page down"),
		Filter:       b([]string{"/"}, "/", "filter"),
		ClearFilter:  b([]string{"esc"}, "esc", "clear filter"),
		Sort:         b([]string{"s"}, "s", "sort"),
		Open:         b([]string{"enter"}, "enter", "open"),
		Back:         b([]string{"esc"}, "esc", "back"),
		NextPane:     b([]string{"tab"}, "tab", "next pane"),
		Add:          b([]string{"a"}, "a", "add friend"),
		Edit:         b([]string{"e"}, "e", "edit"),
		Favor:        b([]string{"f"}, "f", "log a favor"),
		Profile:      b([]string{"p"}, "p", "profile"),
		Archive:      b([]string{"d"}, "d", "archive/restore"),
		ShowArchived: b([]string{"H"}, "H", "show archived"),
		Compose:      b([]string{"c"}, "c", "compose"),
		WhoElse:      b([]string{"w"}, "w", "who else"),
		Asks:         b([]string{"A"}, "A", "asks"),
		Copy:         b([]string{"ctrl+y"}, "ctrl+y", "copy"),
		External:     b([]string{"ctrl+e"}, "ctrl+e", "$EDITOR"),
		MarkSent:     b([]string{"ctrl+o"}, "ctrl+o", "mark sent"),
		Mail:         b([]string{"ctrl+t"}, "ctrl+t", "mail"),
		Redraft:      b([]string{"ctrl+r"}, "ctrl+r", "draft again"),
		Override:     b([]string{"O"}, "O", "ask anyway"),
		Outcome:      b([]string{"o"}, "o", "outcome"),
		Thank:        b([]string{"t"}, "t", "thanked"),
		StatusFilter: b([]string{"s"}, "s", "status filter"),
		NextNote:     b([]string{"m"}, "m", "next note"),
		Left:         b([]string{"left", "h"}, "←/→", "change"),
		Right:        b([]string{"right", "l", "space"}, "→", "change"),
		PickUp:       b([]string{"up"}, "↑/↓", "choose"),
		PickDown:     b([]string{"down"}, "↓", "choose"),
		FieldTab:     b([]string{"tab"}, "tab", "field"),
		FieldBackTab: b([]string{"shift+tab"}, "shift+tab", "previous field"),
		Discard:      b([]string{"n", "N"}, "n", "discard"),
		Undo:         b([]string{"u"}, "u", "undo"),
		Help:         b([]string{"?"}, "?", "help"),
		FieldHelp:    b([]string{"f1"}, "F1", "help"),
		Quit:         b([]string{"q"}, "q", "quit"),
		ForceQuit:    b([]string{"ctrl+c"}, "ctrl+c", "quit"),
		NextField:    b([]string{"tab", "down"}, "tab", "next field"),
		PrevField:    b([]string{"shift+tab", "up"}, "shift+tab", "previous field"),
		Save:         b([]string{"ctrl+s"}, "ctrl+s", "save"),
		Cancel:       b([]string{"esc"}, "esc", "cancel"),
		Yes:          b([]string{"y", "Y"}, "y", "yes"),
		No:           b([]string{"n", "N", "esc"}, "n", "no"),
		Mouse:        b([]string{"mouse"}, "mouse", "click to select, focus or press · wheel scrolls"),
	}
	return km
}

// moveBy is how far a movement key moves a list's cursor: one row, a page
// of page rows, or to either end of n rows. ok is false for other keys.
func (k KeyMap) moveBy(msg tea.KeyPressMsg, page, n int) (delta int, ok bool) {
	page = max(page, 1)
	switch {
	case key.Matches(msg, k.Up):
		return -1, true
	case key.Matches(msg, k.Down):
		return 1, true
	case key.Matches(msg, k.PageUp):
		return -page, true
	case key.Matches(msg, k.PageDown):
		return page, true
	case key.Matches(msg, k.Top):
		return -n, true
	case key.Matches(msg, k.Bottom):
		return n, true
	}
	return 0, false
}

// scrollBy is a text pane's new first line after a movement key: a line,
// a page of page lines, the top or the bottom (last, the furthest the
// pane scrolls); always within 0…last. ok is false for other keys.
func (k KeyMap) scrollBy(msg tea.KeyPressMsg, off, page, last int) (int, bool) {
	if key.Matches(msg, k.Bottom) {
		return max(last, 0), true
	}
	d, ok := k.moveBy(msg, page, off) // Top moves by -off: to line 0
	return max(min(off+d, last), 0), ok
}

// isMove reports whether msg is one of moveBy's keys.
func isMove(k KeyMap, msg tea.KeyPressMsg) bool {
	_, ok := k.moveBy(msg, 1, 1)
	return ok
}
