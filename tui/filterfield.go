package tui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// filterField is a list's / filter as it is typed: the one home of its
// keys, for every screen that filters a list. Filter (/) starts it,
// Open (enter) keeps the text and leaves the field, ClearFilter (esc)
// clears the text and leaves; every other key edits the text.
type filterField struct {
	in     textinput.Model
	typing bool
}

// newFilterField is a filter field whose prompt is "/" and whose
// placeholder says what it matches.
func newFilterField(c *common, placeholder string, limit int) filterField {
	in := textinput.New()
	in.Prompt = "/"
	in.Placeholder = placeholder
	in.CharLimit = limit
	in.SetStyles(c.styles.Input)
	return filterField{in: in}
}

// Value is the text typed.
func (ff *filterField) Value() string { return ff.in.Value() }

// Typing reports whether keys go to the field.
func (ff *filterField) Typing() bool { return ff.typing }

// View is the field: the prompt, the text and the cursor.
func (ff *filterField) View() string { return ff.in.View() }

// SetWidth sets the width of the text shown after the prompt.
func (ff *filterField) SetWidth(w int) { ff.in.SetWidth(max(w, 1)) }

// restyle applies the theme's input style.
func (ff *filterField) restyle(c *common) { ff.in.SetStyles(c.styles.Input) }

// Start begins typing, from text v, the cursor at its end.
func (ff *filterField) Start(v string) tea.Cmd {
	ff.typing = true
	ff.in.SetValue(v)
	ff.in.CursorEnd()
	return ff.in.Focus()
}

// Clear empties the field, typed or not.
func (ff *filterField) Clear() { ff.in.SetValue("") }

// stop leaves the field, keeping its text.
func (ff *filterField) stop() {
	ff.typing = false
	ff.in.Blur()
}

// HandleKey handles a key while the field is typed. changed reports that
// the text changed (the screen filters again on Value); esc clears it and
// enter keeps it, both leaving the field.
func (ff *filterField) HandleKey(k KeyMap, msg tea.KeyPressMsg) (changed bool, cmd tea.Cmd) {
	switch {
	case key.Matches(msg, k.ClearFilter):
		ff.stop()
		ff.in.SetValue("")
		return true, nil
	case key.Matches(msg, k.Open):
		ff.stop()
		return false, nil
	}
	return ff.edit(msg)
}

// HandlePaste inserts pasted text while the field is typed.
func (ff *filterField) HandlePaste(msg tea.PasteMsg) (changed bool, cmd tea.Cmd) {
	if !ff.typing {
		return false, nil
	}
	return ff.edit(msg)
}

// Update passes the field a message that is not a key or a paste (the
// cursor's blink) while it is typed.
func (ff *filterField) Update(msg tea.Msg) tea.Cmd {
	if !ff.typing {
		return nil
	}
	var cmd tea.Cmd
	ff.in, cmd = ff.in.Update(msg)
	return cmd
}

func (ff *filterField) edit(msg tea.Msg) (bool, tea.Cmd) {
	old := ff.in.Value()
	var cmd tea.Cmd
	ff.in, cmd = ff.in.Update(msg)
	return ff.in.Value() != old, cmd
}
