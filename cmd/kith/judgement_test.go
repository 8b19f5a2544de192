package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestArticleJudgement walks the article's situations through the CLI
// with the judgement of issue 11 (testNow is 2026-11-25): a boundary with
// a scope and a request's target, moments, favor sizes, circles, who
// else's reasons, the hold hint and the follow-up that becomes "mark it
// no-response?".
func TestArticleJudgement(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "profile", "--name", "Marco")

	// The article's example: a referral to a VP is unacceptable at the
	// friend's company; other referrals are fine.
	mustKith(t, db, "add", "Dora Verdi", "--org", "Globex", "--sector", "finance",
		"--boundary", "referral,exec,own-org:Globex forbids referrals to executives")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--target-role", "VP of Sales", "--org", "Globex"}, 4, "Globex forbids referrals to executives"},
		{[]string{"--target-role", "Engineer", "--org", "Globex"}, 0, "CLEAR"},
		{[]string{"--target-role", "VP of Sales", "--org", "Initech"}, 0, "CLEAR"},
		{[]string{"--org", "Globex"}, 0, "boundary-scope:"},
	} {
		out, _, code := kith(t, db, append([]string{"check", "dora", "--kind", "referral"}, tc.args...)...)
		if code != tc.code || !strings.Contains(out, tc.want) {
			t.Errorf("check dora referral %v: exit %d, want %d and %q:\n%s", tc.args, code, tc.code, tc.want, out)
		}
	}
	if out := mustKith(t, db, "show", "dora"); !strings.Contains(out, "no referral to executives at their organisation — Globex forbids") {
		t.Errorf("show: the scoped boundary is not said:\n%s", out)
	}

	// A moment speaks in the verdict: congratulate before you ask.
	mustKith(t, db, "add", "Maria Sole", "--org", "Paywise", "--sector", "fintech", "--closeness", "5", "--note", "just promoted to head of product")
	if out := mustKith(t, db, "show", "maria"); !strings.Contains(out, `moment?`) || !strings.Contains(out, `"promoted"`) {
		t.Errorf("show: the notes' moment is not offered:\n%s", out)
	}
	mustKith(t, db, "moment", "maria", "promoted,at=2026-11-04")
	out, _, code := kith(t, db, "check", "maria", "--kind", "intro")
	if code != 0 || !strings.Contains(out, "Maria was promoted 3 weeks ago: congratulate them before you ask.") {
		t.Errorf("check after a promotion: exit %d:\n%s", code, out)
	}
	// On leave: hold until she is back, the date with its year.
	mustKith(t, db, "add", "Ana Neri", "--moment", "leave,at=2026-10-01,until=2027-03-31:parental leave")
	out, _, code = kith(t, db, "check", "ana neri", "--kind", "chat")
	if code != 3 || !strings.Contains(out, "on leave until Wed 31 Mar 2027") {
		t.Errorf("check during a leave: exit %d, want 3:\n%s", code, out)
	}
	if _, _, code := kith(t, db, "moment", "maria", "promoted,at=tomorrow"); code != 2 {
		t.Errorf("a bad moment date: exit %d, want 2", code)
	}

	// Favors weigh by size: liking her post does not even out four
	// referrals; a large favor does.
	mustKith(t, db, "add", "Lia Rossi", "--closeness", "5")
	for _, at := range []string{"2026-06-28", "2026-07-28", "2026-08-27", "2026-09-26"} {
		mustKith(t, db, "ask", "lia", "--kind", "referral", "--status", "helped", "--at", at)
	}
	mustKith(t, db, "favor", "lia", "liked her post", "--size", "small")
	if out := mustKith(t, db, "check", "lia", "--kind", "chat"); !strings.Contains(out, "reciprocity:") {
		t.Errorf("a small favor evened out four referrals:\n%s", out)
	}
	mustKith(t, db, "favor", "lia", "helped her move", "--size", "large")
	if out := mustKith(t, db, "check", "lia", "--kind", "chat"); strings.Contains(out, "reciprocity:") {
		t.Errorf("a large favor did not even them out:\n%s", out)
	}
	if _, _, code := kith(t, db, "favor", "lia", "x", "--size", "huge"); code != 2 {
		t.Errorf("favor --size huge: exit %d, want 2", code)
	}

	// Circles: after three asks to the climbing club this month, the
	// next one in it is cautioned.
	for _, n := range []string{"Pia", "Quinto", "Rita", "Sara"} {
		mustKith(t, db, "add", n+" Club", "--circle", "climbing club", "--sector", "outdoor")
	}
	for _, n := range []string{"pia", "quinto", "rita"} {
		mustKith(t, db, "ask", n, "--kind", "chat", "--status", "helped", "--at", "2026-11-10")
	}
	out, _, code = kith(t, db, "check", "sara", "--kind", "chat")
	if code != 0 || !strings.Contains(out, "circle:") || !strings.Contains(out, "climbing club") {
		t.Errorf("the fourth in the circle: exit %d, want a circle caution:\n%s", code, out)
	}
	var rows []whoJSON
	if err := json.Unmarshal([]byte(mustKith(t, db, "who", "--kind", "chat", "--circle", "Climbing Club", "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 {
		t.Errorf("who --circle: %+v, want the four members", rows)
	}
	for _, r := range rows {
		if r.Fit.Circle != "climbing club" || !strings.Contains(r.Why, "in climbing club") || r.Level.String() != "caution" {
			t.Errorf("who --circle: %+v, want a caution saying why", r)
		}
	}

	// Who else says why in words, with the id.
	mustKith(t, db, "edit", "maria", "--worked-note", "Paywise 2020-22")
	out = mustKith(t, db, "who", "--kind", "intro", "--sector", "fintech")
	if !strings.Contains(out, " ID ") || !strings.Contains(out, "fintech · close friend · worked together (Paywise 2020-22) · never asked") ||
		!strings.Contains(out, "caution: Maria was promoted") {
		t.Errorf("who: no reasons in words:\n%s", out)
	}

	// The hold hint keeps the whole request.
	mustKith(t, db, "ask", "maria", "--kind", "intro", "--sector", "fintech")
	_, errs, code := kith(t, db, "draft", "maria", "--kind", "intro", "--sector", "fintech", "--org", "Paywise")
	if code != 3 || !strings.Contains(errs, "kith who --kind intro --sector fintech --org Paywise --exclude 'Maria Sole'") {
		t.Errorf("draft on hold: exit %d, want the whole who command:\n%s", code, errs)
	}

	// A sent ask with no reply for 30 days: mark it no-response?
	mustKith(t, db, "add", "Tea Old")
	mustKith(t, db, "ask", "tea", "--kind", "chat", "--at", "2025-10-20")
	if out := mustKith(t, db, "due"); !strings.Contains(out, "no reply from Tea Old to your chat ask of 20 Oct 2025") || !strings.Contains(out, "mark it no-response?") {
		t.Errorf("due for an ask of 400 days ago:\n%s", out)
	}
}
