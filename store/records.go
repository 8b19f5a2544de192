package store

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Kind is the kind of help an ask requests.
type Kind string

// The request kinds, in the order screens list them.
const (
	KindIntro          Kind = "intro"
	KindChat           Kind = "chat"
	KindReferral       Kind = "referral"
	KindReference      Kind = "reference"
	KindRecommendation Kind = "recommendation"
	KindAdvice         Kind = "advice"
	KindReview         Kind = "review"
	KindOther          Kind = "other"
)

// Kinds returns every request kind in display order.
func Kinds() []Kind {
	return []Kind{KindIntro, KindChat, KindReferral, KindReference, KindRecommendation, KindAdvice, KindReview, KindOther}
}

// ParseKind returns the kind named s (case-insensitive) or an error that
// lists the allowed kinds.
func ParseKind(s string) (Kind, error) {
	k := Kind(strings.ToLower(strings.TrimSpace(s)))
	for _, v := range Kinds() {
		if v == k {
			return k, nil
		}
	}
	return "", fmt.Errorf("unknown kind %q (want one of %s)", s, joinKinds())
}

func joinKinds() string {
	var b strings.Builder
	for i, k := range Kinds() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(string(k))
	}
	return b.String()
}

// Status is where an ask stands.
type Status string

// The statuses of an ask.
const (
	StatusDraft      Status = "draft"
	StatusSent       Status = "sent"
	StatusHelped     Status = "helped"
	StatusDeclined   Status = "declined"
	StatusNoResponse Status = "no-response"
	StatusWithdrawn  Status = "withdrawn"
)

// Statuses returns every ask status in lifecycle order.
func Statuses() []Status {
	return []Status{StatusDraft, StatusSent, StatusHelped, StatusDeclined, StatusNoResponse, StatusWithdrawn}
}

// ParseStatus returns the status named s (case-insensitive) or an error
// that lists the allowed statuses.
func ParseStatus(s string) (Status, error) {
	st := Status(strings.ToLower(strings.TrimSpace(s)))
	for _, v := range Statuses() {
		if v == st {
			return st, nil
		}
	}
	names := make([]string, 0, 6)
	for _, v := range Statuses() {
		names = append(names, string(v))
	}
	return "", fmt.Errorf("unknown status %q (want one of %s)", s, strings.Join(names, ", "))
}

// Made reports whether an ask with this status was actually put to the
// friend: drafts and withdrawn asks were not.
func (s Status) Made() bool {
	switch s {
	case StatusSent, StatusHelped, StatusDeclined, StatusNoResponse:
		return true
	}
	return false
}

// Friend is a person you might ask for help.
type Friend struct {
	ID             uint64       `json:"id"`
	Name           string       `json:"name"`
	Nickname       string       `json:"nickname,omitempty"`
	Emails         []string     `json:"emails,omitempty"`
	Phones         []string     `json:"phones,omitempty"`
	URLs           []string     `json:"urls,omitempty"`
	Org            string       `json:"org,omitempty"`
	Role           string       `json:"role,omitempty"`
	Sectors        []string     `json:"sectors,omitempty"`
	Circles        []string     `json:"circles,omitempty"`
	Closeness      int          `json:"closeness"`
	WorkedTogether bool         `json:"worked_together"`
	WorkedNote     string       `json:"worked_note,omitempty"`
	Boundaries     []Boundary   `json:"boundaries,omitempty"`
	Busy           []MonthRange `json:"busy,omitempty"`
	Moments        []Moment     `json:"moments,omitempty"`
	Channel        string       `json:"channel,omitempty"`
	Notes          string       `json:"notes,omitempty"`
	Created        time.Time    `json:"created"`
	Updated        time.Time    `json:"updated"`
	Archived       bool         `json:"archived,omitempty"`
	// Lang is the language drafts to this friend are written in (en or
	// it); "" means the profile's.
	Lang string `json:"lang,omitempty"`
	// GreetAs is the name drafts greet the friend by ("Bob", "Prof.
	// Rossi"); when set it wins over every rule of policy.FirstName.
	GreetAs string `json:"greet_as,omitempty"`

	// The contact fields (see contact.go): what an address book keeps
	// beyond what kith asks with. The few the policy and the lists use
	// are here; the rest, which most friends lack, behind one pointer,
	// so that a friend without them costs no more than before
	// (BenchmarkStore/100k/Friends).
	IsOrg       bool     `json:"is_org,omitempty"` // an organisation, not a person (a company card)
	Department  string   `json:"department,omitempty"`
	Birthday    Date     `json:"birthday,omitzero"`
	Anniversary Date     `json:"anniversary,omitzero"`
	Contact     *Contact `json:"contact,omitempty"`
}

