package store

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// parseMonthSscanf is parseMonth as it was, reading numbers with
// fmt.Sscanf: the reference the faster one is held to.
func parseMonthSscanf(s string) (time.Month, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	var n int
	if _, err := fmt.Sscanf(s, "%d", &n); err == nil && fmt.Sprint(n) == s {
		if n >= 1 && n <= 12 {
			return time.Month(n), nil
		}
		return 0, fmt.Errorf("month %d out of range 1-12", n)
	}
	if len(s) >= 3 {
		for m := time.January; m <= time.December; m++ {
			if strings.HasPrefix(strings.ToLower(m.String()), s) {
				return m, nil
			}
		}
	}
	return 0, fmt.Errorf("unknown month %q", s)
}

// parseMonth reads every month, number and junk as the fmt.Sscanf
// version did: the same month, the same error.
func TestParseMonthIsSscanf(t *testing.T) {
	ins := []string{"", " ", "0", "1", "01", "+1", "-1", "12", "13", "3abc", "99999999999999999999", "1e2", " 7 ",
		"Mar", "mar", "MARCH", "march ", "ma", "sept", "Sep", "dec", "x", "٣", "1 2", "0x3"}
	for m := time.January; m <= time.December; m++ {
		ins = append(ins, m.String(), m.String()[:3], fmt.Sprint(int(m)), fmt.Sprintf("%02d", int(m)))
	}
	for _, in := range ins {
		got, gerr := parseMonth(in)
		want, werr := parseMonthSscanf(in)
		if got != want || fmt.Sprint(gerr) != fmt.Sprint(werr) {
			t.Errorf("parseMonth(%q) = %v, %v; want %v, %v", in, got, gerr, want, werr)
		}
	}
}
