package demo

import (
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"kith/store"
)

var testNow = time.Date(2026, time.November, 25, 18, 30, 0, 0, time.UTC)

// snapshot fills a fresh database with fn and returns its contents.
func snapshot(t *testing.T, fn func(st *store.Store) error) *store.Snapshot {
	t.Helper()
	st := store.New(filepath.Join(t.TempDir(), "kith.db"))
	if err := fn(st); err != nil {
		t.Fatal(err)
	}
	snap, err := st.Snapshot(testNow)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

func filled(t *testing.T, n int, seed int64) *store.Snapshot {
	t.Helper()
	return snapshot(t, func(st *store.Store) error { return Fill(st, n, seed, testNow, nil) })
}

func TestDeterministic(t *testing.T) {
	a := filled(t, 120, 7)
	b := filled(t, 120, 7)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed gave different networks")
	}
	c := filled(t, 120, 8)
	if reflect.DeepEqual(a.Friends, c.Friends) {
		t.Fatal("different seeds gave the same friends")
	}
	same := 0
	for i := range a.Friends {
		if a.Friends[i].Name == c.Friends[i].Name {
			same++
		}
	}
	if same > 12 {
		t.Errorf("seeds 7 and 8 share %d of 120 names at the same position; want few", same)
	}
}

func TestChunkingDoesNotChangeTheNetwork(t *testing.T) {
	whole := snapshot(t, func(st *store.Store) error {
		return fill(st, 50, 3, testNow, 50, nil) // one transaction
	})
	var calls []int
	chunked := snapshot(t, func(st *store.Store) error {
		return fill(st, 50, 3, testNow, 7, func(done int) { calls = append(calls, done) })
	})
	if !reflect.DeepEqual(whole, chunked) {
		t.Fatal("fill in one transaction and in chunks of 7 differ")
	}
	want := []int{7, 14, 21, 28, 35, 42, 49, 50}
	if !slices.Equal(calls, want) {
		t.Errorf("progress calls = %v, want %v", calls, want)
	}
}

func TestCounts(t *testing.T) {
	const n = 400
	snap := filled(t, n, 1)
	if got := len(snap.Friends); got != n {
		t.Fatalf("friends = %d, want %d", got, n)
	}
	if perFriend := float64(len(snap.Asks)) / n; perFriend < 8.5 || perFriend > 11.5 {
		t.Errorf("asks per friend = %.2f, want about 10", perFriend)
	}
	if perFriend := float64(len(snap.Favors)) / n; perFriend < 1 || perFriend > 3 {
		t.Errorf("favors per friend = %.2f, want a few (1-3)", perFriend)
	}
	if snap.Profile.Name == "" || snap.Profile.Blurbs[store.LangEnglish] == "" || snap.Profile.Blurbs[store.LangItalian] == "" {
		t.Errorf("profile = %+v, want a demo name and blurb", snap.Profile)
	}
}

func TestZeroAndNegative(t *testing.T) {
	snap := filled(t, 0, 1)
	if len(snap.Friends)+len(snap.Asks)+len(snap.Favors) != 0 {
		t.Errorf("n=0 wrote %d friends, %d asks, %d favors", len(snap.Friends), len(snap.Asks), len(snap.Favors))
	}
	st := store.New(filepath.Join(t.TempDir(), "kith.db"))
	if err := Fill(st, -1, 1, testNow, nil); err == nil || !strings.Contains(err.Error(), "friends") {
		t.Errorf("Fill(-1) error = %v, want one naming friends", err)
	}
	if st.Exists() {
		t.Error("Fill(-1) created the database")
	}
}

func TestKeepsAnExistingProfile(t *testing.T) {
	snap := snapshot(t, func(st *store.Store) error {
		p := store.DefaultProfile()
		p.Name = "Giulia Rossi"
		if err := st.Batch(testNow, func(tx *store.Tx) error { return tx.PutProfile(p) }); err != nil {
			return err
		}
		return Fill(st, 5, 1, testNow, nil)
	})
	if snap.Profile.Name != "Giulia Rossi" || snap.Profile.Blurb != "" {
		t.Errorf("profile = %q / %q, want the user's own kept", snap.Profile.Name, snap.Profile.Blurb)
	}
}

