package tui

import (
	"os"
	"time"

	"testing"

	tea "charm.land/bubbletea/v2"

	"kith/policy"
	"kith/store"
)

// BenchmarkOpenGate is c on a friend: the gate built (eight verdicts and
// the sole-contact pass over every friend) and drawn.
func BenchmarkOpenGate(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(sz.name, func(b *testing.B) {
			m := benchModel(b, sz.n)
			d := m.home.d
			i := 0
			for b.Loop() {
				g := newGate(m.c, d, i%d.len())
				g.SetSize(120, 38)
				_ = g.View()
				i += 7919
			}
		})
	}
}

// BenchmarkOpenCompose is enter in the gate: the compose pane drafted,
// checked, sized and drawn.
func BenchmarkOpenCompose(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(sz.name, func(b *testing.B) {
			m := benchModel(b, sz.n)
			d := m.home.d
			i := 0
			for b.Loop() {
				fi := i % d.len()
				sub := subjectOf(d, fi)
				req := policy.Request{Kind: store.KindChat, Sector: "design"}
				v := policy.Evaluate(sub, req, d.profile.Settings, testNow)
				if v.Level == policy.Block {
					v.Level = policy.Caution
				}
				cp := newCompose(m.c, d, fi, req, v, false, nil)
				cp.SetSize(120, 38)
				_ = cp.View()
				i += 7919
			}
		})
	}
}

// BenchmarkComposeKeystroke is one key typed into the body: the textarea
// update, the checklist re-run by policy.Check, and the pane drawn.
func BenchmarkComposeKeystroke(b *testing.B) {
	m := benchModel(b, 1000)
	d := m.home.d
	req := policy.Request{Kind: store.KindIntro}
	cp := newCompose(m.c, d, 0, req, policy.Verdict{Level: policy.Clear, Score: 90}, false, nil)
	cp.profile.SetBlurb(store.LangEnglish, "I design things.")
	cp.stage = stageEdit
	cp.redraft()
	cp.SetSize(120, 38)
	cp.Init()
	cp.setFocus(fieldBody)
	cp.body.MoveToEnd()
	word := []rune("thanks ")
	i := 0
	for b.Loop() {
		r := word[i%len(word)]
		cp.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		_ = cp.View()
		i++
	}
}

// BenchmarkChecklistUpdate is the checklist's share of a keystroke:
// policy.Check on the drafted body.
func BenchmarkChecklistUpdate(b *testing.B) {
	m := benchModel(b, 1000)
	d := m.home.d
	cp := newCompose(m.c, d, 0, policy.Request{Kind: store.KindChat}, policy.Verdict{Level: policy.Clear, Score: 90}, false, nil)
	for b.Loop() {
		cp.checked = "" // as if the body had changed
		cp.recheck()
	}
}

// BenchmarkWhoElseRank is one re-ranking of who else (what runs in the
// command after each edit of the need).
func BenchmarkWhoElseRank(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(sz.name, func(b *testing.B) {
			m := benchModel(b, sz.n)
			d := m.home.d
			req := policy.Request{Kind: store.KindIntro, Sector: "design"}
			for b.Loop() {
				_ = rankNeed(d, req, d.profile.Settings, testNow, 0)
			}
		})
	}
}

// BenchmarkDueNudges is the header's count: policy.Due over everyone.
func BenchmarkDueNudges(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(sz.name, func(b *testing.B) {
			d := benchModel(b, sz.n).home.d
			for b.Loop() {
				_ = dueNudges(d, testNow)
			}
		})
	}
}

