package policy

import (
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"kith/store"
	"kith/store/demo"
)

var benchSectors = []string{"aerospace", "finance", "health", "education", "retail", "energy", "media", "law",
	"biotech", "logistics", "gaming", "robotics", "insurance", "consulting", "public sector", "food",
	"fashion", "automotive", "telecom", "real estate", "security", "travel", "sports", "music", "design",
	"architecture", "agriculture", "chemicals", "shipping", "mining", "nonprofit", "research", "publishing",
	"hospitality", "construction", "semiconductors", "cloud", "payments", "crypto", "climate"}

var benchWords = []string{"met", "at", "conference", "hiking", "club", "former", "neighbour", "university",
	"knows", "everyone", "rocket", "propulsion", "startup", "investor", "mentor", "kids", "school", "band",
	"climbing", "marathon", "book", "club", "product", "design", "data", "platform", "team", "lead"}

// benchNetwork builds a deterministic synthetic network of n friends with
// about ten asks and two favors each, as Subjects sharing the slices of
// facts the way store.Network does.
func benchNetwork(n int) Subjects {
	r := rand.New(rand.NewPCG(42, uint64(n)))
	friends := make([]store.Friend, n)
	asks := make([]store.Ask, 0, n*10)
	favors := make([]store.Favor, 0, n*2)
	subs := make(Subjects, n)
	kinds := store.Kinds()
	// Outcomes get recorded: an ask is still "sent" mostly while recent,
	// and one in thirty older ones is forgotten there.
	statuses := []store.Status{store.StatusHelped, store.StatusHelped, store.StatusHelped, store.StatusDeclined,
		store.StatusNoResponse, store.StatusSent, store.StatusDraft, store.StatusWithdrawn}
	type span struct{ a0, a1, f0, f1 int }
	spans := make([]span, n)
	for i := range friends {
		f := &friends[i]
		f.ID = uint64(i + 1)
		f.Name = fmt.Sprintf("Friend %d Surname", i)
		f.Org = fmt.Sprintf("Org %d", r.IntN(n/50+1))
		f.Role = benchWords[r.IntN(len(benchWords))] + " " + benchWords[r.IntN(len(benchWords))]
		f.Sectors = []string{benchSectors[r.IntN(len(benchSectors))]}
		if r.IntN(3) == 0 {
			f.Sectors = append(f.Sectors, benchSectors[r.IntN(len(benchSectors))])
		}
		f.Closeness = 1 + r.IntN(5)
		f.WorkedTogether = r.IntN(4) == 0
		if r.IntN(20) == 0 {
			f.Boundaries = []store.Boundary{{Kind: kinds[r.IntN(len(kinds))], Note: "company policy"}}
		}
		// One in three in a circle (of n/100+1), one in twenty with a
		// moment in the last six months, one in ten with a scoped boundary.
		if r.IntN(3) == 0 {
			f.Circles = []string{fmt.Sprintf("circle %d", r.IntN(n/100+1))}
		}
		if r.IntN(20) == 0 {
			mk := store.MomentKinds()
			f.Moments = []store.Moment{{Kind: mk[r.IntN(len(mk))], At: store.DayOf(now.Add(-time.Duration(r.IntN(180)) * day))}}
		}
		if r.IntN(10) == 0 {
			f.Boundaries = append(f.Boundaries, store.Boundary{Kind: kinds[r.IntN(len(kinds))], Exec: true, OwnOrg: true})
		}
		if r.IntN(10) == 0 {
			from := time.Month(1 + r.IntN(12))
			f.Busy = []store.MonthRange{{From: from, To: time.Month(1 + (int(from)+r.IntN(3))%12)}}
		}
		// Notes: eight words, one in ten from the small vocabulary above
		// (so a keyword like "rocket" is in about 3% of notes), the rest
		// from two thousand others.
		notes := ""
		for range 8 {
			if r.IntN(10) == 0 {
				notes += benchWords[r.IntN(len(benchWords))] + " "
			} else {
				notes += "word" + strconv.Itoa(r.IntN(2000)) + " "
			}
		}
		f.Notes = notes
		sp := span{a0: len(asks), f0: len(favors)}
		na := r.IntN(21) // 0-20, ten on average
		start := now.Add(-time.Duration(r.IntN(3*365)) * day)
		for k := 0; k < na; k++ {
			at := start.Add(time.Duration(k) * time.Duration(1+r.IntN(int(now.Sub(start)/time.Hour)/(na+1)+1)) * time.Hour)
			st := statuses[r.IntN(len(statuses))]
			if st == store.StatusSent && now.Sub(at) > 60*day && r.IntN(30) != 0 {
				st = store.StatusHelped
			}
			kind := kinds[r.IntN(len(kinds))]
			a := store.Ask{ID: uint64(len(asks) + 1), FriendID: f.ID, Kind: kind, Status: st, Created: at}
			if st.Made() {
				a.Sent = at
			}
			asks = append(asks, a)
		}
		nf := r.IntN(5)
		for k := 0; k < nf; k++ {
			favors = append(favors, store.Favor{ID: uint64(len(favors) + 1), FriendID: f.ID, At: now.Add(-time.Duration(r.IntN(700)) * day),
				Size: store.FavorSizes()[r.IntN(3)]})
		}
		sp.a1, sp.f1 = len(asks), len(favors)
		spans[i] = sp
	}
	// One slice of facts for everyone, as store.Network keeps them.
	askFacts, favorFacts := store.AskFacts(asks), store.FavorFacts(favors)
	for i := range subs {
		sp := spans[i]
		subs[i] = Subject{Friend: &friends[i], Asks: askFacts[sp.a0:sp.a1:sp.a1], Favors: favorFacts[sp.f0:sp.f1:sp.f1]}
	}
	return subs
}

