package tui

import (
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"kith/policy"
	"kith/store"
)

// asksModel has four asks: Ada's draft, Bea's chat of 3 days ago, Cy's
// intro of 10 days ago (follow up) and Dee's advice that helped 20 days
// ago with no thank-you and no favor back.
func asksModel(t testing.TB, w, h int) *Model {
	fs, asks := composeFriends()
	d10, d20, d25 := testNow.AddDate(0, 0, -10), testNow.AddDate(0, 0, -20), testNow.AddDate(0, 0, -25)
	asks = append(asks,
		store.Ask{FriendID: 1, Kind: store.KindIntro, Topic: "aerospace", Body: "Subject: hi\n\nHi Ada", Status: store.StatusDraft, Created: testNow.AddDate(0, 0, -1)},
		store.Ask{FriendID: 3, Kind: store.KindIntro, Topic: "fintech people", Status: store.StatusSent, Created: d10, Sent: d10},
		store.Ask{FriendID: 4, Kind: store.KindAdvice, Topic: "health startups", Status: store.StatusHelped, Created: d25, Sent: d25, Resolved: d20},
	)
	return storeModel(t, w, h, composeProfile(), fs, asks)
}

func openAsks(t testing.TB, m *Model) *asksScreen {
	t.Helper()
	follow(t, m, press(m, "A"))
	as, ok := m.active().(*asksScreen)
	if !ok {
		t.Fatalf("A opened %T, want the Asks screen", m.active())
	}
	return as
}

func TestAsksNewestFirstAndNudges(t *testing.T) {
	m := asksModel(t, 100, 30)
	if !strings.Contains(lines(plain(m))[0], "3 due") {
		t.Errorf("header %q does not count 3 nudges", lines(plain(m))[0])
	}
	as := openAsks(t, m)
	var got []string
	for _, i := range as.shown {
		a, fr := as.head(&as.rows[i])
		got = append(got, fr.Name+"/"+string(a.Status()))
	}
	want := []string{"Ada Alvarez/draft", "Bea Bauer/sent", "Cy Chen/sent", "Dee Diaz/helped"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("asks %v, want newest first %v", got, want)
	}
	kinds := map[policy.NudgeKind]bool{}
	for _, n := range as.nudges {
		kinds[n.Kind] = true
	}
	if len(as.nudges) != 3 || !kinds[policy.NudgeFollowUp] || !kinds[policy.NudgeThank] || !kinds[policy.NudgeHelpBack] {
		t.Errorf("nudges %+v, want a follow-up, a thank-you and a help back", as.nudges)
	}
	view := plain(m)
	for _, s := range []string{"follow up", "thank", "help back", "Due: 3 things"} {
		if !strings.Contains(view, s) {
			t.Errorf("the screen does not show %q:\n%s", s, view)
		}
	}
	// the filter: due, then by status
	press(m, "s")
	if as.filterName() != "draft" || len(as.shown) != 1 {
		t.Errorf("s: filter %s with %d asks, want draft with 1", as.filterName(), len(as.shown))
	}
	for as.filter != filterDue {
		press(m, "s")
	}
	if len(as.shown) != 2 {
		t.Errorf("due filter shows %d asks, want Cy's and Dee's", len(as.shown))
	}
}

