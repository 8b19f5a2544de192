package store

import (
	"fmt"
	"strings"
	"unicode"
)

// GuessLang says which of kith's languages text is written in, from its
// commonest words: LangEnglish, LangItalian, or "" when it cannot tell (a
// name, a date, "Acme, 2019-21", or as many words of each). It is how an
// old profile's one blurb finds its language, and how a draft tells
// whether a note of yours can go into it as it is.
func GuessLang(text string) string {
	en, it := 0, 0
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\'' && r != '\u2019'
	}) {
		w = strings.ReplaceAll(w, "\u2019", "'")
		if strings.ContainsAny(w, "àèéìòù") {
			it++
		}
		if i := strings.IndexByte(w, '\''); i > 0 && i < len(w)-1 {
			// "dell'azienda", "l'anno" are Italian; "i'm", "don't" English.
			switch w[:i] {
			case "l", "dell", "all", "nell", "sull", "dall", "un", "c", "d", "quest", "po":
				it++
			case "i", "don", "it", "you", "we", "they", "can", "that", "what", "let":
				en++
			}
			continue
		}
		if enWords[w] {
			en++
		}
		if itWords[w] {
			it++
		}
	}
	switch {
	case en > 2*it:
		return LangEnglish
	case it > 2*en:
		return LangItalian
	}
	return ""
}

// The commonest words of each language that the other does not use.
var (
	enWords = wordSet("the and to of is you for with my on at it that this have be as an are was we your our from by or not but can will about i when who what which how into also has had were they their them been would could should")
	itWords = wordSet("il lo la gli le di del della dei delle che per un una uno sono con non mi ti si ci del nel nella al alla ho hai ha ma anche più questo questa mio mia tuo tua suo sua nostro abbiamo siamo sei dove quando cosa perché ed od dal dalla sul sulla tra fra")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// Langs returns the languages drafts are written in, English first.
func Langs() []string { return []string{LangEnglish, LangItalian} }

// BlurbFor returns your blurb for a draft in lang: the one in lang, else
// the one in the other language, with the language it is written in
// (in), so a draft can say so; "" and "" when you have none.
func (p *Profile) BlurbFor(lang string) (text, in string) {
	if b := strings.TrimSpace(p.Blurbs[lang]); b != "" {
		return b, lang
	}
	if b := strings.TrimSpace(p.Blurb); b != "" && (p.Lang == lang || p.Lang == "") {
		return b, lang
	}
	for _, l := range Langs() {
		if b := strings.TrimSpace(p.Blurbs[l]); b != "" {
			return b, l
		}
	}
	if b := strings.TrimSpace(p.Blurb); b != "" {
		return b, p.Lang
	}
	return "", ""
}

// SetBlurb sets your blurb in lang; an empty text removes it.
func (p *Profile) SetBlurb(lang, text string) {
	p.migrateBlurb()
	text = strings.TrimSpace(text)
	if text == "" {
		delete(p.Blurbs, lang)
		return
	}
	if p.Blurbs == nil {
		p.Blurbs = map[string]string{}
	}
	p.Blurbs[lang] = text
}

// migrateBlurb moves the single blurb of an older profile into Blurbs,
// under the language it is written in (GuessLang), else the profile's,
// unless that one is set already.
func (p *Profile) migrateBlurb() {
	b := strings.TrimSpace(p.Blurb)
	p.Blurb = ""
	if b == "" {
		return
	}
	lang := GuessLang(b)
	if lang == "" {
		lang = p.Lang
	}
	if lang != LangItalian {
		lang = LangEnglish
	}
	if strings.TrimSpace(p.Blurbs[lang]) != "" {
		return
	}
	if p.Blurbs == nil {
		p.Blurbs = map[string]string{}
	}
	p.Blurbs[lang] = b
}

// checkLang reports a language other than en or it ("" too, unless
// empty is allowed: a friend without a language of their own).
func checkLang(field, lang string, empty bool) error {
	switch {
	case lang == LangEnglish, lang == LangItalian, empty && lang == "":
		return nil
	}
	return &FieldError{Field: field, Msg: fmt.Sprintf("must be en or it, got %q", lang)}
}