var benchSizes = []int{1000, 10000, 100000}

func asksIn(s Subjects) int {
	n := 0
	for _, x := range s {
		n += len(x.Asks)
	}
	return n
}

// BenchmarkEvaluateAll evaluates every friend once per op (the friends
// screen's readiness column): the budget is 50 ms at 100k friends. The
// plain loop on one core, and EvaluateAll on every processor.
func BenchmarkEvaluateAll(b *testing.B) {
	for _, n := range benchSizes {
		subs := benchNetwork(n)
		set := store.DefaultSettings()
		req := Request{Kind: store.KindIntro}
		b.Run(fmt.Sprintf("friends=%d/asks=%d", n, asksIn(subs)), func(b *testing.B) {
			b.ReportAllocs()
			defer cpuMetric(b)()
			for b.Loop() {
				for i := range subs {
					_ = Evaluate(subs[i], req, set, now)
				}
			}
		})
		b.Run(fmt.Sprintf("friends=%d/asks=%d/parallel", n, asksIn(subs)), func(b *testing.B) {
			b.ReportAllocs()
			defer cpuMetric(b)()
			for b.Loop() {
				_ = EvaluateAll(Pool(subs), func(sub Subject) benchBadge { return badgeOf(Evaluate(sub, req, set, now)) })
			}
		})
	}
}

// benchBadge is what the TUI's readiness keeps of a verdict (its badge),
// so that EvaluateAll's output is the size the real caller's is.
type benchBadge struct {
	level Level
	score int
	until int64
}

func badgeOf(v Verdict) benchBadge {
	return benchBadge{level: v.Level, score: v.Score, until: v.Until.UnixNano()}
}

// BenchmarkDecay weighs a thousand ages with exp2neg and with math.Exp2:
// the figure behind keeping exp2neg.
func BenchmarkDecay(b *testing.B) {
	for _, f := range []struct {
		name string
		fn   func(float64) float64
	}{{"exp2neg", exp2neg}, {"math.Exp2", func(t float64) float64 { return math.Exp2(-t) }}} {
		b.Run(f.name, func(b *testing.B) {
			s := 0.0
			for b.Loop() {
				for i := range 1000 {
					s += f.fn(float64(i) * 0.0071)
				}
			}
			sinkFloat = s
		})
	}
}

var sinkFloat float64

// BenchmarkRank ranks the whole network for a need: the budget is 25 ms
// at 100k friends.
func BenchmarkRank(b *testing.B) {
	reqs := []struct {
		name string
		req  Request
		opt  RankOptions
	}{
		{"sector", Request{Kind: store.KindChat, Sector: "aerospace"}, RankOptions{}},
		{"org", Request{Kind: store.KindChat, Org: "Org 7"}, RankOptions{}},
		{"circle", Request{Kind: store.KindChat, Circle: "circle 7"}, RankOptions{}},
		{"sector+keywords", Request{Kind: store.KindIntro, Sector: "robotics", Keywords: []string{"rocket", "propulsion"}}, RankOptions{Limit: 50}},
		{"everyone/limit=50", Request{Kind: store.KindChat}, RankOptions{Limit: 50}},
		{"everyone/all", Request{Kind: store.KindChat}, RankOptions{}},
	}
	for _, n := range benchSizes {
		subs := benchNetwork(n)
		// A caller that keeps the circle loads (the TUI's Places, who's
		// read from the postings) passes them: Rank then reads no asks
		// but those of who fits.
		counted := (&Places{}).CountCircleAsks(subs, now)
		given := []struct {
			name string
			req  Request
			opt  RankOptions
		}{
			{"sector/circles-given", reqs[0].req, RankOptions{Circles: counted}},
			{"everyone/limit=50/circles-given", reqs[4].req, RankOptions{Limit: 50, Circles: counted}},
		}
		for _, rq := range append(reqs, given...) {
			b.Run(fmt.Sprintf("friends=%d/%s", n, rq.name), func(b *testing.B) {
				set := store.DefaultSettings()
				b.ReportAllocs()
				defer cpuMetric(b)()
				for b.Loop() {
					_ = Rank(rq.req, subs, set, now, rq.opt)
				}
			})
		}
	}
}

