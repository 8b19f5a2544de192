package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"kith/store"
)

// openForm presses k on the home screen and returns the form it opens.
func openForm(t *testing.T, m *Model, k string) *formScreen {
	t.Helper()
	for _, msg := range runPush(press(m, k)) {
		m.Update(msg)
	}
	f, ok := m.active().(*formScreen)
	if !ok {
		t.Fatalf("%s opened %T, want a form", k, m.active())
	}
	return f
}

func TestFormFocusAndTab(t *testing.T) {
	m := newTestModel(t, nil, 80, 24)
	f := openForm(t, m, "a")
	if f.focus != 0 || !f.fields[0].in.Focused() {
		t.Fatalf("focus = %d, want the first field focused", f.focus)
	}
	press(m, "tab")
	if f.focus != 1 || f.fields[0].in.Focused() || !f.fields[1].in.Focused() {
		t.Errorf("after tab focus = %d, want 1", f.focus)
	}
	press(m, "shift+tab", "shift+tab")
	if f.focus != len(f.fields)-1 {
		t.Errorf("shift+tab from the first field: focus = %d, want the last (%d)", f.focus, len(f.fields)-1)
	}
	// q and ? are typed into fields, not obeyed
	press(m, "tab")
	cmd := press(m, "q")
	if hasMsg[tea.QuitMsg](run(t, m, cmd)) || m.full {
		t.Error("q or ? acted globally inside a form")
	}
	if got := f.fields[0].in.Value(); got != "q" {
		t.Errorf("name = %q, want q typed", got)
	}
}

func TestFormValidatesNextToField(t *testing.T) {
	m := newTestModel(t, nil, 80, 24)
	f := openForm(t, m, "a")
	press(m, "tab") // leave the name empty
	cmd := press(m, "ctrl+s")
	if f.saving {
		t.Fatal("saved with an empty name")
	}
	if f.fields[0].err == "" || f.focus != 0 {
		t.Errorf("name error %q focus %d, want an error on name and the focus there", f.fields[0].err, f.focus)
	}
	for _, msg := range run(t, m, cmd) {
		if _, ok := msg.(savedMsg); ok {
			t.Error("an invalid form ran its save command")
		}
	}
	if !strings.Contains(plain(m), "required") {
		t.Error("the name error is not shown")
	}
	typeText(m, "Ada")
	if f.fields[0].err != "" {
		t.Errorf("error %q stayed after fixing the field", f.fields[0].err)
	}
	// a bad closeness (the picker offers none; the store refuses it still)
	c := fieldIndex(t, f, "closeness")
	f.fields[c].in.SetValue("9")
	press(m, "ctrl+s")
	if f.fields[c].err == "" || f.focus != c {
		t.Errorf("closeness 9: err %q focus %d, want an error and focus on closeness", f.fields[c].err, f.focus)
	}
	f.fields[c].in.SetValue("4")
	e := fieldIndex(t, f, "email")
	f.fields[e].in.SetValue("ada.example.com")
	press(m, "ctrl+s")
	if f.fields[e].err == "" {
		t.Error("a bad e-mail was accepted")
	}
}

// fieldIndex is the index of form f's field name.
func fieldIndex(t testing.TB, f *formScreen, name string) int {
	t.Helper()
	for i := range f.fields {
		if f.fields[i].name == name {
			return i
		}
	}
	t.Fatalf("the form has no field %s", name)
	return -1
}

func TestFormSaveAddsFriend(t *testing.T) {
	m := newTestModel(t, nil, 80, 24)
	openForm(t, m, "a")
	typeText(m, "Ada Lovelace")
	press(m, "tab", "tab")
	typeText(m, "Analytical Engines")
	cmd := press(m, "ctrl+s")
	if cmd == nil {
		t.Fatal("ctrl+s returned no command")
	}
	msgs := run(t, m, cmd)
	if !hasMsg[savedMsg](msgs) || !hasMsg[popMsg](msgs) || !hasMsg[reloadMsg](msgs) {
		t.Fatalf("save gave %v, want saved, pop and reload", msgs)
	}
	if _, ok := m.active().(*friendsScreen); !ok {
		t.Errorf("active screen %T after saving, want the list", m.active())
	}
	if m.home.d.len() != 1 || m.home.d.friends[0].Org != "Analytical Engines" {
		t.Fatalf("after reload: %d friends %+v", m.home.d.len(), m.home.d.friends)
	}
	if !strings.Contains(m.flash, "Added Ada Lovelace") {
		t.Errorf("flash %q, want it to say the friend was added", m.flash)
	}
	// a second friend sorting first: the new one is still selected
	openForm(t, m, "a")
	typeText(m, "Aaron Abbott")
	run(t, m, press(m, "ctrl+s"))
	if sel := m.home.selected(); sel < 0 || m.home.d.friends[sel].Name != "Aaron Abbott" {
		t.Errorf("after adding Aaron the selection is %d, want Aaron", sel)
	}
	press(m, "j")
	// edit keeps fields the form does not show
	f := openForm(t, m, "e")
	if f.fields[0].in.Value() != "Ada Lovelace" {
		t.Fatalf("edit form name = %q", f.fields[0].in.Value())
	}
	f.fields[3].in.SetValue("mathematician")
	run(t, m, press(m, "ctrl+s"))
	if got := m.home.d.friends[0].Role; got != "mathematician" {
		t.Errorf("role after edit = %q", got)
	}
	// log a favor, then archive
	openForm(t, m, "f")
	typeText(m, "proofread her notes")
	run(t, m, press(m, "ctrl+s"))
	if got := len(m.home.d.favorsOf(0)); got != 1 {
		t.Errorf("favors after logging = %d, want 1", got)
	}
	for _, msg := range runPush(press(m, "d")) {
		m.Update(msg)
	}
	run(t, m, press(m, "y"))
	if !m.home.d.friends[0].Archived || len(m.home.rows) != 1 {
		t.Errorf("after archiving Ada: archived=%v rows=%d, want Aaron alone", m.home.d.friends[0].Archived, len(m.home.rows))
	}
}

