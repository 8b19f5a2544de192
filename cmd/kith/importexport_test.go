package main

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"kith/store"
	"kith/store/vcard"
)

func TestImportEachFormat(t *testing.T) {
	tests := []struct {
		path, format string
		want         []string // in `kith list`
	}{
		{"../../store/vcard/testdata/v30-apple.vcf", "vcard", []string{"Ada Lovelace", "Analytical Engines, Ltd."}},
		{"../../store/vcard/testdata/v21.vcf", "vcard", []string{"Jürgen Müller", "René Fauré"}},
		{"../../store/vcard/testdata/vdir", "vcard", []string{"Dir One", "Dir Two"}},
		{"../../store/linkedin/testdata/Connections.csv", "linkedin", []string{"Grace Hopper", "US Navy, Reserve"}},
		{"../../store/googlecsv/testdata/contacts.csv", "google", []string{"Dott. Mario Rossi", `"circles": [`, `"Computing"`, `"Friends"`}},
		{"../../store/formats/testdata/plain.csv", "csv", []string{"Plain Csv", "Csv Co"}},
		{"../../store/formats/testdata/export.json", "json", []string{"Json Person"}},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			db := tempDB(t)
			out := mustKith(t, db, "import", tt.path)
			if !strings.Contains(out, "("+tt.format+")") && !strings.Contains(out, "read as "+tt.format+" (detected") &&
				!strings.Contains(out, "read as vcard (a folder of .vcf files)") {
				t.Errorf("import did not say it detected %s:\n%s", tt.format, out)
			}
			list := mustKith(t, db, "list", "--json")
			for _, w := range tt.want {
				if !strings.Contains(list, w) {
					t.Errorf("list lacks %q:\n%s", w, list)
				}
			}
			// and a second time: nothing changes
			out = mustKith(t, db, "import", tt.path, "--format", tt.format)
			if tt.format != "json" && !strings.Contains(out, "0 added, 0 merged") {
				t.Errorf("second import:\n%s", out)
			}
			if list2 := mustKith(t, db, "list", "--json"); list2 != list {
				t.Errorf("second import changed the list:\n%s\n---\n%s", list, list2)
			}
		})
	}
}

