package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"kith/store"
)

func TestAsksStatusFilterComesBackToAll(t *testing.T) {
	m := asksModel(t, 100, 30)
	as := openAsks(t, m)
	var seen []string
	for range len(store.Statuses()) + 2 {
		press(m, "s")
		seen = append(seen, as.filterName())
	}
	want := append(append([]string{}, statusNames()...), "due", "all")
	if strings.Join(seen, " ") != strings.Join(want, " ") {
		t.Errorf("s cycles %v, want %v", seen, want)
	}
	if len(as.shown) != 4 || !strings.Contains(plain(m), "showing all") {
		t.Errorf("back to all: %d asks shown, want 4:\n%s", len(as.shown), plain(m))
	}
}

func statusNames() []string {
	var out []string
	for _, s := range store.Statuses() {
		out = append(out, string(s))
	}
	return out
}

func TestAsksThankOnlyAfterHelp(t *testing.T) {
	m := asksModel(t, 100, 30)
	as := openAsks(t, m)
	press(m, "j", "j") // Cy's intro, sent, no outcome yet
	follow(t, m, press(m, "t"))
	if a := storedAsks(t, m, 3); !a[0].Thanked.IsZero() {
		t.Fatalf("t on a sent ask recorded a thank-you: %+v", a[0])
	}
	if !strings.Contains(as.err, "is sent, not helped") || !strings.Contains(plain(m), "is sent, not helped") {
		t.Errorf("t on a sent ask says %q, want it to point to o:\n%s", as.err, plain(m))
	}
}

func TestUndoFromTheTUI(t *testing.T) {
	m := asksModel(t, 100, 30)
	as := openAsks(t, m)
	press(m, "j", "j") // Cy's intro
	press(m, "o")
	follow(t, m, press(m, "enter")) // helped
	settle(t, m, as)
	if a := storedAsks(t, m, 3); a[0].Status != store.StatusHelped {
		t.Fatalf("outcome not recorded: %s", a[0].Status)
	}
	follow(t, m, press(m, "u"))
	settle(t, m, as)
	if a := storedAsks(t, m, 3); a[0].Status != store.StatusSent || !a[0].Resolved.IsZero() {
		t.Errorf("after u: %s resolved %v, want sent again", a[0].Status, a[0].Resolved)
	}
	if !strings.Contains(plain(m), "Undid the outcome: your intro ask to Cy Chen (ask 3) is sent again.") {
		t.Errorf("u does not say what it undid:\n%s", plain(m))
	}
	if r := as.focused(); r == nil || r.status != store.StatusSent {
		t.Errorf("the list does not show the undone status: %+v", r)
	}
	// From the friend list: the archive, and a second u redoes it.
	follow(t, m, press(m, "esc"))
	follow(t, m, press(m, "d"))
	follow(t, m, press(m, "y"))
	if len(m.home.rows) != 3 {
		t.Fatalf("%d friends listed after the archive, want 3", len(m.home.rows))
	}
	follow(t, m, press(m, "u"))
	if len(m.home.rows) != 4 {
		t.Errorf("%d friends listed after undoing the archive, want 4", len(m.home.rows))
	}
	if !strings.Contains(plain(m), "Undid the archive:") || !strings.Contains(plain(m), "is back in your list") {
		t.Errorf("u after an archive:\n%s", plain(m))
	}
	follow(t, m, press(m, "u"))
	if !strings.Contains(plain(m), "Redid the archive:") {
		t.Errorf("a second u does not redo:\n%s", plain(m))
	}
	// Nothing recorded: it says so, in words.
	m2 := asksModel(t, 100, 30)
	follow(t, m2, press(m2, "u"))
	if !strings.Contains(plain(m2), "Nothing to undo") {
		t.Errorf("u with nothing to undo:\n%s", plain(m2))
	}
}

