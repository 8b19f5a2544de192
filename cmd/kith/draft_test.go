package main

import (
	"bytes"
	"encoding/json"
	"os"
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

// kith lint reads a draft from a file or standard input, says what is
// missing in the draft's language, and exits 5 when something is.
func TestLint(t *testing.T) {
	db := tempDB(t)
	dir := t.TempDir()
	good := dir + "/good.txt"
	writeFile(t, good, "Hi Sam,\n\nCould you introduce me to Lee at Acme?\n\nHere's a paragraph to paste:\n\nJo is a designer with six years in consumer apps, moving into robotics.\n\nNo worries if not. Happy to help you with anything in return.\n\nJo\n")
	if out, errs, code := kith(t, db, "lint", good, "--kind", "intro"); code != 0 || !strings.Contains(out, "Nothing missing.") {
		t.Errorf("a good intro: exit %d\n%s%s", code, out, errs)
	}
	in := "Ciao Sara,\n\nquanto tempo! Ci facciamo un aperitivo?\n\nA presto\n"
	out, _, code := kithIn(t, db, in, "lint", "-", "--kind", "chat")
	if code != 5 || !strings.Contains(out, "intent:") || !strings.Contains(out, "convenevoli") || !strings.Contains(out, "questions:") {
		t.Errorf("small talk from stdin: exit %d, want 5 and the misses in Italian:\n%s", code, out)
	}
	out, _, code = kithIn(t, db, in, "lint", "-", "--kind", "chat", "--lang", "en", "--json")
	var j lintJSON
	if err := json.Unmarshal([]byte(out), &j); code != 5 || err != nil || j.Lang != "en" || len(j.Missing) == 0 || !strings.Contains(j.Missing[0].Message, "small talk") {
		t.Errorf("--json --lang en: exit %d, %v, %+v", code, err, j)
	}
	// --friend: asked recently, so the acknowledgement is due.
	mustKith(t, db, "add", "Ana Rossi")
	mustKith(t, db, "ask", "ana", "--kind", "chat", "--status", "helped", "--at", "2026-11-20")
	if out, _, code := kith(t, db, "lint", good, "--kind", "intro", "--friend", "ana"); code != 5 || !strings.Contains(out, "acknowledge:") {
		t.Errorf("--friend asked 5 days ago: exit %d, want the acknowledgement missing:\n%s", code, out)
	}
	if _, errs, code := kith(t, db, "lint", dir+"/none.txt", "--kind", "intro"); code != 1 || !strings.Contains(errs, "none.txt") {
		t.Errorf("a missing file: exit %d\n%s", code, errs)
	}
	if _, _, code := kith(t, db, "lint", good); code != 2 {
		t.Errorf("no --kind: exit %d, want 2", code)
	}
}

// kithIn is kith with stdin.
func kithIn(t *testing.T, db, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := runAt(append([]string{"--db", db}, args...), strings.NewReader(stdin), &out, &errb, func(string) string { return "" }, testNow)
	return out.String(), errb.String(), code
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}
