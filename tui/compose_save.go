package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"kith/policy"
	"kith/store"
)

// The compose screen's saving: the ask stored as a draft or as sent,
// and what is missing before it can be.

// clipboardText is what ctrl+y copies.
func (cp *composeScreen) clipboardText() string { return cp.stored() }

// save records the ask with status (draft, or sent now) in a command
// (store.Tx.SaveDraft: a new draft, or the words of this one, which must
// still be a draft).
func (cp *composeScreen) save(status store.Status, leave bool) tea.Cmd {
	now := cp.c.now()
	a := store.Ask{
		ID: cp.askID, FriendID: cp.friend.ID, Kind: cp.req.Kind,
		Topic:  store.CleanText(strings.TrimSpace(cp.topic.Value()), false),
		Sector: cp.req.Sector, Org: cp.req.Org,
		Body:   store.CleanText(cp.stored(), true),
		Status: status,
	}
	cp.busy = true
	st := cp.c.st
	return func() tea.Msg {
		err := st.Batch(now, func(tx *store.Tx) error { return tx.SaveDraft(&a) })
		return composeSavedMsg{cp: cp, ask: a, err: err, leave: leave}
	}
}

func (cp *composeScreen) handleSaved(msg composeSavedMsg) tea.Cmd {
	cp.busy = false
	if msg.err != nil {
		cp.err = "not saved: " + msg.err.Error()
		cp.stage = stageEdit
		return nil
	}
	cp.askID, cp.created = msg.ask.ID, msg.ask.Created
	cp.markSaved()
	name := clean(policy.FirstName(&cp.friend))
	if msg.ask.Status == store.StatusSent {
		return tea.Batch(pop, reload, func() tea.Msg { return selectMsg{id: cp.friend.ID} },
			flash("Marked your "+string(cp.req.Kind)+" ask to "+name+" as sent; A shows it, and kith will nudge a follow-up in 7 days.", false))
	}
	if msg.leave {
		return tea.Batch(pop, reload, flash("Saved the draft to "+name+"; c on "+name+" continues it.", false))
	}
	return tea.Batch(reload, flash("Saved the draft to "+name+".", false))
}

// missShort is a checklist item's name in the question ctrl+o asks.
func missShort(code string) string {
	switch code {
	case policy.CheckAcknowledge:
		return "acknowledgement"
	case policy.CheckHelpBack:
		return "help back"
	}
	return code // intent, blurb, questions, out, placeholder
}

// missing is the short names of the checklist items the body misses.
func (cp *composeScreen) missing() []string {
	var out []string
	for i, r := range cp.list {
		if cp.missed[i] {
			out = append(out, missShort(r.Code))
		}
	}
	return out
}
