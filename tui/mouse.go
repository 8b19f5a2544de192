package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
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
	if f.filter.Typing() || f.detailFull || !f.loaded || f.d.len() == 0 {
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
	if r == f.cursor && !f.held() { // a held friend is on no row
		return f.handleListKey(keyFor(f.c.keys.Open))
	}
	return f.move(r - f.cursor)
}

// handleClick selects (or opens) the ask under the click, in the list;
// in the outcome picker, it picks the outcome under it (records it, if
// picked already), and presses the key hints enter and esc.
func (as *asksScreen) handleClick(msg clickMsg) tea.Cmd {
	if as.busy || as.open {
		return nil
	}
	if as.picking {
		k := as.c.keys
		if i, ok := buttonAt(as.View(), msg.x, msg.y, "enter records", "esc cancels"); ok {
			return as.handleKey(keyFor(pick(i, k.Open, k.Back)))
		}
		if i := msg.y - pickTop; i >= 0 && i < len(outcomes) {
			if i == as.pick {
				return as.handleKey(keyFor(k.Open))
			}
			as.pick = i
		}
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
	k := b.Keys()[0]
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	}
	if c, ok := strings.CutPrefix(k, "ctrl+"); ok && len(c) == 1 {
		return tea.KeyPressMsg{Code: rune(c[0]), Mod: tea.ModCtrl}
	}
	r := []rune(k)
	return tea.KeyPressMsg{Code: r[0], Text: string(r[0])}
}

// pick is the i-th of the bindings of buttonAt's labels.
func pick(i int, bs ...key.Binding) key.Binding { return bs[i] }

// buttonAt reports which of labels ("y yes", "esc cancel"), as drawn in
// view, is under cell (x, y): the key hints of a question or a form are
// its buttons. ok is false when the click is on none of them.
func buttonAt(view string, x, y int, labels ...string) (i int, ok bool) {
	ls := strings.Split(ansi.Strip(view), "\n")
	if y < 0 || y >= len(ls) {
		return 0, false
	}
	line := ls[y]
	for i, l := range labels {
		for from := 0; ; {
			j := strings.Index(line[from:], l)
			if j < 0 {
				break
			}
			col := ansi.StringWidth(line[:from+j])
			if x >= col && x < col+ansi.StringWidth(l) {
				return i, true
			}
			from += j + len(l)
		}
	}
	return 0, false
}

// runeAtCell is the index of the rune of rs under cell col, counting
// cells from rs[from]; len(rs) (or to) past the text's end.
func runeAtCell(rs []rune, from, to, col int) int {
	p, w := from, 0
	for p < min(to, len(rs)) {
		rw := ansi.StringWidth(string(rs[p]))
		if w+rw > col {
			break
		}
		w += rw
		p++
	}
	return p
}

// clickInput puts a text input's cursor under cell col of its text as
// drawn (0 is the first cell after the prompt). A text wider than the
// field is drawn from an offset the input does not tell: it is found
// where the text drawn starts, nearest before the cursor.
func clickInput(in *textinput.Model, col int) {
	rs := []rune(in.Value())
	from := 0
	if ansi.StringWidth(in.Value()) >= in.Width() {
		from = drawnFrom(rs, in.Position(), []rune(strings.TrimPrefix(strings.TrimRight(ansi.Strip(in.View()), " "), in.Prompt)))
	}
	in.SetCursor(runeAtCell(rs, from, len(rs), max(col, 0)))
}

// drawnFrom is where, in rs, the text drawn (shown) starts: the nearest
// place at or before the cursor pos where rs holds its first runes.
func drawnFrom(rs []rune, pos int, shown []rune) int {
	shown = shown[:min(len(shown), 8)]
	for s := min(pos, len(rs)); s >= 0; s-- {
		if len(rs)-s >= len(shown) && string(rs[s:s+len(shown)]) == string(shown) {
			return s
		}
	}
	return 0
}

// clickArea puts a text area's cursor under cell col of its visual line
// row (0 is the area's first line drawn), the area focused: it moves the
// cursor by visual lines from where the area draws it, as ↑/↓ do, so the
// view does not scroll, then along the line.
func clickArea(a *textarea.Model, row, col int) {
	probe := *a // Cursor tells the cursor's line only without the virtual cursor
	probe.SetVirtualCursor(false)
	c := probe.Cursor()
	if c == nil {
		return
	}
	for cur := c.Position.Y; cur < row; cur++ {
		a.CursorDown()
	}
	for cur := c.Position.Y; cur > row; cur-- {
		a.CursorUp()
	}
	li := a.LineInfo()
	lines := strings.Split(a.Value(), "\n")
	if a.Line() >= len(lines) {
		return
	}
	rs := []rune(lines[a.Line()])
	to := li.StartColumn + li.Width
	if li.RowOffset+1 < li.Height {
		to-- // a wrapped line's last cell is the space it broke at
	}
	a.SetCursorColumn(runeAtCell(rs, li.StartColumn, to, max(col, 0)))
}

// wheelArea scrolls a text area by the wheel: its cursor moves by
// visual lines, and the view with it.
func wheelArea(a *textarea.Model, d int) {
	for ; d > 0; d-- {
		a.CursorDown()
	}
	for ; d < 0; d++ {
		a.CursorUp()
	}
}
