package tui

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"kith/store"
	"kith/store/demo"
)

// selectedID is the id of the friend the detail shows and the actions
// act on, 0 for none.
func selectedID(m *Model) uint64 {
	if sel := m.home.selected(); sel >= 0 {
		return m.home.d.friends[sel].ID
	}
	return 0
}

// checkTargets fails unless e edits and c composes to friend id.
func checkTargets(t *testing.T, m *Model, id uint64) {
	t.Helper()
	at := m.home.d.index(id)
	if at < 0 {
		t.Fatalf("friend %d not in the dataset", id)
	}
	name := clean(m.home.d.friends[at].Name)
	msgs := runPush(press(m, "e"))
	if len(msgs) != 1 {
		t.Fatalf("e returned %v, want one push", msgs)
	}
	if form, ok := msgs[0].(pushMsg).screen.(*formScreen); !ok || form.title != "Edit "+name {
		t.Errorf("e pushed %#v, want the form Edit %s", msgs[0].(pushMsg).screen, name)
	}
	msgs = runPush(press(m, "c"))
	if len(msgs) != 1 {
		t.Fatalf("c returned %v, want one push", msgs)
	}
	if g, ok := msgs[0].(pushMsg).screen.(*gateScreen); !ok || g.friend.ID != id {
		t.Errorf("c pushed %#v, want the gate for friend %d (%s)", msgs[0].(pushMsg).screen, id, name)
	}
}

// selectNearEnd filters by query ("" for none), selects the row before
// the last and opens its detail; it returns the friend's id.
func selectNearEnd(t *testing.T, m *Model, query string) uint64 {
	t.Helper()
	if query != "" {
		press(m, "/")
		typeText(m, query)
		press(m, "enter")
	}
	press(m, "G", "k", "enter")
	if len(m.home.rows) < 3 || m.home.cursor == 0 {
		t.Fatalf("query %q: %d rows, cursor %d: too few to tell a jump", query, len(m.home.rows), m.home.cursor)
	}
	id := selectedID(m)
	if id == 0 || !m.home.detailFull {
		t.Fatalf("query %q: nothing selected (%d) or no detail open", query, id)
	}
	return id
}

// TestReloadKeepsSelection: a load landing (a draft saved, the watcher)
// keeps the selected friend in the detail and as the target of c and e,
// with or without a filter, when the filter's index comes with the data
// and when it comes later (the rows cannot be filtered meanwhile).
func TestReloadKeepsSelection(t *testing.T) {
	for _, query := range []string{"", "an"} {
		for _, later := range []bool{false, true} {
			t.Run("query="+query+",indexLater="+map[bool]string{false: "no", true: "yes"}[later], func(t *testing.T) {
				net := genNetwork(300, 1)
				m := newTestModel(t, net, 80, 24)
				id := selectNearEnd(t, m, query)
				name := clean(m.home.d.friends[m.home.selected()].Name)
				d := net.dataset(2)
				if !later {
					d.ix = buildIndex(d)
				}
				m.loadSeq = 2
				m.Update(loadedMsg{seq: 2, data: d})
				if got := selectedID(m); got != id {
					t.Fatalf("after the data: selected %d, want %d", got, id)
				}
				if !strings.Contains(plain(m), name) {
					t.Errorf("after the data the detail does not show %s:\n%s", name, plain(m))
				}
				if later {
					m.Update(indexedMsg{buildIndex(d)})
				}
				if got := selectedID(m); got != id {
					t.Fatalf("after the index: selected %d, want %d", got, id)
				}
				if at := m.home.cursor; at >= len(m.home.rows) || m.home.d.friends[m.home.rows[at]].ID != id {
					t.Errorf("after the index the cursor (row %d) is not on friend %d", at, id)
				}
				checkTargets(t, m, id)
			})
		}
	}
}

// runWatching is run, calling check after every message m handles.
func runWatching(t *testing.T, m tea.Model, cmd tea.Cmd, check func(tea.Msg)) {
	t.Helper()
	var do func(tea.Cmd, int)
	do = func(c tea.Cmd, depth int) {
		if c == nil || depth > 12 {
			return
		}
		msg := within(c, 5*time.Second)
		switch msg := msg.(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				do(c, depth+1)
			}
			return
		case nil, statMsg, historyWantMsg, tea.QuitMsg, flashMsg:
			return
		}
		_, next := m.Update(msg)
		check(msg)
		do(next, depth+1)
	}
	do(cmd, 0)
}

// TestReloadStepsKeepSelection: through every step of a real reload (the
// first page by name, the filter answered from the haystacks, every
// friend, their history), the detail and c/e never show or act on
// another friend than the one selected, who is selected at the end, with
// or without a filter, though they are on neither the first page nor the
// filter's first answer.
func TestReloadStepsKeepSelection(t *testing.T) {
	st := store.New(filepath.Join(t.TempDir(), "kith.db"))
	if err := demo.Fill(st, 600, 4, testNow, nil); err != nil {
		t.Fatal(err)
	}
	for _, query := range []string{"", "an"} {
		t.Run("query="+query, func(t *testing.T) {
			m := New(Options{Store: st, Judge: fakeJudge, Now: func() time.Time { return testNow }, NoColor: true})
			m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
			run(t, m, m.startLoad())
			if m.home.d.partial {
				t.Fatal("the first load did not finish")
			}
			id := selectNearEnd(t, m, query)
			if m.home.cursor < m.home.answerRows() {
				t.Fatalf("row %d is within the first answer: the test shows nothing", m.home.cursor)
			}
			steps, heldRows := 0, 0
			runWatching(t, m, m.startLoad(), func(msg tea.Msg) {
				steps++
				if got := selectedID(m); got != 0 && got != id {
					t.Errorf("after %T: selected %d, want %d or none while loading", msg, got, id)
				}
				if m.home.held() && len(m.home.rows) > 0 {
					heldRows++ // the friend held, other rows shown: no row number is theirs
					if line := ansi.Strip(m.home.statusLine(80)); !strings.Contains(line, "…/") {
						t.Errorf("after %T, held with %d rows: status line %q, want the position as …/N", msg, len(m.home.rows), line)
					}
				}
			})
			if heldRows == 0 {
				t.Error("the reload never held the selection with rows shown: the status line's …/N went unchecked")
			}
			if steps < 3 || m.home.d.partial {
				t.Fatalf("the reload took %d steps (partial %v)", steps, m.home.d.partial)
			}
			if got := selectedID(m); got != id {
				t.Fatalf("after the reload: selected %d, want %d", got, id)
			}
			checkTargets(t, m, id)
		})
	}
}

