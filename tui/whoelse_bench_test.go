package tui

import (
	"testing"

	"kith/policy"
	"kith/store"
)

// BenchmarkWhoElseRankCircles is one re-ranking of who else on friends
// in circles (circledNetwork): a need for a sector, whose misfits in
// circles Rank need not read when given the circle loads.
func BenchmarkWhoElseRankCircles(b *testing.B) {
	for _, n := range []struct {
		name string
		n    int
	}{{"10k", 10000}, {"100k", 100000}} {
		b.Run(n.name, func(b *testing.B) {
			d := circledNetwork(n.n, 42).dataset(1)
			req := policy.Request{Kind: store.KindIntro, Sector: "design"}
			b.ReportAllocs()
			for b.Loop() {
				_ = rankNeed(d, req, d.profile.Settings, testNow, 0)
			}
		})
	}
}
