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
		newField("blurb", "Intro blurb", p.Blurbs[p.Lang], "a paragraph about you a friend can paste into an intro, in your language below", nil),
		newField("signature", "Signature", p.Signature, "e.g. Ciao, Ada", nil),
		newField("lang", "Language", p.Lang, "en or it", checkLang),
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
		check := store.Profile{Name: name, Signature: sig, Lang: lang, Settings: store.Settings{CooldownDays: days}}
		check.SetBlurb(lang, blurb)
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
					// the blurb in the language the form shows
					cur.SetBlurb(lang, blurb)
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

func checkLang(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case store.LangEnglish, store.LangItalian:
		return ""
	}
	return "en or it"
}

func checkCooldown(s string) string {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 || n > 365 {
		return "a number of days 0-365"
	}
	return ""
}
