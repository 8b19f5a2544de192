package main

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"kith/policy"
	"kith/store"
	"kith/store/demo"
)

// circleNetwork fills a database with a demo network whose friends are in
// circles (spelled in different cases, some with few members, some with
// many), some archived, and organisations' cards in circles too.
func circleNetwork(t *testing.T, now time.Time) *store.Store {
	t.Helper()
	st := store.New(tempDB(t))
	if err := demo.Fill(st, 400, 5, now, nil); err != nil {
		t.Fatal(err)
	}
	circles := []string{"university", "University", "Climbing Club", "climbing club", "book club", "Über Läufer", "über läufer", "chess", "choir",
		"Φίλοι της", "µ club"}
	r := rand.New(rand.NewPCG(5, 11))
	err := st.Batch(now, func(tx *store.Tx) error {
		fs, err := tx.Friends()
		if err != nil {
			return err
		}
		for i := range fs {
			f := fs[i]
			for range r.IntN(3) {
				// Small circles (chess, choir) for a few friends, large
				// ones for many.
				c := circles[r.IntN(len(circles))]
				if (c == "chess" || c == "choir") && r.IntN(4) != 0 {
					continue
				}
				f.Circles = append(f.Circles, c)
			}
			if i%37 == 0 {
				f.Archived = true
			}
			if err := tx.PutFriend(&f); err != nil {
				return err
			}
			if i%9 == 0 && f.Org != "" {
				card := store.Friend{Name: f.Org + " (card)", Org: f.Org, IsOrg: true, Sectors: f.Sectors, Circles: []string{"book club"}}
				if err := tx.AddFriend(&card); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// who, check and show read the friends at the request's place and the
// members of the circles that matter (the postings), and answer as the
// policy does over store.Network: the same rows for who, the same verdict
// for check and show.
func TestPlacesAndCirclesAnswerAsEveryone(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	st := circleNetwork(t, now)
	e := &env{store: st, now: now}
	all, err := st.Network()
	if err != nil {
		t.Fatal(err)
	}
	set := store.DefaultProfile().Settings
	everyone := policy.NetworkPool(all)
	full := policy.CountPlaces(everyone).CountCircleAsks(everyone, now)

	reqs := []policy.Request{{Kind: store.KindIntro}}
	// Every circle, spelled as stored and otherwise (case, a final
	// sigma, the micro sign against the Greek mu), alone and with a
	// sector: who reads its members from the circle postings.
	for _, c := range []string{"University", "UNIVERSITY", "climbing club", " book club ", "ÜBER LÄUFER", "chess", "choir",
		"Φίλοι της", "ΦΊΛΟΙ ΤΗΣ", "φίλοι τησ", "µ club", "μ club", "nobody's circle"} {
		reqs = append(reqs, policy.Request{Kind: store.KindChat, Circle: c}, policy.Request{Kind: store.KindIntro, Circle: c, Sector: "fintech"})
	}
	seen := map[string]bool{}
	for i, f := range all.Friends {
		for _, s := range f.Sectors {
			if !seen["s"+s] {
				seen["s"+s] = true
				reqs = append(reqs, policy.Request{Kind: store.KindIntro, Sector: s})
			}
		}
		if f.Org != "" && !seen["o"+f.Org] && i%3 == 0 && len(seen) < 50 {
			seen["o"+f.Org] = true
			reqs = append(reqs, policy.Request{Kind: store.KindReferral, Org: f.Org}, policy.Request{Kind: store.KindChat, Org: f.Org, Sector: "fintech"})
		}
	}
	if len(reqs) < 10 {
		t.Fatalf("only %d requests from the demo network", len(reqs))
	}

	var sole, circled, narrowed int
	for ri, req := range reqs {
		// who, with and without a friend left out.
		n, circles, err := rankPool(e, req)
		if err != nil {
			t.Fatal(err)
		}
		if len(n.Friends) < len(all.Friends) {
			narrowed++
		}
		var ranked []uint64
		for _, exclude := range []uint64{0, all.Friends[ri%len(all.Friends)].ID} {
			got := policy.Rank(req, policy.NetworkPool(n), set, now, policy.RankOptions{Exclude: exclude, Circles: circles})
			want := policy.Rank(req, everyone, set, now, policy.RankOptions{Exclude: exclude})
			if len(got) != len(want) {
				t.Fatalf("who %+v: %d rows, everyone gives %d", req, len(got), len(want))
			}
			for i := range got {
				if exclude == 0 && i < 12 {
					ranked = append(ranked, got[i].Friend.ID)
				}
				if got[i].Friend.ID != want[i].Friend.ID || got[i].Relevance != want[i].Relevance ||
					!reflect.DeepEqual(got[i].Verdict, want[i].Verdict) || !reflect.DeepEqual(got[i].Fit, want[i].Fit) {
					t.Fatalf("who %+v: row %d is %s %+v, everyone gives %s %+v", req, i, got[i].Friend.Name, got[i].Verdict, want[i].Friend.Name, want[i].Verdict)
				}
				for _, rs := range got[i].Verdict.Reasons {
					if rs.Code == policy.CodeCircle {
						circled++
					}
				}
			}
		}
		// check, for the first who ranks (the sole contacts among them)
		// and a share of the others.
		for i := range all.Friends {
			f := &all.Friends[i]
			if i%41 != ri%41 && !slices.Contains(ranked, f.ID) {
				continue
			}
			got, _, err := verdictFor(e, f, req)
			if err != nil {
				t.Fatal(err)
			}
			sub := everyone.Subject(i)
			r := req
			r.Sole = full.Sole(r, f)
			r.CircleAsks = full.CircleLoad(sub, now)
			if want := policy.Evaluate(sub, r, set, now); !reflect.DeepEqual(got, want) {
				t.Fatalf("check %s %+v: %+v, everyone gives %+v", f.Name, req, got, want)
			}
			if r.CircleAsks.Asks >= policy.CircleLimit {
				circled++
			}
			if r.Sole {
				sole++
			}
		}
	}
	// show, for a quarter of the friends.
	for i := 0; i < len(all.Friends); i += 4 {
		f := &all.Friends[i]
		asks, favors, err := st.History(f.ID)
		if err != nil {
			t.Fatal(err)
		}
		lv, err := likelyVerdict(e, f, asks, favors)
		if err != nil {
			t.Fatal(err)
		}
		req, want := policy.LikelyVerdict(policy.SubjectOf(f, asks, favors), full, set, now)
		if !reflect.DeepEqual(lv.Verdict, want) || lv.Kind != req.Kind || lv.Sector != req.Sector || lv.Org != req.Org {
			t.Fatalf("show %s: %+v, everyone gives %+v for %+v", f.Name, lv, want, req)
		}
	}
	if sole == 0 || circled == 0 || narrowed == 0 {
		t.Errorf("sole contacts %d, circle cautions %d, narrowed pools %d: want some of each, or the check proves little", sole, circled, narrowed)
	}
	t.Logf("%d requests, %d narrowed; %d sole contacts, %d rows and checks with a busy circle", len(reqs), narrowed, sole, circled)
}

// Whether a friend is the only one at a place who can be asked is
// answered right when more than soleFirst others there refuse the kind
// (here a reference, which only someone you worked with can give): in
// robotics Vera comes first and Will, who can be asked too, after
// soleFirst refusers, so neither is the only one; in drones Ugo comes
// after them all and is.
func TestSoleAmongManyWhoRefuse(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	st := store.New(tempDB(t))
	err := st.Batch(now, func(tx *store.Tx) error {
		for _, sector := range []string{"robotics", "drones"} {
			for i := range soleFirst + 5 {
				f := store.Friend{Name: fmt.Sprintf("Refuser %s %d", sector, i), Sectors: []string{sector}}
				switch {
				case sector == "robotics" && i == 0:
					f.Name, f.WorkedTogether = "Vera Able", true
				case sector == "robotics" && i == soleFirst+2:
					f.Name, f.WorkedTogether = "Will Able", true
				case sector == "drones" && i == soleFirst+2:
					f.Name, f.WorkedTogether = "Ugo Sole", true
				}
				if err := tx.AddFriend(&f); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	e := &env{store: st, now: now}
	all, err := st.Network()
	if err != nil {
		t.Fatal(err)
	}
	full := policy.CountPlaces(policy.NetworkPool(all))
	for _, sector := range []string{"Robotics", "drones"} {
		req := policy.Request{Kind: store.KindReference, Sector: sector}
		for i := range all.Friends {
			f := &all.Friends[i]
			p, err := placesFor(e, f, req)
			if err != nil {
				t.Fatal(err)
			}
			want := sector == "drones" && f.Name == "Ugo Sole"
			if got := p.Sole(req, f); got != want || full.Sole(req, f) != want {
				t.Errorf("%s in %s: sole %v (everyone gives %v), want %v", f.Name, sector, got, full.Sole(req, f), want)
			}
		}
	}
}

// who --circle compares circles by store.CircleKey (lower-casing), as
// the circle postings and the circle caution do, and reads only the
// circle's members: a spelling that only case folding would take for the
// same circle (a final sigma upper-cased, the micro sign against the
// Greek mu) is another circle.
func TestWhoCircleComparesByCircleKey(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	st := store.New(tempDB(t))
	err := st.Batch(now, func(tx *store.Tx) error {
		for _, f := range []store.Friend{
			{Name: "Ada", Circles: []string{"University"}},
			{Name: "Gia", Circles: []string{"Φίλοι της"}},
			{Name: "Mu", Circles: []string{"µ club"}},
			{Name: "Old", Circles: []string{"University"}, Archived: true},
			{Name: "Out"},
		} {
			if err := tx.AddFriend(&f); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	e := &env{store: st, now: now}
	for _, tc := range []struct {
		circle string
		want   []string
	}{
		{"university", []string{"Ada"}},
		{" UNIVERSITY ", []string{"Ada"}},
		{"φίλοι της", []string{"Gia"}},
		{"ΦΊΛΟΙ ΤΗΣ", nil}, // lower-cased: "φίλοι τησ"
		{"µ CLUB", []string{"Mu"}},
		{"μ club", nil}, // the Greek mu, not the micro sign
	} {
		req := policy.Request{Kind: store.KindChat, Circle: tc.circle}
		n, circles, err := rankPool(e, req)
		if err != nil {
			t.Fatal(err)
		}
		var pool, got []string
		for _, f := range n.Friends {
			pool = append(pool, f.Name)
		}
		for _, c := range policy.Rank(req, policy.NetworkPool(n), store.DefaultProfile().Settings, now, policy.RankOptions{Circles: circles}) {
			got = append(got, c.Friend.Name)
		}
		if !reflect.DeepEqual(got, tc.want) || !reflect.DeepEqual(pool, tc.want) {
			t.Errorf("who --circle %q: ranks %q from a pool of %q, want %q from the postings", tc.circle, got, pool, tc.want)
		}
	}
}
