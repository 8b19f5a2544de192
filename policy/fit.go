package policy

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"kith/store"
)

// This file says why a friend fits a request, in facts (Fit, --json's
// fields) and in words (Fit.Words, the WHY of `kith who` and the TUI's who
// else), and weighs the facts Rank orders a readiness band by.

// Fit is why a friend is in who else's list and where they sit in it:
// where they fit the request, how close you are, whether and when you
// worked together, and their record with you.
type Fit struct {
	// Org is their organisation, when it is the one the request targets.
	Org string `json:"org,omitempty"`
	// Sector is the targeted sector, when it is theirs; Primary says it
	// is their first.
	Sector  string `json:"sector,omitempty"`
	Primary bool   `json:"primary_sector,omitempty"`
	// Circle is the targeted circle, when they are in it.
	Circle string `json:"circle,omitempty"`
	// Keywords are the request's keywords found in their organisation,
	// sectors, role or notes.
	Keywords  []string `json:"keywords,omitempty"`
	Closeness int      `json:"closeness"`
	// Worked is whether you worked together; WorkedUntil the last year
	// their worked-together note names (0: none), WorkedNote the note.
	Worked      bool   `json:"worked_together"`
	WorkedUntil int    `json:"worked_until,omitempty"`
	WorkedNote  string `json:"worked_note,omitempty"`
	// Track is what became of your asks to them.
	Track Track `json:"track"`
}

// closenessNames are what a closeness is called in a row's why.
var closenessNames = [...]string{1: "acquaintance", 2: "loose friend", 3: "friend", 4: "good friend", 5: "close friend"}

// Words says the fit as a row's why: "at Paywise · fintech (primary) ·
// close friend · worked together 2020–22 · helped 3 of 3 · last asked 5
// months ago".
func (x Fit) Words(now time.Time) string {
	var parts []string
	if x.Org != "" {
		parts = append(parts, "at "+x.Org)
	}
	if x.Sector != "" {
		if x.Primary {
			parts = append(parts, x.Sector)
		} else {
			parts = append(parts, x.Sector+" (secondary)")
		}
	}
	if x.Circle != "" {
		parts = append(parts, "in "+x.Circle)
	}
	if len(x.Keywords) > 0 {
		parts = append(parts, "mentions "+strings.Join(x.Keywords, ", "))
	}
	parts = append(parts, closenessNames[clampCloseness(x.Closeness)])
	if x.Worked {
		switch {
		case x.WorkedNote != "":
			parts = append(parts, "worked together ("+x.WorkedNote+")")
		default:
			parts = append(parts, "worked together")
		}
	}
	t := x.Track
	switch {
	case t.Asked == 0:
		parts = append(parts, "never asked")
	default:
		if n := t.Answered(); n > 0 {
			parts = append(parts, "helped "+strconv.Itoa(t.Helped)+" of "+strconv.Itoa(n))
		}
		if t.Pending > 0 {
			parts = append(parts, strconv.Itoa(t.Pending)+" waiting")
		}
		if !t.LastAsk.IsZero() {
			parts = append(parts, "last asked "+Ago(now, t.LastAsk))
		}
	}
	return strings.Join(parts, " · ")
}

// fitOf is friend f's fit for t, at w, with the verdict's track.
func (t *target) fitOf(f *store.Friend, w where, track Track) Fit {
	x := Fit{Closeness: f.Closeness, Worked: f.WorkedTogether, Track: track}
	if w.org {
		x.Org = f.Org
	}
	if w.sector {
		x.Sector, x.Primary = t.sector, w.primary
	}
	if w.circle {
		for _, c := range f.Circles {
			if store.CircleKey(c) == t.circle {
				x.Circle = c
			}
		}
	}
	for _, k := range t.keys {
		if k.in(f.Org) || sectorsContain(f.Sectors, k) || k.in(f.Role) || k.in(f.Notes) {
			x.Keywords = append(x.Keywords, k.w)
		}
	}
	if f.WorkedTogether {
		x.WorkedNote = f.WorkedNote
		x.WorkedUntil = WorkedUntil(f.WorkedNote)
	}
	return x
}

// WorkedUntil is the last year a worked-together note names: 2022 for
// "Acme, 2020–22" or "Acme 2019-2022", 2018 for "at Globex in 2018"; 0
// when it names none. Years from 1950 to 2100 count.
func WorkedUntil(note string) int {
	if !hasOtherDigit(note) {
		return workedUntilBytes(note)
	}
	return workedUntilRunes(note)
}

