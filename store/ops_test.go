package store

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// batch runs fn in a transaction stamped now, failing the test on error.
func batch(t *testing.T, s *Store, now time.Time, fn func(tx *Tx) error) {
	t.Helper()
	if err := s.Batch(now, fn); err != nil {
		t.Fatal(err)
	}
}

// opsStore has one friend, Ada (id 1), added at t0.
func opsStore(t *testing.T) *Store {
	t.Helper()
	s := newStore(t)
	batch(t, s, t0, func(tx *Tx) error {
		f := Friend{Name: "Ada", Org: "Acme", Emails: []string{"ada@acme.io"}, URLs: []string{"https://ada.example"}}
		return tx.AddFriend(&f)
	})
	return s
}

func TestRecordAskStampsItsStatus(t *testing.T) {
	at := t0.Add(-48 * time.Hour)
	tests := []struct {
		status           Status
		sent, resolved   time.Time
		created, thanked time.Time
		wantErr          string
	}{
		{status: StatusDraft},
		{status: StatusSent, sent: at},
		{status: StatusHelped, sent: at, resolved: at},
		{status: StatusDeclined, sent: at, resolved: at},
		{status: StatusNoResponse, sent: at, resolved: at},
		{status: StatusWithdrawn, sent: at, resolved: at},
		{status: StatusHelped, sent: at, resolved: at, thanked: t0},
		{status: StatusDeclined, thanked: t0, wantErr: "thanked: ask is declined, not helped"},
	}
	for _, tt := range tests {
		s := opsStore(t)
		a := Ask{FriendID: 1, Kind: KindChat, Status: tt.status, Created: at, Thanked: tt.thanked, Topic: "  rockets "}
		err := s.Batch(t0, func(tx *Tx) error { return tx.RecordAsk(&a) })
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s thanked: err %v, want %q", tt.status, err, tt.wantErr)
			}
			if asks, _ := s.Asks(); len(asks) != 0 {
				t.Errorf("%s thanked: %d asks stored, want none", tt.status, len(asks))
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tt.status, err)
		}
		got, err := s.Ask(a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Created.Equal(at) || !got.Sent.Equal(tt.sent) || !got.Resolved.Equal(tt.resolved) || !got.Thanked.Equal(tt.thanked) || got.Topic != "rockets" {
			t.Errorf("%s: created %v sent %v resolved %v thanked %v topic %q; want %v %v %v %v \"rockets\"",
				tt.status, got.Created, got.Sent, got.Resolved, got.Thanked, got.Topic, at, tt.sent, tt.resolved, tt.thanked)
		}
	}
	// An ask with no time is made at the transaction's now.
	s := opsStore(t)
	a := Ask{FriendID: 1, Kind: KindChat, Status: StatusSent}
	batch(t, s, t0, func(tx *Tx) error { return tx.RecordAsk(&a) })
	if !a.Created.Equal(t0) || !a.Sent.Equal(t0) {
		t.Errorf("no time given: created %v sent %v, want the batch's now %v", a.Created, a.Sent, t0)
	}
}

func TestRecordOutcomeStampsTheRightTimes(t *testing.T) {
	made, later := t0.Add(-10*24*time.Hour), t0.Add(-24*time.Hour)
	tests := []struct {
		name                   string
		from, to               Status
		sent                   time.Time // the ask's Sent before
		wantSent, wantResolved time.Time
	}{
		{"a sent ask helped", StatusSent, StatusHelped, made, made, later},
		{"a sent ask withdrawn keeps its sent date", StatusSent, StatusWithdrawn, made, made, later},
		{"a draft withdrawn stays unsent", StatusDraft, StatusWithdrawn, time.Time{}, time.Time{}, later},
		{"a draft declined was sent when made", StatusDraft, StatusDeclined, time.Time{}, made, later},
		{"a draft sent", StatusDraft, StatusSent, time.Time{}, later, time.Time{}},
		{"an answered ask back to sent", StatusHelped, StatusSent, made, made, time.Time{}},
		{"back to draft", StatusHelped, StatusDraft, made, time.Time{}, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := opsStore(t)
			a := Ask{FriendID: 1, Kind: KindIntro, Status: tt.from, Created: made, Sent: tt.sent}
			if tt.from == StatusHelped {
				a.Resolved = made
			}
			batch(t, s, made, func(tx *Tx) error { return tx.AddAsk(&a) })
			var got Ask
			batch(t, s, t0, func(tx *Tx) (err error) {
				got, err = tx.RecordOutcome(a.ID, Outcome{Status: tt.to, At: later})
				return err
			})
			stored, _ := s.Ask(a.ID)
			if !reflect.DeepEqual(got, stored) {
				t.Errorf("returned %+v, stored %+v", got, stored)
			}
			if stored.Status != tt.to || !stored.Sent.Equal(tt.wantSent) || !stored.Resolved.Equal(tt.wantResolved) {
				t.Errorf("status %s sent %v resolved %v; want %s %v %v", stored.Status, stored.Sent, stored.Resolved, tt.to, tt.wantSent, tt.wantResolved)
			}
		})
	}
}