func TestFormCancelAsksWhenChanged(t *testing.T) {
	m := newTestModel(t, nil, 80, 24)
	openForm(t, m, "a")
	if msgs := run(t, m, press(m, "esc")); !hasMsg[popMsg](msgs) {
		t.Error("esc on an untouched form did not close it")
	}
	f := openForm(t, m, "a")
	typeText(m, "X")
	msgs := run(t, m, press(m, "esc"))
	if hasMsg[popMsg](msgs) || !f.confirm {
		t.Fatal("esc on a changed form closed it without asking")
	}
	press(m, "n")
	if f.confirm || m.active() != Screen(f) {
		t.Error("n did not go back to editing")
	}
	press(m, "esc")
	if msgs := run(t, m, press(m, "y")); !hasMsg[popMsg](msgs) {
		t.Error("y did not discard")
	}
}

func TestProfileFormValidates(t *testing.T) {
	m := newTestModel(t, nil, 80, 24)
	f := openForm(t, m, "p")
	f.fields[4].in.SetValue("400")
	press(m, "ctrl+s")
	if f.fields[4].err == "" || f.saving {
		t.Errorf("cooldown err %q saving %v", f.fields[4].err, f.saving)
	}
	// The language is a picker: → moves from en to it.
	press(m, "shift+tab")
	if f.focus != 3 {
		t.Fatalf("focus on field %d, want the language", f.focus)
	}
	press(m, "right")
	f.fields[4].in.SetValue("21")
	run(t, m, press(m, "ctrl+s"))
	if got := m.home.d.profile; got.Lang != "it" || got.Settings.CooldownDays != 21 {
		t.Errorf("profile after save = %+v", got)
	}
}

func TestFavorDate(t *testing.T) {
	tests := []struct {
		in      string
		wantErr bool
	}{
		{"2026-11-25", false},
		{"2026-01-02", false},
		{"2027-01-01", true},
		{"yesterday", true},
	}
	for _, tt := range tests {
		_, err := parseDay(tt.in, testNow)
		if (err != nil) != tt.wantErr {
			t.Errorf("parseDay(%q) err = %v, want error %v", tt.in, err, tt.wantErr)
		}
	}
}

// TestSaveWritesOnlyEditedFields: line breaks a one-line field cannot
// show (imported notes, a signature) survive a save that left them alone.
func TestSaveWritesOnlyEditedFields(t *testing.T) {
	m := newTestModel(t, nil, 80, 24)
	st := m.c.st
	notes := "met at Acme\nlikes climbing"
	if err := st.Batch(testNow, func(tx *store.Tx) error {
		if err := tx.PutProfile(store.Profile{Lang: "en", Signature: "Ciao,\nAda", Settings: store.DefaultSettings()}); err != nil {
			return err
		}
		return tx.AddFriend(&store.Friend{Name: "Bruno", Notes: notes})
	}); err != nil {
		t.Fatal(err)
	}
	run(t, m, m.startLoad())
	f := openForm(t, m, "e")
	f.fields[2].in.SetValue("Globex")
	run(t, m, press(m, "ctrl+s"))
	fr := m.home.d.friends[0]
	if fr.Org != "Globex" || fr.Notes != notes {
		t.Errorf("after editing the org: org %q notes %q, want Globex and the notes untouched", fr.Org, fr.Notes)
	}
	f = openForm(t, m, "p")
	f.fields[4].in.SetValue("21")
	run(t, m, press(m, "ctrl+s"))
	p := m.home.d.profile
	if p.Settings.CooldownDays != 21 || p.Signature != "Ciao,\nAda" {
		t.Errorf("after editing the cool-down: %d days, signature %q", p.Settings.CooldownDays, p.Signature)
	}
}

// TestFriendFormLanguage: a friend's draft language is a picker (as your
// profile, English, Italian), saved with the friend, so an Italian draft
// can be had without the CLI.
func TestFriendFormLanguage(t *testing.T) {
	m := newTestModel(t, nil, 100, 30)
	f := openForm(t, m, "a")
	typeText(m, "Giulia Bianchi")
	l := fieldIndex(t, f, "lang")
	for f.focus != l {
		press(m, "tab")
	}
	if !strings.Contains(plain(m), "as your profile") {
		t.Errorf("a new friend's language does not say it follows the profile:\n%s", plain(m))
	}
	press(m, "i")
	if got := f.fields[l].in.Value(); got != store.LangItalian {
		t.Errorf("i on the language: %q, want %q", got, store.LangItalian)
	}
	run(t, m, press(m, "ctrl+s"))
	var g store.Friend
	for _, fr := range m.home.d.friends {
		g = fr
	}
	if g.Name != "Giulia Bianchi" || g.Lang != store.LangItalian {
		t.Errorf("saved %q with language %q, want Italian", g.Name, g.Lang)
	}
}
