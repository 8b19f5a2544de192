package probe

import (
	"testing"

	"kith/store"
)

func BenchmarkHaystacks(b *testing.B) {
	st := store.New("/tmp/tui-speed-bench/kith-100000.db")
	for b.Loop() {
		if _, err := st.Haystacks(); err != nil {
			b.Fatal(err)
		}
	}
}
