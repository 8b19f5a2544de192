package policy

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The Italian grammar drafts need for the words you type (a sector, a
// document): an article that agrees, a preposition joined with it
// (prep), and a possessive. Loanwords (fintech, design, climate tech) are
// masculine, as Italian takes them.

// italianArticles are the words a phrase that has its article starts with.
var italianArticles = map[string]bool{"il": true, "lo": true, "la": true, "i": true, "gli": true, "le": true, "un": true, "uno": true, "una": true}

// hasArticle reports a phrase that starts with an article or a possessive
// already ("la finanza", "l'energia", "il mio CV").
func hasArticle(phrase string) bool {
	l := strings.ToLower(phrase)
	if strings.HasPrefix(l, "l'") || strings.HasPrefix(l, "l\u2019") || strings.HasPrefix(l, "un'") {
		return true
	}
	w, _, _ := strings.Cut(l, " ")
	return italianArticles[w]
}

// feminine guesses the gender of an Italian noun phrase from its first
// word: -a, -ità, -tù, -zione, -sione, -ice, -ie are feminine ("la
// finanza", "la sanità", "la formazione"), the rest masculine, loanwords
// ending in a consonant too ("il fintech"). Nouns in -ma from Greek are
// masculine ("il sistema").
func feminine(phrase string) bool {
	w, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(phrase)), " ")
	switch w {
	case "sistema", "problema", "programma", "clima", "tema", "schema", "cinema", "pigiama":
		return false
	case "cv", "curriculum", "portfolio", "profilo", "sito", "progetto", "piano", "business", "deck", "pitch":
		return false
	}
	for _, end := range []string{"a", "à", "tù", "zione", "sione", "ice", "ie", "gione"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// impure reports a word that takes "lo" and "uno": s + consonant, z, gn,
// ps, pn, x, y.
func impure(w string) bool {
	l := strings.ToLower(w)
	switch {
	case strings.HasPrefix(l, "gn"), strings.HasPrefix(l, "ps"), strings.HasPrefix(l, "pn"):
		return true
	case l == "":
		return false
	}
	r, n := utf8.DecodeRuneInString(l)
	switch r {
	case 'z', 'x', 'y':
		return true
	case 's':
		next, _ := utf8.DecodeRuneInString(l[n:])
		return next != utf8.RuneError && unicode.IsLetter(next) && !strings.ContainsRune("aeiouàèéìòù", next)
	}
	return false
}

func startsWithVowel(w string) bool {
	r, _ := utf8.DecodeRuneInString(strings.ToLower(w))
	return strings.ContainsRune("aeiouàèéìòùh", r)
}

// withArticle gives an Italian noun phrase its definite article, unless
// it has one: "fintech" is "il fintech", "aerospazio" "l'aerospazio",
// "finanza" "la finanza", "software" "il software", "startup" "le
// startup" is beyond it and stays "la startup".
func withArticle(phrase string) string {
	phrase = strings.TrimSpace(phrase)
	if phrase == "" || hasArticle(phrase) {
		return phrase
	}
	switch {
	case startsWithVowel(phrase):
		return "l'" + phrase
	case feminine(phrase):
		return "la " + phrase
	case impure(phrase):
		return "lo " + phrase
	}
	return "il " + phrase
}

// mine gives an Italian noun phrase "my": "CV" is "il mio CV", "lettera
// di presentazione" "la mia lettera di presentazione"; a phrase that
// starts with a possessive or an article is kept ("il mio portfolio").
func mine(phrase string) string {
	phrase = strings.TrimSpace(phrase)
	l := strings.ToLower(phrase)
	switch {
	case phrase == "" || hasArticle(phrase):
		return phrase
	case strings.HasPrefix(l, "mio ") || strings.HasPrefix(l, "miei "):
		return "il " + phrase
	case strings.HasPrefix(l, "mia ") || strings.HasPrefix(l, "mie "):
		return "la " + phrase
	case feminine(phrase):
		return "la mia " + phrase
	}
	return "il mio " + phrase
}

// lo is the object pronoun for an Italian noun phrase: "la" for a
// feminine one ("te la mando", a letter), "lo" otherwise ("te lo mando").
func lo(phrase string) string {
	w := strings.ToLower(strings.TrimSpace(phrase))
	for _, p := range []string{"il mio ", "la mia ", "il ", "la ", "lo ", "l'"} {
		if strings.HasPrefix(w, p) {
			if p == "la mia " || p == "la " {
				return "la"
			}
			if p != "l'" {
				return "lo"
			}
			w = w[len(p):]
		}
	}
	if feminine(w) {
		return "la"
	}
	return "lo"
}

// noMy drops a leading "my " from an English phrase, so "my" is not said
// twice ("my my cover letter").
func noMy(phrase string) string {
	phrase = strings.TrimSpace(phrase)
	if len(phrase) > 3 && strings.EqualFold(phrase[:3], "my ") {
		return strings.TrimSpace(phrase[3:])
	}
	return phrase
}
