package vcard

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"kith/store"
)

// benchFriends makes n friends with what a phone's card holds.
func benchFriends(n int) []store.Friend {
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	fs := make([]store.Friend, n)
	for i := range fs {
		fs[i] = store.Friend{ID: uint64(i + 1), Name: fmt.Sprintf("Friend %d Example", i), Org: "Acme",
			Emails: []string{fmt.Sprintf("friend%d@example.com", i)}, Phones: []string{fmt.Sprintf("+39 333 %07d", i)},
			Sectors: []string{"tech"}, Closeness: 3, Created: at, Updated: at}
	}
	return fs
}

// BenchmarkWriteDir is kith export --format vcard -o DIR/: one file a
// friend. The budget is 10 s for 100,000 (80 s with an fsync a
// file):
//
//	go test -run '^$' -bench 'WriteDir/100k' -benchtime 3x ./store/vcard/
func BenchmarkWriteDir(b *testing.B) {
	for _, size := range []struct {
		name string
		n    int
	}{{"1k", 1_000}, {"10k", 10_000}, {"100k", 100_000}} {
		b.Run(size.name, func(b *testing.B) {
			fs := benchFriends(size.n)
			root := b.TempDir()
			i := 0
			for b.Loop() {
				i++
				if n, err := WriteDir(filepath.Join(root, fmt.Sprint(i)), fs, V3); err != nil || n != size.n {
					b.Fatalf("WriteDir: %d, %v", n, err)
				}
			}
		})
	}
}

// BenchmarkParse reads 100,000 cards (kith's own export of the bench
// friends), in one piece and in two halves at once (parseSplit):
//
//	go test -run '^$' -bench 'Parse/' -count 5 ./store/vcard/
func BenchmarkParse(b *testing.B) {
	var buf bytes.Buffer
	if err := WriteAll(&buf, benchFriends(100_000), V3); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	for _, c := range []struct {
		name string
		min  int
	}{{"whole", len(data) + 1}, {"halves", splitMin}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if in, err := parseSplit(data, "bench.vcf", c.min); err != nil || len(in.Records) != 100_000 {
					b.Fatalf("parse: %v", err)
				}
			}
		})
	}
}