func TestDetailPanesEndAndHome(t *testing.T) {
	fs, asks := composeFriends()
	long := "Subject: a long one\n\n" + strings.Repeat("line\n", 60) + "the end"
	asks = append(asks, store.Ask{FriendID: 1, Kind: store.KindChat, Body: long, Status: store.StatusSent, Created: testNow, Sent: testNow})
	m := storeModel(t, 80, 24, composeProfile(), fs, asks)
	openAsks(t, m)
	follow(t, m, press(m, "enter"))
	for _, k := range []string{"G", "end"} {
		press(m, "home")
		if strings.Contains(plain(m), "the end") {
			t.Fatalf("home does not go back to the top:\n%s", plain(m))
		}
		press(m, k)
		if !strings.Contains(plain(m), "the end") {
			t.Errorf("%s does not reach the end of the ask:\n%s", k, plain(m))
		}
	}
	// The friend's detail pane too.
	net := genNetwork(40, 3)
	for i := range net.friends {
		net.friends[i].Notes = strings.Repeat("a long note ", 200) + "THE-END"
	}
	m = newTestModel(t, net, 80, 24)
	press(m, "enter")
	press(m, "G")
	if !strings.Contains(plain(m), "THE-END") {
		t.Errorf("G in the friend's detail does not reach the end:\n%s", plain(m))
	}
}

func TestFooterKeepsHelpQuitAndBack(t *testing.T) {
	for _, w := range []int{80, 120, 200} {
		m := newTestModel(t, genNetwork(30, 1), w, 24)
		foot := lines(plain(m))[23]
		if !strings.Contains(foot, "? help") || !strings.Contains(foot, "q quit") || strings.Contains(foot, "…") {
			t.Errorf("%d columns: the list's footer %q lacks ? help or q quit", w, foot)
		}
	}
	m := composeModel(t, 80, 24)
	openCompose(t, m, 0, store.KindChat)
	foot := lines(plain(m))[23]
	if !strings.Contains(foot, "esc back") || !strings.Contains(foot, "F1 help") {
		t.Errorf("compose's footer at 80 columns %q lacks esc back or F1 help", foot)
	}
	// F1 opens the help from a text field, where ? is typed.
	press(m, "f1")
	if !m.full {
		t.Error("F1 in compose did not open the help")
	}
}

func TestLongStatusMessagesWrap(t *testing.T) {
	m := newTestModel(t, genNetwork(30, 1), 80, 24)
	msg := "Recorded: Cy Chen helped. Say thank you (t marks it), and look for a way to help back, soon, before the month is out."
	m.Update(flashMsg{text: msg})
	out := plain(m)
	if got := strings.Join(strings.Fields(strings.Join(lines(out)[21:], " ")), " "); !strings.Contains(got, msg) {
		t.Errorf("the message is cut at 80 columns:\n%s", out)
	}
	if n := len(lines(out)); n != 24 {
		t.Errorf("the screen is %d lines, want 24", n)
	}
}

// Worked-together held "no" and y made it "no y": choices are pickers.
func TestFormChoicesArePickers(t *testing.T) {
	m := newTestModel(t, nil, 100, 30)
	f := openForm(t, m, "a")
	typeText(m, "Ada Lovelace")
	w := fieldIndex(t, f, "worked")
	for f.focus != w {
		press(m, "tab")
	}
	press(m, "y")
	if got := f.fields[w].in.Value(); got != "yes" {
		t.Errorf("y on worked together: %q, want yes", got)
	}
	press(m, "x", "space")
	if got := f.fields[w].in.Value(); got != "no" {
		t.Errorf("x then space: %q, want no (x is not a choice; space changes it)", got)
	}
	press(m, "left")
	if !strings.Contains(plain(m), "‹ yes ›") {
		t.Errorf("the focused picker does not show its value:\n%s", plain(m))
	}
	press(m, "shift+tab") // closeness
	press(m, "5")
	if !strings.Contains(plain(m), "‹ 5 ›  close friend") {
		t.Errorf("closeness 5 does not say what it means:\n%s", plain(m))
	}
	press(m, "right") // wraps to 1
	if got := f.fields[fieldIndex(t, f, "closeness")].in.Value(); got != "1" {
		t.Errorf("→ from 5: %q, want 1", got)
	}
	press(m, "shift+tab") // links
	typeText(m, "https://ada.example, https://lovelace.example")
	run(t, m, press(m, "ctrl+s"))
	var ada store.Friend
	for _, fr := range m.home.d.friends {
		ada = fr
	}
	if ada.Name != "Ada Lovelace" || !ada.WorkedTogether || ada.Closeness != 1 || strings.Join(ada.URLs, " ") != "https://ada.example https://lovelace.example" {
		t.Errorf("saved %+v", ada)
	}
}

