package importer

import (
	"slices"
	"strings"

	"kith/store"
)

// mergeProfile fills the empty fields of cur from in. The language and
// the settings are never empty: they are taken from in only while cur is
// still the untouched default profile (a new database).
func mergeProfile(cur, in store.Profile) (*store.Profile, []string) {
	var ch []string
	def := store.DefaultProfile()
	if cur.Name == "" && len(cur.Blurbs) == 0 && cur.Blurb == "" && cur.Signature == "" && len(cur.Questions) == 0 && cur.Lang == def.Lang && cur.Settings == def.Settings {
		if in.Lang != cur.Lang && (in.Lang == store.LangEnglish || in.Lang == store.LangItalian) {
			cur.Lang = in.Lang
			ch = append(ch, "language")
		}
		if in.Settings != cur.Settings && in.Settings.CooldownDays >= 0 && in.Settings.CooldownDays <= 365 {
			cur.Settings = in.Settings
			ch = append(ch, "settings")
		}
	}
	fill := func(name string, d *string, s string) {
		s = strings.TrimSpace(s)
		if strings.TrimSpace(*d) == "" && s != "" {
			*d = s
			ch = append(ch, name)
		}
	}
	fill("name", &cur.Name, store.CleanText(in.Name, false))
	cur.Normalize()
	in.Normalize()
	for _, l := range store.Langs() {
		b := cur.Blurbs[l]
		fill("blurb ("+l+")", &b, store.CleanText(in.Blurbs[l], true))
		cur.SetBlurb(l, b)
	}
	fill("signature", &cur.Signature, store.CleanText(in.Signature, true))
	for topic, qs := range in.Questions {
		topic = strings.TrimSpace(store.CleanText(topic, false))
		if topic == "" || len(cur.Questions[topic]) > 0 {
			continue
		}
		var clean []string
		for _, q := range qs {
			if q = strings.TrimSpace(store.CleanText(q, false)); q != "" {
				clean = append(clean, q)
			}
		}
		if len(clean) == 0 {
			continue
		}
		if cur.Questions == nil {
			cur.Questions = map[string][]string{}
		}
		cur.Questions[topic] = clean
		ch = append(ch, "questions on "+topic)
	}
	slices.Sort(ch)
	if len(ch) == 0 {
		return nil, nil
	}
	return &cur, ch
}
