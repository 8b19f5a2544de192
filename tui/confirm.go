package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"kith/store"
)

// archivedMsg reports how an archive (or restore) went.
type archivedMsg struct {
	dialog *confirmScreen
	err    error
	note   string
}

// confirmScreen asks a yes/no question; yes runs a command.
type confirmScreen struct {
	c        *common
	question string
	onYes    func(*confirmScreen) tea.Cmd
	running  bool
	err      string
	w, h     int
}

// newArchiveConfirm asks before archiving fr, or restoring it if archived.
func newArchiveConfirm(c *common, fr *store.Friend) *confirmScreen {
	name, id, restore := clean(fr.Name), fr.ID, fr.Archived
	q := "Archive " + name + "? They will be hidden from the list (H shows archived friends); nothing is deleted."
	if restore {
		q = "Restore " + name + " from the archive?"
	}
	return &confirmScreen{c: c, question: q, onYes: func(d *confirmScreen) tea.Cmd {
		st, now := c.st, c.now()
		return func() tea.Msg {
			err := st.Batch(now, func(tx *store.Tx) error {
				_, err := tx.SetArchived(id, !restore)
				return err
			})
			note := "Archived " + name + "."
			if restore {
				note = "Restored " + name + "."
			}
			return archivedMsg{dialog: d, err: err, note: note}
		}
	}}
}

// Init does nothing.
func (d *confirmScreen) Init() tea.Cmd { return nil }

// SetSize sets the dialog's area.
func (d *confirmScreen) SetSize(w, h int) { d.w, d.h = max(w, 0), max(h, 0) }

// Capturing is true: y and n are answers, q is not quit.
func (d *confirmScreen) Capturing() bool { return true }

// Unsaved is false: a question holds nothing typed.
func (d *confirmScreen) Unsaved() bool { return false }

// Update handles y/n and the result.
func (d *confirmScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return d, d.handleKey(msg)
	case archivedMsg:
		return d, d.handleDone(msg)
	case clickMsg:
		// the answers are buttons
		k := d.c.keys
		if i, ok := buttonAt(d.View(), msg.x, msg.y, "y yes", "n no"); ok {
			return d, d.handleKey(keyFor(pick(i, k.Yes, k.No)))
		}
	}
	return d, nil
}

func (d *confirmScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := d.c.keys
	if d.running {
		return nil
	}
	switch {
	case key.Matches(msg, k.Yes):
		d.running = true
		return d.onYes(d)
	case key.Matches(msg, k.No):
		return pop
	}
	return nil
}

func (d *confirmScreen) handleDone(msg archivedMsg) tea.Cmd {
	if msg.dialog != d {
		return nil
	}
	d.running = false
	if msg.err != nil {
		d.err = msg.err.Error()
		return nil
	}
	return tea.Batch(pop, reload, flash(msg.note, false))
}

// View renders the question in a box in the middle.
func (d *confirmScreen) View() string {
	if d.w <= 0 || d.h <= 0 {
		return ""
	}
	s := d.c.styles
	bw := min(d.w, 60)
	inner := max(bw-4, 1)
	lines := wrap(d.question, inner)
	lines = append(lines, "")
	if d.err != "" {
		for _, l := range wrap(clean(d.err), inner) {
			lines = append(lines, s.FieldErr.Render(l))
		}
	}
	if d.running {
		lines = append(lines, s.FormHint.Render("working…"))
	} else {
		lines = append(lines, s.FormHint.Render("y yes · n no"))
	}
	box := strings.Join(lines, "\n")
	if d.w >= 8 && d.h >= len(lines)+2 {
		box = s.Dialog.Width(bw).Render(box)
	}
	return lipgloss.Place(d.w, d.h, lipgloss.Center, lipgloss.Center, box)
}

// ShortHelp is the footer's help.
func (d *confirmScreen) ShortHelp() []key.Binding {
	k := d.c.keys
	return []key.Binding{k.Yes, withHelp(k.No, "n/esc", "no")}
}

// FullHelp is the same as the short help.
func (d *confirmScreen) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }
