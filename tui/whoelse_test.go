package tui

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"kith/policy"
	"kith/store"
	"kith/store/demo"
)

// whoFriends adds two more designers to the compose friends.
func whoModel(t testing.TB, w, h int) *Model {
	fs, asks := composeFriends()
	fs = append(fs,
		store.Friend{Name: "Eli Engel", Org: "Acme", Sectors: []string{"design", "aerospace"}, Closeness: 5, Notes: "knows the satellite people"},
		store.Friend{Name: "Fay Fox", Org: "Umbrella", Sectors: []string{"health"}, Closeness: 3},
	)
	return storeModel(t, w, h, composeProfile(), fs, asks)
}

func activeWho(t testing.TB, m *Model) *whoElseScreen {
	t.Helper()
	ws, ok := m.active().(*whoElseScreen)
	if !ok {
		t.Fatalf("active screen is %T, want who else", m.active())
	}
	return ws
}

func candNames(ws *whoElseScreen) []string {
	var out []string
	for _, c := range ws.cands {
		out = append(out, c.Friend.Name)
	}
	return out
}

func TestWhoElseFromTheList(t *testing.T) {
	m := whoModel(t, 100, 30)
	press(m, "g") // Ada: likely a chat about design
	follow(t, m, press(m, "w"))
	ws := activeWho(t, m)
	req := ws.request()
	if req.Kind != store.KindChat || req.Sector != "design" || ws.exclude != 1 {
		t.Fatalf("need %+v excluding %d, want a chat in design without Ada", req, ws.exclude)
	}
	got := candNames(ws)
	// Eli (clear, closest) before Bea (held); Ada left out; no one outside design
	if len(got) != 2 || got[0] != "Eli Engel" || got[1] != "Bea Bauer" {
		t.Fatalf("ranked %v, want [Eli Engel Bea Bauer]", got)
	}
	if !strings.Contains(plain(m), "clear") || !strings.Contains(plain(m), "hold") {
		t.Errorf("no level badges:\n%s", plain(m))
	}
	if !strings.Contains(plain(m), "still unansw") {
		t.Errorf("Bea's top reason is not shown:\n%s", plain(m))
	}
}

func TestWhoElseUpdatesAsTheNeedIsEdited(t *testing.T) {
	m := whoModel(t, 100, 30)
	press(m, "g")
	follow(t, m, press(m, "w"))
	ws := activeWho(t, m)
	press(m, "tab", "tab") // kind, then sector
	if ws.focus != needSector || !ws.Capturing() {
		t.Fatalf("focus %d, want the sector field capturing keys", ws.focus)
	}
	for range len("design") {
		press(m, "backspace")
	}
	var cmds int
	for _, r := range "health" {
		_, cmd := m.Update(keyMsg(string(r)))
		follow(t, m, cmd)
		cmds++
	}
	got := candNames(ws)
	if len(got) != 2 || got[0] != "Fay Fox" || got[1] != "Dee Diaz" {
		t.Fatalf("health ranked %v, want [Fay Fox Dee Diaz] (clear before caution)", got)
	}
	// a stale ranking never replaces a newer one
	stale := rankedMsg{ws: ws, seq: ws.applied - 1, d: ws.d, cands: nil}
	m.Update(stale)
	if len(ws.cands) != 2 {
		t.Error("a stale ranking replaced the newer one")
	}
	// the kind field: right changes the kind and re-ranks
	press(m, "shift+tab")
	follow(t, m, press(m, "l"))
	if ws.request().Kind != store.KindReferral {
		t.Errorf("kind %s after →, want referral", ws.request().Kind)
	}
	follow(t, m, press(m, "space"))
	follow(t, m, press(m, "h"))
	if ws.focus != needKind || ws.request().Kind != store.KindReferral {
		t.Errorf("space then ←: focus %d, kind %s; want the kind field on referral", ws.focus, ws.request().Kind)
	}
	// enter opens the gate for the selected friend
	press(m, "enter")
	if ws.focus != needList {
		t.Fatal("enter in the need did not go to the list")
	}
	follow(t, m, press(m, "enter"))
	g, ok := m.active().(*gateScreen)
	if !ok || g.friend.Name != "Fay Fox" {
		t.Fatalf("enter opened %T, want the gate for Fay", m.active())
	}
	if g.kinds[g.cursor] != store.KindReferral {
		t.Errorf("the gate starts on %s, want the kind asked for in who else (referral)", g.kinds[g.cursor])
	}
	follow(t, m, press(m, "w"))
	if m.active() != ws {
		t.Error("w in a gate opened from who else did not go back to it")
	}
}

