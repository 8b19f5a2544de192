package store

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitName derives the parts of a name given whole, for an address
// book that wants them (vCard's N) when the source gave none: "Mr.
// Michael Angstadt Jr." is prefix Mr., given Michael, family Angstadt,
// suffix Jr. It knows
//
//   - courtesy titles before the name and suffixes after it (Dr., Prof.,
//     Dott., Jr., III, PhD …), a suffix after a comma too;
//   - "Family, Given", as address books file a name;
//   - family-name particles: "Ludwig van Beethoven" is given Ludwig,
//     family "van Beethoven" (van, von, de, di, da, del, della, du, la,
//     le, der, den, ter, bin, ibn, al …);
//   - names written family first, when they can be told: Chinese,
//     Japanese and Korean script ("吉田 健太" is family 吉田, given 健太;
//     "王二狗" without a space is family 王, two-character family names
//     such as 欧阳 included; a Japanese name without a space cannot be
//     told and is left whole as given), and Vietnamese names that start
//     with a Vietnamese family name ("Trần Văn An" is family Trần, middle
//     Văn, given An).
//
// Words in between are middle names. A single word is a given name. A
// name that ends in a company's legal form ("Siemens AG", "Acme Inc.")
// is an organisation's, and has no parts.
func SplitName(name string) NameParts {
	name = OneLine(name)
	if name == "" {
		return NameParts{}
	}
	var n NameParts
	// A suffix after a comma: "John Public, Jr.", "Ada Byron, PhD".
	if i := strings.LastIndexByte(name, ','); i >= 0 {
		tail := strings.TrimSpace(name[i+1:])
		if allSuffixes(tail) {
			n.Suffix = tail
			name = strings.TrimSpace(name[:i])
		}
	}
	words := strings.Fields(name)
	if len(words) == 0 {
		return n
	}
	if IsLegalForm(words[len(words)-1]) && len(words) > 1 {
		return NameParts{}
	}
	// "Public, John Q."
	if i := strings.IndexByte(name, ','); i > 0 {
		family, rest := strings.TrimSpace(name[:i]), strings.Fields(name[i+1:])
		for len(rest) > 0 && isPrefix(rest[0]) {
			n.Prefix = joinWord(n.Prefix, rest[0])
			rest = rest[1:]
		}
		n.Family = family
		if len(rest) > 0 {
			n.Given = rest[0]
			n.Additional = strings.Join(rest[1:], " ")
		}
		return n
	}
	for len(words) > 1 && isPrefix(words[0]) {
		n.Prefix = joinWord(n.Prefix, words[0])
		words = words[1:]
	}
	end := len(words)
	for end > 1 && isSuffix(words[end-1]) {
		end--
	}
	if end < len(words) {
		n.Suffix = strings.TrimSpace(strings.Join(words[end:], " ") + " " + n.Suffix)
		words = words[:end]
		words[end-1] = strings.TrimSuffix(words[end-1], ",")
	}
	if isHan(strings.Join(words, "")) {
		return splitHan(n, words)
	}
	if vietnamese(words) {
		n.Family, n.Given = words[0], words[len(words)-1]
		n.Additional = strings.Join(words[1:len(words)-1], " ")
		return n
	}
	if len(words) == 1 {
		n.Given = words[0]
		return n
	}
	// The family name starts at the first particle after the given name.
	last := len(words) - 1
	start := last
	for i := 1; i < last; i++ {
		if isParticle(words[i]) {
			start = i
			break
		}
	}
	n.Given = words[0]
	n.Additional = strings.Join(words[1:start], " ")
	n.Family = strings.Join(words[start:], " ")
	return n
}

func joinWord(a, b string) string {
	if a == "" {
		return b
	}
	return a + " " + b
}

// splitHan splits a name in Chinese, Japanese or Korean script, family
// first.
func splitHan(n NameParts, words []string) NameParts {
	if len(words) >= 2 {
		n.Family, n.Given = words[0], strings.Join(words[1:], "")
		return n
	}
	w := words[0]
	runes := []rune(w)
	kana := false
	for _, r := range runes {
		kana = kana || unicode.In(r, unicode.Hiragana, unicode.Katakana)
	}
	if kana || len(runes) < 2 || len(runes) > 4 {
		n.Given = w
		return n
	}
	family := 1
	if len(runes) >= 3 {
		two := string(runes[:2])
		for _, c := range compoundFamilies {
			if c == two {
				family = 2
			}
		}
	}
	n.Family, n.Given = string(runes[:family]), string(runes[family:])
	return n
}

