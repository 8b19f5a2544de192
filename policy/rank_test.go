package policy

import (
	"cmp"
	"math"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"kith/store"
	"kith/store/demo"
)

// net builds a pool from friends given as name → (mods, asks made how
// long ago, all helped chats unless given).
type member struct {
	name string
	mod  func(*store.Friend)
	asks []store.Ask
}

func pool(ms ...member) Subjects {
	out := make(Subjects, len(ms))
	for i, m := range ms {
		f := &store.Friend{ID: uint64(i + 1), Name: m.name, Closeness: 3}
		if m.mod != nil {
			m.mod(f)
		}
		asks := slices.Clone(m.asks)
		for j := range asks {
			asks[j].FriendID = f.ID
		}
		out[i] = Subject{Friend: f, Asks: store.AskFacts(asks)}
	}
	return out
}

func sector(s ...string) func(*store.Friend) {
	return func(f *store.Friend) { f.Sectors = s }
}

func names(cs []Candidate) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, c.Friend.Name)
	}
	return out
}

func TestRankOrder(t *testing.T) {
	def := store.DefaultSettings()
	aero := Request{Kind: store.KindChat, Sector: "aerospace"}
	recent := []store.Ask{ask(store.KindChat, store.StatusHelped, 5*day)}
	tests := []struct {
		name string
		pool Subjects
		req  Request
		opt  RankOptions
		want []string
	}{
		{"ready, then held, then blocked; others left out",
			pool(
				member{name: "Blocked", mod: func(f *store.Friend) {
					f.Sectors = []string{"aerospace"}
					f.Boundaries = []store.Boundary{{Kind: store.KindChat}}
				}},
				member{name: "Held", mod: sector("aerospace"), asks: recent},
				member{name: "Banker", mod: sector("finance")},
				member{name: "Ready", mod: sector("aerospace")},
			), aero, RankOptions{}, []string{"Ready", "Held", "Blocked"}},
		{"ready only",
			pool(
				member{name: "Blocked", mod: func(f *store.Friend) {
					f.Sectors = []string{"aerospace"}
					f.Boundaries = []store.Boundary{{Kind: store.KindChat}}
				}},
				member{name: "Held", mod: sector("aerospace"), asks: recent},
				member{name: "Ready", mod: sector("aerospace")},
			), aero, RankOptions{ReadyOnly: true}, []string{"Ready"}},
		{"an organisation is never ranked, nor counts as someone you know there",
			pool(
				member{name: "Acme AG", mod: func(f *store.Friend) { f.Sectors, f.IsOrg = []string{"aerospace"}, true }},
				member{name: "Ready", mod: sector("aerospace")},
			), aero, RankOptions{}, []string{"Ready"}},
		{"a sector matches in any case",
			pool(
				member{name: "Upper", mod: sector("AeroSpace")},
				member{name: "Banker", mod: sector("finance")},
			), Request{Kind: store.KindChat, Sector: "AEROSPACE"}, RankOptions{}, []string{"Upper"}},
		{"ties broken by closeness",
			pool(
				member{name: "Loose", mod: func(f *store.Friend) { f.Sectors = []string{"aerospace"}; f.Closeness = 2 }},
				member{name: "Close", mod: func(f *store.Friend) { f.Sectors = []string{"aerospace"}; f.Closeness = 5 }},
			), aero, RankOptions{}, []string{"Close", "Loose"}},
		{"one who helped before first, then by longest since the last ask",
			pool(
				member{name: "Asked 100 days ago", mod: sector("aerospace"), asks: []store.Ask{ask(store.KindChat, store.StatusHelped, 100*day)}},
				member{name: "Asked 200 days ago", mod: sector("aerospace"), asks: []store.Ask{ask(store.KindChat, store.StatusHelped, 200*day)}},
				member{name: "Never asked", mod: sector("aerospace")},
			), aero, RankOptions{}, []string{"Asked 200 days ago", "Asked 100 days ago", "Never asked"}},
		{"the organisation beats the sector",
			pool(
				member{name: "Sector", mod: sector("aerospace")},
				member{name: "Org", mod: func(f *store.Friend) { f.Org = "Avio" }},
				member{name: "Both", mod: func(f *store.Friend) { f.Org = "avio"; f.Sectors = []string{"aerospace"} }},
			), Request{Kind: store.KindChat, Sector: "aerospace", Org: "Avio"}, RankOptions{}, []string{"Both", "Org", "Sector"}},
		{"within the ready band, fit beats score",
			pool(
				member{name: "Keyword in notes", mod: func(f *store.Friend) { f.Notes = "knows everyone at AVIO" }},
				member{name: "At Avio, asked 20 days ago", mod: func(f *store.Friend) { f.Org = "Avio" },
					asks: []store.Ask{ask(store.KindChat, store.StatusHelped, 20*day)}},
			), Request{Kind: store.KindChat, Org: "Avio", Keywords: []string{"avio"}}, RankOptions{}, []string{"At Avio, asked 20 days ago", "Keyword in notes"}},
		{"a caution comes after the clear, whatever the fit",
			pool(
				member{name: "Busy at Avio", mod: func(f *store.Friend) {
					f.Org = "Avio"
					f.Busy = []store.MonthRange{{From: time.November, To: time.November}}
				}},
				member{name: "Keyword in notes", mod: func(f *store.Friend) { f.Notes = "knows everyone at AVIO" }},
			), Request{Kind: store.KindChat, Org: "Avio", Keywords: []string{"avio"}}, RankOptions{}, []string{"Keyword in notes", "Busy at Avio"}},
		{"keywords: org or sector, then role, then notes",
			pool(
				member{name: "Notes", mod: func(f *store.Friend) { f.Notes = "Used to do ROCKET propulsion" }},
				member{name: "Role", mod: func(f *store.Friend) { f.Role = "Rocket engineer" }},
				member{name: "Sector", mod: sector("rockets")},
				member{name: "None", mod: func(f *store.Friend) { f.Role = "Baker" }},
			), Request{Kind: store.KindChat, Keywords: []string{"rocket"}}, RankOptions{}, []string{"Sector", "Role", "Notes"}},
		{"no target: everyone, by readiness",
			pool(
				member{name: "Held", asks: recent},
				member{name: "Ready"},
			), Request{Kind: store.KindChat}, RankOptions{}, []string{"Ready", "Held"}},
		{"archived and excluded friends left out",
			pool(
				member{name: "Archived", mod: func(f *store.Friend) { f.Archived = true }},
				member{name: "Excluded"},
				member{name: "Ready"},
			), Request{Kind: store.KindChat}, RankOptions{Exclude: 2}, []string{"Ready"}},
		{"limit",
			pool(member{name: "A", mod: func(f *store.Friend) { f.Closeness = 5 }}, member{name: "B"}, member{name: "C"}),
			Request{Kind: store.KindChat}, RankOptions{Limit: 2}, []string{"A", "B"}},
		{"the only one in aerospace stays ready despite the cool-down",
			pool(
				member{name: "Only aero", mod: sector("aerospace"), asks: recent},
				member{name: "Banker", mod: sector("finance")},
			), aero, RankOptions{ReadyOnly: true}, []string{"Only aero"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Rank(tc.req, tc.pool, def, now, tc.opt)
			if !slices.Equal(names(got), tc.want) {
				t.Errorf("order = %q, want %q", names(got), tc.want)
			}
			for _, c := range got {
				if c.Friend != tc.pool[c.Index].Friend {
					t.Errorf("%s: Friend does not point into the pool", c.Friend.Name)
				}
				want := Evaluate(tc.pool[c.Index], Request{Kind: tc.req.Kind, Sole: c.Verdict.Has(CodeAcknowledge)}, def, now)
				if c.Verdict.Level != want.Level || c.Verdict.Score != want.Score || !slices.Equal(codes(c.Verdict), codes(want)) {
					t.Errorf("%s: verdict %+v, want Evaluate's %+v", c.Friend.Name, c.Verdict, want)
				}
			}
		})
	}
}

