package policy

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"kith/store"
)

// The defects of issue 11, one table-driven case each, with now passed in.

func withdrawnAfterSent(ago time.Duration) store.Ask {
	a := ask(store.KindChat, store.StatusWithdrawn, ago)
	a.Sent = now.Add(-ago)
	return a
}

func daily(kind store.Kind, status store.Status, n int, every time.Duration) []store.Ask {
	var out []store.Ask
	for i := range n {
		out = append(out, ask(kind, status, time.Duration(i+1)*every))
	}
	return out
}

func TestDefectRules(t *testing.T) {
	def := store.DefaultSettings()
	chat := Request{Kind: store.KindChat}
	closeness := func(c int) func(*store.Friend) { return func(f *store.Friend) { f.Closeness = c } }
	fourReferrals := func(st store.Status) []store.Ask {
		return []store.Ask{ask(store.KindReferral, st, 150*day), ask(store.KindReferral, st, 120*day),
			ask(store.KindReferral, st, 90*day), ask(store.KindReferral, st, 60*day)}
	}
	tests := []struct {
		name   string
		sub    Subject
		req    Request
		at     time.Time
		level  Level
		has    []string // codes the verdict must carry
		hasNot []string // codes it must not
		any    bool     // any level will do
	}{
		{name: "withdrawn 2 days after it was sent counts for the cool-down",
			sub: Subject{Friend: friend(), Asks: facts(withdrawnAfterSent(2 * day))}, req: chat, level: Hold, has: []string{CodeCooldown}},
		{name: "withdrawn after sent counts for frequency",
			sub: Subject{Friend: friend(closeness(1)), Asks: facts(withdrawnAfterSent(20*day), withdrawnAfterSent(30*day))},
			req: chat, level: Caution, has: []string{CodeFrequency}},
		{name: "withdrawn before it was sent still does not count",
			sub: Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusWithdrawn, 2*day))}, req: chat, level: Clear},
		{name: "a chat 600 days ago is not 'a lot lately' for a referral",
			sub: Subject{Friend: friend(closeness(1)), Asks: facts(ask(store.KindChat, store.StatusHelped, 600*day))},
			req: Request{Kind: store.KindReferral}, level: Clear, hasNot: []string{CodeFrequency}},
		{name: "six chats on six days in a row to a friend",
			sub: Subject{Friend: friend(closeness(3)), Asks: facts(daily(store.KindChat, store.StatusHelped, 6, day)...)},
			req: chat, level: Hold, has: []string{CodeFrequency}},
		{name: "four intros in 60 days to a close friend",
			sub: Subject{Friend: friend(closeness(5)), Asks: facts(daily(store.KindIntro, store.StatusHelped, 4, 14*day)...)},
			req: Request{Kind: store.KindIntro}, level: Caution, has: []string{CodeFrequency}},
		{name: "declined asks are no debt",
			sub: Subject{Friend: friend(closeness(5)), Asks: facts(fourReferrals(store.StatusDeclined)...)},
			req: chat, level: Clear, hasNot: []string{CodeReciprocity}},
		{name: "unanswered asks are no debt",
			sub: Subject{Friend: friend(closeness(5)), Asks: facts(fourReferrals(store.StatusNoResponse)...)},
			req: chat, any: true, hasNot: []string{CodeReciprocity}},
		{name: "helped asks are",
			sub: Subject{Friend: friend(closeness(5)), Asks: facts(fourReferrals(store.StatusHelped)...)},
			req: chat, level: Caution, has: []string{CodeReciprocity}},
		{name: "liking her post does not even out four referrals",
			sub: Subject{Friend: friend(closeness(5)), Asks: facts(fourReferrals(store.StatusHelped)...),
				Favors: favorFacts(store.Favor{What: "liked her post", At: now.Add(-2 * day), Size: store.FavorSmall})},
			req: chat, level: Caution, has: []string{CodeReciprocity}},
		{name: "a large favor does",
			sub: Subject{Friend: friend(closeness(5)), Asks: facts(fourReferrals(store.StatusHelped)...),
				Favors: favorFacts(store.Favor{What: "helped her move", At: now.Add(-2 * day), Size: store.FavorLarge})},
			req: chat, level: Clear, hasNot: []string{CodeReciprocity}},
		{name: "in December, the season named is Nov-Dec, not Mar-Apr",
			sub: Subject{Friend: friend(func(f *store.Friend) {
				f.Busy = []store.MonthRange{{From: time.March, To: time.April}, {From: time.November, To: time.December}}
			})},
			req: chat, at: time.Date(2026, time.December, 10, 9, 0, 0, 0, time.UTC), level: Caution, has: []string{CodeBusy}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			at := now
			if !tc.at.IsZero() {
				at = tc.at
			}
			v := Evaluate(tc.sub, tc.req, def, at)
			if !tc.any && v.Level != tc.level {
				t.Errorf("level = %v, want %v (reasons %v)", v.Level, tc.level, v.Reasons)
			}
			for _, c := range tc.has {
				if !v.Has(c) {
					t.Errorf("no %s reason: %v", c, v.Reasons)
				}
			}
			for _, c := range tc.hasNot {
				if v.Has(c) {
					t.Errorf("a %s reason: %v", c, v.Reasons)
				}
			}
		})
	}
}

