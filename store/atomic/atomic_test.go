package atomic

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func text(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func inode(t *testing.T, path string) uint64 {
	t.Helper()
	info, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Sys().(*syscall.Stat_t).Ino
}

// noTemps fails if dir holds anything but want.
func noTemps(t *testing.T, dir string, want ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if fmt.Sprint(names) != fmt.Sprint(want) {
		t.Errorf("%s holds %v, want %v (a temporary file left behind?)", dir, names, want)
	}
}

func TestRegularFileReplacedAtomically(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.vcf")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	old := inode(t, path)
	boom := errors.New("boom")
	err := WriteFile(path, 0o600, func(w io.Writer) error {
		io.WriteString(w, "half")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	if got := read(t, path); got != "old" {
		t.Errorf("after a failed write the file holds %q, want the old content", got)
	}
	noTemps(t, dir, "out.vcf")
	if err := WriteFile(path, 0o600, text("new")); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	if got := read(t, path); got != "new" || info.Mode().Perm() != 0o644 {
		t.Errorf("file = %q mode %v, want \"new\" with its mode kept, 0644", got, info.Mode().Perm())
	}
	if inode(t, path) == old {
		t.Error("the file was rewritten in place, not replaced by a rename")
	}
	noTemps(t, dir, "out.vcf")
}

func TestNewFileGetsPerm(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "new.json")
	if err := WriteFile(path, 0o600, text("x")); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 || read(t, path) != "x" {
		t.Errorf("mode %v content %q, want 0600 \"x\"", info.Mode().Perm(), read(t, path))
	}
	if err := WriteFile(filepath.Join(dir, "no", "such", "f"), 0o600, text("x")); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("a missing folder: got %v, want an error saying so", err)
	}
}

func TestSymlinksAreWrittenThrough(t *testing.T) {
	root := t.TempDir()
	data := filepath.Join(root, "data")
	links := filepath.Join(root, "links")
	os.Mkdir(data, 0o700)
	os.Mkdir(links, 0o700)
	target := filepath.Join(data, "kith.json")
	tests := []struct {
		name  string
		setup func(link string) // makes link point (eventually) at target
	}{
		{"absolute", func(link string) { os.Symlink(target, link) }},
		{"relative", func(link string) { os.Symlink("../data/kith.json", link) }},
		{"chain", func(link string) {
			os.Symlink("../data/hop", link)
			os.Symlink("kith.json", filepath.Join(data, "hop"))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.Remove(filepath.Join(data, "hop"))
			if err := os.WriteFile(target, []byte("old"), 0o640); err != nil {
				t.Fatal(err)
			}
			link := filepath.Join(links, tt.name)
			tt.setup(link)
			if err := WriteFile(link, 0o600, text("new "+tt.name)); err != nil {
				t.Fatal(err)
			}
			if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
				t.Errorf("the link became %v (%v), want it to stay a symlink", info.Mode(), err)
			}
			info, _ := os.Stat(target)
			if got := read(t, target); got != "new "+tt.name || info.Mode().Perm() != 0o640 {
				t.Errorf("target holds %q mode %v, want the new content and its mode 0640 kept", got, info.Mode().Perm())
			}
		})
	}
	noTemps(t, links, "absolute", "chain", "relative")
	noTemps(t, data, "hop", "kith.json")
}

// A relative link inside a folder reached through a symlink is read
// against the folder that really holds it: "../x" from real/sub is real/x.
func TestRelativeLinkInLinkedFolder(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "real", "sub"), 0o700)
	os.Symlink(filepath.Join(root, "real", "sub"), filepath.Join(root, "alias"))
	os.Symlink("../x", filepath.Join(root, "real", "sub", "link"))
	if err := WriteFile(filepath.Join(root, "alias", "link"), 0o600, text("through")); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(root, "real", "x")); got != "through" {
		t.Errorf("real/x holds %q, want \"through\"", got)
	}
	if _, err := os.Stat(filepath.Join(root, "x")); err == nil {
		t.Error("the link was read lexically (root/x written)")
	}
}

// A dangling link gets its target created (as the shell's > does), if the
// target's folder exists; otherwise it is an error and nothing is made.
func TestDanglingLink(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "link")
	os.Symlink("later.json", link)
	if err := WriteFile(link, 0o600, text("born")); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(filepath.Join(dir, "later.json"))
	if got := read(t, filepath.Join(dir, "later.json")); got != "born" || info.Mode().Perm() != 0o600 {
		t.Errorf("target %q mode %v, want \"born\" 0600", got, info.Mode().Perm())
	}
	if l, _ := os.Lstat(link); l.Mode()&fs.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
	nowhere := filepath.Join(dir, "nowhere")
	os.Symlink(filepath.Join(dir, "missing", "f.json"), nowhere)
	if err := WriteFile(nowhere, 0o600, text("x")); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("a link into a missing folder: got %v, want an error naming it", err)
	}
	loop := filepath.Join(dir, "loop")
	os.Symlink("loop", loop)
	if err := WriteFile(loop, 0o600, text("x")); err == nil {
		t.Error("a link loop was accepted")
	}
	noTemps(t, dir, "later.json", "link", "loop", "nowhere")
}