// Normalize tidies f in place: trims fields, turns runs of white space in
// one-line fields into one space, de-duplicates sectors (keeping the
// first spelling of those equal but for case), e-mails
// (case-insensitively), phones and URLs, and drops the mailto: and tel:
// a copied address may carry; the types of a value no longer in its list
// go with it, and an address with nothing in it is dropped. It is the one
// form a friend is stored in, whichever way it came in, so an export
// imported again is the same friend.
func (f *Friend) Normalize() {
	f.Name = OneLine(f.Name)
	f.Nickname = OneLine(f.Nickname)
	f.Org = OneLine(f.Org)
	f.Role = OneLine(f.Role)
	f.Channel = OneLine(f.Channel)
	f.GreetAs = OneLine(f.GreetAs)
	f.Lang = strings.ToLower(strings.TrimSpace(f.Lang))
	f.WorkedNote = strings.TrimSpace(f.WorkedNote)
	f.Notes = strings.TrimSpace(f.Notes)
	f.Sectors = uniq(f.Sectors, NormSector)
	f.Circles = uniq(f.Circles, OneLine)
	for i := range f.Boundaries {
		f.Boundaries[i].Normalize()
	}
	for i := range f.Moments {
		f.Moments[i].Normalize()
	}
	f.Emails = uniq(f.Emails, NormEmail)
	f.Phones = uniq(f.Phones, NormPhone)
	f.URLs = uniq(f.URLs, strings.TrimSpace)
	if f.Closeness == 0 {
		f.Closeness = 3
	}
	f.normalizeContact()
}

