package tui

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"kith/policy"
	"kith/store"
	"kith/store/demo"
)

func TestQuit(t *testing.T) {
	m := newTestModel(t, genNetwork(10, 1), 80, 24)
	if !hasMsg[tea.QuitMsg](run(t, m, press(m, "q"))) {
		t.Error("q did not quit from the list")
	}
	openForm(t, m, "a")
	if !hasMsg[tea.QuitMsg](run(t, m, press(m, "ctrl+c"))) {
		t.Error("ctrl+c did not quit from a form")
	}
}

func TestHelpToggles(t *testing.T) {
	m := newTestModel(t, genNetwork(10, 1), 80, 24)
	press(m, "?")
	if !m.full {
		t.Fatal("? did not show the full help")
	}
	press(m, "j")
	if m.full || m.home.cursor != 0 {
		t.Errorf("a key with help open: full=%v cursor=%d, want the help closed and the key eaten", m.full, m.home.cursor)
	}
}

func TestStaleLoadIgnored(t *testing.T) {
	m := newTestModel(t, nil, 80, 24)
	m.loadSeq = 3
	m.Update(loadedMsg{seq: 3, data: genNetwork(5, 1).dataset(3)})
	m.Update(loadedMsg{seq: 2, data: genNetwork(9, 1).dataset(2)})
	if got := m.home.d.len(); got != 5 {
		t.Errorf("an older load replaced a newer one: %d friends, want 5", got)
	}
	if m.loading {
		t.Error("still loading after the last load landed")
	}
}

func TestWatcherReloadsOnChange(t *testing.T) {
	m := newTestModel(t, nil, 80, 24)
	m.loading = false
	_, cmd := m.Update(statMsg{stamp: m.stamp})
	if m.loading {
		t.Error("an unchanged file started a load")
	}
	if cmd == nil {
		t.Error("the watcher was not re-armed")
	}
	changed := m.stamp
	changed.size += 4096
	changed.ok = true
	seq := m.loadSeq
	m.Update(statMsg{stamp: changed})
	if !m.loading || m.loadSeq != seq+1 {
		t.Error("a changed file did not start a load")
	}
	// the load is a command: nothing read in Update
	if m.home.d.len() != 0 {
		t.Error("Update read the database")
	}
}

func TestNoColorHasNoColour(t *testing.T) {
	m := newTestModel(t, genNetwork(30, 1), 120, 40)
	for _, k := range []string{"", "enter", "a"} {
		if k != "" {
			for _, msg := range runPush(press(m, k)) {
				m.Update(msg)
			}
		}
		if seq, ok := sgrColor(m.render()); ok {
			t.Errorf("after %q the NO_COLOR render sets a colour: %q", k, seq)
		}
	}
}

var sgr = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// sgrColor finds an SGR sequence that sets a foreground or background colour.
func sgrColor(s string) (string, bool) {
	for _, m := range sgr.FindAllStringSubmatch(s, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			v, _ := strconv.Atoi(p)
			if (v >= 30 && v <= 38) || (v >= 40 && v <= 48) || (v >= 90 && v <= 107) {
				return m[0], true
			}
		}
	}
	return "", false
}

// TestRandomKeysNeverPanic feeds thousands of random keys, wheel events
// and resizes (down to 1×1) into the root model, rendering after each, and
// checks the frame is always exactly the window and the cursor in range.
func TestRandomKeysNeverPanic(t *testing.T) {
	keys := []string{"j", "k", "g", "G", "/", "esc", "enter", "tab", "shift+tab", "s", "H", "a", "e", "f", "p", "d", "y", "n", "?",
		"up", "down", "pgup", "pgdown", "backspace", "space", "x", "r", "o", "t", "陳", "😀", "ctrl+s", "ctrl+o", "ctrl+c", "A", "c", "w"}
	for seed := range uint64(4) {
		r := rand.New(rand.NewPCG(seed, 99))
		m := newTestModel(t, genNetwork(200, seed), 80, 24)
		if seed == 3 {
			m = newTestModel(t, nil, 80, 24)
		}
		w, h := 80, 24
		for step := range 2500 {
			var cmd tea.Cmd
			switch x := r.IntN(20); {
			case x == 0:
				w, h = r.IntN(140)+1, r.IntN(50)+1
				if r.IntN(4) == 0 {
					w, h = r.IntN(4)+1, r.IntN(4)+1
				}
				_, cmd = m.Update(tea.WindowSizeMsg{Width: w, Height: h})
			case x == 1:
				_, cmd = m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
			default:
				cmd = press(m, keys[r.IntN(len(keys))])
			}
			// follow screen changes, not I/O
			for _, msg := range runPush(cmd) {
				m.Update(msg)
			}
			out := ansi.Strip(m.render())
			ls := lines(out)
			if len(ls) != h {
				t.Fatalf("seed %d step %d: %d lines at %dx%d", seed, step, len(ls), w, h)
			}
			for i, l := range ls {
				if lw := ansi.StringWidth(l); lw != w {
					t.Fatalf("seed %d step %d: line %d is %d wide at %dx%d: %q", seed, step, i, lw, w, h, l)
				}
			}
			f := m.home
			if len(f.rows) > 0 && (f.cursor < 0 || f.cursor >= len(f.rows)) {
				t.Fatalf("seed %d step %d: cursor %d of %d rows", seed, step, f.cursor, len(f.rows))
			}
			if len(m.stack) > 3 {
				t.Fatalf("seed %d step %d: %d screens stacked", seed, step, len(m.stack))
			}
		}
	}
}