func TestFIFOWithReader(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	got := make(chan string)
	go func() {
		f, err := os.Open(fifo) // blocks until the writer opens
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	big := strings.Repeat("0123456789", 20000) // more than a pipe holds
	if err := write(fifo, 0o600, true, 10*time.Second, text(big)); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != big {
		t.Errorf("the reader got %d bytes, want %d", len(s), len(big))
	}
	if info, _ := os.Lstat(fifo); info.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the FIFO became %v", info.Mode())
	}
}

// A FIFO nobody reads is an error after the wait, not a hang, and stays a
// FIFO.
func TestFIFOWithoutReader(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- write(fifo, 0o600, true, 100*time.Millisecond, text("x")) }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "no reader") || !strings.Contains(err.Error(), "cat "+fifo) {
			t.Errorf("got %v, want an error saying no reader came and how to start one", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("the write hung on a FIFO without a reader") // a hang guard, not a timing budget
	}
	if info, _ := os.Lstat(fifo); info.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the FIFO became %v", info.Mode())
	}
	noTemps(t, dir, "pipe")
}

// /dev/null is written into, never replaced: it is still the same
// character device afterwards (this test runs as root in CI, where a
// rename over it would succeed).
func TestDevNullWrittenInto(t *testing.T) {
	before, err := os.Lstat("/dev/null")
	if err != nil || before.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is %v (%v) before the test", before, err)
	}
	bst := before.Sys().(*syscall.Stat_t)
	for _, fn := range []func(string, os.FileMode, func(io.Writer) error) error{WriteFile, CreateFile} {
		if err := fn("/dev/null", 0o600, text("discarded")); err != nil {
			t.Fatal(err)
		}
	}
	after, err := os.Lstat("/dev/null")
	if err != nil {
		t.Fatal(err)
	}
	ast := after.Sys().(*syscall.Stat_t)
	if after.Mode() != before.Mode() || ast.Ino != bst.Ino || ast.Rdev != bst.Rdev {
		t.Fatalf("/dev/null changed: mode %v → %v, inode %d → %d, rdev %d → %d", before.Mode(), after.Mode(), bst.Ino, ast.Ino, bst.Rdev, ast.Rdev)
	}
	// and through a link to it
	link := filepath.Join(t.TempDir(), "null")
	os.Symlink("/dev/null", link)
	if err := WriteFile(link, 0o600, text("x")); err != nil {
		t.Fatal(err)
	}
	if l, _ := os.Lstat(link); l.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link to /dev/null became %v", l.Mode())
	}
	if again, _ := os.Lstat("/dev/null"); again.Sys().(*syscall.Stat_t).Ino != bst.Ino || again.Mode()&fs.ModeCharDevice == 0 {
		t.Fatal("/dev/null changed when written through a link")
	}
}

// A stream of the process that is a regular file (stdout redirected with
// > or >>) is appended to through its descriptor, not replaced.
func TestProcessStreamAppended(t *testing.T) {
	path := filepath.Join(t.TempDir(), "redirected")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.WriteString("earlier output\n")
	ino := inode(t, path)
	if err := WriteFile(fmt.Sprintf("/proc/self/fd/%d", f.Fd()), 0o600, text("export\n")); err != nil {
		t.Fatal(err)
	}
	if got := read(t, path); got != "earlier output\nexport\n" || inode(t, path) != ino {
		t.Errorf("file holds %q (inode kept: %v), want the export appended in place", got, inode(t, path) == ino)
	}
}

func TestFoldersAndSocketsRefused(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{dir, dir + "/", filepath.Join(dir, "new") + "/"} {
		if err := WriteFile(p, 0o600, text("x")); err == nil || !strings.Contains(err.Error(), "folder") {
			t.Errorf("%s: got %v, want an error saying it names a folder", p, err)
		}
	}
	sock := filepath.Join(dir, "s")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if err := WriteFile(sock, 0o600, text("x")); err == nil || !strings.Contains(err.Error(), "socket") {
		t.Errorf("a socket: got %v, want an error saying so", err)
	}
	if info, _ := os.Lstat(sock); info.Mode()&fs.ModeSocket == 0 {
		t.Errorf("the socket became %v", info.Mode())
	}
	noTemps(t, dir, "s")
}

func TestCreateFileNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "b.db")
	if err := CreateFile(path, 0o600, text("first")); err != nil {
		t.Fatal(err)
	}
	if err := CreateFile(path, 0o600, text("second")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("got %v, want ErrExist", err)
	}
	link := filepath.Join(dir, "link")
	os.Symlink("b.db", link)
	if err := CreateFile(link, 0o600, text("third")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("through a link: got %v, want ErrExist", err)
	}
	if got := read(t, path); got != "first" {
		t.Errorf("file holds %q, want \"first\"", got)
	}
	noTemps(t, dir, "b.db", "link")
}
