package tui

import (
	tea "charm.land/bubbletea/v2"
)

// The mouse in a form: a click on a field focuses it, with the cursor
// under the click in a text field or area; a click on a focused picker
// changes it (on ‹ back, elsewhere on), as ←/→ do; a click on a key hint
// of the foot (ctrl+s save, esc cancel; y and n of "discard?") presses
// it. The wheel scrolls the text area in focus.

// fieldLead is how many cells come before a field's text: the focus
// mark, the label and a space.
const fieldLead = labelWidth + 2

func (f *formScreen) handleClick(msg clickMsg) tea.Cmd {
	if f.saving {
		return nil
	}
	k := f.c.keys
	if f.confirm {
		if i, ok := buttonAt(f.View(), msg.x, msg.y, "y discards", "n keeps editing"); ok {
			return f.handleKey(keyFor(pick(i, k.Yes, k.No)))
		}
		return nil
	}
	if i, ok := buttonAt(f.View(), msg.x, msg.y, "ctrl+s save", "esc cancel"); ok {
		return f.handleKey(keyFor(pick(i, k.Save, k.Cancel)))
	}
	l := f.layout()
	j := msg.y - len(l.head) + l.off
	if msg.y < len(l.head) || j >= l.end || j < 0 {
		return nil
	}
	i, row := l.of[j], l.row[j]
	was := f.focus == i
	cmd := f.setFocus(i)
	fd := &f.fields[i]
	col := msg.x - fieldLead
	switch {
	case row < 0: // the field's error: focus only
	case fd.choices != nil:
		if was && col >= 0 {
			b := k.Right
			if col < 2 { // on "‹ "
				b = k.Left
			}
			fd.choose(k, keyFor(b))
			f.err = ""
		}
	case fd.isArea():
		clickArea(fd.area, row, col)
	default:
		clickInput(&fd.in, col)
	}
	return cmd
}

func (f *formScreen) handleWheel(msg tea.MouseWheelMsg) tea.Cmd {
	if len(f.fields) > 0 && f.fields[f.focus].isArea() && !f.confirm {
		wheelArea(f.fields[f.focus].area, wheelDelta(msg))
	}
	return nil
}
