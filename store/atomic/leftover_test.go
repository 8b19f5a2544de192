package atomic

import (
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
)

// leftover makes the folder a killed export to dir would leave, with a
// card in it, and returns its path.
func leftover(t *testing.T, dir, digits string) string {
	t.Helper()
	path := filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+".tmp-"+digits)
	if err := os.Mkdir(path, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(path, "card0.vcf"), []byte("BEGIN:VCARD"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// A folder a killed export left beside the target, which nobody holds
// locked, is removed by the next export to that target, whether the
// target is missing (a first export again) or holds files.
func TestWriteFolderRemovesLeftovers(t *testing.T) {
	for _, tc := range []struct {
		name    string
		prepare func(t *testing.T, dir string)
	}{
		{"missing", func(*testing.T, string) {}},
		{"with files", func(t *testing.T, dir string) {
			if err := os.Mkdir(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "mine.vcf"), []byte("x"), 0o600); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			tc.prepare(t, dir)
			old := leftover(t, dir, "12345")
			older := leftover(t, dir, "678")
			if n, err := WriteFolder(dir, 0o600, cards(3, -1)); err != nil || n != 3 {
				t.Fatalf("WriteFolder: %d, %v; want 3, nil", n, err)
			}
			for _, p := range []string{old, older} {
				if exists(p) {
					t.Errorf("%s is still there, want it removed", p)
				}
			}
			if got := contents(t, dir)["card2.vcf"]; got != "card 2" {
				t.Errorf("card2.vcf holds %q, want %q", got, "card 2")
			}
		})
	}
}

// A folder another export is filling (it holds the lock) stays, and so
// does anything that is not such a folder: other names, a file of that
// name, a name whose end is not MkdirTemp's digits.
func TestWriteFolderKeepsWhatIsNotALeftover(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "out")
	live := leftover(t, dir, "999")
	f, err := os.Open(live)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	keep := []string{live}
	for _, name := range []string{".other.tmp-1", ".out.tmp-", ".out.tmp-12x", "out.tmp-1"} {
		p := filepath.Join(root, name)
		if err := os.Mkdir(p, 0o700); err != nil {
			t.Fatal(err)
		}
		keep = append(keep, p)
	}
	file := filepath.Join(root, ".out.tmp-42")
	if err := os.WriteFile(file, []byte("not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}
	keep = append(keep, file)
	if _, err := WriteFolder(dir, 0o600, cards(2, -1)); err != nil {
		t.Fatal(err)
	}
	for _, p := range keep {
		if !exists(p) {
			t.Errorf("%s was removed, want it kept", p)
		}
	}
	if got := read(t, filepath.Join(live, "card0.vcf")); got != "BEGIN:VCARD" {
		t.Errorf("the live folder's card holds %q, want it untouched", got)
	}
}

// Exports to one target at once each hold their own folder: none removes
// another's as a leftover, all succeed, and nothing is left beside it.
func TestWriteFolderConcurrentExports(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "out")
	var wg sync.WaitGroup
	errs := make([]error, 6)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = WriteFolder(dir, 0o600, cards(200, -1))
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("export %d: %v", i, err)
		}
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "out" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("beside the target: %q, want only out", names)
	}
	if got := len(contents(t, dir)); got != 200 {
		t.Errorf("out holds %d files, want 200", got)
	}
}
