package store

import (
	"net/mail"
	"strings"
	"testing"
)

func TestParseEmail(t *testing.T) {
	good := []struct{ in, want string }{
		{"ada@example.org", "ada@example.org"},
		{"  ada@example.org ", "ada@example.org"},
		{"Ada <ada@example.org>", "ada@example.org"}, // the name is dropped, the address kept
		{"<ada@example.org>", "ada@example.org"},
		{"ada@example.org (Ada)", "ada@example.org"},
		{`"a b"@example.org`, `"a b"@example.org`}, // quoted as it must be
		{"a+b@example.org", "a+b@example.org"},
		{"ädä@example.org", "ädä@example.org"},
		{"ada@localhost", "ada@localhost"},
	}
	for _, tt := range good {
		got, err := ParseEmail(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseEmail(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			continue
		}
		if again, err := ParseEmail(got); err != nil || again != got {
			t.Errorf("ParseEmail(%q) = %q, %v: the kept form does not read back", got, again, err)
		}
	}
	for _, in := range []string{"", "@", "x@", "@y", "a b@c", "ada", "ada@ex ample.org", "ada@x.org, bob@y.org", "ada..b@x.org", "ad\ufffda@x.org"} {
		if got, err := ParseEmail(in); err == nil {
			t.Errorf("ParseEmail(%q) = %q, want an error", in, got)
		}
	}
}

func TestNameAndOrgKeys(t *testing.T) {
	tests := []struct {
		f    func(string) string
		a, b string
	}{
		{NameKey, "José  O'Neil", "jose oneil"},
		{NameKey, "Anne-Marie", "anne marie"},
		{OrgKey, "Acme, Inc.", "acme"},
		{OrgKey, "Acme Inc.", "acme"},
		{OrgKey, "ACME", "acme"},
		{OrgKey, "acme", "acme"},
		{OrgKey, "Acme Ltd", "acme"},
		{OrgKey, "Acme LLC", "acme"},
		{OrgKey, "Acme GmbH", "acme"},
		{OrgKey, "Acme AG", "acme"},
		{OrgKey, "Acme SA", "acme"},
		{OrgKey, "Acme plc", "acme"},
		{OrgKey, "Acme Corp.", "acme"},
		{OrgKey, "Acme & Co.", "acme"},
		{OrgKey, "Banca Esempio S.p.A.", "banca esempio"},
		{OrgKey, "Ditta Rossi S.r.l.", "ditta rossi"},
		{OrgKey, "Inc", "inc"},
		{OrgKey, "Société Générale", "societe generale"},
	}
	for _, tt := range tests {
		if got := tt.f(tt.a); got != tt.b {
			t.Errorf("key(%q) = %q, want %q", tt.a, got, tt.b)
		}
	}
	if OrgKey("Acme Inc.") != OrgKey("ACME") || OrgKey("Acme") == OrgKey("Acme Pay") {
		t.Error("OrgKey: Acme Inc. and ACME differ, or Acme and Acme Pay are one")
	}
}

func TestOrgIs(t *testing.T) {
	var buf []byte
	orgs := []string{"Acme Inc.", "ACME", "acme", "Acme, Inc.", "Acme GmbH", "Banca Esempio S.p.A.", "Société Générale", "Éclair SA",
		"", "Inc", "Inc Inc", "3M Co.", "  acme  ", "Acme Pay", "Acme-Pay", "Acme Pay Inc.", "Acme Inc Pay", "Bacme", "Acmex", "A.C.M.E.", "Org 7", "Org 71"}
	for _, org := range orgs {
		for _, other := range append(orgs, "banca esempio", "SOCIETE GENERALE", "eclair", "3m") {
			key := OrgKey(other)
			want := key != "" && OrgKey(org) == key
			if got := OrgIs(org, key, &buf); got != want {
				t.Errorf("OrgIs(%q, %q) = %v, want %v", org, key, got, want)
			}
		}
	}
}

// TestASCIIKeyIsNameKey checks the ASCII path of NameKey against the
// general one, for every pair of ASCII bytes between letters.
func TestASCIIKeyIsNameKey(t *testing.T) {
	for a := 0; a < 128; a++ {
		for b := 0; b < 128; b += 7 {
			s := "Ab" + string(rune(a)) + "c" + string(rune(b)) + "D9"
			fast := string(appendASCIIKey(nil, s))
			// The general path, made to take it by a non-ASCII rune
			// that adds nothing (a combining accent on its own).
			slow := NameKey(s + "\u0301")
			if fast != slow {
				t.Fatalf("%q: ASCII key %q, general key %q", s, fast, slow)
			}
		}
	}
}

func TestFold(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Kamiński", "kaminski"},
		{"KAMIŃSKI", "kaminski"},
		{"Zoë", "zoe"},
		{"Łódź", "lodz"},
		{"Søren Østergård", "soren ostergard"},
		{"Đorđe", "dorde"},
		{"Straße", "strasse"},
		{"Ægir Þórsson", "aegir thorsson"},
		{"İrem", "irem"},
		{"Zoe\u0308", "zoe"}, // decomposed: the accent on its own
		{"Γιώργος", "γιωργοσ"},
		{"ΓΙΏΡΓΟΣ", "γιωργοσ"},
		{"陳 美咲", "陳 美咲"},
		{"O'Neil-Smith, Jr.", "o'neil-smith, jr."}, // punctuation kept: Fold matches, NameKey compares
		{"bad\xffbyte", "bad\ufffdbyte"},
	} {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := string(AppendFold(nil, []byte(tt.in))); got != tt.want {
			t.Errorf("AppendFold([]byte %q) = %q, want %q", tt.in, got, tt.want)
		}
		var perRune []byte
		for _, r := range tt.in {
			perRune = AppendFoldRune(perRune, r)
		}
		if string(perRune) != tt.want {
			t.Errorf("the runes of %q fold to %q, the whole to %q", tt.in, perRune, tt.want)
		}
	}
	if NameKey("Łukasz Kamiński") != NameKey("lukasz kaminski") {
		t.Error("NameKey does not fold as Fold does: Łukasz Kamiński and lukasz kaminski differ")
	}
}

