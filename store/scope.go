package store

import (
	"fmt"
	"strings"
	"time"
)

// This file holds the records the judgement reads beyond dates and
// counts: boundaries with a scope, a friend's moments, the size of a
// favor, and the one syntax boundaries and moments are written in on the
// command line, in the TUI's form and in a vCard:
//
//	KIND[,QUALIFIER]…[:note]
//
// a kind, then qualifiers separated by commas (a word, or key=value), then
// after the first colon a note in words. For example
//
//	referral,exec,own-org:Globex forbids referrals to executives
//	chat,until=2027-03-31
//	intro,guess:she seemed uneasy last time
//	intro,if=people she does not know well
//	leave,at=2026-09-01,until=2027-03-31:parental leave
//	promoted,at=2026-11-02
//
// A date is YYYY-MM-DD, a calendar day, kept as its midnight in UTC
// (DayOf) and compared with the day it is where the caller's now is. The value of if= runs to the colon, commas and all, so
// it comes last.

// Boundary is a line a friend has drawn: a kind of request that is off
// limits for them, with their reason if known, and optionally a scope
// that narrows it to some requests of the kind.
type Boundary struct {
	Kind Kind `json:"kind"`
	// Note is their reason, quoted when the boundary applies.
	Note string `json:"note,omitempty"`
	// Exec limits the boundary to requests that reach an executive (a
	// request's target role: VP, CEO, director…; policy judges it).
	Exec bool `json:"exec,omitempty"`
	// OwnOrg limits it to requests at the friend's own organisation.
	OwnOrg bool `json:"own_org,omitempty"`
	// Until is the last day the boundary holds (zero: for good).
	Until time.Time `json:"until,omitzero"`
	// If is a scope in words ("people she does not know well"): kith
	// cannot judge it, so a request of the kind gets a caution quoting it.
	If string `json:"if,omitempty"`
	// Guess marks the boundary as your own guess, not something the
	// friend said.
	Guess bool `json:"guess,omitempty"`
}

// Scoped reports whether the boundary covers only some requests of its
// kind (a scope other than a date).
func (b Boundary) Scoped() bool { return b.Exec || b.OwnOrg || b.If != "" }

// Lapsed reports whether the boundary's last day is before now's day.
func (b Boundary) Lapsed(now time.Time) bool {
	return !b.Until.IsZero() && DayOf(now).After(DayOf(b.Until))
}

// DayOf is t's calendar day where t is, as midnight UTC: the form a date
// of a boundary or a moment is kept in, so that days compare as days.
func DayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Normalize tidies the note and the scope, and keeps the date as a day
// (DayOf).
func (b *Boundary) Normalize() {
	b.Note = OneLine(b.Note)
	b.If = OneLine(b.If)
	b.Until = dayOrZero(b.Until)
}

func dayOrZero(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return DayOf(t)
}

// Validate reports the first problem with b, naming the field.
func (b *Boundary) Validate() error {
	if _, err := ParseKind(string(b.Kind)); err != nil {
		return &FieldError{Field: "boundary", Msg: err.Error()}
	}
	return firstErr(
		checkLen("boundary", b.Note, MaxBoundary),
		checkLen("boundary", b.If, MaxBoundary),
		checkTimeSet("boundary", b.Until),
	)
}

// ParseBoundary parses a boundary written as the file's comment says:
// "KIND", "KIND:note", or KIND with qualifiers: exec (only toward
// executives), own-org (only at their own organisation), until=DATE (the
// last day it holds), if=TEXT (a scope in words), guess (your guess, not
// their words).
func ParseBoundary(s string) (Boundary, error) {
	sp, err := parseSpec(s)
	if err != nil {
		return Boundary{}, err
	}
	kind, err := ParseKind(sp.kind)
	if err != nil {
		return Boundary{}, err
	}
	b := Boundary{Kind: kind, Note: sp.note}
	for _, q := range sp.quals {
		switch q.key {
		case "exec", "execs", "executives":
			b.Exec = q.noValue(&err)
		case "own-org", "their-org":
			b.OwnOrg = q.noValue(&err)
		case "guess":
			b.Guess = q.noValue(&err)
		case "until":
			b.Until, err = q.date()
		case "if":
			if b.If = q.val; b.If == "" {
				err = fmt.Errorf("if= needs the scope in words, e.g. if=people she does not know well")
			}
		default:
			err = fmt.Errorf("unknown qualifier %q (want exec, own-org, until=DATE, if=TEXT or guess)", q.key)
		}
		if err != nil {
			return Boundary{}, fmt.Errorf("boundary %q: %w", s, err)
		}
	}
	return b, nil
}

