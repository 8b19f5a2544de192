package store

import (
	"fmt"
	"time"
)

// This file holds the operations: every change the CLI and the TUI make to
// the records, each run inside the caller's transaction (Store.Batch), so
// that a rule of the records holds however the change comes in: a
// thank-you only for help, the times a status change stamps, a withdrawn
// ask keeping its sent date, a friend changed only where asked. They live
// here, not in a package of their own, because each must read and write
// its record in one transaction, and the store is what both front ends
// and the importers already share; the policy stays pure.
//
// Times default to the transaction's now (Store.Batch's), never to the
// wall clock.

// FriendPatch is a change to a friend: each field that is not nil is set
// (an empty list clears the list), the others are kept as stored.
type FriendPatch struct {
	Name, Nickname, Org, Role, Channel, Notes, WorkedNote *string
	Lang, GreetAs                                         *string
	Department                                            *string
	Birthday, Anniversary                                 *Date
	Sectors, Circles, Emails, Phones, URLs                *[]string
	Closeness                                             *int
	WorkedTogether                                        *bool
	Boundaries                                            *[]Boundary
	Busy                                                  *[]MonthRange
	Moments                                               *[]Moment
	Archived                                              *bool
}

// Empty reports whether p changes nothing.
func (p *FriendPatch) Empty() bool { return *p == FriendPatch{} }

// Apply sets p's fields on f. A new name takes the old name's parts with
// it (Friend.Rename). A worked-together note given without WorkedTogether
// means you did work together.
func (p *FriendPatch) Apply(f *Friend) {
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	list := func(dst *[]string, v *[]string) {
		if v != nil {
			*dst = append([]string(nil), (*v)...)
		}
	}
	if p.Name != nil {
		f.Rename(*p.Name)
	}
	set(&f.Nickname, p.Nickname)
	set(&f.Department, p.Department)
	if p.Birthday != nil {
		f.Birthday = *p.Birthday
	}
	if p.Anniversary != nil {
		f.Anniversary = *p.Anniversary
	}
	set(&f.Org, p.Org)
	set(&f.Role, p.Role)
	set(&f.Channel, p.Channel)
	set(&f.Notes, p.Notes)
	set(&f.WorkedNote, p.WorkedNote)
	set(&f.Lang, p.Lang)
	set(&f.GreetAs, p.GreetAs)
	list(&f.Sectors, p.Sectors)
	list(&f.Circles, p.Circles)
	list(&f.Emails, p.Emails)
	list(&f.Phones, p.Phones)
	list(&f.URLs, p.URLs)
	if p.Closeness != nil {
		f.Closeness = *p.Closeness
	}
	switch {
	case p.WorkedTogether != nil:
		f.WorkedTogether = *p.WorkedTogether
	case p.WorkedNote != nil && *p.WorkedNote != "":
		f.WorkedTogether = true
	}
	if p.Boundaries != nil {
		f.Boundaries = append([]Boundary(nil), (*p.Boundaries)...)
	}
	if p.Busy != nil {
		f.Busy = append([]MonthRange(nil), (*p.Busy)...)
	}
	if p.Moments != nil {
		f.Moments = append([]Moment(nil), (*p.Moments)...)
	}
	if p.Archived != nil {
		f.Archived = *p.Archived
	}
}

// check refuses what Normalize would hide: a closeness given as 0 would
// become the default, 3.
func (p *FriendPatch) check() error {
	if c := p.Closeness; c != nil && (*c < MinCloseness || *c > MaxCloseness) {
		return closenessError(*c)
	}
	return nil
}

// NewFriend is the friend p describes, normalised and validated, not yet
// stored (Tx.AddFriend stores it): a front end checks a new friend with it
// before it opens the database.
func (p *FriendPatch) NewFriend() (Friend, error) {
	var f Friend
	if err := p.check(); err != nil {
		return f, err
	}
	p.Apply(&f)
	f.Normalize()
	return f, f.Validate()
}

// EditFriend applies p to the stored friend id and returns the friend as
// stored (Updated stamped with the transaction's now).
func (t *Tx) EditFriend(id uint64, p FriendPatch) (Friend, error) {
	if err := p.check(); err != nil {
		return Friend{}, err
	}
	f, err := t.Friend(id)
	if err != nil {
		return Friend{}, err
	}
	was, before := f.Archived, t.raw(bucketFriends, id)
	p.Apply(&f)
	if err := t.PutFriend(&f); err != nil {
		return Friend{}, err
	}
	if f.Archived != was {
		what := changeArchive
		if !f.Archived {
			what = changeRestore
		}
		if err := t.remember(what, bucketFriends, id, before); err != nil {
			return Friend{}, err
		}
	}
	return f, nil
}