func TestRankAcknowledge(t *testing.T) {
	def := store.DefaultSettings()
	recent := []store.Ask{ask(store.KindIntro, store.StatusHelped, 3*day)}
	aero := Request{Kind: store.KindChat, Sector: "aerospace"}

	alone := pool(member{name: "Only", mod: sector("aerospace"), asks: recent}, member{name: "Banker", mod: sector("finance")})
	got := Rank(aero, alone, def, now, RankOptions{})
	if len(got) != 1 || got[0].Verdict.Level != Caution || !slices.Equal(codes(got[0].Verdict), []string{CodeAcknowledge, CodeFrequency}) &&
		!slices.Equal(codes(got[0].Verdict), []string{CodeAcknowledge}) {
		t.Fatalf("sole contact: got %+v, want one caution with acknowledge", got)
	}

	two := pool(member{name: "Asked", mod: sector("aerospace"), asks: recent}, member{name: "Other", mod: sector("aerospace")})
	got = Rank(aero, two, def, now, RankOptions{})
	if len(got) != 2 || got[1].Friend.Name != "Asked" || got[1].Verdict.Level != Hold || got[1].Verdict.Has(CodeAcknowledge) {
		t.Fatalf("two in aerospace: got %+v, want the asked one held without acknowledge", got)
	}
	// Excluding the other one does not make the asked one the only one.
	got = Rank(aero, two, def, now, RankOptions{Exclude: 2})
	if len(got) != 1 || got[0].Verdict.Level != Hold {
		t.Fatalf("two in aerospace, one excluded: got %+v, want a hold", got)
	}

	if !SoleContact(alone, aero, 1) {
		t.Error("SoleContact(alone, aerospace, 1) = false, want true")
	}
	if SoleContact(alone, aero, 2) {
		t.Error("SoleContact(alone, aerospace, banker) = true, want false")
	}
	if SoleContact(two, aero, 1) {
		t.Error("SoleContact(two, aerospace, 1) = true, want false")
	}
	if SoleContact(alone, Request{Kind: store.KindChat}, 1) {
		t.Error("SoleContact with no target = true, want false")
	}
	// An organisation's own contact card in the sector is no one you know
	// there.
	withOrg := pool(member{name: "Only", mod: sector("aerospace")},
		member{name: "Avio SpA", mod: func(f *store.Friend) { f.Sectors, f.IsOrg = []string{"aerospace"}, true }})
	if !SoleContact(withOrg, aero, 1) {
		t.Error("SoleContact with an organisation's card in the sector = false, want true")
	}
	// An organisation target counts colleagues, not the sector.
	org := pool(member{name: "At Avio", mod: func(f *store.Friend) { f.Org = "Avio"; f.Sectors = []string{"aerospace"} }},
		member{name: "Elsewhere", mod: sector("aerospace")})
	if !SoleContact(org, Request{Kind: store.KindChat, Sector: "aerospace", Org: "AVIO"}, 1) {
		t.Error("SoleContact by organisation = false, want true")
	}
	arch := pool(member{name: "Only", mod: sector("aerospace")}, member{name: "Gone", mod: func(f *store.Friend) { f.Sectors = []string{"aerospace"}; f.Archived = true }})
	if !SoleContact(arch, aero, 1) {
		t.Error("SoleContact with an archived colleague = false, want true")
	}
}

