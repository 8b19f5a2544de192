package tui

import (
	"testing"
	"time"

	"kith/policy"
	"kith/store"
)

// The detail shows a friend's contact fields: the department with the
// role, the birthday, the anniversary, each address; and says when the
// contact is an organisation.
func TestDetailShowsContactFields(t *testing.T) {
	net := &network{friends: []store.Friend{
		{ID: 1, Name: "Ada Lovelace", Role: "Mathematician", Department: "Research", Org: "Analytical Engines", Closeness: 4,
			Birthday: store.Date{Year: 1985, Month: time.December, Day: 10}, Anniversary: store.Date{Month: time.July, Day: 8},
			Created: testNow, Updated: testNow, Contact: &store.Contact{Addresses: []store.Address{{Types: []string{"home"}, Street: "12 St James's Square", Locality: "London", PostalCode: "SW1Y 4JH"}}}},
		{ID: 2, Name: "Acme AG", Org: "Acme AG", IsOrg: true, Closeness: 3, Created: testNow, Updated: testNow},
	}, asks: make([][]store.Ask, 2), favors: make([][]store.Favor, 2)}
	for _, f := range []string{"ada", "org"} {
		m := newTestModel(t, net, 120, 40)
		if f == "ada" { // the list is sorted by name: Acme AG first
			press(m, "j")
		}
		for _, msg := range runPush(press(m, "enter")) {
			m.Update(msg)
		}
		got := plain(m)
		checkFrame(t, got, 120, 40)
		golden(t, "detail-contact-"+f+"-120x40", got)
	}
}

// The due list (the Asks screen and the header's count) has the same
// nudges as kith due: a birthday near is one.
func TestDueListHasBirthdays(t *testing.T) {
	_, m, d := testNow.AddDate(0, 0, 2).Date()
	net := &network{friends: []store.Friend{{ID: 1, Name: "Ada", Closeness: 3, Birthday: store.Date{Year: 1985, Month: m, Day: d},
		Created: testNow, Updated: testNow}}, asks: make([][]store.Ask, 1), favors: make([][]store.Favor, 1)}
	ns := dueNudges(net.dataset(1), testNow)
	if len(ns) != 1 || ns[0].Kind != policy.NudgeBirthday || nudgeLabel(ns[0].Kind) != "birthday" {
		t.Errorf("nudges %+v", ns)
	}
}