// String formats b as ParseBoundary reads it.
func (b Boundary) String() string {
	var sb strings.Builder
	sb.WriteString(string(b.Kind))
	if b.Exec {
		sb.WriteString(",exec")
	}
	if b.OwnOrg {
		sb.WriteString(",own-org")
	}
	if !b.Until.IsZero() {
		sb.WriteString(",until=" + specDate(b.Until))
	}
	if b.Guess {
		sb.WriteString(",guess")
	}
	if b.If != "" {
		sb.WriteString(",if=" + b.If)
	}
	if b.Note != "" {
		sb.WriteString(":" + b.Note)
	}
	return sb.String()
}

// Words says the boundary without its note, as kith show and the TUI's
// detail do: "no referral to executives at their organisation until
// 2027-03-31 (your guess)".
func (b Boundary) Words() string {
	s := "no " + string(b.Kind)
	if b.Exec {
		s += " to executives"
	}
	if b.OwnOrg {
		s += " at their organisation"
	}
	if !b.Until.IsZero() {
		s += " until " + specDate(b.Until)
	}
	if b.If != "" {
		s += " if " + b.If
	}
	if b.Guess {
		s += " (your guess)"
	}
	return s
}

// MomentKind is what happened in a friend's life.
type MomentKind string

// The moments kith knows. policy says how long each one speaks and what it
// asks of you.
const (
	MomentPromoted MomentKind = "promoted"
	MomentNewJob   MomentKind = "new-job"
	MomentBaby     MomentKind = "baby"
	MomentWedding  MomentKind = "wedding"
	MomentLeave    MomentKind = "leave" // parental leave, a sabbatical: away until a date
	MomentLoss     MomentKind = "loss"  // a bereavement
	MomentIllness  MomentKind = "illness"
	MomentMoved    MomentKind = "moved"
	MomentOther    MomentKind = "other"
)

// MomentKinds returns every moment kind.
func MomentKinds() []MomentKind {
	return []MomentKind{MomentPromoted, MomentNewJob, MomentBaby, MomentWedding, MomentLeave, MomentLoss, MomentIllness, MomentMoved, MomentOther}
}

// ParseMomentKind returns the moment kind named s (case-insensitive).
func ParseMomentKind(s string) (MomentKind, error) {
	k := MomentKind(strings.ToLower(strings.TrimSpace(s)))
	names := make([]string, 0, 9)
	for _, v := range MomentKinds() {
		if v == k {
			return k, nil
		}
		names = append(names, string(v))
	}
	return "", fmt.Errorf("unknown moment %q (want one of %s)", s, strings.Join(names, ", "))
}

// Moment is a dated event in a friend's life ("just promoted", "on
// parental leave until March", "new baby"): the verdict speaks of it while
// it is recent or current.
type Moment struct {
	Kind MomentKind `json:"kind"`
	// At is when it happened or began.
	At time.Time `json:"at"`
	// Until is when it ends, for a moment that lasts (a leave); zero if
	// it does not, or if the end is not known.
	Until time.Time `json:"until,omitzero"`
	// Note says more, in words ("parental leave", "a girl, Sofia").
	Note string `json:"note,omitempty"`
}

// Normalize tidies the note and keeps the dates as days (DayOf): a moment
// happens on a day.
func (m *Moment) Normalize() {
	m.Note = OneLine(m.Note)
	m.At = dayOrZero(m.At)
	m.Until = dayOrZero(m.Until)
}

// Validate reports the first problem with m, naming the field.
func (m *Moment) Validate() error {
	if _, err := ParseMomentKind(string(m.Kind)); err != nil {
		return &FieldError{Field: "moment", Msg: err.Error()}
	}
	if m.At.IsZero() {
		return &FieldError{Field: "moment", Msg: "needs a date (at=YYYY-MM-DD)"}
	}
	if !m.Until.IsZero() && m.Until.Before(m.At) {
		return &FieldError{Field: "moment", Msg: fmt.Sprintf("%s ends (%s) before it begins (%s)", m.Kind, specDate(m.Until), specDate(m.At))}
	}
	return firstErr(checkLen("moment", m.Note, MaxBoundary), CheckTime("moment", m.At), checkTimeSet("moment", m.Until))
}

