package tui

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"kith/policy"
	"kith/store"
)

// testNow is the fixed clock of every test.
var testNow = time.Date(2026, time.November, 25, 10, 0, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	time.Local = time.UTC // dates render the same on every machine
	os.Exit(m.Run())
}

// network is a generated set of friends with their asks and favors.
type network struct {
	friends []store.Friend
	asks    [][]store.Ask
	favors  [][]store.Favor
}

func (n *network) dataset(gen uint64) *dataset {
	asks, favors := make([][]store.AskFact, len(n.friends)), make([][]store.FavorFact, len(n.friends))
	for i := range n.friends {
		asks[i], favors[i] = store.AskFacts(n.asks[i]), store.FavorFacts(n.favors[i])
	}
	return newDataset(gen, testNow, n.friends, func(i int) []store.AskFact { return asks[i] }, func(i int) []store.FavorFact { return favors[i] }, store.DefaultProfile())
}

var (
	firstNames = []string{"Ada", "Bruno", "Chiara", "Dario", "Elena", "Farid", "Giulia", "Hiro", "Irene", "Jonas", "Kenji", "Lucia", "Marco", "Nadia", "Omar", "Paola", "陳", "Zoë", "Ștefan", "Ngozi"}
	lastNames  = []string{"Rossi", "Bianchi", "Tanaka", "Okafor", "Müller", "García", "Nguyen", "Kowalski", "Smith", "美咲", "Ferrari", "Haddad"}
	orgs       = []string{"Acme", "Globex", "Initech", "Umbrella", "Stark Industries", "Wayne Enterprises", "株式会社テスト", "Università di Bologna", "Hooli", ""}
	sectors    = []string{"fintech", "design", "health", "education", "energy", "media", "logistics", "law", "retail", "ai"}
)

// genNetwork makes n friends deterministically from seed: about two asks
// and one favor each, some archived, some with boundaries and busy seasons.
func genNetwork(n int, seed uint64) *network {
	r := rand.New(rand.NewPCG(seed, 7))
	net := &network{friends: make([]store.Friend, n), asks: make([][]store.Ask, n), favors: make([][]store.Favor, n)}
	var askID, favID uint64
	for i := range n {
		id := uint64(i + 1)
		f := store.Friend{
			ID:        id,
			Name:      firstNames[r.IntN(len(firstNames))] + " " + lastNames[r.IntN(len(lastNames))],
			Org:       orgs[r.IntN(len(orgs))],
			Role:      "engineer",
			Closeness: 1 + r.IntN(5),
			Emails:    []string{fmt.Sprintf("p%d@example.com", id)},
			Notes:     fmt.Sprintf("met at conference %d; likes hiking", r.IntN(500)),
			Created:   testNow.AddDate(-2, 0, 0),
			Updated:   testNow.AddDate(-1, 0, 0),
			Archived:  r.IntN(20) == 0,
		}
		for range 1 + r.IntN(2) {
			f.Sectors = append(f.Sectors, sectors[r.IntN(len(sectors))])
		}
		if r.IntN(3) == 0 {
			f.WorkedTogether = true
			f.WorkedNote = "Acme 2019-2021"
		}
		if r.IntN(6) == 0 {
			f.Boundaries = []store.Boundary{{Kind: store.KindReferral, Note: "not at her company"}}
		}
		if r.IntN(8) == 0 {
			f.Busy = []store.MonthRange{{From: time.March, To: time.April}}
		}
		f.Normalize()
		net.friends[i] = f
		at := testNow.AddDate(0, 0, -200)
		for range r.IntN(4) {
			at = at.Add(time.Duration(1+r.IntN(90*24)) * time.Hour)
			if at.After(testNow) {
				break
			}
			askID++
			st := store.Statuses()[1+r.IntN(4)]
			net.asks[i] = append(net.asks[i], store.Ask{ID: askID, FriendID: id, Kind: store.Kinds()[r.IntN(8)], Status: st, Created: at, Sent: at})
		}
		if r.IntN(2) == 0 {
			favID++
			net.favors[i] = append(net.favors[i], store.Favor{ID: favID, FriendID: id, At: testNow.AddDate(0, -r.IntN(12), 0)})
		}
	}
	return net
}

// fakeJudge is a deterministic stand-in for the policy's levels: hold
// inside a 14-day cool-down, block with a boundary, caution when busy,
// else clear; always for a chat, with the policy's own ledger.
func fakeJudge(sub policy.Subject, places *policy.Places, set store.Settings, now time.Time) (policy.Request, policy.Verdict) {
	req, v := fakeLevel(sub, set, now)
	_, real := PolicyJudge(sub, places, set, now)
	v.Ledger = real.Ledger
	return req, v
}

