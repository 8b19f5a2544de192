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
		{name: "sent 29 days ago: still follow up", asks: []store.Ask{sent(1, 29*day)}, want: []NudgeKind{NudgeFollowUp}},
		{name: "sent 30 days ago: mark it no-response?", asks: []store.Ask{sent(1, 30*day)}, want: []NudgeKind{NudgeNoResponse}},
		{name: "sent 400 days ago: mark it no-response?", asks: []store.Ask{sent(1, 400*day)}, want: []NudgeKind{NudgeNoResponse}},
		{name: "own follow-up date 40 days on: follow up until then", asks: []store.Ask{func() store.Ask {
			a := sent(1, 45*day)
			a.FollowUp = now.Add(-5 * day)
			return a
		}()}, want: []NudgeKind{NudgeFollowUp}},
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

func TestDueMessages(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	f := &store.Friend{ID: 9, Name: "Ada"}
	at := now.AddDate(0, 0, -400) // 21 Oct 2025
	got := Due(SubjectOf(f, []store.Ask{{ID: 1, Kind: store.KindChat, Status: store.StatusSent, Created: at, Sent: at}}, nil), now)
	want := "no reply from Ada to your chat ask of 21 Oct 2025 (13 months ago): mark it no-response?"
	if len(got) != 1 || got[0].Message != want {
		t.Fatalf("got %+v, want one nudge %q", got, want)
	}
	at = now.AddDate(0, 0, -8)
	got = Due(SubjectOf(f, []store.Ask{{ID: 1, Kind: store.KindChat, Status: store.StatusSent, Created: at, Sent: at}}, nil), now)
	if want := "follow up with Ada on your chat ask of 17 Nov, or record what happened"; len(got) != 1 || got[0].Message != want {
		t.Fatalf("got %+v, want one nudge %q", got, want)
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
