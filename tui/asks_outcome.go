package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"kith/store"
)

// The writes of the asks screen: an outcome (o) and a thank-you (t).

// setOutcome records status (and the note) on the ask in focus.
func (as *asksScreen) setOutcome(status store.Status, note string) tea.Cmd {
	r := as.target()
	if r == nil {
		return nil
	}
	id, now, st := r.id, as.c.now(), as.c.st
	note = store.CleanText(strings.TrimSpace(note), false)
	_, fr := as.head(r)
	name := clean(fr.Name)
	as.busy = true
	o := store.Outcome{Status: status}
	if note != "" {
		o.Note = &note // a blank note keeps the one recorded
	}
	return func() tea.Msg {
		var was, a store.Ask
		err := st.Batch(now, func(tx *store.Tx) (err error) {
			if was, err = tx.Ask(id); err != nil {
				return err
			}
			a, err = tx.RecordOutcome(id, o)
			return err
		})
		if err == nil && a.Status == was.Status && a.Outcome == was.Outcome && a.Thanked.Equal(was.Thanked) {
			same := "your " + string(a.Kind) + " ask to " + name + " was already marked " + string(status)
			return askChangedMsg{as: as, id: id, note: capitalize(same) + ": nothing changed.", same: same}
		}
		text := "Recorded: " + name + " " + outcomeWords(status) + "."
		if status == store.StatusHelped {
			text += " Say thank you (t marks it), and look for a way to help back."
		}
		return askChangedMsg{as: as, id: id, err: err, note: text}
	}
}

func outcomeWords(s store.Status) string {
	switch s {
	case store.StatusHelped:
		return "helped"
	case store.StatusDeclined:
		return "declined"
	case store.StatusNoResponse:
		return "did not answer"
	case store.StatusWithdrawn:
		return "— the ask is withdrawn"
	}
	return string(s)
}

// thank marks a thank-you sent for the ask in focus (store.Tx.Thank:
// only for an ask the friend helped with). Whether there is anything to
// thank for is decided on the stored ask, inside the write: the rows may
// not have caught up with an outcome just recorded.
func (as *asksScreen) thank() tea.Cmd {
	r := as.target()
	if r == nil {
		return nil
	}
	_, fr := as.head(r)
	id, now, st, name := r.id, as.c.now(), as.c.st, clean(fr.Name)
	as.busy = true
	return func() tea.Msg {
		var a store.Ask
		first := false
		err := st.Batch(now, func(tx *store.Tx) (err error) {
			a, first, err = tx.Thank(id, now)
			return err
		})
		note := "Noted the thank-you to " + name + "."
		if err == nil && !first {
			same := "you thanked " + name + " for this on " + date(a.Thanked) + " already"
			return askChangedMsg{as: as, id: id, note: capitalize(same) + ".", same: same}
		}
		return askChangedMsg{as: as, id: id, err: err, note: note}
	}
}