// SetArchived archives the friend id (hidden from lists and rankings,
// nothing deleted) or, with archived false, restores them. Either can be
// undone (Undo), as can an EditFriend that changes Archived.
func (t *Tx) SetArchived(id uint64, archived bool) (Friend, error) {
	return t.EditFriend(id, FriendPatch{Archived: &archived})
}

// AddMoment adds moment m to the friend id's moments (m.At defaults to
// the day of the transaction's now) and returns the friend as stored. The same moment
// twice (kind, dates and note) is kept once.
func (t *Tx) AddMoment(id uint64, m Moment) (Friend, error) {
	if m.At.IsZero() {
		m.At = t.now
	}
	m.Normalize()
	if err := m.Validate(); err != nil {
		return Friend{}, err
	}
	f, err := t.Friend(id)
	if err != nil {
		return Friend{}, err
	}
	for _, x := range f.Moments {
		if x.Kind == m.Kind && x.At.Equal(m.At) && x.Until.Equal(m.Until) && x.Note == m.Note {
			return f, nil
		}
	}
	f.Moments = append(f.Moments, m)
	if err := t.PutFriend(&f); err != nil {
		return Friend{}, err
	}
	return f, nil
}

// RecordAsk stores a new ask, stamping the times its status means: made
// when created (Created defaults to now), put to the friend then unless
// it is a draft (Sent), and answered then if it has an outcome (Resolved).
// A thank-you is refused unless the friend helped.
func (t *Tx) RecordAsk(a *Ask) error {
	if a.Created.IsZero() {
		a.Created = t.now
	}
	at := a.Created
	switch a.Status {
	case StatusDraft:
		a.Sent, a.Resolved = time.Time{}, time.Time{}
	case StatusSent:
		a.Sent = orTime(a.Sent, at)
		a.Resolved = time.Time{}
	default:
		a.Sent = orTime(a.Sent, at)
		a.Resolved = orTime(a.Resolved, at)
	}
	if !a.Thanked.IsZero() {
		if err := canThank(a); err != nil {
			return err
		}
	}
	a.Normalize()
	return t.AddAsk(a)
}

// SaveDraft keeps a request being written. With a.ID 0 it records a new
// ask (RecordAsk); otherwise it rewrites the stored draft a.ID (its kind,
// topic, sector, organisation and body), which must still be a draft.
// a.Status is StatusDraft, or StatusSent to mark it sent now as well
// (which Undo can take back, to the draft). a is set to the ask as stored.
func (t *Tx) SaveDraft(a *Ask) error {
	if a.Status != StatusDraft && a.Status != StatusSent {
		return &FieldError{Field: "status", Msg: fmt.Sprintf("a draft is saved as draft or sent, not %s", a.Status)}
	}
	if a.ID == 0 {
		if err := t.RecordAsk(a); err != nil || a.Status != StatusSent {
			return err
		}
		// Marked sent as it was first saved: undoing it leaves the
		// draft it would have been.
		d := *a
		d.setStatus(StatusDraft, t.now)
		return t.remember(changeSent, bucketAsks, a.ID, encodeAsk(&d))
	}
	old, err := t.Ask(a.ID)
	if err != nil {
		return err
	}
	before := t.raw(bucketAsks, a.ID)
	if old.FriendID != a.FriendID {
		return &FieldError{Field: "friend", Msg: "an ask cannot move to another friend"}
	}
	if old.Status != StatusDraft {
		return fmt.Errorf("this draft was marked %s elsewhere; it was not changed", old.Status)
	}
	old.Kind, old.Topic, old.Sector, old.Org, old.Body = a.Kind, a.Topic, a.Sector, a.Org, a.Body
	old.setStatus(a.Status, t.now)
	old.Normalize()
	if err := t.PutAsk(&old); err != nil {
		return err
	}
	*a = old
	if a.Status == StatusSent {
		return t.remember(changeSent, bucketAsks, a.ID, before)
	}
	return nil
}

