package vsync

import (
	"slices"
	"strings"
	"testing"
	"time"

	"kith/store"
)

var now = time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)

func ada() *store.Friend {
	f := &store.Friend{ID: 7, Name: "Ada Lovelace", Emails: []string{"ada@example.com"}, Org: "Engines", Closeness: 3,
		Contact: &store.Contact{Card: store.Card{UID: "ada-1"}}}
	f.Normalize()
	return f
}

func with(f *store.Friend, fn func(f *store.Friend)) *store.Friend {
	g := *f
	g.Contact = f.Contact.Clone()
	fn(&g)
	g.Normalize()
	return &g
}

func cardOf(f *store.Friend) *Card {
	g := *with(f, func(*store.Friend) {})
	g.ID = 0
	return &Card{File: "ada-1.vcf", UID: "ada-1", Read: true, Friend: g, Sums: store.SyncSums(&g)}
}

// unread is the card as a sync sees one whose file did not change: not
// read, its sums those of the state.
func unread(base *store.SyncState) *Card {
	return &Card{File: base.File, UID: base.UID, Sums: base.Card}
}

func stateOf(f *store.Friend) *store.SyncState {
	s := store.SyncSums(f)
	return &store.SyncState{UID: "ada-1", FriendID: f.ID, File: "ada-1.vcf", Kith: s, Card: s}
}

