package policy

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"kith/store"
)

var now = time.Date(2026, time.November, 25, 12, 0, 0, 0, time.UTC)

const day = 24 * time.Hour

func friend(mods ...func(*store.Friend)) *store.Friend {
	f := &store.Friend{ID: 1, Name: "Ana Rossi", Org: "Acme", Closeness: 3, Sectors: []string{"aerospace"}}
	for _, m := range mods {
		m(f)
	}
	return f
}

func ask(kind store.Kind, status store.Status, ago time.Duration) store.Ask {
	at := now.Add(-ago)
	a := store.Ask{FriendID: 1, Kind: kind, Status: status, Created: at.Add(-time.Hour)}
	if status.Made() {
		a.Sent = at
	}
	return a
}

func codes(v Verdict) []string {
	out := []string{}
	for _, r := range v.Reasons {
		out = append(out, r.Code)
	}
	return out
}

func TestEvaluateRules(t *testing.T) {
	def := store.DefaultSettings()
	chat := Request{Kind: store.KindChat}
	tests := []struct {
		name  string
		sub   Subject
		req   Request
		set   store.Settings
		at    time.Time // now, if not zero
		level Level
		codes []string
	}{
		{"never asked", Subject{Friend: friend()}, chat, def, time.Time{}, Clear, []string{}},
		{"asked 5 days ago", Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusHelped, 5*day))}, chat, def, time.Time{}, Hold, []string{CodeCooldown}},
		{"asked 40 days ago", Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusHelped, 40*day))}, chat, def, time.Time{}, Clear, []string{}},
		{"exactly 14 days ago: cool-down over", Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusHelped, 14*day))}, chat, def, time.Time{}, Clear, []string{}},
		{"a second short of 14 days", Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusHelped, 14*day-time.Second))}, chat, def, time.Time{}, Hold, []string{CodeCooldown}},
		{"cool-down raised to 30 days", Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusHelped, 20*day))}, chat, store.Settings{CooldownDays: 30}, time.Time{}, Hold, []string{CodeCooldown}},
		{"cool-down lowered to 7 days", Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusHelped, 10*day))}, chat, store.Settings{CooldownDays: 7}, time.Time{}, Clear, []string{}},
		{"cool-down 0 is off", Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusHelped, day))}, chat, store.Settings{}, time.Time{}, Clear, []string{}},
		{"draft does not count", Subject{Friend: friend(), Asks: facts(ask(store.KindReferral, store.StatusDraft, 2*day))}, chat, def, time.Time{}, Clear, []string{}},
		{"withdrawn does not count", Subject{Friend: friend(), Asks: facts(ask(store.KindReferral, store.StatusWithdrawn, 2*day))}, chat, def, time.Time{}, Clear, []string{}},
		{"declined counts", Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusDeclined, 2*day))}, chat, def, time.Time{}, Hold, []string{CodeCooldown}},
		{"ask dated in the future holds", Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusHelped, -2*day))}, chat, def, time.Time{}, Hold, []string{CodeCooldown}},
		{"sent 5 days ago: pending and cool-down", Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusSent, 5*day))}, chat, def, time.Time{}, Hold, []string{CodePending, CodeCooldown}},
		{"sent 20 days ago: pending only", Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusSent, 20*day))}, chat, def, time.Time{}, Hold, []string{CodePending}},
		{"sent 29 days ago still holds", Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusSent, 30*day-time.Second))}, chat, def, time.Time{}, Hold, []string{CodePending}},
		{"sent 30 days ago: stale, caution", Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusSent, 30*day))}, chat, def, time.Time{}, Caution, []string{CodePending}},
		{"no-response is an outcome", Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusNoResponse, 20*day))}, chat, def, time.Time{}, Clear, []string{}},
		{"acquaintance: intro then referral is too much",
			Subject{Friend: friend(func(f *store.Friend) { f.Closeness = 1 }), Asks: facts(ask(store.KindIntro, store.StatusHelped, 20*day))},
			Request{Kind: store.KindReferral}, def, time.Time{}, Caution, []string{CodeFrequency}},
		{"close friend bears the same",
			Subject{Friend: friend(func(f *store.Friend) { f.Closeness = 5 }), Asks: facts(ask(store.KindIntro, store.StatusHelped, 20*day))},
			Request{Kind: store.KindReferral}, def, time.Time{}, Clear, []string{}},
		{"acquaintance: a chat after a chat is fine",
			Subject{Friend: friend(func(f *store.Friend) { f.Closeness = 1 }), Asks: facts(ask(store.KindChat, store.StatusHelped, 20*day))},
			chat, def, time.Time{}, Clear, []string{}},
		{"close friend: three referrals in two months",
			Subject{Friend: friend(func(f *store.Friend) { f.Closeness = 5 }), Asks: facts(
				ask(store.KindReferral, store.StatusHelped, 50*day), ask(store.KindReferral, store.StatusHelped, 35*day), ask(store.KindReferral, store.StatusHelped, 20*day))},
			Request{Kind: store.KindReferral}, def, time.Time{}, Caution, []string{CodeFrequency, CodeReciprocity}},
		{"many asks, no favors",
			Subject{Friend: friend(func(f *store.Friend) { f.Closeness = 5 }), Asks: facts(
				ask(store.KindReferral, store.StatusHelped, 150*day), ask(store.KindReferral, store.StatusHelped, 120*day),
				ask(store.KindReferral, store.StatusHelped, 90*day), ask(store.KindReferral, store.StatusHelped, 60*day))},
			chat, def, time.Time{}, Caution, []string{CodeReciprocity}},
		{"many asks, a recent favor evens it",
			Subject{Friend: friend(func(f *store.Friend) { f.Closeness = 5 }), Asks: facts(
				ask(store.KindReferral, store.StatusHelped, 150*day), ask(store.KindReferral, store.StatusHelped, 120*day),
				ask(store.KindReferral, store.StatusHelped, 90*day), ask(store.KindReferral, store.StatusHelped, 60*day)),
				Favors: favorFacts(store.Favor{FriendID: 1, What: "helped her move", At: now.Add(-10 * day)})},
			chat, def, time.Time{}, Clear, []string{}},
		{"many asks years ago do not count",
			Subject{Friend: friend(func(f *store.Friend) { f.Closeness = 5 }), Asks: facts(
				ask(store.KindReferral, store.StatusHelped, 1500*day), ask(store.KindReferral, store.StatusHelped, 1200*day),
				ask(store.KindReferral, store.StatusHelped, 900*day), ask(store.KindReferral, store.StatusHelped, 800*day))},
			chat, def, time.Time{}, Clear, []string{}},
		{"reference from someone you never worked with", Subject{Friend: friend()}, Request{Kind: store.KindReference}, def, time.Time{}, Block, []string{CodeTruth}},
		{"recommendation from someone you never worked with", Subject{Friend: friend()}, Request{Kind: store.KindRecommendation}, def, time.Time{}, Block, []string{CodeTruth}},
		{"reference from a colleague", Subject{Friend: friend(func(f *store.Friend) { f.WorkedTogether = true })}, Request{Kind: store.KindReference}, def, time.Time{}, Clear, []string{}},
		{"referral against their boundary",
			Subject{Friend: friend(func(f *store.Friend) {
				f.Boundaries = []store.Boundary{{Kind: store.KindReferral, Note: "Acme forbids referrals to executives"}}
			})},
			Request{Kind: store.KindReferral}, def, time.Time{}, Block, []string{CodeBoundary}},
		{"an intro is outside a referral boundary",
			Subject{Friend: friend(func(f *store.Friend) { f.Boundaries = []store.Boundary{{Kind: store.KindReferral}} })},
			Request{Kind: store.KindIntro}, def, time.Time{}, Clear, []string{}},
		{"busy season Mar-Apr in March",
			Subject{Friend: friend(func(f *store.Friend) { f.Busy = []store.MonthRange{{From: time.March, To: time.April}} })},
			chat, def, time.Date(2027, time.March, 10, 9, 0, 0, 0, time.UTC), Caution, []string{CodeBusy}},
		{"busy season Mar-Apr in November",
			Subject{Friend: friend(func(f *store.Friend) { f.Busy = []store.MonthRange{{From: time.March, To: time.April}} })},
			chat, def, time.Time{}, Clear, []string{}},
		{"busy season Nov-Feb wraps into January",
			Subject{Friend: friend(func(f *store.Friend) { f.Busy = []store.MonthRange{{From: time.November, To: time.February}} })},
			chat, def, time.Date(2027, time.January, 15, 9, 0, 0, 0, time.UTC), Caution, []string{CodeBusy}},
		{"busy season Nov-Feb is over in March",
			Subject{Friend: friend(func(f *store.Friend) { f.Busy = []store.MonthRange{{From: time.November, To: time.February}} })},
			chat, def, time.Date(2027, time.March, 1, 0, 0, 0, 0, time.UTC), Clear, []string{}},
		{"the only one in aerospace, asked 3 days ago",
			Subject{Friend: friend(), Asks: facts(ask(store.KindIntro, store.StatusHelped, 3*day))},
			Request{Kind: store.KindChat, Sector: "aerospace", Sole: true}, def, time.Time{}, Caution, []string{CodeAcknowledge}},
		{"the only one, but unanswered: still hold",
			Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusSent, 3*day))},
			Request{Kind: store.KindChat, Sector: "aerospace", Sole: true}, def, time.Time{}, Hold, []string{CodePending, CodeAcknowledge}},
		{"the only one, outside the cool-down: nothing to acknowledge",
			Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusHelped, 30*day))},
			Request{Kind: store.KindChat, Sector: "aerospace", Sole: true}, def, time.Time{}, Clear, []string{}},
		{"reasons read most serious first",
			Subject{Friend: friend(func(f *store.Friend) {
				f.Closeness = 1
				f.Boundaries = []store.Boundary{{Kind: store.KindReferral}}
				f.Busy = []store.MonthRange{{From: time.November, To: time.November}}
			}), Asks: facts(ask(store.KindReferral, store.StatusHelped, 2*day))},
			Request{Kind: store.KindReferral}, def, time.Time{}, Block, []string{CodeBoundary, CodeCooldown, CodeFrequency, CodeBusy}},
		{"no friend", Subject{}, chat, def, time.Time{}, Block, []string{CodeNoFriend}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			at := now
			if !tc.at.IsZero() {
				at = tc.at
			}
			v := Evaluate(tc.sub, tc.req, tc.set, at)
			if v.Level != tc.level {
				t.Errorf("level = %v, want %v (reasons %v)", v.Level, tc.level, v.Reasons)
			}
			if got := codes(v); !slices.Equal(got, tc.codes) {
				t.Errorf("codes = %v, want %v", got, tc.codes)
			}
			lo, hi := map[Level][2]int{Clear: {70, 100}, Caution: {40, 69}, Hold: {10, 39}, Block: {0, 0}}[v.Level][0], map[Level][2]int{Clear: {70, 100}, Caution: {40, 69}, Hold: {10, 39}, Block: {0, 0}}[v.Level][1]
			if v.Score < lo || v.Score > hi {
				t.Errorf("score = %d, want within %d-%d for %v", v.Score, lo, hi, v.Level)
			}
			for _, r := range v.Reasons {
				if r.Message == "" || !strings.HasSuffix(r.Message, ".") {
					t.Errorf("reason %s: message %q is not a sentence", r.Code, r.Message)
				}
			}
			if v.Has(CodeCooldown) == v.Until.IsZero() {
				t.Errorf("until = %v with cooldown %v: want set exactly when cooling down", v.Until, v.Has(CodeCooldown))
			}
		})
	}
}

