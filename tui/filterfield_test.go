package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestFilterFieldKeys: / starts the field from the text kept, typing and
// pasting change it, moving the cursor does not, enter keeps the text and
// esc clears it, both leaving the field; the keys come from the KeyMap.
func TestFilterFieldKeys(t *testing.T) {
	c := &common{keys: DefaultKeyMap(), styles: NewStyles(true, true)}
	k := c.keys
	ff := newFilterField(c, "a name", 50)
	step := func(key string, wantChanged bool, want string) {
		t.Helper()
		changed, _ := ff.HandleKey(k, keyMsg(key))
		if changed != wantChanged || ff.Value() != want {
			t.Errorf("%s: changed %v, text %q; want %v, %q", key, changed, ff.Value(), wantChanged, want)
		}
	}
	ff.Start("")
	if !ff.Typing() {
		t.Fatal("Start did not start typing")
	}
	step("a", true, "a")
	step("d", true, "ad")
	step("left", false, "ad")
	step("backspace", true, "d")
	if changed, _ := ff.HandlePaste(tea.PasteMsg{Content: "ée"}); !changed || ff.Value() != "éed" {
		t.Errorf("paste: changed %v, text %q; want the text pasted at the cursor", changed, ff.Value())
	}
	step("enter", false, "éed")
	if ff.Typing() {
		t.Error("enter left the field typing")
	}
	if changed, _ := ff.HandlePaste(tea.PasteMsg{Content: "x"}); changed {
		t.Error("a paste changed the field while it was not typed")
	}
	ff.Start(ff.Value())
	step("esc", true, "")
	if ff.Typing() {
		t.Error("esc left the field typing")
	}
}
