package store

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// This file holds a friend's busy seasons: ranges of months.

// MonthRange is an inclusive range of months, such as a busy season. From
// after To wraps around the new year (Nov–Feb).
type MonthRange struct {
	From time.Month `json:"from"`
	To   time.Month `json:"to"`
}

// Contains reports whether m falls inside r.
func (r MonthRange) Contains(m time.Month) bool {
	if r.From <= r.To {
		return m >= r.From && m <= r.To
	}
	return m >= r.From || m <= r.To
}

// String formats r as "Mar-Apr", or "Dec" for a season of one month.
func (r MonthRange) String() string {
	if r.From == r.To {
		return monthAbbr(r.From)
	}
	return monthAbbr(r.From) + "-" + monthAbbr(r.To)
}

// monthAbbr is "Jan" … "Dec", or "?" for a month out of range.
func monthAbbr(m time.Month) string {
	if m < time.January || m > time.December {
		return "?"
	}
	return m.String()[:3]
}

// ParseMonthRange parses "MON-MON" (English three-letter or full month
// names, or numbers 1-12), or a single month.
func ParseMonthRange(s string) (MonthRange, error) {
	a, b, found := strings.Cut(strings.TrimSpace(s), "-")
	from, err := parseMonth(a)
	if err != nil {
		return MonthRange{}, fmt.Errorf("bad month range %q: %v (want MON-MON, e.g. Mar-Apr)", s, err)
	}
	to := from
	if found {
		if to, err = parseMonth(b); err != nil {
			return MonthRange{}, fmt.Errorf("bad month range %q: %v (want MON-MON, e.g. Mar-Apr)", s, err)
		}
	}
	return MonthRange{From: from, To: to}, nil
}

func parseMonth(s string) (time.Month, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	// strconv, not fmt.Sscanf, whose error for every month named was 0.29
	// s of the 7.7 s of CPU an import of 100,000 vCards took (one
	// X-KITH-BUSY each); a number counts only as written in its plain form.
	if n, err := strconv.Atoi(s); err == nil && strconv.Itoa(n) == s {
		if n >= 1 && n <= 12 {
			return time.Month(n), nil
		}
		return 0, fmt.Errorf("month %d out of range 1-12", n)
	}
	if len(s) >= 3 {
		for m := time.January; m <= time.December; m++ {
			name := strings.ToLower(m.String())
			if strings.HasPrefix(name, s) {
				return m, nil
			}
		}
	}
	return 0, fmt.Errorf("unknown month %q", s)
}

// Closeness bounds: 1 is an acquaintance, 5 a close friend.
const (
	MinCloseness = 1
	MaxCloseness = 5
)
