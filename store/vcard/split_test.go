package vcard

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// A file read in two halves at once gives what it gives read in one
// piece: the records, their sources and the warnings with their lines,
// whatever the fixtures hold (2.1 AGENT cards nested in others, CRLF,
// lone CR, lower-case BEGIN, text outside a card); and a file that cannot
// be read gives the same error.
func TestParseSplitIsWhole(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.vcf"))
	if err != nil || len(files) == 0 {
		t.Fatalf("fixtures: %v, %d files", err, len(files))
	}
	var all []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := parseSplit(b, "x.vcf", 1<<40); err == nil && !strings.ContainsRune(string(b), 0) {
			all = append(all, string(b))
		}
	}
	cases := map[string]string{
		"fixtures": strings.Join(all, "\n"),
		"crlf":     strings.ReplaceAll(strings.Join(all, "\n"), "\n", "\r\n"),
		"cr":       strings.ReplaceAll(strings.Join(all, "\n"), "\n", "\r"),
		"lower":    strings.Repeat("begin:vcard\nFN:A\nend:vcard\n", 5) + "stray\n" + strings.Repeat("BEGIN:VCARD\nFN:B\nX-:?\nEND:VCARD\n", 5),
		"agent":    strings.Repeat("BEGIN:VCARD\nVERSION:2.1\nFN:A\nAGENT:\nBEGIN:VCARD\nFN:B\nEND:VCARD\nEND:VCARD\n", 6),
		"cut":      strings.Repeat("BEGIN:VCARD\nFN:A\nEND:VCARD\n", 6) + "BEGIN:VCARD\nFN:B\n",
	}
	split := 0
	for name, text := range cases {
		data := []byte(text)
		if splitPoint(text, lineSep(text)) > 0 {
			split++
		}
		whole, werr := parseSplit(data, "x.vcf", 1<<40)
		halves, herr := parseSplit(data, "x.vcf", 1)
		if (werr == nil) != (herr == nil) || (werr != nil && werr.Error() != herr.Error()) {
			t.Errorf("%s: got error %v, want %v", name, herr, werr)
			continue
		}
		if !reflect.DeepEqual(halves, whole) {
			t.Errorf("%s: read in halves differs from in one piece:\ngot  %+v\nwant %+v", name, halves, whole)
		}
	}
	if split < len(cases)-1 {
		t.Errorf("%d of %d cases were cut in two, want all but one", split, len(cases))
	}
}
