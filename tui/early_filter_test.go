package tui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"kith/store"
	"kith/store/demo"
)

// shownIDs is the ids of the friends the list shows, in order.
func shownIDs(m *Model) []uint64 {
	f := m.home
	out := make([]uint64, len(f.rows))
	for k, i := range f.rows {
		out[k] = f.d.friends[i].ID
	}
	return out
}

// earlyModel is a model on a demo database of n friends with only the
// first page of its load in, and the store.
func earlyModel(t *testing.T, n int) (*Model, *store.Store) {
	t.Helper()
	st := store.New(filepath.Join(t.TempDir(), "kith.db"))
	if err := demo.Fill(st, n, 4, testNow, nil); err != nil {
		t.Fatal(err)
	}
	m := New(Options{Store: st, Judge: fakeJudge, Now: func() time.Time { return testNow }, NoColor: true})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.handleLoaded(within(m.startLoad(), 5*time.Second).(loadedMsg))
	if !m.home.d.page {
		t.Fatal("the first step is not a page")
	}
	hay := haystackCmd(st, 1, nil)().(haystackMsg)
	if hay.err != nil {
		t.Fatal(hay.err)
	}
	m.Update(hay)
	return m, st
}

// shownCount is how many matches the status line says there are.
func shownCount(m *Model) string {
	line := m.home.statusLine(200)
	_, after, _ := strings.Cut(line, "/")
	_, after, _ = strings.Cut(after, "/")
	n, _, _ := strings.Cut(after, " ")
	return n
}

// TestEarlyFilterEqualsLate: a query typed while only the first page is
// in is answered from the haystacks, and that answer is what the filter
// shows for the same query once every friend is read: the same first
// friends, in the same order, and the same count (names, organisations,
// sectors, notes, accents, several words, archived ones left out unless
// shown).
func TestEarlyFilterEqualsLate(t *testing.T) {
	for _, q := range []string{"a", "an", "fintech", "MÜLLER", "ro an", "zzzz", "e ", "coffee"} {
		for _, archived := range []bool{false, true} {
			m, st := earlyModel(t, 400)
			if archived {
				press(m, "A")
			}
			press(m, "/")
			var cmd tea.Cmd
			for _, r := range q {
				_, cmd = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
				run(t, m, cmd) // each key's search, as it lands
			}
			if !m.home.early() {
				t.Fatalf("%q: the load went on without the test", q)
			}
			if terms, _ := store.HaystackTerms(q); len(terms) > 0 && m.home.d.search == "" {
				t.Fatalf("%q: no answer from the store is shown", q)
			}
			early, earlyCount := shownIDs(m), shownCount(m)
			pageD := m.home.pageD
			if pageD == nil {
				pageD = m.home.d
			}
			all := friendsCmd(st, 1, pageD, m.home.hay)().(loadedMsg)
			m.Update(all)
			if m.home.early() {
				t.Fatalf("%q: still early after every friend", q)
			}
			late := shownIDs(m)
			if !slices.Equal(early, late[:min(len(late), m.home.answerRows())]) {
				t.Errorf("%q (archived shown %v): early %d friends %v, late %d %v", q, archived, len(early), early, len(late), late)
			}
			if lateCount := shownCount(m); earlyCount != lateCount {
				t.Errorf("%q (archived shown %v): early count %s, late %s", q, archived, earlyCount, lateCount)
			}
			if q == "a" && len(late) < 50 {
				t.Errorf("%q matched only %d friends", q, len(late))
			}
		}
	}
}

// TestEarlySearchesDropStale: the keys typed while a search is under way
// start none; when it lands with a query the filter no longer narrows,
// the next search is for what is typed then, and only its answer shows.
func TestEarlySearchesDropStale(t *testing.T) {
	m, _ := earlyModel(t, 300)
	press(m, "/")
	first := press(m, "a") // a search for "a"
	if first == nil || !m.home.searching {
		t.Fatal("the first key started no search")
	}
	for _, k := range []string{"backspace", "z", "q"} {
		if cmd := press(m, k); m.home.searching && hasMsg[searchedMsg](run(t, &noUpdate{}, cmd)) {
			t.Fatalf("key %q started a second search while one is under way", k)
		}
	}
	var next tea.Cmd
	for _, msg := range flattenMsgs(first) {
		if s, ok := msg.(searchedMsg); ok {
			if s.query != "a" {
				t.Fatalf("the first search was for %q", s.query)
			}
			_, next = m.Update(s)
		}
	}
	if got := shownIDs(m); len(got) != 0 {
		t.Errorf("the stale answer for \"a\" is shown for %q: %d rows", m.home.query, len(got))
	}
	msgs := run(t, m, next)
	if !hasMsg[searchedMsg](msgs) {
		t.Fatal("no search for the query typed meanwhile")
	}
	if m.home.d.search != "zq" {
		t.Errorf("the answer shown is for %q, want zq", m.home.d.search)
	}
}

type noUpdate struct{}

func (noUpdate) Init() tea.Cmd                       { return nil }
func (noUpdate) Update(tea.Msg) (tea.Model, tea.Cmd) { return noUpdate{}, nil }
func (noUpdate) View() tea.View                      { return tea.NewView("") }

// flattenMsgs runs cmd, batches opened, and returns the answers.
func flattenMsgs(cmd tea.Cmd) []tea.Msg {
	var out []tea.Msg
	for _, c := range flatten(cmd) {
		if msg := within(c, 5*time.Second); msg != nil {
			out = append(out, msg)
		}
	}
	return out
}

