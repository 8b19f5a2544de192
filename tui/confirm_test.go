package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestArchiveConfirm(t *testing.T) {
	m := newTestModel(t, genNetwork(30, 1), 80, 24)
	name := m.home.d.friends[m.home.selected()].Name
	for _, msg := range runPush(press(m, "d")) {
		m.Update(msg)
	}
	d, ok := m.active().(*confirmScreen)
	if !ok {
		t.Fatalf("d opened %T, want a confirmation", m.active())
	}
	if !strings.Contains(plain(m), "Archive "+name+"?") {
		t.Errorf("the dialog does not name %s:\n%s", name, plain(m))
	}
	// q is not quit here, and n closes without writing
	if cmd := press(m, "q"); cmd != nil {
		t.Error("q did something in the dialog")
	}
	msgs := run(t, m, press(m, "n"))
	if !hasMsg[popMsg](msgs) || hasMsg[archivedMsg](msgs) {
		t.Errorf("n gave %v, want a pop and no write", msgs)
	}
	if d.running {
		t.Error("n started the archive")
	}
}

func TestRestoreFromArchive(t *testing.T) {
	net := genNetwork(30, 1)
	m := newTestModel(t, net, 80, 24)
	press(m, "H")
	for r, i := range m.home.rows {
		if net.friends[i].Archived {
			m.home.cursor = r
			break
		}
	}
	fr := m.home.d.friends[m.home.selected()]
	if !fr.Archived {
		t.Fatal("no archived friend in the generated network")
	}
	for _, msg := range runPush(press(m, "d")) {
		m.Update(msg)
	}
	if !strings.Contains(plain(m), "Restore "+fr.Name) {
		t.Errorf("d on an archived friend does not offer to restore:\n%s", plain(m))
	}
}

func TestResizeAcrossTheWideLayout(t *testing.T) {
	m := newTestModel(t, genNetwork(30, 1), 120, 40)
	press(m, "tab")
	if !m.home.focusDetail {
		t.Fatal("tab did not focus the detail")
	}
	m.Update(keyMsg("j")) // scrolls the detail, not the list
	m.Update(tea.WindowSizeMsg{Width: 60, Height: 20})
	press(m, "esc")
	if m.home.focusDetail || m.home.detailFull {
		t.Error("esc after narrowing left the detail focused")
	}
	press(m, "j")
	if m.home.cursor != 1 {
		t.Errorf("j after leaving the detail: cursor %d, want 1", m.home.cursor)
	}
}