// TestReloadSelectedNoLongerShown: when the selected friend no longer
// matches the filter after a load, or is gone, the cursor stays on their
// row, now the friend who followed them (the one before when they were
// last), and a flash says why the selection moved and how to see them.
func TestReloadSelectedNoLongerShown(t *testing.T) {
	for _, gone := range []bool{false, true} {
		for _, last := range []bool{false, true} {
			net := genNetwork(300, 1)
			m := newTestModel(t, net, 80, 24)
			press(m, "/")
			typeText(m, "rossi")
			press(m, "enter")
			rows := slices.Clone(m.home.rows)
			at := 1
			if last {
				at = len(rows) - 1
			}
			press(m, "j")
			if last {
				press(m, "G")
			}
			id := selectedID(m)
			name := clean(net.friends[id-1].Name)
			want := net.friends[rows[at+1-2*btoi(last)]].ID
			changed := &network{friends: slices.Clone(net.friends), asks: net.asks, favors: net.favors}
			wantFlash := "Zed Nobody no longer matches the filter; esc clears it."
			if gone {
				i := int(id - 1)
				changed.friends = slices.Delete(changed.friends, i, i+1)
				changed.asks = slices.Delete(slices.Clone(net.asks), i, i+1)
				changed.favors = slices.Delete(slices.Clone(net.favors), i, i+1)
				wantFlash = name + " is no longer in the database."
			} else {
				changed.friends[id-1].Name = "Zed Nobody"
			}
			d := changed.dataset(2)
			m.loadSeq = 2
			_, cmd := m.Update(loadedMsg{seq: 2, data: d})
			_, cmd2 := m.Update(indexedMsg{buildIndex(d)})
			if got := selectedID(m); got != want {
				t.Errorf("gone=%v last=%v: selected %d, want %d, the nearest row", gone, last, got, want)
			}
			var flashes []string
			for _, msg := range flattenMsgs(tea.Batch(cmd, cmd2)) {
				if f, ok := msg.(flashMsg); ok {
					flashes = append(flashes, f.text)
				}
			}
			if !slices.Equal(flashes, []string{wantFlash}) {
				t.Errorf("gone=%v last=%v: flashes %q, want %q", gone, last, flashes, wantFlash)
			}
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestHideArchivedSaysWhere: hiding the archived while one is selected
// leaves the cursor on their row and says how to see them again.
func TestHideArchivedSaysWhere(t *testing.T) {
	net := genNetwork(300, 1)
	m := newTestModel(t, net, 80, 24)
	press(m, "H")
	at := slices.IndexFunc(m.home.rows, func(i int32) bool { return net.friends[i].Archived })
	if at < 1 {
		t.Fatalf("no archived friend after the first row (%d)", at)
	}
	m.home.move(at)
	fr := net.friends[m.home.rows[at]]
	next := net.friends[m.home.rows[at+1]]
	if next.Archived {
		t.Fatal("two archived friends in a row: pick another seed")
	}
	var flashes []string
	for _, msg := range flattenMsgs(press(m, "H")) {
		if f, ok := msg.(flashMsg); ok {
			flashes = append(flashes, f.text)
		}
	}
	if got := selectedID(m); got != next.ID {
		t.Errorf("selected %d, want %d (%s), who followed %s", got, next.ID, next.Name, fr.Name)
	}
	want := clean(fr.Name) + " is archived; H shows the archived."
	if !slices.Equal(flashes, []string{want}) {
		t.Errorf("flashes %q, want %q", flashes, want)
	}
}

// TestHeldSelectionStatusLine: while a reload holds the selected friend
// (the filter's index not built yet, no row highlighted), the status
// line's position says so ("…", or "…/N" with rows) instead of "0/0" or
// a row the cursor is not on; once the index lands it is the friend's
// row again.
func TestHeldSelectionStatusLine(t *testing.T) {
	net := genNetwork(300, 1)
	m := newTestModel(t, net, 80, 24)
	id := selectNearEnd(t, m, "an")
	press(m, "esc") // back to the list, where the status line is
	d := net.dataset(2)
	m.loadSeq = 2
	m.Update(loadedMsg{seq: 2, data: d})
	if !m.home.held() {
		t.Fatalf("after the data without its index the selection is not held (pending %d)", m.home.pendingSel)
	}
	if line := ansi.Strip(m.home.statusLine(80)); !strings.Contains(line, "/an  … matches") {
		t.Errorf("held, no rows yet: status line %q, want the position as …", line)
	}
	m.Update(indexedMsg{buildIndex(d)})
	if got := selectedID(m); got != id {
		t.Fatalf("after the index: selected %d, want %d", got, id)
	}
	want := strconv.Itoa(m.home.cursor+1) + "/" + strconv.Itoa(len(m.home.rows))
	if line := ansi.Strip(m.home.statusLine(80)); !strings.Contains(line, want) {
		t.Errorf("after the index: status line %q, want %q", line, want)
	}
}
