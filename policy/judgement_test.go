package policy

import (
	"slices"
	"strings"
	"testing"
	"time"

	"kith/store"
)

// The new judgement of issue 11: scoped boundaries, moments,
// responsiveness, circles, and the why of who else.

func TestScopedBoundaries(t *testing.T) {
	def := store.DefaultSettings()
	atGlobex := func(bs ...store.Boundary) *store.Friend {
		return friend(func(f *store.Friend) { f.Org = "Globex"; f.Boundaries = bs })
	}
	execAtOrg := store.Boundary{Kind: store.KindReferral, Exec: true, OwnOrg: true, Note: "Globex forbids referrals to executives"}
	vp := Target{Role: "VP of Engineering"}
	tests := []struct {
		name  string
		f     *store.Friend
		req   Request
		level Level
		codes []string
		quote string // in the message of the first reason, if set
	}{
		{"a VP at their own company: blocked", atGlobex(execAtOrg),
			Request{Kind: store.KindReferral, Org: "Globex Inc.", Target: vp}, Block, []string{CodeBoundary}, "\u201cGlobex forbids referrals to executives\u201d"},
		{"an engineer at their company: clear", atGlobex(execAtOrg),
			Request{Kind: store.KindReferral, Org: "Globex", Target: Target{Role: "Senior engineer"}}, Clear, []string{}, ""},
		{"a VP elsewhere: clear", atGlobex(execAtOrg),
			Request{Kind: store.KindReferral, Org: "Initech", Target: vp}, Clear, []string{}, ""},
		{"no role given: a caution quoting the scope", atGlobex(execAtOrg),
			Request{Kind: store.KindReferral, Org: "Globex"}, Caution, []string{CodeBoundaryScope}, "to executives at Globex"},
		{"no organisation given: a caution", atGlobex(execAtOrg),
			Request{Kind: store.KindReferral, Target: vp}, Caution, []string{CodeBoundaryScope}, "kith cannot tell"},
		{"a scope in words is never a silent clear", atGlobex(store.Boundary{Kind: store.KindIntro, If: "people she does not know well"}),
			Request{Kind: store.KindIntro}, Caution, []string{CodeBoundaryScope}, "\u201cpeople she does not know well\u201d"},
		{"until a date: holds until then", atGlobex(store.Boundary{Kind: store.KindChat, Until: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)}),
			Request{Kind: store.KindChat}, Block, []string{CodeBoundary}, "until Thu 31 Dec"},
		{"until a date: lapsed after it", atGlobex(store.Boundary{Kind: store.KindChat, Until: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)}),
			Request{Kind: store.KindChat}, Clear, []string{}, ""},
		{"until today still holds", atGlobex(store.Boundary{Kind: store.KindChat, Until: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)}),
			Request{Kind: store.KindChat}, Block, []string{CodeBoundary}, ""},
		{"your guess cautions, does not block", atGlobex(store.Boundary{Kind: store.KindChat, Guess: true}),
			Request{Kind: store.KindChat}, Caution, []string{CodeBoundaryGuess}, "You guess"},
		{"another kind is outside it", atGlobex(execAtOrg), Request{Kind: store.KindIntro, Target: vp, Org: "Globex"}, Clear, []string{}, ""},
		{"Italian role: direttore is an executive", atGlobex(execAtOrg),
			Request{Kind: store.KindReferral, Org: "Globex", Target: Target{Role: "Direttore commerciale"}}, Block, []string{CodeBoundary}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := Evaluate(Subject{Friend: tc.f}, tc.req, def, now)
			if v.Level != tc.level || !slices.Equal(codes(v), tc.codes) {
				t.Fatalf("got %v %v, want %v %v (%v)", v.Level, codes(v), tc.level, tc.codes, v.Reasons)
			}
			if tc.quote != "" && !strings.Contains(v.Reasons[0].Message, tc.quote) {
				t.Errorf("message %q: want %q in it", v.Reasons[0].Message, tc.quote)
			}
		})
	}
}

func TestIsExecutive(t *testing.T) {
	for role, want := range map[string]bool{
		"VP of Engineering": true, "Chief of Staff": true, "Head of Sales": true, "CEO": true, "v.p. marketing": true,
		"Vice President, Product": true, "Direttore generale": true, "Senior engineer": false, "Product manager": false,
		"Headhunter": false, "": false,
	} {
		if got := IsExecutive(role); got != want {
			t.Errorf("IsExecutive(%q) = %v, want %v", role, got, want)
		}
	}
}