// Outcome is what became of an ask: each field given is recorded, the
// others are kept.
type Outcome struct {
	// Status is the new status ("" keeps it).
	Status Status
	// Note is what happened (nil keeps the note, "" clears it).
	Note *string
	// Thanked records a thank-you sent (true) or takes it back (false);
	// nil keeps it. A thank-you is only for an ask the friend helped
	// with, and is recorded once: thanking again keeps the first date.
	Thanked *bool
	// At is when it happened; zero means the transaction's now.
	At time.Time
}

// RecordOutcome records o on the ask id and returns the ask as stored.
//
// A change of status stamps the times it means: back to draft clears
// Sent and Resolved; sent sets Sent (if not set) and clears Resolved;
// helped, declined and no-response were put to the friend, so Sent is
// set (to Created, if unknown) and Resolved is o.At; withdrawn sets
// Resolved and keeps Sent as it was, so an ask withdrawn after it was
// sent keeps its sent date. The same status again changes nothing. What
// it changes can be undone (Undo).
func (t *Tx) RecordOutcome(id uint64, o Outcome) (Ask, error) {
	a, err := t.Ask(id)
	if err != nil {
		return Ask{}, err
	}
	was, before := a, t.raw(bucketAsks, id)
	at := orTime(o.At, t.now)
	if o.Status != "" {
		if _, err := ParseStatus(string(o.Status)); err != nil {
			return Ask{}, &FieldError{Field: "status", Msg: err.Error()}
		}
		a.setStatus(o.Status, at)
	}
	if o.Note != nil {
		a.Outcome = CleanText(*o.Note, true)
	}
	if o.Thanked != nil {
		switch {
		case !*o.Thanked:
			a.Thanked = time.Time{}
		case a.Thanked.IsZero():
			if err := canThank(&a); err != nil {
				return Ask{}, err
			}
			a.Thanked = at
		}
	}
	a.Normalize()
	if err := t.PutAsk(&a); err != nil {
		return Ask{}, err
	}
	what := changeOutcome
	switch {
	case a.Status == was.Status && a.Thanked.IsZero() != was.Thanked.IsZero() && a.Outcome == was.Outcome:
		what = changeThanks
	case a.Status == StatusSent && was.Status != StatusSent:
		what = changeSent
	}
	if err := t.remember(what, bucketAsks, id, before); err != nil {
		return Ask{}, err
	}
	return a, nil
}

// Thank records a thank-you sent at at (zero: now) for the ask id, which
// the friend must have helped with. An ask already thanked keeps its
// first date: first is false then.
func (t *Tx) Thank(id uint64, at time.Time) (a Ask, first bool, err error) {
	if a, err = t.Ask(id); err != nil {
		return Ask{}, false, err
	}
	first = a.Thanked.IsZero()
	yes := true
	a, err = t.RecordOutcome(id, Outcome{Thanked: &yes, At: at})
	return a, first && err == nil, err
}

// MarkSent records that the ask id was put to the friend at at (zero:
// now).
func (t *Tx) MarkSent(id uint64, at time.Time) (Ask, error) {
	return t.RecordOutcome(id, Outcome{Status: StatusSent, At: at})
}

// canThank refuses a thank-you for an ask the friend did not help with.
func canThank(a *Ask) error {
	if a.Status == StatusHelped {
		return nil
	}
	what := "ask"
	if a.ID != 0 {
		what = fmt.Sprintf("ask %d", a.ID)
	}
	return &FieldError{Field: "thanked", Msg: fmt.Sprintf("%s is %s, not helped: a thank-you is for help received (record that they helped first)", what, a.Status)}
}

// setStatus moves a to st at at, stamping the times st means (see
// RecordOutcome).
func (a *Ask) setStatus(st Status, at time.Time) {
	if st == a.Status {
		return
	}
	a.Status = st
	switch st {
	case StatusDraft:
		a.Sent, a.Resolved = time.Time{}, time.Time{}
	case StatusSent:
		a.Sent = orTime(a.Sent, at)
		a.Resolved = time.Time{}
	case StatusWithdrawn:
		a.Resolved = at
	default:
		a.Sent = orTime(a.Sent, a.Created)
		a.Resolved = at
	}
}

// orTime is t, or def when t is zero.
func orTime(t, def time.Time) time.Time {
	if t.IsZero() {
		return def
	}
	return t
}
