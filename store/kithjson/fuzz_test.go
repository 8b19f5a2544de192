package kithjson

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"kith/store/importer"
)

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("../formats/testdata/*.json")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := Parse(bytes.NewReader(data), "f.json")
		if err != nil {
			if in != nil {
				t.Fatal("records returned with an error")
			}
			return
		}
		if err := importer.Verify(in); err != nil {
			t.Fatal(err)
		}
	})
}