func fakeLevel(sub policy.Subject, set store.Settings, now time.Time) (policy.Request, policy.Verdict) {
	f, asks := sub.Friend, sub.Asks
	req := policy.Request{Kind: store.KindChat}
	if len(f.Boundaries) > 0 {
		return req, policy.Verdict{Level: policy.Block, Score: 0, Reasons: []policy.Reason{{Code: "boundary", Message: "They asked not to be asked for referrals.", Level: policy.Block}}}
	}
	for i := len(asks) - 1; i >= 0; i-- {
		if asks[i].Status().Made() {
			until := store.TimeOf(asks[i].At()).AddDate(0, 0, set.CooldownDays)
			if until.After(now) {
				return req, policy.Verdict{Level: policy.Hold, Score: 20, Until: until, Reasons: []policy.Reason{{Code: "cooldown", Message: "You asked them recently.", Level: policy.Hold}}}
			}
			break
		}
	}
	for _, r := range f.Busy {
		if r.Contains(now.Month()) {
			return req, policy.Verdict{Level: policy.Caution, Score: 60, Reasons: []policy.Reason{{Code: "busy", Message: "It is their busy season.", Level: policy.Caution}}}
		}
	}
	return req, policy.Verdict{Level: policy.Clear, Score: 50 + f.Closeness*10}
}

// newTestModel is a root model on a temporary database, sized w×h, with
// net loaded (nil: empty database), colour off and the clock fixed.
func newTestModel(t testing.TB, net *network, w, h int) *Model {
	t.Helper()
	st := fixedPath{store.New(filepath.Join(t.TempDir(), "kith.db")), "~/.local/share/kith/kith.db"}
	m := New(Options{Store: st, Judge: fakeJudge, Now: func() time.Time { return testNow }, NoColor: true})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	m.Update(loadTemplatesCmd(nil, "")()) // Init's reading of the templates
	if net == nil {
		net = &network{}
	}
	m.loadSeq = 1
	d := net.dataset(1)
	m.Update(loadedMsg{seq: 1, data: d})
	m.Update(indexedMsg{buildIndex(d)})
	return m
}

// press sends keys (as tea.KeyPressMsg) to m and returns the last command.
func press(m tea.Model, keys ...string) tea.Cmd {
	var cmd tea.Cmd
	for _, k := range keys {
		_, cmd = m.Update(keyMsg(k))
	}
	return cmd
}

// keyMsg builds the key press that String()s as k.
func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "f1":
		return tea.KeyPressMsg{Code: tea.KeyF1}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "ctrl+c", "ctrl+s", "ctrl+y", "ctrl+e", "ctrl+o", "ctrl+t", "ctrl+r":
		return tea.KeyPressMsg{Code: rune(k[5]), Mod: tea.ModCtrl}
	}
	r := []rune(k)
	if len(r) != 1 {
		panic("keyMsg: unknown key " + k)
	}
	msg := tea.KeyPressMsg{Code: r[0], Text: k}
	if r[0] >= 'A' && r[0] <= 'Z' {
		msg.Code = r[0] + 'a' - 'A'
		msg.ShiftedCode = r[0]
		msg.Mod = tea.ModShift
	}
	return msg
}

// typeText types s one rune at a time.
func typeText(m tea.Model, s string) {
	for _, r := range s {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// run executes cmd and every command it batches, feeding messages of
// interest back into m (store I/O included; ticks are skipped).
func run(t testing.TB, m tea.Model, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	var got []tea.Msg
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
		case nil:
			return
		}
		got = append(got, msg)
		switch msg.(type) {
		case statMsg, historyWantMsg, tea.QuitMsg:
			return
		}
		_, next := m.Update(msg)
		do(next, depth+1)
	}
	do(cmd, 0)
	return got
}

// plain renders m without colour or styles.
func plain(m *Model) string { return ansi.Strip(m.render()) }

func hasMsg[T any](msgs []tea.Msg) bool {
	for _, m := range msgs {
		if _, ok := m.(T); ok {
			return true
		}
	}
	return false
}

func lines(s string) []string { return strings.Split(s, "\n") }

// fixedPath is a Loader whose Path is fixed, so renders are the same on
// every run.
type fixedPath struct {
	Loader
	path string
}

func (f fixedPath) Path() string { return f.path }

// within runs c, giving up (nil) after d: a command that never returns
// (none should) cannot hang the test.
func within(c tea.Cmd, d time.Duration) tea.Msg {
	ch := make(chan tea.Msg, 1)
	go func() { ch <- c() }()
	select {
	case msg := <-ch:
		return msg
	case <-time.After(d):
		return nil
	}
}
