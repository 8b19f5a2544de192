package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"kith/store"
)

// The tests here and in tui/onerule_test.go put each rule the two front
// ends once disagreed on through both of them.

// A thank-you is only for an ask the friend helped with.
func TestOneRuleNoThanksForADecline(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ada")
	mustKith(t, db, "ask", "Ada", "--kind", "chat", "--status", "declined", "--at", "2026-11-20")
	_, errs, code := kith(t, db, "outcome", "1", "--thanked")
	if code != 2 || !strings.Contains(errs, "--thanked: ask 1 is declined, not helped") {
		t.Errorf("--thanked on a declined ask: exit %d, %q", code, errs)
	}
	if a, _ := store.New(db).Ask(1); !a.Thanked.IsZero() {
		t.Errorf("the refused thank-you was stored: %v", a.Thanked)
	}
	// Once they helped, the thank-you is kept.
	mustKith(t, db, "outcome", "1", "--status", "helped", "--thanked")
	if a, _ := store.New(db).Ask(1); !a.Thanked.Equal(testNow) {
		t.Errorf("thanked %v, want now %v", a.Thanked, testNow)
	}
}

// E-mail addresses are read with net/mail, the same for every way in.
func TestOneRuleEmails(t *testing.T) {
	db := tempDB(t)
	for _, bad := range []string{"@", "a b@c", "ada@", "ada"} {
		_, errs, code := kith(t, db, "add", "Ada", "--email", bad)
		if code != 2 || !strings.Contains(errs, "--email:") || !strings.Contains(errs, "is not an e-mail address") {
			t.Errorf("add --email %q: exit %d, %q; want a usage error on --email", bad, code, errs)
		}
	}
	if store.New(db).Exists() {
		t.Error("a refused add created the database")
	}
	mustKith(t, db, "add", "Ada", "--email", "Ada Lovelace <ada@x.org>")
	mustKith(t, db, "add", "Bo", "--email", "bo@x.org")
	if _, errs, code := kith(t, db, "edit", "Bo", "--email", "a b@c"); code != 2 || !strings.Contains(errs, "--email:") {
		t.Errorf("edit --email 'a b@c': exit %d, %q", code, errs)
	}
	friends, _ := store.New(db).Friends()
	if !slices.Equal(friends[0].Emails, []string{"ada@x.org"}) || !slices.Equal(friends[1].Emails, []string{"bo@x.org"}) {
		t.Errorf("stored e-mails %q and %q, want the address alone and the edit refused", friends[0].Emails, friends[1].Emails)
	}
}

// Organisations are compared the way import matches them: "Acme Inc." is
// "ACME", for who --org, for the ranking and for the sole-contact rule.
func TestOneRuleOrganisations(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ada", "--org", "Acme Inc.")
	mustKith(t, db, "add", "Bo", "--org", "Globex")
	out := mustKith(t, db, "who", "--kind", "chat", "--org", "ACME", "--json")
	var rows []whoJSON
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].Name != "Ada" || rows[0].Relevance != 60 {
		t.Errorf("who --org ACME: %+v, want Ada at Acme Inc. with the organisation's relevance", rows)
	}
	// Asked three days ago, Ada would be held; as the only one you know
	// at Acme she is a caution to acknowledge instead.
	mustKith(t, db, "ask", "Ada", "--kind", "chat", "--status", "helped", "--at", "2026-11-22")
	out, _, code := kith(t, db, "check", "Ada", "--kind", "intro", "--org", "acme", "--json")
	var v checkJSON
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if code != 0 || !v.Has("acknowledge") || v.Has("cooldown") {
		t.Errorf("check --org acme: exit %d, %+v; want the acknowledge caution of a sole contact", code, v.Verdict)
	}
}

// `kith edit` stamps the friend with the command's clock.
func TestOneRuleEditUsesTheClock(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ada", "--org", "Acme", "--url", "https://ada.example")
	mustKith(t, db, "edit", "Ada", "--role", "CTO")
	f, err := store.New(db).Friend(1)
	if err != nil {
		t.Fatal(err)
	}
	if !f.Updated.Equal(testNow) || !f.Created.Equal(testNow) {
		t.Errorf("created %v, updated %v; want the command's now %v", f.Created, f.Updated, testNow)
	}
	if f.Role != "CTO" || f.Org != "Acme" || !slices.Equal(f.URLs, []string{"https://ada.example"}) {
		t.Errorf("edit --role changed more than the role: %+v", f)
	}
}

// `kith show` says the ledger the verdict weighs, as the TUI's detail does.
func TestOneRuleLedger(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ada")
	mustKith(t, db, "ask", "Ada", "--kind", "referral", "--status", "helped", "--at", "2026-11-01")
	mustKith(t, db, "ask", "Ada", "--kind", "referral", "--status", "helped", "--at", "2026-10-01")
	mustKith(t, db, "favor", "Ada", "coffee", "--at", "2026-11-20")
	var js showJSON
	if err := json.Unmarshal([]byte(mustKith(t, db, "show", "Ada", "--json")), &js); err != nil {
		t.Fatal(err)
	}
	// Two referrals of 24 and 55 days ago, a favor of 5 days ago.
	if l := js.Verdict.Ledger; l.Asked != 4.4 || l.Given != 1.9 || l.Balance != 2.5 {
		t.Errorf("show --json ledger %+v, want asked 4.4, given 1.9, balance 2.5", l)
	}
	out := strings.Join(strings.Fields(mustKith(t, db, "show", "Ada")), " ")
	const want = "ledger: asked 4.4, given 1.9 (recent ones weigh most): you have asked a little more than you gave (a caution from 4.0 more)."
	if !strings.Contains(out, want) {
		t.Errorf("show does not give the ledger %q:\n%s", want, out)
	}
}

// kith show's verdict knows that a friend is the only one you know where
// the likely request points, as the TUI's detail does.
func TestOneRuleShowKnowsASoleContact(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ada", "--org", "Acme Inc.")
	mustKith(t, db, "add", "Bo", "--org", "Globex")
	mustKith(t, db, "ask", "Ada", "--kind", "chat", "--org", "ACME", "--status", "helped", "--at", "2026-11-22")
	var js showJSON
	if err := json.Unmarshal([]byte(mustKith(t, db, "show", "Ada", "--json")), &js); err != nil {
		t.Fatal(err)
	}
	if v := js.Verdict; v.Level.String() != "caution" || !v.Has("acknowledge") {
		t.Errorf("show's verdict %+v, want the acknowledge caution of the only one at Acme", v.Verdict)
	}
}
