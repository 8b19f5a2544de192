package store

import (
	"errors"
	"testing"
)

func TestFindFriendUnicodeAndNameOnly(t *testing.T) {
	s := newStore(t)
	for _, f := range []Friend{
		{Name: "İrem Öztürk", Org: "Adastra"},
		{Name: "Γιώργος Παπαδόπουλος", Notes: "zeta"},
		{Name: "Małgorzata Szymańska"},
	} {
		if err := addFriend(s, &f); err != nil {
			t.Fatal(err)
		}
	}
	for q, want := range map[string]string{
		"öztürk":       "İrem Öztürk",
		"ÖZTÜRK":       "İrem Öztürk",
		"παπαδόπουλος": "Γιώργος Παπαδόπουλος",
		"ΓΙΏΡΓΟ":       "Γιώργος Παπαδόπουλος", // a final Σ lowers to σ, not ς: a known limit
		"SZYMAŃSKA":    "Małgorzata Szymańska",
	} {
		if f, err := s.FindFriend(q); err != nil || f.Name != want {
			t.Errorf("FindFriend(%q) = %q, %v; want %q", q, f.Name, err, want)
		}
	}
	// Only names match, not organisations or notes.
	for _, q := range []string{"adastra", "zeta"} {
		if f, err := s.FindFriend(q); !errors.Is(err, ErrNotFound) {
			t.Errorf("FindFriend(%q) = %q, %v; want ErrNotFound", q, f.Name, err)
		}
	}
}

// TestFindFriendIgnoresAccents: a FRIEND argument matches without case or
// accents, an exact name as well as a part of one.
func TestFindFriendIgnoresAccents(t *testing.T) {
	s := newStore(t)
	for _, f := range []Friend{
		{Name: "Krzysztof Kamiński"},
		{Name: "Zoë Laurent"},
		{Name: "Ewa Kamińska"},
		{Name: "Zoe"},
	} {
		if err := addFriend(s, &f); err != nil {
			t.Fatal(err)
		}
	}
	for q, want := range map[string]string{
		"krzysztof kaminski": "Krzysztof Kamiński", // the example: "no friend matches"
		"KAMINSKI":           "Krzysztof Kamiński",
		"zoe laurent":        "Zoë Laurent",
		"laurent":            "Zoë Laurent",
		"zoe":                "Zoe", // exact beats partial, folded: Zoë Laurent is a partial match
		"ewa kaminska":       "Ewa Kamińska",
	} {
		if f, err := s.FindFriend(q); err != nil || f.Name != want {
			t.Errorf("FindFriend(%q) = %q, %v; want %q", q, f.Name, err, want)
		}
	}
	var amb *AmbiguousError
	if _, err := s.FindFriend("kaminsk"); !errors.As(err, &amb) || len(amb.Matches) != 2 {
		t.Errorf("FindFriend(kaminsk) = %v, want both Kamińskis as ambiguous", err)
	}
}
