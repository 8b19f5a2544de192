package tui

import (
	tea "charm.land/bubbletea/v2"

	"kith/policy"
	"kith/store"
)

// resumeMsg carries a saved draft, read in full, to continue in compose.
type resumeMsg struct {
	as  *asksScreen
	ask store.Ask
	err error
}

// resume reads the draft in focus (c on the asks screen) to continue it
// in compose; only a draft can be continued.
func (as *asksScreen) resume() tea.Cmd {
	r := as.target()
	if r == nil {
		return nil
	}
	if r.status != store.StatusDraft {
		as.err = "only a draft can be continued in compose, and this ask is " + string(r.status) + "; o records its outcome"
		return nil
	}
	_, fr := as.head(r)
	id, fid, st := r.id, fr.ID, as.c.st
	return func() tea.Msg {
		a, err := readAsk(st, fid, id)
		return resumeMsg{as: as, ask: a, err: err}
	}
}

// handleResume opens compose on the draft, under today's verdict for its
// request: a hold is asked through (the draft was begun), a block is not.
func (as *asksScreen) handleResume(msg resumeMsg) tea.Cmd {
	if msg.err != nil {
		as.err = "cannot read the draft: " + errText(msg.err)
		return nil
	}
	a := msg.ask
	fi := as.d.index(a.FriendID)
	if fi < 0 {
		as.err = "this draft's friend is no longer in the database"
		return nil
	}
	req := policy.Request{Kind: a.Kind, Sector: a.Sector, Org: a.Org, Topic: a.Topic}
	req.Sole = as.d.places.Sole(req, &as.d.friends[fi])
	v := policy.Evaluate(subjectOf(as.d, fi), req, as.d.profile.Settings, as.c.now())
	if v.Level == policy.Block {
		msg := "this draft now crosses a line"
		if len(v.Reasons) > 0 {
			msg += ": " + v.Reasons[0].Message
		}
		as.err = msg
		return nil
	}
	return push(newCompose(as.c, as.d, fi, req, v, v.Level == policy.Hold, &a))
}
