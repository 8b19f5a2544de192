package atomic

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// cards returns n files, card0.vcf …, the one numbered fail (if any)
// failing halfway through its content.
func cards(n, fail int) []File {
	fs := make([]File, n)
	for i := range fs {
		body := fmt.Sprintf("card %d", i)
		fs[i] = File{Name: fmt.Sprintf("card%d.vcf", i), Fill: text(body)}
		if i == fail {
			fs[i].Fill = func(w io.Writer) error {
				io.WriteString(w, "half a ca")
				return errors.New("boom")
			}
		}
	}
	return fs
}

// contents returns the files of dir and what each holds.
func contents(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		out[e.Name()] = read(t, filepath.Join(dir, e.Name()))
	}
	return out
}

// A missing or empty folder gets every file at once, through a folder
// beside it renamed onto it: an empty folder is a new one (another inode)
// with the mode it had, a missing one is made 0700, and nothing is left
// beside it.
func TestWriteFolderNew(t *testing.T) {
	parent := t.TempDir()
	missing := filepath.Join(parent, "missing")
	empty := filepath.Join(parent, "empty")
	os.Mkdir(empty, 0o750)
	os.Chmod(empty, 0o750)
	before := inode(t, empty)
	for _, dir := range []string{missing, empty} {
		n, err := WriteFolder(dir+"/", 0o600, cards(50, -1))
		if err != nil || n != 50 {
			t.Fatalf("WriteFolder(%s): %d, %v; want 50, nil", dir, n, err)
		}
		got := contents(t, dir)
		if len(got) != 50 || got["card7.vcf"] != "card 7" {
			t.Errorf("%s: got %d files, card7.vcf %q; want 50, \"card 7\"", dir, len(got), got["card7.vcf"])
		}
		if info, _ := os.Stat(filepath.Join(dir, "card7.vcf")); info.Mode().Perm() != 0o600 {
			t.Errorf("%s: card7.vcf mode %v, want 0600", dir, info.Mode().Perm())
		}
	}
	if inode(t, empty) == before {
		t.Error("the empty folder was filled in place, want a folder renamed onto it")
	}
	for dir, want := range map[string]os.FileMode{missing: 0o700, empty: 0o750} {
		if info, _ := os.Stat(dir); info.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", dir, info.Mode().Perm(), want)
		}
	}
	if l := leftovers(t, parent); len(l) > 0 {
		t.Errorf("left beside the folders: %v", l)
	}
}

// A fill that fails midway leaves a missing folder missing and an empty
// one empty, and nothing beside them: no half folder.
func TestWriteFolderFailsWhole(t *testing.T) {
	parent := t.TempDir()
	missing := filepath.Join(parent, "missing")
	empty := filepath.Join(parent, "empty")
	os.Mkdir(empty, 0o700)
	for _, dir := range []string{missing, empty} {
		n, err := WriteFolder(dir, 0o600, cards(200, 120))
		if err == nil || n != 0 {
			t.Errorf("WriteFolder(%s): %d, %v; want 0 and the fill's error", dir, n, err)
		}
	}
	if _, err := os.Lstat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the missing folder: %v, want it still missing", err)
	}
	if got := contents(t, empty); len(got) != 0 {
		t.Errorf("the empty folder holds %d files, want none", len(got))
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		t.Errorf("the parent holds %d entries, want only the empty folder", len(entries))
	}
}

// A folder that holds files is written file by file (WriteBatch): what it
// held stays, a card of the same name is replaced.
func TestWriteFolderWithFiles(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "mine.txt"), []byte("keep"), 0o600)
	os.WriteFile(filepath.Join(dir, "card3.vcf"), []byte("old"), 0o600)
	before := inode(t, dir)
	if n, err := WriteFolder(dir, 0o600, cards(5, -1)); err != nil || n != 5 {
		t.Fatalf("WriteFolder: %d, %v; want 5, nil", n, err)
	}
	got := contents(t, dir)
	if len(got) != 6 || got["mine.txt"] != "keep" || got["card3.vcf"] != "card 3" {
		t.Errorf("got %v, want mine.txt kept and card3.vcf replaced", got)
	}
	if inode(t, dir) != before {
		t.Error("a folder with files was replaced, want it written into")
	}
}

// A link to an empty folder is written through: the folder it names gets
// the files, and the link stays a link.
func TestWriteFolderThroughLink(t *testing.T) {
	parent := t.TempDir()
	target := filepath.Join(parent, "real")
	os.Mkdir(target, 0o700)
	link := filepath.Join(parent, "link")
	os.Symlink(target, link)
	if n, err := WriteFolder(link, 0o600, cards(3, -1)); err != nil || n != 3 {
		t.Fatalf("WriteFolder: %d, %v; want 3, nil", n, err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link: %v, %v; want a link still", info, err)
	}
	if got := contents(t, target); len(got) != 3 {
		t.Errorf("the linked folder holds %d files, want 3", len(got))
	}
}

// The empty folder kith runs in is written into, not replaced: the shell
// that ran it stays in a folder that exists.
func TestWriteFolderWorkingFolder(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	before := inode(t, dir)
	if n, err := WriteFolder(".", 0o600, cards(4, -1)); err != nil || n != 4 {
		t.Fatalf("WriteFolder: %d, %v; want 4, nil", n, err)
	}
	if inode(t, dir) != before {
		t.Error("the working folder was replaced, want it written into")
	}
	if got := contents(t, dir); len(got) != 4 {
		t.Errorf("the working folder holds %d files, want 4", len(got))
	}
}
