package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"kith/store"
)

// quitScreens open a screen on the compose tests' database and, when
// change is set, type into it something that quitting would lose.
var quitScreens = []struct {
	name string
	open func(t *testing.T, m *Model, change bool)
}{
	{"friend form", func(t *testing.T, m *Model, change bool) {
		openForm(t, m, "a")
		if change {
			typeText(m, "Zed")
		}
	}},
	{"edit form", func(t *testing.T, m *Model, change bool) {
		f := openForm(t, m, "e")
		if change {
			f.setFocus(2)
			typeText(m, " Labs")
		}
	}},
	{"favor form", func(t *testing.T, m *Model, change bool) {
		openForm(t, m, "f")
		if change {
			typeText(m, "proofread her talk")
		}
	}},
	{"profile form", func(t *testing.T, m *Model, change bool) {
		openForm(t, m, "p")
		if change {
			typeText(m, " Jr")
		}
	}},
	{"compose draft", func(t *testing.T, m *Model, change bool) {
		cp := openCompose(t, m, 0, store.KindIntro)
		if change {
			cp.setFocus(fieldBody)
			typeText(m, "PS: ")
		}
	}},
	{"compose blurb", func(t *testing.T, m *Model, change bool) {
		if err := m.c.st.Batch(testNow, func(tx *store.Tx) error {
			p := composeProfile()
			p.SetBlurb(store.LangEnglish, "")
			return tx.PutProfile(p)
		}); err != nil {
			t.Fatal(err)
		}
		follow(t, m, m.startLoad())
		cp := openCompose(t, m, 3, store.KindIntro) // Ada has a draft intro: Dee

		if cp.stage != stageBlurb {
			t.Fatal("the intro did not ask for the blurb first")
		}
		if change {
			typeText(m, "I design satellites.")
		}
	}},
	{"outcome note", func(t *testing.T, m *Model, change bool) {
		openAsks(t, m)
		press(m, "o")
		if change {
			typeText(m, "she said yes")
		}
	}},
}

// TestCtrlCAsksBeforeLosingChanges: ctrl+c on a screen holding unsaved
// text asks first and does not quit; a second ctrl+c quits, and any other
// key goes back to the screen with the text kept.
func TestCtrlCAsksBeforeLosingChanges(t *testing.T) {
	for _, sc := range quitScreens {
		t.Run(sc.name, func(t *testing.T) {
			m := asksModel(t, 100, 30)
			sc.open(t, m, true)
			screen := m.active()
			view := plain(m)

			if msgs := run(t, m, press(m, "ctrl+c")); hasMsg[tea.QuitMsg](msgs) {
				t.Fatal("the first ctrl+c quit and lost the changes")
			}
			if got := lines(plain(m)); !strings.Contains(got[len(got)-1], "Quit and lose your unsaved changes?") {
				t.Fatalf("the footer does not ask:\n%s", plain(m))
			}
			// another key goes back, eaten: the screen and its text are
			// as they were
			if msgs := run(t, m, press(m, "esc")); hasMsg[tea.QuitMsg](msgs) || hasMsg[popMsg](msgs) {
				t.Fatalf("esc on the question gave %v, want nothing but going back", msgs)
			}
			if m.active() != screen || plain(m) != view {
				t.Fatalf("after esc on the question the screen changed:\n%s\nwant:\n%s", plain(m), view)
			}
			// asked again, the second ctrl+c quits
			run(t, m, press(m, "ctrl+c"))
			if !hasMsg[tea.QuitMsg](run(t, m, press(m, "ctrl+c"))) {
				t.Fatal("the second ctrl+c did not quit")
			}
		})
	}
}

// TestCtrlCYesQuits: y answers the question as a second ctrl+c does.
func TestCtrlCYesQuits(t *testing.T) {
	m := asksModel(t, 80, 24)
	openForm(t, m, "a")
	typeText(m, "Zed")
	press(m, "ctrl+c")
	if !hasMsg[tea.QuitMsg](run(t, m, press(m, "y"))) {
		t.Error("y on the question did not quit")
	}
}

// TestCtrlCQuitsAtOnceWithNothingToLose: untouched forms and drafts, and
// screens that hold nothing typed, quit on the first ctrl+c.
func TestCtrlCQuitsAtOnceWithNothingToLose(t *testing.T) {
	for _, sc := range quitScreens {
		t.Run(sc.name, func(t *testing.T) {
			m := asksModel(t, 100, 30)
			sc.open(t, m, false)
			if !hasMsg[tea.QuitMsg](run(t, m, press(m, "ctrl+c"))) {
				t.Errorf("ctrl+c on an untouched %s did not quit", sc.name)
			}
		})
	}
	others := map[string]func(t *testing.T, m *Model){
		"list":     func(t *testing.T, m *Model) {},
		"filter":   func(t *testing.T, m *Model) { press(m, "/"); typeText(m, "bea") },
		"asks":     func(t *testing.T, m *Model) { openAsks(t, m) },
		"gate":     func(t *testing.T, m *Model) { openGate(t, m, 0) },
		"who else": func(t *testing.T, m *Model) { press(m, "g"); follow(t, m, press(m, "w")) },
		"archive": func(t *testing.T, m *Model) {
			for _, msg := range runPush(press(m, "d")) {
				m.Update(msg)
			}
		},
		"saved draft": func(t *testing.T, m *Model) {
			cp := openCompose(t, m, 0, store.KindIntro)
			cp.setFocus(fieldBody)
			typeText(m, "PS: ")
			follow(t, m, press(m, "ctrl+s"))
		},
	}
	for name, open := range others {
		t.Run(name, func(t *testing.T) {
			m := asksModel(t, 100, 30)
			open(t, m)
			if !hasMsg[tea.QuitMsg](run(t, m, press(m, "ctrl+c"))) {
				t.Errorf("ctrl+c on %s did not quit", name)
			}
		})
	}
}

// TestGoldenQuitQuestion renders the question over a changed friend form.
func TestGoldenQuitQuestion(t *testing.T) {
	m := newTestModel(t, genNetwork(300, 1), 80, 24)
	openForm(t, m, "a")
	typeText(m, "Zed")
	press(m, "ctrl+c")
	got := plain(m)
	checkFrame(t, got, 80, 24)
	golden(t, "quit-ask-80x24", got)
}
