package tui

import (
	"strconv"
	"testing"

	"kith/store"
)

// TestGoldenCompose renders the gate, the compose pane, who else and the
// Asks screen at 80×24 and 120×40, colour off, on a fixed clock.
func TestGoldenCompose(t *testing.T) {
	sizes := []struct{ w, h int }{{80, 24}, {120, 40}}
	screens := []struct {
		name string
		open func(t *testing.T, m *Model)
	}{
		{"gate", func(t *testing.T, m *Model) { openGate(t, m, 2) }},
		{"gate-hold", func(t *testing.T, m *Model) {
			g := openGate(t, m, 1)
			pickKind(t, m, g, store.KindChat)
			press(m, "enter")
		}},
		{"compose", func(t *testing.T, m *Model) { openCompose(t, m, 0, store.KindIntro) }},
		{"compose-caution", func(t *testing.T, m *Model) { openCompose(t, m, 3, store.KindChat) }},
		{"compose-send-ask", func(t *testing.T, m *Model) {
			openUnfinished(t, m)
			press(m, "ctrl+o")
		}},
		{"whoelse", func(t *testing.T, m *Model) {
			press(m, "g")
			follow(t, m, press(m, "w"))
		}},
		{"asks", func(t *testing.T, m *Model) { openAsks(t, m) }},
	}
	for _, sz := range sizes {
		for _, sc := range screens {
			name := sc.name + "-" + strconv.Itoa(sz.w) + "x" + strconv.Itoa(sz.h)
			t.Run(name, func(t *testing.T) {
				m := asksModel(t, sz.w, sz.h)
				sc.open(t, m)
				got := plain(m)
				checkFrame(t, got, sz.w, sz.h)
				golden(t, name, got)
			})
		}
	}
}

func TestNoColorComposeScreens(t *testing.T) {
	opens := map[string]func(t *testing.T, m *Model){
		"gate":    func(t *testing.T, m *Model) { openGate(t, m, 1) },
		"compose": func(t *testing.T, m *Model) { openCompose(t, m, 3, store.KindChat) },
		"whoelse": func(t *testing.T, m *Model) { press(m, "g"); follow(t, m, press(m, "w")) },
		"asks":    func(t *testing.T, m *Model) { openAsks(t, m) },
	}
	for name, open := range opens {
		m := asksModel(t, 120, 40)
		open(t, m)
		if seq, ok := sgrColor(m.render()); ok {
			t.Errorf("%s: the NO_COLOR render sets a colour: %q", name, seq)
		}
	}
}
