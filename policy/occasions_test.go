package policy

import (
	"strings"
	"testing"
	"time"

	"kith/store"
)

func TestOccasionNudges(t *testing.T) {
	rome, _ := time.LoadLocation("Europe/Rome")
	now := time.Date(2026, 12, 3, 22, 30, 0, 0, rome) // a Thursday, late
	cases := []struct {
		name      string
		birthday  store.Date
		anniv     store.Date
		org, arch bool
		want      []NudgeKind
		msg       string
		since     time.Time
	}{
		{name: "none", want: nil},
		{name: "birthday today", birthday: store.Date{Year: 1985, Month: 12, Day: 3}, want: []NudgeKind{NudgeBirthday},
			msg: "Ada's birthday is today: a reason to get in touch, not to ask", since: time.Date(2026, 12, 3, 0, 0, 0, 0, rome)},
		{name: "tomorrow", birthday: store.Date{Month: 12, Day: 4}, want: []NudgeKind{NudgeBirthday}, msg: "Ada's birthday is tomorrow"},
		{name: "a week ahead", anniv: store.Date{Year: 2004, Month: 12, Day: 10}, want: []NudgeKind{NudgeAnniversary},
			msg: "Ada's anniversary is in 7 days, on Thu 10 Dec"},
		{name: "eight days ahead: not yet", birthday: store.Date{Month: 12, Day: 11}, want: nil},
		{name: "yesterday: gone", birthday: store.Date{Month: 12, Day: 2}, want: nil},
		{name: "across the new year", birthday: store.Date{Month: 1, Day: 1}, want: nil},
		{name: "both", birthday: store.Date{Month: 12, Day: 5}, anniv: store.Date{Month: 12, Day: 6}, want: []NudgeKind{NudgeBirthday, NudgeAnniversary}},
		{name: "an organisation has none", org: true, birthday: store.Date{Month: 12, Day: 3}, want: nil},
		{name: "archived has none", arch: true, birthday: store.Date{Month: 12, Day: 3}, want: nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := &store.Friend{ID: 4, Name: "Ada", Birthday: c.birthday, Anniversary: c.anniv, IsOrg: c.org, Archived: c.arch}
			got := Due(Subject{Friend: f}, now)
			if len(got) != len(c.want) {
				t.Fatalf("got %+v, want %v", got, c.want)
			}
			for i, n := range got {
				if n.Kind != c.want[i] || n.FriendID != 4 || n.AskID != 0 {
					t.Errorf("nudge %d: %+v, want %s", i, n, c.want[i])
				}
			}
			if c.msg != "" && !strings.HasPrefix(got[0].Message, c.msg) {
				t.Errorf("message %q, want %q", got[0].Message, c.msg)
			}
			if !c.since.IsZero() && !got[0].Since.Equal(c.since) {
				t.Errorf("since %v, want %v", got[0].Since, c.since)
			}
		})
	}
	// the 31st of December, a week before the 2nd of January
	nye := time.Date(2026, 12, 31, 9, 0, 0, 0, time.UTC)
	if got := Due(Subject{Friend: &store.Friend{Name: "Bo", Birthday: store.Date{Month: 1, Day: 2}}}, nye); len(got) != 1 || !strings.Contains(got[0].Message, "in 2 days, on Sat 2 Jan") {
		t.Errorf("over the new year: %+v", got)
	}
}
