package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// The mouse in compose: a click on the topic, the second detail, the
// subject or the body focuses it, the cursor under the click; a click on
// the answers of a question in the status line (save before leaving?
// mark as sent?) presses it; the wheel scrolls the body. While the name
// or the blurb is asked for first, a click in its field places the
// cursor and the hints are buttons.

func (cp *composeScreen) handleClick(msg clickMsg) tea.Cmd {
	if cp.busy {
		return nil
	}
	k := cp.c.keys
	view := cp.View()
	press := func(labels []string, bs ...key.Binding) tea.Cmd {
		if i, ok := buttonAt(view, msg.x, msg.y, labels...); ok {
			return cp.handleKey(keyFor(bs[i]))
		}
		return nil
	}
	switch cp.stage {
	case stageLeave:
		return press([]string{"y save", "n discard", "esc keep editing"}, k.Yes, k.Discard, k.Back)
	case stageSend:
		return press([]string{"y yes", "n no"}, k.Yes, k.No)
	case stageMailed:
		return press([]string{"y marks the ask sent", "n not yet"}, k.Yes, k.No)
	case stageName:
		if msg.y == cp.nameTop() {
			clickInput(&cp.name, msg.x-labelWidth)
			return nil
		}
		return press([]string{"ctrl+s saves it", "esc goes on without it"}, k.Save, k.Back)
	case stageBlurb:
		if r := msg.y - cp.blurbTop(); r >= 0 && r < cp.blurb.Height() {
			clickArea(&cp.blurb, r, msg.x)
			return nil
		}
		return press([]string{"ctrl+s saves it", "esc goes on without it"}, k.Save, k.Back)
	}
	ew := cp.editorWidth()
	if msg.x >= ew {
		return nil // the checklist beside
	}
	f, row := cp.fieldAt(msg.y)
	if f < 0 {
		return nil
	}
	cmd := cp.setFocus(f)
	col := msg.x - labelW - 1
	switch f {
	case fieldTopic:
		clickInput(&cp.topic, col)
	case fieldMore:
		clickInput(&cp.more, col)
	case fieldSubject:
		clickInput(&cp.subject, col)
	case fieldBody:
		if row >= 0 {
			clickArea(&cp.body, row, msg.x)
		}
	}
	return cmd
}

// fieldAt is the field drawn on line y of the pane, as View lays it out
// (the title, the cautions, the topic, the second detail, the subject,
// the body's rule, the body), and for the body the line of it (-1 on the
// rule); -1 for none.
func (cp *composeScreen) fieldAt(y int) (field, row int) {
	top := 1 + len(cp.cautionLines(cp.editorWidth()))
	lines := []int{fieldTopic}
	if hasMore(cp.req.Kind) {
		lines = append(lines, fieldMore)
	}
	lines = append(lines, fieldSubject, fieldBody)
	switch i := y - top; {
	case i < 0:
		return -1, 0
	case i < len(lines)-1:
		return lines[i], 0
	case i == len(lines)-1:
		return fieldBody, -1
	case i-len(lines) < max(cp.bodyHeight(), 0):
		return fieldBody, i - len(lines)
	}
	return -1, 0
}

// handleWheel scrolls the body (the blurb while it is asked for).
func (cp *composeScreen) handleWheel(msg tea.MouseWheelMsg) tea.Cmd {
	switch cp.stage {
	case stageEdit:
		wheelArea(&cp.body, wheelDelta(msg))
	case stageBlurb:
		wheelArea(&cp.blurb, wheelDelta(msg))
	}
	return nil
}
