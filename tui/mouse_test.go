package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"kith/store"
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

// lineOf is the screen line where text is first drawn, -1 if nowhere.
func lineOf(m *Model, text string) int {
	for y, l := range lines(plain(m)) {
		if strings.Contains(l, text) {
			return y
		}
	}
	return -1
}

// TestMouseInCompose: a click focuses the field under it, the cursor at
// the click; the wheel scrolls the body; a question's answers are buttons.
func TestMouseInCompose(t *testing.T) {
	m := composeModel(t, 80, 24)
	cp := openCompose(t, m, 0, store.KindIntro)
	if cp.stage != stageEdit {
		t.Fatalf("compose opened at stage %d", cp.stage)
	}
	cp.subject.SetValue("hello")
	clickText(t, m, "Subject", labelW+1+2)
	if cp.focus != fieldSubject {
		t.Fatalf("a click on the subject focused field %d", cp.focus)
	}
	typeText(m, "X")
	if cp.subject.Value() != "heXllo" {
		t.Errorf("typed at the click in the subject: %q", cp.subject.Value())
	}
	clickText(t, m, "Why", 0)
	if cp.focus != fieldMore {
		t.Errorf("a click on Why focused field %d", cp.focus)
	}
	cp.body.SetValue("Dear Ada\n" + strings.Repeat("more\n", 40) + "the end")
	cp.body.MoveToBegin()
	y := lineOf(m, "Body ─")
	follow(t, m, click(m, 2, y+1))
	if cp.focus != fieldBody {
		t.Fatalf("a click on the body focused field %d", cp.focus)
	}
	typeText(m, "Q")
	if !strings.HasPrefix(cp.body.Value(), "DeQar Ada") {
		t.Errorf("typed at the click in the body: %q", strings.SplitN(cp.body.Value(), "\n", 2)[0])
	}
	cp.setFocus(fieldTopic)
	for range 20 {
		m.Update(wheelMsg(true))
	}
	if cp.body.ScrollYOffset() == 0 || !strings.Contains(plain(m), "the end") {
		t.Errorf("the wheel did not scroll the body to its end (offset %d):\n%s", cp.body.ScrollYOffset(), plain(m))
	}
	for range 20 {
		m.Update(wheelMsg(false))
	}
	if cp.body.ScrollYOffset() != 0 {
		t.Errorf("the wheel up left the body at line %d", cp.body.ScrollYOffset())
	}
	follow(t, m, press(m, "f1"))
	if !strings.Contains(plain(m), "mouse     click a field, wheel the body") {
		t.Errorf("F1 in compose does not say what the mouse does:\n%s", plain(m))
	}
	follow(t, m, press(m, "f1"))
	// leaving with changes asks; n discards
	follow(t, m, press(m, "esc"))
	if cp.stage != stageLeave {
		t.Fatalf("esc with changes: stage %d", cp.stage)
	}
	clickText(t, m, "esc keep editing", 0)
	if cp.stage != stageEdit || m.active() != cp {
		t.Fatalf("a click on esc keep editing: stage %d, screen %T", cp.stage, m.active())
	}
	follow(t, m, press(m, "esc"))
	clickText(t, m, "n discard", 0)
	if m.active() == cp {
		t.Error("a click on n discard stayed in compose")
	}
}

// TestMouseMarkSentQuestion: mark as sent with items missed asks, and its
// answers are buttons.
func TestMouseMarkSentQuestion(t *testing.T) {
	m := composeModel(t, 80, 24)
	cp := openUnfinished(t, m)
	follow(t, m, press(m, "ctrl+o"))
	clickText(t, m, "n no", 0)
	if cp.stage != stageEdit {
		t.Fatalf("a click on n no: stage %d", cp.stage)
	}
	follow(t, m, press(m, "ctrl+o"))
	clickText(t, m, "y yes", 0)
	if a := storedAsks(t, m, 4); len(a) == 0 || a[len(a)-1].Status != store.StatusSent {
		t.Errorf("a click on y yes did not mark the ask sent: %+v", a)
	}
}

// TestMouseInDialogs: the archive question's y and n, and the outcome
// picker's choices and hints, are buttons.
func TestMouseInDialogs(t *testing.T) {
	m := asksModel(t, 80, 24)
	follow(t, m, press(m, "d"))
	if _, ok := m.active().(*confirmScreen); !ok {
		t.Fatalf("d opened %T", m.active())
	}
	clickText(t, m, "n no", 0)
	if _, ok := m.active().(*confirmScreen); ok {
		t.Fatal("a click on n no left the question open")
	}
	follow(t, m, press(m, "d"))
	clickText(t, m, "y yes", 1)
	if fr, _ := m.c.st.(fixedPath).Loader.(*store.Store).Friend(1); !fr.Archived {
		t.Error("a click on y yes did not archive the friend")
	}
	as := openAsks(t, m)
	press(m, "j", "j") // Cy's intro, sent
	press(m, "o")
	clickText(t, m, "declined", 0)
	if !as.picking || outcomes[as.pick] != store.StatusDeclined {
		t.Fatalf("a click on declined: picking %v, %s", as.picking, outcomes[as.pick])
	}
	clickText(t, m, "esc cancels", 0)
	if as.picking {
		t.Fatal("a click on esc cancels left the picker open")
	}
	press(m, "o")
	clickText(t, m, "no-response", 0)
	clickText(t, m, "no-response", 0) // again: records it
	settle(t, m, as)
	if a := storedAsks(t, m, 3); a[0].Status != store.StatusNoResponse {
		t.Errorf("two clicks on no-response recorded %s", a[0].Status)
	}
}
