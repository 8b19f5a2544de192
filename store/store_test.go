package store

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

var t0 = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func newStore(t *testing.T) *Store {
	t.Helper()
	return New(filepath.Join(t.TempDir(), "data", "kith.db"), WithLockTimeout(200*time.Millisecond))
}

func fullFriend() Friend {
	return Friend{
		Name: "Ada Lovelace", Nickname: "Ada", Emails: []string{"ada@acme.io", "ada@home.net"},
		Phones: []string{"+39 333 1234567"}, URLs: []string{"https://example.org/ada"},
		Org: "Acme", Role: "CTO", Sectors: []string{"fintech", "tech"}, Closeness: 5,
		WorkedTogether: true, WorkedNote: "Acme, 2019-2021",
		Boundaries: []Boundary{{Kind: KindReferral, Note: "her firm forbids it", Exec: true, OwnOrg: true},
			{Kind: KindRecommendation}, {Kind: KindChat, Until: t0.Add(90 * 24 * time.Hour), Guess: true, If: "only about work, not family"}},
		Busy:    []MonthRange{{From: time.March, To: time.April}, {From: time.November, To: time.February}},
		Circles: []string{"University", "climbing club"},
		Moments: []Moment{{Kind: MomentPromoted, At: t0.Add(-48 * time.Hour)}, {Kind: MomentLeave, At: t0, Until: t0.Add(120 * 24 * time.Hour), Note: "parental leave"}},
		Channel: "email", Notes: "likes tea\nsecond line", Created: t0, Updated: t0.Add(time.Hour), Archived: true,
		Lang: LangItalian, GreetAs: "Contessa",
		Department: "Engines", Birthday: Date{Year: 1985, Month: time.December, Day: 10}, Anniversary: Date{Month: time.July, Day: 8},
		Contact: &Contact{
			NameParts: NameParts{Prefix: "Lady", Given: "Augusta,Ada", Additional: "King", Family: "Lovelace", Suffix: "Countess",
				PhoneticGiven: "ay-da", PhoneticFamily: "luv-lace"},
			Addresses: []Address{{Types: []string{"home"}, Street: "12 St James's Square\nFlat 2", Locality: "London", PostalCode: "SW1Y 4JH",
				Country: "United Kingdom", Label: "12 St James's Square\nLondon"}, {POBox: "PO 7", Extended: "c/o Babbage", Region: "Surrey"}},
			EmailTypes: []Typed{{Value: "ada@acme.io", Types: []string{"work", "internet"}}, {Value: "ada@home.net", Label: "Cottage"}},
			PhoneTypes: []Typed{{Value: "+39 333 1234567", Types: []string{"cell"}}},
			URLTypes:   []Typed{{Value: "https://example.org/ada", Types: []string{"home"}, Label: "HomePage"}},
			Card: Card{UID: "urn:uuid:5ad380fd", Version: "3.0", Sum: "1f2e3d4c5b6a7988", Props: []CardProp{
				{Name: "PHOTO", Params: "ENCODING=b;TYPE=JPEG", Value: "/9j/4AAQ"},
				{Group: "item1", Name: "X-ABRELATEDNAMES", Value: "Charles Babbage"},
				{Group: "item1", Name: "X-ABLabel", Value: "_$!<Friend>!$_"},
				{Name: "TEL", Params: "TYPE=cell;PREF=1", Value: "+39 333 1234567", Of: FieldPhone, Sum: "0123456789abcdef"},
			}},
		},
	}
}

func TestFriendRoundTrip(t *testing.T) {
	s := newStore(t)
	f := fullFriend()
	if err := addFriend(s, &f); err != nil {
		t.Fatal(err)
	}
	if f.ID != 1 {
		t.Errorf("got id %d, want 1", f.ID)
	}
	got, err := s.Friend(f.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, f) {
		t.Errorf("got %+v\nwant %+v", got, f)
	}
}

