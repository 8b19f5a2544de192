package store

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestAskHeadKeepsWhatPolicyNeeds(t *testing.T) {
	a := Ask{ID: 7, FriendID: 3, Kind: KindReference, Topic: "t", Sector: "law", Org: "Acme", Body: "b",
		Status: StatusHelped, Created: t0, Sent: t0.Add(time.Hour), Resolved: t0.Add(2 * time.Hour),
		FollowUp: t0.Add(3 * time.Hour), Thanked: t0.Add(4 * time.Hour), Outcome: "o"}
	k := historyKey(a.FriendID, a.At(), a.ID)
	got, err := decodeAskHead(k, encodeAskHead(k, &a), interner{})
	if err != nil {
		t.Fatal(err)
	}
	if want := a.Fact(); !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if got.Kind() != KindReference || got.Status() != StatusHelped || got.Sector != "law" || got.Org != "Acme" || got.At() != a.At().UnixNano() {
		t.Errorf("fact %+v does not say the ask's kind, status, sector, organisation and time", got)
	}
}

func TestTimeKeysSortInTimeOrder(t *testing.T) {
	times := []time.Time{time.Date(1969, 1, 1, 0, 0, 0, 0, time.UTC), time.Unix(0, 0), t0, t0.Add(time.Nanosecond)}
	for i := 1; i < len(times); i++ {
		if timeKey(times[i-1]) >= timeKey(times[i]) {
			t.Errorf("%v does not sort before %v", times[i-1], times[i])
		}
		if got := keyTime(historyKey(1, times[i], 1)[8:16]); !got.Equal(times[i]) {
			t.Errorf("keyTime: got %v, want %v", got, times[i])
		}
	}
}

// FuzzDecode feeds arbitrary bytes to every decoder: they must return an
// error or a value, never panic.
func FuzzDecode(f *testing.F) {
	fr := fullFriend()
	fr.ID = 1
	f.Add(encodeFriend(&fr))
	a := Ask{ID: 1, FriendID: 1, Kind: KindChat, Status: StatusSent, Created: t0, Body: "x"}
	f.Add(encodeAsk(&a))
	f.Add(encodeFavor(&Favor{ID: 1, FriendID: 1, What: "w", At: t0}))
	f.Add([]byte{2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, b []byte) {
		// Bodies without the envelope, as they would be once the
		// checksum passed, and whole values.
		var fd friendDecoder
		var fr Friend
		fd.decode(&fr, b, "")
		fd.decode(&fr, b, string(b))
		k := itob(1)
		decodeFriend(k, b)
		decodeAsk(k, b)
		decodeFavor(k, b)
		decodeAskHead(make([]byte, 24), b, interner{})
		decodeSummary(k, b)
		decodeCounts(b)
		decodeProfile(b)
		decodeFriendV1(b)
		decodeAskV1(b)
		decodeFavorV1(b)
		e := enc{b: append([]byte{recordV2}, b...)}
		decodeFriend(k, e.seal(seedFriends, k))
		friendName(b)
	})
}

func TestHeadCodesCoverEveryKindAndStatus(t *testing.T) {
	for _, k := range Kinds() {
		if got := kindOf(kindCode([]byte(k))); got != k {
			t.Errorf("kind %q comes back as %q", k, got)
		}
	}
	for _, s := range Statuses() {
		if got := statusOf(statusCode([]byte(s))); got != s {
			t.Errorf("status %q comes back as %q", s, got)
		}
	}
}

func TestCleanText(t *testing.T) {
	cases := []struct {
		in        string
		multiline bool
		want      string
	}{
		{"plain text", false, "plain text"},
		{"Zoë 林美玲 🎉", false, "Zoë 林美玲 🎉"},
		{"red \x1b[31malert\x1b[0m", false, "red alert"},
		{"title\x1b]0;pwned\x07 here", false, "title here"},
		{"bell\x07 and del\x7f", false, "bell and del"},
		{"bad \xff utf8", false, "bad \uFFFD utf8"},
		{"two\nlines\tand tab", false, "two lines and tab"},
		{"two\nlines\tand tab", true, "two\nlines\tand tab"},
		{"crlf\r\nline", true, "crlf\nline"},
		{"c1 \u009b31m csi", false, "c1 31m csi"},
		{"bidi \u202egnp.exe", false, "bidi gnp.exe"},
	}
	for _, c := range cases {
		if got := CleanText(c.in, c.multiline); got != c.want {
			t.Errorf("CleanText(%q, %v) = %q, want %q", c.in, c.multiline, got, c.want)
		}
	}
}

