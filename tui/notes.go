package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"kith/policy"
	"kith/store"
)

// noteScreen shows the next note of an ask, drafted by policy.DraftStage
// (the same as kith draft --follow-up, --thank-you, --close-loop): a
// follow-up, a thank-you or closing the loop, to copy and send.
type noteScreen struct {
	c     *common
	title string
	msg   policy.Message
	off   int
	w, h  int
}

// noteMsg carries the drafted note of ask id for the asks screen as, or
// why there is none.
type noteMsg struct {
	as   *asksScreen
	id   uint64
	note *noteScreen
	err  string
}

// stageTitle is how the note screen names a stage.
func stageTitle(s policy.Stage) string {
	switch s {
	case policy.StageFollowUp:
		return "Follow-up"
	case policy.StageThankYou:
		return "Thank-you"
	}
	return "Closing the loop"
}

// noteCmd reads the history of the ask in focus and drafts its next
// note (policy.NextStage), in a command: the read is I/O.
func (as *asksScreen) noteCmd() tea.Cmd {
	r := as.target()
	if r == nil {
		return nil
	}
	_, fr := as.head(r)
	return as.noteCmdFor(*fr, r.id)
}

// noteCmdFor drafts the next note of ask id to friend f.
func (as *asksScreen) noteCmdFor(f store.Friend, id uint64) tea.Cmd {
	if as.c.templates == nil {
		as.err = "the draft templates are still being read: try again in a moment"
		return nil
	}
	p, st, now, tmpl, c := as.d.profile, as.c.st, as.c.now(), as.c.templates, as.c
	return func() tea.Msg {
		asks, favors, err := st.History(f.ID)
		if err != nil {
			return noteMsg{as: as, id: id, err: "cannot read the ask: " + errText(err)}
		}
		for i := range asks {
			a := &asks[i]
			if a.ID != id {
				continue
			}
			stage, ok := policy.NextStage(a)
			if !ok {
				return noteMsg{as: as, id: id, err: "nothing to write for this ask now: it is " + string(a.Status) + noteHint(a)}
			}
			m, err := policy.DraftStage(p, &f, a, stage, policy.PastOf(asks, favors, now), tmpl)
			if err != nil {
				return noteMsg{as: as, id: id, err: errText(err)}
			}
			title := stageTitle(stage) + " to " + clean(f.Name) + " (" + string(a.Kind) + ", ask " + strconv.FormatUint(a.ID, 10) + ")"
			return noteMsg{as: as, id: id, note: &noteScreen{c: c, title: title, msg: m}}
		}
		return noteMsg{as: as, id: id, err: "cannot read the ask: " + errText(store.ErrNotFound)}
	}
}

func noteHint(a *store.Ask) string {
	if a.Status == store.StatusHelped {
		return ", thanked, and its loop needs no closing"
	}
	return ""
}

// Init does nothing: the note is drafted.
func (n *noteScreen) Init() tea.Cmd { return nil }

// SetSize sets the screen's area.
func (n *noteScreen) SetSize(w, h int) { n.w, n.h = max(w, 0), max(h, 0) }

// Capturing is false: nothing is typed here.
func (n *noteScreen) Capturing() bool { return false }

// Unsaved is false: the note is drafted again whenever it is opened.
func (n *noteScreen) Unsaved() bool { return false }

// Update copies the note, scrolls it, and goes back.
func (n *noteScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return n, nil
	}
	k := n.c.keys
	switch {
	case key.Matches(km, k.Back):
		return n, pop
	case key.Matches(km, k.Copy):
		return n, tea.Batch(tea.SetClipboard("Subject: "+n.msg.Subject+"\n\n"+n.msg.Body),
			flash("Copied the subject and body to the clipboard (through the terminal, OSC 52).", false))
	}
	if off, ok := k.scrollBy(km, n.off, n.h-3, max(len(n.lines())-(n.h-3), 0)); ok {
		n.off = off
	}
	return n, nil
}

// lines is the note as the screen wraps it.
func (n *noteScreen) lines() []string {
	return wrap(clean("Subject: "+n.msg.Subject)+"\n\n"+store.CleanText(strings.TrimRight(n.msg.Body, "\n"), true), max(n.w, 1))
}

// View draws the title, then the note from its scroll.
func (n *noteScreen) View() string {
	if n.w <= 0 || n.h <= 0 {
		return ""
	}
	s := n.c.styles
	out := []string{s.Section.Render(trunc(n.title, n.w)), ""}
	ls := n.lines()
	if n.off < len(ls) {
		ls = ls[n.off:]
	}
	out = append(out, ls...)
	return clip(strings.Join(out, "\n"), n.w, n.h)
}

// ShortHelp is the footer's help.
func (n *noteScreen) ShortHelp() []key.Binding {
	k := n.c.keys
	return []key.Binding{k.Copy, k.Down, k.Back}
}

// FullHelp is the same as the short help.
func (n *noteScreen) FullHelp() [][]key.Binding { return [][]key.Binding{n.ShortHelp()} }