// Widened from 80 columns, the side pane showed asks without topics until
// the cursor moved: the resize now asks for the history.
func TestWideningLoadsTheSidePane(t *testing.T) {
	m := asksModel(t, 80, 24)
	if strings.Contains(plain(m), "aerospace") {
		t.Fatalf("a topic shows at 80 columns before the test:\n%s", plain(m))
	}
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	msgs := run(t, m, cmd)
	if !hasMsg[historyWantMsg](msgs) {
		t.Fatalf("widening asked for no history: %v", msgs)
	}
	run(t, m, m.home.handleHistoryWant(historyWantMsg{token: m.home.histToken}))
	if !strings.Contains(plain(m), "aerospace") {
		t.Errorf("after widening, the side pane lacks Ada's ask topic:\n%s", plain(m))
	}
}

func TestMatchSpanFoldsAsTheFilterDoes(t *testing.T) {
	for _, c := range []struct{ s, q, want string }{
		{"Krzysztof Kamiński", "kaminski", "Kamiński"},
		{"Zoë Laurent", "zoe", "Zoë"},
		{"Łukasz Wróbel", "lukasz", "Łukasz"},
		{"Ada Lovelace", "love", "Love"},
		{"Ada Lovelace", "xyz", ""},
		{"Straße", "strasse", "Straße"},
	} {
		a, b, ok := matchSpan(c.s, store.Fold(c.q))
		got := ""
		if ok {
			got = c.s[a:b]
		}
		if got != c.want {
			t.Errorf("matchSpan(%q, %q) = %q, want %q", c.s, c.q, got, c.want)
		}
	}
}

func TestFilterMarksTheMatchAndTheCountSaysWhere(t *testing.T) {
	net := smallNet("Krzysztof Kamiński", "Ewa Kamińska", "Piotr KAMIŃSKI", "Ada Lovelace")
	m := newTestModel(t, net, 80, 24)
	if !strings.Contains(plain(m), "1/4 · sorted by name") {
		t.Errorf("the status line does not say where the cursor is:\n%s", plain(m))
	}
	press(m, "/")
	typeText(m, "kamin")
	press(m, "enter", "j")
	if !strings.Contains(plain(m), "/kamin  2/3 matches") {
		t.Errorf("the filter's status line lacks 2/3:\n%s", plain(m))
	}
	// Rows other than the cursor's underline what matched (colour off),
	// and only that.
	raw := m.render()
	for _, c := range []struct{ before, after string }{{"Ewa ", "ska"}, {"Piotr ", "SKI"}} {
		i := strings.Index(raw, c.before+"\x1b[4")
		j := strings.Index(raw, "\x1b[m"+c.after)
		if i < 0 || j < i || ansi.Strip(raw[i+len(c.before):j+3]) != map[string]string{"ska": "Kamiń", "SKI": "KAMIŃ"}[c.after] {
			t.Errorf("the row of %s does not mark the match:\n%q", c.before, raw)
		}
	}
}

// A saved draft is continued from the asks screen with c.
func TestAsksContinueADraft(t *testing.T) {
	m := asksModel(t, 100, 30)
	as := openAsks(t, m)
	press(m, "j") // Bea's sent chat: not a draft
	follow(t, m, press(m, "c"))
	if _, ok := m.active().(*asksScreen); !ok || !strings.Contains(as.err, "only a draft can be continued") {
		t.Errorf("c on a sent ask: %T, %q", m.active(), as.err)
	}
	press(m, "k") // Ada's draft
	follow(t, m, press(m, "c"))
	cp, ok := m.active().(*composeScreen)
	if !ok {
		t.Fatalf("c on a draft opened %T, want compose", m.active())
	}
	if cp.askID == 0 || cp.topic.Value() != "aerospace" || cp.subject.Value() != "hi" || cp.body.Value() != "Hi Ada" {
		t.Errorf("compose continues ask %d with topic %q, subject %q, body %q", cp.askID, cp.topic.Value(), cp.subject.Value(), cp.body.Value())
	}
	typeText(m, "x")
	follow(t, m, press(m, "ctrl+s"))
	if a := storedAsks(t, m, 1); len(a) != 1 || a[0].ID != cp.askID || !strings.Contains(a[0].Topic+a[0].Body, "x") {
		t.Errorf("saving the continued draft: %+v, want the same ask, changed", a)
	}
}

