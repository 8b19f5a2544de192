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