func TestAsksOutcomeAndThanks(t *testing.T) {
	m := asksModel(t, 100, 30)
	as := openAsks(t, m)
	press(m, "j", "j") // Cy's intro
	if _, fr := as.head(as.focused()); fr.ID != 3 {
		t.Fatalf("selected the ask of friend %d, want Cy", fr.ID)
	}
	follow(t, m, press(m, "enter"))
	if as.detail == nil || as.detail.Topic != "fintech people" || !strings.Contains(plain(m), "fintech people") {
		t.Fatalf("enter did not show the ask in full:\n%s", plain(m))
	}
	press(m, "o")
	if !as.picking || !as.Capturing() {
		t.Fatal("o did not open the outcome picker")
	}
	typeText(m, "introduced me to Marco")
	follow(t, m, press(m, "enter"))
	settle(t, m, as)
	asks := storedAsks(t, m, 3)
	if asks[0].Status != store.StatusHelped || asks[0].Outcome != "introduced me to Marco" || !asks[0].Resolved.Equal(testNow) {
		t.Fatalf("stored %+v, want helped now with the note", asks[0])
	}
	if as.picking {
		t.Error("the picker stayed open")
	}
	// now a thank-you is due for Cy; t records it
	if !as.dueHas(asks[0].ID, policy.NudgeThank) {
		t.Errorf("no thank-you nudge for the helped ask: %+v", as.nudges)
	}
	follow(t, m, press(m, "t"))
	settle(t, m, as)
	asks = storedAsks(t, m, 3)
	if !asks[0].Thanked.Equal(testNow) {
		t.Fatalf("thanked %v, want now", asks[0].Thanked)
	}
	if as.dueHas(asks[0].ID, policy.NudgeThank) {
		t.Error("the thank-you nudge stayed after t")
	}
	follow(t, m, press(m, "t"))
	if as.err != "" || !strings.Contains(m.flash, "already") {
		t.Errorf("a second t: error %q, flash %q; want it noted as done already", as.err, m.flash)
	}
	if again := storedAsks(t, m, 3); !again[0].Thanked.Equal(testNow) {
		t.Errorf("a second t changed the thank-you's date to %v", again[0].Thanked)
	}
	// other outcomes: declined on Bea's chat
	press(m, "esc", "k")
	press(m, "o", "down")
	follow(t, m, press(m, "enter"))
	if a := storedAsks(t, m, 2); a[0].Status != store.StatusDeclined {
		t.Errorf("Bea's ask is %s, want declined", a[0].Status)
	}
}

func (as *asksScreen) dueHas(id uint64, k policy.NudgeKind) bool {
	for _, n := range as.nudges {
		if n.AskID == id && n.Kind == k {
			return true
		}
	}
	return false
}

func TestAskDetailScrolls(t *testing.T) {
	fs, asks := composeFriends()
	long := "Subject: a long one\n\n" + strings.Repeat("line\n", 60) + "the end"
	asks = append(asks, store.Ask{FriendID: 1, Kind: store.KindChat, Body: long, Status: store.StatusSent, Created: testNow, Sent: testNow})
	m := storeModel(t, 80, 24, composeProfile(), fs, asks)
	as := openAsks(t, m)
	follow(t, m, press(m, "enter"))
	if as.detail == nil || strings.Contains(plain(m), "the end") {
		t.Fatalf("the detail is not open or not cut:\n%s", plain(m))
	}
	press(m, "pgdown", "pgdown", "pgdown", "pgdown")
	if !strings.Contains(plain(m), "the end") {
		t.Errorf("paging down does not reach the end of the message:\n%s", plain(m))
	}
	if !strings.Contains(lines(plain(m))[1], "Your ask to Ada Alvarez") {
		t.Errorf("the title scrolled away: %q", lines(plain(m))[1])
	}
}

// settle builds the rows of the latest dataset, which the test runner's
// depth limit may have left pending after a reload.
func settle(t *testing.T, m *Model, as *asksScreen) {
	t.Helper()
	if as.rowsD != as.d {
		follow(t, m, askRowsCmd(as.d))
	}
	if as.rowsD != as.d {
		t.Fatal("the rows of the latest dataset were not built")
	}
}

// msgsOf runs cmd and the commands it batches, without feeding anything
// back, and returns the messages of type T they give.
func msgsOf[T any](cmd tea.Cmd) []T {
	var out []T
	var do func(tea.Cmd)
	do = func(c tea.Cmd) {
		if c == nil {
			return
		}
		switch msg := within(c, 5*time.Second).(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				do(c)
			}
		case T:
			out = append(out, msg)
		}
	}
	do(cmd)
	return out
}

// topicAsks is Ada with n asks, ask i on the topic "topic i", and one
// ask to Cy on "fintech people".
func topicAsks(t testing.TB, n, w, h int) *Model {
	fs, _ := composeFriends()
	var asks []store.Ask
	for i := range n {
		at := testNow.AddDate(0, 0, -i-1)
		asks = append(asks, store.Ask{FriendID: 1, Kind: store.KindChat, Topic: "topic " + strconv.Itoa(i), Status: store.StatusSent, Created: at, Sent: at})
	}
	old := testNow.AddDate(-1, 0, 0)
	asks = append(asks, store.Ask{FriendID: 3, Kind: store.KindIntro, Topic: "Fintech people", Status: store.StatusHelped, Created: old, Sent: old, Resolved: old, Thanked: old})
	return storeModel(t, w, h, composeProfile(), fs, asks)
}

