package main

import (
	"strings"
	"testing"
)

// TestShowIgnoresAccents: `kith show 'krzysztof kaminski'` finds
// Krzysztof Kamiński (it said that no friend matches), as does every
// FRIEND argument.
func TestShowIgnoresAccents(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Krzysztof Kamiński", "--org", "Fabryka")
	mustKith(t, db, "add", "Zoë Laurent")
	if out := mustKith(t, db, "show", "krzysztof kaminski"); !strings.Contains(out, "Krzysztof Kamiński (id 1)") {
		t.Errorf("show 'krzysztof kaminski':\n%s", out)
	}
	if out := mustKith(t, db, "show", "ZOE"); !strings.Contains(out, "Zoë Laurent (id 2)") {
		t.Errorf("show ZOE:\n%s", out)
	}
	mustKith(t, db, "favor", "kaminski", "lent him a book")
	if out := mustKith(t, db, "show", "1"); !strings.Contains(out, "lent him a book") {
		t.Errorf("favor kaminski did not reach Kamiński:\n%s", out)
	}
}
