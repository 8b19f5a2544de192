package main

import (
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"kith/store"
)

func cmdProfile(e *env, args []string) error {
	fs := newFlags(e, "profile", "[--name N] [--blurb T] [--signature S] [--lang en|it] [--cooldown-days N] [--question TOPIC:TEXT]... [--clear-questions TOPIC] [--json]", "show or set your profile")
	name := fs.String("name", "", "your `name`")
	blurb := fs.String("blurb", "", "the paste-ready paragraph about you, for introductions")
	signature := fs.String("signature", "", "how drafts are signed")
	lang := fs.String("lang", "", "draft language: en or it")
	cooldown := fs.String("cooldown-days", "", "days to leave a friend alone after an ask (default 14)")
	var questions stringList
	fs.Var(&questions, "question", "add a question to bring to a chat or advice, as `TOPIC:TEXT` (repeatable); TOPIC is a topic, sector, organisation, kind or \"default\"")
	clearQ := fs.String("clear-questions", "", "remove the questions of `TOPIC`")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErrorf("profile: unexpected argument %q", pos[0]).withHint("quote text with spaces, e.g. --blurb \"I am …\"")
	}
	changed := false
	var bad error
	apply := func(p *store.Profile) {
		fs.Visit(func(fl *flag.Flag) {
			switch fl.Name {
			case "name":
				p.Name = store.CleanText(*name, false)
			case "blurb":
				p.Blurb = store.CleanText(*blurb, true)
			case "signature":
				p.Signature = store.CleanText(*signature, true)
			case "lang":
				p.Lang = strings.ToLower(strings.TrimSpace(*lang))
				if p.Lang != store.LangEnglish && p.Lang != store.LangItalian {
					bad = usageErrorf("--lang: want en or it, got %q", *lang)
				}
			case "cooldown-days":
				n, err := atoiFlag("cooldown-days", *cooldown)
				if err == nil && (n < 0 || n > 365) {
					err = usageErrorf("--cooldown-days: want 0-365, got %d", n)
				}
				if err != nil {
					bad = err
				}
				p.Settings.CooldownDays = n
			case "clear-questions":
				delete(p.Questions, strings.ToLower(strings.TrimSpace(*clearQ)))
			case "question":
				for _, q := range questions {
					topic, text, ok := strings.Cut(q, ":")
					topic = strings.ToLower(store.CleanText(strings.TrimSpace(topic), false))
					text = store.CleanText(strings.TrimSpace(text), false)
					if !ok || topic == "" || text == "" {
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
	if *asJSON {
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