func TestAskAndFavorRoundTrip(t *testing.T) {
	s := newStore(t)
	f := Friend{Name: "Bo"}
	if err := addFriend(s, &f); err != nil {
		t.Fatal(err)
	}
	a := Ask{FriendID: f.ID, Kind: KindIntro, Topic: "Acme", Sector: "fintech", Org: "Acme", Body: "Hi Bo,\nI'd love…",
		Status: StatusHelped, Created: t0, Sent: t0.Add(time.Minute), Resolved: t0.Add(48 * time.Hour),
		FollowUp: t0.Add(7 * 24 * time.Hour), Thanked: t0.Add(50 * time.Hour), Outcome: "met Carla"}
	if err := addAsk(s, &a); err != nil {
		t.Fatal(err)
	}
	got, err := s.Ask(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, a) {
		t.Errorf("got %+v\nwant %+v", got, a)
	}
	v := Favor{FriendID: f.ID, What: "reviewed her talk", At: t0}
	if err := addFavor(s, &v); err != nil {
		t.Fatal(err)
	}
	favors, err := s.Favors()
	if err != nil {
		t.Fatal(err)
	}
	if len(favors) != 1 || !reflect.DeepEqual(favors[0], v) {
		t.Errorf("got %+v, want [%+v]", favors, v)
	}
}

func TestAddValidates(t *testing.T) {
	s := newStore(t)
	cases := []struct {
		name  string
		f     Friend
		field string
	}{
		{"empty name", Friend{Name: "  "}, "name"},
		{"closeness high", Friend{Name: "A", Closeness: 6}, "closeness"},
		{"closeness low", Friend{Name: "A", Closeness: -1}, "closeness"},
		{"bad email", Friend{Name: "A", Emails: []string{"nope"}}, "email"},
		{"bad boundary", Friend{Name: "A", Boundaries: []Boundary{{Kind: "hug"}}}, "boundary"},
		{"bad month", Friend{Name: "A", Busy: []MonthRange{{From: 13, To: 1}}}, "busy"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := addFriend(s, &c.f)
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != c.field {
				t.Errorf("got %v, want a FieldError on %s", err, c.field)
			}
		})
	}
	if s.Exists() {
		t.Error("a rejected record created the database file")
	}
	if err := addAsk(s, &Ask{FriendID: 99, Kind: KindChat, Status: StatusSent}); !errors.Is(err, ErrNotFound) {
		t.Errorf("ask for a missing friend: got %v, want ErrNotFound", err)
	}
}

func TestHistoryIsPerFriendAndOrdered(t *testing.T) {
	s := newStore(t)
	var ids []uint64
	err := s.Batch(t0, func(tx *Tx) error {
		for _, name := range []string{"A", "B", "C"} {
			f := Friend{Name: name}
			if err := tx.AddFriend(&f); err != nil {
				return err
			}
			ids = append(ids, f.ID)
		}
		// Insert B's asks out of time order, and asks for A and C around them.
		for _, d := range []int{5, 1, 3} {
			for _, id := range ids {
				a := Ask{FriendID: id, Kind: KindChat, Status: StatusSent, Created: t0.AddDate(0, 0, -d), Sent: t0.AddDate(0, 0, -d)}
				if err := tx.AddAsk(&a); err != nil {
					return err
				}
			}
		}
		return tx.AddFavor(&Favor{FriendID: ids[1], What: "x", At: t0})
	})
	if err != nil {
		t.Fatal(err)
	}
	asks, favors, err := s.History(ids[1])
	if err != nil {
		t.Fatal(err)
	}
	if len(asks) != 3 || len(favors) != 1 {
		t.Fatalf("got %d asks and %d favors, want 3 and 1", len(asks), len(favors))
	}
	for i, a := range asks {
		if a.FriendID != ids[1] {
			t.Errorf("ask %d belongs to friend %d", a.ID, a.FriendID)
		}
		if i > 0 && a.At().Before(asks[i-1].At()) {
			t.Errorf("asks out of order: %v before %v", asks[i-1].At(), a.At())
		}
	}
}