// ParseMoment parses a moment written as the file's comment says: KIND,
// with at=DATE (default: now's day) and until=DATE, and a note after a
// colon: "promoted,at=2026-11-02", "leave,until=2027-03-31:parental
// leave".
func ParseMoment(s string, now time.Time) (Moment, error) {
	sp, err := parseSpec(s)
	if err != nil {
		return Moment{}, err
	}
	kind, err := ParseMomentKind(sp.kind)
	if err != nil {
		return Moment{}, err
	}
	m := Moment{Kind: kind, At: DayOf(now), Note: sp.note}
	for _, q := range sp.quals {
		switch q.key {
		case "at":
			m.At, err = q.date()
		case "until":
			m.Until, err = q.date()
		default:
			err = fmt.Errorf("unknown qualifier %q (want at=DATE or until=DATE)", q.key)
		}
		if err != nil {
			return Moment{}, fmt.Errorf("moment %q: %w", s, err)
		}
	}
	m.Normalize()
	if err := m.Validate(); err != nil {
		return Moment{}, fmt.Errorf("moment %q: %s", s, err.(*FieldError).Msg)
	}
	return m, nil
}

// String formats m as ParseMoment reads it.
func (m Moment) String() string {
	s := string(m.Kind) + ",at=" + specDate(m.At)
	if !m.Until.IsZero() {
		s += ",until=" + specDate(m.Until)
	}
	if m.Note != "" {
		s += ":" + m.Note
	}
	return s
}

// FavorSize is how much a favor gave the friend.
type FavorSize string

// The sizes of a favor: policy weighs each (a small one a quarter of a
// medium one).
const (
	FavorSmall  FavorSize = "small"  // a gesture: liked or shared a post, sent an article
	FavorMedium FavorSize = "medium" // an hour or so: an intro, a CV read, a coffee to advise them
	FavorLarge  FavorSize = "large"  // a day or more, or what changed things: a referral hired, help moving
)

// FavorSizes returns the sizes, smallest first.
func FavorSizes() []FavorSize { return []FavorSize{FavorSmall, FavorMedium, FavorLarge} }

// ParseFavorSize returns the size named s (case-insensitive).
func ParseFavorSize(s string) (FavorSize, error) {
	z := FavorSize(strings.ToLower(strings.TrimSpace(s)))
	for _, v := range FavorSizes() {
		if v == z {
			return z, nil
		}
	}
	return "", fmt.Errorf("unknown size %q (want small, medium or large)", s)
}

// HasCircle reports whether f belongs to circle c (case-insensitive).
func (f *Friend) HasCircle(c string) bool {
	c = OneLine(c)
	for _, x := range f.Circles {
		if strings.EqualFold(x, c) {
			return true
		}
	}
	return false
}

// Reached reports whether the ask was put to the friend: made (sent or
// answered), or withdrawn after it was sent, since the friend received it
// all the same.
func (a *Ask) Reached() bool {
	return a.Status.Made() || a.Status == StatusWithdrawn && !a.Sent.IsZero()
}

// spec is a boundary or a moment as written: kind, qualifiers, note.
type spec struct {
	kind  string
	quals []qualifier
	note  string
}

type qualifier struct{ key, val string }

// parseSpec splits "KIND[,QUALIFIER]…[:note]".
func parseSpec(s string) (spec, error) {
	head, note, _ := strings.Cut(s, ":")
	sp := spec{note: strings.TrimSpace(note)}
	kind, rest, more := strings.Cut(head, ",")
	sp.kind = strings.TrimSpace(kind)
	for more {
		var part string
		trimmed := strings.TrimSpace(rest)
		if k, v, ok := strings.Cut(trimmed, "="); ok && strings.EqualFold(strings.TrimSpace(k), "if") {
			part, more = "if="+v, false // if= takes the rest
		} else {
			part, rest, more = strings.Cut(rest, ",")
		}
		k, v, _ := strings.Cut(part, "=")
		k = strings.ToLower(strings.TrimSpace(k))
		if k == "" {
			continue
		}
		sp.quals = append(sp.quals, qualifier{key: k, val: strings.TrimSpace(v)})
	}
	return sp, nil
}

func (q qualifier) noValue(err *error) bool {
	if q.val != "" {
		*err = fmt.Errorf("%s takes no value, got %s=%s", q.key, q.key, q.val)
	}
	return true
}

// date reads the qualifier's value as YYYY-MM-DD (midnight UTC, see
// DayOf).
func (q qualifier) date() (time.Time, error) {
	t, err := time.Parse("2006-01-02", q.val)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s=%q is not a date (want YYYY-MM-DD)", q.key, q.val)
	}
	return t, nil
}

// specDate writes a day as YYYY-MM-DD.
func specDate(t time.Time) string { return DayOf(t).Format("2006-01-02") }
