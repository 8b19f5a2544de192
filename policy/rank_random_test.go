package policy

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"kith/store"
)

// randomNetwork is benchNetwork(n) with what Rank's shortcuts must get
// right mixed in, from seed: archived friends, organisations' cards,
// scoped boundaries (toward executives, at their own organisation, until
// a date, in words, guesses), second circles spelt in capitals, a few
// organisations with one person, and recent asks to circle members.
func randomNetwork(n int, seed uint64) Subjects {
	subs := benchNetwork(n)
	r := rand.New(rand.NewPCG(seed, 7))
	kinds := store.Kinds()
	for i, s := range subs {
		f := s.Friend
		switch r.IntN(40) {
		case 0:
			f.Archived = true
		case 1:
			f.IsOrg = true
		case 2:
			f.Org = "Solo " + strconv.Itoa(i%200) // most alone there, some not
		}
		if r.IntN(8) == 0 {
			b := store.Boundary{Kind: kinds[r.IntN(len(kinds))], Guess: r.IntN(3) == 0}
			switch r.IntN(5) {
			case 0:
				b.Exec = true
			case 1:
				b.OwnOrg = true
			case 2:
				b.Until = now.Add(time.Duration(r.IntN(60)-30) * day)
			case 3:
				b.If = "people she does not know well"
			}
			f.Boundaries = append(f.Boundaries, b)
		}
		if r.IntN(6) == 0 {
			c := "circle " + strconv.Itoa(r.IntN(n/8)) // small ones, near the limit
			if r.IntN(2) == 0 {
				c = strings.ToUpper(c)
			}
			f.Circles = append(f.Circles, c)
		}
		// Asks within the circle window, so that circles reach the limit.
		for k := range s.Asks {
			if r.IntN(12) == 0 {
				at := now.Add(-time.Duration(r.IntN(40)) * day).UnixNano()
				a := store.Ask{Kind: kinds[r.IntN(len(kinds))], Status: store.Statuses()[r.IntN(len(store.Statuses()))],
					Created: time.Unix(0, at)}
				if r.IntN(4) != 0 {
					a.Sent = a.Created
				}
				s.Asks[k] = a.Fact()
			}
		}
	}
	return subs
}

// randomRequest draws a request shape: everyone, a sector, an
// organisation (one person's among them), a circle, keywords or a mix, of
// any kind, maybe toward an executive, with or without an exclusion, a
// limit, ReadyOnly, and the circle loads given (as who does) or counted.
func randomRequest(r *rand.Rand, subs Subjects) (Request, RankOptions) {
	kinds := store.Kinds()
	req := Request{Kind: kinds[r.IntN(len(kinds))]}
	switch r.IntN(8) {
	case 0: // everyone
	case 1:
		req.Sector = benchSectors[r.IntN(len(benchSectors))]
	case 2:
		req.Org = "Org " + strconv.Itoa(r.IntN(len(subs)/50+1))
	case 3: // where the friend may be the only one
		for req.Org == "" {
			if f := subs[r.IntN(len(subs))].Friend; strings.HasPrefix(f.Org, "Solo ") {
				req.Org = strings.ToUpper(f.Org)
			}
		}
	case 4:
		req.Circle = "Circle " + strconv.Itoa(r.IntN(len(subs)/100+1))
	case 5:
		req.Sector = benchSectors[r.IntN(len(benchSectors))]
		req.Keywords = []string{benchWords[r.IntN(len(benchWords))]}
	case 7: // a sole contact in the cool-down is acknowledged
		req.Org, req.Kind = "", store.KindChat
		for req.Org == "" {
			s := subs[r.IntN(len(subs))]
			if f := s.Friend; strings.HasPrefix(f.Org, "Solo ") && len(s.Asks) > 0 {
				req.Org = f.Org
			}
		}
	case 6:
		req.Keywords = []string{benchWords[r.IntN(len(benchWords))], benchWords[r.IntN(len(benchWords))]}
	}
	if r.IntN(3) == 0 {
		req.Target.Role = "VP"
	}
	var opt RankOptions
	if r.IntN(3) == 0 {
		opt.Exclude = subs[r.IntN(len(subs))].Friend.ID
	}
	if r.IntN(2) == 0 {
		opt.Limit = 1 + r.IntN(200)
	}
	opt.ReadyOnly = r.IntN(4) == 0
	if r.IntN(3) == 0 {
		opt.Circles = (&Places{}).CountCircleAsks(subs, now)
	}
	return req, opt
}