func TestRecordOutcomeSameStatusChangesNothing(t *testing.T) {
	s := opsStore(t)
	made := t0.Add(-5 * 24 * time.Hour)
	a := Ask{FriendID: 1, Kind: KindIntro, Status: StatusHelped, Created: made, Sent: made, Resolved: made}
	batch(t, s, made, func(tx *Tx) error { return tx.AddAsk(&a) })
	batch(t, s, t0, func(tx *Tx) error { _, err := tx.RecordOutcome(a.ID, Outcome{Status: StatusHelped}); return err })
	if got, _ := s.Ask(a.ID); !got.Resolved.Equal(made) {
		t.Errorf("helped again: resolved %v, want it kept at %v", got.Resolved, made)
	}
}

func TestThankOnlyForHelp(t *testing.T) {
	made := t0.Add(-5 * 24 * time.Hour)
	for _, st := range Statuses() {
		s := opsStore(t)
		a := Ask{FriendID: 1, Kind: KindIntro, Status: st, Created: made}
		batch(t, s, made, func(tx *Tx) error { return tx.RecordAsk(&a) })
		var first bool
		err := s.Batch(t0, func(tx *Tx) (err error) { _, first, err = tx.Thank(a.ID, time.Time{}); return err })
		got, _ := s.Ask(a.ID)
		if st == StatusHelped {
			if err != nil || !got.Thanked.Equal(t0) || !first {
				t.Errorf("helped: thanked %v (first %v), err %v; want %v", got.Thanked, first, err, t0)
			}
			continue
		}
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != "thanked" || !strings.Contains(fe.Msg, "is "+string(st)+", not helped") {
			t.Errorf("%s: thank err %v, want a thanked field error", st, err)
		}
		if !got.Thanked.IsZero() {
			t.Errorf("%s: thanked %v, want nothing stored", st, got.Thanked)
		}
	}
}

func TestThankTwiceKeepsTheFirstDate(t *testing.T) {
	s := opsStore(t)
	made := t0.Add(-5 * 24 * time.Hour)
	a := Ask{FriendID: 1, Kind: KindIntro, Status: StatusHelped, Created: made}
	batch(t, s, made, func(tx *Tx) error { return tx.RecordAsk(&a) })
	batch(t, s, made, func(tx *Tx) error { _, _, err := tx.Thank(a.ID, time.Time{}); return err })
	var got Ask
	first := true
	batch(t, s, t0, func(tx *Tx) (err error) { got, first, err = tx.Thank(a.ID, time.Time{}); return err })
	if !got.Thanked.Equal(made) || first {
		t.Errorf("thanked again: %v (first %v), want the first date %v", got.Thanked, first, made)
	}
	no := false
	batch(t, s, t0, func(tx *Tx) (err error) { got, err = tx.RecordOutcome(a.ID, Outcome{Thanked: &no}); return err })
	if !got.Thanked.IsZero() {
		t.Errorf("thanked false: %v, want cleared", got.Thanked)
	}
}

