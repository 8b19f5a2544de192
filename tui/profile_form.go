package tui

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"kith/store"
)

// newProfileForm edits your profile: name, blurb, signature, language and
// cool-down.
func newProfileForm(c *common, p store.Profile) *formScreen {
	fields := []field{
		newField("name", "Your name", p.Name, "how drafts are signed", nil),
		newField("blurb", "Intro blurb", p.Blurb, "a paragraph about you a friend can paste into an intro", nil),
		newField("signature", "Signature", p.Signature, "e.g. Ciao, Ada", nil),
		newChoice("lang", "Language", p.Lang, []string{store.LangEnglish, store.LangItalian}, langWords),
		newField("cooldown-days", "Cool-down days", strconv.Itoa(p.Settings.CooldownDays), "days to leave a friend alone after an ask (14)", checkCooldown),
	}
	var form *formScreen
	form = newForm(c, "Your profile", fields, func(v map[string]string, changed map[string]bool) (tea.Cmd, error) {
		line := func(k string) string { return store.CleanText(strings.TrimSpace(v[k]), false) }
		days, err := strconv.Atoi(line("cooldown-days"))
		if err != nil {
			return nil, &store.FieldError{Field: "cooldown-days", Msg: "a number of days 0-365"}
		}
		lang, name, blurb, sig := strings.ToLower(line("lang")), line("name"), line("blurb"), line("signature")
		check := store.Profile{Name: name, Blurb: blurb, Signature: sig, Lang: lang, Settings: store.Settings{CooldownDays: days}}
		if err := check.Validate(); err != nil {
			return nil, err
		}
		st, now := c.st, c.now()
		return func() tea.Msg {
			err := st.Batch(now, func(tx *store.Tx) error {
				cur, err := tx.Profile() // keep what the form does not show (questions)
				if err != nil {
					return err
				}
				// only what was edited: a signature's line breaks survive
				// a save that changed the cool-down
				if changed["name"] {
					cur.Name = name
				}
				if changed["blurb"] {
					cur.Blurb = blurb
				}
				if changed["signature"] {
					cur.Signature = sig
				}
				if changed["lang"] {
					cur.Lang = lang
				}
				if changed["cooldown-days"] {
					cur.Settings.CooldownDays = days
				}
				return tx.PutProfile(cur)
			})
			return savedMsg{form: form, err: err, note: "Profile saved."}
		}, nil
	})
	return form
}

// langWords names a draft language.
func langWords(s string) string {
	switch s {
	case store.LangEnglish:
		return "English"
	case store.LangItalian:
		return "Italian"
	}
	return ""
}

func checkCooldown(s string) string {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 || n > 365 {
		return "a number of days 0-365"
	}
	return ""
}
