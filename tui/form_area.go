package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// A form's field is a one-line text input, or a text area (area not nil)
// for text of several lines: the blurb, the question bank. In an area
// enter breaks the line and ↑/↓ move in it; tab and shift+tab leave it.
// These methods work on either.

// newAreaField is a text area field of height lines.
func newAreaField(c *common, name, label, value, hint string, height int) field {
	fl := newField(name, label, "", hint, nil)
	a := newArea(c, hint)
	a.SetHeight(height)
	a.SetValue(value)
	a.MoveToBegin()
	fl.area = &a
	return fl
}

func (fl *field) value() string {
	if fl.area != nil {
		return fl.area.Value()
	}
	return fl.in.Value()
}

func (fl *field) focusIn() tea.Cmd {
	if fl.area != nil {
		return fl.area.Focus()
	}
	return fl.in.Focus()
}

func (fl *field) blur() {
	if fl.area != nil {
		fl.area.Blur()
		return
	}
	fl.in.Blur()
}

func (fl *field) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	if fl.area != nil {
		*fl.area, cmd = fl.area.Update(msg)
		return cmd
	}
	fl.in, cmd = fl.in.Update(msg)
	return cmd
}

func (fl *field) setWidth(w int) {
	if fl.area != nil {
		fl.area.SetWidth(w)
		return
	}
	fl.in.SetWidth(w)
}

func (fl *field) restyle(s Styles) {
	if fl.area != nil {
		fl.area.SetStyles(s.Area)
		return
	}
	fl.in.SetStyles(s.Input)
}

// areaView is a text area's lines.
func (fl *field) areaView() []string {
	return strings.Split(fl.area.View(), "\n")
}

// isArea reports whether the field is a text area.
func (fl *field) isArea() bool { return fl.area != nil }