// compoundFamilies are family names of two characters (Chinese and
// Korean).
var compoundFamilies = []string{"欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "东方", "東方", "皇甫", "尉迟", "尉遲",
	"公孙", "公孫", "慕容", "长孙", "長孫", "宇文", "司徒", "夏侯", "令狐", "南宫", "南宮", "端木", "西门", "西門",
	"남궁", "황보", "제갈", "선우", "독고", "사공", "서문"}

// vietnameseFamilies are the most common Vietnamese family names (about
// nine in ten Vietnamese carry one of them).
var vietnameseFamilies = map[string]bool{
	"nguyễn": true, "trần": true, "lê": true, "phạm": true, "hoàng": true, "huỳnh": true, "phan": true, "vũ": true,
	"võ": true, "đặng": true, "bùi": true, "đỗ": true, "hồ": true, "ngô": true, "dương": true, "lý": true,
	"nguyen": true, "tran": true, "pham": true, "hoang": true, "huynh": true, "dang": true, "bui": true, "ngo": true, "duong": true,
}

// vietnamese reports whether words are a Vietnamese name written family
// first: the first word a Vietnamese family name and, written without
// diacritics (where "Le" or "Ho" could be anyone's), three words or more.
func vietnamese(words []string) bool {
	if len(words) < 2 || !vietnameseFamilies[strings.ToLower(words[0])] {
		return false
	}
	plain := true
	for _, w := range words {
		for _, r := range w {
			if r >= utf8.RuneSelf {
				plain = false
			}
		}
	}
	return !plain || len(words) >= 3
}

// bare lower-cases w and drops its dots and commas, so that "Ph.D.," is
// "phd". Every word of every name goes through it (import matching, the
// N of an export): the ASCII case allocates nothing for a word already
// bare, and one small string otherwise.
func bare(w string) string {
	plain := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(strings.NewReplacer(".", "", ",", "").Replace(w))
		}
		if c == '.' || c == ',' || 'A' <= c && c <= 'Z' {
			plain = false
		}
	}
	if plain {
		return w
	}
	b := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c == '.' || c == ',':
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

var prefixes = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "dr": true, "prof": true, "professor": true,
	"sir": true, "dame": true, "lady": true, "lord": true, "rev": true, "fr": true, "hon": true, "capt": true,
	"dott": true, "dottssa": true, "dssa": true, "ing": true, "avv": true, "arch": true, "sig": true, "sigra": true,
	"signa": true, "herr": true, "frau": true, "mme": true, "mlle": true, "don": true,
	"doña": true, "dona": true, "sra": true, "srta": true, "señor": true, "señora": true,
}

func isPrefix(w string) bool { return prefixes[bare(w)] && !strings.ContainsAny(w, "0123456789") }

var suffixes = map[string]bool{
	"jr": true, "sr": true, "ii": true, "iii": true, "iv": true, "phd": true, "md": true, "esq": true, "dds": true,
	"cpa": true, "mba": true, "obe": true, "cbe": true, "kbe": true, "mbe": true, "qc": true, "kc": true, "frs": true,
	"msc": true, "bsc": true, "jd": true, "llm": true, "ing": true,
}

func isSuffix(w string) bool { return suffixes[bare(w)] }

// allSuffixes reports whether s is one or more suffixes ("Jr.", "Jr.,
// M.D.", "ing. jr").
func allSuffixes(s string) bool {
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || unicode.IsSpace(r) })
	for _, w := range words {
		if !isSuffix(w) {
			return false
		}
	}
	return len(words) > 0
}

var particles = map[string]bool{
	"van": true, "von": true, "der": true, "den": true, "de": true, "del": true, "della": true, "delle": true,
	"dei": true, "degli": true, "di": true, "da": true, "das": true, "dos": true, "do": true, "du": true,
	"des": true, "la": true, "le": true, "ter": true, "ten": true, "te": true, "bin": true, "ibn": true,
	"al": true, "el": true, "af": true, "av": true, "zu": true, "vom": true, "zum": true,
}

// isParticle reports whether w starts a family name ("van", "de"): a
// particle written in lower case (a capitalised "De" or "Van" is usually
// a name of its own, as in "Van Morrison").
func isParticle(w string) bool {
	return particles[w] || (strings.HasPrefix(w, "d'") || strings.HasPrefix(w, "d’")) && len(w) > 2
}

// IsLegalForm reports whether word is a company's legal form ("Inc.",
// "GmbH", "S.p.A.", "AG"), in any case and with or without dots.
func IsLegalForm(word string) bool { return legalForms[bare(word)] }
