package tui

import (
	"os"
	"os/exec"
	"strings"

	tea "charm.land/bubbletea/v2"

	"kith/store"
)

// editorFileMsg: the body was written to path for $EDITOR.
type editorFileMsg struct {
	cp   *composeScreen
	path string
	err  error
}

// editorDoneMsg: the editor on path exited with err.
type editorDoneMsg struct {
	cp   *composeScreen
	path string
	err  error
}

// editorReadMsg carries the body read back from the editor's file.
type editorReadMsg struct {
	cp   *composeScreen
	text string
	err  error
}

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
	body := cp.body.Value()
	return func() tea.Msg {
		f, err := os.CreateTemp("", "kith-draft-*.txt")
		if err != nil {
			return editorFileMsg{cp: cp, err: err}
		}
		path := f.Name()
		err = f.Chmod(0o600)
		if err == nil {
			_, err = f.WriteString(body)
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(path)
			return editorFileMsg{cp: cp, err: err}
		}
		return editorFileMsg{cp: cp, path: path}
	}
}

func (cp *composeScreen) handleEditorFile(msg editorFileMsg) tea.Cmd {
	if msg.err != nil {
		return flash("Cannot write a temporary file for the editor: "+msg.err.Error()+". The draft is unchanged.", true)
	}
	parts := strings.Fields(cp.editorName())
	if len(parts) == 0 {
		return removeCmd(msg.path)
	}
	cmd := exec.Command(parts[0], append(parts[1:], msg.path)...)
	path := msg.path
	return tea.ExecProcess(cmd, func(err error) tea.Msg { return editorDoneMsg{cp: cp, path: path, err: err} })
}

func (cp *composeScreen) handleEditorDone(msg editorDoneMsg) tea.Cmd {
	if msg.err != nil {
		return tea.Batch(removeCmd(msg.path),
			flash("The editor ("+cp.editorName()+") failed: "+msg.err.Error()+". The draft is unchanged; check $EDITOR.", true))
	}
	path := msg.path
	return func() tea.Msg {
		b, err := os.ReadFile(path)
		os.Remove(path)
		return editorReadMsg{cp: cp, text: string(b), err: err}
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

func removeCmd(path string) tea.Cmd {
	return func() tea.Msg {
		os.Remove(path)
		return nil
	}
}