// TestDefectWording checks the sentences the issue found wrong.
func TestDefectWording(t *testing.T) {
	def := store.DefaultSettings()
	closeFriend := func(f *store.Friend) { f.Closeness = 5 }
	tests := []struct {
		name     string
		sub      Subject
		req      Request
		at       time.Time
		code     string
		want     []string // substrings of the message
		wantNot  []string
		settings *store.Settings
	}{
		{name: "no 'for even a close friend'",
			sub: Subject{Friend: friend(closeFriend), Asks: facts(daily(store.KindIntro, store.StatusHelped, 4, 14*day)...)},
			req: Request{Kind: store.KindIntro}, code: CodeFrequency,
			want: []string{"You have asked Ana 4 times in the last 60 days", "even for a close friend"}, wantNot: []string{"for even"}},
		{name: "no 'request of yesterday'",
			sub: Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusSent, day))},
			req: Request{Kind: store.KindChat}, code: CodePending,
			want: []string{"Your chat request sent yesterday is still unanswered"}, wantNot: []string{" of yesterday"}},
		{name: "two asks: follow up on them",
			sub: Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusSent, day), ask(store.KindIntro, store.StatusSent, 3*day))},
			req: Request{Kind: store.KindChat}, code: CodePending,
			want: []string{"2 unanswered requests to Ana", "follow up on them"}, wantNot: []string{"on it"}},
		{name: "a cool-down that ends next year says the year",
			sub: Subject{Friend: friend(), Asks: facts(store.Ask{Kind: store.KindChat, Status: store.StatusHelped,
				Created: time.Date(2026, 12, 28, 9, 0, 0, 0, time.UTC), Sent: time.Date(2026, 12, 28, 9, 0, 0, 0, time.UTC)})},
			req: Request{Kind: store.KindChat}, at: time.Date(2026, 12, 30, 9, 0, 0, 0, time.UTC), code: CodeCooldown,
			want: []string{"ends Mon 11 Jan 2027"}},
		{name: "a boundary that is your guess is not their words",
			sub: Subject{Friend: friend(func(f *store.Friend) {
				f.Boundaries = []store.Boundary{{Kind: store.KindIntro, Guess: true, Note: "she seemed uneasy"}}
			})},
			req: Request{Kind: store.KindIntro}, code: CodeBoundaryGuess,
			want: []string{"You guess Ana would rather not be asked for intros", "\u201cshe seemed uneasy\u201d"}, wantNot: []string{"has asked not"}},
		{name: "held and the only one: no 'go ahead'",
			sub: Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusSent, 3*day))},
			req: Request{Kind: store.KindChat, Sector: "aerospace", Sole: true}, code: CodeAcknowledge,
			want: []string{"only one you know in aerospace"}, wantNot: []string{"go ahead"}},
		{name: "not held and the only one: go ahead",
			sub: Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusHelped, 3*day))},
			req: Request{Kind: store.KindChat, Sector: "aerospace", Sole: true}, code: CodeAcknowledge,
			want: []string{"go ahead"}},
		{name: "the current season, and one month as one month",
			sub: Subject{Friend: friend(func(f *store.Friend) {
				f.Busy = []store.MonthRange{{From: time.March, To: time.April}, {From: time.December, To: time.December}}
			})},
			req: Request{Kind: store.KindChat}, at: time.Date(2026, time.December, 10, 9, 0, 0, 0, time.UTC), code: CodeBusy,
			want: []string{"busy season (Dec)"}, wantNot: []string{"Mar", "Dec-Dec"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			at := now
			if !tc.at.IsZero() {
				at = tc.at
			}
			v := Evaluate(tc.sub, tc.req, def, at)
			i := slices.IndexFunc(v.Reasons, func(r Reason) bool { return r.Code == tc.code })
			if i < 0 {
				t.Fatalf("no %s reason: %v", tc.code, v.Reasons)
			}
			msg := v.Reasons[i].Message
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q: want %q in it", msg, w)
				}
			}
			for _, w := range tc.wantNot {
				if strings.Contains(msg, w) {
					t.Errorf("message %q: want no %q in it", msg, w)
				}
			}
			if !strings.HasSuffix(msg, ".") {
				t.Errorf("message %q is not a sentence", msg)
			}
		})
	}
}