func TestRankNil(t *testing.T) {
	if got := Rank(Request{Kind: store.KindChat}, nil, store.DefaultSettings(), now, RankOptions{}); len(got) != 0 {
		t.Errorf("Rank(nil pool) = %v, want none", got)
	}
	if got := Rank(Request{Kind: store.KindChat}, NetworkPool(nil), store.DefaultSettings(), now, RankOptions{}); len(got) != 0 {
		t.Errorf("Rank(NetworkPool(nil)) = %v, want none", got)
	}
	withNil := Subjects{{}, {Friend: &store.Friend{ID: 2, Name: "B", Closeness: 3}}}
	if got := Rank(Request{Kind: store.KindChat}, withNil, store.DefaultSettings(), now, RankOptions{}); len(got) != 1 {
		t.Errorf("Rank with a nil friend = %v, want just B", got)
	}
}

func TestRankNetworkPool(t *testing.T) {
	st := store.New(filepath.Join(t.TempDir(), "kith.db"))
	var ids []uint64
	for _, f := range []store.Friend{
		{Name: "Ana", Sectors: []string{"aerospace"}, Closeness: 4},
		{Name: "Bea", Sectors: []string{"aerospace"}, Closeness: 3},
		{Name: "Carlo", Sectors: []string{"finance"}, Closeness: 5},
	} {
		f := f
		if err := st.Batch(now, func(tx *store.Tx) error { return tx.AddFriend(&f) }); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, f.ID)
	}
	a := ask(store.KindChat, store.StatusHelped, 3*day)
	a.FriendID = ids[0]
	if err := st.Batch(now, func(tx *store.Tx) error { return tx.AddAsk(&a) }); err != nil {
		t.Fatal(err)
	}
	n, err := st.Network()
	if err != nil {
		t.Fatal(err)
	}
	got := Rank(Request{Kind: store.KindChat, Sector: "aerospace"}, NetworkPool(n), store.DefaultSettings(), now, RankOptions{})
	if want := []string{"Bea", "Ana"}; !slices.Equal(names(got), want) {
		t.Fatalf("order = %q, want %q", names(got), want)
	}
	if got[1].Friend != &n.Friends[got[1].Index] {
		t.Error("Candidate.Friend does not point into the network")
	}
	if got[1].Verdict.Level != Hold {
		t.Errorf("Ana: level %v, want hold (asked 3 days ago)", got[1].Verdict.Level)
	}
	if SoleContact(NetworkPool(n), Request{Sector: "finance"}, ids[2]) != true {
		t.Error("SoleContact(Carlo in finance) = false, want true")
	}
}