func TestEvaluateMessages(t *testing.T) {
	def := store.DefaultSettings()
	sub := Subject{Friend: friend(func(f *store.Friend) {
		f.Boundaries = []store.Boundary{{Kind: store.KindReferral, Note: "Acme forbids referrals to executives"}}
	}), Asks: facts(ask(store.KindChat, store.StatusHelped, 5*day))}
	v := Evaluate(sub, Request{Kind: store.KindReferral}, def, now)
	want := []string{
		"Ana has asked not to be asked for referrals: \u201cAcme forbids referrals to executives\u201d.",
		"You asked Ana 5 days ago; the 14-day cool-down ends Fri 4 Dec. Hold back or ask someone else.",
	}
	if len(v.Reasons) < 2 {
		t.Fatalf("reasons = %v, want boundary and cooldown", v.Reasons)
	}
	for i, w := range want {
		if v.Reasons[i].Message != w {
			t.Errorf("reason %d = %q, want %q", i, v.Reasons[i].Message, w)
		}
	}
	if want := now.Add(-5 * day).Add(14 * day); !v.Until.Equal(want) {
		t.Errorf("until = %v, want %v", v.Until, want)
	}
}

func TestEvaluateScoreOrder(t *testing.T) {
	def := store.DefaultSettings()
	score := func(ago time.Duration) int {
		return Evaluate(Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusHelped, ago))},
			Request{Kind: store.KindChat}, def, now).Score
	}
	if a, b := score(2*day), score(10*day); a >= b {
		t.Errorf("held 2 days ago scores %d, 10 days ago %d: want the later hold to score higher", a, b)
	}
	if a, b := score(20*day), score(60*day); a >= b {
		t.Errorf("clear 20 days ago scores %d, 60 days ago %d: want more rest to score higher", a, b)
	}
	if s := Evaluate(Subject{Friend: friend()}, Request{Kind: store.KindChat}, def, now).Score; s != 100 {
		t.Errorf("never asked scores %d, want 100", s)
	}
}

