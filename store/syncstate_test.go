package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestSyncStateRoundTrip(t *testing.T) {
	s := New(filepath.Join(t.TempDir(), "k.db"))
	now := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	a := SyncState{UID: "ada-1", FriendID: 7, File: "ada-1.vcf", Size: 321, MTime: 1 << 60, Inode: 99,
		Hash: []byte{1, 2, 3}, Kith: FieldSums{1, 2, 3}, Card: FieldSums{4, 5, 6}}
	b := SyncState{UID: "bob", FriendID: 8, File: "b.vcf", Kith: FieldSums{9}, Card: FieldSums{9}}
	if err := s.Batch(now, func(tx *Tx) error {
		for _, st := range []*SyncState{&a, &b} {
			if err := tx.PutSyncState("/v", st); err != nil {
				return err
			}
		}
		return tx.PutSyncState("/v2", &a)
	}); err != nil {
		t.Fatal(err)
	}
	got, err := s.SyncStates("/v")
	if err != nil {
		t.Fatal(err)
	}
	if want := []SyncState{a, b}; !reflect.DeepEqual(got, want) {
		t.Errorf("states %+v, want %+v", got, want)
	}
	if err := s.Batch(now, func(tx *Tx) error { return tx.DeleteSyncState("/v", "ada-1") }); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.SyncStates("/v"); len(got) != 1 || got[0].UID != "bob" {
		t.Errorf("after the delete: %+v, want bob's only", got)
	}
	if got, _ := s.SyncStates("/v2"); len(got) != 1 {
		t.Errorf("another folder's states: %+v, want its own", got)
	}
	if p, err := s.Verify(); err != nil || len(p.Problems) > 0 {
		t.Errorf("verify: %v %v", p, err)
	}
}

// CopySyncField copies each field whole: after it, the field's sum is
// the source's and every other field's is the destination's.
func TestCopySyncField(t *testing.T) {
	src := Friend{Name: "Ada King", Nickname: "A", IsOrg: true, Org: "Engines", Department: "R&D", Role: "Lead",
		Birthday: Date{Year: 1815, Month: 12, Day: 10}, Anniversary: Date{Month: 7, Day: 8},
		Emails: []string{"a@x.org"}, Phones: []string{"+1 555"}, URLs: []string{"https://x.org"},
		Sectors: []string{"math"}, Notes: "n", Closeness: 5, WorkedTogether: true, WorkedNote: "w",
		Boundaries: []Boundary{{Kind: "intro"}}, Busy: []MonthRange{{From: 1, To: 2}}, Channel: "mail",
		Circles: []string{"school"}, Moments: []Moment{{Kind: MomentBaby, At: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}},
		Contact: &Contact{NameParts: NameParts{Given: "Ada", Family: "King"}, Addresses: []Address{{Street: "1 Road"}},
			EmailTypes: []Typed{{Value: "a@x.org", Types: []string{"work"}}},
			Card:       Card{UID: "src", Props: []CardProp{{Name: "PHOTO", Value: "AAAA"}}}}}
	dst := Friend{Name: "Bob", Contact: &Contact{Card: Card{UID: "dst"}}}
	ss, ds := SyncSums(&src), SyncSums(&dst)
	for i, field := range SyncFields {
		if ss[i] == ds[i] {
			t.Fatalf("%s: the test friends do not differ there", field)
		}
		d := dst
		d.Contact = dst.Contact.Clone()
		CopySyncField(&d, &src, field)
		got := SyncSums(&d)
		for j := range SyncFields {
			want := ds[j]
			if j == i {
				want = ss[j]
			}
			// a name's derived parts go with the name, and an
			// organisation has none
			derived := (field == FieldName || field == FieldKind) && SyncFields[j] == FieldNameParts
			if got[j] != want && !derived {
				t.Errorf("copy %s: %s is %x, want %x", field, SyncFields[j], got[j], want)
			}
		}
		if SyncFieldText(&d, field) != SyncFieldText(&src, field) {
			t.Errorf("copy %s: reads %q, want %q", field, SyncFieldText(&d, field), SyncFieldText(&src, field))
		}
	}
}

// A damaged sync state is damage: verify names it, and a sync's read of
// the states fails rather than deciding without it.
func TestSyncStateDamage(t *testing.T) {
	s := New(filepath.Join(t.TempDir(), "k.db"))
	now := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	if err := s.Batch(now, func(tx *Tx) error {
		if err := tx.AddFriend(&Friend{Name: "Ada"}); err != nil {
			return err
		}
		return tx.PutSyncState("/v", &SyncState{UID: "ada", FriendID: 1, File: "ada.vcf"})
	}); err != nil {
		t.Fatal(err)
	}
	damage(t, s, flipValue(bucketSyncState, syncKey("/v", "ada"), 3))
	r, err := s.Verify()
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) != 1 || !strings.Contains(fmt.Sprint(r.Problems[0]), "sync_state") {
		t.Errorf("problems %v, want the sync state named", r.Problems)
	}
	if _, err := s.SyncStates("/v"); !errors.Is(err, ErrCorrupt) {
		t.Errorf("SyncStates: %v, want ErrCorrupt", err)
	}
}
