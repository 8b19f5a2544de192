package tui

import (
	"slices"
	"strings"
	"testing"

	"kith/policy"
	"kith/store"
)

// The tests here and in cmd/kith/onerule_test.go put each rule the two
// front ends once disagreed on through both of them.

// A thank-you is only for an ask the friend helped with.
func TestOneRuleNoThanksForADecline(t *testing.T) {
	at := testNow.AddDate(0, 0, -5)
	m := storeModel(t, 100, 30, composeProfile(), []store.Friend{{Name: "Ada"}},
		[]store.Ask{{FriendID: 1, Kind: store.KindChat, Status: store.StatusDeclined, Created: at, Sent: at, Resolved: at}})
	as := openAsks(t, m)
	follow(t, m, press(m, "t"))
	if !strings.Contains(as.err, "is declined, not helped") {
		t.Errorf("t on a declined ask: %q, want it refused", as.err)
	}
	if a := storedAsks(t, m, 1); !a[0].Thanked.IsZero() {
		t.Errorf("the refused thank-you was stored: %v", a[0].Thanked)
	}
	// Once they helped (the picker's first outcome), the thank-you is kept.
	press(m, "o")
	follow(t, m, press(m, "enter"))
	settle(t, m, as)
	follow(t, m, press(m, "t"))
	if a := storedAsks(t, m, 1); a[0].Status != store.StatusHelped || !a[0].Thanked.Equal(testNow) {
		t.Errorf("after helped: %s, thanked %v; want helped and thanked now", a[0].Status, a[0].Thanked)
	}
}

// formField returns the form's field named name.
func formField(t *testing.T, f *formScreen, name string) *field {
	t.Helper()
	for i := range f.fields {
		if f.fields[i].name == name {
			return &f.fields[i]
		}
	}
	t.Fatalf("the form has no field %q", name)
	return nil
}

// E-mail addresses are read with net/mail, the same for every way in.
func TestOneRuleEmails(t *testing.T) {
	m := newTestModel(t, nil, 80, 24)
	for _, bad := range []string{"@", "a b@c", "ada@", "ada"} {
		f := openForm(t, m, "a")
		formField(t, f, "name").in.SetValue("Ada")
		email := formField(t, f, "email")
		email.in.SetValue(bad)
		press(m, "ctrl+s")
		if f.saving || !strings.Contains(email.err, "is not an e-mail address") {
			t.Errorf("e-mail %q: saving %v, error %q; want it refused next to the field", bad, f.saving, email.err)
		}
		press(m, "esc")
		follow(t, m, press(m, "y"))
		if m.active() != Screen(m.home) {
			t.Fatalf("esc, y left %T open", m.active())
		}
	}
	f := openForm(t, m, "a")
	formField(t, f, "name").in.SetValue("Ada")
	formField(t, f, "email").in.SetValue("Ada Lovelace <ada@x.org>")
	follow(t, m, press(m, "ctrl+s"))
	friends, err := m.c.st.Friends()
	if err != nil {
		t.Fatal(err)
	}
	if len(friends) != 1 || !slices.Equal(friends[0].Emails, []string{"ada@x.org"}) {
		t.Errorf("stored %+v, want Ada with the address alone", friends)
	}
}

// Organisations are compared the way import matches them: "Acme Inc." is
// "ACME", for who else, for the ranking and for the sole-contact rule.
func TestOneRuleOrganisations(t *testing.T) {
	at := testNow.AddDate(0, 0, -3)
	m := storeModel(t, 120, 40, composeProfile(),
		[]store.Friend{{Name: "Ada", Org: "Acme Inc."}, {Name: "Bo", Org: "Globex"}},
		[]store.Ask{{FriendID: 1, Kind: store.KindChat, Org: "ACME", Status: store.StatusHelped, Created: at, Sent: at, Resolved: at}})
	press(m, "j") // from Bo, who is left out
	follow(t, m, press(m, "w"))
	ws := activeWho(t, m)
	ws.inputs[0].SetValue("")
	ws.inputs[1].SetValue("ACME")
	ws.seq++
	follow(t, m, ws.rankNow())
	if names := candNames(ws); !slices.Equal(names, []string{"Ada"}) || ws.cands[0].Relevance != policy.RelevanceOrg {
		t.Errorf("who else at ACME: %v, want Ada at Acme Inc. with the organisation's relevance", names)
	}
	// Asked three days ago, Ada would be held; as the only one you know
	// at Acme she is a caution to acknowledge instead.
	press(m, "esc")
	g := openGate(t, m, 0)
	pickKind(t, m, g, store.KindIntro)
	if v := g.verd[g.cursor]; !v.Has(policy.CodeAcknowledge) || v.Has(policy.CodeCooldown) {
		t.Errorf("the gate's intro for Ada: %+v; want the acknowledge caution of a sole contact", v)
	}
}

