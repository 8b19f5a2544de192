package vsync

import (
	"fmt"
	"path/filepath"
	"testing"

	"kith/store"
)

// BenchmarkSync is kith sync DIR: the first sync (every card written),
// and one where nothing changed on either side (every file only
// stat'ed, every friend summed). The budget for 10,000
// unchanged cards is 1 s:
//
//	go test -run '^$' -bench 'Sync/10k' -benchtime 10x ./store/vsync/
func BenchmarkSync(b *testing.B) {
	for _, size := range []struct {
		name string
		n    int
	}{{"1k", 1_000}, {"10k", 10_000}} {
		b.Run(size.name, func(b *testing.B) {
			st := store.New(filepath.Join(b.TempDir(), "kith.db"))
			if err := st.Batch(now, func(tx *store.Tx) error {
				for i := range size.n {
					f := store.Friend{Name: fmt.Sprintf("Friend %d Example", i), Org: "Acme",
						Emails: []string{fmt.Sprintf("friend%d@example.com", i)}, Phones: []string{fmt.Sprintf("+39 333 %07d", i)}}
					if err := tx.AddFriend(&f); err != nil {
						return err
					}
				}
				return nil
			}); err != nil {
				b.Fatal(err)
			}
			dir := b.TempDir()
			b.Run("first", func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					st2 := store.New(filepath.Join(b.TempDir(), "kith.db"))
					fs, _ := st.Friends()
					st2.Batch(now, func(tx *store.Tx) error {
						for i := range fs {
							fs[i].ID = 0
							tx.AddFriend(&fs[i])
						}
						return nil
					})
					d := b.TempDir()
					b.StartTimer()
					if p, err := Sync(st2, d, now, Options{}); err != nil || p.Count(AddCard) != size.n {
						b.Fatalf("sync: %v", err)
					}
				}
			})
			if _, err := Sync(st, dir, now, Options{}); err != nil {
				b.Fatal(err)
			}
			b.Run("unchanged", func(b *testing.B) {
				for b.Loop() {
					p, err := Sync(st, dir, now, Options{})
					if err != nil || p.Count(InStep) != size.n {
						b.Fatalf("sync: %d in step, %v", p.Count(InStep), err)
					}
				}
			})
		})
	}
}