func TestRecordOutcomeStatusThenThanks(t *testing.T) {
	s := opsStore(t)
	a := Ask{FriendID: 1, Kind: KindChat, Status: StatusSent}
	batch(t, s, t0.Add(-time.Hour), func(tx *Tx) error { return tx.RecordAsk(&a) })
	yes, note := true, "  she introduced me\nto Marco "
	var got Ask
	batch(t, s, t0, func(tx *Tx) (err error) {
		got, err = tx.RecordOutcome(a.ID, Outcome{Status: StatusHelped, Thanked: &yes, Note: &note})
		return err
	})
	if got.Status != StatusHelped || !got.Thanked.Equal(t0) || got.Outcome != "she introduced me\nto Marco" {
		t.Errorf("got %s thanked %v outcome %q", got.Status, got.Thanked, got.Outcome)
	}
	if _, err := s.Ask(a.ID); err != nil {
		t.Fatal(err)
	}
	err := s.Batch(t0, func(tx *Tx) error { _, err := tx.RecordOutcome(a.ID, Outcome{Status: "maybe"}); return err })
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "status" {
		t.Errorf("unknown status: err %v, want a status field error", err)
	}
	if err := s.Batch(t0, func(tx *Tx) error { _, err := tx.RecordOutcome(99, Outcome{Status: StatusHelped}); return err }); !errors.Is(err, ErrNotFound) {
		t.Errorf("no such ask: err %v, want ErrNotFound", err)
	}
}

func TestSaveDraft(t *testing.T) {
	s := opsStore(t)
	d := Ask{FriendID: 1, Kind: KindIntro, Topic: "aerospace", Body: "Hi Ada", Status: StatusDraft}
	batch(t, s, t0.Add(-time.Hour), func(tx *Tx) error { return tx.SaveDraft(&d) })
	if d.ID == 0 || !d.Sent.IsZero() || !d.Created.Equal(t0.Add(-time.Hour)) {
		t.Fatalf("new draft: %+v", d)
	}
	// Rewritten, then marked sent: the words change, Created stays.
	e := Ask{ID: d.ID, FriendID: 1, Kind: KindChat, Topic: "rockets", Body: "Hi Ada, again", Status: StatusSent}
	batch(t, s, t0, func(tx *Tx) error { return tx.SaveDraft(&e) })
	got, _ := s.Ask(d.ID)
	if got.Kind != KindChat || got.Topic != "rockets" || got.Body != "Hi Ada, again" || got.Status != StatusSent ||
		!got.Created.Equal(d.Created) || !got.Sent.Equal(t0) || !reflect.DeepEqual(got, e) {
		t.Errorf("saved and sent: %+v (returned %+v)", got, e)
	}
	// No longer a draft: refused, nothing changed.
	f := Ask{ID: d.ID, FriendID: 1, Kind: KindChat, Body: "changed", Status: StatusDraft}
	if err := s.Batch(t0, func(tx *Tx) error { return tx.SaveDraft(&f) }); err == nil || !strings.Contains(err.Error(), "marked sent elsewhere") {
		t.Errorf("saving a sent ask as a draft: err %v", err)
	}
	if again, _ := s.Ask(d.ID); again.Body != "Hi Ada, again" {
		t.Errorf("the refused save changed the body to %q", again.Body)
	}
	if err := s.Batch(t0, func(tx *Tx) error { return tx.SaveDraft(&Ask{FriendID: 1, Kind: KindChat, Status: StatusHelped}) }); err == nil {
		t.Error("a draft saved as helped: no error")
	}
}

