package store

import "testing"

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
