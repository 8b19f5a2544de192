package importer

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"kith/store"
)

var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func newStore(t *testing.T, friends ...store.Friend) *store.Store {
	t.Helper()
	st := store.New(filepath.Join(t.TempDir(), "kith.db"))
	if len(friends) == 0 {
		return st
	}
	err := st.Batch(now.Add(-time.Hour), func(tx *store.Tx) error {
		for i := range friends {
			if err := tx.AddFriend(&friends[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func rec(line int, f store.Friend) Record {
	return Record{Friend: f, Source: Source("in.vcf", line)}
}

func friends(t *testing.T, st *store.Store) []store.Friend {
	t.Helper()
	fs, err := st.Friends()
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func TestMergeRules(t *testing.T) {
	existing := []store.Friend{
		{Name: "Ada Lovelace", Emails: []string{"Ada@Example.com"}, Org: "Analytical Engines", Closeness: 5, Notes: "Old note"},
		{Name: "Mario Rossi", Org: "Banca Esempio S.p.A.", Phones: []string{"+39 333 123 4567"}},
		{Name: "John Smith", Org: "Acme"},
		{Name: "Solo", Phones: []string{"+1 1"}},
	}
	tests := []struct {
		name   string
		in     store.Friend
		action Action
		reason string
		check  func(t *testing.T, fs []store.Friend)
		dups   int
	}{
		{"e-mail, case-insensitive", store.Friend{Name: "A. Lovelace", Emails: []string{"ada@EXAMPLE.com", "ada@home.example"}, Role: "Mathematician", Phones: []string{"+44 1"}, Notes: "New note", Sectors: []string{"Computing"}},
			Merge, "same e-mail ada@example.com", func(t *testing.T, fs []store.Friend) {
				f := fs[0]
				if f.Name != "Ada Lovelace" || f.Role != "Mathematician" || f.Closeness != 5 {
					t.Errorf("merged friend = %+v: name and closeness kept, role filled", f)
				}
				if want := []string{"Ada@Example.com", "ada@home.example"}; !reflect.DeepEqual(f.Emails, want) {
					t.Errorf("emails = %q, want %q", f.Emails, want)
				}
				if f.Notes != "Old note\n\nNew note" {
					t.Errorf("notes = %q, want the new note appended", f.Notes)
				}
				if len(f.Phones) != 1 || len(f.Sectors) != 1 {
					t.Errorf("phones %q sectors %q: want unioned", f.Phones, f.Sectors)
				}
			}, 0},
		{"normalised name and organisation", store.Friend{Name: "mario  ROSSI", Org: "BANCA ESEMPIO SpA", Phones: []string{"+393331234567", "+39 02 1"}},
			Merge, "same name and organisation", func(t *testing.T, fs []store.Friend) {
				if want := []string{"+39 333 123 4567", "+39 02 1"}; !reflect.DeepEqual(fs[1].Phones, want) {
					t.Errorf("phones = %q, want %q (the same number written differently is not added)", fs[1].Phones, want)
				}
			}, 0},
		{"same name, different organisation", store.Friend{Name: "John Smith", Org: "Globex"}, Add, "", func(t *testing.T, fs []store.Friend) {
			if len(fs) != 5 || fs[4].Org != "Globex" {
				t.Errorf("want a fourth friend John Smith (Globex), got %+v", fs)
			}
		}, 1},
		{"same name, no organisation", store.Friend{Name: "John Smith", Phones: []string{"1"}}, Add, "", func(t *testing.T, fs []store.Friend) {
			if len(fs) != 5 {
				t.Errorf("want 5 friends, got %d", len(fs))
			}
		}, 1},
		{"same name, no organisation on either, something new", store.Friend{Name: "Solo", Phones: []string{"+1 2"}}, Add, "", nil, 1},
		{"same name, no organisation on either, nothing new", store.Friend{Name: "solo", Phones: []string{"+1 1"}}, Skip, "already there, nothing new (same name, no organisation)", nil, 0},
		{"nothing new", store.Friend{Name: "Ada Lovelace", Emails: []string{"ada@example.com"}}, Skip, "already there, nothing new (same e-mail ada@example.com)", nil, 0},
		{"no name", store.Friend{Phones: []string{"+1 555"}}, Skip, "no name, e-mail or organisation", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := newStore(t, existing...)
			before := friends(t, st)
			plan, err := Import(st, &Input{Records: []Record{rec(1, tt.in)}}, now, Options{})
			if err != nil {
				t.Fatal(err)
			}
			it := plan.Items[0]
			if it.Action != tt.action || it.Reason != tt.reason {
				t.Errorf("action, reason = %v, %q; want %v, %q", it.Action, it.Reason, tt.action, tt.reason)
			}
			if len(it.Duplicates) != tt.dups {
				t.Errorf("duplicates = %q, want %d", it.Duplicates, tt.dups)
			}
			after := friends(t, st)
			if tt.action == Skip && !reflect.DeepEqual(before, after) {
				t.Errorf("a skip changed the database")
			}
			if tt.check != nil {
				tt.check(t, after)
			}
		})
	}
}

func TestImportTwiceChangesNothing(t *testing.T) {
	st := newStore(t, store.Friend{Name: "Existing", Emails: []string{"e@x.com"}})
	in := &Input{Records: []Record{
		rec(1, store.Friend{Name: "Ada Lovelace", Org: "Engines", Notes: "n1", Sectors: []string{"Math"}}),
		rec(2, store.Friend{Name: "Bob", Emails: []string{"E@X.com"}, Phones: []string{"1"}, Notes: "about bob"}),
		rec(3, store.Friend{Name: "Solo"}),
		rec(4, store.Friend{Name: "ada lovelace", Org: "Engines", Phones: []string{"2"}}), // same as line 1: merged into it
	}}
	p1, err := Import(st, in, now, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p1.Added != 2 || p1.Merged != 2 || p1.Skipped != 0 {
		t.Errorf("first import: %d added, %d merged, %d skipped; want 2, 2, 0", p1.Added, p1.Merged, p1.Skipped)
	}
	if it := p1.Items[3]; it.Into != "Ada Lovelace (in.vcf:1)" {
		t.Errorf("line 4 into %q, want the friend added from line 1", it.Into)
	}
	snap1, _ := st.Snapshot(now)
	p2, err := Import(st, in, now.Add(time.Hour), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p2.Added != 0 || p2.Merged != 0 || p2.Skipped != 4 || p2.Writes() != 0 {
		t.Errorf("second import: %d added, %d merged, %d skipped; want 0, 0, 4 and nothing to write", p2.Added, p2.Merged, p2.Skipped)
	}
	snap2, _ := st.Snapshot(now)
	if !reflect.DeepEqual(snap1, snap2) {
		t.Error("the second import changed the database")
	}
}

func TestDryRunWritesNothing(t *testing.T) {
	st := newStore(t)
	plan, err := Import(st, &Input{Records: []Record{rec(1, store.Friend{Name: "A"})}}, now, Options{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Added != 1 {
		t.Errorf("added = %d, want 1", plan.Added)
	}
	if st.Exists() {
		t.Error("a dry run created the database")
	}
}

func TestHostileRecords(t *testing.T) {
	long := strings.Repeat("é", store.MaxName+50)
	notes := strings.Repeat("x", store.MaxNotes+1)
	r := rec(3, store.Friend{
		Name:    "\x1b[31m" + long,
		Notes:   notes,
		Emails:  []string{"mailto:a@b.c", "nonsense", strings.Repeat("a", store.MaxEmail) + "@x.com"},
		Sectors: []string{"  Fin\x00Tech  "},
	})
	warns, skip := Clean(&r)
	if skip != "" {
		t.Fatalf("skipped: %s", skip)
	}
	f := r.Friend
	if got := len([]rune(f.Name)); got != store.MaxName || strings.Contains(f.Name, "\x1b") {
		t.Errorf("name: %d runes, escape removed = %v; want %d", got, !strings.Contains(f.Name, "\x1b"), store.MaxName)
	}
	if len(f.Notes) != store.MaxNotes {
		t.Errorf("notes: %d chars, want %d", len(f.Notes), store.MaxNotes)
	}
	if want := []string{"a@b.c"}; !reflect.DeepEqual(f.Emails, want) {
		t.Errorf("emails = %q, want %q", f.Emails, want)
	}
	if want := []string{"FinTech"}; !reflect.DeepEqual(f.Sectors, want) {
		t.Errorf("sectors = %q, want %q", f.Sectors, want)
	}
	var msgs []string
	for _, w := range warns {
		msgs = append(msgs, w.String())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"in.vcf:3: name cut to 200 characters", "in.vcf:3: notes cut to 10000 characters", `in.vcf:3: dropped e-mail "nonsense"`, "in.vcf:3: dropped an over-long e-mail of 260 characters"} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings %q lack %q", msgs, want)
		}
	}
}

func TestJSONMergeKeepsHistory(t *testing.T) {
	st := newStore(t, store.Friend{Name: "Ada", Emails: []string{"ada@x.com"}})
	t0 := now.Add(-48 * time.Hour)
	in := &Input{
		Records: []Record{
			{Friend: store.Friend{ID: 10, Name: "Ada L", Emails: []string{"ADA@x.com"}}, Source: "e.json: friends[0]"},
			{Friend: store.Friend{ID: 11, Name: "Bea"}, Source: "e.json: friends[1]"},
		},
		Asks: []store.Ask{
			{ID: 1, FriendID: 10, Kind: store.KindIntro, Status: store.StatusSent, Created: t0, Topic: "bank"},
			{ID: 2, FriendID: 11, Kind: store.KindChat, Status: store.StatusDraft, Created: t0},
			{ID: 3, FriendID: 99, Kind: store.KindChat, Status: store.StatusDraft, Created: t0},
		},
		Favors:  []store.Favor{{ID: 1, FriendID: 11, What: "CV review", At: t0}},
		Profile: &store.Profile{Name: "Me", Lang: "en"},
	}
	p, err := Import(st, in, now, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Added != 1 || p.Skipped != 1 || p.AsksAdded != 2 || p.AsksSkipped != 1 || p.FavorsAdded != 1 {
		t.Errorf("plan: %s", p.Summary(false))
	}
	asks, _ := st.Asks()
	if len(asks) != 2 || asks[0].FriendID != 1 || asks[1].FriendID != 2 {
		t.Errorf("asks = %+v: want the intro on friend 1 (Ada, merged) and the chat on friend 2 (Bea, added)", asks)
	}
	prof, _ := st.Profile()
	if prof.Name != "Me" {
		t.Errorf("profile name = %q, want filled from the export", prof.Name)
	}
	snap1, _ := st.Snapshot(now)
	p2, err := Import(st, in, now, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p2.Writes() != 0 {
		t.Errorf("second import would write: %s", p2.Summary(false))
	}
	snap2, _ := st.Snapshot(now)
	if !reflect.DeepEqual(snap1, snap2) {
		t.Error("importing the export twice changed the database")
	}
}

func TestSummary(t *testing.T) {
	st := newStore(t, store.Friend{Name: "John Smith", Org: "Acme"})
	p, err := Import(st, &Input{Records: []Record{
		rec(1, store.Friend{Name: "John Smith", Org: "Globex"}),
		rec(2, store.Friend{}),
	}}, now, Options{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	s := p.Summary(false)
	for _, want := range []string{
		"1 added, 0 merged, 1 skipped",
		"in.vcf:2: (no name): no name, e-mail or organisation",
		"in.vcf:1: John Smith, added, has the same name as John Smith, Acme (#1)",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
}

func TestDate(t *testing.T) {
	for _, s := range []string{"07 Dec 2025", "2025-12-07", "20251207", "2025-12-07T00:00:00Z"} {
		got, ok := Date(s)
		if want := time.Date(2025, 12, 7, 0, 0, 0, 0, time.UTC); !ok || !got.Equal(want) {
			t.Errorf("Date(%q) = %v, %v; want %v", s, got, ok, want)
		}
	}
	if _, ok := Date("yesterday"); ok {
		t.Error(`Date("yesterday") ok`)
	}
}

// Two cards of one file with different UIDs are two people, even with the
// same name and organisation; a card whose UID is an existing friend's
// (kith's own export, imported again) is that friend.
func TestUIDs(t *testing.T) {
	st := newStore(t, store.Friend{Name: "Ada Lovelace", Org: "Engines"})
	ada := friends(t, st)[0]
	uidRec := func(line int, uid string, f store.Friend) Record {
		r := rec(line, f)
		r.UID = uid
		return r
	}
	in := &Input{Records: []Record{
		uidRec(1, "u-1", store.Friend{Name: "John Smith", Org: "Acme", Emails: []string{"john@acme.io"}}),
		uidRec(2, "u-2", store.Friend{Name: "John Smith", Org: "Acme", Emails: []string{"jsmith@acme.io"}}),
		uidRec(3, "u-1", store.Friend{Name: "John Smith", Org: "Acme", Phones: []string{"+1 555"}}),
		uidRec(4, FriendUID(&ada), store.Friend{Name: "Ada L.", Notes: "renamed elsewhere"}),
		rec(5, store.Friend{Name: "John Smith", Org: "Acme", Phones: []string{"+1 777"}}),
	}}
	p, err := Import(st, in, now, Options{})
	if err != nil {
		t.Fatal(err)
	}
	wants := []struct {
		action Action
		into   string
	}{{Add, ""}, {Add, ""}, {Merge, "John Smith (in.vcf:1)"}, {Merge, "Ada Lovelace, Engines (#1)"}, {Merge, "John Smith (in.vcf:1)"}}
	for i, w := range wants {
		if it := p.Items[i]; it.Action != w.action || it.Into != w.into {
			t.Errorf("line %d: got %v into %q, want %v into %q", i+1, it.Action, it.Into, w.action, w.into)
		}
	}
	if len(p.Items[1].Duplicates) == 0 {
		t.Error("line 2 is not listed as a possible duplicate of line 1")
	}
	if got := len(friends(t, st)); got != 3 {
		t.Errorf("got %d friends, want 3", got)
	}
}

// Sectors keep the case they were written in, and match without it: an
// import that brings "vip" for a friend tagged "VIP" brings nothing new,
// and one that brings "Design" adds it as written.
func TestSectorsMergeWithoutCase(t *testing.T) {
	st := newStore(t, store.Friend{Name: "Ada", Emails: []string{"ada@x.io"}, Sectors: []string{"VIP"}})
	in := &Input{Format: "test", Records: []Record{rec(1, store.Friend{Name: "Ada", Emails: []string{"ada@x.io"}, Sectors: []string{"vip"}})}}
	plan, err := Import(st, in, now, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Skipped != 1 || plan.Merged != 0 {
		t.Errorf("vip into VIP: %s", plan.Summary(false))
	}
	in.Records[0].Friend.Sectors = []string{"VIP", "Design"}
	if _, err := Import(st, in, now, Options{}); err != nil {
		t.Fatal(err)
	}
	if got := friends(t, st)[0].Sectors; !reflect.DeepEqual(got, []string{"VIP", "Design"}) {
		t.Errorf("sectors = %q, want [VIP Design]", got)
	}
}

// An import that consumes its input writes the same friends as one that
// copies it, lets go of the records, and says how many it wrote.
func TestConsumeIsCopy(t *testing.T) {
	input := func() *Input {
		return &Input{Records: []Record{
			rec(1, store.Friend{Name: "Ada Lovelace", Emails: []string{"ada@example.com"}, Sectors: []string{"Tech"}}),
			rec(2, store.Friend{Name: "Bob", Phones: []string{"1"}}),
			rec(3, store.Friend{Name: "ada lovelace", Emails: []string{"ADA@example.com"}, Phones: []string{"2"}}),
		}}
	}
	var got [][]store.Friend
	for _, consume := range []bool{false, true} {
		st := newStore(t)
		in := input()
		p, err := Import(st, in, now, Options{Consume: consume})
		if err != nil {
			t.Fatal(err)
		}
		if p.Added != 2 || p.Merged != 1 || p.Writes() != 2 {
			t.Errorf("consume %v: %d added, %d merged, %d writes; want 2, 1, 2", consume, p.Added, p.Merged, p.Writes())
		}
		if consume && in.Records != nil {
			t.Errorf("consume: %d records still held, want none", len(in.Records))
		}
		if !consume && !reflect.DeepEqual(in, input()) {
			t.Errorf("copy: the input changed: got %+v, want %+v", in.Records, input().Records)
		}
		got = append(got, friends(t, st))
	}
	if !reflect.DeepEqual(got[0], got[1]) {
		t.Errorf("consumed: got %+v, want %+v", got[1], got[0])
	}
}

// Every record added with the name of friends already there or added
// before lists each of them as a possible duplicate, as they stand: the
// existing one with its organisation as a merge filled it, the added ones
// with their source.
func TestDuplicatesListEachSameName(t *testing.T) {
	st := newStore(t, store.Friend{Name: "Ann Lee", Phones: []string{"+1 100"}})
	in := &Input{Records: []Record{
		rec(1, store.Friend{Name: "Ann Lee", Emails: []string{"a1@x.io"}}),
		rec(2, store.Friend{Name: "Bo Chan", Emails: []string{"b1@x.io"}}),
		rec(3, store.Friend{Name: "Ann Lee", Emails: []string{"a2@x.io"}}),
		rec(4, store.Friend{Name: "Bo Chan", Emails: []string{"b2@x.io"}}),
		rec(5, store.Friend{Name: "Ann Lee", Emails: []string{"a1@x.io"}, Org: "Acme"}),
		rec(6, store.Friend{Name: "Ann Lee", Emails: []string{"a3@x.io"}}),
	}}
	p, err := Import(st, in, now, Options{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Ann Lee (#1)"},
		nil,
		{"Ann Lee (#1)", "Ann Lee (in.vcf:1)"},
		{"Bo Chan (in.vcf:2)"},
		nil, // merged into line 1 by its e-mail
		{"Ann Lee (#1)", "Ann Lee (in.vcf:1)", "Ann Lee (in.vcf:3)"},
	}
	for i, w := range want {
		if got := p.Items[i].Duplicates; !reflect.DeepEqual(got, w) {
			t.Errorf("line %d: got duplicates %q, want %q", i+1, got, w)
		}
	}
	if it := p.Items[4]; it.Action != Merge || it.Into != "Ann Lee (in.vcf:1)" {
		t.Errorf("line 5: got %v into %q, want a merge into Ann Lee (in.vcf:1)", it.Action, it.Into)
	}
}
