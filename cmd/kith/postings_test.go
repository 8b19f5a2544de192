package main

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"kith/policy"
	"kith/store"
	"kith/store/demo"
)

// who, check and show read only the friends at the place a request
// targets (the postings), and answer as a pass over everyone does.
func TestPostingsAnswerAsEveryone(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	st := store.New(tempDB(t))
	if err := demo.Fill(st, 600, 5, now, nil); err != nil {
		t.Fatal(err)
	}
	// Organisations' cards at some of the demo's organisations: never
	// ranked, never counted as someone you know there.
	err := st.Batch(now, func(tx *store.Tx) error {
		fs, err := tx.Friends()
		if err != nil {
			return err
		}
		for i := 0; i < len(fs); i += 7 {
			if fs[i].Org != "" {
				if err := tx.AddFriend(&store.Friend{Name: fs[i].Org + " (card)", Org: fs[i].Org, IsOrg: true, Sectors: fs[i].Sectors}); err != nil {
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
	set := store.DefaultProfile().Settings
	var reqs []policy.Request
	seen := map[string]bool{}
	for i, f := range all.Friends {
		for _, s := range f.Sectors {
			if !seen["s"+s] {
				seen["s"+s] = true
				reqs = append(reqs, policy.Request{Kind: store.KindIntro, Sector: s})
			}
		}
		if f.Org != "" && !seen["o"+f.Org] && i%3 == 0 {
			seen["o"+f.Org] = true
			reqs = append(reqs, policy.Request{Kind: store.KindReferral, Org: f.Org}, policy.Request{Kind: store.KindChat, Org: f.Org, Sector: "fintech"})
		}
	}
	if len(reqs) < 10 {
		t.Fatalf("only %d requests from the demo network", len(reqs))
	}
	everyone := policy.NetworkPool(all)
	sole := 0
	for _, req := range reqs {
		n, err := rankPool(e, req)
		if err != nil {
			t.Fatal(err)
		}
		if len(n.Friends) >= len(all.Friends) {
			t.Fatalf("%+v: the pool holds everyone", req)
		}
		got := policy.Rank(req, policy.NetworkPool(n), set, now, policy.RankOptions{})
		want := policy.Rank(req, everyone, set, now, policy.RankOptions{})
		if len(got) != len(want) {
			t.Fatalf("%+v: %d candidates, everyone gives %d", req, len(got), len(want))
		}
		for i := range got {
			if got[i].Friend.ID != want[i].Friend.ID || got[i].Relevance != want[i].Relevance || !reflect.DeepEqual(got[i].Verdict, want[i].Verdict) {
				t.Fatalf("%+v: row %d is %s %+v, everyone gives %s %+v", req, i, got[i].Friend.Name, got[i].Verdict, want[i].Friend.Name, want[i].Verdict)
			}
		}
		for _, c := range want {
			s, err := soleContact(e, req, c.Friend.ID)
			if err != nil {
				t.Fatal(err)
			}
			if w := policy.SoleContact(everyone, req, c.Friend.ID); s != w {
				t.Errorf("%+v: %s sole %v, everyone gives %v", req, c.Friend.Name, s, w)
			}
			if s {
				sole++
			}
		}
	}
	if sole == 0 {
		t.Error("no sole contact among the requests: the check proves little")
	}
	// show's verdict: the places of one friend, from the postings.
	places := policy.CountPlaces(everyone)
	for i := range all.Friends {
		f := &all.Friends[i]
		lv, err := likelyVerdict(e, f, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		_, v := policy.LikelyVerdict(policy.Subject{Friend: f}, places, set, now)
		if !reflect.DeepEqual(lv.Verdict, v) {
			t.Fatalf("%s: show's verdict %+v, everyone gives %+v", f.Name, lv.Verdict, v)
		}
	}
}

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
