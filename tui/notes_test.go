package tui

import (
	"strconv"
	"strings"
	"testing"

	"kith/policy"
	"kith/store"
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

// dueIndex is the index of the nudge of kind k in the due list.
func dueIndex(t *testing.T, as *asksScreen, k policy.NudgeKind) int {
	t.Helper()
	for i, n := range as.nudges {
		if n.Kind == k {
			return i
		}
	}
	t.Fatalf("no %s nudge in %+v", k, as.nudges)
	return -1
}

// The due list's items are selectable: tab moves into it, and each leads
// to its action.
func TestDueListLeadsToActions(t *testing.T) {
	m := asksModel(t, 100, 30)
	as := openAsks(t, m)
	follow(t, m, press(m, "tab"))
	if !as.dueFocus || !strings.Contains(plain(m), "enter/m note · o outcome · f favor") {
		t.Fatalf("tab did not focus the due list:\n%s", plain(m))
	}
	// the follow-up nudge: enter drafts the follow-up
	for as.dueCur != dueIndex(t, as, policy.NudgeFollowUp) {
		press(m, "down")
	}
	follow(t, m, press(m, "enter"))
	if _, ok := m.active().(*noteScreen); !ok || !strings.Contains(plain(m), "Follow-up to Cy Chen") {
		t.Fatalf("enter on the follow-up opened %T:\n%s", m.active(), plain(m))
	}
	follow(t, m, press(m, "esc"))
	// the thank-you nudge: m drafts the thank-you, o records the outcome
	as.dueCur = dueIndex(t, as, policy.NudgeThank)
	follow(t, m, press(m, "m"))
	if !strings.Contains(plain(m), "Thank-you to Dee Diaz") {
		t.Fatalf("m on the thank-you:\n%s", plain(m))
	}
	follow(t, m, press(m, "esc"))
	follow(t, m, press(m, "o"))
	if !as.picking || as.dueFocus {
		t.Fatalf("o on the thank-you nudge: picking %v, due focus %v", as.picking, as.dueFocus)
	}
	if r := as.focused(); r == nil || r.id != as.nudges[dueIndex(t, as, policy.NudgeThank)].AskID {
		t.Errorf("the picker is not on the nudge's ask: %+v", r)
	}
	follow(t, m, press(m, "esc"))
	// the help-back nudge: enter logs a favor
	follow(t, m, press(m, "tab"))
	as.dueCur = dueIndex(t, as, policy.NudgeHelpBack)
	follow(t, m, press(m, "enter"))
	if _, ok := m.active().(*formScreen); !ok || !strings.Contains(plain(m), "Dee") {
		t.Fatalf("enter on help back opened %T:\n%s", m.active(), plain(m))
	}
	follow(t, m, press(m, "esc"))
	follow(t, m, press(m, "tab"))
	if as.dueFocus {
		t.Error("tab again did not give the focus back to the list")
	}
}

// When the nudges do not fit, the last line says how many more there are,
// and moving down scrolls them.
func TestDueListMore(t *testing.T) {
	m := asksModel(t, 80, 12)
	as := openAsks(t, m)
	if !strings.Contains(plain(m), "…2 more") {
		t.Fatalf("3 nudges in a short screen: no '…2 more':\n%s", plain(m))
	}
	follow(t, m, press(m, "tab"))
	press(m, "down")
	press(m, "down")
	if as.dueCur != 2 || strings.Contains(plain(m), "…2 more") || !strings.Contains(plain(m), nudgeLabel(as.nudges[2].Kind)) {
		t.Errorf("after moving down to the last nudge:\n%s", plain(m))
	}
}

func TestGoldenDueList(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{80, 24}, {200, 60}} {
		name := "due-" + strconv.Itoa(sz.w) + "x" + strconv.Itoa(sz.h)
		t.Run(name, func(t *testing.T) {
			m := asksModel(t, sz.w, sz.h)
			openAsks(t, m)
			follow(t, m, press(m, "tab"))
			press(m, "down")
			got := plain(m)
			checkFrame(t, got, sz.w, sz.h)
			golden(t, name, got)
		})
	}
}

// Compose's first field asks for the kind's own detail, and the draft
// puts it where the kind wants it.
func TestComposeAsksForTheKindsDetail(t *testing.T) {
	for _, tc := range []struct {
		kind  store.Kind
		label string
		typed string
		want  string
	}{
		{store.KindReview, "Document", "cover letter", "Would you have a moment to look over my cover letter"},
		{store.KindReferral, "Job", "Product Designer", "referring me for the Product Designer role"},
		{store.KindAdvice, "Decision", "whether to go freelance", "a decision I'm facing: whether to go freelance."},
	} {
		m := composeModel(t, 120, 40)
		cp := openCompose(t, m, 0, tc.kind)
		cp.setFocus(fieldTopic)
		typeText(m, tc.typed)
		if !strings.Contains(plain(m), tc.label+" ") || !strings.Contains(cp.body.Value(), tc.want) {
			t.Errorf("%s: label %q, body lacks %q:\n%s", tc.kind, tc.label, tc.want, cp.body.Value())
		}
	}
}
