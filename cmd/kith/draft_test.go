package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// A pending ask gets a follow-up, not a new request; the follow-up,
// thank-you and closing the loop are drafted from the ask's id.
func TestDraftLifecycle(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "profile", "--name", "Marco", "--blurb", "Marco is a product designer moving into aerospace tooling.")
	mustKith(t, db, "add", "Ana Rossi", "--org", "Acme", "--sector", "aerospace")
	mustKith(t, db, "ask", "ana", "--kind", "intro", "--topic", "avionics", "--at", "2026-11-20")
	_, errs, code := kith(t, db, "draft", "ana", "--kind", "chat", "--topic", "design")
	if code != 3 || !strings.Contains(errs, "next: follow up on it instead: kith draft --follow-up 1") || !strings.Contains(errs, "kith who --kind chat --exclude 'Ana Rossi'") {
		t.Errorf("a new request to a friend with an unanswered ask: exit %d, want 3 and the follow-up:\n%s", code, errs)
	}
	out := mustKith(t, db, "draft", "--follow-up", "1")
	if !strings.Contains(out, "Subject: Following up: avionics") || !strings.Contains(out, "I'm following up on my note from a few days ago asking for an introduction (avionics)") {
		t.Errorf("follow-up:\n%s", out)
	}
	_, errs, code = kith(t, db, "draft", "--thank-you", "1")
	if code != 1 || !strings.Contains(errs, "record that they helped first") {
		t.Errorf("thank-you before help: exit %d:\n%s", code, errs)
	}
	mustKith(t, db, "outcome", "1", "--status", "helped", "--note", "Luca and I spoke on Tuesday")
	out = mustKith(t, db, "draft", "--thank-you", "1")
	if !strings.Contains(out, "Thank you so much for the introduction. Here's where things stand: Luca and I spoke on Tuesday.") {
		t.Errorf("thank-you:\n%s", out)
	}
	var j draftJSON
	if err := json.Unmarshal([]byte(mustKith(t, db, "draft", "--close-loop", "1", "--json")), &j); err != nil || j.Stage != "close-loop" || j.Ask != 1 || !strings.Contains(j.Body, "close the loop on your introduction") {
		t.Errorf("close-loop --json: %v %+v", err, j)
	}
	for _, args := range [][]string{
		{"draft", "--follow-up", "1", "--thank-you", "1"},
		{"draft", "ana", "--follow-up", "1"},
		{"draft", "--follow-up", "1", "--kind", "chat"},
		{"draft", "--follow-up", "99"},
		{"draft"},
	} {
		if _, errs, code := kith(t, db, args...); code != 2 || errs == "" {
			t.Errorf("kith %q: exit %d, want 2:\n%s", args, code, errs)
		}
	}
}

// Each kind asks for its own details, and a vague request is flagged.
func TestDraftDetailsAndVague(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ana Rossi", "--org", "Acme", "--sector", "aerospace", "--lang", "it", "--greet-as", "Anna")
	out, errs, code := kith(t, db, "draft", "ana", "--kind", "review", "--doc", "lettera di presentazione")
	if code != 0 || !strings.Contains(out, "Ciao Anna,") || !strings.Contains(out, "alla mia lettera di presentazione") || !strings.Contains(out, "te la mando") {
		t.Errorf("review in Italian: exit %d\n%s\n%s", code, out, errs)
	}
	_, errs, _ = kith(t, db, "draft", "ana", "--kind", "intro")
	if !strings.Contains(errs, "the request is vague") || !strings.Contains(errs, "--whom") || !strings.Contains(errs, "--why") {
		t.Errorf("a vague intro: want it flagged naming --whom and --why:\n%s", errs)
	}
	if _, errs, code := kith(t, db, "draft", "ana", "--kind", "other"); code != 2 || !strings.Contains(errs, "--topic") {
		t.Errorf("a favor with nothing in it: exit %d, want 2 naming --topic:\n%s", code, errs)
	}
	mustKith(t, db, "add", "Dora Verdi", "--boundary", "referral")
	_, errs, code = kith(t, db, "draft", "dora", "--kind", "referral", "--org", "Globex", "--job", "Designer")
	if code != 4 || !strings.Contains(errs, "next: ask someone else: kith who --kind referral --org Globex --exclude 'Dora Verdi'") {
		t.Errorf("blocked: exit %d, want 4 and the next step:\n%s", code, errs)
	}
}