// TestLoadInSteps loads a real database: the first page of friends with
// their badges and last ask, then every friend, then their history, then
// the filter index.
func TestLoadInSteps(t *testing.T) {
	st := store.New(filepath.Join(t.TempDir(), "kith.db"))
	at := testNow.AddDate(0, 0, -3)
	err := st.Batch(testNow, func(tx *store.Tx) error {
		for _, name := range []string{"Bruno", "Ada", "Chiara"} {
			f := store.Friend{Name: name}
			if err := tx.AddFriend(&f); err != nil {
				return err
			}
			if name == "Ada" {
				if err := tx.AddAsk(&store.Ask{FriendID: f.ID, Kind: store.KindChat, Status: store.StatusSent, Created: at, Sent: at}); err != nil {
					return err
				}
				if err := tx.AddFavor(&store.Favor{FriendID: f.ID, What: "x", At: at}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	m := New(Options{Store: st, Judge: fakeJudge, Now: func() time.Time { return testNow }, NoColor: true})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	first := m.startLoad()().(loadedMsg)
	if first.err != nil || !first.data.partial || !first.data.page {
		t.Fatalf("first step: err %v partial %v page %v, want the first page", first.err, first.data.partial, first.data.page)
	}
	_, cmd := m.Update(first)
	if got := m.home.d.friends[m.home.rows[0]].Name; got != "Ada" {
		t.Errorf("first row %q, want Ada (by name)", got)
	}
	if out := plain(m); !strings.Contains(out, "hold") || strings.Contains(out, "…") || !m.loading {
		t.Errorf("the first frame does not show Ada's badge, or shows one pending, or is not loading still:\n%s", out)
	}
	run(t, m, cmd)
	if m.home.d.partial || m.loading {
		t.Fatal("the history step did not land")
	}
	ada := m.home.rows[0]
	if got := m.home.d.lastAsk[ada]; !got.Equal(at) {
		t.Errorf("Ada's last ask %v, want %v", got, at)
	}
	if got := len(m.home.d.asksOf(int(ada))); got != 1 {
		t.Errorf("Ada has %d asks, want 1", got)
	}
	if got := m.home.d.favorsOf(int(ada)); len(got) != 1 || got[0].At != at.UnixNano() {
		t.Errorf("Ada's favors %+v", got)
	}
	if v := m.home.verd[ada]; v.level != policy.Hold {
		t.Errorf("Ada's verdict %v, want hold (asked 3 days ago)", v.level)
	}
	if m.home.ix == nil {
		t.Error("the filter index was not built")
	}
	press(m, "/")
	typeText(m, "chi")
	if len(m.home.rows) != 1 {
		t.Errorf("filter chi: %d rows, want 1", len(m.home.rows))
	}
}

// TestFirstPageThenAll: a load paints the first page of friends in the
// name order with their real badges (the policy's, as the whole network
// gives them), keeps them while every friend is read, and then reads
// everyone's history.
func TestFirstPageThenAll(t *testing.T) {
	st := store.New(filepath.Join(t.TempDir(), "kith.db"))
	if err := demo.Fill(st, 400, 3, testNow, nil); err != nil {
		t.Fatal(err)
	}
	m := New(Options{Store: st, Judge: PolicyJudge, Now: func() time.Time { return testNow }, NoColor: true})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m.loadSeq = 1
	msg := loadCmd(st, 1)().(loadedMsg)
	if msg.err != nil || !msg.data.page || msg.data.len() != pageRows {
		t.Fatalf("first step: err %v, page %v, %d friends; want a page of %d", msg.err, msg.data.page, msg.data.len(), pageRows)
	}
	// What the whole network says of each friend.
	net, err := st.Network()
	if err != nil {
		t.Fatal(err)
	}
	whole := newDataset(9, testNow, net.Friends, net.AsksOf, net.FavorsOf, store.DefaultProfile())
	want := map[uint64]badge{}
	for i := range whole.friends {
		_, v := PolicyJudge(subjectOf(whole, i), whole.places, whole.profile.Settings, testNow)
		want[whole.friends[i].ID] = badgeOf(v)
	}
	check := func(step string) {
		t.Helper()
		f := m.home
		for r := f.offset; r < min(f.offset+f.listRows(), len(f.rows)); r++ {
			i := int(f.rows[r])
			id := f.d.friends[i].ID
			if wi := whole.byName[r]; whole.friends[wi].ID != id {
				t.Fatalf("%s: row %d is %s, the name order has %s", step, r, f.d.friends[i].Name, whole.friends[wi].Name)
			}
			if !f.have[i] || !reflect.DeepEqual(f.verd[i], want[id]) {
				t.Fatalf("%s: row %d (%s): badge %v (judged %v), the whole network gives %v", step, r, f.d.friends[i].Name, f.verd[i], f.have[i], want[id])
			}
		}
		if strings.Contains(plain(m), "loading the history") {
			t.Errorf("%s: the selected friend's history is not shown:\n%s", step, plain(m))
		}
	}
	m.Update(msg)
	check("first page")
	if out := plain(m); !strings.Contains(out, "400 friends · loading the rest") {
		t.Errorf("the first page's header does not count everyone:\n%s", out)
	}
	// The rest: every friend (the page's badges kept), then the history.
	all := friendsCmd(st, 1, msg.data, nil)().(loadedMsg)
	if all.err != nil || all.data.page || !all.data.partial || all.data.len() != 400 {
		t.Fatalf("second step: err %v, page %v, partial %v, %d friends", all.err, all.data.page, all.data.partial, all.data.len())
	}
	m.Update(all)
	check("every friend")
	hist := historyCmd(st, 1, all.data, testNow)().(loadedMsg)
	if hist.err != nil || hist.data.partial {
		t.Fatalf("third step: err %v, partial %v", hist.err, hist.data.partial)
	}
	m.Update(hist)
	check("history")
	// The model itself runs the steps in that order.
	m2 := New(Options{Store: st, Judge: PolicyJudge, Now: func() time.Time { return testNow }, NoColor: true})
	m2.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m2.loadSeq = 1
	var steps []string
	for _, msg := range run(t, m2, m2.handleLoaded(loadCmd(st, 1)().(loadedMsg))) {
		if lm, ok := msg.(loadedMsg); ok {
			steps = append(steps, fmt.Sprintf("page %v partial %v", lm.data.page, lm.data.partial))
		}
	}
	if want := []string{"page false partial true", "page false partial false"}; !reflect.DeepEqual(steps, want) {
		t.Errorf("the steps after the page: %q, want %q", steps, want)
	}
	if m2.home.d.partial || m2.home.d.len() != 400 {
		t.Errorf("after the load: partial %v, %d friends", m2.home.d.partial, m2.home.d.len())
	}
}

// TestLoadErrorShownAndRetried: a failed load is shown on the first screen
// and the watcher tries again at its next look, the file unchanged.
func TestLoadErrorShownAndRetried(t *testing.T) {
	st := fixedPath{store.New(filepath.Join(t.TempDir(), "k.db")), "k.db"}
	m := New(Options{Store: st, Judge: fakeJudge, Now: func() time.Time { return testNow }, NoColor: true})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	stamp := fileStamp{size: 10, ok: true}
	m.startLoad()
	m.Update(loadedMsg{seq: 1, err: store.ErrLocked, stamp: stamp})
	if out := plain(m); !strings.Contains(out, "Cannot read the database") || !strings.Contains(out, store.ErrLocked.Error()) {
		t.Errorf("the error is not shown:\n%s", out)
	}
	// a load that worked, then one that failed, the file unchanged since
	m.startLoad()
	m.Update(loadedMsg{seq: 2, data: newPartial(4, nil, nil, store.DefaultProfile()), stamp: stamp})
	m.startLoad()
	m.Update(loadedMsg{seq: 3, err: store.ErrLocked, stamp: stamp})
	seq := m.loadSeq
	m.Update(statMsg{stamp: stamp})
	if m.loadSeq != seq+1 {
		t.Error("the watcher did not retry after a failed load")
	}
}
