package tui

import (
	tea "charm.land/bubbletea/v2"
)

// The mouse, beyond the wheel: a click on a list's row selects it, and a
// click on the row already selected opens it, as enter does; in the wide
// layout a click on the detail pane gives it the focus.

// wheelStep is how many rows or lines a notch of the wheel moves.
const wheelStep = 3

// wheelDelta is the wheel's movement: -wheelStep, wheelStep, or 0 for
// the sideways buttons.
func wheelDelta(msg tea.MouseWheelMsg) int {
	switch msg.Button {
	case tea.MouseWheelUp:
		return -wheelStep
	case tea.MouseWheelDown:
		return wheelStep
	}
	return 0
}

// handleClick selects (or opens) the friend list's row under the click.
func (f *friendsScreen) handleClick(msg clickMsg) tea.Cmd {
	if f.filtering || f.detailFull || !f.loaded || f.d.len() == 0 {
		return nil
	}
	lw := f.w
	if f.wide() {
		lw = f.listWidth()
	}
	if msg.x > lw {
		if f.selected() >= 0 {
			f.focusDetail = true
		}
		return nil
	}
	f.focusDetail = false
	r := f.offset + msg.y - 2 // the status line and the column heads
	if msg.y < 2 || r >= len(f.rows) {
		return nil
	}
	if r == f.cursor {
		return f.handleListKey(keyFor(f.c.keys.Open))
	}
	return f.move(r - f.cursor)
}

// handleClick selects (or opens) the ask under the click, in the list.
func (as *asksScreen) handleClick(msg clickMsg) tea.Cmd {
	if as.busy || as.picking || as.open {
		return nil
	}
	top := as.nudgeLines() + 2 // the nudges, the status line, the heads
	p := as.offset + msg.y - top
	if msg.y < top || p >= len(as.shown) {
		return nil
	}
	if p == as.cursor {
		return as.handleKey(keyFor(as.c.keys.Open))
	}
	as.focusAt(p)
	return nil
}

// handleWheel scrolls the asks list, or the ask shown in full.
func (as *asksScreen) handleWheel(msg tea.MouseWheelMsg) tea.Cmd {
	d := wheelDelta(msg)
	switch {
	case d == 0 || as.busy || as.picking:
	case as.open:
		as.detailOff = min(max(as.detailOff+d, 0), as.detailMax())
	default:
		as.focusAt(as.cursor + d)
	}
	return nil
}

// keyFor is the key press of binding b's first key, for a click that
// does what the key does.
func keyFor(b interface{ Keys() []string }) tea.KeyPressMsg {
	if b.Keys()[0] == "enter" {
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	}
	r := []rune(b.Keys()[0])
	return tea.KeyPressMsg{Code: r[0], Text: string(r[0])}
}
