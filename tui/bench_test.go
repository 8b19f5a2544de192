package tui

import (
	"strconv"
	"testing"

	"kith/store"

	tea "charm.land/bubbletea/v2"
)

// benchModel is a root model with n generated friends at 120×40.
func benchModel(b *testing.B, n int) *Model {
	b.Helper()
	return newTestModel(b, genNetwork(n, 42), 120, 40)
}

var benchSizes = []struct {
	name string
	n    int
}{{"1k", 1000}, {"10k", 10000}, {"100k", 100000}}

// BenchmarkFilterKeystroke is one key typed into the filter: Update and
// View. The query cycles through lengths 1 to 6 and back (backspaces), so
// both the narrowing and the widening paths are timed.
func BenchmarkFilterKeystroke(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(sz.name, func(b *testing.B) {
			m := benchModel(b, sz.n)
			press(m, "/")
			word := []rune("rossia")
			typed := 0
			grow := true
			b.ResetTimer()
			for b.Loop() {
				var msg tea.KeyPressMsg
				if grow {
					r := word[typed]
					msg = tea.KeyPressMsg{Code: r, Text: string(r)}
					typed++
				} else {
					msg = keyMsg("backspace")
					typed--
				}
				if typed == len(word) || typed == 0 {
					grow = !grow
				}
				m.Update(msg)
				_ = m.View()
			}
		})
	}
}

// BenchmarkScrollRow is one j (or k at the bottom): Update and View.
func BenchmarkScrollRow(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(sz.name, func(b *testing.B) {
			m := benchModel(b, sz.n)
			down, up := keyMsg("j"), keyMsg("k")
			dir := down
			for b.Loop() {
				if m.home.cursor == len(m.home.rows)-1 {
					dir = up
				} else if m.home.cursor == 0 {
					dir = down
				}
				m.Update(dir)
				_ = m.View()
			}
		})
	}
}

// BenchmarkDataset is preparing every friend for the list once they are
// read (the name order, as the store's name index gives it), done in the
// load's second step, after the first frame.
func BenchmarkDataset(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(sz.name, func(b *testing.B) {
			net := genNetwork(sz.n, 42)
			order := collatedOrder(net.friends)
			for b.Loop() {
				_ = newPartial(1, net.friends, order, store.DefaultProfile())
			}
		})
	}
}

// BenchmarkHistoryStep is the in-memory part of a load's second step,
// once the facts are read: the last-ask order and where everyone is
// (withHistory), before the badges can be drawn.
func BenchmarkHistoryStep(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(sz.name, func(b *testing.B) {
			full := genNetwork(sz.n, 42).dataset(1)
			d := newPartial(1, full.friends, nil, store.DefaultProfile())
			last := full.lastAsk
			for b.Loop() {
				_ = d.withHistory(2, testNow, full.asksOf, full.favorsOf, last)
			}
		})
	}
}

// BenchmarkIndex is building the filter's haystacks and the last-ask
// order, in a command after the first frame.
func BenchmarkIndex(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(sz.name, func(b *testing.B) {
			d := genNetwork(sz.n, 42).dataset(1)
			for b.Loop() {
				_ = buildIndex(d)
			}
		})
	}
}

// BenchmarkFirstFrame is from a finished load to the first rendered frame:
// the dataset applied, visible badges judged, View.
func BenchmarkFirstFrame(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(sz.name, func(b *testing.B) {
			net := genNetwork(sz.n, 42)
			d := newPartial(1, net.friends, nil, store.DefaultProfile())
			for b.Loop() {
				m := New(Options{Store: fixedPath{nil, "x.db"}, Judge: fakeJudge, NoColor: true})
				m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
				m.loadSeq = 1
				m.Update(loadedMsg{seq: 1, data: d})
				_ = m.View()
			}
		})
	}
}

// BenchmarkFilterWorst is the worst single keystroke: a query typed into
// an empty filter after an esc (every friend scanned), short ("e", which
// matches most rows) and long (24 letters, which matches none).
func BenchmarkFilterWorst(b *testing.B) {
	for _, q := range []string{"e", "conference 12; likes hik"} {
		b.Run("100k/len"+strconv.Itoa(len(q)), func(b *testing.B) {
			m := benchModel(b, 100000)
			press(m, "/")
			last := []rune(q)[len([]rune(q))-1]
			prefix := string([]rune(q)[:len([]rune(q))-1])
			for b.Loop() {
				b.StopTimer()
				m.home.filter.in.SetValue(prefix)
				m.home.query = "\x00" // not a prefix of anything: a full scan
				b.StartTimer()
				m.Update(tea.KeyPressMsg{Code: last, Text: string(last)})
				_ = m.View()
			}
		})
	}
}

// BenchmarkPageDownPolicy is one page down at 100k with the real policy:
// every row on the new page is judged in Update.
func BenchmarkPageDownPolicy(b *testing.B) {
	m := benchModel(b, 100000)
	m.c.judge = PolicyJudge
	m.home.have = make([]bool, len(m.home.have))
	down := keyMsg("pgdown")
	for b.Loop() {
		if m.home.cursor >= len(m.home.rows)-50 {
			b.StopTimer()
			press(m, "g")
			m.home.have = make([]bool, len(m.home.have))
			b.StartTimer()
		}
		m.Update(down)
		_ = m.View()
	}
}

// BenchmarkReadySort is the background readiness sort of 100k friends
// with the real policy.
func BenchmarkReadySort(b *testing.B) {
	d := genNetwork(100000, 42).dataset(1)
	for b.Loop() {
		_ = readyCmd(d, PolicyJudge, testNow)()
	}
}

// BenchmarkEarlyFilter is a key typed into the filter before every friend
// is read: the matches found in every friend's haystack (the read of the
// first page of them is the store's BenchmarkStore/100k/PageOf).
func BenchmarkEarlyFilter(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(sz.name, func(b *testing.B) {
			d := genNetwork(sz.n, 42).dataset(1)
			ix := buildIndex(d)
			h := &store.Haystacks{All: ix.all, Starts: ix.starts, Archived: make([]bool, d.len()), Order: d.byName}
			for i := range d.friends {
				h.IDs = append(h.IDs, d.friends[i].ID)
				h.Archived[i] = d.friends[i].Archived
			}
			hay := newHaystack(1, h)
			qs := []string{"r", "ro", "ros", "ross", "rossi", "rossia"}
			k := 0
			for b.Loop() {
				_, _ = hay.match(qs[k%len(qs)], false, pageRows)
				k++
			}
		})
	}
}