// BenchmarkLoadTemplates reads and parses every built-in template, as
// the TUI does at start and kith draft once.
func BenchmarkLoadTemplates(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadTemplates(nil, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDraft drafts one request: the budget is 1 ms.
func BenchmarkDraft(b *testing.B) {
	f := friend(func(f *store.Friend) { f.Busy = []store.MonthRange{{From: time.November, To: time.December}} })
	for _, lang := range []string{store.LangEnglish, store.LangItalian} {
		b.Run(lang, func(b *testing.B) {
			p := fullProfile(lang)
			req := Request{Kind: store.KindChat, Sector: "aerospace", Topic: "aerospace"}
			// the longest path: a busy season and an acknowledgement of three asks
			v := Verdict{Level: Hold, Reasons: []Reason{{CodeCooldown, "x.", Hold}, {CodeFrequency, "x.", Caution}, {CodeBusy, "x.", Caution}}}
			past := PastOf([]store.Ask{ask(store.KindIntro, store.StatusHelped, 60*day), ask(store.KindReview, store.StatusHelped, 30*day), ask(store.KindChat, store.StatusHelped, 5*day)},
				[]store.Favor{{What: "lent a book", At: now}}, now)
			tmpl := builtins(b)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Draft(p, f, req, v, past, tmpl); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCheck checks a normal draft, as compose does per keystroke:
// the budget is 2 ms.
func BenchmarkCheck(b *testing.B) {
	f := friend()
	req := Request{Kind: store.KindIntro, Sector: "aerospace"}
	v := Verdict{Level: Hold, Reasons: []Reason{{CodeCooldown, "x.", Hold}}}
	m, err := Draft(fullProfile(store.LangItalian), f, req, v, PastOf([]store.Ask{ask(store.KindChat, store.StatusHelped, 5*day)}, nil, now), builtins(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = Check(m.Body, req, v)
	}
}

// BenchmarkStored runs Rank and Evaluate-all through NetworkPool over a
// demo network written to a real database (store/demo), the path the CLI
// and the TUI take: asks are expanded from the store's compact heads.
func BenchmarkStored(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		st := store.New(filepath.Join(b.TempDir(), "kith.db"))
		if err := demo.Fill(st, n, 1, now, nil); err != nil {
			b.Fatal(err)
		}
		net, err := st.Network()
		if err != nil {
			b.Fatal(err)
		}
		pool := NetworkPool(net)
		set := store.DefaultSettings()
		b.Run(fmt.Sprintf("friends=%d/asks=%d/evaluate-all", n, net.AskCount()), func(b *testing.B) {
			req := Request{Kind: store.KindIntro}
			b.ReportAllocs()
			defer cpuMetric(b)()
			for b.Loop() {
				for i := range pool.Len() {
					_ = Evaluate(pool.Subject(i), req, set, now)
				}
			}
		})
		b.Run(fmt.Sprintf("friends=%d/asks=%d/evaluate-all/parallel", n, net.AskCount()), func(b *testing.B) {
			req := Request{Kind: store.KindIntro}
			b.ReportAllocs()
			defer cpuMetric(b)()
			for b.Loop() {
				_ = EvaluateAll(pool, func(sub Subject) benchBadge { return badgeOf(Evaluate(sub, req, set, now)) })
			}
		})
		sector := net.Friends[0].Sectors[0]
		for _, rq := range []struct {
			name string
			req  Request
			opt  RankOptions
		}{
			{"rank/sector=" + sector, Request{Kind: store.KindChat, Sector: sector}, RankOptions{}},
			{"rank/everyone/limit=50", Request{Kind: store.KindChat}, RankOptions{Limit: 50}},
		} {
			b.Run(fmt.Sprintf("friends=%d/%s", n, rq.name), func(b *testing.B) {
				b.ReportAllocs()
				defer cpuMetric(b)()
				for b.Loop() {
					_ = Rank(rq.req, pool, set, now, rq.opt)
				}
			})
		}
	}
}
