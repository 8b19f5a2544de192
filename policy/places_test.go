package policy

import (
	"testing"

	"kith/store"
)

// kindIndex follows store.Kinds, an unknown kind counting as other.
func TestKindIndexFollowsKinds(t *testing.T) {
	for i, k := range store.Kinds() {
		if got := kindIndex(k); got != i {
			t.Errorf("kindIndex(%s) = %d, want %d (its place in store.Kinds)", k, got, i)
		}
	}
	if got, want := kindIndex("gossip"), kindIndex(store.KindOther); got != want {
		t.Errorf("kindIndex of an unknown kind = %d, want other's %d", got, want)
	}
	if len(store.Kinds()) != numKinds {
		t.Errorf("numKinds = %d, want %d", numKinds, len(store.Kinds()))
	}
}