func click(m *Model, x, y int) tea.Cmd {
	_, cmd := m.Update(tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft})
	return cmd
}

func wheel(m *Model, down bool) tea.Cmd {
	b := tea.MouseWheelUp
	if down {
		b = tea.MouseWheelDown
	}
	_, cmd := m.Update(tea.MouseWheelMsg{X: 5, Y: 5, Button: b})
	return cmd
}

func TestMouseSelectsAndOpens(t *testing.T) {
	m := newTestModel(t, genNetwork(40, 1), 80, 24)
	// Row 4 of the list is on screen line 1 (header) + 2 (status, heads) + 3.
	follow(t, m, click(m, 10, 6))
	if m.home.cursor != 3 {
		t.Fatalf("a click on the fourth row put the cursor on %d", m.home.cursor)
	}
	follow(t, m, click(m, 10, 6))
	if !m.home.detailFull {
		t.Error("a click on the selected row did not open it")
	}
	follow(t, m, press(m, "esc"))
	follow(t, m, click(m, 10, 0)) // the header: nothing
	if m.home.cursor != 3 || m.home.detailFull {
		t.Errorf("a click on the header moved the cursor to %d", m.home.cursor)
	}

	// The asks screen: the wheel moves, a click selects, again opens.
	m = asksModel(t, 100, 30)
	as := openAsks(t, m)
	wheel(m, true)
	if as.cursor != 3 {
		t.Errorf("the wheel moved the asks' cursor to %d, want 3 (the last)", as.cursor)
	}
	wheel(m, false)
	if as.cursor != 0 {
		t.Errorf("the wheel up moved the cursor to %d, want 0", as.cursor)
	}
	top := 1 + as.nudgeLines() + 2
	follow(t, m, click(m, 10, top+2))
	if as.cursor != 2 {
		t.Fatalf("a click on the third ask put the cursor on %d", as.cursor)
	}
	follow(t, m, click(m, 10, top+2))
	if !as.open || as.detail == nil {
		t.Error("a click on the selected ask did not show it")
	}
}

// A topic typed after the body was edited changed nothing you could see:
// compose now says the body is yours, and ctrl+r drafts it again.
func TestComposeTopicAfterBodyEdit(t *testing.T) {
	m := composeModel(t, 120, 40)
	cp := openCompose(t, m, 0, store.KindChat)
	cp.setFocus(fieldBody)
	typeText(m, "MINE ")
	cp.setFocus(fieldTopic)
	typeText(m, "rockets")
	if !strings.Contains(cp.body.Value(), "MINE") {
		t.Fatal("the topic replaced an edited body")
	}
	if !strings.Contains(plain(m), "Body edited, so the topic no longer changes it · ctrl+r redrafts") {
		t.Errorf("compose does not say the body is yours:\n%s", plain(m))
	}
	follow(t, m, press(m, "ctrl+r"))
	if strings.Contains(cp.body.Value(), "MINE") || !strings.Contains(cp.body.Value()+cp.subject.Value(), "rockets") {
		t.Errorf("ctrl+r did not draft again for the topic: %q / %q", cp.subject.Value(), cp.body.Value())
	}
	if strings.Contains(plain(m), "Body edited") {
		t.Errorf("the notice stayed after ctrl+r:\n%s", plain(m))
	}
	// An unedited body follows the topic, with no notice.
	typeText(m, "!")
	if strings.Contains(plain(m), "Body edited") || !strings.Contains(cp.body.Value()+cp.subject.Value(), "rockets!") {
		t.Errorf("an unedited body did not follow the topic: %q\n%s", cp.body.Value(), plain(m))
	}
}

