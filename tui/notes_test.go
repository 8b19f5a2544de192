package tui

import (
	"strconv"
	"strings"
	"testing"
)

// focusAsk moves the asks screen's focus to the ask of friend name.
func focusAsk(t *testing.T, m *Model, as *asksScreen, name string) {
	t.Helper()
	for p, i := range as.shown {
		if _, fr := as.head(&as.rows[i]); fr.Name == name {
			as.focusAt(p)
			return
		}
	}
	t.Fatalf("no ask of %s shown", name)
}

// m on the asks screen drafts the next note of the ask in focus: a
// follow-up to Cy's unanswered intro, a thank-you to Dee, who helped;
// nothing for Ada's draft.
func TestAsksNextNote(t *testing.T) {
	m := asksModel(t, 100, 30)
	as := openAsks(t, m)
	focusAsk(t, m, as, "Cy Chen")
	follow(t, m, press(m, "m"))
	n, ok := m.active().(*noteScreen)
	if !ok {
		t.Fatalf("m opened %T, want the note", m.active())
	}
	view := plain(m)
	for _, s := range []string{"Follow-up to Cy Chen (intro, ask", "Subject: Following up: fintech people", "I'm following up on my note from last week asking for an introduction (fintech people)"} {
		if !strings.Contains(view, s) {
			t.Errorf("the follow-up lacks %q:\n%s", s, view)
		}
	}
	if msgs := follow(t, m, press(m, "ctrl+y")); !hasFlash(msgs, "Copied") {
		t.Errorf("ctrl+y: %v", msgs)
	}
	follow(t, m, press(m, "esc"))
	if m.active() != as || n == nil {
		t.Fatalf("esc left %T", m.active())
	}
	focusAsk(t, m, as, "Dee Diaz")
	follow(t, m, press(m, "m"))
	if !strings.Contains(plain(m), "Thank-you to Dee Diaz") || !strings.Contains(plain(m), "Thank you so much for your advice.") {
		t.Errorf("the thank-you:\n%s", plain(m))
	}
	follow(t, m, press(m, "esc"))
	focusAsk(t, m, as, "Ada Alvarez")
	follow(t, m, press(m, "m"))
	if m.active() != as || !strings.Contains(as.err, "nothing to write for this ask now: it is draft") {
		t.Errorf("m on a draft: %T, err %q", m.active(), as.err)
	}
}

func TestGoldenNote(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{80, 24}, {200, 60}} {
		name := "note-" + strconv.Itoa(sz.w) + "x" + strconv.Itoa(sz.h)
		t.Run(name, func(t *testing.T) {
			m := asksModel(t, sz.w, sz.h)
			as := openAsks(t, m)
			focusAsk(t, m, as, "Cy Chen")
			follow(t, m, press(m, "m"))
			got := plain(m)
			checkFrame(t, got, sz.w, sz.h)
			golden(t, name, got)
		})
	}
}