func TestEditFriendIsAPatch(t *testing.T) {
	s := opsStore(t)
	role, no := "  CTO ", false
	var got Friend
	batch(t, s, t0.Add(time.Hour), func(tx *Tx) (err error) {
		got, err = tx.EditFriend(1, FriendPatch{Role: &role, Emails: &[]string{"Ada <ada@new.io>"}, WorkedTogether: &no})
		return err
	})
	stored, _ := s.Friend(1)
	if !reflect.DeepEqual(got, stored) {
		t.Errorf("returned %+v, stored %+v", got, stored)
	}
	if stored.Role != "CTO" || stored.Org != "Acme" || !reflect.DeepEqual(stored.Emails, []string{"ada@new.io"}) ||
		!reflect.DeepEqual(stored.URLs, []string{"https://ada.example"}) {
		t.Errorf("patched friend: %+v; want role CTO, the org and links kept, the e-mail replaced", stored)
	}
	if !stored.Updated.Equal(t0.Add(time.Hour)) || !stored.Created.Equal(t0) {
		t.Errorf("created %v updated %v, want %v and the batch's now %v", stored.Created, stored.Updated, t0, t0.Add(time.Hour))
	}
	// A worked-together note alone means you worked together.
	note := "Acme 2019"
	batch(t, s, t0, func(tx *Tx) (err error) { got, err = tx.EditFriend(1, FriendPatch{WorkedNote: &note}); return err })
	if !got.WorkedTogether {
		t.Error("a worked-together note did not set worked together")
	}
	// A bad value is refused and nothing changes.
	bad := []string{"a b@c"}
	err := s.Batch(t0, func(tx *Tx) error { _, err := tx.EditFriend(1, FriendPatch{Emails: &bad, Role: &note}); return err })
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "email" {
		t.Errorf("bad e-mail: err %v, want an email field error", err)
	}
	if again, _ := s.Friend(1); again.Role != "CTO" {
		t.Errorf("the refused edit changed the role to %q", again.Role)
	}
	if (&FriendPatch{}).Empty() != true || (&FriendPatch{Role: &role}).Empty() {
		t.Error("Empty is wrong")
	}
}

func TestSetArchived(t *testing.T) {
	s := opsStore(t)
	batch(t, s, t0, func(tx *Tx) error { _, err := tx.SetArchived(1, true); return err })
	if f, _ := s.Friend(1); !f.Archived {
		t.Error("not archived")
	}
	batch(t, s, t0, func(tx *Tx) error { _, err := tx.SetArchived(1, false); return err })
	if f, _ := s.Friend(1); f.Archived {
		t.Error("not restored")
	}
	if err := s.Batch(t0, func(tx *Tx) error { _, err := tx.SetArchived(7, true); return err }); !errors.Is(err, ErrNotFound) {
		t.Errorf("archiving nobody: err %v, want ErrNotFound", err)
	}
}

func TestNewFriendChecksBeforeStoring(t *testing.T) {
	name, mails := " Ada ", []string{"@"}
	if _, err := (&FriendPatch{Name: &name, Emails: &mails}).NewFriend(); err == nil {
		t.Error(`NewFriend with e-mail "@": no error`)
	}
	mails = []string{"Ada <ada@x.org>"}
	f, err := (&FriendPatch{Name: &name, Emails: &mails}).NewFriend()
	if err != nil || f.Name != "Ada" || f.Closeness != 3 || !reflect.DeepEqual(f.Emails, []string{"ada@x.org"}) {
		t.Errorf("NewFriend = %+v, %v", f, err)
	}
}

func TestAddFavorNormalizesAndStampsNow(t *testing.T) {
	s := opsStore(t)
	v := Favor{FriendID: 1, What: "  introduced her to Marco "}
	batch(t, s, t0, func(tx *Tx) error { return tx.AddFavor(&v) })
	got, _ := s.Favors()
	if len(got) != 1 || got[0].What != "introduced her to Marco" || !got[0].At.Equal(t0) {
		t.Errorf("favor %+v, want trimmed and at the batch's now", got)
	}
}

func TestPatchRefusesCloseness0(t *testing.T) {
	s := opsStore(t)
	zero := 0
	err := s.Batch(t0, func(tx *Tx) error { _, err := tx.EditFriend(1, FriendPatch{Closeness: &zero}); return err })
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "closeness" {
		t.Errorf("closeness 0: err %v, want a closeness field error (not the default 3)", err)
	}
	name := "Bo"
	if _, err := (&FriendPatch{Name: &name, Closeness: &zero}).NewFriend(); !errors.As(err, &fe) || fe.Field != "closeness" {
		t.Errorf("NewFriend closeness 0: err %v", err)
	}
}