// The first draft said [your name]: the first compose asks for it.
func TestFirstComposeAsksYourName(t *testing.T) {
	fs, asks := composeFriends()
	p := composeProfile()
	p.Name = ""
	m := storeModel(t, 100, 30, p, fs, asks)
	cp := openCompose(t, m, 0, store.KindChat)
	if cp.stage != stageName || !strings.Contains(plain(m), "First, your name") {
		t.Fatalf("the first compose does not ask for your name:\n%s", plain(m))
	}
	typeText(m, "Sam Rivera")
	follow(t, m, press(m, "enter"))
	if cp.stage != stageEdit || !strings.Contains(cp.body.Value(), "Sam Rivera") || strings.Contains(cp.body.Value(), "[your name]") {
		t.Errorf("after the name: stage %d, body %q", cp.stage, cp.body.Value())
	}
	if got := m.home.d.profile.Name; got != "Sam Rivera" {
		t.Errorf("profile name %q after saving it", got)
	}
	// An intro asks for the blurb next when there is none; esc skips the name.
	p.Blurbs = nil
	m = storeModel(t, 100, 30, p, fs, asks)
	cp = openCompose(t, m, 0, store.KindIntro)
	follow(t, m, press(m, "esc"))
	if cp.stage != stageBlurb {
		t.Errorf("an intro after skipping the name: stage %d, want the blurb", cp.stage)
	}
}

func TestAsksSlashFilter(t *testing.T) {
	fs, asks := composeFriends()
	fs[2].Name = "Zoë Kamińska"
	d10 := testNow.AddDate(0, 0, -10)
	asks = append(asks, store.Ask{FriendID: 3, Kind: store.KindIntro, Status: store.StatusSent, Created: d10, Sent: d10},
		store.Ask{FriendID: 4, Kind: store.KindChat, Status: store.StatusSent, Created: d10, Sent: d10})
	m := storeModel(t, 100, 30, composeProfile(), fs, asks)
	as := openAsks(t, m)
	follow(t, m, press(m, "/")) // and the index built
	if !as.Capturing() {
		t.Fatal("/ did not open the filter")
	}
	typeText(m, "kaminska")
	press(m, "enter")
	if len(as.shown) != 1 {
		t.Fatalf("/kaminska shows %d asks, want Zoë's one", len(as.shown))
	}
	if _, fr := as.head(as.focused()); fr.Name != "Zoë Kamińska" || !strings.Contains(plain(m), "/kaminska · Asks · 1 ask") {
		t.Errorf("the filter's row or status line:\n%s", plain(m))
	}
	press(m, "s") // the status filter works on top: no drafts of hers
	if len(as.shown) != 0 || !strings.Contains(plain(m), "No draft asks to a friend or on a topic matching “kaminska”; s shows the others") {
		t.Errorf("/kaminska and drafts: %d asks\n%s", len(as.shown), plain(m))
	}
	for as.filter != filterAll {
		press(m, "s")
	}
	follow(t, m, press(m, "esc")) // clears the filter, stays on the screen
	if _, ok := m.active().(*asksScreen); !ok || len(as.shown) != 3 {
		t.Errorf("esc with a filter: %T, %d asks, want the screen with all 3", m.active(), len(as.shown))
	}
}

// The blurb was a one-line field, and the question bank could be edited
// only from the CLI: both are text areas of the profile form.
func TestProfileFormBlurbAreaAndQuestionBank(t *testing.T) {
	m := newTestModel(t, nil, 100, 40)
	f := openForm(t, m, "p")
	press(m, "tab") // the blurb
	typeText(m, "I design payment systems.")
	press(m, "enter")
	typeText(m, "Now moving to aerospace.")
	if f.focus != 1 {
		t.Fatalf("enter in the blurb moved the focus to field %d", f.focus)
	}
	q := fieldIndex(t, f, "question")
	for f.focus != q {
		press(m, "tab")
	}
	typeText(m, "nonsense")
	press(m, "ctrl+s")
	if f.saving || !strings.Contains(f.fields[q].err, "line 1: want TOPIC:TEXT") {
		t.Fatalf("a bad question line: saving %v, error %q", f.saving, f.fields[q].err)
	}
	for range len("nonsense") {
		press(m, "backspace")
	}
	typeText(m, "Fintech: How did you start?")
	press(m, "enter")
	typeText(m, "default: What would you do in my place?")
	if !strings.Contains(plain(m), "Fintech: How did you start?") {
		t.Errorf("the question bank does not show what was typed:\n%s", plain(m))
	}
	run(t, m, press(m, "ctrl+s"))
	p := m.home.d.profile
	if b, _ := p.BlurbFor(p.Lang); b != "I design payment systems.\nNow moving to aerospace." {
		t.Errorf("blurbs %q", p.Blurbs)
	}
	if strings.Join(p.Questions["fintech"], "|") != "How did you start?" || strings.Join(p.Questions["default"], "|") != "What would you do in my place?" {
		t.Errorf("questions %v", p.Questions)
	}
	// Opened again, the bank reads as it was written, topics in order.
	f = openForm(t, m, "p")
	if got := f.fields[fieldIndex(t, f, "question")].value(); got != "default: What would you do in my place?\nfintech: How did you start?" {
		t.Errorf("the bank reopens as %q", got)
	}
}

