package main

import (
	"net/mail"
	"strings"
	"testing"
)

// muttQuery reads a query_command's answer as mutt's run_query does: the
// first line is the message; every other line is split at tabs (strtok,
// so empty fields vanish) into an RFC 822 address, a name and the rest.
type muttEntry struct{ addr, name, other string }

func muttQuery(t *testing.T, out string) (msg string, got []muttEntry) {
	t.Helper()
	msg, rest, _ := strings.Cut(out, "\n")
	for _, line := range strings.Split(rest, "\n") {
		var f []string
		for _, s := range strings.Split(line, "\t") {
			if s != "" {
				f = append(f, s)
			}
		}
		if len(f) == 0 {
			continue
		}
		a, err := mail.ParseAddress(f[0])
		if err != nil {
			t.Errorf("mutt cannot read %q as an address: %v", f[0], err)
			continue
		}
		e := muttEntry{addr: a.Address}
		if len(f) > 1 {
			e.name = f[1]
		}
		if len(f) > 2 {
			e.other = f[2]
		}
		got = append(got, e)
	}
	return msg, got
}

func TestQueryAnswersAsMuttReadsIt(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Zoë Kamińska", "--org", "Acme", "--email", "zoe@acme.io", "--email", "zk@home.net")
	mustKith(t, db, "add", "Bob Stone", "--nickname", "Bobby", "--email", "bob@stone.org")
	mustKith(t, db, "add", "Zed Noaddress")
	mustKith(t, db, "add", "Old Zoe", "--email", "old@zoe.net")
	mustKith(t, db, "edit", "Old Zoe", "--archived")

	out := mustKith(t, db, "query", "KAMINSKA")
	msg, got := muttQuery(t, out)
	want := []muttEntry{{"zoe@acme.io", "Zoë Kamińska", "Acme"}, {"zk@home.net", "Zoë Kamińska", "Acme"}}
	if msg != `kith: 2 addresses for "KAMINSKA"` || len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("query KAMINSKA:\n%s\nmutt reads %q and %+v, want %+v", out, msg, got, want)
	}
	// The nickname and the address match too; no organisation, no third field.
	for _, term := range []string{"bobby", "stone.org"} {
		_, got := muttQuery(t, mustKith(t, db, "query", term))
		if len(got) != 1 || got[0] != (muttEntry{"bob@stone.org", "Bob Stone", ""}) {
			t.Errorf("query %s: mutt reads %+v", term, got)
		}
	}
	// No match: the message alone, exit 1, which mutt shows as the error.
	for _, term := range []string{"zed", "old"} { // no address; archived
		out, errs, code := kith(t, db, "query", term)
		if code != 1 || errs != "" || out != "kith: no friend with an e-mail address matches \""+term+"\"\n" {
			t.Errorf("query %s: exit %d, out %q, stderr %q", term, code, out, errs)
		}
	}
}

func TestUndoFromTheCLI(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ada")
	mustKith(t, db, "ask", "Ada", "--kind", "chat", "--topic", "rockets")
	out, errs, code := kith(t, db, "undo")
	if code != 1 || out != "" || !strings.Contains(errs, "nothing to undo") {
		t.Errorf("undo with nothing to undo: exit %d, out %q, stderr %q", code, out, errs)
	}
	mustKith(t, db, "outcome", "1", "--status", "declined")
	if out := mustKith(t, db, "undo"); out != "Undid the outcome: your chat ask to Ada (ask 1) is sent again.\n" {
		t.Errorf("undo says %q", out)
	}
	if show := mustKith(t, db, "show", "Ada"); strings.Contains(show, "declined") {
		t.Errorf("after undo, show still says declined:\n%s", show)
	}
	if out := mustKith(t, db, "undo"); !strings.HasPrefix(out, "Redid the outcome") {
		t.Errorf("second undo says %q, want a redo", out)
	}
	mustKith(t, db, "edit", "Ada", "--archived")
	if out := mustKith(t, db, "undo"); out != "Undid the archive: Ada is back in your list.\n" {
		t.Errorf("undo of archive says %q", out)
	}
}

func TestAskInsideTheCooldownSaysSo(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ada")
	out := mustKith(t, db, "ask", "Ada", "--kind", "chat", "--at", "2026-11-20")
	if strings.Contains(out, "cool-down") {
		t.Errorf("a first ask mentions the cool-down:\n%s", out)
	}
	// A draft asks nothing yet.
	if out := mustKith(t, db, "ask", "Ada", "--kind", "intro", "--status", "draft"); strings.Contains(out, "cool-down") {
		t.Errorf("a draft mentions the cool-down:\n%s", out)
	}
	out, errs, code := kith(t, db, "ask", "Ada", "--kind", "advice")
	if code != 0 || errs != "" || !strings.Contains(out, "recorded advice ask 3 to Ada") ||
		!strings.Contains(out, "note: recorded inside the cool-down. You asked Ada 5 days ago; the 14-day cool-down ends") ||
		strings.Contains(out, "Hold back") {
		t.Errorf("ask inside the cool-down: exit %d, stderr %q, out:\n%s", code, errs, out)
	}
}
