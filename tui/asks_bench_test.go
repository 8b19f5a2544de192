package tui

import (
	"fmt"
	"math/rand/v2"
	"os"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"kith/store"
)

// asksMillion is 100k generated friends with ten asks each, a million,
// and their topics: 40 subjects, each for one of the ten sectors and one
// of 250 numbers: 100k distinct topics, thirty times as many as the
// demo's million asks have (3,257), for a filter that searches more.
func asksMillion(b *testing.B) (*dataset, store.TopicTable) {
	net := genNetwork(100000, 42)
	r := rand.New(rand.NewPCG(42, 9))
	facts := make([][]store.AskFact, len(net.friends))
	var t store.TopicTable
	seen := map[string]uint32{}
	var id uint64
	for i := range net.friends {
		at := testNow.AddDate(-3, 0, 0)
		for range 10 {
			id++
			at = at.Add(time.Duration(1+r.IntN(100)) * time.Hour)
			a := store.Ask{ID: id, FriendID: net.friends[i].ID, Kind: store.Kinds()[r.IntN(8)], Status: store.Statuses()[1+r.IntN(4)], Created: at, Sent: at}
			facts[i] = append(facts[i], a.Fact())
			topic := fmt.Sprintf("%s for %s #%d", benchSubjects[r.IntN(len(benchSubjects))], sectors[r.IntN(len(sectors))], r.IntN(250))
			k, ok := seen[topic]
			if !ok {
				k = uint32(len(t.Topics))
				t.Topics = append(t.Topics, topic)
				seen[topic] = k
			}
			t.IDs, t.Of = append(t.IDs, id), append(t.Of, k)
		}
	}
	d := newDataset(1, testNow, net.friends, func(i int) []store.AskFact { return facts[i] }, noFavors, store.DefaultProfile())
	return d, t
}

var benchSubjects = []string{
	"portfolio review", "intro to a recruiter", "Série A advice", "reference call", "café chat", "hiring manager intro",
	"pitch deck feedback", "salary benchmark", "visa question", "conference talk", "board seat", "mentoring",
	"product critique", "design review", "grant application", "co-founder search", "angel intro", "customer intro",
	"pricing advice", "résumé read", "mock interview", "open-source review", "legal question", "press contact",
	"speaker slot", "podcast guest", "office space", "relocation tips", "school choice", "Zürich contacts",
	"München intro", "São Paulo market", "Kraków team", "tax advisor", "book blurb", "workshop help",
	"beta testers", "data question", "security review", "thesis feedback",
}

// BenchmarkAsksFindKey1M is a key typed in the asks screen's / filter
// at a million generated asks, once the index is built: Update and the
// frame after it. It reports the index's size.
func BenchmarkAsksFindKey1M(b *testing.B) {
	d, t := asksMillion(b)
	benchAsksFindKey(b, d, func(rows []askRow) *findIndex { return newFindIndex(d, rows, &t) }, "portfoli")
}

// BenchmarkAsksFindIndex1M builds the / filter's index from a million
// asks' topic table (the store's read is BenchmarkAsksFindIndexStore's).
func BenchmarkAsksFindIndex1M(b *testing.B) {
	d, t := asksMillion(b)
	rows := buildAskRows(d)
	b.ReportAllocs()
	var fx *findIndex
	for b.Loop() {
		fx = newFindIndex(d, rows, &t)
	}
	b.ReportMetric(float64(fx.size()), "index-B")
}

// BenchmarkAsksFindIndexStore is the / filter's index built on a real
// database ($KITH_BENCH_DB): every ask's topic read (store.TopicTable)
// and folded, as the screen's Cmd does.
func BenchmarkAsksFindIndexStore(b *testing.B) {
	d := benchStoreDataset(b)
	st := store.New(os.Getenv("KITH_BENCH_DB"))
	rows := buildAskRows(d)
	b.Logf("%d asks", len(rows))
	b.ReportAllocs()
	var fx *findIndex
	for b.Loop() {
		var err error
		if fx, err = buildFindIndex(st, d, rows); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(fx.size()), "index-B")
}

// BenchmarkAsksFindKeyStore is a key typed in the asks screen's / filter
// once the index is built, on a real database ($KITH_BENCH_DB).
func BenchmarkAsksFindKeyStore(b *testing.B) {
	d := benchStoreDataset(b)
	st := store.New(os.Getenv("KITH_BENCH_DB"))
	benchAsksFindKey(b, d, func(rows []askRow) *findIndex {
		fx, err := buildFindIndex(st, d, rows)
		if err != nil {
			b.Fatal(err)
		}
		return fx
	}, "portfoli")
}

func benchAsksFindKey(b *testing.B, d *dataset, build func([]askRow) *findIndex, q string) {
	c := &common{keys: DefaultKeyMap(), styles: NewStyles(true, true), now: func() time.Time { return testNow }}
	as := newAsks(c, d)
	as.SetSize(120, 38)
	rows := buildAskRows(d)
	as.update(askRowsMsg{d: d, rows: rows, ix: build(rows)})
	as.find.Start(q)
	as.setFind(as.find.Value())
	keys := []tea.KeyPressMsg{keyMsg("o"), keyMsg("backspace")}
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		as.Update(keys[i%2])
		_ = as.View()
		i++
	}
	b.ReportMetric(float64(as.fix.size()), "index-B")
	b.Logf("%d asks, %d distinct topics, %d shown", len(as.rows), len(as.fix.topics.starts)-1, len(as.shown))
}
