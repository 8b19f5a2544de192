package vcard

import (
	"bytes"
	"reflect"
	"slices"
	"testing"

	"kith/store"
	"kith/store/importer"
	"kith/store/importer/importertest"
)

// FuzzParse also checks that every record that would be kept survives
// kith → vCard → kith (see wantBack).
func FuzzParse(f *testing.F) {
	importertest.Fuzz(f, Parse, "testdata/*.vcf", "f.vcf", roundTrips,
		[]byte("BEGIN:VCARD\nFN;X=\"a:b\":c\nEND:VCARD"),
		[]byte("BEGIN:VCARD\nNOTE;QUOTED-PRINTABLE:a=\n=\nEND:VCARD\n"))
}

func roundTrips(t *testing.T, in *importer.Input) {
	for _, rec := range in.Records {
		if _, skip := importer.Clean(&rec); skip != "" {
			continue
		}
		rec.Friend.Normalize()
		for _, v := range []string{V3, V4} {
			var buf bytes.Buffer
			if err := Write(&buf, &rec.Friend, v); err != nil {
				t.Fatal(err)
			}
			first := slices.Clone(buf.Bytes())
			back, err := Parse(&buf, "rt.vcf")
			if err != nil || len(back.Records) != 1 {
				t.Fatalf("re-read %s: %v\n%s", v, err, buf.String())
			}
			got := back.Records[0]
			importer.Clean(&got)
			got.Friend.Normalize()
			// The fields come back as they were.
			want := wantBack(rec.Friend)
			gf, wf := got.Friend, want
			gf.Contact, wf.Contact = onlyUID(gf.Contact), onlyUID(wf.Contact)
			if !reflect.DeepEqual(gf, wf) {
				t.Fatalf("round trip %s:\n got %#v\nwant %#v\n%s", v, got.Friend, want, first)
			}
			// And the card: written again, it says what it said (the
			// card kept may differ, where the first reading kept what
			// the second finds kith would write the same way).
			var again bytes.Buffer
			if err := Write(&again, &got.Friend, v); err != nil {
				t.Fatal(err)
			}
			if a, b := cardLines(t, first), cardLines(t, again.Bytes()); !reflect.DeepEqual(a, b) {
				t.Fatalf("round trip %s: the card written again differs:\n%s\n---\n%s", v, first, again.String())
			}
		}
	}
}

// wantBack is what kith reads back from the card it wrote for f: f, with
// the UID it was written with, and its name parts as the card's N has
// them (derived with store.SplitName when f had none).
func wantBack(f store.Friend) store.Friend {
	uid := UID(&f)
	f.Contact = f.Contact.Clone()
	c := f.MakeContact()
	c.Card.UID = uid
	keepsN := false
	for _, p := range c.Card.Props {
		keepsN = keepsN || p.Of == store.FieldNameParts && p.Sum == store.FieldSum(store.FieldNameParts, &f)
	}
	if parts := f.Parts(); !keepsN && c.NameParts != parts {
		c.NameParts = parts
		// the parts made explicit change the card's sum
		if c.Card.Sum != "" {
			c.Card.Sum = store.ContactSum(&f)
			for i := range c.Card.Props {
				if c.Card.Props[i].Of == store.FieldCard {
					c.Card.Props[i].Sum = c.Card.Sum
				}
			}
		}
	}
	return f
}

// onlyUID is c with nothing but its card's UID.
func onlyUID(c *store.Contact) *store.Contact {
	if c == nil || c.Card.UID == "" {
		return nil
	}
	return &store.Contact{Card: store.Card{UID: c.Card.UID}}
}

// cardLines is the one card in data as its properties' meanings, sorted.
func cardLines(t *testing.T, data []byte) []string {
	cards, err := Cards(data)
	if err != nil || len(cards) != 1 {
		t.Fatalf("%v: %d cards", err, len(cards))
	}
	var out []string
	for _, p := range cards[0] {
		out = append(out, p.Meaning())
	}
	slices.Sort(out)
	return out
}
