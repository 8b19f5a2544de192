package tui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"kith/store"
)

// allAsks is every ask in m's database by id.
func allAsks(t *testing.T, m *Model) map[uint64]store.Ask {
	t.Helper()
	out := map[uint64]store.Ask{}
	fs, err := m.c.st.Friends()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		for _, a := range storedAsks(t, m, f.ID) {
			out[a.ID] = a
		}
	}
	return out
}

// wrote is the ids of the asks that differ between before and after.
func wrote(before, after map[uint64]store.Ask) []uint64 {
	var ids []uint64
	for id, a := range after {
		if b, ok := before[id]; !ok || !asksEqual(a, b) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

func asksEqual(a, b store.Ask) bool {
	return a.Status == b.Status && a.Outcome == b.Outcome && a.Body == b.Body && a.Topic == b.Topic &&
		a.Sent.Equal(b.Sent) && a.Resolved.Equal(b.Resolved) && a.Thanked.Equal(b.Thanked)
}

// highlighted is the line of the screen drawn as selected (reverse video
// with colour off), "" when none is.
func highlighted(m *Model) string {
	for _, l := range lines(m.render()) {
		if strings.Contains(l, "\x1b[7m") {
			return strings.TrimSpace(ansi.Strip(l))
		}
	}
	return ""
}

// act presses keys, runs what they start (store writes and reloads
// included) and returns the ids of the asks they wrote.
func act(t *testing.T, m *Model, as *asksScreen, keys ...string) []uint64 {
	t.Helper()
	before := allAsks(t, m)
	for _, k := range keys {
		follow(t, m, press(m, k))
	}
	settle(t, m, as)
	return wrote(before, allAsks(t, m))
}

// TestAsksKeysActOnTheAskShown is issue 9's sequence: in the "sent"
// filter, open an ask and record an outcome; the ask leaves the filter,
// and the next o and t still act on the ask the screen shows. Back in the
// list, they act on the row drawn as selected.
func TestAsksKeysActOnTheAskShown(t *testing.T) {
	// the sent filter holds Bea's chat (row 0) and Cy's intro (row 1)
	for _, tt := range []struct {
		row         int
		name, other string
	}{
		{0, "Bea Bauer", "Cy Chen"},
		{1, "Cy Chen", "Bea Bauer"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := asksModel(t, 100, 30)
			as := openAsks(t, m)
			for range len(store.Statuses()) + 2 {
				if as.filterName() == string(store.StatusSent) {
					break
				}
				press(m, "s")
			}
			if as.filterName() != string(store.StatusSent) || len(as.shown) != 2 {
				t.Fatalf("filter %s with %d asks, want sent with 2", as.filterName(), len(as.shown))
			}
			for range tt.row {
				press(m, "j")
			}
			if h := highlighted(m); !strings.Contains(h, tt.name) {
				t.Fatalf("selected %q, want %s's ask", h, tt.name)
			}
			var id, otherID uint64
			for aid, a := range allAsks(t, m) {
				switch fr := m.home.d.friends[m.home.d.index(a.FriendID)].Name; {
				case fr == tt.name:
					id = aid
				case fr == tt.other:
					otherID = aid
				}
			}

			follow(t, m, press(m, "enter"))
			if as.detail == nil || as.detail.ID != id || !strings.Contains(plain(m), "Your ask to "+tt.name) {
				t.Fatalf("enter does not show %s's ask %d:\n%s", tt.name, id, plain(m))
			}
			if got := act(t, m, as, "o", "enter"); !slices.Equal(got, []uint64{id}) {
				t.Fatalf("o, enter (helped) wrote asks %v, want %d (%s's, shown)", got, id, tt.name)
			}
			if got := allAsks(t, m)[id]; got.Status != store.StatusHelped {
				t.Fatalf("%s's ask is %s, want helped", tt.name, got.Status)
			}
			// the ask left the filter: the screen still shows it, in
			// its new state, and says it is no longer in the filter
			view := plain(m)
			if as.detail == nil || as.detail.ID != id || !strings.Contains(view, "Your ask to "+tt.name) ||
				!strings.Contains(view, "helped") {
				t.Fatalf("after the outcome the screen does not show %s's helped ask:\n%s", tt.name, view)
			}
			if !strings.Contains(view, "no longer among the sent asks") {
				t.Errorf("the detail does not say the ask left the sent filter:\n%s", view)
			}
			// t thanks the ask shown
			if got := act(t, m, as, "t"); !slices.Equal(got, []uint64{id}) {
				t.Fatalf("t wrote asks %v, want %d (%s's, shown)", got, id, tt.name)
			}
			if got := allAsks(t, m)[id]; !got.Thanked.Equal(testNow) {
				t.Errorf("%s's ask thanked %v, want now", tt.name, got.Thanked)
			}
			// f logs a favor for the friend shown
			follow(t, m, press(m, "f"))
			if f, ok := m.active().(*formScreen); !ok || f.title != "Log a favor for "+tt.name {
				t.Fatalf("f opened %T, want the favor form for %s", m.active(), tt.name)
			}
			follow(t, m, press(m, "esc"))
			if m.active() != Screen(as) || as.focusID != id {
				t.Fatalf("esc from the favor form: %T with focus %d, want the detail of %d", m.active(), as.focusID, id)
			}
			// o names the ask shown and records on it
			press(m, "o")
			if view := plain(m); !strings.Contains(view, "ask to "+tt.name) || strings.Contains(view, tt.other) {
				t.Fatalf("the outcome picker does not name %s:\n%s", tt.name, view)
			}
			if got := act(t, m, as, "down", "enter"); !slices.Equal(got, []uint64{id}) {
				t.Fatalf("o, down, enter (declined) wrote asks %v, want %d (%s's, shown)", got, id, tt.name)
			}
			if got := allAsks(t, m)[id]; got.Status != store.StatusDeclined {
				t.Errorf("%s's ask is %s, want declined", tt.name, got.Status)
			}
			// esc: the list, where the other ask is the one selected, and
			// the one the keys act on
			press(m, "esc")
			if as.detail != nil {
				t.Fatal("esc did not close the detail")
			}
			if h := highlighted(m); !strings.Contains(h, tt.other) {
				t.Fatalf("back in the list the selection is %q, want %s's ask (the only one left)", h, tt.other)
			}
			press(m, "o")
			if view := plain(m); !strings.Contains(view, "ask to "+tt.other) {
				t.Fatalf("o in the list does not name the selected %s:\n%s", tt.other, view)
			}
			if got := act(t, m, as, "enter"); !slices.Equal(got, []uint64{otherID}) {
				t.Fatalf("o, enter in the list wrote asks %v, want %d (%s's, selected)", got, otherID, tt.other)
			}
		})
	}
}

// TestAsksDetailReadForAnotherAskDropped: a detail read that lands after
// the focus moved (enter, esc, j, enter) never shows the first ask.
func TestAsksDetailReadForAnotherAskDropped(t *testing.T) {
	m := asksModel(t, 100, 30)
	as := openAsks(t, m)
	first := press(m, "enter") // Ada's draft, read not yet run
	firstID := as.focusID
	press(m, "esc", "j")
	follow(t, m, press(m, "enter"))
	if as.detail == nil || as.detail.ID == firstID {
		t.Fatalf("the detail shows %v, want the second ask", as.detail)
	}
	want := as.detail.ID
	follow(t, m, first)
	if as.detail == nil || as.detail.ID != want || as.focusID != want {
		t.Errorf("a late read of ask %d replaced the detail of %d (focus %d)", firstID, want, as.focusID)
	}
	press(m, "esc")
	follow(t, m, first)
	if as.open || as.detail != nil {
		t.Error("a late read opened the detail again after esc")
	}
}

// TestAsksFocusGoneFromTheData: when a reload no longer has the ask in
// the detail, the detail says so and o and t write nothing.
func TestAsksFocusGoneFromTheData(t *testing.T) {
	m := asksModel(t, 100, 30)
	as := openAsks(t, m)
	press(m, "j")
	follow(t, m, press(m, "enter"))
	gone := as.focusID
	var rows []askRow
	for _, r := range buildAskRows(as.d) {
		if r.id != gone {
			rows = append(rows, r)
		}
	}
	as.Update(askRowsMsg{d: as.d, rows: rows})
	if as.focusID != gone || !strings.Contains(plain(m), "no longer in the database") {
		t.Fatalf("focus %d, want %d kept and said to be gone:\n%s", as.focusID, gone, plain(m))
	}
	for _, k := range []string{"t", "o"} {
		before := allAsks(t, m)
		follow(t, m, press(m, k))
		if got := wrote(before, allAsks(t, m)); len(got) != 0 || as.picking {
			t.Errorf("%s on a gone ask wrote %v (picker open %v)", k, got, as.picking)
		}
	}
	press(m, "esc")
	if r := as.focused(); r == nil || r.id == gone {
		t.Fatalf("back in the list the focus is %v, want a row still there", r)
	}
	if _, fr := as.head(as.focused()); !strings.Contains(highlighted(m), fr.Name) {
		t.Errorf("the row drawn as selected %q is not the focus, %s's ask", highlighted(m), fr.Name)
	}
}
