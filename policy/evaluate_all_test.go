package policy

import (
	"reflect"
	"testing"

	"kith/store"
)

// TestEvaluateAllMatchesLoop judges a generated network with the places
// and circle loads counted, as the TUI's readiness does, on one to five
// workers (chunk edges falling anywhere) and through EvaluateAll: every
// verdict must be the one a plain loop gives, at its index.
func TestEvaluateAllMatchesLoop(t *testing.T) {
	subs := benchNetwork(9001)
	places := CountPlaces(subs).CountCircleAsks(subs, now)
	set := store.DefaultSettings()
	judge := func(sub Subject) Verdict {
		_, v := LikelyVerdict(sub, places, set, now)
		return v
	}
	want := make([]Verdict, len(subs))
	for i := range subs {
		want[i] = judge(subs[i])
	}
	check := func(name string, got []Verdict) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%s: got %d verdicts, want %d", name, len(got), len(want))
		}
		for i := range want {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("%s: verdict %d: got %+v, want %+v", name, i, got[i], want[i])
			}
		}
	}
	for workers := 1; workers <= 5; workers++ {
		check("workers="+string(rune('0'+workers)), evaluateAll(Pool(subs), judge, workers))
	}
	check("EvaluateAll", EvaluateAll(Pool(subs), judge))
	if got := EvaluateAll(nil, judge); got != nil {
		t.Errorf("nil pool: got %d verdicts, want none", len(got))
	}
}
