package vcard

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"kith/store"
)

// Cards kith writes are canonical (keep stores nothing of them) card
// after card, with the reader and its slices reused from one card to the
// next: nothing of one card is left in the next one's reading.
func TestOwnCardsAreCanonicalReadOneAfterAnother(t *testing.T) {
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var buf bytes.Buffer
	for i, name := range []string{"Ada Lovelace", "Bo Chan", "Carla Ruiz"} {
		f := store.Friend{ID: uint64(i + 1), Name: name, Nickname: "N" + name[:1], Org: "Org " + name[:2], Role: "Role",
			Emails: []string{strings.ToLower(name[:2]) + "@example.com"}, Phones: []string{"+39 333 000 000" + string(rune('0'+i))},
			Sectors: []string{"tech", "s" + name[:1]}, Notes: "A note; with, punctuation.", Closeness: 1 + i, Created: t0, Updated: t0}
		if err := Write(&buf, &f, V3); err != nil {
			t.Fatal(err)
		}
	}
	lex := newLexer(buf.String())
	var sc scratch
	var card []prop
	n := 0
	for {
		l, num, ok := lex.next()
		if !ok {
			break
		}
		switch strings.TrimSpace(l) {
		case "BEGIN:VCARD":
			card = card[:0]
			continue
		case "END:VCARD":
			rec, _, err := toRecord(card, "t.vcf", num, &sc)
			if err != nil {
				t.Fatal(err)
			}
			n++
			if c := rec.Friend.Contact; c != nil && len(c.Card.Props) > 0 {
				t.Errorf("card %d: got kept properties %v, want none", n, c.Card.Props)
			}
			if !sc.r.allCanonical(sc.r.stored, render{}) {
				t.Errorf("card %d: got not canonical, want canonical", n)
			}
			continue
		}
		p, ok := parseProp(l, num)
		if !ok {
			t.Fatalf("line %d: %q does not parse", num, l)
		}
		card = append(card, p)
	}
	if n != 3 {
		t.Errorf("got %d cards, want 3", n)
	}
}