func TestContainsFold(t *testing.T) {
	for _, tc := range []struct {
		s, sub string
		want   bool
	}{
		{"Rocket Engineer", "rocket", true},
		{"ROCKET", "rocket", true},
		{"rock", "rocket", false},
		{"anything", "", true},
		{"Università di Roma", "università", true},
		{"a pocket", "rocket", false},
		{"x", "ü", false},
		{"rocket", "rocket", true},
		{"my ROCKET", "rocket", true},
		{"rrrrocke", "rocket", false},
		{"Über uns", "über", true},
		{"c++ and C#", "c#", true},
		{"R&D lead", "r&d", true},
		{"xxROCKET", "rocket", false},
		{"ROCKETxx", "rocket", false},
		{"rockets", "rocket", true},
		{"retail", "ai", false},
		{"Grid & Grain", "ai", false},
		{"AI research", "ai", true},
		{"applied AI.", "ai", true},
		{"data/AI", "ai", true},
		{"perché", "perch", false},
		{"kkkkkkrocke", "rocket", false},
		{"k", "k", true},
		{"plan for 2026", "2026", true},
		{"a jazz quartet", "jazz", true},
		{"città di Roma", "città", true},
	} {
		if got := newKeyword(tc.sub).in(tc.s); got != tc.want {
			t.Errorf("keyword %q in %q = %v, want %v", tc.sub, tc.s, got, tc.want)
		}
	}
}