func TestPutAskMovesIndex(t *testing.T) {
	s := newStore(t)
	f := Friend{Name: "A"}
	addFriend(s, &f)
	a := Ask{FriendID: f.ID, Kind: KindChat, Status: StatusDraft, Created: t0.AddDate(0, 0, -3)}
	if err := addAsk(s, &a); err != nil {
		t.Fatal(err)
	}
	a.Status, a.Sent = StatusSent, t0
	if err := putAsk(s, &a); err != nil {
		t.Fatal(err)
	}
	n, err := s.Network()
	if err != nil {
		t.Fatal(err)
	}
	heads := n.AsksOf(0)
	if len(heads) != 1 {
		t.Fatalf("got %d index entries, want 1 (the old one must go)", len(heads))
	}
	if heads[0].Status() != StatusSent || heads[0].Sent != t0.UnixNano() {
		t.Errorf("got head %+v, want sent at %v", heads[0], t0)
	}
}

func TestNetworkSpans(t *testing.T) {
	s := newStore(t)
	counts := []int{2, 0, 3}
	err := s.Batch(t0, func(tx *Tx) error {
		for i, c := range counts {
			f := Friend{Name: string(rune('A' + i))}
			if err := tx.AddFriend(&f); err != nil {
				return err
			}
			for j := 0; j < c; j++ {
				if err := tx.AddAsk(&Ask{FriendID: f.ID, Kind: KindAdvice, Status: StatusSent, Created: t0.AddDate(0, 0, -j)}); err != nil {
					return err
				}
				if err := tx.AddFavor(&Favor{FriendID: f.ID, What: "w", At: t0.AddDate(0, -j, 0)}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	n, err := s.Network()
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range counts {
		if got := len(n.AsksOf(i)); got != c {
			t.Errorf("friend %d: got %d asks, want %d", i, got, c)
		}
		if got := len(n.FavorsOf(i)); got != c {
			t.Errorf("friend %d: got %d favors, want %d", i, got, c)
		}
		asks, _, err := s.History(n.Friends[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		for j, a := range n.AsksOf(i) {
			if a.Kind() != KindAdvice || j >= len(asks) || a.ID != asks[j].ID {
				t.Errorf("friend %d: head %+v is not one of their asks", i, a)
			}
		}
	}
	if got := n.Index(n.Friends[2].ID); got != 2 {
		t.Errorf("Index: got %d, want 2", got)
	}
	if got := n.Index(999); got != -1 {
		t.Errorf("Index(999): got %d, want -1", got)
	}
}

func TestFindFriend(t *testing.T) {
	s := newStore(t)
	for _, n := range []string{"Ada Lovelace", "Ada Byron", "Grace Hopper", "Ada"} {
		f := Friend{Name: n}
		if err := addFriend(s, &f); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		q         string
		want      string
		ambiguous bool
		notFound  bool
	}{
		{q: "3", want: "Grace Hopper"},
		{q: "grace", want: "Grace Hopper"},
		{q: "ADA", want: "Ada"}, // exact beats substring
		{q: "ada l", want: "Ada Lovelace"},
		{q: "by", want: "Ada Byron"},
		{q: "a", ambiguous: true},
		{q: "zed", notFound: true},
		{q: "99", notFound: true},
	}
	for _, c := range cases {
		f, err := s.FindFriend(c.q)
		var amb *AmbiguousError
		switch {
		case c.ambiguous:
			if !errors.As(err, &amb) || len(amb.Matches) < 2 || !strings.Contains(err.Error(), "Grace Hopper") {
				t.Errorf("%q: got %v, want an ambiguity listing the matches", c.q, err)
			}
		case c.notFound:
			if !errors.Is(err, ErrNotFound) {
				t.Errorf("%q: got %v, want ErrNotFound", c.q, err)
			}
		case err != nil || f.Name != c.want:
			t.Errorf("%q: got %q, %v; want %q", c.q, f.Name, err, c.want)
		}
	}
}

func TestFilesAndModes(t *testing.T) {
	s := newStore(t)
	if err := s.Check(); err != nil {
		t.Fatalf("a missing database must read as empty: %v", err)
	}
	if fs, err := s.Friends(); err != nil || len(fs) != 0 {
		t.Fatalf("got %v, %v; want no friends and no error", fs, err)
	}
	if s.Exists() {
		t.Fatal("reading created the database")
	}
	if err := addFriend(s, &Friend{Name: "A"}); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, want 0600", fi.Mode().Perm())
	}
	di, _ := os.Stat(filepath.Dir(s.Path()))
	if di.Mode().Perm() != 0o700 {
		t.Errorf("dir mode %v, want 0700", di.Mode().Perm())
	}
}

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestRefusesForeignFilesUntouched(t *testing.T) {
	good := newStore(t)
	for i := 0; i < 300; i++ {
		if err := addFriend(good, &Friend{Name: strings.Repeat("x", 200)}); err != nil {
			t.Fatal(err)
		}
	}
	whole, _ := os.ReadFile(good.Path())
	// Cut the copy a page short of what its meta page says it holds (bbolt
	// grows files ahead of use, so half the file may still be whole).
	m, ok := readMeta(whole[pageHeaderSize:])
	if !ok {
		t.Fatal("cannot read the meta page of a good database")
	}
	truncated := whole[:int(m.pgid-1)*int(m.pageSize)]

	foreign := filepath.Join(t.TempDir(), "foreign.db")
	db, err := bolt.Open(foreign, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("other")); return err })
	db.Close()
	foreignBytes, _ := os.ReadFile(foreign)

	cases := []struct {
		name    string
		content []byte
		want    error
	}{
		{"garbage", bytes.Repeat([]byte("not a database "), 2000), ErrNotKith},
		{"empty", nil, ErrNotKith},
		{"small garbage", []byte("hello"), ErrNotKith},
		{"foreign bbolt", foreignBytes, ErrNotKith},
		{"truncated copy", truncated, ErrCorrupt},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "kith.db")
			if err := os.WriteFile(path, c.content, 0o600); err != nil {
				t.Fatal(err)
			}
			before := sum(t, path)
			s := New(path, WithLockTimeout(100*time.Millisecond))
			if _, err := s.Friends(); !errors.Is(err, c.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("read: got %v, want %v naming the path", err, c.want)
			}
			if err := addFriend(s, &Friend{Name: "A"}); !errors.Is(err, c.want) {
				t.Errorf("write: got %v, want %v", err, c.want)
			}
			if sum(t, path) != before {
				t.Error("the file was modified")
			}
		})
	}
}

func TestRefusesNewerSchema(t *testing.T) {
	s := newStore(t)
	if err := addFriend(s, &Friend{Name: "A"}); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(s.Path(), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, itob(uint64(schemaVersion()+1))) })
	db.Close()
	before := sum(t, s.Path())
	if _, err := s.Friends(); !errors.Is(err, ErrTooNew) || !strings.Contains(err.Error(), "upgrade kith") {
		t.Errorf("read: got %v, want ErrTooNew", err)
	}
	if err := addFriend(s, &Friend{Name: "B"}); !errors.Is(err, ErrTooNew) {
		t.Errorf("write: got %v, want ErrTooNew", err)
	}
	if sum(t, s.Path()) != before {
		t.Error("the file was modified")
	}
}

func TestMigratesOldSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kith.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	// A database at version 0: only the meta bucket.
	db.Update(initSchema)
	db.Close()
	s := New(path)
	if fs, err := s.Friends(); err != nil || len(fs) != 0 {
		t.Fatalf("got %v, %v", fs, err)
	}
	db, err = bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if v := int(btoi(meta.Get(keySchema))); v != schemaVersion() {
			t.Errorf("schema version %d, want %d", v, schemaVersion())
		}
		if log := string(meta.Get(keyMigrations)); !strings.Contains(log, "1 create buckets") {
			t.Errorf("migration log %q does not record the migration", log)
		}
		if tx.Bucket(bucketFriends) == nil {
			t.Error("friends bucket missing after migration")
		}
		return nil
	})
}

func TestLockedDatabaseFailsFast(t *testing.T) {
	s := newStore(t)
	if err := addFriend(s, &Friend{Name: "A"}); err != nil {
		t.Fatal(err)
	}
	holder, err := bolt.Open(s.Path(), 0o600, nil) // an exclusive lock, as a writer holds
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	start := time.Now()
	err = addFriend(s, &Friend{Name: "B"})
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "in use by another process") || !strings.Contains(err.Error(), s.Path()) {
		t.Errorf("got %v, want ErrLocked naming the path", err)
	}
	if _, err := s.Friends(); !errors.Is(err, ErrLocked) {
		t.Errorf("read: got %v, want ErrLocked", err)
	}
	if time.Since(start) > 10*time.Second {
		t.Error("waited far past the lock timeout") // a hang guard, not a timing budget
	}
}

