package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kith/store"
)

// tmuxKith builds kith and starts it in tmux at w×h on a database with
// Ada (an e-mail address) and a profile name, with env set before it.
func tmuxKith(t *testing.T, w, h int, env string) (*tmuxSession, string, string) {
	t.Helper()
	dir, bin := kithForTmux(t)
	db := filepath.Join(dir, "k.db")
	st := store.New(db)
	if err := st.Batch(testNow, func(tx *store.Tx) error {
		p := store.DefaultProfile()
		p.Name = "Sam"
		if err := tx.PutProfile(p); err != nil {
			return err
		}
		return tx.AddFriend(&store.Friend{Name: "Ada Lovelace", Org: "Acme", Emails: []string{"ada@acme.io"}})
	}); err != nil {
		t.Fatal(err)
	}
	s := &tmuxSession{t: t, socket: fmt.Sprintf("kith-test-%d-%d", os.Getpid(), time.Now().UnixNano()), name: "kith"}
	cmd := fmt.Sprintf("%s %s --db %s; echo EXITED $?; sleep 30", env, bin, db)
	if out, err := s.tmux("new-session", "-d", "-s", s.name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), cmd); err != nil {
		t.Fatalf("tmux new-session: %v: %s", err, out)
	}
	t.Cleanup(func() { s.tmux("kill-server") })
	return s, dir, db
}

// TestMailHandOffInTmux: ctrl+t in compose runs $KITH_MAILER (a fake
// mailer that keeps the file it is given) on the draft as a message, and
// y then marks the ask as sent.
func TestMailHandOffInTmux(t *testing.T) {
	dir := t.TempDir()
	mailer := filepath.Join(dir, "mailer")
	got := filepath.Join(dir, "got.eml")
	if err := os.WriteFile(mailer, []byte("#!/bin/sh\ncp \"$2\" "+got+"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	s, _, db := tmuxKith(t, 100, 30, "KITH_MAILER='"+mailer+" -H {file}'")
	s.waitFor("Ada Lovelace")
	s.keys("c")
	s.waitFor("for…")
	s.keys("Enter") // a chat, the kind the gate offers first
	s.waitFor("Subject")
	s.keys("C-t")
	s.waitFor("Sent it? y marks the ask sent")
	b, err := os.ReadFile(got)
	if err != nil {
		t.Fatalf("the mailer was not given the message: %v", err)
	}
	for _, want := range []string{"To: \"Ada Lovelace\" <ada@acme.io>\n", "Subject: A quick chat", "Content-Transfer-Encoding: 8bit\n\nHi Ada,", "Sam\n"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the message lacks %q:\n%s", want, b)
		}
	}
	s.keys("y")
	s.waitFor("as sent")
	asks, err := store.New(db).Asks()
	if err != nil || len(asks) != 1 || asks[0].Status != store.StatusSent {
		t.Errorf("after y: %+v (%v), want one sent ask", asks, err)
	}
	s.keys("q")
	if scr := s.waitFor("EXITED"); !strings.Contains(scr, "EXITED 0") {
		t.Errorf("kith did not exit cleanly:\n%s", scr)
	}
}

// TestMailtoHandOffInTmux: without $KITH_MAILER, ctrl+t opens a mailto:
// link with xdg-open (here a fake one on PATH that keeps its argument).
func TestMailtoHandOffInTmux(t *testing.T) {
	dir := t.TempDir()
	got := filepath.Join(dir, "link")
	if err := os.WriteFile(filepath.Join(dir, "xdg-open"), []byte("#!/bin/sh\nprintf %s \"$1\" > "+got+"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	s, _, _ := tmuxKith(t, 100, 30, "PATH='"+dir+":"+os.Getenv("PATH")+"'")
	s.waitFor("Ada Lovelace")
	s.keys("c")
	s.waitFor("for…")
	s.keys("Enter")
	s.waitFor("Subject")
	s.keys("C-t")
	s.waitFor("Sent it? y marks the ask sent")
	b, err := os.ReadFile(got)
	if err != nil {
		t.Fatalf("xdg-open was not run: %v", err)
	}
	if !strings.HasPrefix(string(b), "mailto:ada@acme.io?subject=A%20quick%20chat") || !strings.Contains(string(b), "&body=Hi%20Ada%2C%0D%0A%0D%0A") {
		t.Errorf("the link: %s", b)
	}
	s.keys("n")
	s.waitFor("Subject")
}

// TestMouseInTmux: xterm SGR mouse reports, as a terminal sends them: a
// click selects a row, a second click opens it, the wheel scrolls.
func TestMouseInTmux(t *testing.T) {
	s, _, db := tmuxKith(t, 80, 24, "")
	st := store.New(db)
	if err := st.Batch(testNow, func(tx *store.Tx) error {
		for i := range 40 {
			if err := tx.AddFriend(&store.Friend{Name: fmt.Sprintf("Friend %02d", i)}); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	s.waitFor("41 friends")
	s.waitFor("1/41")
	sgr := func(button, x, y int) string {
		return fmt.Sprintf("\x1b[<%d;%d;%dM\x1b[<%d;%d;%dm", button, x, y, button, x, y)
	}
	// Terminal rows count from 1: the header is row 1, the status 2, the
	// column heads 3, the first friend 4; the fourth is row 7.
	s.keys("-l", sgr(0, 10, 7))
	s.waitFor("4/41")
	s.keys("-l", "\x1b[<65;10;10M") // the wheel, down a notch
	s.waitFor("7/41")
	s.keys("-l", sgr(0, 10, 10)) // the selected row: open it
	s.waitFor("Readiness for")
}

// sgrClick is an xterm SGR report of a left click (press and release) at
// cell x, y counted from 0, as terminals count them from 1.
func sgrClick(x, y int) string {
	return fmt.Sprintf("\x1b[<0;%d;%dM\x1b[<0;%d;%dm", x+1, y+1, x+1, y+1)
}

// clickOn clicks dx cells into where text is on the screen.
func (s *tmuxSession) clickOn(text string, dx int) {
	s.t.Helper()
	for y, l := range strings.Split(s.screen(), "\n") {
		if i := strings.Index(l, text); i >= 0 {
			s.keys("-l", sgrClick(len([]rune(l[:i]))+dx, y))
			return
		}
	}
	s.t.Fatalf("%q is not on the screen:\n%s", text, s.screen())
}

// TestMouseInComposeAndDialogsInTmux: in a terminal, a click in compose's
// subject puts the cursor there, the wheel scrolls the body, and a click
// on a dialog's answer presses it.
func TestMouseInComposeAndDialogsInTmux(t *testing.T) {
	s, _, _ := tmuxKith(t, 80, 24, "")
	s.waitFor("Ada Lovelace")
	s.keys("d")
	s.waitFor("y yes · n no")
	s.clickOn("n no", 0)
	s.waitFor("1/1")
	if strings.Contains(s.screen(), "Archive Ada") {
		t.Fatalf("a click on n no left the question:\n%s", s.screen())
	}
	s.keys("c")
	s.waitFor("for…")
	s.keys("Enter")
	s.waitFor("A quick chat")
	s.clickOn("quick chat", 0)
	s.keys("-l", "X")
	s.waitFor("A Xquick chat")
	s.clickOn("Body ─", 0)
	s.keys("-l", strings.Repeat("\x1b[<65;10;12M", 8)) // the wheel, down eight notches
	s.waitFor("Sam")
}