func TestVerdictJSON(t *testing.T) {
	v := Evaluate(Subject{Friend: friend()}, Request{Kind: store.KindChat}, store.DefaultSettings(), now)
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"level":"clear","score":100,"reasons":[],"ledger":{"asked":0,"given":0,"balance":0}}`; got != want {
		t.Errorf("json = %s, want %s", got, want)
	}
	var back Verdict
	if err := json.Unmarshal([]byte(`{"level":"hold","score":20,"reasons":[{"code":"cooldown","message":"m"}],"until":"2026-12-04T12:00:00Z"}`), &back); err != nil {
		t.Fatal(err)
	}
	if back.Level != Hold || back.Reasons[0].Code != CodeCooldown || back.Until.IsZero() {
		t.Errorf("decoded %+v, want a hold with cooldown and until", back)
	}
	if err := json.Unmarshal([]byte(`{"level":"maybe"}`), &back); err == nil {
		t.Error("decoding level \"maybe\": want an error")
	}
}

func TestLevelString(t *testing.T) {
	for l, want := range map[Level]string{Clear: "clear", Caution: "caution", Hold: "hold", Block: "block", 9: "level(9)"} {
		if got := l.String(); got != want {
			t.Errorf("Level(%d).String() = %q, want %q", l, got, want)
		}
	}
	if _, err := Level(9).MarshalText(); err == nil {
		t.Error("marshalling Level(9): want an error")
	}
}

func TestLikely(t *testing.T) {
	f := friend()
	tests := []struct {
		name string
		sub  Subject
		want Request
	}{
		{"no asks: a chat about their sector", Subject{Friend: f}, Request{Kind: store.KindChat, Sector: "aerospace"}},
		{"no friend", Subject{}, Request{Kind: store.KindChat}},
		{"the latest ask", Subject{Friend: f, Asks: facts(
			store.Ask{Kind: store.KindReferral, Status: store.StatusDraft, Sector: "space", Created: now.Add(-time.Hour)},
			store.Ask{Kind: store.KindIntro, Status: store.StatusHelped, Created: now.Add(-40 * day), Sent: now.Add(-40 * day)},
		)}, Request{Kind: store.KindReferral, Sector: "space"}},
		{"withdrawn asks are skipped", Subject{Friend: f, Asks: facts(
			store.Ask{Kind: store.KindIntro, Status: store.StatusHelped, Org: "Acme", Created: now.Add(-40 * day)},
			store.Ask{Kind: store.KindReferral, Status: store.StatusWithdrawn, Created: now.Add(-time.Hour)},
		)}, Request{Kind: store.KindIntro, Org: "Acme"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Likely(tc.sub)
			if got.Kind != tc.want.Kind || got.Sector != tc.want.Sector || got.Org != tc.want.Org {
				t.Errorf("Likely = %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestFirstName(t *testing.T) {
	for _, tc := range []struct {
		f    *store.Friend
		want string
	}{
		{&store.Friend{Name: "Ana Rossi"}, "Ana"},
		{&store.Friend{Name: "Ana Rossi", Nickname: "Annie"}, "Annie"},
		{&store.Friend{Name: "Cher"}, "Cher"},
		{nil, ""},
	} {
		if got := FirstName(tc.f); got != tc.want {
			t.Errorf("FirstName(%v) = %q, want %q", tc.f, got, tc.want)
		}
	}
}

func TestLedgerDecay(t *testing.T) {
	for _, halves := range []float64{0, 1e-9, 0.25, 0.5, 0.999, 1, 1.5, 2.75, 7.9, 23.3, 60, 200, 999} {
		age := time.Duration(halves * float64(LedgerHalfLife))
		got, want := ledgerDecay(age), math.Exp2(-halves)
		if math.Abs(got-want) > 5e-6*want {
			t.Errorf("ledgerDecay(%v half-lives) = %v, want %v", halves, got, want)
		}
	}
	for _, x := range []float64{math.NaN(), math.Inf(1), 1000} {
		if got := exp2neg(x); got != 0 {
			t.Errorf("exp2neg(%v) = %v, want 0", x, got)
		}
	}
	if got := ledgerDecay(-time.Hour); got != 1 {
		t.Errorf("ledgerDecay of a future time = %v, want 1", got)
	}
	if LedgerHalfLife != 3*FrequencyHalfLife {
		t.Errorf("LedgerHalfLife = %v, want 3×FrequencyHalfLife: assess cubes the ledger decay for the frequency", LedgerHalfLife)
	}
}

// TestReasonLevels checks the level each reason brings, and that a
// verdict's level is that of its most serious reason.
func TestReasonLevels(t *testing.T) {
	def := store.DefaultSettings()
	boundary := friend(func(f *store.Friend) { f.Boundaries = []store.Boundary{{Kind: store.KindReferral}} })
	busy := friend(func(f *store.Friend) { f.Busy = []store.MonthRange{{From: time.November, To: time.December}} })
	tests := []struct {
		sub  Subject
		req  Request
		code string
		want Level
	}{
		{Subject{Friend: boundary}, Request{Kind: store.KindReferral}, CodeBoundary, Block},
		{Subject{Friend: friend()}, Request{Kind: store.KindReference}, CodeTruth, Block},
		{Subject{}, Request{Kind: store.KindChat}, CodeNoFriend, Block},
		{Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusSent, 20*day))}, Request{Kind: store.KindChat}, CodePending, Hold},
		{Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusSent, 40*day))}, Request{Kind: store.KindChat}, CodePending, Caution},
		{Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusHelped, 3*day))}, Request{Kind: store.KindChat}, CodeCooldown, Hold},
		{Subject{Friend: friend(), Asks: facts(ask(store.KindChat, store.StatusHelped, 3*day))}, Request{Kind: store.KindChat, Sector: "x", Sole: true}, CodeAcknowledge, Caution},
		{Subject{Friend: friend(func(f *store.Friend) { f.Closeness = 1 }), Asks: facts(ask(store.KindIntro, store.StatusHelped, 20*day))}, Request{Kind: store.KindIntro}, CodeFrequency, Caution},
		{Subject{Friend: busy}, Request{Kind: store.KindChat}, CodeBusy, Caution},
	}
	for _, tc := range tests {
		v := Evaluate(tc.sub, tc.req, def, now)
		found := false
		for _, r := range v.Reasons {
			if r.Code == tc.code {
				found = true
				if r.Level != tc.want {
					t.Errorf("%s: level %v, want %v", tc.code, r.Level, tc.want)
				}
			}
		}
		if !found {
			t.Errorf("%s: not among %v", tc.code, v.Reasons)
		}
	}
	for i, sub := range benchNetwork(300) {
		for _, kind := range store.Kinds() {
			v := Evaluate(sub, Request{Kind: kind}, def, now)
			worst := Clear
			for _, r := range v.Reasons {
				worst = max(worst, r.Level)
			}
			if worst != v.Level {
				t.Fatalf("friend %d, %s: level %v, its reasons' worst %v (%v)", i, kind, v.Level, worst, v.Reasons)
			}
		}
	}
	if !(Clear < Caution && Caution < Hold && Hold < Block) {
		t.Error("the levels are not ordered readiest first")
	}
}

func TestLedger(t *testing.T) {
	def := store.DefaultSettings()
	f := friend()
	tests := []struct {
		name   string
		sub    Subject
		want   Ledger
		saying string
	}{
		{"nothing", Subject{Friend: f}, Ledger{}, "nothing asked or given lately"},
		{"a referral today", Subject{Friend: f, Asks: facts(ask(store.KindReferral, store.StatusHelped, 0))},
			Ledger{Asked: 3, Balance: 3}, "asked 3.0, given 0.0 (recent ones weigh most): you have asked a little more than you gave (a caution from 4.0 more)"},
		{"a referral a season ago weighs half", Subject{Friend: f, Asks: facts(ask(store.KindReferral, store.StatusHelped, 90*day))},
			Ledger{Asked: 1.5, Balance: 1.5}, ""},
		{"a chat and a favor", Subject{Friend: f, Asks: facts(ask(store.KindChat, store.StatusHelped, 0)), Favors: favorFacts(store.Favor{At: now})},
			Ledger{Asked: 1, Given: 2, Balance: -1}, "asked 1.0, given 2.0 (recent ones weigh most): you have given as much as you asked"},
		{"drafts do not count", Subject{Friend: f, Asks: facts(ask(store.KindReferral, store.StatusDraft, 0))}, Ledger{}, ""},
		{"two referrals and an intro", Subject{Friend: f, Asks: facts(ask(store.KindReferral, store.StatusHelped, 0), ask(store.KindReferral, store.StatusHelped, 0))},
			Ledger{Asked: 6, Balance: 6}, "asked 6.0, given 0.0 (recent ones weigh most): you have asked much more than you gave; help them first"},
	}
	for _, tc := range tests {
		v := Evaluate(tc.sub, Request{Kind: store.KindChat}, def, now)
		if v.Ledger != tc.want {
			t.Errorf("%s: ledger %+v, want %+v", tc.name, v.Ledger, tc.want)
		}
		if tc.saying != "" && v.Ledger.String() != tc.saying {
			t.Errorf("%s: %q, want %q", tc.name, v.Ledger.String(), tc.saying)
		}
		if v.Has(CodeReciprocity) != (v.Ledger.Balance >= ReciprocityLimit) {
			t.Errorf("%s: reciprocity %v with balance %v", tc.name, v.Has(CodeReciprocity), v.Ledger.Balance)
		}
	}
}

// facts is the facts of asks, as the store gives them.
func facts(asks ...store.Ask) []store.AskFact { return store.AskFacts(asks) }

// favorFacts is the facts of favors.
func favorFacts(favors ...store.Favor) []store.FavorFact { return store.FavorFacts(favors) }

// The weights' tables hold what their documents say, by kind and status
// name, and weigh an unknown kind as a chat and an unknown status as
// nothing.
func TestWeightTables(t *testing.T) {
	kinds := map[store.Kind]float64{store.KindIntro: 2, store.KindChat: 1, store.KindReferral: 3, store.KindReference: 3,
		store.KindRecommendation: 2, store.KindAdvice: 1, store.KindReview: 1.5, store.KindOther: 1, "unknown": 1}
	for k, want := range kinds {
		if got := KindWeight(k); got != want {
			t.Errorf("KindWeight(%q) = %v, want %v", k, got, want)
		}
	}
	if len(kinds) != len(store.Kinds())+1 {
		t.Errorf("%d kinds checked, want every one of %d", len(kinds)-1, len(store.Kinds()))
	}
	statuses := map[store.Status]float64{store.StatusDraft: 0, store.StatusSent: 0.5, store.StatusHelped: 1, store.StatusDeclined: 0.25,
		store.StatusNoResponse: 0.25, store.StatusWithdrawn: 0.25, "unknown": 0}
	for s, want := range statuses {
		if got := OutcomeWeight(s); got != want {
			t.Errorf("OutcomeWeight(%q) = %v, want %v", s, got, want)
		}
	}
	if len(statuses) != len(store.Statuses())+1 {
		t.Errorf("%d statuses checked, want every one of %d", len(statuses)-1, len(store.Statuses()))
	}
}
