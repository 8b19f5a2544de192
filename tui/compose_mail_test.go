package tui

import (
	"errors"
	"mime"
	"net/mail"
	"net/url"
	"os"
	"strings"
	"testing"

	"kith/store"
)

func TestMailMessageIsRFC5322(t *testing.T) {
	msg := mailMessage("Zoë Kamińska", "zoe@acme.io", "Un caffè?", "Ciao Zoë,\n\nhai tempo?\n\n")
	want := "To: =?utf-8?q?Zo=C3=AB_Kami=C5=84ska?= <zoe@acme.io>\n" +
		"Subject: =?utf-8?q?Un_caff=C3=A8=3F?=\n" +
		"MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" +
		"Ciao Zoë,\n\nhai tempo?\n"
	if msg != want {
		t.Errorf("message:\n%q\nwant\n%q", msg, want)
	}
	// A mail reader reads it back as it was meant.
	m, err := mail.ReadMessage(strings.NewReader(msg))
	if err != nil {
		t.Fatal(err)
	}
	to, err := mail.ParseAddress(m.Header.Get("To"))
	subj, _ := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if err != nil || to.Name != "Zoë Kamińska" || to.Address != "zoe@acme.io" || subj != "Un caffè?" {
		t.Errorf("read back: to %v (%v), subject %q", to, err, subj)
	}
}

func TestMailtoURL(t *testing.T) {
	got := mailtoURL("ada@acme.io", "A chat & a coffee?", "Hi Ada,\nfree on Friday?")
	want := "mailto:ada@acme.io?subject=A%20chat%20%26%20a%20coffee%3F&body=Hi%20Ada%2C%0D%0Afree%20on%20Friday%3F"
	if got != want {
		t.Errorf("mailto:\n%s\nwant\n%s", got, want)
	}
	u, err := url.Parse(got)
	if err != nil || u.Query().Get("body") != "Hi Ada,\r\nfree on Friday?" || u.Query().Get("subject") != "A chat & a coffee?" {
		t.Errorf("the link does not parse back: %v %v", u, err)
	}
}

func TestMailerArgs(t *testing.T) {
	if got := strings.Join(mailerArgs("neomutt -H {file}", "/t/d.eml"), " "); got != "neomutt -H /t/d.eml" {
		t.Errorf("neomutt: %q", got)
	}
	if got := strings.Join(mailerArgs("aerc", "/t/d.eml"), " "); got != "aerc /t/d.eml" {
		t.Errorf("aerc with no {file}: %q", got)
	}
}

// ctrl+t with $KITH_MAILER: a private message file, the mailer run on
// it, then the offer to mark the ask as sent.
func TestComposeHandsTheDraftToTheMailer(t *testing.T) {
	fs, asks := composeFriends()
	fs[0].Emails = []string{"ada@acme.io"}
	m := storeModel(t, 100, 30, composeProfile(), fs, asks)
	tmp := t.TempDir()
	env := map[string]string{"KITH_MAILER": "neomutt -H {file}", "TMPDIR": tmp}
	m.c.getenv = func(k string) string { return env[k] }
	cp := openCompose(t, m, 0, store.KindChat)
	msgs := collect(press(m, "ctrl+t"))
	if len(msgs) != 1 {
		t.Fatalf("ctrl+t gave %v, want the message file", msgs)
	}
	fm, ok := msgs[0].(mailFileMsg)
	if !ok || fm.err != nil {
		t.Fatalf("ctrl+t gave %#v", msgs[0])
	}
	fi, err := os.Lstat(fm.path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("message file %s: %v mode %v, want 0600", fm.path, err, fi.Mode())
	}
	b, _ := os.ReadFile(fm.path)
	parsed, err := mail.ReadMessage(strings.NewReader(string(b)))
	if err != nil || parsed.Header.Get("To") != "\"Ada Alvarez\" <ada@acme.io>" || parsed.Header.Get("Subject") != strings.TrimSpace(cp.subject.Value()) {
		t.Errorf("the message file:\n%s\n(%v)", b, err)
	}
	if cmd := cp.handleMailFile(fm); cmd == nil {
		t.Fatal("no command runs the mailer")
	}
	// The mailer failed: said, nothing marked, the file gone.
	msgs = collect(cp.handleMailDone(mailDoneMsg{cp: cp, dir: fm.dir, via: "neomutt", err: errors.New("exit status 1")}))
	if !hasFlash(msgs, "Could not hand the draft to neomutt") || cp.stage != stageEdit {
		t.Errorf("a failed mailer: %v, stage %d", msgs, cp.stage)
	}
	if _, err := os.Stat(fm.dir); !os.IsNotExist(err) {
		t.Error("the message file was left behind")
	}
	// It worked: the offer, and y marks the ask as sent.
	fm = collect(press(m, "ctrl+t"))[0].(mailFileMsg)
	follow(t, m, cp.handleMailDone(mailDoneMsg{cp: cp, dir: fm.dir, via: "neomutt"}))
	if !strings.Contains(plain(m), "Handed over. Sent it? y marks the ask sent · n not yet") {
		t.Fatalf("no offer to mark it sent:\n%s", plain(m))
	}
	follow(t, m, press(m, "y"))
	if a := storedAsks(t, m, 1); len(a) != 1 || a[0].Status != store.StatusSent {
		t.Errorf("after y: %+v, want the ask sent", a)
	}
}

func TestComposeMailNeedsAnAddress(t *testing.T) {
	m := composeModel(t, 100, 30)
	openCompose(t, m, 0, store.KindChat)
	if msgs := collect(press(m, "ctrl+t")); !hasFlash(msgs, "has no e-mail address") {
		t.Errorf("ctrl+t without an address: %v", msgs)
	}
}
