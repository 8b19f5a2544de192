package store

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a day of the year, with or without its year: a birthday or an
// anniversary (vCard writes one without a year as --MMDD). Year is 0
// when unknown.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d == Date{} }

// String formats d as ParseDate reads it: 2006-01-02, or --01-02 without
// a year; "" when unset.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Year == 0:
		return fmt.Sprintf("--%02d-%02d", int(d.Month), d.Day)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Written is d as a person reads it: "10 Dec 1985", or "10 Dec" without
// the year; "" when unset.
func (d Date) Written() string {
	if d.IsZero() || d.Month < time.January || d.Month > time.December {
		return ""
	}
	s := fmt.Sprintf("%d %s", d.Day, d.Month.String()[:3])
	if d.Year != 0 {
		s += fmt.Sprintf(" %d", d.Year)
	}
	return s
}

// ParseDate reads a date as people and vCards write one: YYYY-MM-DD or
// YYYYMMDD, and without the year --MM-DD, --MMDD or MM-DD. The date must exist
// (29 February only in a leap year, or without a year) and its year lie
// from MinYear to MaxYear.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	var d Date
	digits := strings.ReplaceAll(s, "-", "")
	var ok bool
	switch {
	case strings.HasPrefix(s, "--") && (len(s) == 6 || len(s) == 7 && s[4] == '-'), len(s) == 5 && s[2] == '-':
		d.Month, d.Day, ok = monthDay(digits)
	case len(s) == 8 || len(s) == 10 && s[4] == '-' && s[7] == '-':
		if len(digits) == 8 && allDigits(digits[:4]) {
			d.Year, _ = strconv.Atoi(digits[:4])
			d.Month, d.Day, ok = monthDay(digits[4:])
		}
	}
	if !ok {
		return Date{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD, or --MM-DD without the year)", s)
	}
	if err := d.check(); err != nil {
		return Date{}, err
	}
	return d, nil
}

func monthDay(s string) (time.Month, int, bool) {
	if len(s) != 4 || !allDigits(s) {
		return 0, 0, false
	}
	m, _ := strconv.Atoi(s[:2])
	day, _ := strconv.Atoi(s[2:])
	return time.Month(m), day, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// check reports a date that does not exist or whose year kith does not
// keep.
func (d Date) check() error {
	if d.IsZero() {
		return nil
	}
	if d.Year != 0 && (d.Year < MinYear || d.Year > MaxYear) {
		return fmt.Errorf("the year %d is out of range: kith keeps dates from %d to %d", d.Year, MinYear, MaxYear)
	}
	if d.Month < time.January || d.Month > time.December {
		return fmt.Errorf("month %d: want 1-12", int(d.Month))
	}
	year := d.Year
	if year == 0 {
		year = 2000 // a leap year: 29 February is a birthday too
	}
	if d.Day < 1 || d.Day > daysIn(d.Month, year) {
		return fmt.Errorf("%s has no day %d", d.Month, d.Day)
	}
	return nil
}

func daysIn(m time.Month, year int) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Next returns the day of d's next occurrence on or after the day of
// from, at midnight in from's location: this year's, or next year's
// when this year's has passed. Someone born on 29 February has their
// birthday on the 28th in a common year.
func (d Date) Next(from time.Time) time.Time {
	y, m, day := from.Date()
	today := time.Date(y, m, day, 0, 0, 0, 0, from.Location())
	at := d.in(y, from.Location())
	if at.Before(today) {
		at = d.in(y+1, from.Location())
	}
	return at
}

// in returns d's day in year.
func (d Date) in(year int, loc *time.Location) time.Time {
	day := min(d.Day, daysIn(d.Month, year))
	return time.Date(year, d.Month, day, 0, 0, 0, 0, loc)
}

// MarshalText writes d as String does.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads d as ParseDate does; "" is no date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return fmt.Errorf("date %q: %w", b, err)
	}
	*d = v
	return nil
}
