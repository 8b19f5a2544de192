package tui

import (
	"strings"
	"testing"
)

// TestOrgCardHasNoReadiness: an organisation's card is never asked, so
// the list shows a dash where a person's readiness is, and the readiness
// sort puts the cards after every person.
func TestOrgCardHasNoReadiness(t *testing.T) {
	net := genNetwork(30, 3)
	for _, i := range []int{0, 7} {
		net.friends[i].IsOrg, net.friends[i].Archived, net.friends[i].Boundaries = true, false, nil
	}
	m := newTestModel(t, net, 80, 40)
	for _, l := range lines(plain(m)) {
		for _, i := range []int{0, 7} {
			if name := net.friends[i].Name; strings.Contains(l, name) && strings.Count(plain(m), name) == 1 {
				if !strings.Contains(l, noReadiness) || strings.Contains(l, "clear") {
					t.Errorf("the card %s shows a readiness: %q", name, l)
				}
			}
		}
	}
	run(t, m, press(m, "s"))
	rows := m.home.rows
	people := 0
	for k, i := range rows {
		if m.home.d.friends[i].IsPerson() {
			people++
			if people != k+1 {
				t.Fatalf("by readiness, %s (a person) comes after an organisation's card", m.home.d.friends[i].Name)
			}
		}
	}
	if people != len(rows)-2 {
		t.Errorf("%d people of %d rows, want the 2 cards shown", people, len(rows))
	}
}