func TestMoments(t *testing.T) {
	def := store.DefaultSettings()
	d := func(y int, m time.Month, dd int) time.Time { return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name  string
		m     store.Moment
		level Level
		want  string // in the moment's message; "" for no moment reason
		until bool
	}{
		{"promoted 3 weeks ago", store.Moment{Kind: store.MomentPromoted, At: d(2026, 11, 4)}, Caution,
			"Ana was promoted 3 weeks ago: congratulate them before you ask.", false},
		{"promoted 3 months ago: old news", store.Moment{Kind: store.MomentPromoted, At: d(2026, 8, 20)}, Clear, "", false},
		{"on parental leave until March", store.Moment{Kind: store.MomentLeave, At: d(2026, 9, 1), Until: d(2027, 3, 31), Note: "parental leave"}, Hold,
			"Ana is on leave until Wed 31 Mar 2027 (\u201cparental leave\u201d): wait until they are back.", true},
		{"back from leave", store.Moment{Kind: store.MomentLeave, At: d(2026, 5, 1), Until: d(2026, 10, 31)}, Clear, "", false},
		{"a new baby 5 days ago holds", store.Moment{Kind: store.MomentBaby, At: d(2026, 11, 20)}, Hold, "had a baby 5 days ago", true},
		{"a new baby 6 weeks ago cautions", store.Moment{Kind: store.MomentBaby, At: d(2026, 10, 14)}, Caution, "congratulate them first", false},
		{"a moment to come says nothing yet", store.Moment{Kind: store.MomentWedding, At: d(2026, 12, 20)}, Clear, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := friend(func(f *store.Friend) { f.Moments = []store.Moment{tc.m} })
			v := Evaluate(Subject{Friend: f}, Request{Kind: store.KindChat}, def, now)
			if v.Level != tc.level {
				t.Errorf("level = %v, want %v (%v)", v.Level, tc.level, v.Reasons)
			}
			i := slices.IndexFunc(v.Reasons, func(r Reason) bool { return r.Code == CodeMoment })
			switch {
			case tc.want == "" && i >= 0:
				t.Errorf("a moment reason: %v", v.Reasons)
			case tc.want != "" && i < 0:
				t.Errorf("no moment reason: %v", v.Reasons)
			case tc.want != "" && !strings.Contains(v.Reasons[i].Message, tc.want):
				t.Errorf("message %q: want %q in it", v.Reasons[i].Message, tc.want)
			}
			if tc.until == v.Until.IsZero() {
				t.Errorf("until = %v, want set %v", v.Until, tc.until)
			}
		})
	}
}

func TestSuggestMoments(t *testing.T) {
	f := friend(func(f *store.Friend) { f.Notes = "Just PROMOTED to director; on parental leave until March" })
	got := SuggestMoments(f)
	if len(got) != 2 || got[0].Kind != store.MomentPromoted || got[1].Kind != store.MomentLeave {
		t.Fatalf("got %+v, want promoted and leave", got)
	}
	f.Moments = []store.Moment{{Kind: store.MomentPromoted, At: now}}
	if got := SuggestMoments(f); len(got) != 1 || got[0].Kind != store.MomentLeave {
		t.Fatalf("with promoted recorded got %+v, want leave only", got)
	}
}

