package store

import (
	"reflect"
	"strings"
	"testing"
	"time"
	"unsafe"
)

func TestAskHeadKeepsWhatPolicyNeeds(t *testing.T) {
	a := Ask{ID: 7, FriendID: 3, Kind: KindReference, Topic: "t", Sector: "law", Org: "Acme", Body: "b",
		Status: StatusHelped, Created: t0, Sent: t0.Add(time.Hour), Resolved: t0.Add(2 * time.Hour),
		FollowUp: t0.Add(3 * time.Hour), Thanked: t0.Add(4 * time.Hour), Outcome: "o"}
	got, err := decodeAskHead(historyKey(a.FriendID, a.At(), a.ID), encodeAskHead(&a), interner{})
	if err != nil {
		t.Fatal(err)
	}
	want := a
	want.Topic, want.Body, want.Outcome = "", "", ""
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
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
	f.Add(encodeFriend(&fr))
	a := Ask{ID: 1, FriendID: 1, Kind: KindChat, Status: StatusSent, Created: t0, Body: "x"}
	f.Add(encodeAsk(&a))
	f.Add(encodeAskHead(&a))
	f.Add(encodeFavor(&Favor{ID: 1, FriendID: 1, What: "w", At: t0}))
	f.Add([]byte{1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, b []byte) {
		decodeFriend(b)
		decodeAsk(b)
		decodeFavor(b)
		decodeAskHead(make([]byte, 24), b, interner{})
	})
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

// The heads decode straight from the transaction's bytes: what they keep
// must be copies, shared between heads, that outlive those bytes.
func TestAskHeadStringsAreInternedCopies(t *testing.T) {
	in := interner{}
	a := Ask{ID: 1, FriendID: 2, Kind: KindIntro, Status: StatusSent, Sector: "fintech", Org: "Ledgerline", Created: t0}
	v1, v2 := encodeAskHead(&a), encodeAskHead(&a)
	k := historyKey(a.FriendID, a.At(), a.ID)
	h1, err := decodeAskHead(k, v1, in)
	if err != nil {
		t.Fatal(err)
	}
	h2, err := decodeAskHead(k, v2, in)
	if err != nil {
		t.Fatal(err)
	}
	for i := range v1 {
		v1[i], v2[i] = 'x', 'x' // the transaction's memory is gone
	}
	if h1.Kind != KindIntro || h1.Status != StatusSent || h1.Sector != "fintech" || h1.Org != "Ledgerline" {
		t.Errorf("head changed with the bytes it came from: %+v", h1)
	}
	b := Ask{ID: 2, FriendID: 2, Kind: "future-kind", Status: "future-status", Created: t0}
	h3, err := decodeAskHead(historyKey(2, t0, 2), encodeAskHead(&b), in)
	if err != nil || h3.Kind != "future-kind" || h3.Status != "future-status" {
		t.Errorf("unknown kind and status: got %q %q (%v), want them kept", h3.Kind, h3.Status, err)
	}
	if unsafe.StringData(h1.Org) != unsafe.StringData(h2.Org) || unsafe.StringData(string(h1.Kind)) != unsafe.StringData(string(h2.Kind)) {
		t.Error("equal strings of two heads are separate copies, want one interned copy")
	}
}

func TestAppendLowerMatchesStringsToLower(t *testing.T) {
	for _, s := range []string{"", "Giulia ROSSI", "İrem Öztürk", "ΓΙΏΡΓΟΣ Παπαδόπουλος", "ÇAĞLA", "王芳", "Nguyễn Thị Hương",
		"Ǆemal", "bad \xff\xfe utf8", "ẞ Groß", "Олена ШЕВЧЕНКО"} {
		if got, want := string(appendLower(nil, []byte(s))), strings.ToLower(s); got != want {
			t.Errorf("appendLower(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestFriendNameReadsOnlyTheName(t *testing.T) {
	f := fullFriend()
	got, ok := friendName(encodeFriend(&f))
	if !ok || string(got) != f.Name {
		t.Errorf("friendName = %q, %v; want %q, true", got, ok, f.Name)
	}
	if _, ok := friendName([]byte{recordVersion, 1, 200}); ok {
		t.Error("friendName of a truncated value reported ok")
	}
}
