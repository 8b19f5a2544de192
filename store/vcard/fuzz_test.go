package vcard

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"kith/store/importer"
)

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.vcf")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("BEGIN:VCARD\nFN;X=\"a:b\":c\nEND:VCARD"))
	f.Add([]byte("BEGIN:VCARD\nNOTE;QUOTED-PRINTABLE:a=\n=\nEND:VCARD\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := Parse(bytes.NewReader(data), "f.vcf")
		if err != nil {
			if in != nil {
				t.Fatal("records returned with an error")
			}
			return
		}
		if err := importer.Verify(in); err != nil {
			t.Fatal(err)
		}
		// every record that would be kept survives kith → vCard → kith
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
	})
}
