package store

import (
	"reflect"
	"testing"
	"time"
)

// NetworkWhere reads the active people at an organisation, in a sector or
// in a circle, each once, in id order; CircleAsksSince reads the members
// of circles with their asks from a time on and nothing else.
func TestNetworkWhereAndCircleAsksSince(t *testing.T) {
	s := newStore(t)
	for _, f := range []Friend{
		{Name: "Ada", Org: "Acme", Sectors: []string{"tech"}, Circles: []string{"University"}},
		{Name: "Bea", Sectors: []string{"Tech"}},
		{Name: "Cem", Circles: []string{"university", "Chess"}},
		{Name: "Dag", Circles: []string{"University"}, Archived: true},
		{Name: "Acme", Org: "Acme", IsOrg: true, Circles: []string{"University"}},
		{Name: "Eve"},
	} {
		if err := addFriend(s, &f); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range []Ask{
		{FriendID: 1, Kind: KindChat, Status: StatusSent, Created: t0.AddDate(0, 0, -40), Sent: t0.AddDate(0, 0, -40)},
		{FriendID: 1, Kind: KindChat, Status: StatusSent, Created: t0.AddDate(0, 0, -5), Sent: t0.AddDate(0, 0, -5)},
		{FriendID: 3, Kind: KindChat, Status: StatusDraft, Created: t0.AddDate(0, 0, -1)},
		{FriendID: 3, Kind: KindChat, Status: StatusHelped, Created: t0.AddDate(0, 0, -90), Sent: t0.AddDate(0, 0, -90)},
	} {
		if err := addAsk(s, &a); err != nil {
			t.Fatal(err)
		}
	}
	ids := func(n *Network) []uint64 {
		var out []uint64
		for _, f := range n.Friends {
			out = append(out, f.ID)
		}
		return out
	}
	for _, tc := range []struct {
		org, sector, circle string
		want                []uint64
	}{
		{"ACME", "", "", []uint64{1}},
		{"", "TECH", "", []uint64{1, 2}},
		{"", "", "UNIVERSITY", []uint64{1, 3}},
		{"", "tech", " chess ", []uint64{1, 2, 3}},
		{"Acme", "", "university", []uint64{1, 3}},
		{"", "", "", nil},
	} {
		n, err := s.NetworkWhere(tc.org, tc.sector, tc.circle)
		if err != nil || !reflect.DeepEqual(ids(n), tc.want) {
			t.Errorf("NetworkWhere(%q, %q, %q) = %v, %v; want %v", tc.org, tc.sector, tc.circle, ids(n), err, tc.want)
		}
	}
	n, err := s.CircleAsksSince([]string{"University", "UNIVERSITY", "chess", "choir"}, t0.AddDate(0, 0, -30))
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(n); !reflect.DeepEqual(got, []uint64{1, 3}) {
		t.Fatalf("members %v, want [1 3]", got)
	}
	if !reflect.DeepEqual(n.Friends[0].Circles, []string{"university"}) || !reflect.DeepEqual(n.Friends[1].Circles, []string{"university", "chess"}) {
		t.Errorf("circles %q and %q, want their keys", n.Friends[0].Circles, n.Friends[1].Circles)
	}
	for i, want := range []time.Time{t0.AddDate(0, 0, -5), t0.AddDate(0, 0, -1)} {
		if as := n.AsksOf(i); len(as) != 1 || as[0].At() != want.UnixNano() || len(n.FavorsOf(i)) != 0 {
			t.Errorf("%d: asks %+v, want the one at %v alone", n.Friends[i].ID, as, want)
		}
	}
}
