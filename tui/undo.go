package tui

import (
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
