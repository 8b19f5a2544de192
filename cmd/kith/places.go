package main

import (
	"slices"
	"strings"

	"kith/policy"
	"kith/store"
)

// The reads that give check, show and who what the place and circle rules
// need, from the postings, instead of the whole network: the friends at
// the request's place, and the members of the circles that can be
// cautioned with their asks' facts. The rules stay in policy; a test
// checks the answers equal those over store.Network.

// soleFirst is how many friends at a place the sole-contact rule reads
// first: one of them who can be asked settles it (the friend is not the
// only one); only a place where they all refuse the kind is read whole.
const soleFirst = 16

// placesFor counts what judging friend f on req needs (policy.Places):
// the friends at req's place, for whether f is the only one there who can
// be asked, and the asks lately to the members of f's circles.
func placesFor(e *env, f *store.Friend, req policy.Request) (*policy.Places, error) {
	p, err := soleCount(e, f, req)
	if err != nil {
		return nil, err
	}
	return circleCount(e, p, f.Circles)
}

// soleCount counts the friends at req's place (its organisation, else its
// sector), f among them, reading soleFirst of them first: whether f is
// the only one there who can be asked only grows false as more are
// counted, so a false answer from those is the answer over everyone.
func soleCount(e *env, f *store.Friend, req policy.Request) (*policy.Places, error) {
	for limit := soleFirst; ; limit = -1 {
		at, err := e.store.FriendsAt(req.Org, req.Sector, limit)
		if err != nil {
			return nil, err
		}
		n := len(at)
		pool := append(slices.DeleteFunc(at, func(x store.Friend) bool { return x.ID == f.ID }), *f)
		p := policy.CountPlaces(policy.Friends(pool))
		if limit < 0 || n < limit || !p.Sole(req, f) {
			return p, nil
		}
	}
}

// circleCount counts into p the asks lately to the members of circles,
// read from the circle postings with the heads of their asks within the
// circle window alone (Store.CircleAsksSince): an older ask, or a
// member's record, cannot change the count.
func circleCount(e *env, p *policy.Places, circles []string) (*policy.Places, error) {
	if len(circles) == 0 {
		return p, nil
	}
	members, err := e.store.CircleAsksSince(circles, e.now.Add(-policy.CircleWindow))
	if err != nil {
		return nil, err
	}
	return p.CountCircleAsks(policy.NetworkPool(members), e.now), nil
}

// rankPool is the network who ranks for req, and the circle loads to
// rank it with (nil: counted over the pool). When req targets a place or
// a circle and has no keywords, only the friends there or in it can fit
// it: they are read from the postings (Store.NetworkWhere), and the
// circle loads from the members of their circles. Else everyone is read.
func rankPool(e *env, req policy.Request) (*store.Network, *policy.Places, error) {
	if len(req.Keywords) > 0 ||
		(store.OrgKey(req.Org) == "" && strings.TrimSpace(req.Sector) == "" && store.CircleKey(store.OneLine(req.Circle)) == "") {
		n, err := e.store.Network()
		return n, nil, err
	}
	n, err := e.store.NetworkWhere(req.Org, req.Sector, req.Circle)
	if err != nil {
		return nil, nil, err
	}
	var circles []string
	seen := map[string]bool{}
	for i := range n.Friends {
		for _, c := range n.Friends[i].Circles {
			if k := store.CircleKey(c); !seen[k] {
				seen[k] = true
				circles = append(circles, c)
			}
		}
	}
	p, err := circleCount(e, &policy.Places{}, circles)
	if err != nil {
		return nil, nil, err
	}
	return n, p, nil
}
