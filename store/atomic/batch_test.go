package atomic

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// leftovers returns the temporary files left in dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*"))
	return m
}

func TestWriteBatch(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "b.vcf"), []byte("old"), 0o644)
	os.Chmod(filepath.Join(dir, "b.vcf"), 0o644)
	elsewhere := filepath.Join(t.TempDir(), "c-target.vcf")
	os.WriteFile(elsewhere, []byte("old c"), 0o600)
	os.Symlink(elsewhere, filepath.Join(dir, "c.vcf"))
	n, err := WriteBatch(dir, 0o600, []File{{"a.vcf", text("new a")}, {"b.vcf", text("new b")}, {"c.vcf", text("new c")}}, nil)
	if err != nil || n != 3 {
		t.Fatalf("WriteBatch: %d, %v", n, err)
	}
	if got := read(t, filepath.Join(dir, "a.vcf")); got != "new a" {
		t.Errorf("a.vcf = %q", got)
	}
	if got := read(t, filepath.Join(dir, "b.vcf")); got != "new b" {
		t.Errorf("b.vcf = %q", got)
	}
	if info, _ := os.Stat(filepath.Join(dir, "a.vcf")); info.Mode().Perm() != 0o600 {
		t.Errorf("a.vcf mode %v, want 0600", info.Mode().Perm())
	}
	if info, _ := os.Stat(filepath.Join(dir, "b.vcf")); info.Mode().Perm() != 0o644 {
		t.Errorf("b.vcf mode %v, want the 0644 it had", info.Mode().Perm())
	}
	if got := read(t, elsewhere); got != "new c" {
		t.Errorf("the link's target = %q, want it written through", got)
	}
	if info, _ := os.Lstat(filepath.Join(dir, "c.vcf")); info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link became %v", info.Mode())
	}
	if l := leftovers(t, dir); len(l) > 0 {
		t.Errorf("temporary files left: %v", l)
	}
}

func TestWriteBatchFailsWhole(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files func(dir string) []File
	}{
		{"a fill fails", func(string) []File {
			return []File{{"a.vcf", text("new a")}, {"b.vcf", func(io.Writer) error { return errors.New("boom") }}}
		}},
		{"a folder in the way", func(dir string) []File {
			os.Mkdir(filepath.Join(dir, "b.vcf"), 0o700)
			return []File{{"a.vcf", text("new a")}, {"b.vcf", text("new b")}}
		}},
		{"a path, not a name", func(string) []File {
			return []File{{"a.vcf", text("new a")}, {"../b.vcf", text("new b")}}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "a.vcf"), []byte("old a"), 0o600)
			n, err := WriteBatch(dir, 0o600, tc.files(dir), nil)
			if err == nil || n != 0 {
				t.Fatalf("WriteBatch: %d, %v; want an error and nothing renamed", n, err)
			}
			if got := read(t, filepath.Join(dir, "a.vcf")); got != "old a" {
				t.Errorf("a.vcf = %q, want it untouched", got)
			}
			if l := leftovers(t, dir); len(l) > 0 {
				t.Errorf("temporary files left: %v", l)
			}
		})
	}
}

// A crash between the renames (played by after's error) leaves each
// file old or whole and new, and no temporary file once WriteBatch
// returns.
func TestWriteBatchStopsBetweenRenames(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a.vcf", "b.vcf", "c.vcf"} {
		os.WriteFile(filepath.Join(dir, n), []byte("old"), 0o600)
	}
	stop := errors.New("crash")
	n, err := WriteBatch(dir, 0o600, []File{{"a.vcf", text("new")}, {"b.vcf", text("new")}, {"c.vcf", text("new")}},
		func(i int) error {
			if i == 1 {
				return stop
			}
			return nil
		})
	if !errors.Is(err, stop) || n != 2 {
		t.Fatalf("WriteBatch: %d, %v; want 2 and the crash", n, err)
	}
	var got []string
	for _, n := range []string{"a.vcf", "b.vcf", "c.vcf"} {
		got = append(got, read(t, filepath.Join(dir, n)))
	}
	if strings.Join(got, " ") != "new new old" {
		t.Errorf("files %v, want new new old", got)
	}
	if l := leftovers(t, dir); len(l) > 0 {
		t.Errorf("temporary files left: %v", l)
	}
}

func TestRemoveBatch(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.vcf"), []byte("a"), 0o600)
	if err := RemoveBatch(dir, []string{"a.vcf", "gone.vcf"}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "a.vcf")); !os.IsNotExist(err) {
		t.Errorf("a.vcf still there: %v", err)
	}
	if err := RemoveBatch(dir, []string{"../x"}); err == nil {
		t.Error("a path was accepted as a name")
	}
}
