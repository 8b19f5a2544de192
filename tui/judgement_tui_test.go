package tui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"kith/policy"
	"kith/store"
)

// The judgement of issue 11 in the TUI: the form keeps circles, moments
// and scoped boundaries; who else looks in a circle and a target's role,
// and says why.

func TestFormSavesCirclesMomentsAndScopedBoundaries(t *testing.T) {
	m := newTestModel(t, nil, 80, 24)
	f := openForm(t, m, "a")
	typeText(m, "Ada Lovelace")
	byName := func(name string) int {
		for i := range f.fields {
			if f.fields[i].name == name {
				return i
			}
		}
		t.Fatalf("no field %q", name)
		return -1
	}
	f.fields[byName("circle")].in.SetValue("university, climbing club")
	f.fields[byName("moment")].in.SetValue("promoted,at=2026-11-02; leave,at=2026-11-10,until=2027-03-31:parental leave")
	f.fields[byName("boundary")].in.SetValue("referral,exec,own-org:not to VPs; chat,guess")
	run(t, m, press(m, "ctrl+s"))
	if m.home.d.len() != 1 {
		t.Fatalf("not saved: %d friends, errors %v", m.home.d.len(), f.fields)
	}
	got := m.home.d.friends[0]
	if !slices.Equal(got.Circles, []string{"university", "climbing club"}) || len(got.Moments) != 2 || got.Moments[1].Note != "parental leave" ||
		len(got.Boundaries) != 2 || !got.Boundaries[0].Exec || !got.Boundaries[0].OwnOrg || !got.Boundaries[1].Guess {
		t.Errorf("saved %+v", got)
	}
	// A bad moment is refused next to its field.
	f = openForm(t, m, "e")
	f.fields[byName("moment")].in.SetValue("promoted,at=soon")
	press(m, "ctrl+s")
	if f.fields[byName("moment")].err == "" {
		t.Error("a bad moment date was accepted")
	}
}

func TestWhoElseCircleAndRole(t *testing.T) {
	m := storeModel(t, 120, 40, composeProfile(),
		[]store.Friend{
			{Name: "Ada", Org: "Globex", Circles: []string{"University"},
				Boundaries: []store.Boundary{{Kind: store.KindReferral, Exec: true, OwnOrg: true}}},
			{Name: "Bo", Org: "Globex"},
			{Name: "Cy", Circles: []string{"university"}},
		}, nil)
	follow(t, m, press(m, "w"))
	ws := activeWho(t, m)
	ws.exclude = 0 // who else from Ada: here, everyone
	for i := range ws.inputs {
		ws.inputs[i].SetValue("")
	}
	ws.inputs[2].SetValue("University")
	ws.seq++
	follow(t, m, ws.rankNow())
	if names := candNames(ws); !slices.Equal(names, []string{"Ada", "Cy"}) && !slices.Equal(names, []string{"Cy", "Ada"}) {
		t.Fatalf("who else in the university circle: %v, want Ada and Cy", names)
	}
	if !strings.Contains(plain(m), "in University") {
		t.Errorf("the rows do not say why:\n%s", plain(m))
	}
	// A referral to a VP at Globex: Ada's boundary blocks it.
	ws.kind = slices.Index(ws.kinds, store.KindReferral)
	ws.inputs[1].SetValue("Globex")
	ws.inputs[2].SetValue("")
	ws.inputs[3].SetValue("VP of Sales")
	ws.seq++
	follow(t, m, ws.rankNow())
	if names := candNames(ws); !slices.Equal(names, []string{"Bo", "Ada"}) || ws.cands[1].Verdict.Level.String() != "block" {
		t.Errorf("referral to a VP at Globex: %v, want Bo, then Ada blocked", names)
	}
}

// TestLoadCountsCirclesAsks: the TUI's load counts the asks each circle
// had lately, so the list's and the detail's verdicts give the circle
// caution that kith check gives.
func TestLoadCountsCirclesAsks(t *testing.T) {
	var asks []store.Ask
	for i, id := range []uint64{2, 3, 4} {
		at := testNow.AddDate(0, 0, -3-i)
		asks = append(asks, store.Ask{FriendID: id, Kind: store.KindChat, Status: store.StatusHelped, Created: at, Sent: at, Resolved: at.Add(time.Hour)})
	}
	m := storeModel(t, 120, 40, composeProfile(),
		[]store.Friend{
			{Name: "Ada", Circles: []string{"Climbing Club"}},
			{Name: "Bo", Circles: []string{"climbing club"}},
			{Name: "Cy", Circles: []string{"climbing club"}},
			{Name: "Di", Circles: []string{"climbing club"}},
			{Name: "Ed"},
		}, asks)
	d := m.home.d
	for i := range d.friends {
		_, v := policy.LikelyVerdict(subjectOf(d, i), d.places, store.DefaultSettings(), testNow)
		want := d.friends[i].Name != "Ed"
		got := false
		for _, r := range v.Reasons {
			got = got || r.Code == "circle"
		}
		if got != want {
			t.Errorf("%s: circle caution %v, want %v (reasons %+v)", d.friends[i].Name, got, want, v.Reasons)
		}
	}
}