func TestEveryRecordValidates(t *testing.T) {
	snap := filled(t, 300, 11)
	ascii := regexp.MustCompile(`^[a-z0-9.]+@[a-z0-9.-]+\.[a-z.]+$`)
	for _, f := range snap.Friends {
		if err := f.Validate(); err != nil {
			t.Errorf("friend %d %q: %v", f.ID, f.Name, err)
		}
		g := f
		g.Normalize()
		if !reflect.DeepEqual(f, g) {
			t.Errorf("friend %d is not normalized: %+v", f.ID, f)
		}
		for _, s := range []string{f.Name, f.Nickname, f.Org, f.Role, f.WorkedNote, f.Notes, f.Channel} {
			if store.CleanText(s, false) != s {
				t.Errorf("friend %d: %q is not clean text", f.ID, s)
			}
		}
		for _, e := range f.Emails {
			if !ascii.MatchString(e) {
				t.Errorf("friend %d: e-mail %q is not a plain address", f.ID, e)
			}
		}
		for _, p := range f.Phones {
			if !strings.HasPrefix(p, "+") || len(p) < 10 {
				t.Errorf("friend %d: phone %q is not international", f.ID, p)
			}
		}
		for _, s := range f.Sectors {
			if s != strings.ToLower(s) || strings.ContainsRune(s, ' ') {
				t.Errorf("friend %d: sector %q is not a lower-case tag", f.ID, s)
			}
		}
	}
	for _, a := range snap.Asks {
		if err := a.Validate(); err != nil {
			t.Errorf("ask %d: %v", a.ID, err)
		}
		if a.Topic == "" || strings.Contains(a.Topic, "%!") || strings.Contains(a.Outcome, "%!") {
			t.Errorf("ask %d: topic %q outcome %q", a.ID, a.Topic, a.Outcome)
		}
	}
	for _, v := range snap.Favors {
		if err := v.Validate(); err != nil {
			t.Errorf("favor %d: %v", v.ID, err)
		}
		if strings.Contains(v.What, "%!") {
			t.Errorf("favor %d: what %q", v.ID, v.What)
		}
	}
	for _, f := range snap.Friends {
		if strings.Contains(f.Notes+f.WorkedNote, "%!") {
			t.Errorf("friend %d: bad template in %q / %q", f.ID, f.Notes, f.WorkedNote)
		}
		for _, b := range f.Boundaries {
			if strings.Contains(b.Note, "%!") {
				t.Errorf("friend %d: boundary %q", f.ID, b)
			}
		}
	}
}

func TestTimesAreConsistent(t *testing.T) {
	snap := filled(t, 300, 5)
	created := map[uint64]time.Time{}
	for _, f := range snap.Friends {
		created[f.ID] = f.Created
		if f.Updated.Before(f.Created) || f.Updated.After(testNow) {
			t.Errorf("friend %d: created %v updated %v", f.ID, f.Created, f.Updated)
		}
	}
	twoYears := testNow.AddDate(-2, 0, -4)
	for _, a := range snap.Asks {
		if a.Created.Before(created[a.FriendID]) {
			t.Errorf("ask %d created %v before its friend (%v)", a.ID, a.Created, created[a.FriendID])
		}
		if a.Created.Before(twoYears) || a.At().After(testNow) {
			t.Errorf("ask %d at %v, want within the two years before %v", a.ID, a.At(), testNow)
		}
		if a.Status.Made() == a.Sent.IsZero() {
			t.Errorf("ask %d status %s sent %v: made asks have a sent time, others none", a.ID, a.Status, a.Sent)
		}
		if !a.Sent.IsZero() && a.Sent.Before(a.Created) {
			t.Errorf("ask %d sent %v before created %v", a.ID, a.Sent, a.Created)
		}
		resolved := a.Status == store.StatusHelped || a.Status == store.StatusDeclined
		if resolved == a.Resolved.IsZero() {
			t.Errorf("ask %d status %s resolved %v: helped and declined asks have a resolved time, others none", a.ID, a.Status, a.Resolved)
		}
		if resolved && (a.Resolved.Before(a.Sent) || a.Resolved.After(testNow)) {
			t.Errorf("ask %d sent %v resolved %v", a.ID, a.Sent, a.Resolved)
		}
		if !a.Thanked.IsZero() && (a.Status != store.StatusHelped || a.Thanked.Before(a.Resolved) || a.Thanked.After(testNow)) {
			t.Errorf("ask %d status %s resolved %v thanked %v", a.ID, a.Status, a.Resolved, a.Thanked)
		}
		if a.Status == store.StatusDraft && a.Body == "" {
			t.Errorf("draft %d has no body", a.ID)
		}
		// a resumed draft has its subject, and asks in its first sentence
		// (rule 1, in the wording the checklist knows: "writing to ask")
		if a.Status == store.StatusDraft && (!strings.HasPrefix(a.Body, "Subject: "+a.Topic+"\n\n") || !strings.Contains(a.Body, ",\n\nI'm writing to ask ")) {
			t.Errorf("draft %d lacks its subject or its ask: %q", a.ID, a.Body)
		}
	}
	for _, v := range snap.Favors {
		if v.At.After(testNow) || v.At.Before(created[v.FriendID]) {
			t.Errorf("favor %d at %v (friend created %v)", v.ID, v.At, created[v.FriendID])
		}
	}
}

