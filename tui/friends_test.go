package tui

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"kith/policy"
	"kith/store"
)

func TestListMoves(t *testing.T) {
	tests := []struct {
		keys []string
		want int
	}{
		{[]string{"j"}, 1},
		{[]string{"down", "down"}, 2},
		{[]string{"j", "k"}, 0},
		{[]string{"k"}, 0},
		{[]string{"G"}, 279 - 1},
		{[]string{"G", "g"}, 0},
		{[]string{"pgdown"}, 19}, // a page keeps one row of context
		{[]string{"pgdown", "pgup"}, 0},
		{[]string{"space"}, 19},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.keys, ","), func(t *testing.T) {
			m := newTestModel(t, genNetwork(300, 1), 80, 24)
			press(m, tt.keys...)
			if got := m.home.cursor; got != tt.want {
				t.Errorf("cursor = %d, want %d", got, tt.want)
			}
			if m.home.cursor < m.home.offset || m.home.cursor >= m.home.offset+m.home.listRows() {
				t.Errorf("cursor %d outside the window at %d+%d", m.home.cursor, m.home.offset, m.home.listRows())
			}
		})
	}
}

func TestWheelScrolls(t *testing.T) {
	m := newTestModel(t, genNetwork(300, 1), 80, 24)
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if got := m.home.cursor; got != 3 {
		t.Errorf("after wheel down cursor = %d, want 3", got)
	}
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if got := m.home.cursor; got != 0 {
		t.Errorf("after wheel up cursor = %d, want 0", got)
	}
}

// TestFilterPaste: text pasted into the filter filters the list, as
// typed text does (the one filter field, filterfield.go).
func TestFilterPaste(t *testing.T) {
	m := newTestModel(t, genNetwork(300, 1), 80, 24)
	m.Update(tea.PasteMsg{Content: "rossi"}) // not typing: nothing
	if m.home.query != "" {
		t.Fatalf("a paste outside the filter set the query %q", m.home.query)
	}
	press(m, "/")
	m.Update(tea.PasteMsg{Content: "rossi"})
	if m.home.query != "rossi" || len(m.home.rows) == 0 {
		t.Errorf("after a paste: query %q, %d rows; want rossi and its matches", m.home.query, len(m.home.rows))
	}
}

func TestFilterAsYouType(t *testing.T) {
	net := genNetwork(300, 1)
	m := newTestModel(t, net, 80, 24)
	press(m, "/")
	if !m.home.filter.Typing() || !m.home.Capturing() {
		t.Fatal("/ did not start the filter")
	}
	typeText(m, "rossi")
	if m.home.query != "rossi" {
		t.Errorf("query = %q, want rossi", m.home.query)
	}
	if len(m.home.rows) == 0 {
		t.Fatal("no rows match rossi")
	}
	for _, i := range m.home.rows {
		f := net.friends[i]
		if !strings.Contains(strings.ToLower(f.Name+f.Org+f.Notes+strings.Join(f.Sectors, " ")), "rossi") {
			t.Errorf("%q matched rossi", f.Name)
		}
		if f.Archived {
			t.Errorf("archived %q shown", f.Name)
		}
	}
	// q is typed, not quit, while filtering
	if cmd := press(m, "q"); cmd != nil && hasMsg[tea.QuitMsg](run(t, m, cmd)) {
		t.Error("q quit while typing a filter")
	}
	press(m, "backspace", "enter")
	if m.home.filter.Typing() || m.home.query != "rossi" {
		t.Errorf("enter: filtering=%v query=%q, want false rossi", m.home.filter.Typing(), m.home.query)
	}
	press(m, "esc")
	if m.home.query != "" || len(m.home.rows) != 279 {
		t.Errorf("esc: query=%q rows=%d, want empty and 279", m.home.query, len(m.home.rows))
	}
}

func TestFilterWordsAndCase(t *testing.T) {
	net := genNetwork(300, 1)
	m := newTestModel(t, net, 80, 24)
	press(m, "/")
	typeText(m, "ROSSI hooli")
	for _, i := range m.home.rows {
		f := net.friends[i]
		if !strings.Contains(f.Name, "Rossi") || f.Org != "Hooli" {
			t.Errorf("%q at %q matched ROSSI hooli", f.Name, f.Org)
		}
	}
	if len(m.home.rows) == 0 {
		t.Error("nothing matched ROSSI hooli")
	}
}

// TestIncrementalFilterMatchesFull checks that narrowing the last result
// gives what filtering everyone would, including after backspace.
func TestIncrementalFilterMatchesFull(t *testing.T) {
	net := genNetwork(2000, 3)
	m := newTestModel(t, net, 80, 24)
	press(m, "/")
	for _, step := range []string{"a", "an", "an ", "an r", "an ro", "an r", "a", "", "z", "zo"} {
		m.home.filter.in.SetValue(step)
		m.home.setQuery(step)
		want := filterRows(m.home.ix, m.home.base, step)
		if !slices.Equal(m.home.rows, want) {
			t.Errorf("query %q: %d rows incrementally, %d from scratch", step, len(m.home.rows), len(want))
		}
	}
}