func TestWhoElseBlockedLast(t *testing.T) {
	m := whoModel(t, 100, 30)
	ws := newWhoElse(m.c, m.home.d, policy.Request{Kind: store.KindReference}, 0)
	follow(t, m, func() tea.Msg { return pushMsg{ws} })
	if len(ws.cands) == 0 {
		t.Fatal("nobody ranked")
	}
	seenBlock := false
	for _, c := range ws.cands {
		if c.Verdict.Level == policy.Block {
			seenBlock = true
		} else if seenBlock {
			t.Fatalf("%s (%s) ranked after a blocked friend: %v", c.Friend.Name, c.Verdict.Level, candNames(ws))
		}
	}
	if ws.cands[0].Friend.Name != "Ada Alvarez" {
		t.Errorf("first for a reference: %s, want Ada (the one who worked with you)", ws.cands[0].Friend.Name)
	}
}

func TestWhoElseRanksOnceTypingRests(t *testing.T) {
	m := whoModel(t, 100, 30)
	press(m, "g")
	follow(t, m, press(m, "w"))
	ws := activeWho(t, m)
	press(m, "tab", "tab")
	first := press(m, "x") // an edit: a tick, not a ranking
	press(m, "y")
	if _, cmd := ws.Update(rankWantMsg{ws: ws, seq: ws.seq - 1}); cmd != nil {
		t.Error("the tick of an older edit still ranks")
	}
	msgs := collect(first)
	if len(msgs) != 1 {
		t.Fatalf("an edit gave %v, want one tick", msgs)
	}
	if _, cmd := ws.Update(rankWantMsg{ws: ws, seq: ws.seq}); cmd == nil {
		t.Error("the tick of the latest edit does not rank")
	}
}

// TestRankNeedMatchesRankOverEveryone: the pre-filtered ranking is the
// ranking policy.Rank gives over every friend.
func TestRankNeedMatchesRankOverEveryone(t *testing.T) {
	d := genNetwork(3000, 11).dataset(1)
	set := store.DefaultSettings()
	reqs := []policy.Request{
		{Kind: store.KindIntro, Sector: "design"},
		{Kind: store.KindChat, Org: "acme"},
		{Kind: store.KindReferral, Org: " Hooli ", Sector: "ai"},
		{Kind: store.KindAdvice, Keywords: []string{"HIKING", "conference"}},
		{Kind: store.KindReference, Sector: "law", Keywords: []string{"engineer"}},
		{Kind: store.KindReview, Keywords: []string{"テスト"}},
		{Kind: store.KindChat},
	}
	ix := &needIndex{}
	for _, req := range reqs {
		for _, ex := range []uint64{0, 5} {
			got := rankNeed(d, ix, req, set, testNow, ex)
			want := policy.Rank(req, dsPool{d}, set, testNow, policy.RankOptions{Limit: whoLimit, Exclude: ex})
			if len(got) != len(want) {
				t.Fatalf("%+v: %d candidates, want %d", req, len(got), len(want))
			}
			for i := range want {
				g, w := got[i], want[i]
				if g.Index != w.Index || g.Friend.ID != w.Friend.ID || g.Relevance != w.Relevance || g.Verdict.Level != w.Verdict.Level || g.Verdict.Score != w.Verdict.Score {
					t.Fatalf("%+v row %d: got friend %d (index %d, rel %d, %s %d), want friend %d (index %d, rel %d, %s %d)", req, i,
						g.Friend.ID, g.Index, g.Relevance, g.Verdict.Level, g.Verdict.Score, w.Friend.ID, w.Index, w.Relevance, w.Verdict.Level, w.Verdict.Score)
				}
			}
		}
	}
}

// A dataset loaded from the store hands Rank its ask facts in place; the
// ranking must be the one the expanded ask heads give.
func TestRankFromFactsMatchesRankFromAsks(t *testing.T) {
	st := store.New(filepath.Join(t.TempDir(), "kith.db"))
	if err := demo.Fill(st, 400, 3, testNow, nil); err != nil {
		t.Fatal(err)
	}
	n, err := st.Network()
	if err != nil {
		t.Fatal(err)
	}
	last := make([]time.Time, len(n.Friends))
	withFacts := newPartial(1, n.Friends, store.DefaultProfile(), 0).withHistory(1, n.AsksOf, n.FavorsOf, last)
	withFacts.factsOf = n.FactsOf
	withAsks := *withFacts
	withAsks.factsOf = nil
	set := store.DefaultSettings()
	for _, kind := range store.Kinds() {
		req := policy.Request{Kind: kind, Sector: n.Friends[0].Sectors[0]}
		got := policy.Rank(req, dsPool{withFacts}, set, testNow, policy.RankOptions{})
		want := policy.Rank(req, dsPool{&withAsks}, set, testNow, policy.RankOptions{})
		if len(got) != len(want) || len(got) == 0 {
			t.Fatalf("%s: %d candidates from facts, %d from asks", kind, len(got), len(want))
		}
		for i := range want {
			if got[i].Friend.ID != want[i].Friend.ID || got[i].Verdict.Score != want[i].Verdict.Score || !reflect.DeepEqual(got[i].Verdict.Reasons, want[i].Verdict.Reasons) {
				t.Fatalf("%s row %d: from facts %d %+v, from asks %d %+v", kind, i, got[i].Friend.ID, got[i].Verdict, want[i].Friend.ID, want[i].Verdict)
			}
		}
	}
}