func TestResponsiveness(t *testing.T) {
	def := store.DefaultSettings()
	tests := []struct {
		name string
		asks []store.Ask
		want bool
	}{
		{"two unanswered this year", []store.Ask{ask(store.KindChat, store.StatusNoResponse, 40*day), ask(store.KindChat, store.StatusNoResponse, 100*day)}, true},
		{"one unanswered, one withdrawn after sent", []store.Ask{ask(store.KindChat, store.StatusNoResponse, 40*day), withdrawnAfterSent(100 * day)}, true},
		{"one unanswered", []store.Ask{ask(store.KindChat, store.StatusNoResponse, 40*day)}, false},
		{"two unanswered, three helped", []store.Ask{ask(store.KindChat, store.StatusNoResponse, 40*day), ask(store.KindChat, store.StatusNoResponse, 100*day),
			ask(store.KindChat, store.StatusHelped, 150*day), ask(store.KindChat, store.StatusHelped, 200*day), ask(store.KindChat, store.StatusHelped, 250*day)}, false},
		{"unanswered years ago", []store.Ask{ask(store.KindChat, store.StatusNoResponse, 400*day), ask(store.KindChat, store.StatusNoResponse, 500*day)}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := Evaluate(Subject{Friend: friend(), Asks: facts(tc.asks...)}, Request{Kind: store.KindChat}, def, now)
			if v.Has(CodeUnresponsive) != tc.want {
				t.Errorf("unresponsive = %v, want %v (%v)", !tc.want, tc.want, v.Reasons)
			}
		})
	}
	// The one who always helped ranks above the one who never answered.
	p := pool(
		member{name: "Silent", asks: []store.Ask{ask(store.KindChat, store.StatusNoResponse, 40*day), ask(store.KindChat, store.StatusNoResponse, 100*day)}},
		member{name: "Never asked"},
		member{name: "Always helped", asks: []store.Ask{ask(store.KindChat, store.StatusHelped, 40*day), ask(store.KindChat, store.StatusHelped, 100*day)}},
	)
	if got := names(Rank(Request{Kind: store.KindChat}, p, def, now, RankOptions{})); !slices.Equal(got, []string{"Always helped", "Never asked", "Silent"}) {
		t.Errorf("order = %v, want always helped, never asked, silent", got)
	}
}

func TestCircleCaution(t *testing.T) {
	def := store.DefaultSettings()
	uni := func(f *store.Friend) { f.Circles = []string{"University"} }
	asked := func(ago time.Duration) []store.Ask { return []store.Ask{ask(store.KindChat, store.StatusHelped, ago)} }
	tests := []struct {
		name string
		p    Subjects
		want bool
	}{
		{"three others of the circle asked this month", pool(member{name: "Next", mod: uni},
			member{name: "A", mod: uni, asks: asked(20 * day)}, member{name: "B", mod: uni, asks: asked(25 * day)}, member{name: "C", mod: uni, asks: asked(28 * day)}), true},
		{"two others", pool(member{name: "Next", mod: uni},
			member{name: "A", mod: uni, asks: asked(20 * day)}, member{name: "B", mod: uni, asks: asked(25 * day)}), false},
		{"three, one over a month ago", pool(member{name: "Next", mod: uni},
			member{name: "A", mod: uni, asks: asked(20 * day)}, member{name: "B", mod: uni, asks: asked(25 * day)}, member{name: "C", mod: uni, asks: asked(31 * day)}), false},
		{"three, one of them to this friend", pool(member{name: "Next", mod: uni, asks: asked(20 * day)},
			member{name: "B", mod: uni, asks: asked(25 * day)}, member{name: "C", mod: uni, asks: asked(28 * day)}), true},
		{"three outside the circle", pool(member{name: "Next", mod: uni},
			member{name: "A", asks: asked(20 * day)}, member{name: "B", asks: asked(25 * day)}, member{name: "C", asks: asked(28 * day)}), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rows := Rank(Request{Kind: store.KindChat}, tc.p, def, now, RankOptions{})
			i := slices.IndexFunc(rows, func(c Candidate) bool { return c.Friend.Name == "Next" })
			if got := rows[i].Verdict.Has(CodeCircle); got != tc.want {
				t.Errorf("Rank: circle = %v, want %v (%v)", got, tc.want, rows[i].Verdict.Reasons)
			}
			places := CountPlaces(tc.p).CountCircleAsks(tc.p, now)
			_, v := LikelyVerdict(tc.p[0], places, def, now)
			if got := v.Has(CodeCircle); got != tc.want {
				t.Errorf("LikelyVerdict: circle = %v, want %v (%v)", got, tc.want, v.Reasons)
			}
			if tc.want && !strings.Contains(v.Reasons[0].Message, "\u201cUniversity\u201d") {
				t.Errorf("message %q does not name the circle", v.Reasons[0].Message)
			}
		})
	}
}