// benchStoreDataset loads the database named by $KITH_BENCH_DB (e.g.
// made by `kith demo --friends 100000`) the way the TUI does, or skips.
func benchStoreDataset(b *testing.B) *dataset {
	path := os.Getenv("KITH_BENCH_DB")
	if path == "" {
		b.Skip("set KITH_BENCH_DB to a kith database to measure on it")
	}
	st := store.New(path)
	n, err := st.Network()
	if err != nil {
		b.Fatal(err)
	}
	p, err := st.Profile()
	if err != nil {
		b.Fatal(err)
	}
	last := make([]time.Time, len(n.Friends))
	for i := range last {
		last[i] = n.LastAsk(i)
	}
	return newPartial(1, n.Friends, nil, p).withHistory(1, testNow, n.AsksOf, n.FavorsOf, last)
}

// BenchmarkWhoElseRankStore is BenchmarkWhoElseRank on a real database.
func BenchmarkWhoElseRankStore(b *testing.B) {
	d := benchStoreDataset(b)
	sector := ""
	for i := range d.friends {
		if len(d.friends[i].Sectors) > 0 {
			sector = d.friends[i].Sectors[0]
			break
		}
	}
	req := policy.Request{Kind: store.KindIntro, Sector: sector}
	for b.Loop() {
		_ = rankNeed(d, req, d.profile.Settings, testNow, 0)
	}
}

// BenchmarkWhoElseRerankStore is a re-ranking after the kind changed.
func BenchmarkWhoElseRerankStore(b *testing.B) {
	d := benchStoreDataset(b)
	req := policy.Request{Kind: store.KindIntro, Sector: "healthcare"}
	_ = rankNeed(d, req, d.profile.Settings, testNow, 0)
	kinds := store.Kinds()
	i := 0
	for b.Loop() {
		req.Kind = kinds[i%len(kinds)]
		_ = rankNeed(d, req, d.profile.Settings, testNow, 0)
		i++
	}
}

// BenchmarkOpenGateStore is BenchmarkOpenGate on a real database.
func BenchmarkOpenGateStore(b *testing.B) {
	d := benchStoreDataset(b)
	c := &common{keys: DefaultKeyMap(), styles: NewStyles(true, true), now: func() time.Time { return testNow }}
	i := 0
	for b.Loop() {
		g := newGate(c, d, i%d.len())
		g.SetSize(120, 38)
		_ = g.View()
		i += 7919
	}
}

// BenchmarkAskRowsStore builds the Asks screen's rows on a real database.
func BenchmarkAskRowsStore(b *testing.B) {
	d := benchStoreDataset(b)
	for b.Loop() {
		_ = buildAskRows(d)
	}
}

// BenchmarkDueNudgesStore is the header's count on a real database.
func BenchmarkDueNudgesStore(b *testing.B) {
	d := benchStoreDataset(b)
	for b.Loop() {
		_ = dueNudges(d, testNow)
	}
}

// BenchmarkAsksDetailKey is a key in an ask's detail and the frame after
// it, the ask the oldest of the list (the last the focus's look-ups by id
// reach): at 100k friends, about 200k asks.
func BenchmarkAsksDetailKey(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(sz.name, func(b *testing.B) { benchAsksDetailKey(b, genNetwork(sz.n, 42).dataset(1)) })
	}
}

// BenchmarkAsksDetailKeyStore is BenchmarkAsksDetailKey on a real
// database ($KITH_BENCH_DB).
func BenchmarkAsksDetailKeyStore(b *testing.B) { benchAsksDetailKey(b, benchStoreDataset(b)) }

func benchAsksDetailKey(b *testing.B, d *dataset) {
	c := &common{keys: DefaultKeyMap(), styles: NewStyles(true, true), now: func() time.Time { return testNow }}
	as := newAsks(c, d)
	as.SetSize(120, 38)
	as.Update(askRowsMsg{d: d, rows: buildAskRows(d)})
	as.focusAt(len(as.shown) - 1)
	a, _ := as.head(as.focused())
	as.open, as.detail = true, &store.Ask{ID: a.ID, Kind: a.Kind(), Status: a.Status()}
	b.Logf("%d asks", len(as.rows))
	j := keyMsg("j")
	for b.Loop() {
		as.Update(j)
		_ = as.View()
	}
}
