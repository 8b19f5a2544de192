package tui

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	tea "charm.land/bubbletea/v2"

	"kith/policy"
	"kith/store"
)

// composeProfile is the profile of the compose tests.
func composeProfile() store.Profile {
	p := store.DefaultProfile()
	p.Name = "Sam Student"
	p.SetBlurb(store.LangEnglish, "Sam is a product designer with eight years in fintech, now moving into aerospace.")
	return p
}

// composeFriends are four friends, one per verdict: Ada is clear (she
// worked with you), Bea is held (asked three days ago), Cy blocks
// referrals and never worked with you, Dee is in her busy season.
func composeFriends() ([]store.Friend, []store.Ask) {
	fs := []store.Friend{
		{Name: "Ada Alvarez", Org: "Acme", Role: "design lead", Sectors: []string{"design"}, Closeness: 4, WorkedTogether: true, WorkedNote: "Acme 2019"},
		{Name: "Bea Bauer", Org: "Globex", Sectors: []string{"design"}, Closeness: 3},
		{Name: "Cy Chen", Org: "Initech", Sectors: []string{"fintech"}, Closeness: 3,
			Boundaries: []store.Boundary{{Kind: store.KindReferral, Note: "not at my company"}}},
		{Name: "Dee Diaz", Org: "Hooli", Sectors: []string{"health"}, Closeness: 2,
			Busy: []store.MonthRange{{From: time.November, To: time.December}}},
	}
	at := testNow.AddDate(0, 0, -3)
	asks := []store.Ask{{FriendID: 2, Kind: store.KindChat, Topic: "design jobs", Status: store.StatusSent, Created: at, Sent: at}}
	return fs, asks
}