// TestEarlyFilterFindsANote: before every friend is read, a word found
// only in a friend's notes finds them, and the friend's history is read
// with them (their badge is real).
func TestEarlyFilterFindsANote(t *testing.T) {
	st := store.New(filepath.Join(t.TempDir(), "kith.db"))
	if err := demo.Fill(st, 300, 4, testNow, nil); err != nil {
		t.Fatal(err)
	}
	var id uint64
	err := st.Batch(testNow, func(tx *store.Tx) error {
		f := &store.Friend{Name: "Zoë Quill", Notes: "Knows the harbourmaster at Quaywick"}
		if err := tx.AddFriend(f); err != nil {
			return err
		}
		id = f.ID
		return tx.AddAsk(&store.Ask{FriendID: f.ID, Kind: store.KindIntro, Status: store.StatusHelped, Created: testNow.AddDate(0, -1, 0)})
	})
	if err != nil {
		t.Fatal(err)
	}
	m := New(Options{Store: st, Judge: fakeJudge, Now: func() time.Time { return testNow }, NoColor: true})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	cmd := m.handleLoaded(within(m.startLoad(), 5*time.Second).(loadedMsg))
	var hay tea.Msg
	for _, msg := range flattenMsgs(cmd) {
		if h, ok := msg.(haystackMsg); ok {
			h.then = nil // the test is before the next step
			hay = h
		}
	}
	if hay == nil {
		t.Fatal("the first page started no read of the haystacks")
	}
	press(m, "/")
	for _, r := range "quaywick" {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	_, next := m.Update(hay)
	run(t, m, next)
	if !m.home.early() {
		t.Fatal("every friend was read: the test is not before the full load")
	}
	if got := shownIDs(m); !slices.Equal(got, []uint64{id}) {
		t.Fatalf("got %v, want the friend whose notes say it (%d)", got, id)
	}
	if i := m.home.selected(); !m.home.d.hasHistory(i) || len(m.home.d.asksOf(i)) != 1 {
		t.Errorf("the friend found has no history: %d asks", len(m.home.d.asksOf(i)))
	}
}

// TestHaystackIsTheIndex: the haystacks read before every friend are the
// filter's index of the friends read after them, when they are the same
// friends (the index built from them is the same), and not when one
// differs.
func TestHaystackIsTheIndex(t *testing.T) {
	m, st := earlyModel(t, 120)
	fs, order, err := st.FriendsByName()
	if err != nil {
		t.Fatal(err)
	}
	d := newPartial(4, fs, order, store.DefaultProfile())
	ix := m.home.hay.indexFor(d)
	if ix == nil {
		t.Fatal("the haystacks of the same friends are not their index")
	}
	if want := buildIndex(d); !slices.Equal(ix.hay, want.hay) || ix.all != want.all || ix.base != d.base {
		t.Errorf("the haystacks differ from the index built of the friends")
	}
	if ix := m.home.hay.indexFor(newPartial(5, fs[1:], nil, store.DefaultProfile())); ix != nil {
		t.Error("the haystacks are the index of other friends")
	}
}

// TestStaleHaystackStopsItsLoad: the haystacks of a load older than the
// one shown neither reach the screen nor start that load's next step.
func TestStaleHaystackStopsItsLoad(t *testing.T) {
	m, st := earlyModel(t, 40)
	m.handleLoaded(within(loadCmd(st, 2), 5*time.Second).(loadedMsg)) // a newer load's page
	m.loadSeq = 2
	next := false
	h := haystackCmd(st, 1, func(*haystack) tea.Cmd { next = true; return func() tea.Msg { return nil } })().(haystackMsg)
	if _, cmd := m.Update(h); cmd != nil || m.home.hay != nil {
		t.Errorf("a stale load's haystacks: next step %v, haystacks kept %v; want neither", cmd != nil, m.home.hay != nil)
	}
	if !next {
		t.Fatal("the test's next step was not made")
	}
}

// TestEarlyAnswerShowsRowsBeforeBadges: before every friend is read, the
// first answer to a key shows the matches at once, without their history
// (placeholder badges) and with the true count, and the read that
// follows shows the same rows with their history.
func TestEarlyAnswerShowsRowsBeforeBadges(t *testing.T) {
	m, _ := earlyModel(t, 300)
	press(m, "/")
	cmd := press(m, "a")
	var first searchedMsg
	found := false
	for _, msg := range flattenMsgs(cmd) {
		if s, ok := msg.(searchedMsg); ok {
			first, found = s, true
		}
	}
	if !found {
		t.Fatal("the key started no search")
	}
	_, next := m.Update(first)
	rows, count := shownIDs(m), shownCount(m)
	if len(rows) == 0 {
		t.Fatal("the first answer shows no rows")
	}
	if i := m.home.selected(); m.home.d.hasHistory(i) {
		t.Errorf("the first answer's rows have their history: got %v, want placeholders first", m.home.d.hasHistory(i))
	}
	if next == nil || !m.home.searching {
		t.Fatal("no read of the answer's history follows")
	}
	run(t, m, next)
	if got := shownIDs(m); !slices.Equal(got, rows) {
		t.Errorf("with their history: rows %v, want %v", got, rows)
	}
	if got := shownCount(m); got != count {
		t.Errorf("with their history: count %s, want %s", got, count)
	}
	if i := m.home.selected(); !m.home.d.hasHistory(i) {
		t.Error("the answer read with its history has none")
	}
	if m.home.searching {
		t.Error("still searching after the answer with its history")
	}
}
