package store

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// A backup that fails leaves the old file byte for byte, and no
// temporary file beside it.
func TestFailedBackupKeepsOldFile(t *testing.T) {
	s := newStore(t)
	if err := addFriend(s, &Friend{Name: "A"}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "yesterday.db")
	old := []byte("yesterday's backup, the only copy")
	if err := os.WriteFile(out, old, 0o600); err != nil {
		t.Fatal(err)
	}
	holder, err := bolt.Open(s.Path(), 0o600, nil) // a writer holds the lock
	if err != nil {
		t.Fatal(err)
	}
	err = s.BackupFile(out, true)
	holder.Close()
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), out+" was left as it was") {
		t.Errorf("got %v, want ErrLocked saying the old file was kept", err)
	}
	if got, err := os.ReadFile(out); err != nil || !bytes.Equal(got, old) {
		t.Errorf("after a failed --force backup the file holds %q (%v), want the old bytes", got, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %v, want the old backup alone", entries)
	}

	missing := New(filepath.Join(t.TempDir(), "none.db"))
	if err := missing.BackupFile(out, true); !errors.Is(err, ErrNotFound) {
		t.Errorf("no database: got %v, want ErrNotFound", err)
	}
	if got, _ := os.ReadFile(out); !bytes.Equal(got, old) {
		t.Errorf("a backup of no database changed the file to %q", got)
	}

	if err := s.BackupFile(out, true); err != nil {
		t.Fatal(err)
	}
	if fs, err := New(out).Friends(); err != nil || len(fs) != 1 {
		t.Errorf("the new backup reads %v, %v; want one friend", fs, err)
	}
}

func TestBackupThroughLinksAndIntoDevices(t *testing.T) {
	s := newStore(t)
	if err := addFriend(s, &Friend{Name: "A"}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	link := filepath.Join(dir, "latest.db")
	if err := os.Symlink("kith-2026.db", link); err != nil {
		t.Fatal(err)
	}
	if err := s.BackupFile(link, false); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Lstat(link); info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link became %v", info.Mode())
	}
	if fs, err := New(filepath.Join(dir, "kith-2026.db")).Friends(); err != nil || len(fs) != 1 {
		t.Errorf("the link's target reads %v, %v; want one friend", fs, err)
	}
	if err := s.BackupFile(link, false); err == nil || !strings.Contains(err.Error(), "--force") {
		t.Errorf("a link to an existing backup: got %v, want a refusal naming --force", err)
	}

	// the database itself, by its name or through a link, is refused
	self := filepath.Join(dir, "self")
	os.Symlink(s.Path(), self)
	for _, p := range []string{s.Path(), self} {
		if err := s.BackupFile(p, true); err == nil || !strings.Contains(err.Error(), "the database itself") {
			t.Errorf("%s: got %v, want a refusal", p, err)
		}
	}
	if fs, err := s.Friends(); err != nil || len(fs) != 1 {
		t.Errorf("the database reads %v, %v after the refusals", fs, err)
	}

	before, _ := os.Lstat("/dev/null")
	if err := s.BackupFile("/dev/null", false); err != nil {
		t.Errorf("/dev/null without --force: %v (nothing in it is overwritten)", err)
	}
	after, _ := os.Lstat("/dev/null")
	if after.Mode()&fs.ModeCharDevice == 0 || after.Sys().(*syscall.Stat_t).Ino != before.Sys().(*syscall.Stat_t).Ino {
		t.Fatalf("/dev/null became %v", after.Mode())
	}
}
