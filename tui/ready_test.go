package tui

import (
	"slices"
	"testing"
)

// TestReadyJudgesEveryFriendAtItsIndex runs the readiness command over
// enough friends to be judged on every processor: each friend's badge
// must be the one judging them alone gives.
func TestReadyJudgesEveryFriendAtItsIndex(t *testing.T) {
	d := genNetwork(20000, 11).dataset(1)
	msg, ok := readyCmd(d, PolicyJudge, testNow)().(readyMsg)
	if !ok {
		t.Fatal("got no readyMsg from readyCmd")
	}
	if len(msg.verd) != d.len() {
		t.Fatalf("got %d badges, want %d", len(msg.verd), d.len())
	}
	for i := range d.len() {
		_, v := PolicyJudge(subjectOf(d, i), d.places, d.profile.Settings, testNow)
		if want := badgeOf(v); msg.verd[i] != want {
			t.Fatalf("friend %d: got %+v, want %+v", i, msg.verd[i], want)
		}
	}
}

// TestReadyOrderMatchesPlainSort sorts a large network, some of it
// organisations' cards, as readyCmd does and by the rule written plainly:
// people first, then level, score (higher first) and name.
func TestReadyOrderMatchesPlainSort(t *testing.T) {
	net := genNetwork(20000, 12)
	for i := range net.friends {
		if i%7 == 3 {
			net.friends[i].IsOrg = true
		}
	}
	d := net.dataset(1)
	msg := readyCmd(d, PolicyJudge, testNow)().(readyMsg)
	want := slices.Clone(d.byName)
	slices.SortFunc(want, func(a, b int32) int {
		if pa, pb := d.friends[a].IsPerson(), d.friends[b].IsPerson(); pa != pb {
			if pa {
				return -1
			}
			return 1
		}
		va, vb := &msg.verd[a], &msg.verd[b]
		if va.level != vb.level {
			return int(va.level) - int(vb.level)
		}
		if va.score != vb.score {
			return vb.score - va.score
		}
		return int(d.rank[a] - d.rank[b])
	})
	if !slices.Equal(msg.order, want) {
		for k := range want {
			if msg.order[k] != want[k] {
				t.Fatalf("position %d: got friend %d, want %d", k, msg.order[k], want[k])
			}
		}
		t.Fatalf("got %d in the order, want %d", len(msg.order), len(want))
	}
}
