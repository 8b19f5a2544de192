package main

import (
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Every file kith writes follows package atomic's rules; these run the
// real verbs on each kind of path.

func TestExportThroughSymlink(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ada")
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "sync"), 0o700)
	target := filepath.Join(dir, "sync", "kith.json")
	os.WriteFile(target, []byte("old"), 0o644)
	link := filepath.Join(dir, "kith.json")
	os.Symlink("sync/kith.json", link)
	for _, format := range []string{"json", "csv", "vcard"} {
		mustKith(t, db, "export", "--format", format, "-o", link)
		if info, _ := os.Lstat(link); info.Mode()&fs.ModeSymlink == 0 {
			t.Fatalf("%s: the link became %v", format, info.Mode())
		}
		b, _ := os.ReadFile(target)
		if !strings.Contains(string(b), "Ada") {
			t.Errorf("%s: the target holds %q, want the export", format, b)
		}
		if info, _ := os.Stat(target); info.Mode().Perm() != 0o644 {
			t.Errorf("%s: the target's mode became %v, want its 0644 kept", format, info.Mode().Perm())
		}
	}
}

func TestExportIntoFIFO(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ada")
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	got := make(chan []byte)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- nil
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- b
	}()
	mustKith(t, db, "export", "-o", fifo)
	var snap map[string]any
	if err := json.Unmarshal(<-got, &snap); err != nil || snap["friends"] == nil {
		t.Errorf("the reader got no export: %v", err)
	}
	if info, _ := os.Lstat(fifo); info.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the FIFO became %v", info.Mode())
	}
}

// /dev/null is written into, never replaced (these tests run as root in
// CI, where replacing it would succeed).
func TestExportToDevNull(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ada")
	before, err := os.Lstat("/dev/null")
	if err != nil || before.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is %v (%v) before the test", before, err)
	}
	ino := before.Sys().(*syscall.Stat_t).Ino
	for _, args := range [][]string{
		{"export", "-o", "/dev/null"},
		{"export", "--format", "csv", "-o", "/dev/null"},
		{"export", "--format", "vcard", "-o", "/dev/null"},
		{"backup", "/dev/null"},
		{"backup", "/dev/null", "--force"},
	} {
		if _, errs, code := kith(t, db, args...); code != 0 {
			t.Errorf("kith %v: exit %d, %s", args, code, errs)
		}
		after, err := os.Lstat("/dev/null")
		if err != nil || after.Mode() != before.Mode() || after.Sys().(*syscall.Stat_t).Ino != ino {
			t.Fatalf("kith %v changed /dev/null: %v → %v (%v)", args, before.Mode(), after.Mode(), err)
		}
	}
}

func TestExportToStdoutAndFolders(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ada")
	if out := mustKith(t, db, "export", "-o", "/dev/stdout"); !strings.Contains(out, `"name": "Ada"`) {
		t.Errorf("-o /dev/stdout printed %q, want the export on standard output", out)
	}
	dir := t.TempDir()
	for _, args := range [][]string{
		{"export", "-o", dir},
		{"export", "--format", "csv", "-o", dir},
		{"export", "-o", dir + "/"},
	} {
		if _, errs, code := kith(t, db, args...); code != 2 || !strings.Contains(errs, "is a folder") {
			t.Errorf("kith %v: exit %d, %q; want 2 saying it is a folder", args, code, errs)
		}
	}
	if _, errs, code := kith(t, db, "backup", dir); code != 1 || !strings.Contains(errs, "it is a folder") || !strings.Contains(errs, "nothing was written") {
		t.Errorf("backup to a folder: exit %d, %q; want 1 saying it is a folder", code, errs)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the folder got %v", entries)
	}
}

// The vCard folder writer follows the same rules for each card: a card
// that is a symlink is written through.
func TestExportVdirThroughLinkedCard(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ada")
	dir := filepath.Join(t.TempDir(), "vdir")
	mustKith(t, db, "export", "--format", "vcard", "-o", dir+"/")
	cards, _ := filepath.Glob(filepath.Join(dir, "*.vcf"))
	if len(cards) != 1 {
		t.Fatalf("cards %v, want 1", cards)
	}
	elsewhere := filepath.Join(t.TempDir(), "ada.vcf")
	os.Rename(cards[0], elsewhere)
	os.Symlink(elsewhere, cards[0])
	mustKith(t, db, "edit", "Ada", "--org", "Acme")
	mustKith(t, db, "export", "--format", "vcard", "-o", dir)
	if info, _ := os.Lstat(cards[0]); info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the linked card became %v", info.Mode())
	}
	if b, _ := os.ReadFile(elsewhere); !strings.Contains(string(b), "ORG:Acme") {
		t.Errorf("the link's target was not updated:\n%s", b)
	}
}