func TestSnapshotRestore(t *testing.T) {
	src := newStore(t)
	f := fullFriend()
	addFriend(src, &f)
	g := Friend{Name: "Grace"}
	addFriend(src, &g)
	addAsk(src, &Ask{FriendID: g.ID, Kind: KindChat, Status: StatusSent, Created: t0, Sent: t0, Body: "b"})
	addFavor(src, &Favor{FriendID: f.ID, What: "w", At: t0})
	p := DefaultProfile()
	p.Name, p.Blurb, p.Lang = "Me", "I am me", LangItalian
	p.Questions = map[string][]string{"fintech": {"How did you start?"}}
	putProfile(src, p)
	snap, err := src.Snapshot(t0)
	if err != nil {
		t.Fatal(err)
	}
	dst := newStore(t)
	if err := dst.Restore(snap); err != nil {
		t.Fatal(err)
	}
	again, err := dst.Snapshot(t0)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(snap, again) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", again, snap)
	}
	// New records continue after the restored ids.
	h := Friend{Name: "H"}
	if err := addFriend(dst, &h); err != nil || h.ID != 3 {
		t.Errorf("got id %d, %v; want 3", h.ID, err)
	}
	if err := dst.Restore(snap); !errors.Is(err, ErrNotEmpty) {
		t.Errorf("restore into a non-empty database: got %v, want ErrNotEmpty", err)
	}
}

func TestRestoreIsAllOrNothing(t *testing.T) {
	snap := &Snapshot{SchemaVersion: 1, Profile: DefaultProfile(),
		Friends: []Friend{{ID: 1, Name: "A", Closeness: 3}},
		Asks:    []Ask{{ID: 1, FriendID: 1, Kind: KindChat, Status: StatusSent, Created: t0}, {ID: 2, FriendID: 7, Kind: KindChat, Status: StatusSent, Created: t0}}}
	s := newStore(t)
	if err := s.Restore(snap); err == nil {
		t.Fatal("an ask for a missing friend was accepted")
	}
	if fs, _ := s.Friends(); len(fs) != 0 {
		t.Errorf("a failed restore left %d friends", len(fs))
	}
}

func TestBackup(t *testing.T) {
	s := newStore(t)
	addFriend(s, &Friend{Name: "A"})
	out := filepath.Join(t.TempDir(), "backup.db")
	if err := s.BackupFile(out, false); err != nil {
		t.Fatal(err)
	}
	if fs, err := New(out).Friends(); err != nil || len(fs) != 1 {
		t.Errorf("backup reads %v, %v; want one friend", fs, err)
	}
	if err := s.BackupFile(out, false); err == nil || !strings.Contains(err.Error(), "--force") {
		t.Errorf("got %v, want a refusal mentioning --force", err)
	}
	if err := s.BackupFile(out, true); err != nil {
		t.Errorf("--force: %v", err)
	}
}

func TestProfileDefaultsAndValidation(t *testing.T) {
	s := newStore(t)
	p, err := s.Profile()
	if err != nil || p.Lang != LangEnglish || p.Settings.CooldownDays != DefaultCooldownDays {
		t.Errorf("got %+v, %v; want the defaults", p, err)
	}
	p.Lang = "fr"
	var fe *FieldError
	if err := putProfile(s, p); !errors.As(err, &fe) || fe.Field != "lang" {
		t.Errorf("got %v, want a lang FieldError", err)
	}
}

