package policy

import (
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"kith/store"
)

// circleLoadsByHand counts the circle loads of subs the plain way, by
// going through every member of every circle: for each friend, their
// busiest circle with the asks that reached its active members within
// CircleWindow, when CircleLimit or more.
func circleLoadsByHand(subs Subjects) func(Subject) CircleLoad {
	asked := map[string]int{}
	for _, s := range subs {
		f := s.Friend
		if f.Archived || !f.IsPerson() {
			continue
		}
		n := 0
		for i := range s.Asks {
			x := &s.Asks[i]
			if at := x.At(); x.Reached() && at != 0 && at <= now.UnixNano() && now.UnixNano()-at < int64(CircleWindow) {
				n++
			}
		}
		for _, c := range f.Circles {
			asked[strings.ToLower(c)] += n
		}
	}
	return func(s Subject) CircleLoad {
		var best CircleLoad
		for _, c := range s.Friend.Circles {
			if n := asked[strings.ToLower(c)]; n > best.Asks {
				best = CircleLoad{Circle: c, Asks: n}
			}
		}
		if best.Asks < CircleLimit {
			return CircleLoad{}
		}
		return best
	}
}

// Rank's shortcuts (circle loads counted only over the circles of those
// who fit, in chunks on several processors; the rows a limit keeps picked
// without sorting everyone) give exactly the rows and verdicts of the
// plain way: every friend evaluated one by one, knowing whether they are
// the only one at the place (SoleContact) and their circle's load counted
// by hand; a limit's rows are the first of the unlimited ranking.
func TestRankShortcutsMatchOneByOne(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	subs := benchNetwork(12000)
	subs[5].Friend.Org = "Unique Ltd"
	subs[40].Friend.Archived = true // archived: neither ranked nor counted
	for i, s := range subs {
		if i%5 == 0 { // a second circle, in capitals for some
			c := "circle " + strconv.Itoa(i%37)
			if i%2 == 0 {
				c = strings.ToUpper(c)
			}
			s.Friend.Circles = append(s.Friend.Circles, c)
		}
	}
	set := store.DefaultSettings()
	load := circleLoadsByHand(subs)
	circled, sole := 0, 0
	for _, tc := range []struct {
		req Request
		opt RankOptions
	}{
		{Request{Kind: store.KindChat}, RankOptions{Limit: 50}},
		{Request{Kind: store.KindChat}, RankOptions{Limit: 3000, ReadyOnly: true}},
		{Request{Kind: store.KindChat, Org: "Org 7"}, RankOptions{}},
		{Request{Kind: store.KindIntro, Org: "Unique Ltd"}, RankOptions{}},
		{Request{Kind: store.KindChat, Circle: "circle 7"}, RankOptions{}},
		{Request{Kind: store.KindChat, Circle: "Circle 12"}, RankOptions{Exclude: subs[0].Friend.ID}},
		{Request{Kind: store.KindChat, Sector: "aerospace"}, RankOptions{Limit: 40}},
		{Request{Kind: store.KindIntro, Sector: "robotics", Keywords: []string{"rocket", "propulsion"}}, RankOptions{Limit: 50}},
	} {
		got := Rank(tc.req, subs, set, now, tc.opt)
		if len(got) == 0 {
			t.Fatalf("%+v: no rows", tc.req)
		}
		all := tc.opt
		all.Limit = 0
		unlimited := Rank(tc.req, subs, set, now, all)
		if tc.opt.Limit > 0 && len(got) != min(tc.opt.Limit, len(unlimited)) {
			t.Errorf("%+v: %d rows, want %d", tc.req, len(got), min(tc.opt.Limit, len(unlimited)))
		}
		for k, row := range got {
			if k < len(unlimited) && unlimited[k].Index != row.Index {
				t.Fatalf("%+v, %+v: row %d is friend %d, and %d without a limit", tc.req, tc.opt, k, row.Index, unlimited[k].Index)
			}
			s := subs[row.Index]
			r := tc.req
			r.Sole = SoleContact(subs, tc.req, s.Friend.ID)
			r.CircleAsks = load(s)
			if want := Evaluate(s, r, set, now); !reflect.DeepEqual(row.Verdict, want) {
				t.Fatalf("%+v: friend %d:\n Rank     %+v\n one by one %+v", tc.req, row.Index, row.Verdict, want)
			}
			if row.Verdict.Has(CodeCircle) {
				circled++
			}
			if r.Sole {
				sole++
			}
		}
	}
	if circled == 0 || sole == 0 {
		t.Fatalf("%d rows with the circle caution, %d sole contacts: the shortcuts were not put to the test", circled, sole)
	}
}
