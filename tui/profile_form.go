package tui

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"kith/store"
)

// newProfileForm edits your profile: name, blurb (a text area),
// signature, language, cool-down and the question bank (a text area, a
// question a line, "topic: question", "topic@it: domanda" for Italian
// drafts).
func newProfileForm(c *common, p store.Profile) *formScreen {
	fields := []field{
		newField("name", "Your name", p.Name, "how drafts are signed", nil),
		newAreaField(c, "blurb", "Intro blurb", p.Blurbs[p.Lang], "a paragraph about you a friend can paste into an intro, in your language below", 4),
		newField("signature", "Signature", p.Signature, "e.g. Ciao, Ada", nil),
		newChoice("lang", "Language", p.Lang, []string{store.LangEnglish, store.LangItalian}, langWords),
		newField("cooldown-days", "Cool-down days", strconv.Itoa(p.Settings.CooldownDays), "days to leave a friend alone after an ask (14)", checkCooldown),
		newAreaField(c, "question", "Questions", store.QuestionLines(p.Questions),
			"one a line, topic: question (a topic, sector, organisation, kind or default; chat@it: for Italian drafts), for chats and advice", 5),
	}
	var form *formScreen
	form = newForm(c, "Your profile", fields, func(v map[string]string, changed map[string]bool) (tea.Cmd, error) {
		line := func(k string) string { return store.CleanText(strings.TrimSpace(v[k]), false) }
		days, err := strconv.Atoi(line("cooldown-days"))
		if err != nil {
			return nil, &store.FieldError{Field: "cooldown-days", Msg: "a number of days 0-365"}
		}
		lang, name, sig := strings.ToLower(line("lang")), line("name"), line("signature")
		blurb := strings.TrimSpace(store.CleanText(v["blurb"], true)) // a paragraph: its line breaks kept
		questions, err := store.ParseQuestionLines(v["question"])
		if err != nil {
			return nil, err
		}
		check := store.Profile{Name: name, Signature: sig, Lang: lang, Settings: store.Settings{CooldownDays: days}, Questions: questions}
		check.SetBlurb(lang, blurb)
		if err := check.Validate(); err != nil {
			return nil, err
		}
		st, now := c.st, c.now()
		return func() tea.Msg {
			err := st.Batch(now, func(tx *store.Tx) error {
				cur, err := tx.Profile() // keep what was not edited
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
				if changed["question"] {
					cur.Questions = questions
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
