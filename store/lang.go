package store

import (
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
