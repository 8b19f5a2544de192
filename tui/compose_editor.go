package tui

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"kith/store"
)

// editorFileMsg: the body was written to path, in the private
// directory dir, for $EDITOR.
type editorFileMsg struct {
	cp        *composeScreen
	dir, path string
	err       error
}

// editorDoneMsg: the editor on path exited with err.
type editorDoneMsg struct {
	cp        *composeScreen
	dir, path string
	err       error
}

// editorReadMsg carries the body read back from the editor's file.
type editorReadMsg struct {
	cp   *composeScreen
	text string
	err  error
}

// maxEditorBytes caps the body read back from the editor: far above what
// the body holds (20,000 characters), far below trouble.
const maxEditorBytes = 1 << 20

// editorName is the user's editor command, "" when none is set.
func (cp *composeScreen) editorName() string {
	if e := strings.TrimSpace(cp.c.getenv("VISUAL")); e != "" {
		return e
	}
	return strings.TrimSpace(cp.c.getenv("EDITOR"))
}

// startEditor writes the body to a private temporary file (in a command).
func (cp *composeScreen) startEditor() tea.Cmd {
	if cp.editorName() == "" {
		return flash("No editor: set $EDITOR (e.g. export EDITOR=nano) to edit the body there. The draft is unchanged.", true)
	}
	body, tmp := editorText(cp.body.Value()), cp.c.getenv("TMPDIR")
	return func() tea.Msg {
		dir, path, err := writeEditorFile(tmp, body)
		return editorFileMsg{cp: cp, dir: dir, path: path, err: err}
	}
}

// editorText is the body as the editor's file holds it: ending in one
// newline, as a text file does (POSIX; vi warns of a file without one,
// and git diff marks it). Reading it back trims it again.
func editorText(body string) string {
	return strings.TrimRight(body, "\n") + "\n"
}

// writeEditorFile writes body to draft.txt in a directory of its own,
// made fresh (0700) under tmp ("" for the system's): no one else can
// plant or swap anything at its name.
func writeEditorFile(tmp, body string) (dir, path string, err error) {
	dir, err = os.MkdirTemp(tmp, "kith-draft-")
	if err != nil {
		return "", "", err
	}
	path = filepath.Join(dir, "draft.txt")
	if err := createPrivate(path, body); err != nil {
		os.RemoveAll(dir)
		return "", "", err
	}
	return dir, path, nil
}

// createPrivate writes body to a new file at path, mode 0600 whatever the
// umask. It never opens what is already there: a file, or a symlink
// planted at the name (dangling or not), makes it fail.
func createPrivate(path, body string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	err = f.Chmod(0o600)
	if err == nil {
		_, err = f.WriteString(body)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}

// readEditorFile reads the edited body back from path: a regular file
// (an editor may have replaced it, never with a link), at most
// maxEditorBytes.
func readEditorFile(path string) (string, error) {
	li, err := os.Lstat(path)
	if err != nil {
		return "", err
	}
	if !li.Mode().IsRegular() {
		return "", fmt.Errorf("%s is no longer a regular file", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !os.SameFile(li, fi) {
		return "", fmt.Errorf("%s changed while it was read", path)
	}
	b, err := io.ReadAll(io.LimitReader(f, maxEditorBytes+1))
	if err != nil {
		return "", err
	}
	if len(b) > maxEditorBytes {
		return "", fmt.Errorf("the edited body is over %d MB", maxEditorBytes>>20)
	}
	return string(b), nil
}

func (cp *composeScreen) handleEditorFile(msg editorFileMsg) tea.Cmd {
	if msg.err != nil {
		return flash("Cannot write a temporary file for the editor: "+msg.err.Error()+". The draft is unchanged.", true)
	}
	parts := strings.Fields(cp.editorName())
	if len(parts) == 0 {
		return removeCmd(msg.dir)
	}
	cmd := exec.Command(parts[0], append(parts[1:], msg.path)...)
	dir, path := msg.dir, msg.path
	return tea.ExecProcess(cmd, func(err error) tea.Msg { return editorDoneMsg{cp: cp, dir: dir, path: path, err: err} })
}

func (cp *composeScreen) handleEditorDone(msg editorDoneMsg) tea.Cmd {
	if msg.err != nil {
		return tea.Batch(removeCmd(msg.dir),
			flash("The editor ("+cp.editorName()+") failed: "+msg.err.Error()+". The draft is unchanged; check $EDITOR.", true))
	}
	dir, path := msg.dir, msg.path
	return func() tea.Msg {
		text, err := readEditorFile(path)
		os.RemoveAll(dir) // the file and whatever the editor left beside it
		return editorReadMsg{cp: cp, text: text, err: err}
	}
}

func (cp *composeScreen) handleEditorRead(msg editorReadMsg) tea.Cmd {
	if msg.err != nil {
		return flash("Cannot read the edited body back: "+msg.err.Error()+". The draft is unchanged.", true)
	}
	text := strings.TrimRight(store.CleanText(msg.text, true), "\n")
	cp.body.SetValue(text)
	cp.body.MoveToBegin()
	cp.recheck()
	return tea.Batch(cp.setFocus(fieldBody), flash("Read the body back from the editor.", false))
}

// removeCmd removes the editor's private directory dir.
func removeCmd(dir string) tea.Cmd {
	return func() tea.Msg {
		os.RemoveAll(dir)
		return nil
	}
}
