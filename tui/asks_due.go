package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"kith/policy"
	"kith/store"
)

// The due list above the asks is a pane of its own: tab moves the focus
// into it and back; ↑/↓ choose a nudge, and each leads to its action:
// enter (or m) the follow-up or thank-you note, o the outcome of its ask,
// f a favor for the friend (what "help back" asks for).

// dueShown is how many nudges the due list shows at once: its lines
// less the title.
func (as *asksScreen) dueShown() int { return max(as.nudgeLines()-1, 0) }

// dueWindow is the nudges drawn, from the list's scroll, and how many
// are left below them: when not all fit, the last line says "…N more".
func (as *asksScreen) dueWindow() (first, n, more int) {
	rows := as.dueShown()
	if len(as.nudges) <= rows {
		return 0, len(as.nudges), 0
	}
	rows = max(rows-1, 1) // a line for "…N more"
	as.dueOff = keepInView(as.dueCur, as.dueOff, rows, len(as.nudges))
	return as.dueOff, rows, len(as.nudges) - as.dueOff - rows
}

// handleDueKey handles a key while the due list has the focus.
func (as *asksScreen) handleDueKey(msg tea.KeyPressMsg) tea.Cmd {
	k := as.c.keys
	if len(as.nudges) == 0 {
		as.dueFocus = false
		return nil
	}
	as.dueCur = min(as.dueCur, len(as.nudges)-1)
	nu := as.nudges[as.dueCur]
	switch {
	case key.Matches(msg, k.Back), key.Matches(msg, k.NextPane):
		as.dueFocus = false
	case isMove(k, msg):
		d, _ := k.moveBy(msg, as.dueShown(), len(as.nudges))
		as.dueCur = max(min(as.dueCur+d, len(as.nudges)-1), 0)
	case key.Matches(msg, k.Open), key.Matches(msg, k.NextNote):
		switch nu.Kind {
		case policy.NudgeFollowUp, policy.NudgeThank:
			if f := as.friendByID(nu.FriendID); f != nil {
				return as.noteCmdFor(*f, nu.AskID)
			}
		case policy.NudgeHelpBack:
			return as.favorFor(nu.FriendID)
		default:
			as.err = clean(nu.Message) // a birthday: nothing to draft, only to remember
		}
	case key.Matches(msg, k.Favor):
		return as.favorFor(nu.FriendID)
	case key.Matches(msg, k.Outcome):
		if nu.AskID == 0 {
			as.err = "this is not about an ask: f logs a favor for " + clean(nu.Friend)
			return nil
		}
		if !as.focusAsk(nu.AskID) {
			as.err = "that ask is not in the list yet: try again in a moment"
			return nil
		}
		as.dueFocus = false
		as.picking, as.pick = true, 0
		as.note.SetValue("")
		return as.note.Focus()
	}
	return nil
}

// focusAsk puts the list's focus on ask id, showing every ask if the
// filter hides it; false when the list does not have it.
func (as *asksScreen) focusAsk(id uint64) bool {
	find := func() int {
		for p, i := range as.shown {
			if as.rows[i].id == id {
				return p
			}
		}
		return -1
	}
	p := find()
	if p < 0 && as.filter != filterAll {
		as.filter = filterAll
		as.refilter(0)
		p = find()
	}
	if p < 0 {
		return false
	}
	as.focusAt(p)
	return true
}

// friendByID is the friend with id in the dataset, nil when gone.
func (as *asksScreen) friendByID(id uint64) *store.Friend {
	for i := range as.d.friends {
		if as.d.friends[i].ID == id {
			return &as.d.friends[i]
		}
	}
	as.err = "this friend is no longer in the database (changed elsewhere)"
	return nil
}

// favorFor opens the favor form for friend id.
func (as *asksScreen) favorFor(id uint64) tea.Cmd {
	f := as.friendByID(id)
	if f == nil {
		return nil
	}
	c := *f
	return push(newFavorForm(as.c, &c))
}
