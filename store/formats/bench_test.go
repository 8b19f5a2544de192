package formats

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"kith/store"
	"kith/store/importer"
	"kith/store/vcard"
)

// cards returns n realistic vCards (3.0, every field kith reads).
func cards(n int) []byte {
	var buf bytes.Buffer
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		f := store.Friend{
			ID: uint64(i + 1), Name: fmt.Sprintf("Person %d Surname", i), Emails: []string{fmt.Sprintf("p%d@example.com", i)},
			Phones: []string{fmt.Sprintf("+39 333 %07d", i)}, Org: fmt.Sprintf("Company %d", i%500), Role: "Engineer",
			Sectors: []string{"tech", fmt.Sprintf("s%d", i%20)}, Closeness: 1 + i%5, Notes: "Met at a conference; likes climbing.\nAsk about the new job.",
			Created: t0, Updated: t0,
		}
		vcard.Write(&buf, &f, vcard.V3)
	}
	return buf.Bytes()
}

// BenchmarkImportVCard parses n vCards and imports them into a new
// database in one transaction: the whole of `kith import`.
func BenchmarkImportVCard(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		data := cards(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				st := store.New(filepath.Join(b.TempDir(), "kith.db"))
				b.StartTimer()
				in, _, err := Parse(data, "bench.vcf", "")
				if err != nil {
					b.Fatal(err)
				}
				p, err := importer.Import(st, in, time.Now(), importer.Options{Consume: true})
				if err != nil || p.Added != n {
					b.Fatalf("added %d of %d: %v", p.Added, n, err)
				}
			}
		})
	}
}

// BenchmarkReimportVCard imports n vCards into a database that already
// holds them: every record is matched and skipped.
func BenchmarkReimportVCard(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		data := cards(n)
		st := store.New(filepath.Join(b.TempDir(), "kith.db"))
		in, _, _ := Parse(data, "bench.vcf", "")
		if _, err := importer.Import(st, in, time.Now(), importer.Options{}); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				in, _, err := Parse(data, "bench.vcf", "")
				if err != nil {
					b.Fatal(err)
				}
				p, err := importer.Import(st, in, time.Now(), importer.Options{})
				if err != nil || p.Skipped != n {
					b.Fatalf("skipped %d of %d: %v", p.Skipped, n, err)
				}
			}
		})
	}
}

// BenchmarkExportVCard writes n friends as vCards.
func BenchmarkExportVCard(b *testing.B) {
	n := 100000
	in, _, _ := Parse(cards(n), "bench.vcf", "")
	fs := make([]store.Friend, n)
	for i, r := range in.Records {
		fs[i] = r.Friend
	}
	b.Run(fmt.Sprint(n), func(b *testing.B) {
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			if err := vcard.WriteAll(&buf, fs, vcard.V3); err != nil {
				b.Fatal(err)
			}
		}
	})
}