func TestWheelScrollsWhoElse(t *testing.T) {
	m := whoModel(t, 100, 30)
	press(m, "g")
	follow(t, m, press(m, "w"))
	ws := activeWho(t, m)
	if len(ws.cands) < 2 {
		t.Fatalf("%d candidates, too few to scroll", len(ws.cands))
	}
	wheel(m, true)
	if ws.cursor != min(3, len(ws.cands)-1) {
		t.Errorf("the wheel moved the cursor to %d", ws.cursor)
	}
	wheel(m, false)
	if ws.cursor != 0 {
		t.Errorf("the wheel up moved the cursor to %d, want 0", ws.cursor)
	}
}

// TestUndoAfterAChangeThatChangedNothing: recording the outcome an ask
// already has changes nothing, and says so; u then says there is nothing
// of it to undo and names the change it would take back instead, which a
// second u takes back. With no such change, it says that.
func TestUndoAfterAChangeThatChangedNothing(t *testing.T) {
	m := asksModel(t, 100, 30)
	as := openAsks(t, m)
	// nothing recorded this hour: Dee's advice was helped 20 days ago
	press(m, "j", "j", "j")
	press(m, "o")
	follow(t, m, press(m, "enter")) // helped, as it was
	settle(t, m, as)
	if !strings.Contains(m.flash, "Your advice ask to Dee Diaz was already marked helped: nothing changed.") {
		t.Errorf("the same outcome again says %q", m.flash)
	}
	follow(t, m, press(m, "u"))
	if !strings.Contains(m.flash, "Nothing to undo: your advice ask to Dee Diaz was already marked helped, so nothing changed. There is no other change to undo either") {
		t.Errorf("u after it says %q", m.flash)
	}
	// Cy's intro helped, then Dee's again: u names Cy's, a second u undoes it
	press(m, "k")
	press(m, "o")
	follow(t, m, press(m, "enter"))
	settle(t, m, as)
	press(m, "j", "o")
	follow(t, m, press(m, "enter"))
	settle(t, m, as)
	follow(t, m, press(m, "u"))
	want := "Nothing to undo: your advice ask to Dee Diaz was already marked helped, so nothing changed. The last change you can undo is the outcome of your intro ask to Cy Chen (ask 3), made at 10:00: press u again to undo it."
	if m.flash != want {
		t.Errorf("u after the same outcome, with Cy's to undo:\n got %q\nwant %q", m.flash, want)
	}
	if a := storedAsks(t, m, 3); a[0].Status != store.StatusHelped {
		t.Fatalf("the first u took back Cy's outcome: %s", a[0].Status)
	}
	follow(t, m, press(m, "u"))
	settle(t, m, as)
	if a := storedAsks(t, m, 3); a[0].Status != store.StatusSent {
		t.Errorf("the second u did not take back Cy's outcome: %s", a[0].Status)
	}
	// a thank-you given twice: the same
	if _, fr := as.head(as.focused()); fr.Name != "Dee Diaz" {
		t.Fatalf("the focus is on %s, want Dee", fr.Name)
	}
	follow(t, m, press(m, "t"))
	settle(t, m, as)
	follow(t, m, press(m, "t"))
	settle(t, m, as)
	follow(t, m, press(m, "u"))
	if !strings.HasPrefix(m.flash, "Nothing to undo: you thanked Dee Diaz for this on 2026-11-25 already, so nothing changed. The last change you can undo is the thank-you of your advice ask to Dee Diaz (ask 4)") {
		t.Errorf("u after a second thank-you says %q", m.flash)
	}
}
