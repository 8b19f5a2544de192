package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kith/store"
)

// TestEditorFileIsPrivate: the body goes to a fresh 0600 file in a fresh
// 0700 directory under $TMPDIR; a link swapped in for it is not read
// back, and the directory goes, with what the editor left in it.
func TestEditorFileIsPrivate(t *testing.T) {
	tmp := t.TempDir()
	env := map[string]string{"EDITOR": "true", "TMPDIR": tmp}
	m := composeModel(t, 100, 30)
	m.c.getenv = func(k string) string { return env[k] }
	cp := openCompose(t, m, 0, store.KindIntro)
	before := cp.body.Value()

	msgs := collect(press(m, "ctrl+e"))
	if len(msgs) != 1 {
		t.Fatalf("ctrl+e gave %v, want the temporary file", msgs)
	}
	fm, ok := msgs[0].(editorFileMsg)
	if !ok || fm.err != nil {
		t.Fatalf("ctrl+e gave %#v", msgs[0])
	}
	if fm.dir != filepath.Dir(fm.path) || filepath.Dir(fm.dir) != tmp {
		t.Fatalf("file %s in %s, want it alone in a directory of its own under %s", fm.path, fm.dir, tmp)
	}
	di, err := os.Lstat(fm.dir)
	if err != nil || !di.IsDir() || di.Mode().Perm() != 0o700 {
		t.Fatalf("directory %s: %v, mode %v, want a 0700 directory", fm.dir, err, di.Mode())
	}
	fi, err := os.Lstat(fm.path)
	if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm() != 0o600 {
		t.Fatalf("file %s: %v, mode %v, want a regular 0600 file", fm.path, err, fi.Mode())
	}
	// The body, ending in one newline as a text file does.
	if b, _ := os.ReadFile(fm.path); string(b) != strings.TrimRight(before, "\n")+"\n" || strings.HasSuffix(string(b), "\n\n") {
		t.Errorf("the file holds %q, want the body and a final newline", b)
	}

	// the editor's leftovers, and the file swapped for a link to a secret
	secret := filepath.Join(tmp, "secret")
	if err := os.WriteFile(secret, []byte("hunter2"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(fm.dir, ".draft.txt.swp"), []byte("swap"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(fm.path); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, fm.path); err != nil {
		t.Fatal(err)
	}
	msgs = follow(t, m, cp.handleEditorDone(editorDoneMsg{cp: cp, dir: fm.dir, path: fm.path}))
	if !hasFlash(msgs, "Cannot read the edited body back") || cp.body.Value() != before || strings.Contains(cp.body.Value(), "hunter2") {
		t.Errorf("a link at the file's name: %v, body %q, want it refused and the body kept", msgs, cp.body.Value())
	}
	if _, err := os.Lstat(fm.dir); !os.IsNotExist(err) {
		t.Errorf("the directory %s was left behind (%v)", fm.dir, err)
	}
	if b, err := os.ReadFile(secret); err != nil || string(b) != "hunter2" {
		t.Errorf("the link's target: %q, %v, want it untouched", b, err)
	}
}

// TestCreatePrivateNeverOpensWhatIsThere: a file or a symlink (dangling
// or not) at the name makes the create fail, and nothing is written
// through it.
func TestCreatePrivateNeverOpensWhatIsThere(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target")
	nowhere := filepath.Join(dir, "nowhere")
	if err := os.WriteFile(target, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	plants := map[string]func(path string) error{
		"symlink":          func(p string) error { return os.Symlink(target, p) },
		"dangling symlink": func(p string) error { return os.Symlink(nowhere, p) },
		"file":             func(p string) error { return os.WriteFile(p, []byte("old"), 0o644) },
	}
	for name, plant := range plants {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-"))
		if err := plant(path); err != nil {
			t.Fatal(err)
		}
		before, _ := os.Lstat(path)
		if err := createPrivate(path, "body"); err == nil {
			t.Errorf("%s at the name: created, want an error", name)
		}
		after, err := os.Lstat(path)
		if err != nil || after.Mode() != before.Mode() || after.Size() != before.Size() {
			t.Errorf("%s at the name: now %v (%v), want it as it was", name, after, err)
		}
	}
	if b, _ := os.ReadFile(target); string(b) != "keep" {
		t.Errorf("the symlink's target holds %q, want it untouched", b)
	}
	if _, err := os.Lstat(nowhere); !os.IsNotExist(err) {
		t.Errorf("the dangling symlink's target was created (%v)", err)
	}
	// a fresh name: created 0600, whatever was asked of the umask
	path := filepath.Join(dir, "fresh")
	if err := createPrivate(path, "body"); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
}

// TestReadEditorFileCapped: a body over maxEditorBytes is refused rather
// than read whole.
func TestReadEditorFileCapped(t *testing.T) {
	path := filepath.Join(t.TempDir(), "draft.txt")
	if err := os.WriteFile(path, make([]byte, maxEditorBytes+1), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := readEditorFile(path); err == nil || !strings.Contains(err.Error(), "over 1 MB") {
		t.Errorf("err = %v, want the body refused as over 1 MB", err)
	}
}