// workedUntilRunes is WorkedUntil for any note, read in runes.
func workedUntilRunes(note string) int {
	last := 0
	rs := []rune(note)
	for i := 0; i < len(rs); i++ {
		if !unicode.IsDigit(rs[i]) || i > 0 && unicode.IsDigit(rs[i-1]) {
			continue
		}
		j := i
		for j < len(rs) && unicode.IsDigit(rs[j]) {
			j++
		}
		if j-i != 4 {
			i = j
			continue
		}
		y, _ := strconv.Atoi(string(rs[i:j]))
		if y < 1950 || y > 2100 {
			i = j
			continue
		}
		last = max(last, y)
		// "2020–22", "2020-22", "2020/22": a two-digit end year.
		if j+3 <= len(rs) && strings.ContainsRune("-–—/", rs[j]) && unicode.IsDigit(rs[j+1]) && unicode.IsDigit(rs[j+2]) &&
			(j+3 == len(rs) || !unicode.IsDigit(rs[j+3])) {
			end := y/100*100 + int(rs[j+1]-'0')*10 + int(rs[j+2]-'0')
			if end >= y {
				last = max(last, end)
			}
		}
		i = j
	}
	return last
}

// The facts a readiness band is ordered by, after fit: each is a small
// number, higher better, packed into Rank's key.

// workedRank is how recently you worked together: 0 never; 1 worked
// together with no year known; from 2 for a year 15 or more years ago up
// to 17 for this year (or a note that says it goes on: "since 2023",
// "2021-present", "dal 2022").
func workedRank(f *store.Friend, year int) uint64 {
	if !f.WorkedTogether {
		return 0
	}
	y := WorkedUntil(f.WorkedNote)
	if y == 0 {
		return 1
	}
	if ongoing(f.WorkedNote) {
		y = year
	}
	return uint64(2 + max(0, 15-max(0, year-y)))
}

// responsiveRank is how the friend has answered: 0 for mostly
// unanswered (the unresponsive caution), 2 with nothing answered yet,
// else 1 + 3 × the share they helped with, rounded (4: always helped).
func responsiveRank(a *assessment) uint64 {
	if a.flags&flagUnresponsive != 0 {
		return 0
	}
	n := a.track.Answered()
	if n == 0 {
		return 2
	}
	return uint64(1 + (3*a.track.Helped+n/2)/n)
}

// ongoingWords say that working together goes on.
var ongoingWords = []string{"since ", "present", "to date", "now", "dal ", "ad oggi", "tuttora"}

// ongoing reports whether a worked-together note says it goes on.
func ongoing(note string) bool {
	// Only K (Kelvin) and İ lower-case to ASCII from outside it: without
	// them, the lower-case copy holds an ASCII word where the note holds
	// it in any case.
	if !strings.ContainsRune(note, '\u212A') && !strings.ContainsRune(note, '\u0130') {
		for _, w := range ongoingWords {
			if containsFoldASCII(note, w) {
				return true
			}
		}
		return false
	}
	return ongoingLower(note)
}

// ongoingLower is ongoing for any note, in a lower-case copy.
func ongoingLower(note string) bool {
	n := strings.ToLower(note)
	for _, w := range ongoingWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// workedUntilBytes is WorkedUntil for a note whose digits are ASCII,
// read byte by byte without a copy of it in runes: Rank weighs every
// friend who worked with you by it (over store/demo's 100,000 friends,
// the copies and ongoing's were 43,862 of Rank's 43,895 allocations an
// op, 6.2 MB of its 8.2).
func workedUntilBytes(note string) int {
	last := 0
	digit := func(i int) bool { return '0' <= note[i] && note[i] <= '9' }
	for i := 0; i < len(note); i++ {
		if !digit(i) || i > 0 && digit(i-1) {
			continue
		}
		j := i
		for j < len(note) && digit(j) {
			j++
		}
		if j-i != 4 {
			i = j
			continue
		}
		y := int(note[i]-'0')*1000 + int(note[i+1]-'0')*100 + int(note[i+2]-'0')*10 + int(note[i+3]-'0')
		if y < 1950 || y > 2100 {
			i = j
			continue
		}
		last = max(last, y)
		// "2020–22", "2020-22", "2020/22": a two-digit end year.
		if k := j + dashAt(note, j); k > j && k+2 <= len(note) && digit(k) && digit(k+1) && (k+2 == len(note) || !digit(k+2)) {
			end := y/100*100 + int(note[k]-'0')*10 + int(note[k+1]-'0')
			if end >= y {
				last = max(last, end)
			}
		}
		i = j
	}
	return last
}

// dashAt is the length of the dash or slash at s[j:] ("-", "–", "—",
// "/"), 0 when there is none.
func dashAt(s string, j int) int {
	for _, d := range []string{"-", "/", "\u2013", "\u2014"} {
		if strings.HasPrefix(s[j:], d) {
			return len(d)
		}
	}
	return 0
}

// hasOtherDigit reports whether s holds a digit outside ASCII.
func hasOtherDigit(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// containsFoldASCII reports whether s holds lower-case ASCII w with its
// ASCII letters in any case.
func containsFoldASCII(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		k := 0
		for k < len(w) {
			c := s[i+k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != w[k] {
				break
			}
			k++
		}
		if k == len(w) {
			return true
		}
	}
	return false
}