// storeModel is a root model on a database holding friends (ids 1…n in
// order), asks and profile p, loaded through the real load commands.
func storeModel(t testing.TB, w, h int, p store.Profile, friends []store.Friend, asks []store.Ask) *Model {
	t.Helper()
	m := newTestModel(t, nil, w, h)
	err := m.c.st.Batch(testNow, func(tx *store.Tx) error {
		if err := tx.PutProfile(p); err != nil {
			return err
		}
		for i := range friends {
			f := friends[i]
			f.Created, f.Updated = testNow.AddDate(-1, 0, 0), testNow.AddDate(-1, 0, 0)
			if err := tx.AddFriend(&f); err != nil {
				return err
			}
		}
		for i := range asks {
			a := asks[i]
			if err := tx.AddAsk(&a); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	run(t, m, m.startLoad())
	if m.home.d.partial || m.home.d.len() != len(friends) {
		t.Fatalf("loaded %d friends (partial %v), want %d", m.home.d.len(), m.home.d.partial, len(friends))
	}
	return m
}

func composeModel(t testing.TB, w, h int) *Model {
	fs, asks := composeFriends()
	return storeModel(t, w, h, composeProfile(), fs, asks)
}

// follow runs cmd and feeds back the screen changes and the messages of
// the new screens, store I/O included (ticks and reloads are skipped).
func follow(t testing.TB, m *Model, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	return run(t, m, cmd)
}

// openGate selects list row row and presses c.
func openGate(t testing.TB, m *Model, row int) *gateScreen {
	t.Helper()
	press(m, "g")
	for range row {
		press(m, "j")
	}
	follow(t, m, press(m, "c"))
	g, ok := m.active().(*gateScreen)
	if !ok {
		t.Fatalf("c opened %T, want the gate", m.active())
	}
	return g
}

// pickKind moves the gate's cursor to kind k.
func pickKind(t testing.TB, m *Model, g *gateScreen, k store.Kind) {
	t.Helper()
	press(m, "g")
	for g.kinds[g.cursor] != k {
		press(m, "j")
		if g.cursor == 0 {
			t.Fatalf("kind %s not in the picker", k)
		}
	}
}

func activeCompose(t testing.TB, m *Model) *composeScreen {
	t.Helper()
	cp, ok := m.active().(*composeScreen)
	if !ok {
		t.Fatalf("active screen is %T, want the compose pane", m.active())
	}
	return cp
}

func TestGateLevels(t *testing.T) {
	tests := []struct {
		name      string
		row       int
		kind      store.Kind
		want      policy.Level
		opens     bool // enter opens the editor
		reasonHas string
	}{
		{"clear", 0, store.KindIntro, policy.Clear, true, ""},
		{"caution", 3, store.KindChat, policy.Caution, true, "busy season"},
		{"hold", 1, store.KindChat, policy.Hold, false, "cool-down ends"},
		{"block boundary", 2, store.KindReferral, policy.Block, false, "not to be asked for referrals"},
		{"block truth", 2, store.KindReference, policy.Block, false, "never worked with"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := composeModel(t, 100, 30)
			g := openGate(t, m, tt.row)
			pickKind(t, m, g, tt.kind)
			v := g.verd[g.cursor]
			if v.Level != tt.want {
				t.Fatalf("%s for %s: level %s, want %s (%v)", g.friend.Name, tt.kind, v.Level, tt.want, v.Reasons)
			}
			if !strings.Contains(plain(m), tt.want.String()) {
				t.Errorf("the picker does not show %q:\n%s", tt.want, plain(m))
			}
			follow(t, m, press(m, "enter"))
			if tt.opens {
				cp := activeCompose(t, m)
				if cp.friend.ID != g.friend.ID || cp.req.Kind != tt.kind {
					t.Errorf("compose for %d/%s, want %d/%s", cp.friend.ID, cp.req.Kind, g.friend.ID, tt.kind)
				}
				if len(m.stack) != 1 {
					t.Errorf("%d screens stacked, want the gate replaced by compose", len(m.stack))
				}
				if tt.reasonHas != "" && !strings.Contains(plain(m), tt.reasonHas) {
					t.Errorf("the caution %q is not above the editor:\n%s", tt.reasonHas, plain(m))
				}
				return
			}
			if m.active() != g || !g.stopped {
				t.Fatalf("enter on %s: active %T stopped=%v, want the gate showing the reasons", tt.want, m.active(), g.stopped)
			}
			if !strings.Contains(plain(m), tt.reasonHas) {
				t.Errorf("the reasons do not say %q:\n%s", tt.reasonHas, plain(m))
			}
			follow(t, m, press(m, "O"))
			if tt.want == policy.Block {
				if m.active() != g {
					t.Fatalf("O on a block opened %T; a block must not open the editor", m.active())
				}
			} else {
				cp := activeCompose(t, m)
				if !cp.override {
					t.Error("compose after O is not marked as an override")
				}
				if !strings.Contains(cp.body.Value(), "I know I asked you for a chat") {
					t.Errorf("the overridden draft does not acknowledge the frequency:\n%s", cp.body.Value())
				}
				if cp.missed[slicesIndexCode(cp.list, policy.CheckAcknowledge)] {
					t.Error("the checklist says the acknowledgement is missing from the drafted body")
				}
				return
			}
			follow(t, m, press(m, "w"))
			ws, ok := m.active().(*whoElseScreen)
			if !ok {
				t.Fatalf("w from the gate opened %T, want who else", m.active())
			}
			req := ws.request()
			if req.Kind != tt.kind || req.Sector != "fintech" || ws.exclude != g.friend.ID {
				t.Errorf("who else preloaded with %+v excluding %d, want kind %s, sector fintech, excluding %d", req, ws.exclude, tt.kind, g.friend.ID)
			}
		})
	}
}

func slicesIndexCode(list []policy.Reason, code string) int {
	for i, r := range list {
		if r.Code == code {
			return i
		}
	}
	return -1
}

func TestGateEscGoesBack(t *testing.T) {
	m := composeModel(t, 80, 24)
	g := openGate(t, m, 1)
	pickKind(t, m, g, store.KindChat)
	press(m, "enter")
	if !g.stopped {
		t.Fatal("enter on a hold did not stop")
	}
	press(m, "esc")
	if g.stopped || m.active() != g {
		t.Fatal("esc from the reasons did not return to the picker")
	}
	follow(t, m, press(m, "esc"))
	if len(m.stack) != 0 {
		t.Errorf("esc from the picker left %d screens", len(m.stack))
	}
}

// openCompose opens compose for list row row and kind k (clear or caution).
func openCompose(t testing.TB, m *Model, row int, k store.Kind) *composeScreen {
	t.Helper()
	g := openGate(t, m, row)
	pickKind(t, m, g, k)
	follow(t, m, press(m, "enter"))
	return activeCompose(t, m)
}

func storedAsks(t *testing.T, m *Model, friend uint64) []store.Ask {
	t.Helper()
	asks, _, err := m.c.st.History(friend)
	if err != nil {
		t.Fatal(err)
	}
	return asks
}

func TestComposeSaveAndContinueDraft(t *testing.T) {
	m := composeModel(t, 120, 40)
	cp := openCompose(t, m, 0, store.KindIntro)
	if !strings.Contains(cp.body.Value(), composeProfile().Blurbs[store.LangEnglish]) {
		t.Fatalf("the intro draft lacks the blurb:\n%s", cp.body.Value())
	}
	if cp.subject.Value() == "" {
		t.Error("no subject drafted")
	}
	cp.setFocus(fieldBody)
	typeText(m, "PS: thanks!")
	follow(t, m, press(m, "ctrl+s"))
	asks := storedAsks(t, m, 1)
	if len(asks) != 1 || asks[0].Status != store.StatusDraft {
		t.Fatalf("after ctrl+s the store holds %+v, want one draft", asks)
	}
	if !strings.Contains(asks[0].Body, "PS: thanks!") || !strings.HasPrefix(asks[0].Body, subjectPrefix+cp.subject.Value()) {
		t.Errorf("saved body %q lacks the subject line or the typed text", asks[0].Body)
	}
	if m.active() != cp || cp.changed() {
		t.Error("ctrl+s left the pane or still counts the text as changed")
	}
	follow(t, m, press(m, "esc"))
	if len(m.stack) != 0 {
		t.Fatalf("esc with nothing changed left %T open", m.active())
	}
	// c again: the draft is continued
	g := openGate(t, m, 0)
	if g.kinds[g.cursor] != store.KindIntro {
		t.Errorf("the picker starts on %s, want the draft's kind intro", g.kinds[g.cursor])
	}
	if !strings.Contains(plain(m), "draft saved") {
		t.Errorf("the picker does not mark the saved draft:\n%s", plain(m))
	}
	follow(t, m, press(m, "enter"))
	cp2 := activeCompose(t, m)
	if cp2.askID != asks[0].ID || cp2.body.Value() != cp.body.Value() || cp2.subject.Value() != cp.subject.Value() {
		t.Errorf("reopened ask %d body %q, want ask %d with the saved text", cp2.askID, cp2.body.Value(), asks[0].ID)
	}
	follow(t, m, press(m, "ctrl+o"))
	asks = storedAsks(t, m, 1)
	if len(asks) != 1 || asks[0].Status != store.StatusSent || !asks[0].Sent.Equal(testNow) {
		t.Fatalf("after ctrl+o on the draft: %+v, want the same ask sent now", asks)
	}
}

func TestComposeMarkSentPutsFriendOnHold(t *testing.T) {
	m := composeModel(t, 100, 30)
	cp := openCompose(t, m, 0, store.KindIntro)
	cp.setFocus(fieldTopic)
	typeText(m, "aerospace")
	body := cp.body.Value()
	if !strings.Contains(body, "aerospace") {
		t.Errorf("typing the topic into an untouched draft did not redraft it:\n%s", body)
	}
	msgs := follow(t, m, press(m, "ctrl+o"))
	if len(m.stack) != 0 {
		t.Fatalf("ctrl+o left %T open, want back to the friend", m.active())
	}
	asks := storedAsks(t, m, 1)
	if len(asks) != 1 || asks[0].Status != store.StatusSent || asks[0].Topic != "aerospace" || !strings.Contains(asks[0].Body, body) {
		t.Fatalf("stored %+v, want one sent ask with the topic and body", asks)
	}
	if !hasFlash(msgs, "as sent") {
		t.Errorf("no flash says it was marked sent: %v", msgs)
	}
	if sel := m.home.selected(); sel < 0 || m.home.d.friends[sel].ID != 1 {
		t.Errorf("the list selects row %d, want Ada", sel)
	}
	g := openGate(t, m, 0)
	pickKind(t, m, g, store.KindIntro)
	if g.verd[g.cursor].Level != policy.Hold {
		t.Errorf("Ada after the ask: %s, want hold", g.verd[g.cursor].Level)
	}
}

func hasFlash(msgs []tea.Msg, sub string) bool {
	for _, msg := range msgs {
		if f, ok := msg.(flashMsg); ok && strings.Contains(f.text, sub) {
			return true
		}
	}
	return false
}

func TestComposeCopy(t *testing.T) {
	m := composeModel(t, 100, 30)
	cp := openCompose(t, m, 0, store.KindIntro)
	want := subjectPrefix + cp.subject.Value() + "\n\n" + cp.body.Value()
	cmd := press(m, "ctrl+y")
	var clip, said bool
	for _, msg := range collect(cmd) {
		if fmt.Sprint(msg) == want {
			clip = true
		}
		if f, ok := msg.(flashMsg); ok && strings.Contains(f.text, "Copied") {
			said = true
		}
	}
	if !clip || !said {
		t.Errorf("ctrl+y: clipboard set %v, said so %v", clip, said)
	}
}

// collect runs cmd and its batches without feeding anything back.
func collect(cmd tea.Cmd) []tea.Msg { return collectWithin(cmd, 100*time.Millisecond) }

// collectWithin is collect with d for each command: long enough for a
// short tick on a loaded machine, where collect's 100 ms drops it.
func collectWithin(cmd tea.Cmd, d time.Duration) []tea.Msg {
	var out []tea.Msg
	var do func(tea.Cmd)
	do = func(c tea.Cmd) {
		if c == nil {
			return
		}
		switch msg := within(c, d).(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				do(c)
			}
		case nil:
		default:
			out = append(out, msg)
		}
	}
	do(cmd)
	return out
}

func TestComposeLeaveAsksToSave(t *testing.T) {
	m := composeModel(t, 100, 30)
	cp := openCompose(t, m, 0, store.KindIntro)
	cp.setFocus(fieldBody)
	typeText(m, "x")
	press(m, "esc")
	if cp.stage != stageLeave || m.active() != cp {
		t.Fatal("esc with changes did not ask to save")
	}
	press(m, "esc")
	if cp.stage != stageEdit {
		t.Fatal("esc on the question did not go back to editing")
	}
	press(m, "esc")
	follow(t, m, press(m, "y"))
	if len(m.stack) != 0 {
		t.Fatal("y did not leave after saving")
	}
	if asks := storedAsks(t, m, 1); len(asks) != 1 || asks[0].Status != store.StatusDraft {
		t.Errorf("y saved %+v, want a draft", asks)
	}
	openCompose(t, m, 0, store.KindIntro)
	typeText(m, "y")
	press(m, "esc")
	follow(t, m, press(m, "n"))
	if len(m.stack) != 0 {
		t.Fatal("n did not leave")
	}
	if asks := storedAsks(t, m, 1); len(asks) != 1 || strings.Contains(asks[0].Body, "xy") {
		t.Errorf("n saved the change: %+v", asks)
	}
}

func TestComposeChecklistFollowsTyping(t *testing.T) {
	m := composeModel(t, 100, 30)
	cp := openCompose(t, m, 3, store.KindChat)
	out := slicesIndexCode(cp.list, policy.CheckOut)
	if out < 0 {
		t.Fatal("no out in the checklist")
	}
	cp.body.SetValue("Hi Dee,\n\nWould you have time for a chat about your work at Hooli?")
	cp.recheck()
	if !cp.missed[out] {
		t.Fatal("a body without an out is not flagged")
	}
	cp.setFocus(fieldBody)
	cp.body.MoveToEnd()
	typeText(m, " No pressure at all.")
	if cp.missed[out] {
		t.Errorf("typing an out did not tick it: %q", cp.body.Value())
	}
	if !strings.Contains(plain(m), "✓ an out given") {
		t.Errorf("the checklist does not show the out ticked:\n%s", plain(m))
	}
}

func TestComposeBlurbFirst(t *testing.T) {
	fs, asks := composeFriends()
	p := composeProfile()
	p.SetBlurb(store.LangEnglish, "")
	m := storeModel(t, 100, 30, p, fs, asks)
	cp := openCompose(t, m, 0, store.KindIntro)
	if cp.stage != stageBlurb {
		t.Fatal("an intro with an empty blurb did not ask for the blurb first")
	}
	follow(t, m, press(m, "ctrl+s"))
	if cp.stage != stageBlurb || cp.err == "" {
		t.Error("an empty blurb was accepted")
	}
	typeText(m, "I design satellites.")
	follow(t, m, press(m, "ctrl+s"))
	if cp.stage != stageEdit || !strings.Contains(cp.body.Value(), "I design satellites.") {
		t.Fatalf("after the blurb: stage %d, body %q", cp.stage, cp.body.Value())
	}
	got, err := m.c.st.Profile()
	if err != nil || got.Blurbs[store.LangEnglish] != "I design satellites." {
		t.Errorf("profile blurbs %q (%v), want it saved", got.Blurbs, err)
	}
	// a chat does not ask for it
	p.SetBlurb(store.LangEnglish, "")
	m2 := storeModel(t, 100, 30, p, fs, asks)
	if cp := openCompose(t, m2, 0, store.KindChat); cp.stage != stageEdit {
		t.Error("a chat asked for the blurb")
	}
}

func TestComposeEditor(t *testing.T) {
	env := map[string]string{"TMPDIR": t.TempDir()}
	m := composeModel(t, 100, 30)
	m.c.getenv = func(k string) string { return env[k] }
	cp := openCompose(t, m, 0, store.KindIntro)
	before := cp.body.Value()

	msgs := collect(press(m, "ctrl+e"))
	if !hasFlash(msgs, "set $EDITOR") || cp.body.Value() != before {
		t.Errorf("no editor: %v, body changed %v", msgs, cp.body.Value() != before)
	}

	env["EDITOR"] = "/nonexistent/editor --wait"
	msgs = collect(press(m, "ctrl+e"))
	if len(msgs) != 1 {
		t.Fatalf("ctrl+e gave %v, want the temporary file", msgs)
	}
	fm, ok := msgs[0].(editorFileMsg)
	if !ok || fm.err != nil {
		t.Fatalf("ctrl+e gave %#v", msgs[0])
	}
	st, err := os.Stat(fm.path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("temporary file %s: %v mode %v, want 0600", fm.path, err, st.Mode())
	}
	if b, _ := os.ReadFile(fm.path); string(b) != before {
		t.Errorf("the file holds %q, want the body", b)
	}
	if cmd := cp.handleEditorFile(fm); cmd == nil {
		t.Fatal("no command to run the editor")
	}
	// the editor failed: message, body kept, file removed
	msgs = collect(cp.handleEditorDone(editorDoneMsg{cp: cp, dir: fm.dir, path: fm.path, err: fmt.Errorf("exec: not found")}))
	if !hasFlash(msgs, "failed") || cp.body.Value() != before {
		t.Errorf("failing editor: %v, body kept %v", msgs, cp.body.Value() == before)
	}
	if _, err := os.Stat(fm.path); !os.IsNotExist(err) {
		t.Error("the temporary file was left behind")
	}
	// the editor succeeded: the body is read back
	fm = collect(press(m, "ctrl+e"))[0].(editorFileMsg)
	if err := os.WriteFile(fm.path, []byte("Hi Ada,\n\nrewritten by hand\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	follow(t, m, cp.handleEditorDone(editorDoneMsg{cp: cp, dir: fm.dir, path: fm.path}))
	if cp.body.Value() != "Hi Ada,\n\nrewritten by hand" {
		t.Errorf("read back %q", cp.body.Value())
	}
	if !cp.missed[slicesIndexCode(cp.list, policy.CheckOut)] {
		t.Error("the checklist was not updated after the editor")
	}
	if _, err := os.Stat(fm.path); !os.IsNotExist(err) {
		t.Error("the temporary file was left behind")
	}
}

// loadTemplates is policy.LoadTemplates of fsys, as the user's directory
// dir.
func loadTemplates(fsys fs.FS, dir string) *policy.Templates {
	t, _ := policy.LoadTemplates(fsys, dir)
	return t
}

func TestComposeTemplateOverrides(t *testing.T) {
	m := composeModel(t, 100, 30)
	m.c.templates = loadTemplates(fstest.MapFS{
		"en/chat.tmpl": {Data: []byte(`{{define "subject"}}Coffee, {{.First}}?{{end}}Hi {{.First}}, would you have time for a chat? No pressure at all.`)},
	}, "~/.config/kith/templates")
	cp := openCompose(t, m, 0, store.KindChat)
	if cp.subject.Value() != "Coffee, Ada?" || !strings.HasPrefix(cp.body.Value(), "Hi Ada, would you have time") {
		t.Errorf("the user's template was not used: %q / %q", cp.subject.Value(), cp.body.Value())
	}
	follow(t, m, press(m, "esc"))
	m.c.templates = loadTemplates(fstest.MapFS{"en/chat.tmpl": {Data: []byte(`{{define "subject"}}{{.Nope}}{{end}}body`)}}, "~/.config/kith/templates")
	cp = openCompose(t, m, 0, store.KindChat)
	if !strings.Contains(plain(m), "~/.config/kith/templates/en/chat.tmpl") || cp.body.Value() != "" {
		t.Errorf("a broken template is not named above an empty editor:\n%s", plain(m))
	}
	// Its other drafts work.
	follow(t, m, press(m, "esc"))
	if cp := openCompose(t, m, 0, store.KindAdvice); cp.draftErr != "" || cp.body.Value() == "" {
		t.Errorf("advice, which the broken file does not touch: error %q, body %q", cp.draftErr, cp.body.Value())
	}
}

// countingFS counts the files opened in it.
type countingFS struct {
	fs.FS
	opens int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.opens++
	return c.FS.Open(name)
}

// TestComposeReadsNoTemplate: the templates are read once, before the
// TUI starts; opening compose and typing a topic reads no file.
func TestComposeReadsNoTemplate(t *testing.T) {
	user := &countingFS{FS: fstest.MapFS{
		"en/chat.tmpl":   {Data: []byte(`{{define "subject"}}About {{.Topic}}{{end}}Hi {{.First}}, about {{.Topic}}.`)},
		"en/common.tmpl": {Data: []byte(`{{define "greeting"}}Hi{{end}}{{define "ack"}}{{end}}{{define "out"}}{{end}}{{define "helpback"}}{{end}}{{define "questions"}}{{end}}{{define "signoff"}}{{end}}{{define "place"}}{{end}}`)},
	}}
	m := composeModel(t, 100, 30)
	m.c.templates = loadTemplates(user, "")
	loaded := user.opens
	cp := openCompose(t, m, 0, store.KindChat)
	cp.setFocus(fieldTopic)
	typeText(m, "rocketsxyz")
	if cp.topic.Value() != "rocketsxyz" || !strings.Contains(cp.body.Value(), "about rocketsxyz") {
		t.Fatalf("the topic did not redraft: %q / %q", cp.topic.Value(), cp.body.Value())
	}
	if user.opens != loaded {
		t.Errorf("opening compose and typing 10 letters opened %d template files, want none", user.opens-loaded)
	}
}

// unfinishedBody is a chat to Dee that gives no out and leaves a
// placeholder.
const unfinishedBody = "Hi Dee,\n\nI'd love to chat with you for twenty minutes about [your team] at Hooli, whenever suits you.\n\n" +
	"Two questions: how did you start at Hooli? What do you wish you had known?\n\n" +
	"If there's anything I can do for you, just let me know.\n\nSam"

// openUnfinished opens a chat to Dee whose body misses two items.
func openUnfinished(t *testing.T, m *Model) *composeScreen {
	t.Helper()
	cp := openCompose(t, m, 3, store.KindChat)
	cp.body.SetValue(unfinishedBody)
	cp.recheck()
	if got := strings.Join(cp.missing(), ","); got != "out,placeholder" {
		t.Fatalf("the body misses %q, want out and placeholder", got)
	}
	return cp
}

// TestComposeMarkSentAsksWhenItemsMissed: ctrl+o with checklist items
// missed names them and asks; n and esc keep editing and write nothing,
// y marks the ask sent.
func TestComposeMarkSentAsksWhenItemsMissed(t *testing.T) {
	const question = "2 items missing: out, placeholder. Mark as sent anyway? y yes · n no"
	m := composeModel(t, 120, 40)
	cp := openUnfinished(t, m)
	before := len(storedAsks(t, m, 4))
	for _, no := range []string{"n", "esc"} {
		msgs := follow(t, m, press(m, "ctrl+o"))
		if hasMsg[composeSavedMsg](msgs) || len(storedAsks(t, m, 4)) != before {
			t.Fatalf("ctrl+o with items missed wrote the ask before asking: %v", msgs)
		}
		if cp.stage != stageSend || !strings.Contains(plain(m), question) {
			t.Fatalf("ctrl+o does not ask %q:\n%s", question, plain(m))
		}
		msgs = follow(t, m, press(m, no))
		if hasMsg[composeSavedMsg](msgs) || hasMsg[popMsg](msgs) || len(storedAsks(t, m, 4)) != before {
			t.Fatalf("%s on the question gave %v, want nothing written", no, msgs)
		}
		if m.active() != cp || cp.stage != stageEdit || cp.body.Value() != unfinishedBody || strings.Contains(plain(m), question) {
			t.Fatalf("%s on the question: stage %d, body %q, want editing the same body:\n%s", no, cp.stage, cp.body.Value(), plain(m))
		}
	}
	press(m, "ctrl+o")
	msgs := follow(t, m, press(m, "y"))
	asks := storedAsks(t, m, 4)
	if len(asks) != before+1 || asks[len(asks)-1].Status != store.StatusSent || !strings.Contains(asks[len(asks)-1].Body, "[your team]") {
		t.Fatalf("y stored %+v, want the body marked sent", asks)
	}
	if len(m.stack) != 0 || !hasFlash(msgs, "as sent") {
		t.Errorf("after y: %d screens open, flash said %v", len(m.stack), msgs)
	}
}

// TestComposeMarkSentAtOnceWhenNothingMissed: with every item ticked,
// ctrl+o marks the ask sent on the first press.
func TestComposeMarkSentAtOnceWhenNothingMissed(t *testing.T) {
	m := composeModel(t, 80, 24)
	cp := openUnfinished(t, m)
	cp.body.SetValue(strings.Replace(unfinishedBody, "[your team]", "your team", 1) + "\n\nNo pressure at all if now is not a good time.")
	cp.recheck()
	if miss := cp.missing(); len(miss) != 0 {
		t.Fatalf("the body still misses %v", miss)
	}
	follow(t, m, press(m, "ctrl+o"))
	if asks := storedAsks(t, m, 4); asks[len(asks)-1].Status != store.StatusSent || !strings.Contains(asks[len(asks)-1].Body, "No pressure") {
		t.Fatalf("one ctrl+o stored %+v, want the ask sent", asks)
	}
	if len(m.stack) != 0 {
		t.Errorf("ctrl+o left %T open", m.active())
	}
}

// The templates are read in a command Init starts, not before the first
// frame; compose opened before they arrive says so, and drafts once they
// have.
func TestTemplatesReadByInit(t *testing.T) {
	m := composeModel(t, 100, 30)
	m.c.templates = nil // as before Init's command has answered
	cp := openCompose(t, m, 0, store.KindChat)
	if !strings.Contains(cp.draftErr, "still being read") || cp.body.Value() != "" {
		t.Errorf("compose before the templates: error %q, body %q", cp.draftErr, cp.body.Value())
	}
	follow(t, m, press(m, "esc"))
	user := &countingFS{FS: fstest.MapFS{"en/chat.tmpl": {Data: []byte(`{{define "subject"}}Hi{{end}}Hello {{.First}}`)}}}
	m.templateFS, m.templateDir = user, "~/.config/kith/templates"
	run(t, m, m.Init())
	if m.c.templates == nil || user.opens == 0 {
		t.Fatalf("Init did not read the templates (%d files opened)", user.opens)
	}
	if cp := openCompose(t, m, 0, store.KindChat); cp.draftErr != "" || !strings.HasPrefix(cp.body.Value(), "Hello Ada") {
		t.Errorf("compose after Init: error %q, body %q", cp.draftErr, cp.body.Value())
	}
}

// TestChecklistFitsAt80: under the editor at 80 columns, the checklist
// names every item (short names when the long ones do not fit), none cut.
func TestChecklistFitsAt80(t *testing.T) {
	m := composeModel(t, 80, 24)
	cp := openCompose(t, m, 0, store.KindChat)
	under := cp.checkUnder(80)
	if strings.Contains(under[0], "…") {
		t.Errorf("the checklist is cut at 80 columns: %q", under[0])
	}
	for _, r := range cp.list {
		if !strings.Contains(under[0], checkShort(r.Code)) {
			t.Errorf("the checklist %q lacks %q", under[0], checkShort(r.Code))
		}
	}
	if wide := cp.checkUnder(200); !strings.Contains(wide[0], checkLabel(policy.CheckPlaceholder)) {
		t.Errorf("at 200 columns the checklist %q does not use the long names", wide[0])
	}
}

// TestNameFieldShowsItsPlaceholder: the first compose's name field is as
// wide as the screen allows, so its placeholder shows whole (it showed
// "e", the field having no width).
func TestNameFieldShowsItsPlaceholder(t *testing.T) {
	fs, asks := composeFriends()
	p := composeProfile()
	p.Name = ""
	m := storeModel(t, 80, 24, p, fs, asks)
	cp := openCompose(t, m, 0, store.KindChat)
	if cp.stage != stageName {
		t.Fatalf("stage %d, want the name", cp.stage)
	}
	if !strings.Contains(plain(m), "e.g. Sam Rivera") {
		t.Errorf("the name field's placeholder is cut:\n%s", plain(m))
	}
}
