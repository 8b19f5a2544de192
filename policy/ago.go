package policy

import (
	"strconv"
	"time"
)

// Ago says how long before now t was, in words: "today", "yesterday",
// "3 days ago", "2 months ago", "3 years ago"; "just now" for a time
// after now. `kith list` and the verdicts' reasons say it so.
func Ago(now, t time.Time) string { return string(appendAgo(nil, now, t)) }

// appendAgo appends Ago(now, t) to dst.
func appendAgo(dst []byte, now, t time.Time) []byte {
	d := now.Sub(t)
	days := int64(d / (24 * time.Hour))
	switch {
	case d < 0:
		return append(dst, "just now"...)
	case days == 0:
		return append(dst, "today"...)
	case days == 1:
		return append(dst, "yesterday"...)
	case days < 60:
		return append(strconv.AppendInt(dst, days, 10), " days ago"...)
	case days < 730:
		return append(strconv.AppendInt(dst, days/30, 10), " months ago"...)
	}
	return append(strconv.AppendInt(dst, days/365, 10), " years ago"...)
}

// AgoShort is Ago in at most four cells, for a column: "now", "5h", "3d",
// "2w", "5mo", "1y"; "soon" for a time after now and "—" for the zero
// time (never). The TUI's lists say it so.
func AgoShort(now, t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	d := now.Sub(t)
	if d < 0 {
		return "soon"
	}
	days := int(d / (24 * time.Hour))
	switch {
	case d < time.Hour:
		return "now"
	case days < 1:
		return strconv.Itoa(int(d/time.Hour)) + "h"
	case days < 14:
		return strconv.Itoa(days) + "d"
	case days < 60:
		return strconv.Itoa(days/7) + "w"
	case days < 365:
		return strconv.Itoa(min(days/30, 11)) + "mo"
	}
	return strconv.Itoa(days/365) + "y"
}
