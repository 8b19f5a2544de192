package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"kith/store"
)

// The asks screen's keys: the list's, the detail's and the outcome
// picker's.

// outcomes are the statuses the outcome picker offers.
var outcomes = [...]store.Status{store.StatusHelped, store.StatusDeclined, store.StatusNoResponse, store.StatusWithdrawn}

func (as *asksScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := as.c.keys
	if as.busy {
		return nil
	}
	as.err = ""
	if as.picking {
		return as.handlePickKey(msg)
	}
	if as.find.Typing() {
		changed, cmd := as.find.HandleKey(k, msg)
		if changed {
			as.setFind(as.find.Value())
		}
		return cmd
	}
	if !as.open && (as.dueFocus || key.Matches(msg, k.NextPane) && len(as.nudges) > 0) {
		if !as.dueFocus {
			as.dueFocus = true
			return nil
		}
		return as.handleDueKey(msg)
	}
	if as.open {
		if key.Matches(msg, k.Back) {
			as.closeDetail()
			return nil
		}
		if off, ok := k.scrollBy(msg, as.detailOff, as.h-1, as.detailMax()); ok {
			as.detailOff = off
			return nil
		}
		if !key.Matches(msg, k.Outcome) && !key.Matches(msg, k.Thank) && !key.Matches(msg, k.Favor) && !key.Matches(msg, k.NextNote) && !key.Matches(msg, k.Undo) && !key.Matches(msg, k.Compose) {
			return nil // the list keys wait until the ask is closed
		}
	}
	switch {
	case key.Matches(msg, k.ClearFilter) && as.findQ != "":
		as.find.Clear()
		as.setFind("")
	case key.Matches(msg, k.Back):
		return pop
	case key.Matches(msg, k.Filter):
		return as.find.Start(as.find.Value())
	case isMove(k, msg):
		d, _ := k.moveBy(msg, as.listRows()-1, len(as.shown))
		as.focusAt(as.cursor + d)
	case key.Matches(msg, k.StatusFilter):
		as.filter = nextFilter(as.filter)
		as.refilter(0)
	case key.Matches(msg, k.Undo):
		if same := as.same; same != "" {
			as.same = ""
			return peekUndoCmd(as.c, same)
		}
		return undoCmd(as.c)
	case key.Matches(msg, k.Compose):
		return as.resume()
	case key.Matches(msg, k.Open):
		if as.target() != nil {
			as.open, as.detail, as.detailErr, as.detailOff = true, nil, "", 0
			return as.loadDetail()
		}
	case key.Matches(msg, k.Outcome):
		if as.target() != nil {
			as.picking, as.pick = true, 0
			as.note.SetValue("")
			return as.note.Focus()
		}
	case key.Matches(msg, k.Thank):
		return as.thank()
	case key.Matches(msg, k.NextNote):
		return as.noteCmd()
	case key.Matches(msg, k.Favor):
		if r := as.target(); r != nil {
			_, fr := as.head(r)
			f := *fr
			return push(newFavorForm(as.c, &f))
		}
	}
	return nil
}

// closeDetail goes back to the list, where the focus moves on if its
// ask has left the filter.
func (as *asksScreen) closeDetail() {
	as.open, as.detail, as.detailErr = false, nil, ""
	as.placeFocus(as.cursor)
}

// closePicker closes the outcome picker, back to the detail or the list.
func (as *asksScreen) closePicker() {
	as.picking = false
	as.note.Blur()
	as.placeFocus(as.cursor)
}

func (as *asksScreen) handlePickKey(msg tea.KeyPressMsg) tea.Cmd {
	k := as.c.keys
	switch {
	case key.Matches(msg, k.Back):
		as.closePicker()
		return nil
	case key.Matches(msg, k.PickUp):
		as.pick = (as.pick + len(outcomes) - 1) % len(outcomes)
		return nil
	case key.Matches(msg, k.PickDown):
		as.pick = (as.pick + 1) % len(outcomes)
		return nil
	case key.Matches(msg, k.Open), key.Matches(msg, k.Save):
		return as.setOutcome(outcomes[as.pick], as.note.Value())
	}
	var cmd tea.Cmd
	as.note, cmd = as.note.Update(msg)
	return cmd
}

// loadDetail reads the ask in focus in full (topic, body, outcome).
func (as *asksScreen) loadDetail() tea.Cmd {
	r := as.focused()
	if r == nil {
		return nil
	}
	_, fr := as.head(r)
	id, fid, st := r.id, fr.ID, as.c.st
	return func() tea.Msg {
		a, err := readAsk(st, fid, id)
		return askDetailMsg{as: as, id: id, ask: a, err: err}
	}
}

// readAsk reads ask id, of friend fid, in full from fid's history
// (store.ErrNotFound if it is not there): for a command, never Update.
func readAsk(st Loader, fid, id uint64) (store.Ask, error) {
	asks, _, err := st.History(fid)
	if err != nil {
		return store.Ask{}, err
	}
	for _, a := range asks {
		if a.ID == id {
			return a, nil
		}
	}
	return store.Ask{}, store.ErrNotFound
}
