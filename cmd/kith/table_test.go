package main

import (
	"math/rand/v2"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// plainWidth's fast path agrees with ansi.StringWidth on every character
// it takes, and on strings of them (no two join in a grapheme); truncate
// cuts them as ansi.Truncate does; text outside the range is left to
// ansi.
func TestPlainWidth(t *testing.T) {
	var plain []rune
	for r := rune(0); r < 0x400; r++ {
		s := string(r)
		n, ok := plainWidth(s)
		if !ok {
			continue
		}
		plain = append(plain, r)
		if w := ansi.StringWidth(s); n != 1 || w != 1 {
			t.Errorf("U+%04X: plainWidth %d, ansi.StringWidth %d; want 1", r, n, w)
		}
	}
	if len(plain) != 0x7f-0x20+0x300-0xc0 {
		t.Errorf("plainWidth takes %d characters", len(plain))
	}
	for _, s := range []string{"e\u0301", "a\u00ad", "林", "\u00a0x", "x\u200dy", "🙂"} {
		if _, ok := plainWidth(s); ok {
			t.Errorf("plainWidth takes %q", s)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		rs := make([]rune, 1+rng.IntN(30))
		for i := range rs {
			rs[i] = plain[rng.IntN(len(plain))]
		}
		s := string(rs)
		if n, _ := plainWidth(s); n != ansi.StringWidth(s) || cellWidth(s) != n {
			t.Fatalf("%q: plainWidth %d, ansi.StringWidth %d", s, n, ansi.StringWidth(s))
		}
		for l := 1; l < len(rs); l++ {
			got, w := truncate(s, l)
			if want := ansi.Truncate(s, l, "…"); got != want || w != ansi.StringWidth(want) {
				t.Fatalf("truncate(%q, %d) = %q (%d cells), ansi.Truncate %q", s, l, got, w, want)
			}
		}
	}
}
