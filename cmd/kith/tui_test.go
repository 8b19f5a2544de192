package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kith/store"
)

// tmuxSession drives the real kith binary in a detached tmux session on a
// private socket.
type tmuxSession struct {
	t      *testing.T
	socket string
	name   string
}

func (s *tmuxSession) tmux(args ...string) (string, error) {
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	return string(out), err
}

func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	if out, err := s.tmux(append([]string{"send-keys", "-t", s.name}, keys...)...); err != nil {
		s.t.Fatalf("tmux send-keys %v: %v: %s", keys, err, out)
	}
}

func (s *tmuxSession) screen() string {
	out, _ := s.tmux("capture-pane", "-p", "-t", s.name)
	return out
}

// waitFor polls the screen until it holds want, or fails after 10 s.
func (s *tmuxSession) waitFor(want string) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		scr := s.screen()
		if strings.Contains(scr, want) {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("the screen never showed %q; it shows:\n%s", want, scr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// kithForTmux builds kith into a fresh folder for a test that runs it in
// tmux, and returns both; without tmux it fails in CI (which installs it)
// and skips elsewhere.
func kithForTmux(t *testing.T) (dir, bin string) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is not installed: .ci/run installs it (apt-get install tmux); this end-to-end test needs it")
		}
		t.Skip("tmux is not installed (apt-get install tmux); this end-to-end test needs it")
	}
	dir = t.TempDir()
	bin = filepath.Join(dir, "kith")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return dir, bin
}

// TestTUIInTmux runs kith with no verb in a real terminal: the list, the
// add form, a write by another process showing up, a resize down to a
// few cells, and q restoring the shell.
func TestTUIInTmux(t *testing.T) {
	dir, bin := kithForTmux(t)
	db := filepath.Join(dir, "k.db")
	st := store.New(db)
	if err := st.Batch(testNow, func(tx *store.Tx) error {
		return tx.AddFriend(&store.Friend{Name: "Ada Lovelace", Org: "Analytical Engines", Sectors: []string{"math"}})
	}); err != nil {
		t.Fatal(err)
	}
	s := &tmuxSession{t: t, socket: fmt.Sprintf("kith-test-%d", os.Getpid()), name: "kith"}
	if out, err := s.tmux("new-session", "-d", "-s", s.name, "-x", "100", "-y", "30", bin+" --db "+db+"; echo EXITED $?; sleep 30"); err != nil {
		t.Fatalf("tmux new-session: %v: %s", err, out)
	}
	t.Cleanup(func() { s.tmux("kill-server") })

	scr := s.waitFor("Ada Lovelace")
	if !strings.Contains(scr, "Analytical Engines") || !strings.Contains(scr, "1 friend") {
		t.Errorf("the first screen lacks the org or the count:\n%s", scr)
	}

	s.keys("a")
	s.waitFor("Add a friend")
	s.keys("Grace Hopper", "C-s")
	s.waitFor("Added Grace Hopper")

	// another process writes: the list shows it within about a second
	if err := st.Batch(testNow, func(tx *store.Tx) error { return tx.AddFriend(&store.Friend{Name: "Linus Pauling"}) }); err != nil {
		t.Fatal(err)
	}
	s.waitFor("Linus Pauling")
	s.waitFor("3 friends")

	for _, size := range [][2]string{{"20", "5"}, {"1", "1"}, {"80", "24"}} {
		if out, err := s.tmux("resize-window", "-t", s.name, "-x", size[0], "-y", size[1]); err != nil {
			t.Fatalf("resize to %sx%s: %v: %s", size[0], size[1], err, out)
		}
		time.Sleep(150 * time.Millisecond)
	}
	s.waitFor("Grace Hopper")

	s.keys("q")
	scr = s.waitFor("EXITED")
	if !strings.Contains(scr, "EXITED 0") {
		t.Errorf("kith did not exit cleanly:\n%s", scr)
	}
	if bytes.Contains([]byte(scr), []byte("panic")) {
		t.Errorf("a panic on screen:\n%s", scr)
	}
}

// TestTUIDetectsColoursOnce: inside tmux, the colour profile costs a run
// of `tmux info` (lipgloss's, as the process starts); the TUI reuses it
// rather than running it again before its first frame.
func TestTUIDetectsColoursOnce(t *testing.T) {
	dir, bin := kithForTmux(t)
	real, err := exec.LookPath("tmux")
	if err != nil {
		t.Fatal(err)
	}
	wrap := filepath.Join(dir, "wrap")
	log := filepath.Join(dir, "tmux.log")
	if err := os.MkdirAll(wrap, 0o755); err != nil {
		t.Fatal(err)
	}
	script := fmt.Sprintf("#!/bin/sh\necho \"$@\" >> %q\nexec %q \"$@\"\n", log, real)
	if err := os.WriteFile(filepath.Join(wrap, "tmux"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "k.db")
	if err := store.New(db).Batch(testNow, func(tx *store.Tx) error {
		return tx.AddFriend(&store.Friend{Name: "Ada Lovelace"})
	}); err != nil {
		t.Fatal(err)
	}
	s := &tmuxSession{t: t, socket: fmt.Sprintf("kith-colours-%d", os.Getpid()), name: "kith"}
	cmd := fmt.Sprintf("PATH=%s:$PATH %s --db %s; sleep 30", wrap, bin, db)
	if out, err := s.tmux("new-session", "-d", "-s", s.name, "-x", "80", "-y", "24", cmd); err != nil {
		t.Fatalf("tmux new-session: %v: %s", err, out)
	}
	t.Cleanup(func() { s.tmux("kill-server") })
	s.waitFor("Ada Lovelace")
	s.keys("q")
	got, err := os.ReadFile(log)
	if err != nil {
		t.Fatalf("kith never ran tmux (the wrapper's log: %v)", err)
	}
	if n := strings.Count(string(got), "info"); n != 1 {
		t.Errorf("kith ran `tmux info` %d times before its first frame, want once:\n%s", n, got)
	}
}
