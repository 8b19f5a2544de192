package policy

import (
	"testing"
	"time"

	"kith/store"
)

// TestMomentReasonWords: the reason each kind of moment gives, dated or
// lasting until a date, with its note, and its own advice when it holds.
func TestMomentReasonWords(t *testing.T) {
	ago := now.AddDate(0, 0, -10)
	until := time.Date(2027, time.March, 31, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		m    store.Moment
		hold bool
		want string
	}{
		{store.Moment{Kind: store.MomentPromoted, At: ago}, false, "Ada was promoted 10 days ago: congratulate them before you ask."},
		{store.Moment{Kind: store.MomentNewJob, At: ago, Note: "Avio"}, false, "Ada started a new job 10 days ago (\u201cAvio\u201d): congratulate them, and allow for a new job's load."},
		{store.Moment{Kind: store.MomentBaby, At: ago}, true, "Ada had a baby 10 days ago: congratulate them, and leave the request for later."},
		{store.Moment{Kind: store.MomentBaby, At: ago}, false, "Ada had a baby 10 days ago: congratulate them first, and don't expect a quick reply."},
		{store.Moment{Kind: store.MomentWedding, At: ago}, false, "Ada got married 10 days ago: congratulate them before you ask."},
		{store.Moment{Kind: store.MomentLeave, At: ago, Until: until}, true, "Ada is on leave until Wed 31 Mar 2027: wait until they are back."},
		{store.Moment{Kind: store.MomentLeave, At: ago}, true, "Ada is on leave since 10 days ago: wait until they are back."},
		{store.Moment{Kind: store.MomentLoss, At: ago}, true, "Ada suffered a loss 10 days ago: this is not the time to ask."},
		{store.Moment{Kind: store.MomentLoss, At: ago}, false, "Ada suffered a loss 10 days ago: ask how they are before you ask for anything."},
		{store.Moment{Kind: store.MomentIllness, At: ago, Until: until}, true, "Ada has been unwell (until Wed 31 Mar 2027): wait until they are better."},
		{store.Moment{Kind: store.MomentMoved, At: ago}, false, "Ada moved 10 days ago: they may be busy settling in; keep it light."},
		{store.Moment{Kind: store.MomentOther, At: ago, Note: "a hard month"}, false, "Something is going on for Ada since 10 days ago (\u201ca hard month\u201d): mind it before you ask."},
	}
	for _, c := range cases {
		var w msgWriter
		w.moment(&c.m, "Ada", c.hold, newClock(now))
		if got := string(w.buf); got != c.want {
			t.Errorf("%s (hold %v):\n got %q\nwant %q", c.m.Kind, c.hold, got, c.want)
		}
	}
}