func TestDecide(t *testing.T) {
	base := ada()
	st := stateOf(base)
	archived := with(base, func(f *store.Friend) { f.Archived = true })
	newOrg := with(base, func(f *store.Friend) { f.Org = "Analytical Engines" })
	newEmail := with(base, func(f *store.Friend) { f.Emails = []string{"ada@work.example"} })
	otherEmail := with(base, func(f *store.Friend) { f.Emails = []string{"lovelace@home.example"} })
	photo := with(base, func(f *store.Friend) {
		f.Contact.Card.Props = append(f.Contact.Card.Props, store.CardProp{Name: "PHOTO", Params: "ENCODING=b;TYPE=JPEG", Value: "AAAA"})
	})
	for _, tt := range []struct {
		name           string
		base           *store.SyncState
		kith           *store.Friend
		card           *Card
		want           Action
		fromCard       []string
		fromKith       []string
		conflicts      []string
		wantFriend     bool // WriteFriend
		wantCard       bool // WriteCard
		why            string
		check          func(t *testing.T, f *store.Friend)
		conflictInNote string
	}{
		{name: "never synced: a card only", card: cardOf(base), want: AddFriend, wantFriend: true},
		{name: "never synced: a friend only", kith: base, want: AddCard, wantCard: true},
		{name: "never synced: an archived friend only", kith: archived, want: InStep},
		{name: "never synced: an archived friend and a card", kith: archived, card: cardOf(base), want: Skip, why: "archived in kith"},
		{name: "never synced: an archived friend and kith's export of them", kith: archived,
			card: func() *Card { c := cardOf(base); c.Archived = true; return c }(), want: DeleteCard, why: "export of an archived friend"},
		{name: "never synced: the same on both sides", kith: base, card: cardOf(base), want: InStep},
		{name: "never synced: the card has what kith lacks", kith: with(base, func(f *store.Friend) { f.Org = "" }), card: cardOf(base),
			want: Merge, fromCard: []string{store.FieldOrg}, wantFriend: true,
			check: func(t *testing.T, f *store.Friend) {
				if f.Org != "Engines" {
					t.Errorf("org %q, want the card's", f.Org)
				}
			}},
		{name: "never synced: kith has what the card lacks", kith: base, card: cardOf(with(base, func(f *store.Friend) { f.Org = "" })),
			want: Merge, fromKith: []string{store.FieldOrg}, wantCard: true},
		{name: "never synced: both set, differently", kith: base, card: cardOf(otherEmail),
			want: Merge, conflicts: []string{store.FieldEmail}, wantFriend: true, wantCard: true, conflictInNote: "lovelace@home.example"},
		{name: "in step, the file untouched", base: st, kith: base, card: unread(st), want: InStep},
		{name: "in step, the file rewritten the same", base: st, kith: base, card: cardOf(base), want: InStep},
		{name: "changed in kith", base: st, kith: newOrg, card: unread(st),
			want: Merge, fromKith: []string{store.FieldOrg}, wantCard: true},
		{name: "changed in the card", base: st, kith: base, card: cardOf(newEmail),
			want: Merge, fromCard: []string{store.FieldEmail}, wantFriend: true,
			check: func(t *testing.T, f *store.Friend) {
				if !slices.Equal(f.Emails, []string{"ada@work.example"}) || f.Org != "Engines" {
					t.Errorf("emails %q org %q, want the card's e-mail and kith's org", f.Emails, f.Org)
				}
			}},
		{name: "changed on both sides, other fields", base: st, kith: newOrg, card: cardOf(newEmail),
			want: Merge, fromCard: []string{store.FieldEmail}, fromKith: []string{store.FieldOrg}, wantFriend: true, wantCard: true,
			check: func(t *testing.T, f *store.Friend) {
				if !slices.Equal(f.Emails, []string{"ada@work.example"}) || f.Org != "Analytical Engines" {
					t.Errorf("emails %q org %q, want both changes", f.Emails, f.Org)
				}
			}},
		{name: "changed on both sides, the same way", base: st, kith: newEmail, card: cardOf(newEmail), want: InStep},
		{name: "changed on both sides, the same field differently", base: st, kith: newEmail, card: cardOf(otherEmail),
			want: Merge, conflicts: []string{store.FieldEmail}, wantFriend: true, wantCard: true, conflictInNote: "lovelace@home.example",
			check: func(t *testing.T, f *store.Friend) {
				if !slices.Equal(f.Emails, []string{"ada@work.example"}) {
					t.Errorf("emails %q, want kith's kept", f.Emails)
				}
			}},
		{name: "a photo added to the card", base: st, kith: base, card: cardOf(photo),
			want: Merge, fromCard: []string{store.FieldProps}, wantFriend: true,
			check: func(t *testing.T, f *store.Friend) {
				if p := f.Contact.Card.Props; len(p) != 1 || p[0].Name != "PHOTO" {
					t.Errorf("props %v, want the photo", p)
				}
			}},
		{name: "the card deleted, kith unchanged", base: st, kith: base, want: ArchiveFriend},
		{name: "the card deleted, kith changed", base: st, kith: newOrg, want: AddCard, wantCard: true, why: "written again"},
		{name: "archived in kith, the card unchanged", base: st, kith: archived, card: unread(st), want: DeleteCard},
		{name: "archived in kith, the card changed", base: st, kith: archived, card: cardOf(newEmail),
			want: Merge, fromCard: []string{store.FieldEmail}, wantFriend: true, why: "card kept"},
		{name: "gone from kith, the card unchanged", base: st, card: unread(st), want: DeleteCard},
		{name: "gone from kith, the card changed", base: st, card: cardOf(newEmail), want: AddFriend, wantFriend: true, why: "comes back"},
		{name: "gone on both sides", base: st, want: Forget},
		{name: "archived in kith, the card deleted", base: st, kith: archived, want: Forget},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ch := Decide(tt.base, tt.kith, tt.card, now)
			if ch.Action != tt.want {
				t.Fatalf("action %v, want %v", ch.Action, tt.want)
			}
			if !slices.Equal(ch.FromCard, tt.fromCard) || !slices.Equal(ch.FromKith, tt.fromKith) {
				t.Errorf("from the card %q, from kith %q; want %q and %q", ch.FromCard, ch.FromKith, tt.fromCard, tt.fromKith)
			}
			var conflicts []string
			for _, c := range ch.Conflicts {
				conflicts = append(conflicts, c.Field)
			}
			if !slices.Equal(conflicts, tt.conflicts) {
				t.Errorf("conflicts %q, want %q", conflicts, tt.conflicts)
			}
			if ch.WriteFriend != tt.wantFriend || ch.WriteCard != tt.wantCard {
				t.Errorf("write friend %v, card %v; want %v, %v", ch.WriteFriend, ch.WriteCard, tt.wantFriend, tt.wantCard)
			}
			if (ch.WriteFriend || ch.WriteCard) && ch.Friend == nil {
				t.Fatal("a write without a friend")
			}
			if !strings.Contains(ch.Why, tt.why) || (tt.why == "" && ch.Why != "") {
				t.Errorf("why %q, want %q", ch.Why, tt.why)
			}
			if ch.UID != "ada-1" {
				t.Errorf("UID %q", ch.UID)
			}
			if tt.conflictInNote != "" && !strings.Contains(ch.Friend.Notes, "the address book had email: "+tt.conflictInNote) {
				t.Errorf("notes %q, want the card's value kept in them", ch.Friend.Notes)
			}
			if tt.check != nil {
				tt.check(t, ch.Friend)
			}
		})
	}
}

// The merge never changes the friend it was given.
func TestDecideLeavesItsInputs(t *testing.T) {
	base := ada()
	st := stateOf(base)
	kith := with(base, func(f *store.Friend) { f.Org = "X" })
	before := store.SyncSums(kith)
	Decide(st, kith, cardOf(with(base, func(f *store.Friend) { f.Emails = []string{"new@example.com"} })), now)
	if !slices.Equal(store.SyncSums(kith), before) {
		t.Error("Decide changed the friend it was given")
	}
}
