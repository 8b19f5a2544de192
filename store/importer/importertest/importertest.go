// Package importertest holds what the importers' tests share.
package importertest

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"kith/store/importer"
)

// Parser is a format's reader, as each importer package exports it.
type Parser func(r io.Reader, name string) (*importer.Input, error)

// Fuzz fuzzes parse, seeded with the files matching glob and with seeds.
// Whatever the input, parse must not panic or hang, and must return
// either an error and no records, or records that pass importer.Verify.
// check, if not nil, looks further at every input parsed without error.
func Fuzz(f *testing.F, parse Parser, glob, name string, check func(t *testing.T, in *importer.Input), seeds ...[]byte) {
	files, err := filepath.Glob(glob)
	if err != nil || len(files) == 0 {
		f.Fatalf("no seed files match %s", glob)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := parse(bytes.NewReader(data), name)
		if err != nil {
			if in != nil {
				t.Fatal("records returned with an error")
			}
			return
		}
		if err := importer.Verify(in); err != nil {
			t.Fatal(err)
		}
		if check != nil {
			check(t, in)
		}
	})
}
