package tui

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"kith/store"
)

// undoCmd takes back the last outcome, thank-you, mark-as-sent or archive
// (store.Tx.Undo, whose record is in the database: `kith undo` and `u`
// take back each other's changes), then says what it did, or why there
// was nothing to undo, and reloads.
func undoCmd(c *common) tea.Cmd {
	st, now := c.st, c.now()
	return func() tea.Msg {
		var u store.Undone
		err := st.Batch(now, func(tx *store.Tx) (err error) {
			u, err = tx.Undo()
			return err
		})
		if err != nil {
			return undoneMsg{text: capitalize(errText(err)), err: true}
		}
		return undoneMsg{text: u.String()}
	}
}

// undoneMsg reports an undo: the root shows text and reloads.
type undoneMsg struct {
	text string
	err  bool
}

// errPeek rolls back peekUndoCmd's transaction.
var errPeek = errors.New("only a look at what undo would take back")

// peekUndoCmd answers u after a change that changed nothing (same, what
// it found: "your chat ask to Ada was already marked helped"): there is
// nothing of it to undo, and the change u would take back, if any, is
// another one, which it names without taking it back; a second u does.
// What u would take back is Tx.Undo's to decide: it runs in a transaction
// rolled back, so the rule stays in one place.
func peekUndoCmd(c *common, same string) tea.Cmd {
	st, now := c.st, c.now()
	return func() tea.Msg {
		var u store.Undone
		err := st.Batch(now, func(tx *store.Tx) (err error) {
			if u, err = tx.Undo(); err == nil {
				err = errPeek
			}
			return err
		})
		text := "Nothing to undo: " + same + ", so nothing changed."
		switch {
		case errors.Is(err, errPeek):
			verb := "undo"
			if u.Redo {
				verb = "redo"
			}
			text += fmt.Sprintf(" The last change you can %s is %s, made at %s: press u again to %s it.", verb, undoneWhat(&u), u.At.Local().Format("15:04"), verb)
		case errors.Is(err, store.ErrNothingToUndo):
			text += " There is no other change to undo either (" + errText(err) + ")."
		default:
			return flashMsg{text: capitalize(errText(err)), err: true}
		}
		return flashMsg{text: text}
	}
}

// undoneWhat names the change Undo would take back: "the outcome of your
// intro ask to Cy Chen (ask 3)", "the archive of Ada Alvarez".
func undoneWhat(u *store.Undone) string {
	if u.Ask == nil {
		return "the " + u.What + " of " + clean(u.Friend.Name)
	}
	return fmt.Sprintf("the %s of your %s ask to %s (ask %d)", u.What, u.Ask.Kind, clean(u.Friend.Name), u.Ask.ID)
}