func TestSortCycles(t *testing.T) {
	net := genNetwork(300, 1)
	m := newTestModel(t, net, 80, 24)
	cmd := press(m, "s")
	if m.home.sort != sortReady {
		t.Fatalf("sort = %v, want readiness", m.home.sort)
	}
	msgs := run(t, m, cmd)
	if !hasMsg[readyMsg](msgs) {
		t.Fatal("sorting by readiness started no background judging")
	}
	prev := -1
	for _, i := range m.home.rows {
		r := int(m.home.verd[i].level)
		if r < prev {
			t.Fatalf("readiness order broken: rank %d after %d", r, prev)
		}
		prev = r
	}
	press(m, "s")
	if m.home.sort != sortLast {
		t.Fatalf("sort = %v, want last ask", m.home.sort)
	}
	for k := 1; k < len(m.home.rows); k++ {
		a, b := m.home.d.lastAsk[m.home.rows[k-1]], m.home.d.lastAsk[m.home.rows[k]]
		if !a.IsZero() && !b.IsZero() && a.Before(b) || a.IsZero() && !b.IsZero() {
			t.Fatalf("last-ask order broken at row %d", k)
		}
	}
	press(m, "s")
	if m.home.sort != sortName {
		t.Fatalf("sort = %v, want name", m.home.sort)
	}
}

func TestStaleReadySortIgnored(t *testing.T) {
	m := newTestModel(t, genNetwork(50, 1), 80, 24)
	cmd := press(m, "s")
	// a reload lands before the judging finishes
	m.loadSeq = 2
	m.Update(loadedMsg{seq: 2, data: genNetwork(10, 2).dataset(2)})
	for _, msg := range run(t, newTestModel(t, nil, 10, 10), cmd) {
		if rm, ok := msg.(readyMsg); ok {
			m.Update(rm)
		}
	}
	if m.home.byReady != nil && len(m.home.byReady) != 10 {
		t.Errorf("a readiness sort for the old load (%d friends) was applied to the new one", len(m.home.byReady))
	}
}

func TestShowArchived(t *testing.T) {
	m := newTestModel(t, genNetwork(300, 1), 80, 24)
	press(m, "H")
	if got := len(m.home.rows); got != 300 {
		t.Errorf("with archived shown rows = %d, want 300", got)
	}
	press(m, "H")
	if got := len(m.home.rows); got != 279 {
		t.Errorf("with archived hidden rows = %d, want 279", got)
	}
}

func TestOpenDetail(t *testing.T) {
	m := newTestModel(t, genNetwork(300, 1), 80, 24)
	cmd := press(m, "enter")
	if !m.home.detailFull {
		t.Fatal("enter at 80 columns did not open the full-screen detail")
	}
	if cmd == nil {
		t.Error("opening the detail asked for no history")
	}
	press(m, "esc")
	if m.home.detailFull {
		t.Error("esc did not close the detail")
	}
	w := newTestModel(t, genNetwork(300, 1), 120, 40)
	press(w, "tab")
	if !w.home.focusDetail {
		t.Error("tab at 120 columns did not focus the detail pane")
	}
	press(w, "j")
	if w.home.cursor != 0 {
		t.Error("j moved the list while the detail pane had the focus")
	}
}

func TestHistoryLoadsForSelection(t *testing.T) {
	m := newTestModel(t, nil, 120, 40)
	_, cmd := m.Update(reloadMsg{})
	// add a friend and a favor to the real store, then load
	st := m.c.st
	name, closeness, yes := "Ada Lovelace", 4, true
	msgs := run(t, m, saveFriendCmd(m.c, nil, 0, store.FriendPatch{Name: &name, Closeness: &closeness, WorkedTogether: &yes}))
	if len(msgs) == 0 || msgs[0].(savedMsg).err != nil {
		t.Fatalf("save: %v", msgs)
	}
	_ = cmd
	run(t, m, m.startLoad())
	if m.home.d.len() != 1 {
		t.Fatalf("loaded %d friends, want 1", m.home.d.len())
	}
	_ = st
	want := m.home.selectionChanged(true)
	if want == nil {
		t.Fatal("no history asked for the selected friend")
	}
	m.Update(historyWantMsg{token: m.home.histToken})
	hc := m.home.handleHistoryWant(historyWantMsg{token: m.home.histToken})
	m.Update(hc())
	if !m.home.hist.ok || m.home.hist.id != m.home.selID {
		t.Errorf("history not applied: %+v", m.home.hist)
	}
	// a stale token asks for nothing
	if c := m.home.handleHistoryWant(historyWantMsg{token: m.home.histToken - 1}); c != nil {
		t.Error("a superseded history request was still read")
	}
}

func TestActionsOpenScreens(t *testing.T) {
	tests := []struct {
		key   string
		title string
	}{
		{"a", "Add a friend"},
		{"e", "Edit "},
		{"f", "Log a favor for "},
		{"p", "Your profile"},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			m := newTestModel(t, genNetwork(30, 1), 80, 24)
			cmd := press(m, tt.key)
			msgs := runPush(cmd)
			if len(msgs) != 1 {
				t.Fatalf("%s returned %v, want one push", tt.key, msgs)
			}
			form, ok := msgs[0].(pushMsg).screen.(*formScreen)
			if !ok {
				t.Fatalf("%s pushed %T, want a form", tt.key, msgs[0].(pushMsg).screen)
			}
			if !strings.HasPrefix(form.title, tt.title) {
				t.Errorf("title %q, want prefix %q", form.title, tt.title)
			}
		})
	}
	m := newTestModel(t, genNetwork(30, 1), 80, 24)
	msgs := runPush(press(m, "d"))
	if len(msgs) != 1 {
		t.Fatalf("d returned %v", msgs)
	}
	if _, ok := msgs[0].(pushMsg).screen.(*confirmScreen); !ok {
		t.Errorf("d pushed %T, want a confirmation", msgs[0].(pushMsg).screen)
	}
	// on an empty database, e/f/d do nothing
	e := newTestModel(t, nil, 80, 24)
	for _, k := range []string{"e", "f", "d", "enter"} {
		if cmd := press(e, k); cmd != nil {
			t.Errorf("%s on an empty list returned a command", k)
		}
	}
}

func TestBadgeText(t *testing.T) {
	tests := []struct {
		v      policy.Verdict
		judged bool
		want   string
	}{
		{policy.Verdict{}, false, "·"},
		{policy.Verdict{Level: policy.Clear}, true, "clear"},
		{policy.Verdict{Level: policy.Hold, Until: testNow.Add(36 * 60 * 60 * 1e9)}, true, "hold 2d"},
		{policy.Verdict{Level: policy.Hold, Until: testNow.AddDate(0, 0, 5)}, true, "hold 5d"},
		{policy.Verdict{Level: policy.Hold}, true, "hold"},
		{policy.Verdict{Level: policy.Block}, true, "block"},
	}
	for _, tt := range tests {
		if got := badgeText(badgeOf(tt.v), tt.judged, testNow); got != tt.want {
			t.Errorf("badgeText(%+v, %v) = %q, want %q", tt.v, tt.judged, got, tt.want)
		}
	}
}

// TestFilterBitmapMatchesRowByRow checks the whole-buffer filter of a long
// list against a plain loop over the haystacks, order included.
func TestFilterBitmapMatchesRowByRow(t *testing.T) {
	d := genNetwork(5000, 5).dataset(1)
	ix := buildIndex(d)
	for _, q := range []string{"ro", "Ada 株式", "hiking 1", "conference 12; likes hik", "zzz", "a e i o", "ss", "g\x01"} {
		got := filterRows(ix, d.byName, q)
		want := []int32{}
		for _, i := range d.byName {
			ok := !strings.ContainsAny(q, "\x00\x01")
			for _, w := range strings.Fields(strings.ToLower(q)) {
				ok = ok && strings.Contains(ix.hay[i], w)
			}
			if ok {
				want = append(want, i)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: %d rows, want %d (or in another order)", q, len(got), len(want))
		}
	}
}

func TestKeepInView(t *testing.T) {
	cases := []struct{ cursor, offset, rows, total, want int }{
		{0, 0, 10, 100, 0},
		{9, 0, 10, 100, 0},
		{10, 0, 10, 100, 1},  // one past the bottom: scroll by one
		{5, 20, 10, 100, 5},  // above the top: the cursor becomes the top
		{99, 0, 10, 100, 90}, // the end: the last page
		{3, 50, 10, 8, 0},    // fewer rows than the screen
		{4, 2, 0, 100, 0},    // no room at all
	}
	for _, c := range cases {
		if got := keepInView(c.cursor, c.offset, c.rows, c.total); got != c.want {
			t.Errorf("keepInView(%d, %d, %d, %d) = %d, want %d", c.cursor, c.offset, c.rows, c.total, got, c.want)
		}
	}
}

func TestScrollBy(t *testing.T) {
	k := DefaultKeyMap()
	cases := []struct {
		key       string
		off, page int
		last      int
		want      int
		ok        bool
	}{
		{"j", 3, 10, 30, 4, true},
		{"k", 3, 10, 30, 2, true},
		{"k", 0, 10, 30, 0, true}, // never above the first line
		{"pgdown", 3, 10, 30, 13, true},
		{"pgdown", 25, 10, 30, 30, true}, // never past the last
		{"pgup", 3, 10, 30, 0, true},
		{"pgdown", 3, 0, 30, 4, true}, // a page is at least a line
		{"g", 7, 10, 30, 0, true},
		{"home", 7, 10, 30, 0, true},
		{"G", 7, 10, 30, 30, true}, // G and End reach the bottom
		{"end", 7, 10, 30, 30, true},
		{"G", 0, 10, 0, 0, true}, // a pane that does not scroll
		{"x", 7, 10, 30, 7, false},
	}
	for _, c := range cases {
		got, ok := k.scrollBy(keyMsg(c.key), c.off, c.page, c.last)
		if got != c.want || ok != c.ok {
			t.Errorf("scrollBy(%s, %d, %d, %d) = %d, %v; want %d, %v", c.key, c.off, c.page, c.last, got, ok, c.want, c.ok)
		}
	}
}
