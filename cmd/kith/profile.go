package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/pflag"

	"kith/store"
)

func cmdProfile(e *env, o *profileFlags, fs *pflag.FlagSet) error {
	changed := false
	var bad error
	apply := func(p *store.Profile) {
		// --blurb is in the language it is written in (store.GuessLang),
		// else the one --lang sets, else the profile's.
		blurbLang := p.Lang
		if fs.Changed("lang") {
			blurbLang = strings.ToLower(strings.TrimSpace(o.lang))
		}
		fs.Visit(func(fl *pflag.Flag) {
			switch fl.Name {
			case "name":
				p.Name = store.CleanText(o.name, false)
			case "blurb":
				text := store.CleanText(o.blurb, true)
				lang := store.GuessLang(text)
				if lang == "" {
					lang = blurbLang
				}
				p.SetBlurb(lang, text)
			case "blurb-en":
				p.SetBlurb(store.LangEnglish, store.CleanText(o.blurbEn, true))
			case "blurb-it":
				p.SetBlurb(store.LangItalian, store.CleanText(o.blurbIt, true))
			case "signature":
				p.Signature = store.CleanText(o.signature, true)
			case "lang":
				p.Lang = strings.ToLower(strings.TrimSpace(o.lang))
				if p.Lang != store.LangEnglish && p.Lang != store.LangItalian {
					bad = usageErrorf("--lang: want en or it, got %q", o.lang)
				}
			case "cooldown-days":
				n := o.cooldownDays
				if n < 0 || n > 365 {
					bad = usageErrorf("--cooldown-days: want 0-365, got %d", n)
				}
				p.Settings.CooldownDays = n
			case "clear-questions":
				delete(p.Questions, strings.ToLower(strings.TrimSpace(o.clearQuestions)))
			case "question":
				for _, q := range o.questions {
					topic, text, err := store.ParseQuestion(q)
					if err != nil {
						bad = usageErrorf("--question: want TOPIC:TEXT, e.g. --question \"fintech:How did you move from banking to a start-up?\", got %q", q)
						return
					}
					if p.Questions == nil {
						p.Questions = map[string][]string{}
					}
					p.Questions[topic] = append(p.Questions[topic], text)
				}
			default:
				return
			}
			changed = true
		})
	}
	// Validate the flags before touching the database, by the store's
	// rules (the limits on each field among them).
	probe := store.DefaultProfile()
	apply(&probe)
	if bad != nil {
		return bad
	}
	probe.Normalize()
	if err := probe.Validate(); err != nil {
		return formatError(err, blurbFlags(fs, o)...)
	}
	var p store.Profile
	var err error
	if changed {
		err = e.store.Batch(e.now, func(tx *store.Tx) error {
			cur, err := tx.Profile()
			if err != nil {
				return err
			}
			apply(&cur)
			cur.Normalize()
			p = cur
			return tx.PutProfile(cur)
		})
	} else {
		p, err = e.store.Profile()
	}
	if err != nil {
		return formatError(err, blurbFlags(fs, o)...)
	}
	if o.json {
		return writeJSON(e.out, p)
	}
	printProfile(e.out, &p)
	return nil
}

// blurbFlags names the flag that set each blurb, for formatError:
// --blurb-en and --blurb-it, or --blurb for the one it set.
func blurbFlags(fs *pflag.FlagSet, o *profileFlags) []string {
	var names []string
	for _, l := range store.Langs() {
		flag := "--blurb-" + l
		if fs.Changed("blurb") && !fs.Changed(flag[2:]) {
			flag = "--blurb"
		}
		names = append(names, "blurb-"+l, flag)
	}
	return names
}

func printProfile(w io.Writer, p *store.Profile) {
	show := func(label, v string) {
		if v == "" {
			v = "(not set)"
		}
		fmt.Fprintf(w, "%-14s %s\n", label+":", strings.ReplaceAll(printableBlock(v), "\n", "\n"+strings.Repeat(" ", 15)))
	}
	show("name", p.Name)
	for _, l := range store.Langs() {
		show("blurb ("+l+")", p.Blurbs[l])
	}
	show("signature", p.Signature)
	show("language", p.Lang)
	show("cool-down", fmt.Sprintf("%d days", p.Settings.CooldownDays))
	topics := make([]string, 0, len(p.Questions))
	for t := range p.Questions {
		topics = append(topics, t)
	}
	sort.Strings(topics)
	for _, t := range topics {
		show("questions", t+": "+strings.Join(p.Questions[t], "\n"+strings.Repeat(" ", len(t)+2)))
	}
	if b, _ := p.BlurbFor(p.Lang); b == "" {
		fmt.Fprintln(w, "\nAdd a blurb before asking for introductions: kith profile --blurb \"…\" (--blurb-it \"…\" for the one in Italian)")
	}
}
