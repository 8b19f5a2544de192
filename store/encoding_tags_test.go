package store

import (
	"encoding/binary"
	"errors"
	"reflect"
	"testing"
	"time"

	"google.golang.org/protobuf/encoding/protowire"
)

// reseal adds fields to an encoded value and seals it again, as a newer
// kith with more fields would have written it.
func reseal(t *testing.T, s seed, key, v []byte, extra []byte) []byte {
	t.Helper()
	body := v[:len(v)-4]
	e := enc{b: append(append([]byte(nil), body...), extra...)}
	return e.seal(s, key)
}

// unknownFields are fields of every wire type at tags this kith does not
// know, among them the reserved ranges.
func unknownFields() []byte {
	var b []byte
	b = protowire.AppendTag(b, 48, protowire.VarintType)
	b = protowire.AppendVarint(b, 7)
	b = protowire.AppendTag(b, 55, protowire.BytesType)
	b = protowire.AppendString(b, "greet-as")
	b = protowire.AppendTag(b, 75, protowire.Fixed64Type)
	b = protowire.AppendFixed64(b, 99)
	b = protowire.AppendTag(b, 98, protowire.Fixed32Type)
	b = protowire.AppendFixed32(b, 5)
	return b
}

func TestDecodersSkipUnknownTags(t *testing.T) {
	f := fullFriend()
	f.ID = 4
	k := itob(4)
	got, err := decodeFriend(k, reseal(t, seedFriends, k, encodeFriend(&f), unknownFields()))
	if err != nil || !reflect.DeepEqual(got, f) {
		t.Errorf("friend with unknown fields: %v\ngot  %+v\nwant %+v", err, got, f)
	}
	a := Ask{ID: 4, FriendID: 1, Kind: KindIntro, Topic: "t", Status: StatusSent, Created: t0, Sent: t0}
	gotA, err := decodeAsk(k, reseal(t, seedAsks, k, encodeAsk(&a), unknownFields()))
	if err != nil || !reflect.DeepEqual(gotA, a) {
		t.Errorf("ask with unknown fields: %v, %+v", err, gotA)
	}
	v := Favor{ID: 4, FriendID: 1, What: "w", At: t0}
	gotV, err := decodeFavor(k, reseal(t, seedFavors, k, encodeFavor(&v), unknownFields()))
	if err != nil || !reflect.DeepEqual(gotV, v) {
		t.Errorf("favor with unknown fields: %v, %+v", err, gotV)
	}
	hk := historyKey(1, t0, 4)
	if _, err := decodeAskHead(hk, reseal(t, seedAsksByFriend, hk, encodeAskHead(hk, &a), unknownFields()), nil); err != nil {
		t.Errorf("head with unknown fields: %v", err)
	}
	if _, err := decodeFavorHead(hk, reseal(t, seedFavorsByFriend, hk, encodeFavorHead(hk, &v), unknownFields())); err != nil {
		t.Errorf("favor head with unknown fields: %v", err)
	}
	if s, err := decodeSummary(k, reseal(t, seedSummaries, k, encodeSummary(4, summary{asks: 2}), unknownFields())); err != nil || s.asks != 2 {
		t.Errorf("summary with unknown fields: %v, %+v", err, s)
	}
}

// A boundary (or busy range) of a newer kith may carry fields this one
// does not know: the sub-record skips them.
func TestSubRecordsSkipUnknownTags(t *testing.T) {
	var e enc
	e.b = []byte{recordV2}
	e.uint(tagFriendID, 9)
	e.str(tagFriendName, "Zoë")
	e.sub(tagFriendBoundary, func(s *enc) {
		s.str(tagBoundaryKind, "referral")
		s.str(20, "scope: work")
		s.str(tagBoundaryNote, "not at work")
	})
	e.sub(tagFriendBusy, func(s *enc) {
		s.uint(tagBusyFrom, 3)
		s.uint(7, 1)
		s.uint(tagBusyTo, 4)
	})
	got, err := decodeFriend(itob(9), e.seal(seedFriends, itob(9)))
	if err != nil {
		t.Fatal(err)
	}
	want := Friend{ID: 9, Name: "Zoë", Boundaries: []Boundary{{Kind: KindReferral, Note: "not at work"}},
		Busy: []MonthRange{{From: time.March, To: time.April}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestMissingTagsReadAsZero(t *testing.T) {
	e := newEnc(8)
	e.uint(tagAskID, 5)
	a, err := decodeAsk(itob(5), e.seal(seedAsks, itob(5)))
	if err != nil || !reflect.DeepEqual(a, Ask{ID: 5}) {
		t.Errorf("got %+v, %v; want an ask with only its id", a, err)
	}
	// The Unix epoch is a time, not the zero time.
	v := Favor{ID: 1, FriendID: 1, What: "w", At: time.Unix(0, 0).UTC()}
	got, err := decodeFavor(itob(1), encodeFavor(&v))
	if err != nil || !got.At.Equal(v.At) || got.At.IsZero() {
		t.Errorf("epoch: got %v, %v", got.At, err)
	}
}

func TestChecksumCatchesEveryByteAndAMovedRecord(t *testing.T) {
	f := fullFriend()
	f.ID = 2
	v := encodeFriend(&f)
	for i := range v {
		for _, bit := range []byte{0x01, 0x80} {
			b := append([]byte(nil), v...)
			b[i] ^= bit
			if _, err := decodeFriend(itob(2), b); !errors.Is(err, errCorrupt) {
				t.Fatalf("byte %d ^ %#x: got %v, want errCorrupt", i, bit, err)
			}
		}
	}
	if _, err := decodeFriend(itob(3), v); !errors.Is(err, errCorrupt) {
		t.Errorf("friend 2's value under key 3: got %v, want errCorrupt", err)
	}
	// The same bytes in another bucket fail too.
	a := Ask{ID: 2, FriendID: 1, Kind: KindChat, Status: StatusSent, Created: t0}
	if _, err := decodeFavor(itob(2), encodeAsk(&a)); !errors.Is(err, errCorrupt) {
		t.Errorf("an ask read as a favor: got %v, want errCorrupt", err)
	}
	if _, err := decodeFriend(itob(2), v[:len(v)-1]); !errors.Is(err, errCorrupt) {
		t.Errorf("a cut value: got %v", err)
	}
	if binary.BigEndian.Uint32(v[len(v)-4:]) != seedFriends.sum(itob(2), v[:len(v)-4]) {
		t.Error("the checksum is not CRC-32C of bucket, key and value")
	}
}

func TestProfileIgnoresUnknownJSONFields(t *testing.T) {
	e := newEnc(64)
	e.b = append(e.b, `{"name":"Ada","lang":"it","greet_as":"Cara Ada","settings":{"cooldown_days":9,"new_knob":true}}`...)
	p, err := decodeProfile(e.seal(seedProfile, keyProfile))
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "Ada" || p.Lang != LangItalian || p.Settings.CooldownDays != 9 {
		t.Errorf("got %+v", p)
	}
}

// Times inside int64 nanoseconds are one varint; others, as old imports
// may hold, a sub-record; both read back.
func TestTimesOfEveryRange(t *testing.T) {
	for _, at := range []time.Time{
		time.Unix(0, 0).UTC(), t0, time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC), time.Date(1900, 1, 1, 0, 0, 0, 1, time.UTC),
	} {
		v := Favor{ID: 1, FriendID: 1, What: "w", At: at}
		got, err := decodeFavor(itob(1), encodeFavor(&v))
		if err != nil || !got.At.Equal(at) {
			t.Errorf("%v: got %v, %v", at, got.At, err)
		}
	}
}