// TestRankLargeMatchesReference ranks a synthetic network big enough to
// be split among goroutines and checks the order against a plain sort by
// the documented rules.
func TestRankLargeMatchesReference(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	subs := benchNetwork(12000)
	set := store.DefaultSettings()
	for _, tc := range []struct {
		req Request
		opt RankOptions
	}{
		{Request{Kind: store.KindChat}, RankOptions{}},
		{Request{Kind: store.KindReferral}, RankOptions{ReadyOnly: true}},
		{Request{Kind: store.KindIntro, Keywords: []string{"team"}}, RankOptions{Limit: 100}},
		{Request{Kind: store.KindChat, Sector: "aerospace", Keywords: []string{"rocket"}}, RankOptions{}},
	} {
		got := Rank(tc.req, subs, set, now, tc.opt)
		type row struct {
			i, group, band, rel, worked, resp, close, helped, score, since int
		}
		var want []row
		tgt := newTarget(tc.req)
		places := CountPlaces(subs).CountCircleAsks(subs, now)
		for i, s := range subs {
			rel := 0
			if tgt.any {
				if rel = tgt.relevance(s.Friend, tgt.where(s.Friend, new([]byte))); rel == 0 {
					continue
				}
			}
			r := tc.req
			r.CircleAsks = places.CircleLoad(s, now)
			v := Evaluate(s, r, set, now)
			if tc.opt.ReadyOnly && v.Level >= Hold {
				continue
			}
			g := map[Level]int{Clear: 0, Caution: 0, Hold: 1, Block: 2}[v.Level]
			band := map[Level]int{Clear: 0, Caution: 2}[v.Level]
			if v.Level == Clear && v.Score < ReadyScore {
				band = 1
			}
			worked := 0
			if f := s.Friend; f.WorkedTogether {
				worked = 1
				if y := WorkedUntil(f.WorkedNote); y > 0 {
					worked = 2 + max(0, 15-max(0, now.Year()-y))
				}
			}
			resp := 2
			if n := v.Track.Answered(); v.Has(CodeUnresponsive) {
				resp = 0
			} else if n > 0 {
				resp = 1 + int(math.Round(3*float64(v.Track.Helped)/float64(n)))
			}
			since := 0
			if !v.Track.LastAsk.IsZero() {
				since = 1 + 62 - min(int(now.Sub(v.Track.LastAsk)/(7*day)), 62)
			}
			want = append(want, row{i, g, band, rel, worked, resp, s.Friend.Closeness, min(v.Track.Helped, 15), v.Score, since})
		}
		slices.SortStableFunc(want, func(a, b row) int {
			return cmp.Or(a.group-b.group, a.band-b.band, b.rel-a.rel, b.worked-a.worked, b.resp-a.resp,
				b.close-a.close, b.helped-a.helped, b.score-a.score, a.since-b.since, a.i-b.i)
		})
		if tc.opt.Limit > 0 && len(want) > tc.opt.Limit {
			want = want[:tc.opt.Limit]
		}
		if len(got) != len(want) {
			t.Fatalf("%+v: %d rows, want %d", tc.req, len(got), len(want))
		}
		for k := range want {
			if got[k].Index != want[k].i {
				t.Fatalf("%+v: row %d is friend %d, want %d", tc.req, k, got[k].Index, want[k].i)
			}
		}
	}
}

