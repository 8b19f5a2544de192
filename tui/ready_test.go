package tui

import "testing"

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