// rankBand is the readiness band a verdict puts a row in (Rank's
// order, before relevance): clear from ReadyScore, clear, caution, hold,
// block.
func rankBand(v Verdict) int {
	switch {
	case v.Level == Clear && v.Score >= ReadyScore:
		return 0
	case v.Level == Clear:
		return 1
	}
	return int(v.Level) + 1
}

// Rank's shortcuts (the circle loads counted in the walk that weighs
// those who fit, members' rows finished later from their circles' ids,
// the limit's rows picked by a heap, chunks on several processors) give
// the rows of the plain way, for random request shapes over a random
// network: every friend who fits, each with the verdict of evaluating
// them alone (SoleContact, the circle's load counted by hand), in bands
// and then by relevance, a limit's rows the first of the unlimited ones.
func TestRankMatchesPlainOnRandomRequests(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(3))
	set := store.DefaultSettings()
	shapes := map[string]int{}
	for _, seed := range []uint64{1, 2, 3} {
		subs := randomNetwork(6000, seed)
		load := circleLoadsByHand(subs)
		r := rand.New(rand.NewPCG(seed, 99))
		for q := range 20 {
			req, opt := randomRequest(r, subs)
			name := fmt.Sprintf("seed %d, request %d: %+v, %+v", seed, q, req, opt)
			got := Rank(req, subs, set, now, opt)
			all := opt
			all.Limit = 0
			unlimited := Rank(req, subs, set, now, all)
			if opt.Limit > 0 && len(got) != min(opt.Limit, len(unlimited)) {
				t.Fatalf("%s: %d rows, want %d", name, len(got), min(opt.Limit, len(unlimited)))
			}
			for k, row := range got {
				if unlimited[k].Index != row.Index {
					t.Fatalf("%s: row %d is friend %d, and %d without the limit", name, k, row.Index, unlimited[k].Index)
				}
			}
			// The plain way: who fits, and each one's verdict alone.
			tg := newTarget(req)
			var buf []byte
			var at []uint64 // at the place, for SoleContact
			for _, s := range subs {
				if f := s.Friend; !f.Archived && f.IsPerson() && tg.place(tg.where(f, &buf)) {
					at = append(at, f.ID)
				}
			}
			sole := uint64(0)
			for k, id := range at {
				// Only one can be the only one: past a few, none is.
				if k < 3 || len(at) < 50 {
					if SoleContact(subs, req, id) {
						sole = id
					}
				}
			}
			plain := func(s Subject) (Request, Verdict) {
				rq := req
				rq.Sole = sole != 0 && s.Friend.ID == sole
				rq.CircleAsks = load(s)
				return rq, Evaluate(s, rq, set, now)
			}
			want := 0
			for _, s := range subs {
				f := s.Friend
				if f.Archived || !f.IsPerson() || f.ID == opt.Exclude {
					continue
				}
				if tg.any && tg.relevance(f, tg.where(f, &buf)) == 0 {
					continue
				}
				if _, v := plain(s); opt.ReadyOnly && v.Level >= Hold {
					continue
				}
				want++
			}
			if len(unlimited) != want {
				t.Fatalf("%s: %d rows without the limit, want %d", name, len(unlimited), want)
			}
			for k, row := range unlimited {
				rq, v := plain(subs[row.Index])
				if !reflect.DeepEqual(row.Verdict, v) {
					t.Fatalf("%s: friend %d:\n Rank       %+v\n one by one %+v", name, row.Index, row.Verdict, v)
				}
				if k > 0 {
					prev := unlimited[k-1]
					b0, b1 := rankBand(prev.Verdict), rankBand(v)
					if b0 > b1 || b0 == b1 && prev.Relevance < row.Relevance {
						t.Fatalf("%s: row %d (band %d, relevance %d) after row %d (band %d, relevance %d)",
							name, k, b1, row.Relevance, k-1, b0, prev.Relevance)
					}
				}
				for _, rs := range v.Reasons {
					shapes[rs.Code]++
				}
				if rq.Sole {
					shapes["sole"]++
				}
			}
		}
	}
	for _, code := range []string{CodeCircle, CodeBoundary, CodeBoundaryScope, CodeBoundaryGuess, CodeCooldown, CodeAcknowledge, "sole"} {
		if shapes[code] == 0 {
			t.Errorf("no row with %s: the random requests did not put it to the test (%v)", code, shapes)
		}
	}
}
