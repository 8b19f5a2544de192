package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cardWith returns the name of the card in dir that holds s.
func cardWith(t *testing.T, dir, s string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.vcf"))
	for _, f := range files {
		if b, _ := os.ReadFile(f); strings.Contains(string(b), s) {
			return f
		}
	}
	t.Fatalf("no card in %s holds %q", dir, s)
	return ""
}

// khardCard is a card as khard writes one (through python-vobject):
// its own PRODID, properties in vobject's order, types in lower case.
func khardCard(uid, body string) string {
	return "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//PIMUTILS//PYVOBJECT//EN\r\nUID:" + uid + "\r\n" +
		strings.ReplaceAll(strings.TrimSpace(body), "\n", "\r\n") + "\r\nEND:VCARD\r\n"
}

func TestSyncVdirEditedBetweenSyncs(t *testing.T) {
	db, dir := tempDB(t), t.TempDir()
	mustKith(t, db, "add", "Ada Lovelace", "--email", "ada@example.com", "--closeness", "4")
	mustKith(t, db, "add", "Bob Stone", "--org", "Acme")
	out := mustKith(t, db, "sync", dir)
	if !strings.Contains(out, "2 new cards") {
		t.Fatalf("first sync:\n%s", out)
	}
	if out := mustKith(t, db, "sync", dir); !strings.Contains(out, "in step, nothing to do (2 in step)") {
		t.Fatalf("second sync:\n%s", out)
	}

	// khard edits Ada (a new phone, its own layout, kith's fields kept),
	// khard adds Carol, kith changes Bob
	ada := cardWith(t, dir, "FN:Ada")
	uid := strings.TrimSuffix(filepath.Base(ada), ".vcf")
	os.WriteFile(ada, []byte(khardCard(uid, `EMAIL;TYPE=home:ada@example.com
FN:Ada Lovelace
N:Lovelace;Ada;;;
TEL;TYPE=cell:+44 20 7946 0000
X-KITH-CLOSENESS:4`)), 0o600)
	carol := filepath.Join(dir, "5d3f7a0c9b1e4f6a8c2d0e1f2a3b4c5d.vcf")
	os.WriteFile(carol, []byte(khardCard("5d3f7a0c9b1e4f6a8c2d0e1f2a3b4c5d", `EMAIL;TYPE=work:carol@example.org
FN:Carol King
N:King;Carol;;;
ORG:Tapestry`)), 0o600)
	mustKith(t, db, "edit", "Bob", "--role", "CTO")

	before, _ := os.ReadFile(ada)
	out = mustKith(t, db, "sync", dir, "--dry-run")
	for _, want := range []string{"1 new friend, 2 merged", "+ friend  Carol King", "~ merged  Ada Lovelace", "from the card: e-mail, phone", "~ merged  Bob Stone", "to the card: role", "dry run: nothing was written"} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run lacks %q:\n%s", want, out)
		}
	}
	if after, _ := os.ReadFile(ada); string(after) != string(before) {
		t.Error("the dry run wrote a card")
	}
	if _, _, code := kith(t, db, "show", "Carol"); code == 0 {
		t.Error("the dry run added Carol")
	}

	mustKith(t, db, "sync", dir)
	show := mustKith(t, db, "show", "Ada")
	if !strings.Contains(show, "+44 20 7946 0000 (cell)") || !strings.Contains(show, "ada@example.com (home)") || !strings.Contains(show, "4/5") {
		t.Errorf("Ada after the sync:\n%s", show)
	}
	if show := mustKith(t, db, "show", "Carol"); !strings.Contains(show, "Tapestry") {
		t.Errorf("Carol after the sync:\n%s", show)
	}
	if b, _ := os.ReadFile(cardWith(t, dir, "FN:Bob")); !strings.Contains(string(b), "TITLE:CTO") {
		t.Errorf("Bob's card lacks kith's change:\n%s", b)
	}
	if out := mustKith(t, db, "sync", dir); !strings.Contains(out, "in step, nothing to do (3 in step)") {
		t.Fatalf("the sync after:\n%s", out)
	}

	// both sides change Ada's phone: kith's kept, the card's in the notes
	ada = cardWith(t, dir, "FN:Ada")
	b, _ := os.ReadFile(ada)
	os.WriteFile(ada, []byte(strings.Replace(string(b), "+44 20 7946 0000", "+44 20 7946 1111", 1)), 0o600)
	mustKith(t, db, "edit", "Ada", "--phone", "+39 333 123 4567")
	out = mustKith(t, db, "sync", dir)
	if !strings.Contains(out, `! conflict Ada Lovelace, phone: kith has "+39 333 123 4567", the card had "+44 20 7946 1111 (cell)"`) {
		t.Errorf("the conflict is not reported:\n%s", out)
	}
	show = mustKith(t, db, "show", "Ada")
	if !strings.Contains(show, "+39 333 123 4567") || !strings.Contains(show, "the address book had phone: +44 20 7946 1111") {
		t.Errorf("Ada after the conflict:\n%s", show)
	}
	if b, _ := os.ReadFile(ada); !strings.Contains(string(b), "TEL:+39 333 123 4567") || !strings.Contains(string(b), "the address book had phone") {
		t.Errorf("Ada's card after the conflict:\n%s", b)
	}

	// deleted each way: Carol's card in the folder, Bob archived in kith
	os.Remove(carol)
	mustKith(t, db, "edit", "Bob", "--archived")
	out = mustKith(t, db, "sync", dir)
	if !strings.Contains(out, "- archived Carol King") || !strings.Contains(out, "- card    Bob Stone") {
		t.Errorf("deletions:\n%s", out)
	}
	if list := mustKith(t, db, "list"); strings.Contains(list, "Carol") || strings.Contains(list, "Bob") {
		t.Errorf("list after the deletions:\n%s", list)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*.vcf")); len(files) != 1 {
		t.Errorf("cards %v, want Ada's only", files)
	}
	// the archived are not the folder's: Ada alone is in step
	if out := mustKith(t, db, "sync", dir); !strings.Contains(out, "in step, nothing to do (1 in step)") {
		t.Errorf("the sync after the deletions:\n%s", out)
	}
}

func TestSyncErrors(t *testing.T) {
	db := tempDB(t)
	file := filepath.Join(t.TempDir(), "x.vcf")
	os.WriteFile(file, nil, 0o600)
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"sync", file}, 1, "is not a folder"},
		{[]string{"sync", filepath.Join(t.TempDir(), "missing")}, 1, "no such file or directory"},
		{[]string{"sync", t.TempDir(), "--vcard-version", "2.1"}, 2, "--vcard-version"},
		{[]string{"sync"}, 2, "DIR"},
	} {
		_, errs, code := kith(t, db, tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.want) {
			t.Errorf("kith %q: exit %d, stderr %q; want %d and %q", tt.args, code, errs, tt.code, tt.want)
		}
	}
}
