package main

import (
	"strings"
	"testing"
)

// kith list prints the friends in the name order: "André" before
// "Andrii" (byte order puts it after), "Émile" among the e's.
func TestListInNameOrder(t *testing.T) {
	db := tempDB(t)
	for _, n := range []string{"Zoë Ångström", "Andrii Kovalenko", "Émile Zola", "André Silva", "Fabio Rossi"} {
		mustKith(t, db, "add", n)
	}
	out := mustKith(t, db, "list")
	var got []string
	for _, n := range []string{"André Silva", "Andrii Kovalenko", "Émile Zola", "Fabio Rossi", "Zoë Ångström"} {
		got = append(got, n)
		if i := strings.Index(out, n); i < 0 {
			t.Fatalf("list does not show %s:\n%s", n, out)
		}
	}
	for i := 1; i < len(got); i++ {
		if strings.Index(out, got[i-1]) > strings.Index(out, got[i]) {
			t.Errorf("list shows %s after %s:\n%s", got[i-1], got[i], out)
		}
	}
}
