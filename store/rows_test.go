package store

import (
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// wantRows is every friend's row as the friends themselves say it, in
// the name order: what Rows must give.
func wantRows(t *testing.T, s *Store) []Row {
	t.Helper()
	fs, err := s.Friends()
	if err != nil {
		t.Fatal(err)
	}
	c := NewCollator()
	slices.SortStableFunc(fs, func(a, b Friend) int {
		return slices.Compare(nameKey(c, a.Name, a.ID), nameKey(c, b.Name, b.ID))
	})
	out := []Row{}
	for _, f := range fs {
		r := Row{ID: f.ID, Name: f.Name, Nickname: f.Nickname, Org: f.Org, Archived: f.Archived, Person: f.IsPerson()}
		if len(f.Sectors) > 0 {
			r.Sectors = slices.Clone(f.Sectors)
		}
		if len(f.Circles) > 0 {
			r.Circles = slices.Clone(f.Circles)
		}
		out = append(out, r)
	}
	return out
}

func allRows(t *testing.T, s *Store) []Row {
	t.Helper()
	out := []Row{}
	if err := s.Rows(func(r Row) bool { out = append(out, r); return true }); err != nil {
		t.Fatal(err)
	}
	return out
}

func checkRows(t *testing.T, s *Store, when string) {
	t.Helper()
	checkHaystacks(t, s, when)
	if got, want := allRows(t, s), wantRows(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("%s: rows\n got %+v\nwant %+v", when, got, want)
	}
	if rep, err := s.Verify(); err != nil || len(rep.Problems) > 0 {
		t.Errorf("%s: verify: %+v, %v", when, rep, err)
	}
}

// Every write of a friend writes its row in the same transaction: an
// add, an edit of each field a row holds, an archive, an undo.
func TestRowsFollowWrites(t *testing.T) {
	s := newStore(t)
	full := fullFriend()
	full.ID = 0
	err := s.Batch(t0, func(tx *Tx) error {
		for _, f := range []*Friend{
			{Name: "Zed", Org: "Acme Inc.", Sectors: []string{"Fintech"}},
			{Name: "Yan", Nickname: "Y", Org: "ACME", Sectors: []string{"fintech", "design"}, Circles: []string{"University"}},
			{Name: "Acme", Org: "Acme", IsOrg: true},
			&full,
		} {
			if err := tx.AddFriend(f); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	checkRows(t, s, "after the adds")
	if rows := allRows(t, s); !slices.ContainsFunc(rows, func(r Row) bool { return r.Name == "Acme" && !r.Person }) {
		t.Errorf("the organisation's card reads as a person: %+v", rows)
	}
	name, nick, org := "Abe", "", "Initech"
	sectors, circles := []string{"design", "Music"}, []string{"climbing club", "Chess"}
	err = s.Batch(t0.Add(time.Hour), func(tx *Tx) error {
		if _, err := tx.EditFriend(1, FriendPatch{Name: &name, Org: &org, Sectors: &sectors, Circles: &circles}); err != nil {
			return err
		}
		if _, err := tx.EditFriend(2, FriendPatch{Nickname: &nick}); err != nil {
			return err
		}
		_, err := tx.SetArchived(2, true)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	checkRows(t, s, "after the edits")
	if err := s.Batch(t0.Add(2*time.Hour), func(tx *Tx) error { _, err := tx.Undo(); return err }); err != nil {
		t.Fatal(err)
	}
	checkRows(t, s, "after the undo")
	if rows := allRows(t, s); rows[len(rows)-1].Name != "Yan" || rows[len(rows)-1].Archived {
		t.Errorf("after undoing the archive, the last row is %+v, want Yan, active", rows[len(rows)-1])
	}
}

// Rows stops when fn says so; RowPage reads a window of the name order
// and the total; RowsLastMade gives what Roster gives.
func TestRowPagesAndLastMade(t *testing.T) {
	s := newStore(t)
	names := []string{"Émile", "andrea", "Zoë", "André", "Bo", "Andrii"}
	err := s.Batch(t0, func(tx *Tx) error {
		for _, n := range names {
			if err := tx.AddFriend(&Friend{Name: n}); err != nil {
				return err
			}
		}
		for _, a := range []Ask{
			{FriendID: 2, Kind: KindChat, Status: StatusHelped, Created: t0.AddDate(0, 0, -9), Sent: t0.AddDate(0, 0, -9)},
			{FriendID: 5, Kind: KindChat, Status: StatusDraft, Created: t0.AddDate(0, 0, -1)},
			{FriendID: 6, Kind: KindChat, Status: StatusSent, Created: t0.AddDate(0, 0, -3), Sent: t0.AddDate(0, 0, -3)},
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
	all := wantRows(t, s)
	var got []string
	err = s.Rows(func(r Row) bool { got = append(got, r.Name); return len(got) < 3 })
	if err != nil || !reflect.DeepEqual(got, []string{"André", "andrea", "Andrii"}) {
		t.Errorf("the first three rows: %q, %v", got, err)
	}
	for _, tc := range []struct{ offset, n, want int }{{0, 2, 2}, {2, 3, 3}, {4, 10, 2}, {6, 3, 0}, {9, 3, 0}, {1, -1, 5}, {0, 0, 0}} {
		page, total, err := s.RowPage(tc.offset, tc.n)
		if err != nil || total != len(names) || len(page) != tc.want {
			t.Errorf("RowPage(%d, %d) = %d rows, total %d, %v; want %d rows, total %d", tc.offset, tc.n, len(page), total, err, tc.want, len(names))
			continue
		}
		if len(page) > 0 && !reflect.DeepEqual(page, all[tc.offset:tc.offset+len(page)]) {
			t.Errorf("RowPage(%d, %d) = %+v, want %+v", tc.offset, tc.n, page, all[tc.offset:tc.offset+len(page)])
		}
	}
	friends, last, err := s.Roster()
	if err != nil {
		t.Fatal(err)
	}
	want := map[uint64]time.Time{}
	for i := range friends {
		want[friends[i].ID] = last[i]
	}
	n := 0
	err = s.RowsLastMade(func(r Row, at time.Time) bool {
		n++
		if !at.Equal(want[r.ID]) {
			t.Errorf("%s: last made %v, want %v", r.Name, at, want[r.ID])
		}
		return true
	})
	if err != nil || n != len(names) {
		t.Errorf("RowsLastMade: %d rows, %v", n, err)
	}
	if !want[6].Equal(t0.AddDate(0, 0, -3)) {
		t.Errorf("Roster's last ask of Andrii: %v", want[6])
	}
}

// Opening each fixture an older kith wrote runs migrations 5 and 6:
// every name index entry holds its friend's row and haystack, verify
// finds nothing, and the records read back as before (the fixture tests
// check them).
func TestMigrationWritesRows(t *testing.T) {
	for _, fixture := range []string{"schema1.db", "schema2.db", "names2.db", "circles3.db", "rows5.db"} {
		t.Run(fixture, func(t *testing.T) {
			s := New(copyFixture(t, fixture))
			checkRows(t, s, fixture)
			if rows := allRows(t, s); len(rows) < 3 || !slices.ContainsFunc(rows, func(r Row) bool { return r.Archived }) {
				t.Errorf("%s: rows %+v, want several and an archived one", fixture, rows)
			}
			rep, err := s.Verify()
			if err != nil || rep.Schema != 6 || len(rep.Problems) > 0 {
				t.Errorf("%s: schema %d, %+v, %v; want 6 and no problems", fixture, rep.Schema, rep.Problems, err)
			}
		})
	}
}

// A row that does not match its friend (written by hand here: a stale
// organisation, an entry without fields) is a problem verify names; a
// row that fails its checksum is damage every read of the rows reports.
func TestVerifyChecksRows(t *testing.T) {
	for _, tc := range []struct {
		name   string
		value  func(k []byte, f Friend) []byte
		damage bool
	}{
		{"stale", func(k []byte, f Friend) []byte { f.Org = "Elsewhere"; return encodeRow(k, &f) }, false},
		{"no fields", func(k []byte, f Friend) []byte { return emptyEntry(seedNames, k) }, false},
		{"bad checksum", func(k []byte, f Friend) []byte { v := encodeRow(k, &f); v[len(v)-1] ^= 1; return v }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			f := Friend{Name: "Ada", Org: "Acme", Sectors: []string{"tech"}}
			if err := addFriend(s, &f); err != nil {
				t.Fatal(err)
			}
			err := s.update(func(tx *bolt.Tx) error {
				k := nameKey(NewCollator(), f.Name, f.ID)
				return tx.Bucket(bucketNames).Put(k, tc.value(k, f))
			})
			if err != nil {
				t.Fatal(err)
			}
			rep, err := s.Verify()
			if err != nil || len(rep.Problems) == 0 || slices.ContainsFunc(rep.Problems, func(p Problem) bool { return p.Bucket != "names" }) {
				t.Errorf("verify: %+v, %v; want problems in names alone", rep, err)
			}
			rerr := s.Rows(func(Row) bool { return true })
			_, _, perr := s.RowPage(0, 5)
			for _, err := range []error{rerr, perr} {
				if tc.damage != errors.Is(err, ErrCorrupt) {
					t.Errorf("a read of the rows: %v; want ErrCorrupt: %v", err, tc.damage)
				}
			}
		})
	}
}

// RowsLastMade finds each row's summary whether the summaries' ids are
// dense or not (here a stray summary of nobody far beyond the others),
// and a row without a summary is damage.
func TestRowsLastMadeSparseAndMissing(t *testing.T) {
	s := newStore(t)
	if err := addFriend(s, &Friend{Name: "Ada"}); err != nil {
		t.Fatal(err)
	}
	if err := addAsk(s, &Ask{FriendID: 1, Kind: KindChat, Status: StatusSent, Created: t0, Sent: t0}); err != nil {
		t.Fatal(err)
	}
	read := func() (time.Time, error) {
		var at time.Time
		err := s.RowsLastMade(func(_ Row, t time.Time) bool { at = t; return true })
		return at, err
	}
	err := s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSummaries).Put(itob(1<<40), encodeSummary(1<<40, summary{}))
	})
	if err != nil {
		t.Fatal(err)
	}
	if at, err := read(); err != nil || !at.Equal(t0) {
		t.Errorf("with a stray summary: last made %v, %v; want %v", at, err, t0)
	}
	if err := s.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketSummaries).Delete(itob(1)) }); err != nil {
		t.Fatal(err)
	}
	if _, err := read(); !errors.Is(err, ErrCorrupt) {
		t.Errorf("without the friend's summary: %v, want ErrCorrupt", err)
	}
}
