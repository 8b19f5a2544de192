package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// clickText clicks dx cells into the first place text is drawn on m's
// screen, as a terminal reports it (the header is line 0).
func clickText(t *testing.T, m *Model, text string, dx int) {
	t.Helper()
	for y, l := range lines(plain(m)) {
		if i := strings.Index(l, text); i >= 0 {
			follow(t, m, click(m, ansi.StringWidth(l[:i])+dx, y))
			return
		}
	}
	t.Fatalf("%q is not on the screen:\n%s", text, plain(m))
}

// TestMouseInForms: a click on a field focuses it, the cursor under the
// click; a click on a focused picker changes it; the foot's key hints and
// the "discard?" answers are buttons.
func TestMouseInForms(t *testing.T) {
	m := newTestModel(t, genNetwork(20, 1), 80, 24)
	f := openForm(t, m, "a")
	clickText(t, m, "Role", 0)
	if f.fields[f.focus].label != "Role" {
		t.Fatalf("a click on Role focused %q", f.fields[f.focus].label)
	}
	typeText(m, "designer")
	clickText(t, m, "Role", fieldLead-2+2) // the third letter
	typeText(m, "X")
	if got := f.fields[f.focus].value(); got != "deXsigner" {
		t.Errorf("typed at the click: %q, want deXsigner", got)
	}
	clickText(t, m, "Closeness", 0)
	fd := &f.fields[f.focus]
	if fd.label != "Closeness" || fd.value() != "3" {
		t.Fatalf("a click on Closeness: focus %q value %q; want it focused, unchanged", fd.label, fd.value())
	}
	clickText(t, m, "Closeness", fieldLead-2+4)
	if fd.value() != "4" {
		t.Errorf("a click on the focused picker: %q, want 4", fd.value())
	}
	clickText(t, m, "‹", 0)
	if fd.value() != "3" {
		t.Errorf("a click on ‹: %q, want 3", fd.value())
	}
	// esc cancel asks, n keeps editing, y discards
	clickText(t, m, "esc cancel", 1)
	if !f.confirm {
		t.Fatal("a click on esc cancel did not ask about the changes")
	}
	clickText(t, m, "n keeps editing", 0)
	if f.confirm {
		t.Fatal("a click on n did not keep editing")
	}
	clickText(t, m, "esc cancel", 0)
	clickText(t, m, "y discards", 2)
	if _, ok := m.active().(*formScreen); ok {
		t.Error("a click on y did not discard the form")
	}
}

// TestMouseInAFormsTextArea: a click in a text area puts the cursor on
// the line and column clicked; the wheel moves it by lines.
func TestMouseInAFormsTextArea(t *testing.T) {
	m := newTestModel(t, nil, 100, 40)
	f := openForm(t, m, "p")
	clickText(t, m, "Intro blurb", 0)
	if !f.fields[f.focus].isArea() {
		t.Fatalf("a click on the blurb focused %q", f.fields[f.focus].label)
	}
	typeText(m, "first line")
	press(m, "enter")
	typeText(m, "second")
	clickText(t, m, "first line", 3)
	typeText(m, "Y")
	if got := f.fields[f.focus].value(); got != "firYst line\nsecond" {
		t.Errorf("typed at the click in the blurb: %q", got)
	}
	clickText(t, m, "second", 40) // past the end of the line
	typeText(m, "Z")
	if got := f.fields[f.focus].value(); got != "firYst line\nsecondZ" {
		t.Errorf("typed after a click past the line's end: %q", got)
	}
	m.Update(wheelMsg(true))
	m.Update(wheelMsg(false))
	typeText(m, "W")
	if got := f.fields[f.focus].value(); !strings.Contains(strings.Split(got, "\n")[0], "W") {
		t.Errorf("the wheel down then up did not move the cursor to the first line: %q", got)
	}
}

func wheelMsg(down bool) tea.MouseWheelMsg {
	if down {
		return tea.MouseWheelMsg{X: 5, Y: 5, Button: tea.MouseWheelDown}
	}
	return tea.MouseWheelMsg{X: 5, Y: 5, Button: tea.MouseWheelUp}
}