func TestRosterLastAsk(t *testing.T) {
	s := newStore(t)
	err := s.Batch(t0, func(tx *Tx) error {
		for _, name := range []string{"never", "made", "only drafts"} {
			if err := tx.AddFriend(&Friend{Name: name}); err != nil {
				return err
			}
		}
		for _, a := range []Ask{
			{FriendID: 2, Kind: KindChat, Status: StatusHelped, Created: t0.AddDate(0, 0, -9), Sent: t0.AddDate(0, 0, -9)},
			{FriendID: 2, Kind: KindChat, Status: StatusSent, Created: t0.AddDate(0, 0, -3), Sent: t0.AddDate(0, 0, -3)},
			{FriendID: 2, Kind: KindChat, Status: StatusDraft, Created: t0.AddDate(0, 0, -1)},
			{FriendID: 3, Kind: KindChat, Status: StatusWithdrawn, Created: t0.AddDate(0, 0, -2)},
		} {
			if err := tx.AddAsk(&a); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	friends, last, err := s.Roster()
	if err != nil || len(friends) != 3 {
		t.Fatalf("got %d friends, %v", len(friends), err)
	}
	want := []time.Time{{}, t0.AddDate(0, 0, -3), {}}
	n, _ := s.Network()
	for i := range want {
		if !last[i].Equal(want[i]) {
			t.Errorf("%s: got %v, want %v", friends[i].Name, last[i], want[i])
		}
		if !n.LastAsk(i).Equal(want[i]) {
			t.Errorf("%s: Network.LastAsk got %v, want %v", friends[i].Name, n.LastAsk(i), want[i])
		}
	}
}

// A crash during the very first write leaves a bbolt file with no buckets:
// kith must take it as an empty database of its own, not a foreign file.
func TestBlankBoltFileIsAnEmptyDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kith.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	s := New(path)
	if fs, err := s.Friends(); err != nil || len(fs) != 0 {
		t.Fatalf("read: got %v, %v; want an empty database", fs, err)
	}
	if err := addFriend(s, &Friend{Name: "A"}); err != nil {
		t.Fatalf("write: %v", err)
	}
	if fs, err := s.Friends(); err != nil || len(fs) != 1 {
		t.Errorf("got %v, %v; want one friend", fs, err)
	}
}

// Friends decodes every friend's lists from shared chunks: appending to
// one friend's list must never write into another's.
func TestFriendsListsDoNotAlias(t *testing.T) {
	s := newStore(t)
	for _, name := range []string{"A", "B", "C"} {
		f := Friend{Name: name, Emails: []string{name + "@x.io"}, Sectors: []string{"s" + name},
			Boundaries: []Boundary{{Kind: KindChat}}, Busy: []MonthRange{{1, 2}}}
		if err := addFriend(s, &f); err != nil {
			t.Fatal(err)
		}
	}
	fs, err := s.Friends()
	if err != nil {
		t.Fatal(err)
	}
	fs[0].Emails = append(fs[0].Emails, "new@x.io")
	fs[0].Sectors = append(fs[0].Sectors, "new")
	fs[0].Boundaries = append(fs[0].Boundaries, Boundary{Kind: KindIntro})
	fs[0].Busy = append(fs[0].Busy, MonthRange{5, 6})
	if fs[1].Emails[0] != "B@x.io" || fs[1].Sectors[0] != "sB" || fs[1].Boundaries[0].Kind != KindChat || fs[1].Busy[0] != (MonthRange{1, 2}) {
		t.Errorf("appending to friend A changed friend B: %+v", fs[1])
	}
}

// Processes creating the same new database at once must end with one
// whole database holding every write, and no temporary file left behind.
func TestConcurrentCreation(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	path := filepath.Join(dir, "kith.db")
	const writers = 6
	errs := make(chan error, writers)
	for i := 0; i < writers; i++ {
		go func(i int) {
			// Separate Store values, as separate processes would have.
			errs <- addFriend(New(path, WithLockTimeout(5*time.Second)), &Friend{Name: fmt.Sprintf("W%d", i)})
		}(i)
	}
	for i := 0; i < writers; i++ {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	fs, err := New(path).Friends()
	if err != nil || len(fs) != writers {
		t.Fatalf("got %d friends, %v; want %d", len(fs), err, writers)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{".kith.db.lock", "kith.db"}; !reflect.DeepEqual(names, want) {
		t.Errorf("the directory holds %v, want %v (the database and its gate)", names, want)
	}
}
