package vsync

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"kith/store"
)

func newStore(t *testing.T) *store.Store {
	t.Helper()
	return store.New(filepath.Join(t.TempDir(), "kith.db"))
}

func add(t *testing.T, st *store.Store, fs ...store.Friend) {
	t.Helper()
	if err := st.Batch(now, func(tx *store.Tx) error {
		for i := range fs {
			if err := tx.AddFriend(&fs[i]); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

func edit(t *testing.T, st *store.Store, name string, fn func(f *store.Friend)) {
	t.Helper()
	f, err := st.FindFriend(name)
	if err != nil {
		t.Fatal(err)
	}
	fn(&f)
	if err := st.Batch(now, func(tx *store.Tx) error { return tx.PutFriend(&f) }); err != nil {
		t.Fatal(err)
	}
}

func sync(t *testing.T, st *store.Store, dir string, opts Options) *Plan {
	t.Helper()
	p, err := Sync(st, dir, now, opts)
	if err != nil {
		t.Fatalf("sync: %v", err)
	}
	return p
}

// inStep fails unless a sync finds nothing to do.
func inStep(t *testing.T, st *store.Store, dir string) {
	t.Helper()
	p := sync(t, st, dir, Options{DryRun: true})
	for _, c := range p.Changes {
		if c.Action != InStep {
			t.Errorf("%s: %v (from the card %q, from kith %q, conflicts %v), want in step", c.Name, c.Action, c.FromCard, c.FromKith, c.Conflicts)
		}
	}
	if len(p.Problems) > 0 {
		t.Errorf("problems: %v", p.Problems)
	}
}

// sides describes both sides: each friend's name and sums (archived ones
// marked), and each card's.
func sides(t *testing.T, st *store.Store, dir string) (kith, cards []string) {
	t.Helper()
	fs, err := st.Friends()
	if err != nil {
		t.Fatal(err)
	}
	for i := range fs {
		s := store.SyncSums(&fs[i])
		kith = append(kith, fmt.Sprintf("%s archived=%v %s", fs[i].Name, fs[i].Archived, short(s)))
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.vcf"))
	for _, n := range files {
		data, _ := os.ReadFile(n)
		f, _, _, why := parseCard(data, n)
		if why != "" {
			t.Fatalf("%s: %s", n, why)
		}
		s := store.SyncSums(&f)
		cards = append(cards, fmt.Sprintf("%s %s", f.Name, short(s)))
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
		t.Errorf("left in the folder: %v", left)
	}
	sort.Strings(kith)
	sort.Strings(cards)
	return kith, cards
}

// short names the fields of sums by their sums' last 4 hex digits.
func short(sums store.FieldSums) string {
	var b strings.Builder
	for i, s := range sums {
		fmt.Fprintf(&b, " %s:%04x", store.SyncFields[i], s&0xffff)
	}
	return b.String()
}

func TestSyncTwoWays(t *testing.T) {
	st, dir := newStore(t), t.TempDir()
	add(t, st, store.Friend{Name: "Ada Lovelace", Emails: []string{"ada@example.com"}}, store.Friend{Name: "Bob Stone", Org: "Acme"})
	p := sync(t, st, dir, Options{})
	if p.Count(AddCard) != 2 {
		t.Fatalf("first sync: %d new cards, want 2", p.Count(AddCard))
	}
	inStep(t, st, dir)

	// a card edited in the folder, a friend edited in kith, a card added
	files, _ := filepath.Glob(filepath.Join(dir, "*.vcf"))
	for _, n := range files {
		b, _ := os.ReadFile(n)
		if bytes.Contains(b, []byte("FN:Ada")) {
			os.WriteFile(n, bytes.Replace(b, []byte("EMAIL:ada@example.com"), []byte("EMAIL;TYPE=work:ada@work.example\r\nTEL;TYPE=cell:+39 333 1234"), 1), 0o600)
		}
	}
	edit(t, st, "Bob", func(f *store.Friend) { f.Role = "CTO" })
	os.WriteFile(filepath.Join(dir, "carol.vcf"), []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Khard//khard//EN\r\nUID:carol-1\r\nFN:Carol King\r\nN:King;Carol;;;\r\nPHOTO;ENCODING=b;TYPE=JPEG:AAAA\r\nEND:VCARD\r\n"), 0o600)

	dry := sync(t, st, dir, Options{DryRun: true})
	if dry.Count(Merge) != 2 || dry.Count(AddFriend) != 1 {
		t.Fatalf("dry run: %d merged, %d new friends; want 2 and 1", dry.Count(Merge), dry.Count(AddFriend))
	}
	if _, err := st.FindFriend("Carol"); err == nil {
		t.Fatal("the dry run wrote a friend")
	}
	sync(t, st, dir, Options{})
	ada, _ := st.FindFriend("Ada")
	if !slices.Equal(ada.Emails, []string{"ada@work.example"}) || !slices.Equal(ada.Phones, []string{"+39 333 1234"}) {
		t.Errorf("Ada: %q %q, want the card's e-mail and phone", ada.Emails, ada.Phones)
	}
	if _, err := st.FindFriend("Carol"); err != nil {
		t.Errorf("Carol: %v", err)
	}
	var bob []byte
	files, _ = filepath.Glob(filepath.Join(dir, "*.vcf"))
	for _, n := range files {
		if b, _ := os.ReadFile(n); bytes.Contains(b, []byte("FN:Bob")) {
			bob = b
		}
	}
	if !bytes.Contains(bob, []byte("TITLE:CTO")) {
		t.Errorf("Bob's card lacks kith's change:\n%s", bob)
	}
	inStep(t, st, dir)

	// deletions each way: Carol's card deleted, Bob archived
	os.Remove(filepath.Join(dir, "carol.vcf"))
	edit(t, st, "Bob", func(f *store.Friend) { f.Archived = true })
	p = sync(t, st, dir, Options{})
	if p.Count(ArchiveFriend) != 1 || p.Count(DeleteCard) != 1 {
		t.Fatalf("%d archived, %d cards deleted; want 1 and 1", p.Count(ArchiveFriend), p.Count(DeleteCard))
	}
	if c, _ := st.FindFriend("Carol"); !c.Archived {
		t.Error("Carol not archived")
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*.vcf")); len(files) != 1 {
		t.Errorf("cards %v, want Ada's only", files)
	}
	inStep(t, st, dir)
	// restored in kith: the card comes back
	edit(t, st, "Bob", func(f *store.Friend) { f.Archived = false })
	if p := sync(t, st, dir, Options{}); p.Count(AddCard) != 1 {
		t.Errorf("restoring Bob: %d new cards, want 1", p.Count(AddCard))
	}
	inStep(t, st, dir)
}

// Every property of a card comes back through kith: a card read in, then
// written out by kith after a change there, reads back as in step.
func TestSyncKeepsEveryProperty(t *testing.T) {
	st, dir := newStore(t), t.TempDir()
	for _, fixture := range []string{"rfc6350-all.vcf", "v30-apple.vcf", "v40.vcf"} {
		data, err := os.ReadFile(filepath.Join("..", "vcard", "testdata", fixture))
		if err != nil {
			t.Fatal(err)
		}
		// one card a file, as a vdir keeps them
		for i, c := range strings.SplitAfter(string(data), "END:VCARD") {
			if strings.Contains(c, "BEGIN:VCARD") {
				os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%d.vcf", fixture, i)), []byte(strings.TrimLeft(c, "\r\n")), 0o600)
			}
		}
	}
	p := sync(t, st, dir, Options{})
	if p.Count(AddFriend) == 0 || len(p.Problems) > 0 {
		t.Fatalf("%d new friends, problems %v", p.Count(AddFriend), p.Problems)
	}
	inStep(t, st, dir)
	before, _ := filepath.Glob(filepath.Join(dir, "*.vcf"))
	props := map[string]int{}
	for _, n := range before {
		b, _ := os.ReadFile(n)
		props[filepath.Base(n)] = bytes.Count(b, []byte("\n"))
	}
	fs, _ := st.Friends()
	for _, f := range fs {
		edit(t, st, fmt.Sprint(f.ID), func(f *store.Friend) { f.Closeness = 5 })
	}
	p = sync(t, st, dir, Options{})
	if p.Count(Merge) != len(fs) {
		t.Fatalf("%d merged, want all %d", p.Count(Merge), len(fs))
	}
	inStep(t, st, dir)
	for _, n := range before {
		b, _ := os.ReadFile(n)
		if !bytes.Contains(b, []byte("X-KITH-CLOSENESS:5")) {
			t.Errorf("%s: kith's change not written", filepath.Base(n))
		}
	}
}

// A crash at any step of a sync (between the card files, after them,
// after the deletions, before the database) is repaired by the next
// sync: both sides end as a sync without the crash leaves them, and no
// conflict is reported.
func TestSyncCrash(t *testing.T) {
	setup := func(t *testing.T) (*store.Store, string) {
		st, dir := newStore(t), t.TempDir()
		add(t, st, store.Friend{Name: "Ada Lovelace", Emails: []string{"ada@example.com"}},
			store.Friend{Name: "Bob Stone"}, store.Friend{Name: "Carol King"}, store.Friend{Name: "Dan Brown"})
		sync(t, st, dir, Options{})
		edit(t, st, "Ada", func(f *store.Friend) { f.Org = "Engines" })                 // to the card
		edit(t, st, "Dan", func(f *store.Friend) { f.Archived = true })                 // the card goes
		add(t, st, store.Friend{Name: "Eve Moss", Emails: []string{"eve@example.com"}}) // a new card
		files, _ := filepath.Glob(filepath.Join(dir, "*.vcf"))
		for _, n := range files {
			b, _ := os.ReadFile(n)
			switch {
			case bytes.Contains(b, []byte("FN:Ada")): // and a change from the card
				os.WriteFile(n, bytes.Replace(b, []byte("END:VCARD"), []byte("TEL:+1 555 0100\r\nEND:VCARD"), 1), 0o600)
			case bytes.Contains(b, []byte("FN:Carol")):
				os.Remove(n) // the friend is archived
			}
		}
		os.WriteFile(filepath.Join(dir, "fay.vcf"), []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:fay\r\nFN:Fay Wray\r\nEND:VCARD\r\n"), 0o600)
		return st, dir
	}
	st, dir := setup(t)
	sync(t, st, dir, Options{})
	wantKith, wantCards := sides(t, st, dir)
	if len(wantCards) != 4 || !strings.Contains(strings.Join(wantKith, "\n"), "Carol King archived=true") {
		t.Fatalf("without a crash: kith %q, cards %q", wantKith, wantCards)
	}
	inStep(t, st, dir)

	crash := errors.New("crash")
	for _, step := range []string{"card 1 written", "card 2 written", "cards written", "cards deleted"} {
		t.Run(step, func(t *testing.T) {
			st, dir := setup(t)
			_, err := Sync(st, dir, now, Options{crash: func(s string) error {
				if s == step {
					return crash
				}
				return nil
			}})
			if !errors.Is(err, crash) {
				t.Fatalf("sync: %v, want the crash", err)
			}
			p := sync(t, st, dir, Options{})
			if p.Conflicts() > 0 {
				for _, c := range p.Changes {
					if len(c.Conflicts) > 0 {
						t.Errorf("%s: conflicts %v after the crash", c.Name, c.Conflicts)
					}
				}
			}
			kith, cards := sides(t, st, dir)
			if !slices.Equal(kith, wantKith) || !slices.Equal(cards, wantCards) {
				t.Errorf("after the crash and a sync:\nkith %q\ncards %q\nwant\nkith %q\ncards %q", kith, cards, wantKith, wantCards)
			}
			inStep(t, st, dir)
		})
	}
}

func TestSyncNotAFolder(t *testing.T) {
	st := newStore(t)
	f := filepath.Join(t.TempDir(), "x.vcf")
	os.WriteFile(f, nil, 0o600)
	if _, err := Sync(st, f, now, Options{}); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("sync of a file: %v", err)
	}
	if _, err := Sync(st, filepath.Join(f, "nope"), now, Options{}); err == nil {
		t.Error("sync of a missing folder: no error")
	}
}

// A file kith cannot read is left alone, and so is its friend.
func TestSyncLeavesUnreadableCards(t *testing.T) {
	st, dir := newStore(t), t.TempDir()
	add(t, st, store.Friend{Name: "Ada Lovelace"})
	sync(t, st, dir, Options{})
	files, _ := filepath.Glob(filepath.Join(dir, "*.vcf"))
	os.WriteFile(files[0], []byte("BEGIN:VCARD\r\nFN:cut short\r\n"), 0o600)
	group := "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:group\r\nUID:g1\r\nFN:Family\r\nEND:VCARD\r\n"
	os.WriteFile(filepath.Join(dir, "group.vcf"), []byte(group), 0o600)
	os.WriteFile(filepath.Join(dir, "twin.vcf"), []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:g1\r\nFN:Twin\r\nEND:VCARD\r\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "twin2.vcf"), []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:g1\r\nFN:Other Twin\r\nEND:VCARD\r\n"), 0o600)
	p := sync(t, st, dir, Options{})
	if len(p.Problems) != 3 || p.Count(ArchiveFriend) != 0 || p.Count(AddFriend) != 1 {
		t.Fatalf("problems %v, %d archived, %d added; want three problems (the cut card, the group, the second file of a UID), Ada left alone and the twin added", p.Problems, p.Count(ArchiveFriend), p.Count(AddFriend))
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "group.vcf")); string(b) != group {
		t.Error("the group card was changed")
	}
	if a, _ := st.FindFriend("Ada"); a.Archived {
		t.Error("Ada archived for an unreadable card")
	}
	if b, _ := os.ReadFile(files[0]); !bytes.Contains(b, []byte("cut short")) {
		t.Error("the unreadable card was overwritten")
	}
}

// A sync that finds both sides in step does not write the database.
func TestSyncInStepWritesNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kith.db")
	st, dir := store.New(db), t.TempDir()
	add(t, st, store.Friend{Name: "Ada Lovelace"})
	sync(t, st, dir, Options{})
	before, _ := os.Stat(db)
	data, _ := os.ReadFile(db)
	time.Sleep(10 * time.Millisecond)
	if p := sync(t, st, dir, Options{}); p.Count(InStep) != 1 {
		t.Fatalf("%d in step, want 1", p.Count(InStep))
	}
	after, _ := os.Stat(db)
	now, _ := os.ReadFile(db)
	if !after.ModTime().Equal(before.ModTime()) || !bytes.Equal(now, data) {
		t.Error("a sync with nothing to do wrote the database")
	}
}

// A friend changed in kith while a sync writes the folder (the TUI, say)
// stops the sync before the database, and the next sync takes both
// that change and the card's.
func TestSyncFriendChangedMeanwhile(t *testing.T) {
	st, dir := newStore(t), t.TempDir()
	add(t, st, store.Friend{Name: "Ada Lovelace"})
	sync(t, st, dir, Options{})
	edit(t, st, "Ada", func(f *store.Friend) { f.Org = "Engines" })
	_, err := Sync(st, dir, now, Options{crash: func(step string) error {
		if step == "cards written" {
			edit(t, st, "Ada", func(f *store.Friend) { f.Role = "Countess" })
		}
		return nil
	}})
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("sync: %v, want ErrChanged", err)
	}
	if p := sync(t, st, dir, Options{}); p.Conflicts() > 0 {
		t.Errorf("conflicts after the change: %+v", p.Changes)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.vcf"))
	b, _ := os.ReadFile(files[0])
	if !bytes.Contains(b, []byte("ORG:Engines")) || !bytes.Contains(b, []byte("TITLE:Countess")) {
		t.Errorf("the card lacks one of kith's changes:\n%s", b)
	}
	inStep(t, st, dir)
}
