package vcard

import (
	"bytes"
	"reflect"
	"testing"

	"kith/store/importer"
	"kith/store/importer/importertest"
)

// FuzzParse also checks that every record that would be kept survives
// kith → vCard → kith.
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
			if !reflect.DeepEqual(got.Friend, rec.Friend) {
				t.Fatalf("round trip %s:\n got %#v\nwant %#v\n%s", v, got.Friend, rec.Friend, buf.String())
			}
		}
	}
}
