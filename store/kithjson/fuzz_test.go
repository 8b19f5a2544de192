package kithjson

import (
	"testing"

	"kith/store/importer/importertest"
)

func FuzzParse(f *testing.F) {
	importertest.Fuzz(f, Parse, "../formats/testdata/*.json", "f.json", nil)
}
