package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kith/store"
	"kith/store/vcard"
)

// bigCards returns n vCards of distinct friends, enough for the reader to
// read the file in two halves and the store to build its index in bulk.
func bigCards(t *testing.T, n int) []string {
	t.Helper()
	cards := make([]string, n)
	var buf bytes.Buffer
	for i := range cards {
		buf.Reset()
		f := store.Friend{ID: uint64(i + 1), Name: fmt.Sprintf("Person %d Big", i), Emails: []string{fmt.Sprintf("p%d@example.com", i)},
			Org: fmt.Sprintf("Org %d", i%50), Notes: strings.Repeat("Met at a conference; likes climbing. ", 10)}
		if err := vcard.Write(&buf, &f, vcard.V3); err != nil {
			t.Fatal(err)
		}
		cards[i] = buf.String()
	}
	return cards
}

// An error in the last cards of a big file (10,000 cards, read in two
// halves and written with the index built in bulk) writes nothing: into
// an empty database, and into one with a friend.
func TestImportBigFileErrorNearTheEndWritesNothing(t *testing.T) {
	const n = 10000
	cards := bigCards(t, n)
	if size := len(strings.Join(cards, "")); size < 4<<20 {
		t.Fatalf("got a file of %d bytes, want 4 MB or more (read in two halves)", size)
	}
	broken := map[string]func([]string) ([]string, string){
		"truncated": func(c []string) ([]string, string) {
			last := strings.TrimSuffix(c[n-1], "END:VCARD\r\n")
			return append(c[:n-1:n-1], last), "has no END:VCARD"
		},
		"unclosed": func(c []string) ([]string, string) {
			c = append([]string(nil), c...)
			c[n-2] = strings.TrimSuffix(c[n-2], "END:VCARD\r\n")
			return c, "BEGIN:VCARD inside the card"
		},
	}
	dir := t.TempDir()
	for name, breakIt := range broken {
		body, want := breakIt(cards)
		path := filepath.Join(dir, name+".vcf")
		if err := os.WriteFile(path, []byte(strings.Join(body, "")), 0o600); err != nil {
			t.Fatal(err)
		}
		for _, before := range []int{0, 1} {
			db := tempDB(t)
			if before > 0 {
				mustKith(t, db, "add", "Existing")
			}
			_, errs, code := kith(t, db, "import", path)
			if code != 1 || !strings.Contains(errs, want) || !strings.Contains(errs, "nothing was written") {
				t.Errorf("%s into %d friends: got exit %d, stderr %q; want 1 and %q", name, before, code, errs, want)
			}
			if fs, err := store.New(db).Friends(); err != nil || len(fs) != before {
				t.Errorf("%s into %d friends: got %d friends after the failed import (%v), want %d", name, before, len(fs), err, before)
			}
		}
	}
	// the file unbroken is imported whole
	path := filepath.Join(dir, "whole.vcf")
	if err := os.WriteFile(path, []byte(strings.Join(cards, "")), 0o600); err != nil {
		t.Fatal(err)
	}
	db := tempDB(t)
	if out := mustKith(t, db, "import", path); !strings.Contains(out, fmt.Sprintf("%d added, 0 merged, 0 skipped", n)) {
		t.Errorf("got %q, want %d added", out, n)
	}
}
