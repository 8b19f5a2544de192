package tui

import (
	"math/rand/v2"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// TestRandomKeysReachComposeScreens feeds random keys and resizes into a
// model on a real database, following the screens the keys open (gate,
// compose, who else, asks) and their results (rankings, rows, saves),
// and asserts no panic, an exact frame and a bounded stack.
func TestRandomKeysReachComposeScreens(t *testing.T) {
	keys := []string{"j", "k", "g", "G", "esc", "esc", "enter", "enter", "tab", "shift+tab", "s", "o", "t", "O", "y", "n",
		"c", "c", "w", "w", "A", "A", "f", "u", "f1", "end", "home", "l", "h", "up", "down", "pgdown", "backspace", "space", "x", "陳", "😀",
		"ctrl+s", "ctrl+y", "ctrl+e", "ctrl+o", "?"}
	for seed := range uint64(3) {
		r := rand.New(rand.NewPCG(seed, 5))
		m := whoModel(t, 80, 24)
		w, h := 80, 24
		reached := map[string]bool{}
		for step := range 2500 { // enough for every seed to reach each screen
			var cmd tea.Cmd
			if r.IntN(25) == 0 {
				w, h = r.IntN(140)+1, r.IntN(50)+1
				if r.IntN(4) == 0 {
					w, h = r.IntN(4)+1, r.IntN(4)+1
				}
				_, cmd = m.Update(tea.WindowSizeMsg{Width: w, Height: h})
			} else {
				cmd = press(m, keys[r.IntN(len(keys))])
			}
			feed(m, cmd, 0)
			switch m.active().(type) {
			case *gateScreen:
				reached["gate"] = true
			case *composeScreen:
				reached["compose"] = true
			case *whoElseScreen:
				reached["whoelse"] = true
			case *asksScreen:
				reached["asks"] = true
			}
			out := ansi.Strip(m.render())
			ls := lines(out)
			if len(ls) != h {
				t.Fatalf("seed %d step %d: %d lines at %dx%d", seed, step, len(ls), w, h)
			}
			for i, l := range ls {
				if lw := ansi.StringWidth(l); lw != w {
					t.Fatalf("seed %d step %d: line %d is %d wide at %dx%d (%T): %q", seed, step, i, lw, w, h, m.active(), l)
				}
			}
			if len(m.stack) > 4 {
				t.Fatalf("seed %d step %d: %d screens stacked", seed, step, len(m.stack))
			}
		}
		for _, s := range []string{"gate", "compose", "whoelse", "asks"} {
			if !reached[s] {
				t.Errorf("seed %d never reached %s", seed, s)
			}
		}
	}
}

// feed runs cmd and feeds back what the screens produce, store writes
// included, but not reloads, ticks or the clipboard.
func feed(m *Model, cmd tea.Cmd, depth int) {
	if cmd == nil || depth > 6 {
		return
	}
	switch msg := within(cmd, 60_000_000).(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			feed(m, c, depth+1)
		}
	case pushMsg, popMsg, replaceMsg, rankedMsg, askRowsMsg, dueCountMsg, gateHistoryMsg,
		composeSavedMsg, blurbSavedMsg, askChangedMsg, askDetailMsg, savedMsg, flashMsg, editorFileMsg:
		_, next := m.Update(msg)
		feed(m, next, depth+1)
	}
}
