package tui

import (
	"errors"
	"mime"
	"net/mail"
	"net/url"
	"os"
	"os/exec"
	"runtime"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// The mail hand-off: ctrl+t gives the draft to the user's mail client with
// To, Subject and body filled in, and once the client took it, offers to
// mark the ask as sent. With $KITH_MAILER set (e.g. "neomutt -H {file}",
// "aerc {file}"... any command; {file} is the message, else it goes last)
// the draft is written as an RFC 5322 message to a private file (as the
// $EDITOR file is: a fresh 0700 directory, a new 0600 file) and the
// mailer runs in the terminal; without it, a mailto: link (RFC 6068) goes
// to xdg-open (open on macOS).

// mailFileMsg: the message was written to path in dir for the mailer.
type mailFileMsg struct {
	cp        *composeScreen
	dir, path string
	err       error
}

// mailDoneMsg: the mailer (or the opener of the mailto: link) exited.
type mailDoneMsg struct {
	cp  *composeScreen
	dir string // the message's directory, removed after; "" for mailto
	via string // what took the draft, for the messages
	err error
}

// mailMessage is the draft as an RFC 5322 message: To, Subject (encoded
// words when not ASCII), a UTF-8 plain-text body. Lines end in LF, as the
// draft files mutt -H and aerc read do.
func mailMessage(name, addr, subject, body string) string {
	to := (&mail.Address{Name: name, Address: addr}).String()
	var b strings.Builder
	b.WriteString("To: " + to + "\n")
	b.WriteString("Subject: " + mime.QEncoding.Encode("utf-8", subject) + "\n")
	b.WriteString("MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n")
	b.WriteString(strings.TrimRight(body, "\n") + "\n")
	return b.String()
}

// mailtoURL is the draft as a mailto: link (RFC 6068): the address, and
// the subject and body percent-encoded, line breaks as %0D%0A.
func mailtoURL(addr, subject, body string) string {
	enc := func(s string) string {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "\r\n")
		return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
	}
	return "mailto:" + url.PathEscape(addr) + "?subject=" + enc(subject) + "&body=" + enc(body)
}

// opener is the program that opens a link on this system.
func opener() string {
	if runtime.GOOS == "darwin" {
		return "open"
	}
	return "xdg-open"
}

// mailerArgs is the $KITH_MAILER command for the message file path.
func mailerArgs(mailer, path string) []string {
	parts := strings.Fields(mailer)
	found := false
	for i, p := range parts {
		if strings.Contains(p, "{file}") {
			parts[i], found = strings.ReplaceAll(p, "{file}", path), true
		}
	}
	if !found {
		parts = append(parts, path)
	}
	return parts
}

// startMail hands the draft over: the file for $KITH_MAILER, or the
// mailto: link.
func (cp *composeScreen) startMail() tea.Cmd {
	if len(cp.friend.Emails) == 0 {
		return flash(clean(cp.friend.Name)+" has no e-mail address: add one (e on the list) to hand the draft to your mail client, or copy it with ctrl+y.", true)
	}
	addr, subject, body := cp.friend.Emails[0], strings.TrimSpace(cp.subject.Value()), cp.body.Value()
	if mailer := strings.TrimSpace(cp.c.getenv("KITH_MAILER")); mailer != "" {
		msg, tmp := mailMessage(cp.friend.Name, addr, subject, body), cp.c.getenv("TMPDIR")
		return func() tea.Msg {
			dir, path, err := writeMailFile(tmp, msg)
			return mailFileMsg{cp: cp, dir: dir, path: path, err: err}
		}
	}
	link, open := mailtoURL(addr, subject, body), opener()
	return func() tea.Msg {
		err := exec.Command(open, link).Run()
		return mailDoneMsg{cp: cp, via: open, err: err}
	}
}

// writeMailFile writes msg to draft.eml alone in a fresh private
// directory under tmp (see writeEditorFile).
func writeMailFile(tmp, msg string) (dir, path string, err error) {
	dir, err = os.MkdirTemp(tmp, "kith-mail-")
	if err != nil {
		return "", "", err
	}
	path = dir + string(os.PathSeparator) + "draft.eml"
	if err := createPrivate(path, msg); err != nil {
		os.RemoveAll(dir)
		return "", "", err
	}
	return dir, path, nil
}

func (cp *composeScreen) handleMailFile(msg mailFileMsg) tea.Cmd {
	if msg.err != nil {
		return flash("Cannot write the message file for $KITH_MAILER: "+msg.err.Error()+".", true)
	}
	mailer := strings.TrimSpace(cp.c.getenv("KITH_MAILER"))
	args := mailerArgs(mailer, msg.path)
	dir, via := msg.dir, strings.Fields(mailer)[0]
	return tea.ExecProcess(exec.Command(args[0], args[1:]...), func(err error) tea.Msg {
		return mailDoneMsg{cp: cp, dir: dir, via: via, err: err}
	})
}

// handleMailDone asks to mark the ask as sent once the client took the
// draft, or says what failed.
func (cp *composeScreen) handleMailDone(msg mailDoneMsg) tea.Cmd {
	var cmd tea.Cmd
	if msg.dir != "" {
		cmd = removeCmd(msg.dir)
	}
	if msg.err != nil {
		what := msg.err.Error()
		if errors.Is(msg.err, exec.ErrNotFound) {
			what = "it is not installed"
		}
		hint := "check $KITH_MAILER"
		if msg.dir == "" {
			hint = "set $KITH_MAILER (e.g. export KITH_MAILER='neomutt -H {file}'), or copy the draft with ctrl+y"
		}
		return tea.Batch(cmd, flash("Could not hand the draft to "+msg.via+": "+what+"; "+hint+". Nothing was marked.", true))
	}
	cp.stage = stageMailed
	return cmd
}

// mailedQuestion is what compose asks after the hand-off.
func (cp *composeScreen) mailedQuestion() string {
	return "Handed over. Sent it? y marks the ask sent · n not yet"
}