// The edit form stamps the friend with the TUI's clock and changes only
// what was edited.
func TestOneRuleEditUsesTheClock(t *testing.T) {
	m := storeModel(t, 80, 24, composeProfile(), []store.Friend{{Name: "Ada", Org: "Acme", URLs: []string{"https://ada.example"}}}, nil)
	f := openForm(t, m, "e")
	formField(t, f, "role").in.SetValue("CTO")
	follow(t, m, press(m, "ctrl+s"))
	fr, err := m.c.st.(fixedPath).Loader.(*store.Store).Friend(1)
	if err != nil {
		t.Fatal(err)
	}
	if !fr.Updated.Equal(testNow) || fr.Role != "CTO" || fr.Org != "Acme" || !slices.Equal(fr.URLs, []string{"https://ada.example"}) {
		t.Errorf("edited %+v; want role CTO, the rest kept, updated at the TUI's now %v", fr, testNow)
	}
}

// The detail says the ledger the verdict weighs, as `kith show` does, not
// a count of favors minus asks.
func TestOneRuleLedger(t *testing.T) {
	d24, d55 := testNow.AddDate(0, 0, -24), testNow.AddDate(0, 0, -55)
	m := storeModel(t, 80, 40, composeProfile(), []store.Friend{{Name: "Ada"}}, []store.Ask{
		{FriendID: 1, Kind: store.KindReferral, Status: store.StatusHelped, Created: d24, Sent: d24, Resolved: d24},
		{FriendID: 1, Kind: store.KindReferral, Status: store.StatusHelped, Created: d55, Sent: d55, Resolved: d55},
	})
	if err := m.c.st.Batch(testNow, func(tx *store.Tx) error {
		return tx.AddFavor(&store.Favor{FriendID: 1, What: "coffee", At: testNow.AddDate(0, 0, -5)})
	}); err != nil {
		t.Fatal(err)
	}
	run(t, m, m.startLoad())
	follow(t, m, press(m, "enter")) // the detail, full screen
	view := strings.Join(strings.Fields(plain(m)), " ")
	// (4.5, not the 4.4 of the CLI test: this clock reads 10:00, not 12:00)
	const want = "Asked 4.5, given 1.9 (recent ones weigh most): you have asked a little more than you gave (a caution from 4.0 more)."
	if !strings.Contains(view, want) || strings.Contains(view, "balance") {
		t.Errorf("the detail does not give the policy's ledger %q:\n%s", want, plain(m))
	}
}

// The detail's verdict is kith show's: for the likely request, knowing
// that the friend is the only one you know where it points.
func TestOneRuleDetailKnowsASoleContact(t *testing.T) {
	at := testNow.AddDate(0, 0, -3)
	m := storeModel(t, 80, 40, composeProfile(),
		[]store.Friend{{Name: "Ada", Org: "Acme Inc."}, {Name: "Bo", Org: "Globex"}},
		[]store.Ask{{FriendID: 1, Kind: store.KindChat, Org: "ACME", Status: store.StatusHelped, Created: at, Sent: at, Resolved: at}})
	m.c.judge = PolicyJudge
	m.home.have = make([]bool, m.home.d.len()) // judge the rows again, for real
	follow(t, m, press(m, "enter"))
	view := strings.Join(strings.Fields(plain(m)), " ")
	if !strings.Contains(view, "CAUTION") || !strings.Contains(view, "they are the only one you know in ACME") {
		t.Errorf("the detail does not acknowledge the only one at Acme:\n%s", plain(m))
	}
}
