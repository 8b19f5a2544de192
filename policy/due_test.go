package policy

import (
	"testing"
	"time"

	"kith/store"
)

func TestDue(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	sent := func(id uint64, ago time.Duration) store.Ask {
		return store.Ask{ID: id, Kind: store.KindChat, Status: store.StatusSent, Created: now.Add(-ago), Sent: now.Add(-ago)}
	}
	helped := func(id uint64, ago time.Duration, thanked bool) store.Ask {
		a := store.Ask{ID: id, Kind: store.KindIntro, Status: store.StatusHelped, Created: now.Add(-ago - day), Sent: now.Add(-ago - day), Resolved: now.Add(-ago)}
		if thanked {
			a.Thanked = now.Add(-ago)
		}
		return a
	}
	cases := []struct {
		name     string
		archived bool
		asks     []store.Ask
		favors   []store.Favor
		want     []NudgeKind
	}{
		{name: "nothing", want: nil},
		{name: "sent 6 days ago", asks: []store.Ask{sent(1, 6*day)}, want: nil},
		{name: "sent exactly 7 days ago", asks: []store.Ask{sent(1, 7*day)}, want: []NudgeKind{NudgeFollowUp}},
		{name: "own follow-up date not reached", asks: []store.Ask{func() store.Ask {
			a := sent(1, 10*day)
			a.FollowUp = now.Add(day)
			return a
		}()}, want: nil},
		{name: "draft and withdrawn wait for nothing", asks: []store.Ask{
			{ID: 1, Kind: store.KindChat, Status: store.StatusDraft, Created: now.Add(-30 * day)},
			{ID: 2, Kind: store.KindChat, Status: store.StatusWithdrawn, Created: now.Add(-30 * day)}}, want: nil},
		{name: "helped, not thanked, no favor", asks: []store.Ask{helped(1, 10*day, false)}, want: []NudgeKind{NudgeThank, NudgeHelpBack}},
		{name: "helped and thanked, favor done", asks: []store.Ask{helped(1, 10*day, true)},
			favors: []store.Favor{{ID: 1, What: "w", At: now.Add(-5 * day)}}, want: nil},
		{name: "helped and thanked, favor too old", asks: []store.Ask{helped(1, 10*day, true)},
			favors: []store.Favor{{ID: 1, What: "w", At: now.Add(-91 * day)}}, want: []NudgeKind{NudgeHelpBack}},
		{name: "help long ago", asks: []store.Ask{helped(1, 120*day, true)}, want: nil},
		{name: "not thanked, 30 days on", asks: []store.Ask{helped(1, 30*day, false)}, want: []NudgeKind{NudgeThank, NudgeHelpBack}},
		{name: "not thanked, 31 days on: too late to nudge", asks: []store.Ask{helped(1, 31*day, false)}, want: []NudgeKind{NudgeHelpBack}},
		{name: "archived", archived: true, asks: []store.Ask{sent(1, 30*day)}, want: nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := &store.Friend{ID: 9, Name: "Ada", Archived: c.archived}
			got := Due(SubjectOf(f, c.asks, c.favors), now)
			if len(got) != len(c.want) {
				t.Fatalf("got %v, want kinds %v", got, c.want)
			}
			for i, n := range got {
				if n.Kind != c.want[i] || n.FriendID != 9 || n.Message == "" {
					t.Errorf("nudge %d: got %+v, want kind %s", i, n, c.want[i])
				}
			}
		})
	}
}

func TestSortNudgesOldestFirst(t *testing.T) {
	now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	ns := []Nudge{{FriendID: 1, Since: now}, {FriendID: 2, Since: now.AddDate(0, 0, -3)}, {FriendID: 3, Since: now.AddDate(0, 0, -1)}}
	SortNudges(ns)
	if ns[0].FriendID != 2 || ns[1].FriendID != 3 || ns[2].FriendID != 1 {
		t.Errorf("got order %d %d %d, want 2 3 1", ns[0].FriendID, ns[1].FriendID, ns[2].FriendID)
	}
}
