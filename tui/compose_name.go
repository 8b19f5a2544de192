package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"kith/store"
)

// The first compose asks for your name: without it every draft was signed
// "[your name]". It is saved in the profile (as kith profile --name).

// nameSavedMsg reports how saving your name went.
type nameSavedMsg struct {
	cp      *composeScreen
	profile store.Profile
	err     error
}

// newNameInput is the one-line field for your name.
func newNameInput(c *common) textinput.Model {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = "e.g. Sam Rivera"
	in.CharLimit = store.MaxName
	in.SetStyles(c.styles.Input)
	return in
}

// afterName is the stage that follows your name: the blurb for an intro
// that has none, else the draft.
func (cp *composeScreen) afterName() tea.Cmd {
	if cp.req.Kind == store.KindIntro && cp.blurb0() == "" {
		cp.stage = stageBlurb
		return cp.blurb.Focus()
	}
	cp.stage = stageEdit
	cp.redraft()
	cp.markSaved()
	cp.recheck()
	return cp.setFocus(fieldTopic)
}

func (cp *composeScreen) handleNameKey(msg tea.KeyPressMsg) tea.Cmd {
	k := cp.c.keys
	switch {
	case key.Matches(msg, k.Save), key.Matches(msg, k.Open):
		name := strings.TrimSpace(store.CleanText(cp.name.Value(), false))
		if name == "" {
			cp.err = "type your name, or press esc to go on without it (the draft keeps a placeholder)"
			return nil
		}
		cp.busy = true
		st, now := cp.c.st, cp.c.now()
		return func() tea.Msg {
			var p store.Profile
			err := st.Batch(now, func(tx *store.Tx) error {
				cur, err := tx.Profile()
				if err != nil {
					return err
				}
				cur.Name = name
				p = cur
				return tx.PutProfile(cur)
			})
			return nameSavedMsg{cp: cp, profile: p, err: err}
		}
	case key.Matches(msg, k.Back):
		return cp.afterName()
	}
	var cmd tea.Cmd
	cp.name, cmd = cp.name.Update(msg)
	return cmd
}

func (cp *composeScreen) handleNameSaved(msg nameSavedMsg) tea.Cmd {
	cp.busy = false
	if msg.err != nil {
		cp.err = "cannot save your name: " + errText(msg.err)
		return nil
	}
	cp.profile.Name = msg.profile.Name
	return tea.Batch(cp.afterName(), reload, flash("Saved your name in the profile; p changes it.", false))
}

// nameIntro says why the name is asked for.
const nameIntro = "Drafts are signed with your name, and kith does not know it yet. It goes into your profile (p changes it)."

// nameTop is the name stage's line of the name field (compose_mouse.go).
func (cp *composeScreen) nameTop() int { return 2 + len(wrap(nameIntro, cp.w)) + 1 }

func (cp *composeScreen) nameView() string {
	s := cp.c.styles
	w := cp.w
	out := []string{s.PaneTitle.Render(trunc("First, your name", w)), ""}
	out = append(out, wrap(nameIntro, w)...)
	out = append(out, "", trunc(s.FieldLabelFocused.Render(fit("Your name", labelWidth))+cp.name.View(), w), "")
	if cp.err != "" {
		out = append(out, s.FieldErr.Render(trunc(clean(cp.err), w)))
	}
	out = append(out, wrapStyled(s.FormHint, "enter or ctrl+s saves it and goes on · esc goes on without it (the draft keeps a placeholder)", w)...)
	return strings.Join(out, "\n")
}