func TestDefectSeasonInVerdictAndDraft(t *testing.T) {
	dec := time.Date(2026, time.December, 10, 9, 0, 0, 0, time.UTC)
	f := friend(func(f *store.Friend) {
		f.Busy = []store.MonthRange{{From: time.March, To: time.April}, {From: time.November, To: time.December}}
	})
	v := Evaluate(Subject{Friend: f}, Request{Kind: store.KindChat}, store.DefaultSettings(), dec)
	if v.Season != "Nov-Dec" {
		t.Errorf("Season = %q, want Nov-Dec", v.Season)
	}
	if v := Evaluate(Subject{Friend: f}, Request{Kind: store.KindChat}, store.DefaultSettings(), now.AddDate(0, 3, 0)); v.Season != "" {
		t.Errorf("in February Season = %q, want none", v.Season)
	}
	// A draft's .Season is the current season too (it was the first one).
	tmpl, err := LoadTemplates(fstest.MapFS{"en/chat.tmpl": {Data: []byte(`Busy: {{.Season}}`)}}, "")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Draft(store.Profile{Name: "Marco", Lang: "en"}, f, Request{Kind: store.KindChat}, v, Past{Now: dec}, tmpl)
	if err != nil || !strings.Contains(m.Body, "Busy: Nov-Dec") {
		t.Errorf("draft body %q (%v), want the season Nov-Dec", m.Body, err)
	}
}

// TestDefectSoleContactWhoCanBeAsked: a second friend in the sector who
// cannot be asked for the kind does not stop the first being the only one.
func TestDefectSoleContactWhoCanBeAsked(t *testing.T) {
	def := store.DefaultSettings()
	recent := []store.Ask{ask(store.KindIntro, store.StatusHelped, 3*day)}
	noChats := func(f *store.Friend) {
		f.Sectors = []string{"aerospace"}
		f.Boundaries = []store.Boundary{{Kind: store.KindChat}}
	}
	two := pool(member{name: "Asked", mod: sector("aerospace"), asks: recent}, member{name: "No chats", mod: noChats})
	aero := Request{Kind: store.KindChat, Sector: "aerospace"}
	for _, tc := range []struct {
		name string
		req  Request
		want bool
	}{
		{"a chat: the other has ruled chats out", aero, true},
		{"an intro: the other can be asked", Request{Kind: store.KindIntro, Sector: "aerospace"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := SoleContact(two, tc.req, 1); got != tc.want {
				t.Errorf("SoleContact = %v, want %v", got, tc.want)
			}
			if got := CountPlaces(two).Sole(tc.req, two[0].Friend); got != tc.want {
				t.Errorf("Places.Sole = %v, want %v", got, tc.want)
			}
			rows := Rank(tc.req, two, def, now, RankOptions{})
			i := slices.IndexFunc(rows, func(c Candidate) bool { return c.Friend.Name == "Asked" })
			if i < 0 {
				t.Fatalf("Asked not ranked: %v", names(rows))
			}
			if got := rows[i].Verdict.Has(CodeAcknowledge); got != tc.want {
				t.Errorf("Rank: acknowledge = %v, want %v (%v)", got, tc.want, rows[i].Verdict.Reasons)
			}
		})
	}
	// A scoped boundary leaves the other askable: they still count.
	scoped := pool(member{name: "Asked", mod: sector("aerospace"), asks: recent}, member{name: "Execs only", mod: func(f *store.Friend) {
		f.Sectors = []string{"aerospace"}
		f.Boundaries = []store.Boundary{{Kind: store.KindChat, Exec: true}}
	}})
	if SoleContact(scoped, aero, 1) {
		t.Error("SoleContact with a scoped boundary on the other = true, want false")
	}
}