// BenchmarkFold folds names and notes as the TUI's filter index does.
func BenchmarkFold(b *testing.B) {
	text := []string{"Ada Lovelace", "Zoë Kamińska", "Jürgen Müller-Lüdenscheidt", "María José García", "陳 美咲",
		"met at conference 12; likes hiking and the outdoors", "fintech", "Łukasz Wróbel", "Ștefan Țărănescu"}
	var buf []byte
	for b.Loop() {
		buf = buf[:0]
		for _, s := range text {
			buf = AppendFold(buf, s)
		}
	}
}

// TestFoldTable: the table of Latin letters folds as decomposing does.
func TestFoldTable(t *testing.T) {
	for r := rune(latinFirst); r < latinEnd; r++ {
		if got, want := string(AppendFoldRune(nil, r)), string(appendFoldSlow(nil, r)); got != want {
			t.Errorf("%q folds to %q from the table, %q decomposed", r, got, want)
		}
	}
}

// plainEmail's addresses are read by ParseEmail as net/mail reads them.
func TestPlainEmail(t *testing.T) {
	parts := []string{"", "a", "A.b", "a..b", ".a", "a.", "a_b+c", "x-y", "9", "é", "a b", `"a"`, "a@b", "[1.2.3.4]", "a(c)", "-", "a=b"}
	n := 0
	for _, l := range parts {
		for _, d := range parts {
			s := l + "@" + d
			for _, in := range []string{s, l + d, s + "@x"} {
				var want string
				if a, err := mail.ParseAddress(in); err == nil {
					want = strings.TrimSuffix(strings.TrimPrefix((&mail.Address{Address: a.Address}).String(), "<"), ">")
				}
				if plainEmail(in) {
					n++
					if want != in {
						t.Errorf("%q: plain, but net/mail reads %q", in, want)
					}
				}
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d plain addresses tried", n)
	}
}