func TestRankCircleAndWhy(t *testing.T) {
	def := store.DefaultSettings()
	p := pool(
		member{name: "Outsider", mod: func(f *store.Friend) { f.Sectors = []string{"fintech"} }},
		member{name: "Climber", mod: func(f *store.Friend) { f.Circles = []string{"Climbing club"} }},
	)
	rows := Rank(Request{Kind: store.KindChat, Circle: "climbing CLUB"}, p, def, now, RankOptions{})
	if got := names(rows); !slices.Equal(got, []string{"Climber"}) {
		t.Fatalf("circle: %v, want the climber alone", got)
	}
	if rows[0].Fit.Circle != "Climbing club" || rows[0].Relevance != RelevanceCircle {
		t.Errorf("fit %+v relevance %d", rows[0].Fit, rows[0].Relevance)
	}

	paywise := pool(
		member{name: "Acquaintance", mod: func(f *store.Friend) { f.Closeness = 1; f.Org = "Paywise"; f.Sectors = []string{"fintech"} },
			asks: []store.Ask{ask(store.KindChat, store.StatusHelped, 200*day)}},
		member{name: "PM", mod: func(f *store.Friend) {
			f.Closeness = 5
			f.Org = "Paywise"
			f.Sectors = []string{"fintech", "payments"}
			f.WorkedTogether, f.WorkedNote = true, "Paywise 2020-22"
		}, asks: []store.Ask{ask(store.KindIntro, store.StatusHelped, 150*day), ask(store.KindChat, store.StatusHelped, 300*day)}},
	)
	rows = Rank(Request{Kind: store.KindIntro, Sector: "fintech", Org: "Paywise"}, paywise, def, now, RankOptions{})
	if got := names(rows); !slices.Equal(got, []string{"PM", "Acquaintance"}) {
		t.Fatalf("order %v, want the close colleague first", got)
	}
	want := "at Paywise · fintech · close friend · worked together (Paywise 2020-22) · helped 2 of 2 · last asked 5 months ago"
	if got := rows[0].Fit.Words(now); got != want {
		t.Errorf("why = %q, want %q", got, want)
	}
	if f := rows[0].Fit; f.Org != "Paywise" || !f.Primary || f.WorkedUntil != 2022 || f.Track.Helped != 2 || f.Closeness != 5 {
		t.Errorf("fit = %+v", f)
	}

	// A primary sector fits better than a secondary one.
	sec := pool(member{name: "Secondary", mod: sector("design", "fintech")}, member{name: "Primary", mod: sector("fintech")})
	if got := names(Rank(Request{Kind: store.KindChat, Sector: "fintech"}, sec, def, now, RankOptions{})); !slices.Equal(got, []string{"Primary", "Secondary"}) {
		t.Errorf("order %v, want primary first", got)
	}
	// A reference: the more recent colleague first.
	refs := pool(
		member{name: "Long ago", mod: func(f *store.Friend) { f.WorkedTogether, f.WorkedNote = true, "Acme 2009-2011" }},
		member{name: "Lately", mod: func(f *store.Friend) { f.WorkedTogether, f.WorkedNote = true, "Globex 2023–25" }},
	)
	if got := names(Rank(Request{Kind: store.KindReference}, refs, def, now, RankOptions{})); !slices.Equal(got, []string{"Lately", "Long ago"}) {
		t.Errorf("order %v, want the recent colleague first", got)
	}
	// "since 2019" goes on: it beats one that ended in 2025.
	refs = append(refs, pool(member{name: "Still", mod: func(f *store.Friend) { f.WorkedTogether, f.WorkedNote = true, "at Initech since 2019" }})...)
	refs[2].Friend.ID = 3
	if got := names(Rank(Request{Kind: store.KindReference}, refs, def, now, RankOptions{})); !slices.Equal(got, []string{"Still", "Lately", "Long ago"}) {
		t.Errorf("order %v, want the ongoing colleague first", got)
	}
}

func TestWorkedUntil(t *testing.T) {
	for note, want := range map[string]int{
		"Paywise 2020-22": 2022, "Acme 2019–2022": 2022, "at Globex in 2018": 2018, "": 0, "room 12345": 0,
		"2021/23 and 2010": 2023, "the 1999 project": 1999,
	} {
		if got := WorkedUntil(note); got != want {
			t.Errorf("WorkedUntil(%q) = %d, want %d", note, got, want)
		}
	}
}