// TestAsksTopicColumn: the rows on screen show "…" until their topics
// are read, in one read of just those asks; the topics stay, by ask id,
// until the database changes, and are then read again, the old ones
// shown meanwhile.
func TestAsksTopicColumn(t *testing.T) {
	m := topicAsks(t, 60, 100, 24)
	// open the screen without running its reads, then build the rows
	m.Update(pushMsg{newAsks(m.c, m.home.d)})
	as := m.active().(*asksScreen)
	_, cmd := as.Update(askRowsCmd(as.d)())
	if strings.Contains(plain(m), "topic 0") {
		t.Fatalf("a topic is shown before it was read:\n%s", plain(m))
	}
	if got := strings.Count(plain(m), " … "); got < as.listRows() {
		t.Errorf("%d rows show the placeholder, want the %d on screen:\n%s", got, as.listRows(), plain(m))
	}
	if cmd == nil {
		t.Fatal("the rows on screen were not read")
	}
	msg, ok := cmd().(topicsMsg)
	if !ok {
		t.Fatalf("the screen read %T, want the topics of its rows", msg)
	}
	if len(msg.ids) != as.listRows() {
		t.Errorf("read %d topics, want the %d rows on screen", len(msg.ids), as.listRows())
	}
	if _, again := as.Update(resizedMsg{}); again != nil {
		t.Error("the topics were asked for again while their read was under way")
	}
	m.Update(msg)
	view := plain(m)
	if !strings.Contains(view, "topic 0") || strings.Contains(view, " … ") {
		t.Errorf("the topics read are not shown:\n%s", view)
	}
	// moving to the bottom reads the topics of the rows now shown, only those
	_, cmd = as.Update(keyMsg("G"))
	reads := msgsOf[topicsMsg](cmd)
	if len(reads) != 1 || len(reads[0].ids) == 0 || len(reads[0].ids) > as.listRows() {
		t.Fatalf("after G, read %+v; want one read of the rows scrolled in", reads)
	}
	m.Update(reads[0])
	press(m, "g")
	// a change of the database: read again, the old topics shown meanwhile
	d2 := *as.d // another load of the same data
	as.d = &d2
	_, cmd = as.Update(askRowsMsg{d: as.d, rows: buildAskRows(as.d)})
	if !strings.Contains(plain(m), "topic 0") {
		t.Errorf("the topics went blank while they are read again:\n%s", plain(m))
	}
	if cmd == nil {
		t.Error("the topics were not read again for the new rows")
	}
}

