package store

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParseBoundary(t *testing.T) {
	tests := []struct {
		in   string
		want Boundary
		err  string
	}{
		{"referral", Boundary{Kind: KindReferral}, ""},
		{"referral:Globex forbids it", Boundary{Kind: KindReferral, Note: "Globex forbids it"}, ""},
		{"Referral, exec, own-org : Globex forbids referrals to executives",
			Boundary{Kind: KindReferral, Exec: true, OwnOrg: true, Note: "Globex forbids referrals to executives"}, ""},
		{"chat,until=2027-03-31", Boundary{Kind: KindChat, Until: day("2027-03-31")}, ""},
		{"intro,guess:she seemed uneasy", Boundary{Kind: KindIntro, Guess: true, Note: "she seemed uneasy"}, ""},
		{"intro,if=people she does not know well, or barely:her words",
			Boundary{Kind: KindIntro, If: "people she does not know well, or barely", Note: "her words"}, ""},
		{"referral,executives", Boundary{Kind: KindReferral, Exec: true}, ""},
		{"referral,vp", Boundary{}, `unknown qualifier "vp"`},
		{"chat,until=March", Boundary{}, "not a date"},
		{"chat,exec=yes", Boundary{}, "takes no value"},
		{"intro,if=", Boundary{}, "needs the scope"},
		{"hug", Boundary{}, "unknown kind"},
	}
	for _, tc := range tests {
		got, err := ParseBoundary(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("ParseBoundary(%q) = %+v, %v; want an error with %q", tc.in, got, err, tc.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseBoundary(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
			continue
		}
		back, err := ParseBoundary(got.String())
		if err != nil || !reflect.DeepEqual(back, got) {
			t.Errorf("%q: String %q reads back as %+v, %v", tc.in, got.String(), back, err)
		}
	}
}

func TestBoundaryLapsed(t *testing.T) {
	b := Boundary{Kind: KindChat, Until: day("2027-03-31")}
	rome, err := time.LoadLocation("Europe/Rome")
	if err != nil {
		rome = time.FixedZone("CET", 3600)
	}
	for _, tc := range []struct {
		now  time.Time
		want bool
	}{
		{time.Date(2027, 3, 31, 23, 30, 0, 0, rome), false}, // still the last day where you are
		{time.Date(2027, 4, 1, 0, 30, 0, 0, rome), true},
		{time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), false},
	} {
		if got := b.Lapsed(tc.now); got != tc.want {
			t.Errorf("Lapsed(%v) = %v, want %v", tc.now, got, tc.want)
		}
	}
	if (Boundary{Kind: KindChat}).Lapsed(time.Now()) {
		t.Error("a boundary without a date lapsed")
	}
}

func TestParseMoment(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want Moment
		err  string
	}{
		{"promoted", Moment{Kind: MomentPromoted, At: day("2026-11-25")}, ""},
		{"promoted,at=2026-11-02", Moment{Kind: MomentPromoted, At: day("2026-11-02")}, ""},
		{"leave,at=2026-09-01,until=2027-03-31:parental leave", Moment{Kind: MomentLeave, At: day("2026-09-01"), Until: day("2027-03-31"), Note: "parental leave"}, ""},
		{"Baby, at=2026-10-20: a girl, Sofia", Moment{Kind: MomentBaby, At: day("2026-10-20"), Note: "a girl, Sofia"}, ""},
		{"leave,at=2027-01-01,until=2026-12-01", Moment{}, "ends"},
		{"party", Moment{}, "unknown moment"},
		{"promoted,on=2026-11-02", Moment{}, "unknown qualifier"},
	}
	for _, tc := range tests {
		got, err := ParseMoment(tc.in, now)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("ParseMoment(%q) = %+v, %v; want an error with %q", tc.in, got, err, tc.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseMoment(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
			continue
		}
		back, err := ParseMoment(got.String(), now.Add(time.Hour))
		if err != nil || !back.At.Equal(got.At) || !back.Until.Equal(got.Until) || back.Note != got.Note {
			t.Errorf("%q: String %q reads back as %+v, %v", tc.in, got.String(), back, err)
		}
	}
}

func TestMonthRangeString(t *testing.T) {
	for r, want := range map[MonthRange]string{
		{From: time.December, To: time.December}: "Dec",
		{From: time.March, To: time.April}:       "Mar-Apr",
		{From: time.November, To: time.February}: "Nov-Feb",
	} {
		if got := r.String(); got != want {
			t.Errorf("%v.String() = %q, want %q", r, got, want)
		}
		if back, err := ParseMonthRange(r.String()); err != nil || back != r {
			t.Errorf("%q reads back as %v, %v", r.String(), back, err)
		}
	}
}

// TestJudgementFieldsStored: circles, moments, scoped boundaries, favor
// sizes and request targets survive the store, and the facts carry a
// favor's size and whether a withdrawn ask had reached the friend.
func TestJudgementFieldsStored(t *testing.T) {
	s := New(filepath.Join(t.TempDir(), "kith.db"))
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	f := Friend{Name: "Maria", Circles: []string{"University", "university ", "Climbing club"}}
	var err error
	err = s.Batch(now, func(tx *Tx) error {
		if err := tx.AddFriend(&f); err != nil {
			return err
		}
		if _, err := tx.AddMoment(f.ID, Moment{Kind: MomentPromoted, At: day("2026-11-02")}); err != nil {
			return err
		}
		if _, err := tx.AddMoment(f.ID, Moment{Kind: MomentPromoted, At: day("2026-11-02")}); err != nil {
			return err
		}
		a := Ask{FriendID: f.ID, Kind: KindReferral, Status: StatusSent, TargetPerson: "Marco  Bellini", TargetRole: "VP", Org: "Globex"}
		if err := tx.RecordAsk(&a); err != nil {
			return err
		}
		if _, err := tx.RecordOutcome(a.ID, Outcome{Status: StatusWithdrawn}); err != nil {
			return err
		}
		return tx.AddFavor(&Favor{FriendID: f.ID, What: "liked her post", Size: "Small"})
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Friend(f.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Circles, []string{"University", "Climbing club"}) || !got.HasCircle("climbing CLUB") {
		t.Errorf("circles = %q, want University and Climbing club, compared without case", got.Circles)
	}
	if len(got.Moments) != 1 || got.Moments[0].Kind != MomentPromoted {
		t.Errorf("moments = %+v, want one promotion", got.Moments)
	}
	asks, favors, err := s.History(f.ID)
	if err != nil {
		t.Fatal(err)
	}
	if asks[0].TargetPerson != "Marco Bellini" || asks[0].TargetRole != "VP" || !asks[0].Reached() {
		t.Errorf("ask = %+v, want its target kept and reached (withdrawn after it was sent)", asks[0])
	}
	if favors[0].Size != FavorSmall {
		t.Errorf("favor size = %q, want small", favors[0].Size)
	}
	n, err := s.Network()
	if err != nil {
		t.Fatal(err)
	}
	if fs := n.FavorsOf(0); len(fs) != 1 || SizeOf(fs[0].Size) != FavorSmall {
		t.Errorf("network favor facts = %+v, want one small", fs)
	}
	if as := n.AsksOf(0); len(as) != 1 || !as[0].Reached() {
		t.Errorf("network ask facts = %+v, want one reached", as)
	}
	if err := s.Batch(now, func(tx *Tx) error { return tx.AddFavor(&Favor{FriendID: f.ID, What: "x", Size: "huge"}) }); err == nil {
		t.Error("a favor of size huge: want an error")
	}
	if err := s.Batch(now, func(tx *Tx) error {
		_, err := tx.AddMoment(f.ID, Moment{Kind: "party"})
		return err
	}); err == nil {
		t.Error("a moment of kind party: want an error")
	}
}
