package policy

import (
	"testing"
	"time"
)

func TestAgo(t *testing.T) {
	tests := []struct {
		ago         time.Duration
		long, short string
	}{
		{-time.Hour, "just now", "soon"},
		{0, "today", "now"},
		{5 * time.Hour, "today", "5h"},
		{day, "yesterday", "1d"},
		{3 * day, "3 days ago", "3d"},
		{20 * day, "20 days ago", "2w"},
		{59 * day, "59 days ago", "8w"},
		{75 * day, "2 months ago", "2mo"},
		{364 * day, "12 months ago", "11mo"},
		{800 * day, "2 years ago", "2y"},
	}
	for _, tt := range tests {
		at := now.Add(-tt.ago)
		if got := Ago(now, at); got != tt.long {
			t.Errorf("Ago(%v ago) = %q, want %q", tt.ago, got, tt.long)
		}
		if got := AgoShort(now, at); got != tt.short {
			t.Errorf("AgoShort(%v ago) = %q, want %q", tt.ago, got, tt.short)
		}
	}
	if got := AgoShort(now, time.Time{}); got != "—" {
		t.Errorf("AgoShort(never) = %q, want —", got)
	}
}