func TestImportShowsWhatItDid(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Grace Hopper", "--org", "Navy", "--email", "GRACE@navy.example")
	out := mustKith(t, db, "import", "../../store/linkedin/testdata/Connections.csv")
	for _, want := range []string{
		"5 records read as linkedin (detected from the content)",
		"3 added, 1 merged, 1 skipped",
		"Grace Hopper → Grace Hopper, Navy (#1) (same e-mail grace@navy.example): role, 1 URL(s)",
		"Connections.csv:8: (no name): no name, e-mail or organisation",
		"Connections.csv:9: Connected On not a date is not a date",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	show := mustKith(t, db, "show", "Grace")
	if !strings.Contains(show, "https://www.linkedin.com/in/grace") {
		t.Errorf("show lacks the merged URL:\n%s", show)
	}
}

func TestImportDryRun(t *testing.T) {
	db := tempDB(t)
	out := mustKith(t, db, "import", "--dry-run", "../../store/vcard/testdata/v40.vcf")
	if !strings.Contains(out, "2 added, 0 merged, 0 skipped") || !strings.Contains(out, "dry run: nothing was written") {
		t.Errorf("dry run:\n%s", out)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a dry run created the database")
	}
}

func TestImportMalformedWritesNothing(t *testing.T) {
	tests := []struct{ path, format, want string }{
		{"../../store/vcard/testdata/truncated.vcf", "", "truncated.vcf:5: the card that starts here has no END:VCARD"},
		{"../../store/linkedin/testdata/wrong-columns.csv", "", "wrong-columns.csv:5: this row has a different number of fields"},
		{"../../store/googlecsv/testdata/truncated.csv", "", "truncated.csv:2: "},
		{"../../store/formats/testdata/unknown.txt", "", "cannot tell the format"},
		{"../../store/formats/testdata/plain.csv", "vcard", "plain.csv:1: no BEGIN:VCARD"},
		{"../../store/formats/testdata/no-such-file", "", "no such file"},
	}
	for _, tt := range tests {
		db := tempDB(t)
		mustKith(t, db, "add", "Existing")
		args := []string{"import", tt.path}
		if tt.format != "" {
			args = append(args, "--format", tt.format)
		}
		_, errs, code := kith(t, db, args...)
		if code != 1 || !strings.Contains(errs, tt.want) {
			t.Errorf("%s: exit %d, stderr %q; want 1 and %q", tt.path, code, errs, tt.want)
		}
		if fs, _ := store.New(db).Friends(); len(fs) != 1 {
			t.Errorf("%s: a failed import left %d friends, want 1", tt.path, len(fs))
		}
	}
}

func TestImportExportBadFlags(t *testing.T) {
	db := tempDB(t)
	for _, args := range [][]string{
		{"import"},
		{"import", "a", "b"},
		{"import", "x.vcf", "--format", "xml"},
		{"import", "../../store/vcard/testdata/vdir", "--format", "csv"},
		{"import", "x.vcf", "--bogus"},
		{"export", "--format", "xml"},
		{"export", "--format", "vcard", "--vcard-version", "2.1"},
		{"export", "--format", "json", "--vcard-version", "4.0"},
		{"export", "--format", "csv", "-o", t.TempDir() + "/"},
		{"export", "extra"},
	} {
		if _, errs, code := kith(t, db, args...); code != 2 {
			t.Errorf("kith %q: exit %d (%q), want 2", args, code, errs)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a usage error created the database")
	}
}

func TestExportVCard(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ada Lovelace", "--org", "Acme; Sons", "--role", "CTO", "--sector", "fintech", "--email", "ada@acme.io",
		"--phone", "+39 333", "--closeness", "5", "--worked-together", "--worked-note", "Acme 2019",
		"--boundary", "referral:her firm forbids it", "--busy", "Nov-Feb", "--note", "likes tea,\nand biscuits", "--channel", "signal")
	mustKith(t, db, "add", "Bob", "--url", "https://example.com/bob")
	mustKith(t, db, "edit", "Bob", "--archived")

	out := mustKith(t, db, "export", "--format", "vcard")
	for _, want := range []string{"BEGIN:VCARD\r\nVERSION:3.0\r\n", "FN:Ada Lovelace\r\n", "ORG:Acme\\; Sons\r\n", "EMAIL:ada@acme.io\r\n",
		"X-KITH-CLOSENESS:5\r\n", "X-KITH-BOUNDARY:referral:her firm forbids it\r\n", "X-KITH-BUSY:Nov-Feb\r\n", "X-KITH-ARCHIVED:true\r\n", "NOTE:likes tea\\,\\nand biscuits\r\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("vCard lacks %q:\n%s", want, out)
		}
	}
	if v4 := mustKith(t, db, "export", "--format", "vcard", "--vcard-version", "4.0"); !strings.Contains(v4, "VERSION:4.0\r\n") {
		t.Errorf("4.0 export:\n%s", v4)
	}

	// kith → vCard file → kith: the same friends, field for field
	file := filepath.Join(t.TempDir(), "all.vcf")
	mustKith(t, db, "export", "--format", "vcard", "-o", file)
	if fi, _ := os.Stat(file); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	db2 := tempDB(t)
	mustKith(t, db2, "import", file)
	a, _ := store.New(db).Friends()
	b, _ := store.New(db2).Friends()
	// each friend comes back with the UID it was written with, and its
	// name in the parts the card's N gave it
	for i := range a {
		uid, parts := vcard.UID(&a[i]), a[i].Parts()
		c := a[i].MakeContact()
		c.Card.UID, c.NameParts = uid, parts
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("kith → vCard → kith:\n%v\n%v", a, b)
	}

	// a vdir: one <uid>.vcf per friend, the same names on a second export
	dir := filepath.Join(t.TempDir(), "contacts") + "/"
	mustKith(t, db, "export", "--format", "vcard", "-o", dir)
	first, _ := filepath.Glob(dir + "*.vcf")
	mustKith(t, db, "export", "--format", "vcard", "-o", strings.TrimSuffix(dir, "/")) // an existing folder
	second, _ := filepath.Glob(dir + "*.vcf")
	if len(first) != 2 || fmt.Sprint(first) != fmt.Sprint(second) {
		t.Errorf("vdir files %v then %v, want the same 2", first, second)
	}
	for _, f := range first {
		if fi, _ := os.Stat(f); fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v, want 0600", f, fi.Mode().Perm())
		}
	}
	db3 := tempDB(t)
	mustKith(t, db3, "import", dir)
	// the vdir's files are read in name order: ids differ, UIDs stay
	if c, _ := store.New(db3).Friends(); len(c) == 2 {
		mustKith(t, db3, "export", "--format", "vcard", "-o", filepath.Join(t.TempDir(), "again")+"/")
		for _, f := range c {
			if _, err := os.Stat(filepath.Join(dir, vcard.UID(&f)+".vcf")); err != nil {
				t.Errorf("%s: the vdir it came from has no %s.vcf", f.Name, vcard.UID(&f))
			}
		}
	}
	if c, _ := store.New(db3).Friends(); !reflect.DeepEqual(byName(c), byName(a)) {
		t.Errorf("kith → vdir → kith:\n%v\n%v", a, c)
	}
}

func TestExportCSV(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ada, Countess", "--org", "Acme", "--email", "a@x.com", "--email", "b@x.com", "--note", "two\nlines")
	mustKith(t, db, "ask", "Ada", "--kind", "intro", "--at", "2026-11-01")
	out := mustKith(t, db, "export", "--format", "csv")
	lines := strings.SplitN(out, "\r\n", 2)
	if !strings.HasPrefix(lines[0], "Name,Organization,Role,E-mails,Phones,Sectors,Closeness,Worked together,Last ask,Notes") {
		t.Errorf("header = %q", lines[0])
	}
	if !strings.Contains(out, "\"Ada, Countess\",Acme,,a@x.com; b@x.com,,,3,no,2026-11-01,\"two\r\nlines\"") {
		t.Errorf("row:\n%s", out)
	}
}

func TestImportProgressCounter(t *testing.T) {
	var b strings.Builder
	for i := range progressThreshold + 1 {
		fmt.Fprintf(&b, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %d\r\nEND:VCARD\r\n", i)
	}
	file := filepath.Join(t.TempDir(), "many.vcf")
	os.WriteFile(file, []byte(b.String()), 0o600)
	db := tempDB(t)
	_, errs, code := kith(t, db, "import", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := fmt.Sprintf("kith: import: %d/%d written\n", progressThreshold+1, progressThreshold+1)
	if !strings.Contains(errs, "kith: import: 1000/") || !strings.HasSuffix(errs, want) {
		t.Errorf("stderr (not a terminal) lacks the plain counter:\n%s", errs)
	}
}

// byName sorts friends by name and forgets their ids: a vdir's files come
// in no particular order.
func byName(fs []store.Friend) []store.Friend {
	out := slices.Clone(fs)
	for i := range out {
		out[i].ID = 0
	}
	slices.SortFunc(out, func(a, b store.Friend) int { return strings.Compare(a.Name, b.Name) })
	return out
}
