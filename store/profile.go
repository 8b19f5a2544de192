package store

import (
	"fmt"
	"strings"
)

// Settings are the policy's tunables, kept in the profile.
type Settings struct {
	// CooldownDays is how long after an ask a friend should be left alone.
	CooldownDays int `json:"cooldown_days"`
}

// DefaultCooldownDays is the article's "last two weeks".
const DefaultCooldownDays = 14

// DefaultSettings returns the settings a new database starts with.
func DefaultSettings() Settings {
	return Settings{CooldownDays: DefaultCooldownDays}
}

// Languages a draft can be written in.
const (
	LangEnglish = "en"
	LangItalian = "it"
)

// Profile is you: what drafts are signed and filled with.
type Profile struct {
	Name string `json:"name,omitempty"`
	// Blurbs are your paste-ready paragraphs for introductions, by
	// language (en, it): an Italian draft pastes the Italian one.
	Blurbs map[string]string `json:"blurbs,omitempty"`
	// Blurb is the one blurb of a profile written before there was one per
	// language. Normalize moves it into Blurbs under the language it reads
	// as (GuessLang), else under Lang, the language drafts were then
	// written in, and clears it; it is kept to read old databases and
	// exports.
	Blurb     string              `json:"blurb,omitempty"`
	Signature string              `json:"signature,omitempty"`
	Questions map[string][]string `json:"questions,omitempty"`
	// Lang is the language of drafts to friends who have none of their
	// own (Friend.Lang).
	Lang     string   `json:"lang"`
	Settings Settings `json:"settings"`
}

// DefaultProfile returns the profile of a new database.
func DefaultProfile() Profile {
	return Profile{Lang: LangEnglish, Settings: DefaultSettings()}
}

// Normalize trims your name, blurbs and signature, and moves the single
// blurb of an older profile into Blurbs.
func (p *Profile) Normalize() {
	p.Name = strings.TrimSpace(p.Name)
	p.migrateBlurb()
	for l, b := range p.Blurbs {
		if b = strings.TrimSpace(b); b == "" {
			delete(p.Blurbs, l)
		} else {
			p.Blurbs[l] = b
		}
	}
	if len(p.Blurbs) == 0 {
		p.Blurbs = nil
	}
	p.Signature = strings.TrimSpace(p.Signature)
}

// Validate reports the first problem with p, naming the field.
func (p *Profile) Validate() error {
	if err := checkLang("lang", p.Lang, false); err != nil {
		return err
	}
	for l, b := range p.Blurbs {
		if err := checkLang("blurb-"+l, l, false); err != nil {
			return &FieldError{Field: "blurb", Msg: fmt.Sprintf("a blurb in %q: the languages are en and it", l)}
		}
		if err := checkLen("blurb-"+l, b, MaxNotes); err != nil {
			return err
		}
	}
	if p.Settings.CooldownDays < 0 || p.Settings.CooldownDays > 365 {
		return &FieldError{Field: "cooldown-days", Msg: fmt.Sprintf("must be 0-365, got %d", p.Settings.CooldownDays)}
	}
	if err := firstErr(
		checkLen("name", p.Name, MaxName),
		checkLen("blurb", p.Blurb, MaxNotes),
		checkLen("signature", p.Signature, MaxSignature),
	); err != nil {
		return err
	}
	if len(p.Questions) > MaxItems {
		return &FieldError{Field: "question", Msg: fmt.Sprintf("questions on %d topics; the limit is %d", len(p.Questions), MaxItems)}
	}
	for topic, qs := range p.Questions {
		if err := checkLen("question", topic, MaxName); err != nil {
			return &FieldError{Field: "question", Msg: "a topic " + err.(*FieldError).Msg}
		}
		if len(qs) > MaxItems {
			return &FieldError{Field: "question", Msg: fmt.Sprintf("%d questions on %q; the limit is %d", len(qs), topic, MaxItems)}
		}
		for _, q := range qs {
			if err := checkLen("question", q, MaxQuestion); err != nil {
				return &FieldError{Field: "question", Msg: "a question on " + fmt.Sprintf("%q", topic) + " " + err.(*FieldError).Msg}
			}
		}
	}
	return nil
}
