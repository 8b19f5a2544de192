package policy

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file matches a request's keywords as whole words.

// keyword is a lower-case search word with the offset of its rarest
// ASCII byte, the anchor its search looks for first.
type keyword struct {
	w  string
	at int // -1: no ASCII letter or digit to anchor on
}

// letterOrder ranks letters from the most to the least frequent in
// English and Italian text; a later letter makes a better anchor.
const letterOrder = "eaitonrslcdmupghbfvwykzjxq"

func newKeyword(w string) keyword {
	k := keyword{w: w, at: -1}
	best := -1
	for i := 0; i < len(w); i++ {
		c := w[i]
		rank := -1
		switch {
		case 'a' <= c && c <= 'z':
			rank = strings.IndexByte(letterOrder, c)
		case '0' <= c && c <= '9', c < utf8.RuneSelf && c > ' ':
			rank = len(letterOrder) // digits and punctuation are rare
		}
		if rank > best {
			best, k.at = rank, i
		}
	}
	return k
}

// in reports whether s contains the keyword as a whole word (not inside
// a longer word: "ai" is not in "retail" or "Grain"), ignoring case,
// without allocating. It finds candidates for the anchor byte (either case) with
// strings.IndexByte (vectorised) and compares the window around each with
// strings.EqualFold, so it may miss a match whose cases differ in byte
// length (rare outside a few scripts).
func (k keyword) in(s string) bool {
	n := len(k.w)
	if n == 0 {
		return true
	}
	if n > len(s) {
		return false
	}
	if k.at < 0 {
		for i := 0; i+n <= len(s); i++ {
			if strings.EqualFold(s[i:i+n], k.w) && wholeWord(s, i, i+n) {
				return true
			}
		}
		return false
	}
	c := k.w[k.at]
	if k.anchored(s, c) {
		return true
	}
	if 'a' <= c && c <= 'z' {
		return k.anchored(s, c-'a'+'A')
	}
	return false
}

// anchored looks for the keyword at every place where its anchor byte
// could be c.
func (k keyword) anchored(s string, c byte) bool {
	n := len(k.w)
	// The anchor sits at k.at in the keyword, so it lies in s[k.at:len(s)-n+k.at+1].
	for off := k.at; off <= len(s)-n+k.at; {
		i := strings.IndexByte(s[off:len(s)-n+k.at+1], c)
		if i < 0 {
			return false
		}
		p := off + i
		if strings.EqualFold(s[p-k.at:p-k.at+n], k.w) && wholeWord(s, p-k.at, p-k.at+n) {
			return true
		}
		off = p + 1
	}
	return false
}

// wholeWord reports whether s[i:j] is a whole word, or one with a plural
// "s" after it ("rocket" in "rockets").
func wholeWord(s string, i, j int) bool {
	return wordAt(s, i, j) || j < len(s) && (s[j] == 's' || s[j] == 'S') && wordAt(s, i, j+1)
}

// wordAt reports whether s[i:j] is a whole word: no letter or digit
// right before or right after it.
func wordAt(s string, i, j int) bool {
	if i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); isWordRune(r) {
			return false
		}
	}
	if j < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[j:]); isWordRune(r) {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