// TestNetworkMatchesHistory weighs a stored network once as the store's
// indexes give it (NetworkPool) and once from every friend's full records
// (History): Rank, Evaluate, Likely and Due must answer the same.
func TestNetworkMatchesHistory(t *testing.T) {
	st := store.New(filepath.Join(t.TempDir(), "kith.db"))
	if err := demo.Fill(st, 80, 3, now, nil); err != nil {
		t.Fatal(err)
	}
	n, err := st.Network()
	if err != nil {
		t.Fatal(err)
	}
	full := make(Subjects, len(n.Friends))
	for i := range n.Friends {
		asks, favors, err := st.History(n.Friends[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		full[i] = SubjectOf(&n.Friends[i], asks, favors)
	}
	set := store.DefaultSettings()
	word := strings.Fields(n.Friends[0].Role)[0]
	for _, req := range []Request{{Kind: store.KindChat}, {Kind: store.KindReferral, Sector: n.Friends[0].Sectors[0]},
		{Kind: store.KindIntro, Keywords: []string{word}}, {Kind: store.KindAdvice, Org: n.Friends[1].Org}} {
		a := Rank(req, NetworkPool(n), set, now, RankOptions{})
		b := Rank(req, full, set, now, RankOptions{})
		if !reflect.DeepEqual(a, b) || len(a) == 0 {
			t.Fatalf("%+v: %d rows through NetworkPool, %d from the histories, or they differ", req, len(a), len(b))
		}
	}
	pool := NetworkPool(n)
	for i := range full {
		sub := pool.Subject(i)
		if got, want := Likely(sub), Likely(full[i]); !reflect.DeepEqual(got, want) {
			t.Fatalf("friend %d: Likely %+v from the network, %+v from the history", i, got, want)
		}
		req := Likely(sub)
		if got, want := Evaluate(sub, req, set, now), Evaluate(full[i], req, set, now); !reflect.DeepEqual(got, want) {
			t.Fatalf("friend %d: %+v from the network, %+v from the history", i, got, want)
		}
		if got, want := Due(sub, now), Due(full[i], now); !reflect.DeepEqual(got, want) {
			t.Fatalf("friend %d: due %+v from the network, %+v from the history", i, got, want)
		}
	}
	if got, want := Nudges(pool, now), Nudges(full, now); !reflect.DeepEqual(got, want) || len(got) == 0 {
		t.Errorf("Nudges: %d from the network, %d from the histories, or they differ", len(got), len(want))
	}
}

// TestPlacesMatchSoleContact: the counted places answer as SoleContact
// does, for every friend and request.
func TestPlacesMatchSoleContact(t *testing.T) {
	subs := benchNetwork(400)
	subs[3].Friend.Archived = true
	subs[5].Friend.Org = "Org 1 Inc."
	subs[7].Friend.Org = "Unique Ltd"
	subs[8].Friend.Sectors = []string{"falconry"}
	subs[9].Friend.Sectors, subs[9].Friend.Archived = []string{"falconry"}, true
	places := CountPlaces(subs)
	reqs := []Request{{Kind: store.KindIntro, Org: "UNIQUE"}}
	for _, s := range []string{"aerospace", "Finance", "music", "nowhere", "Falconry"} {
		reqs = append(reqs, Request{Kind: store.KindChat, Sector: s})
	}
	for i := range 10 {
		reqs = append(reqs, Request{Kind: store.KindIntro, Org: "org " + strconv.Itoa(i)}, Request{Kind: store.KindIntro, Org: subs[i].Friend.Org})
	}
	reqs = append(reqs, Request{Kind: store.KindChat})
	sole := 0
	for _, req := range reqs {
		for _, s := range subs {
			want := SoleContact(subs, req, s.Friend.ID)
			if got := places.Sole(req, s.Friend); got != want {
				t.Fatalf("%+v, friend %d: Places.Sole %v, SoleContact %v", req, s.Friend.ID, got, want)
			}
			if want {
				sole++
			}
		}
	}
	if sole == 0 {
		t.Fatal("no friend is a sole contact: nothing was compared")
	}
	// LikelyVerdict acknowledges a sole contact where the verdict alone holds.
	f := friend(func(f *store.Friend) { f.Org = "Avio S.p.A." })
	sub := Subject{Friend: f, Asks: facts(store.Ask{Kind: store.KindChat, Status: store.StatusHelped, Org: "AVIO", Created: now.Add(-3 * day), Sent: now.Add(-3 * day)})}
	req, v := LikelyVerdict(sub, CountPlaces(Subjects{sub}), store.DefaultSettings(), now)
	if !req.Sole || !v.Has(CodeAcknowledge) || v.Has(CodeCooldown) {
		t.Errorf("LikelyVerdict for the only one at Avio: %+v, %+v; want the acknowledge caution", req, v)
	}
	if _, v := LikelyVerdict(sub, nil, store.DefaultSettings(), now); !v.Has(CodeCooldown) {
		t.Errorf("LikelyVerdict without places: %+v, want the cool-down", v)
	}
}

// The paths of WorkedUntil and ongoing without copies answer as the
// general ones on generated notes (years, two-digit ends, dashes and
// slashes, digits in runs of every length and in other scripts, the
// ongoing words in any case, letters that lower-case to ASCII), and
// allocate nothing.
func TestWorkedNoteASCIIPaths(t *testing.T) {
	parts := []string{"Acme", " ", ", ", "2020", "2019", "1949", "2101", "22", "-", "/", "–", "12345", "7", "at Globex in ",
		"Since ", "PRESENT", "to Date", "now", "Dal ", "ad OGGI", "tuttora", "Known", "x", "0", "99", "2020-19", "1999/00",
		"—", "é", "ſince", "\u212Anown", "NOW\u0130", "\u0130", "٢٠٢٠", "२", "\xff", "Dal\u00a0"}
	r := rand.New(rand.NewPCG(5, 8))
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(6) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		n := b.String()
		if got, want := WorkedUntil(n), workedUntilRunes(n); got != want {
			t.Fatalf("WorkedUntil(%q) = %d, want %d", n, got, want)
		}
		if got, want := ongoing(n), ongoingLower(n); got != want {
			t.Fatalf("ongoing(%q) = %v, want %v", n, got, want)
		}
	}
	note := "Acme, 2019–22, since März"
	if a := testing.AllocsPerRun(10, func() { WorkedUntil(note); ongoing(note) }); a != 0 {
		t.Errorf("WorkedUntil and ongoing of %q: %v allocations, want 0", note, a)
	}
}
