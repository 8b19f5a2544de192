package policy

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"kith/store"
)

// FirstName is the name drafts greet the friend by and messages call them:
// the "greet as" name when one is set (Friend.GreetAs), else the
// nickname, else the given name of their address-book card (the vCard
// N's given name, its first when it has several), else the given name
// worked out from the full name (see givenName). An organisation's card
// is called by its name.
func FirstName(f *store.Friend) string {
	if f == nil {
		return ""
	}
	if g := strings.TrimSpace(f.GreetAs); g != "" {
		return g
	}
	if n := strings.TrimSpace(f.Nickname); n != "" {
		return n
	}
	if f.IsOrg {
		return strings.Join(strings.Fields(f.Name), " ")
	}
	if f.Contact != nil {
		given, _, _ := strings.Cut(f.Contact.NameParts.Given, ",")
		if w := strings.Fields(given); len(w) > 0 {
			return fixCase(w[0])
		}
	}
	return givenName(f.Name)
}

// givenName works out the name a person is greeted by from a full name
// as people store it:
//   - "Rossi, Maria" (family name, comma, given names) is Maria, but
//     "Ana Rossi, PhD" is Ana;
//   - titles go: "Dr. Ana Rossi", "Dott.ssa Maria Bianchi", "Prof. Ing.
//     Luca Verdi" are Ana, Maria, Luca; a title with only a family name
//     after it stays whole ("Dr. Rossi"), the only polite way to greet them;
//   - names written family name first are greeted by the given name:
//     Vietnamese ("Trần Văn An" is An) and Chinese, Japanese or Korean
//     names written with a space ("吉田 健太" is 健太);
//   - a name in capitals or in lower case is written as a name is
//     ("MARCO" and "marco" are Marco; "JEAN-LUC" is Jean-Luc).
func givenName(full string) string {
	full = strings.Join(strings.Fields(full), " ")
	if fam, given, ok := strings.Cut(full, ","); ok {
		given = strings.TrimSpace(given)
		switch {
		case given == "" || isSuffix(given):
			full = strings.TrimSpace(fam)
		default:
			full = given
		}
	}
	words := strings.Fields(full)
	var titles []string
	for len(words) > 1 && isTitle(words[0]) {
		titles = append(titles, words[0])
		words = words[1:]
	}
	if len(words) == 0 {
		return ""
	}
	if len(titles) > 0 && len(words) == 1 {
		return strings.Join(append(titles, fixCase(words[0])), " ")
	}
	first := words[0]
	if len(words) > 1 && familyFirst(words) {
		first = words[len(words)-1]
	}
	if all := strings.Join(words, ""); len(words) > 1 && utf8.RuneCountInString(all) > 3 && all == strings.ToUpper(all) && all != strings.ToLower(all) {
		return capitalizeName(first) // a name in capitals throughout: "TRẦN VĂN AN" is An
	}
	return fixCase(first)
}

// titles are the honorifics and academic or professional titles, English
// and Italian, lower-case and without their dots, that come before a name.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "mx": true, "miss": true, "dr": true, "prof": true, "sir": true, "dame": true,
	"rev": true, "fr": true, "hon": true, "capt": true, "col": true, "gen": true,
	"dott": true, "dottssa": true, "dssa": true, "drssa": true, "ing": true, "avv": true, "arch": true, "geom": true, "rag": true,
	"sig": true, "sigra": true, "signa": true, "signor": true, "signora": true, "signorina": true, "profssa": true,
	"dottor": true, "dottore": true, "dottoressa": true, "professor": true, "professore": true, "professoressa": true,
	"doctor": true, "mister": true, "avvocato": true, "ingegnere": true,
}

// isTitle reports a title ("Dr.", "Dott.ssa", "PROF"), read without
// dots and case.
func isTitle(w string) bool {
	w = strings.ToLower(strings.ReplaceAll(w, ".", ""))
	return titles[w]
}

// isSuffix reports what follows a name after a comma without being a
// given name: "PhD", "Jr.", "III".
func isSuffix(s string) bool {
	switch strings.ToLower(strings.ReplaceAll(strings.Fields(s)[0], ".", "")) {
	case "jr", "sr", "phd", "md", "mba", "esq", "ii", "iii", "iv", "cpa", "pe", "dds":
		return true
	}
	return false
}

// vietFamilies are the commonest Vietnamese family names, which come
// first in a Vietnamese name.
var vietFamilies = map[string]bool{
	"nguyễn": true, "trần": true, "lê": true, "phạm": true, "hoàng": true, "huỳnh": true, "phan": true, "vũ": true,
	"võ": true, "đặng": true, "bùi": true, "đỗ": true, "hồ": true, "ngô": true, "dương": true, "lý": true, "đinh": true,
	"trương": true, "lương": true, "đào": true, "trịnh": true,
}

// familyFirst reports a name written family name first: one that starts
// with a Vietnamese family name, or is written in Han, kana or Hangul.
func familyFirst(words []string) bool {
	if vietFamilies[strings.ToLower(words[0])] {
		return true
	}
	r, _ := utf8.DecodeRuneInString(words[0])
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// fixCase writes a name that is all capitals or all lower case as a name
// is written, each part capitalised ("JEAN-LUC" is Jean-Luc, "o'neil"
// O'Neil); a name in mixed case, or of one or two letters ("AJ"), is left
// as it is.
func fixCase(w string) string {
	if utf8.RuneCountInString(w) <= 2 || (w != strings.ToUpper(w) && w != strings.ToLower(w)) {
		return w
	}
	return capitalizeName(w)
}

// capitalizeName writes w with each part capitalised: "JEAN-LUC" is
// Jean-Luc.
func capitalizeName(w string) string {
	rs := []rune(strings.ToLower(w))
	start := true
	for i, r := range rs {
		if start && unicode.IsLetter(r) {
			rs[i] = unicode.ToTitle(r)
		}
		start = r == '-' || r == '\'' || r == '\u2019'
	}
	return string(rs)
}
