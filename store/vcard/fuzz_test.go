package vcard

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
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
			back, err := Parse(&buf, "rt.vcf")
			if err != nil || len(back.Records) != 1 {
				t.Fatalf("re-read %s: %v\n%s", v, err, buf.String())
			}
			got := back.Records[0]
			importer.Clean(&got)
			got.Friend.Normalize()
			want := wantBack(rec.Friend)
			want.Card.Props = slices.Clone(want.Card.Props)
			if rec.Friend.Card.Version != v {
				// carried into another version, the card keeps what it
				// keeps in that one: compare the fields only
				got.Friend.Card, want.Card = store.Card{UID: got.Friend.Card.UID}, store.Card{UID: want.Card.UID}
			}
			// the kept properties come back in the places Write puts
			// them: their order says nothing
			sortProps(got.Friend.Card.Props)
			sortProps(want.Card.Props)
			if !reflect.DeepEqual(got.Friend, want) {
				t.Fatalf("round trip %s:\n got %#v\nwant %#v\n%s", v, got.Friend, want, buf.String())
			}
		}
	}
}

// wantBack is what kith reads back from the card it wrote for f: f, with
// the UID it was written with, and its name parts as the card's N has
// them (derived with store.SplitName when f had none).
func wantBack(f store.Friend) store.Friend {
	f.Card.UID = UID(&f)
	keepsN := false
	for _, p := range f.Card.Props {
		keepsN = keepsN || p.Of == store.FieldNameParts && p.Sum == store.FieldSum(store.FieldNameParts, &f)
	}
	if !keepsN && f.NameParts != f.Parts() {
		f.NameParts = f.Parts()
		// the parts made explicit change the card's sum
		if f.Card.Sum != "" {
			f.Card.Props = slices.Clone(f.Card.Props)
			f.Card.Sum = store.ContactSum(&f)
			for i := range f.Card.Props {
				if f.Card.Props[i].Of == store.FieldCard {
					f.Card.Props[i].Sum = f.Card.Sum
				}
			}
		}
	}
	return f
}

func sortProps(ps []store.CardProp) {
	slices.SortStableFunc(ps, func(a, b store.CardProp) int {
		return strings.Compare(a.Name+"\x00"+a.Group+"\x00"+a.Params+"\x00"+a.Value, b.Name+"\x00"+b.Group+"\x00"+b.Params+"\x00"+b.Value)
	})
}
