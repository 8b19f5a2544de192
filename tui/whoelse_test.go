package tui

import (
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"kith/policy"
	"kith/store"
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
	if !strings.Contains(plain(m), "request sent 3 d") {
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
	msgs := collectWithin(first, 5*time.Second) // the tick is rankDelay; a loaded machine can take longer
	if len(msgs) != 1 {
		t.Fatalf("an edit gave %v, want one tick", msgs)
	}
	if _, cmd := ws.Update(rankWantMsg{ws: ws, seq: ws.seq}); cmd == nil {
		t.Error("the tick of the latest edit does not rank")
	}
}

// circledNetwork is genNetwork with circles, spelt in several ways, and
// asks lately to many of their members, so that circles reach the
// circle caution's limit.
func circledNetwork(n int, seed uint64) *network {
	net := genNetwork(n, seed)
	circles := []string{"Chess Club", "choir", "University", "climbing club", "Book Club", "CHESS CLUB"}
	for i := range net.friends {
		f := &net.friends[i]
		if i%3 == 0 {
			continue
		}
		f.Circles = append(f.Circles, circles[i%len(circles)])
		if i%7 == 0 {
			f.Circles = append(f.Circles, "University")
		}
		f.Normalize()
		if i%4 == 0 {
			at := testNow.AddDate(0, 0, -1-i%20)
			net.asks[i] = append(net.asks[i], store.Ask{ID: uint64(1_000_000 + i), FriendID: f.ID, Kind: store.KindChat, Status: store.StatusHelped, Created: at, Sent: at, Resolved: at.Add(time.Hour)})
		}
	}
	return net
}

// TestWhoElseCircleLoadsGiven: who else ranks with the circle loads the
// load counted (rankNeed passes d.places), and that ranking is the one
// policy.Rank gives counting them over the pool: the same rows, the same
// order, the same verdicts, circle cautions among them.
func TestWhoElseCircleLoadsGiven(t *testing.T) {
	d := circledNetwork(600, 5).dataset(1)
	set := d.profile.Settings
	reqs := []policy.Request{
		{Kind: store.KindIntro, Sector: "design"},
		{Kind: store.KindChat, Circle: "chess club"},
		{Kind: store.KindReferral, Org: "Globex"},
		{Kind: store.KindAdvice, Keywords: []string{"hiking"}},
		{Kind: store.KindChat},
	}
	cautions := 0
	for _, req := range reqs {
		for _, ex := range []uint64{0, d.friends[4].ID, d.friends[7].ID} {
			got := rankNeed(d, req, set, testNow, ex)
			want := policy.Rank(req, dsPool{d}, set, testNow, policy.RankOptions{Limit: whoLimit, Exclude: ex})
			if len(got) != len(want) {
				t.Fatalf("%+v without %d: %d rows, want %d", req, ex, len(got), len(want))
			}
			for i := range got {
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Fatalf("%+v without %d: row %d is %s %+v, want %s %+v", req, ex, i, got[i].Friend.Name, got[i].Verdict, want[i].Friend.Name, want[i].Verdict)
				}
				for _, r := range got[i].Verdict.Reasons {
					if r.Code == "circle" {
						cautions++
					}
				}
			}
		}
	}
	if cautions == 0 {
		t.Error("no row has the circle caution: the loads were not tested")
	}
}