// OneLine trims s and turns every run of white space in it (line breaks
// and tabs too) into one space.
func OneLine(s string) string {
	if !strings.Contains(s, "  ") && strings.TrimSpace(s) == s && !strings.ContainsAny(s, "\t\n\r\v\f") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// NormSector is the form a sector tag is stored in: one line, in the
// case the user wrote it ("VIP" stays "VIP"). Sectors are compared
// without case (see SameSector).
func NormSector(s string) string { return OneLine(s) }

// SameSector reports whether two sector tags are the same sector: equal
// but for case and surrounding blanks.
func SameSector(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

// NormEmail is the form an e-mail address is stored in: no mailto: in
// front and, when it reads as an address (ParseEmail), the bare address
// ("Ada <ada@x.org>" is kept as "ada@x.org"). Anything else is kept
// trimmed, for Validate to refuse.
func NormEmail(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 7 && strings.EqualFold(s[:7], "mailto:") {
		s = strings.TrimSpace(s[7:])
	}
	if a, err := ParseEmail(s); err == nil {
		return a
	}
	return s
}

// NormPhone is the form a phone number is stored in: one line, no tel:
// in front.
func NormPhone(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 4 && strings.EqualFold(s[:4], "tel:") {
		s = s[4:]
	}
	return OneLine(s)
}

// uniq cleans each string, drops empty ones and keeps the first of those
// equal but for case.
func uniq(in []string, clean func(string) string) []string {
	if len(in) == 0 {
		return nil
	}
	out := make([]string, 0, len(in))
	seen := make(map[string]bool, len(in))
	for _, s := range in {
		c := clean(s)
		if c == "" {
			continue
		}
		k := strings.ToLower(c)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// Validate reports the first problem with f, naming the field as the
// CLI's flag is named (name, org, sector, email, note, …).
func (f *Friend) Validate() error {
	if strings.TrimSpace(f.Name) == "" {
		return &FieldError{Field: "name", Msg: "must not be empty"}
	}
	if f.Closeness < MinCloseness || f.Closeness > MaxCloseness {
		return closenessError(f.Closeness)
	}
	if err := firstErr(
		checkLen("name", f.Name, MaxName),
		checkLen("nickname", f.Nickname, MaxName),
		checkLen("org", f.Org, MaxName),
		checkLen("role", f.Role, MaxName),
		checkLen("channel", f.Channel, MaxName),
		checkLen("greet-as", f.GreetAs, MaxName),
		checkLang("lang", f.Lang, true),
		checkLen("worked-note", f.WorkedNote, MaxWorkedNote),
		checkLen("note", f.Notes, MaxNotes),
		checkList("email", f.Emails, MaxEmail),
		checkList("phone", f.Phones, MaxPhone),
		checkList("url", f.URLs, MaxURL),
		checkList("sector", f.Sectors, MaxSector),
		checkList("circle", f.Circles, MaxSector),
		checkCount("boundary", len(f.Boundaries)),
		checkCount("busy", len(f.Busy)),
		checkCount("moment", len(f.Moments)),
	); err != nil {
		return err
	}
	for _, e := range f.Emails {
		if _, err := ParseEmail(e); err != nil {
			return &FieldError{Field: "email", Msg: err.Error()}
		}
	}
	for i := range f.Boundaries {
		if err := f.Boundaries[i].Validate(); err != nil {
			return err
		}
	}
	for i := range f.Moments {
		if err := f.Moments[i].Validate(); err != nil {
			return err
		}
	}
	for _, r := range f.Busy {
		if r.From < time.January || r.From > time.December || r.To < time.January || r.To > time.December {
			return &FieldError{Field: "busy", Msg: "months must be 1-12"}
		}
	}
	if err := f.validateContact(); err != nil {
		return err
	}
	return firstErr(checkTimeSet("created", f.Created), checkTimeSet("updated", f.Updated))
}

func closenessError(c int) error {
	return &FieldError{Field: "closeness", Msg: fmt.Sprintf("must be %d-%d (1 acquaintance … 5 close friend), got %d", MinCloseness, MaxCloseness, c)}
}

// HasSector reports whether f is tagged with sector s in any case.
func (f *Friend) HasSector(s string) bool {
	for _, x := range f.Sectors {
		if SameSector(x, s) {
			return true
		}
	}
	return false
}

// Ask is one request for help put (or about to be put) to a friend.
type Ask struct {
	ID       uint64 `json:"id"`
	FriendID uint64 `json:"friend_id"`
	Kind     Kind   `json:"kind"`
	Topic    string `json:"topic,omitempty"`
	Sector   string `json:"sector,omitempty"`
	Org      string `json:"org,omitempty"`
	// TargetPerson and TargetRole are whom the request reaches, when it
	// reaches someone beyond the friend: "Marco Bellini", "VP of
	// engineering" (the organisation is Org).
	TargetPerson string    `json:"target_person,omitempty"`
	TargetRole   string    `json:"target_role,omitempty"`
	Body         string    `json:"body,omitempty"`
	Status       Status    `json:"status"`
	Created      time.Time `json:"created"`
	Sent         time.Time `json:"sent,omitzero"`
	Resolved     time.Time `json:"resolved,omitzero"`
	FollowUp     time.Time `json:"follow_up,omitzero"`
	Thanked      time.Time `json:"thanked,omitzero"`
	Outcome      string    `json:"outcome,omitempty"`
}

// At is when the ask counts as made: when it was sent, else when it was
// created.
func (a *Ask) At() time.Time {
	if !a.Sent.IsZero() {
		return a.Sent
	}
	return a.Created
}

// Normalize tidies a in place: trims the topic, the sector, the
// organisation and the outcome (the sector keeps its case, as a
// friend's do; the body is kept as written). Every way in calls it, so
// an export imported again is the same ask.
func (a *Ask) Normalize() {
	a.Topic = strings.TrimSpace(a.Topic)
	a.Sector = strings.TrimSpace(a.Sector)
	a.Org = strings.TrimSpace(a.Org)
	a.TargetPerson = OneLine(a.TargetPerson)
	a.TargetRole = OneLine(a.TargetRole)
	a.Outcome = strings.TrimSpace(a.Outcome)
}

// Validate reports the first problem with a, naming the field.
func (a *Ask) Validate() error {
	if a.FriendID == 0 {
		return &FieldError{Field: "friend", Msg: "must be set"}
	}
	if _, err := ParseKind(string(a.Kind)); err != nil {
		return &FieldError{Field: "kind", Msg: err.Error()}
	}
	if _, err := ParseStatus(string(a.Status)); err != nil {
		return &FieldError{Field: "status", Msg: err.Error()}
	}
	if a.Created.IsZero() {
		return &FieldError{Field: "created", Msg: "must be set"}
	}
	return firstErr(
		checkLen("topic", a.Topic, MaxName),
		checkLen("sector", a.Sector, MaxSector),
		checkLen("org", a.Org, MaxName),
		checkLen("target-person", a.TargetPerson, MaxName),
		checkLen("target-role", a.TargetRole, MaxName),
		checkLen("body", a.Body, MaxBody),
		checkLen("outcome", a.Outcome, MaxNotes),
		CheckTime("created", a.Created),
		checkTimeSet("sent", a.Sent),
		checkTimeSet("resolved", a.Resolved),
		checkTimeSet("follow_up", a.FollowUp),
		checkTimeSet("thanked", a.Thanked),
	)
}

// Favor is something you did for a friend: the reciprocity ledger.
type Favor struct {
	ID       uint64    `json:"id"`
	FriendID uint64    `json:"friend_id"`
	What     string    `json:"what"`
	At       time.Time `json:"at"`
	// Size is how much the favor gave them (FavorSize); empty, as in
	// favors logged before sizes, weighs as medium.
	Size FavorSize `json:"size,omitempty"`
}

// Normalize trims what the favor was and lower-cases its size.
func (v *Favor) Normalize() {
	v.What = strings.TrimSpace(v.What)
	v.Size = FavorSize(strings.ToLower(strings.TrimSpace(string(v.Size))))
}

// Validate reports the first problem with v, naming the field.
func (v *Favor) Validate() error {
	if v.FriendID == 0 {
		return &FieldError{Field: "friend", Msg: "must be set"}
	}
	if strings.TrimSpace(v.What) == "" {
		return &FieldError{Field: "what", Msg: "must not be empty"}
	}
	if v.At.IsZero() {
		return &FieldError{Field: "at", Msg: "must be set"}
	}
	if v.Size != "" {
		if _, err := ParseFavorSize(string(v.Size)); err != nil {
			return &FieldError{Field: "size", Msg: err.Error()}
		}
	}
	return firstErr(checkLen("what", v.What, MaxWhat), CheckTime("at", v.At))
}

// Limits on what a record holds, in characters (runes) and in items per
// list. They are the same for every way in: Validate enforces them, so
// flags and forms refuse longer values, and an import cuts longer text to
// them with a warning.
const (
	MaxName       = 200     // a friend's name, nickname, organisation, role and channel; an ask's topic and organisation; your name; a question's topic
	MaxEmail      = 254     // an e-mail address (RFC 5321's limit)
	MaxPhone      = 64      // a phone number
	MaxURL        = 2048    // a link
	MaxSector     = 64      // a sector tag, a friend's or an ask's; a circle
	MaxNotes      = 10000   // a friend's notes, your blurb, an ask's outcome
	MaxWorkedNote = 1000    // where and when you worked together
	MaxBoundary   = 500     // a boundary's note and its scope in words; a moment's note
	MaxBody       = 20000   // an ask's body, the draft
	MaxWhat       = 1000    // what a favor was
	MaxSignature  = 1000    // your signature
	MaxQuestion   = 1000    // one question of the profile
	MaxItems      = 100     // e-mails, phones, links, sectors, circles, boundaries, busy seasons, moments, addresses, a value's types; question topics, and questions on one topic
	MaxAddress    = 1000    // a postal address's street or delivery label (its other parts are names: MaxName); a friend's name parts, department and a value's label are names too
	MaxType       = 64      // one type of an e-mail, phone, link or address (home, work, cell …)
	MaxCardProps  = 1000    // the vCard properties kept with a friend
	MaxCardValue  = 1 << 20 // the bytes of one kept property's value (a photo of about 750 KB)
)

// The years kith keeps dates in. Outside them a date would overflow the
// time keys (nanoseconds since 1970) or, near them, mean a typing slip.
const (
	MinYear = 1900
	MaxYear = 2200
)

// CheckTime reports, as a *FieldError naming field, a time outside the
// years MinYear to MaxYear (in any time zone: a date at local midnight on
// 1 January 1900 is in). The zero time is outside too: use it only for
// a time that must be set.
func CheckTime(field string, t time.Time) error {
	// 14 hours: the widest offset from UTC of any time zone.
	first := time.Date(MinYear, time.January, 1, 0, 0, 0, 0, time.UTC).Add(-14 * time.Hour)
	end := time.Date(MaxYear+1, time.January, 1, 0, 0, 0, 0, time.UTC).Add(14 * time.Hour)
	if t.Before(first) || !t.Before(end) {
		return &FieldError{Field: field, Msg: fmt.Sprintf("the year %d is out of range: kith keeps dates from %d to %d", t.Year(), MinYear, MaxYear)}
	}
	return nil
}

// checkTimeSet is CheckTime for a time that may be unset (zero).
func checkTimeSet(field string, t time.Time) error {
	if t.IsZero() {
		return nil
	}
	return CheckTime(field, t)
}

// checkLen reports s longer than limit characters.
func checkLen(field, s string, limit int) error {
	if len(s) <= limit {
		return nil
	}
	if n := utf8.RuneCountInString(s); n > limit {
		return &FieldError{Field: field, Msg: fmt.Sprintf("is %d characters long; the limit is %d", n, limit)}
	}
	return nil
}

// checkList reports a list of more than MaxItems values, or a value
// longer than limit characters.
func checkList(field string, list []string, limit int) error {
	if err := checkCount(field, len(list)); err != nil {
		return err
	}
	for _, s := range list {
		if err := checkLen(field, s, limit); err != nil {
			return &FieldError{Field: field, Msg: "a value " + err.(*FieldError).Msg}
		}
	}
	return nil
}

// checkCount reports a list of more than MaxItems values.
func checkCount(field string, n int) error {
	if n > MaxItems {
		return &FieldError{Field: field, Msg: fmt.Sprintf("%d values given; the limit is %d", n, MaxItems)}
	}
	return nil
}

// firstErr returns the first error that is not nil.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// FieldError is a validation failure of one field.
type FieldError struct {
	Field string
	Msg   string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Msg }
