package linkedin

import (
	"testing"

	"kith/store/importer/importertest"
)

func FuzzParse(f *testing.F) { importertest.Fuzz(f, Parse, "testdata/*.csv", "f.csv", nil) }