func TestMonthRange(t *testing.T) {
	cases := []struct {
		in      string
		want    MonthRange
		inside  []time.Month
		outside []time.Month
	}{
		{"Mar-Apr", MonthRange{3, 4}, []time.Month{3, 4}, []time.Month{2, 5}},
		{"nov-feb", MonthRange{11, 2}, []time.Month{11, 12, 1, 2}, []time.Month{3, 10}},
		{"June", MonthRange{6, 6}, []time.Month{6}, []time.Month{5, 7}},
		{"9-10", MonthRange{9, 10}, []time.Month{9, 10}, []time.Month{8}},
	}
	for _, c := range cases {
		got, err := ParseMonthRange(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseMonthRange(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
		for _, m := range c.inside {
			if !got.Contains(m) {
				t.Errorf("%v should contain %v", got, m)
			}
		}
		for _, m := range c.outside {
			if got.Contains(m) {
				t.Errorf("%v should not contain %v", got, m)
			}
		}
	}
	for _, bad := range []string{"", "Foo-Bar", "13", "Mar-", "ma"} {
		if _, err := ParseMonthRange(bad); err == nil {
			t.Errorf("ParseMonthRange(%q) accepted", bad)
		}
	}
}

// The heads decode straight from the transaction's bytes: nothing they
// keep may point into those bytes.
func TestAskHeadOutlivesItsBytes(t *testing.T) {
	a := Ask{ID: 1, FriendID: 2, Kind: KindIntro, Status: StatusSent, Created: t0, Sector: "law", Org: "Acme"}
	k := historyKey(a.FriendID, a.At(), a.ID)
	v := encodeAskHead(k, &a)
	strs := interner{}
	f, err := decodeAskHead(k, v, strs)
	if err != nil {
		t.Fatal(err)
	}
	for i := range v {
		v[i] = 'x' // the transaction's memory is gone
	}
	if f.Kind() != KindIntro || f.Status() != StatusSent || f.Created != t0.UnixNano() || f.Sector != "law" || f.Org != "Acme" {
		t.Errorf("head changed with the bytes it came from: %+v", f)
	}
	// A second head with the same sector shares the first one's string.
	b := a
	b.ID = 9
	k2 := historyKey(b.FriendID, b.At(), b.ID)
	g, err := decodeAskHead(k2, encodeAskHead(k2, &b), strs)
	if err != nil || g.Sector != "law" || len(strs) != 2 {
		t.Errorf("second head: %+v, %v; %d strings kept, want 2", g, err, len(strs))
	}
}

func TestAppendLowerMatchesStringsToLower(t *testing.T) {
	for _, s := range []string{"", "Giulia ROSSI", "İrem Öztürk", "ΓΙΏΡΓΟΣ Παπαδόπουλος", "ÇAĞLA", "王芳", "Nguyễn Thị Hương",
		"Ǆemal", "bad \xff\xfe utf8", "ẞ Groß", "Олена ШЕВЧЕНКО"} {
		if got, want := string(AppendLower(nil, []byte(s))), strings.ToLower(s); got != want {
			t.Errorf("AppendLower(%q) = %q, want %q", s, got, want)
		}
		if got, want := string(AppendLower(nil, s)), strings.ToLower(s); got != want {
			t.Errorf("AppendLower(string %q) = %q, want %q", s, got, want)
		}
	}
}

func TestFriendNameReadsOnlyTheName(t *testing.T) {
	f := fullFriend()
	f.ID = 3
	body, err := seedFriends.open(itob(3), encodeFriend(&f))
	if err != nil {
		t.Fatal(err)
	}
	if got := friendName(body); string(got) != f.Name {
		t.Errorf("friendName = %q, want %q", got, f.Name)
	}
	if got := friendName([]byte{0x12, 200}); got != nil {
		t.Errorf("friendName of a truncated body = %q, want nil", got)
	}
}