func TestRealisticDistribution(t *testing.T) {
	const n = 2000
	snap := filled(t, n, 42)
	byID := map[uint64]*store.Friend{}

	closeness := map[int]int{}
	scripts := map[string]int{}
	sectorCount := map[string]int{}
	worked, bounded, wrap := 0, 0, 0
	accountants, accountantsMarApr := 0, 0
	diacritics := 0
	for i := range snap.Friends {
		f := &snap.Friends[i]
		byID[f.ID] = f
		closeness[f.Closeness]++
		for _, r := range f.Name {
			for name, tab := range map[string]*unicode.RangeTable{"Han": unicode.Han, "Hangul": unicode.Hangul,
				"Greek": unicode.Greek, "Arabic": unicode.Arabic, "Cyrillic": unicode.Cyrillic} {
				if unicode.Is(tab, r) {
					scripts[name]++
				}
			}
			if unicode.Is(unicode.Latin, r) && r > 0x7f {
				diacritics++
			}
		}
		for _, s := range f.Sectors {
			sectorCount[s]++
		}
		if f.WorkedTogether {
			worked++
			if !regexp.MustCompile(`^At .+(, \d{4}–\d{4}| since \d{4}), on .+`).MatchString(f.WorkedNote) {
				t.Errorf("friend %d worked note %q, want where and when", f.ID, f.WorkedNote)
			}
		} else if f.WorkedNote != "" {
			t.Errorf("friend %d has a worked note but did not work together", f.ID)
		}
		if len(f.Boundaries) > 0 {
			bounded++
		}
		for _, r := range f.Busy {
			if r.From > r.To {
				wrap++
			}
		}
		if f.HasSector("accounting") {
			accountants++
			if len(f.Busy) > 0 && f.Busy[0] == (store.MonthRange{From: time.March, To: time.April}) {
				accountantsMarApr++
			}
		}
	}
	if !(closeness[2] > closeness[4] && closeness[4] > closeness[5] && closeness[5] > 0 && closeness[1] > closeness[5]) {
		t.Errorf("closeness counts %v, want skewed to 2-3 with few 5s", closeness)
	}
	for _, s := range []string{"Han", "Hangul", "Greek", "Arabic", "Cyrillic"} {
		if scripts[s] == 0 {
			t.Errorf("no name in %s script (got %v)", s, scripts)
		}
	}
	if diacritics == 0 {
		t.Error("no Latin name with diacritics")
	}
	if share := float64(worked) / n; share < 0.12 || share > 0.35 {
		t.Errorf("worked together = %.0f%%, want some (12-35%%)", share*100)
	}
	if share := float64(bounded) / n; share < 0.03 || share > 0.2 {
		t.Errorf("friends with boundaries = %.0f%%, want a few (3-20%%)", share*100)
	}
	if wrap == 0 {
		t.Error("no busy season wraps around the new year")
	}
	if accountants < 20 || float64(accountantsMarApr) < 0.7*float64(accountants) {
		t.Errorf("%d of %d accountants busy Mar-Apr, want most", accountantsMarApr, accountants)
	}
	sole := 0
	for _, c := range sectorCount {
		if c == 1 {
			sole++
		}
	}
	if sole < len(rareSectors()) {
		t.Errorf("%d sectors with a sole contact, want at least %d", sole, len(rareSectors()))
	}
	if len(sectorCount) < 25 {
		t.Errorf("%d distinct sectors, want a varied network", len(sectorCount))
	}

	kinds := map[store.Kind]int{}
	statuses := map[store.Status]int{}
	lastMade := map[uint64]time.Time{}
	thanked, helped := 0, 0
	for _, a := range snap.Asks {
		kinds[a.Kind]++
		statuses[a.Status]++
		f := byID[a.FriendID]
		if (a.Kind == store.KindReference || a.Kind == store.KindRecommendation) && !f.WorkedTogether {
			t.Errorf("ask %d: %s from friend %d who never worked with us", a.ID, a.Kind, f.ID)
		}
		for _, b := range f.Boundaries {
			if b.Kind == a.Kind {
				t.Errorf("ask %d: %s crosses friend %d's boundary %q", a.ID, a.Kind, f.ID, b)
			}
		}
		if a.Status.Made() && a.At().After(lastMade[a.FriendID]) {
			lastMade[a.FriendID] = a.At()
		}
		if a.Status == store.StatusHelped {
			helped++
			if !a.Thanked.IsZero() {
				thanked++
			}
		}
		if _, connect := declinedOutcomes(); a.Status == store.StatusDeclined && a.Kind != store.KindIntro && a.Kind != store.KindReferral && slices.Contains(connect, a.Outcome) {
			t.Errorf("ask %d: a declined %s says %q, which only fits an intro or a referral", a.ID, a.Kind, a.Outcome)
		}
		if a.Status == store.StatusSent && testNow.Sub(a.Sent) > 60*24*time.Hour {
			t.Errorf("ask %d still sent after %v; old unanswered asks should be no-response", a.ID, testNow.Sub(a.Sent))
		}
	}
	order := store.Kinds()
	slices.SortStableFunc(order, func(a, b store.Kind) int { return kinds[b] - kinds[a] })
	if !(order[0] == store.KindChat && order[1] == store.KindIntro || order[0] == store.KindIntro && order[1] == store.KindChat) {
		t.Errorf("kinds %v, want chat and intro commonest", kinds)
	}
	for _, k := range store.Kinds() {
		if kinds[k] == 0 {
			t.Errorf("no ask of kind %s", k)
		}
	}
	if share := float64(kinds[store.KindReference]) / float64(len(snap.Asks)); share > 0.03 {
		t.Errorf("references are %.1f%% of asks, want rare", share*100)
	}
	for _, s := range store.Statuses() {
		if statuses[s] == 0 {
			t.Errorf("no ask with status %s", s)
		}
	}
	if statuses[store.StatusHelped] < len(snap.Asks)/2 {
		t.Errorf("statuses %v, want most asks helped", statuses)
	}
	for _, s := range []store.Status{store.StatusDraft, store.StatusWithdrawn, store.StatusSent} {
		if statuses[s] > len(snap.Asks)/20 {
			t.Errorf("%d asks %s of %d, want a few", statuses[s], s, len(snap.Asks))
		}
	}
	if share := float64(thanked) / float64(helped); share < 0.6 || share > 0.9 {
		t.Errorf("%.0f%% of helped asks thanked, want most but not all", share*100)
	}
	// Reciprocity: most friends who helped lately got a favor back since.
	lastHelp := map[uint64]time.Time{}
	for _, a := range snap.Asks {
		if a.Status == store.StatusHelped && a.Resolved.After(lastHelp[a.FriendID]) {
			lastHelp[a.FriendID] = a.Resolved
		}
	}
	helpedLately, helpedBack := 0, 0
	for id, at := range lastHelp {
		if testNow.Sub(at) > 90*24*time.Hour {
			continue
		}
		helpedLately++
		for _, v := range snap.Favors {
			if v.FriendID == id && !v.At.Before(at) {
				helpedBack++
				break
			}
		}
	}
	if helpedLately == 0 || float64(helpedBack) < 0.6*float64(helpedLately) {
		t.Errorf("%d of %d friends who helped in the last 90 days got a favor back since, want most", helpedBack, helpedLately)
	}
	asked := map[uint64]bool{}
	for _, a := range snap.Asks {
		asked[a.FriendID] = true
	}
	if never := n - len(asked); never == 0 || never > n*15/100 {
		t.Errorf("%d of %d friends never asked, want a few", never, n)
	}
	hold, soleLately := 0, 0
	for id, at := range lastMade {
		if testNow.Sub(at) < 14*24*time.Hour {
			hold++
			if sectorCount[byID[id].Sectors[0]] == 1 {
				soleLately++
			}
		}
	}
	if soleLately == 0 {
		t.Error("no sole contact in a sector was asked within 14 days; want some, for the acknowledge case")
	}
	if hold == 0 || hold > n/10 {
		t.Errorf("%d of %d friends asked within 14 days, want a handful", hold, n)
	}
}

