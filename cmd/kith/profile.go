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
		fs.Visit(func(fl *pflag.Flag) {
			switch fl.Name {
			case "name":
				p.Name = store.CleanText(o.name, false)
			case "blurb":
				p.Blurb = store.CleanText(o.blurb, true)
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
		return formatError(err)
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
		return formatError(err)
	}
	if o.json {
		return writeJSON(e.out, p)
	}
	printProfile(e.out, &p)
	return nil
}

func printProfile(w io.Writer, p *store.Profile) {
	show := func(label, v string) {
		if v == "" {
			v = "(not set)"
		}
		fmt.Fprintf(w, "%-14s %s\n", label+":", strings.ReplaceAll(printableBlock(v), "\n", "\n"+strings.Repeat(" ", 15)))
	}
	show("name", p.Name)
	show("blurb", p.Blurb)
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
	if p.Blurb == "" {
		fmt.Fprintln(w, "\nAdd a blurb before asking for introductions: kith profile --blurb \"…\"")
	}
}