// TestAsksFilterMatchesTopic: / matches topics (folded) once the
// index is built, in one read started by the first /; until then no row
// matches and the status line says the index is being built.
func TestAsksFilterMatchesTopic(t *testing.T) {
	m := topicAsks(t, 3, 100, 30)
	as := openAsks(t, m)
	_, cmd := as.Update(keyMsg("/"))
	builds := msgsOf[findIndexMsg](cmd)
	if len(builds) != 1 {
		t.Fatalf("/ started %d builds of the index, want 1", len(builds))
	}
	typeText(m, "fintéch")
	if !strings.Contains(plain(m), "Indexing the topics and names") || strings.Contains(plain(m), "No asks") {
		t.Errorf("while typing before the index is built, the list does not say it is being built:\n%s", plain(m))
	}
	press(m, "enter")
	if len(as.shown) != 0 || !strings.Contains(plain(m), "indexing the topics…") {
		t.Errorf("before the index is built: %d asks shown, want 0 and the build said:\n%s", len(as.shown), plain(m))
	}
	if _, again := as.Update(resizedMsg{}); msgsOf[findIndexMsg](again) != nil {
		t.Error("the index was built again while its build was under way")
	}
	follow(t, m, func() tea.Msg { return builds[0] })
	if len(as.shown) != 1 || as.focused().id != as.rows[3].id {
		t.Fatalf("/fintéch shows %d asks, want Cy's on fintech people:\n%s", len(as.shown), plain(m))
	}
	if strings.Contains(plain(m), "indexing") {
		t.Errorf("the build is still said once done:\n%s", plain(m))
	}
	// the friend's name still matches, from the same index
	_, cmd = as.Update(keyMsg("/"))
	if msgsOf[findIndexMsg](cmd) != nil {
		t.Error("a second / built the index again")
	}
	press(m, "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
	typeText(m, "alvarez")
	if len(as.shown) != 3 {
		t.Errorf("/alvarez shows %d asks, want Ada's 3", len(as.shown))
	}
	// a change while the filter is used: the rows come with their index
	_, cmd = as.Update(dataMsg{d: as.d})
	rows := msgsOf[askRowsMsg](cmd)
	if len(rows) != 1 || rows[0].ix == nil {
		t.Fatalf("a reload while filtering read %+v, want the rows with their index", rows)
	}
	as.Update(rows[0])
	if len(as.shown) != 3 || strings.Contains(plain(m), "indexing") {
		t.Errorf("after the reload /alvarez shows %d asks, want 3:\n%s", len(as.shown), plain(m))
	}
}

// TestFindIndexAskAddedSince: an ask the topic table does not hold (added
// after it was read) matches by its friend only.
func TestFindIndexAskAddedSince(t *testing.T) {
	m := topicAsks(t, 2, 100, 30)
	as := openAsks(t, m)
	tt := store.TopicTable{Topics: []string{"Zoë's café"}, IDs: []uint64{as.rows[1].id}, Of: []uint32{0}}
	as.setIndex(newFindIndex(as.rowsD, as.rows, &tt), nil)
	as.setFind("zoe")
	if len(as.shown) != 1 || as.rows[as.shown[0]].id != as.rows[1].id {
		t.Errorf("/zoe shows rows %v, want only row 1, whose topic is Zoë's café", as.shown)
	}
	if as.fix.ofRow[0] != noTopic {
		t.Errorf("row 0's topic is %d, want none: the table does not hold it", as.fix.ofRow[0])
	}
}

// TestGoldenAsksTopics renders the TOPIC column at 80×24 and 200×60, and
// at 80×24 before the topics are read.
func TestGoldenAsksTopics(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{80, 24}, {200, 60}} {
		name := "asks-topics-" + strconv.Itoa(sz.w) + "x" + strconv.Itoa(sz.h)
		t.Run(name, func(t *testing.T) {
			m := topicAsks(t, 30, sz.w, sz.h)
			openAsks(t, m)
			got := plain(m)
			checkFrame(t, got, sz.w, sz.h)
			golden(t, name, got)
		})
	}
	t.Run("asks-topics-reading-80x24", func(t *testing.T) {
		m := topicAsks(t, 30, 80, 24)
		m.Update(pushMsg{newAsks(m.c, m.home.d)})
		as := m.active().(*asksScreen)
		as.Update(askRowsCmd(as.d)())
		got := plain(m)
		checkFrame(t, got, 80, 24)
		golden(t, "asks-topics-reading-80x24", got)
	})
}

// TestAsksErrorWrapsAt80: the reason a key was refused is wrapped at 80
// columns, not cut, and the list gives it the lines it takes.
func TestAsksErrorWrapsAt80(t *testing.T) {
	m := asksModel(t, 80, 24)
	as := openAsks(t, m)
	press(m, "j", "j") // Cy's intro, sent, no outcome yet
	follow(t, m, press(m, "t"))
	if as.err == "" {
		t.Fatal("t on a sent ask said nothing")
	}
	out := plain(m)
	if got := strings.Join(strings.Fields(out), " "); !strings.Contains(got, strings.Join(strings.Fields(as.err), " ")) {
		t.Errorf("the reason %q is cut at 80 columns:\n%s", as.err, out)
	}
	checkFrame(t, out, 80, 24)
	if rows := as.listRows(); rows != as.h-as.nudgeLines()-1-len(wrap(as.err, 80)) {
		t.Errorf("the list has %d rows beside a %d-line reason", rows, len(wrap(as.err, 80)))
	}
}
