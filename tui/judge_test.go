package tui

import (
	"testing"

	"kith/policy"
	"kith/store"
)

func TestPolicyJudge(t *testing.T) {
	set := store.DefaultSettings()
	fr := store.Friend{ID: 1, Name: "Ada", Closeness: 4, WorkedTogether: true}
	recent := testNow.AddDate(0, 0, -3)
	tests := []struct {
		name      string
		asks      []store.Ask
		wantLevel policy.Level
		wantCode  string
	}{
		{"never asked", nil, policy.Clear, ""},
		{"asked 3 days ago", []store.Ask{{ID: 1, FriendID: 1, Kind: store.KindChat, Status: store.StatusHelped, Created: recent, Sent: recent, Resolved: recent}}, policy.Hold, "cooldown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, v := PolicyJudge(policy.SubjectOf(&fr, tt.asks, nil), nil, set, testNow)
			if req.Kind == "" {
				t.Errorf("no request kind judged")
			}
			if v.Level != tt.wantLevel {
				t.Fatalf("level %v, want %v (reasons %+v)", v.Level, tt.wantLevel, v.Reasons)
			}
			if tt.wantCode == "" {
				return
			}
			found := false
			for _, r := range v.Reasons {
				found = found || r.Code == tt.wantCode && r.Message != ""
			}
			if !found {
				t.Errorf("reasons %+v, want %q with a message", v.Reasons, tt.wantCode)
			}
			if v.Until.IsZero() || !v.Until.After(testNow) {
				t.Errorf("until %v, want the cool-down end after now", v.Until)
			}
			if got := badgeText(badgeOf(v), true, testNow); got != "hold 11d" {
				t.Errorf("badge %q, want hold 11d", got)
			}
		})
	}
}