func TestNowInAnyZoneGivesTheSameNetwork(t *testing.T) {
	rome := time.FixedZone("CET", 3600)
	a := filled(t, 40, 9)
	b := snapshot(t, func(st *store.Store) error { return Fill(st, 40, 9, testNow.In(rome).Add(300*time.Millisecond), nil) })
	if !reflect.DeepEqual(a.Friends, b.Friends) || !reflect.DeepEqual(a.Asks, b.Asks) || !reflect.DeepEqual(a.Favors, b.Favors) {
		t.Error("the same instant in another zone (plus a fraction of a second) gave a different network")
	}
}

func TestNamesAreVaried(t *testing.T) {
	const n = 1000
	g := newGenerator(n, 1, testNow)
	seen := map[string]int{}
	for i := range n {
		f, _, _ := g.person(i)
		seen[f.Name]++
	}
	if len(seen) < n*9/10 {
		t.Errorf("%d distinct names among %d friends, want at least 90%%", len(seen), n)
	}
	var middle, double bool
	for name := range seen {
		middle = middle || regexp.MustCompile(`^\pL+ [A-Z]\. `).MatchString(name)
		double = double || strings.Contains(name, "-") && !strings.Contains(name, "Al-")
	}
	if !middle || !double {
		t.Errorf("middle initials %v, hyphenated given names %v: want both", middle, double)
	}
}
