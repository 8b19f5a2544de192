package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"kith/policy"
	"kith/store"
)

// The compose screen's blurb stage: the first compose asks for the
// profile's blurb, saved before the draft.

// blurb0 is your blurb in the draft's language, or "" when there is none
// in it (an intro then asks for one first).
func (cp *composeScreen) blurb0() string {
	b, in := cp.profile.BlurbFor(policy.DraftLang(&cp.profile, &cp.friend))
	if in != policy.DraftLang(&cp.profile, &cp.friend) {
		return ""
	}
	return b
}

func (cp *composeScreen) handleBlurbKey(msg tea.KeyPressMsg) tea.Cmd {
	k := cp.c.keys
	switch {
	case key.Matches(msg, k.Save):
		text := strings.TrimSpace(store.CleanText(cp.blurb.Value(), true))
		if text == "" {
			cp.err = "the blurb is empty: write a few lines about you, or press esc to go on without it"
			return nil
		}
		p := cp.profile
		lang := policy.DraftLang(&p, &cp.friend)
		p.SetBlurb(lang, text)
		cp.busy = true
		st, now := cp.c.st, cp.c.now()
		return func() tea.Msg {
			err := st.Batch(now, func(tx *store.Tx) error {
				cur, err := tx.Profile()
				if err != nil {
					return err
				}
				cur.SetBlurb(lang, text)
				p = cur
				return tx.PutProfile(cur)
			})
			return blurbSavedMsg{cp: cp, profile: p, err: err}
		}
	case key.Matches(msg, k.Back):
		cp.stage = stageEdit
		cp.redraft()
		cp.markSaved()
		cp.recheck()
		return cp.setFocus(fieldTopic)
	}
	var cmd tea.Cmd
	cp.blurb, cmd = cp.blurb.Update(msg)
	return cmd
}

func (cp *composeScreen) handleBlurbSaved(msg blurbSavedMsg) tea.Cmd {
	cp.busy = false
	if msg.err != nil {
		cp.err = "cannot save the blurb: " + msg.err.Error()
		return nil
	}
	cp.profile = msg.profile
	cp.stage = stageEdit
	cp.redraft()
	cp.markSaved()
	cp.recheck()
	return tea.Batch(cp.setFocus(fieldTopic), reload, flash("Saved your blurb in the profile; it goes into every introduction.", false))
}
