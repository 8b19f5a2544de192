package store

import (
	"errors"
	"reflect"
	"testing"
)

// placeFacts is what decodePlaceFriend keeps of f: the fields counting a
// place weighs, boundaries without their notes.
func placeFacts(f Friend) Friend {
	p := Friend{ID: f.ID, IsOrg: f.IsOrg, Archived: f.Archived, Org: f.Org, Sectors: f.Sectors, WorkedTogether: f.WorkedTogether}
	for _, b := range f.Boundaries {
		b.Note = ""
		p.Boundaries = append(p.Boundaries, b)
	}
	return p
}

func TestDecodePlaceFriendKeepsThePlaceFacts(t *testing.T) {
	full := fullFriend()
	org := Friend{Name: "Acme", IsOrg: true, Org: "Acme", Sectors: []string{"tech"}}
	bare := Friend{Name: "Bo"}
	for i, f := range []Friend{full, org, bare} {
		f.ID = uint64(i + 7)
		k := itob(f.ID)
		v := reseal(t, seedFriends, k, encodeFriend(&f), unknownFields())
		whole, err := decodeFriend(k, v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodePlaceFriend(k, v, interner{})
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if want := placeFacts(whole); !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\ngot  %+v\nwant %+v", f.Name, got, want)
		}
	}
}

func TestDecodePlaceFriendRefusesADamagedRecord(t *testing.T) {
	f := fullFriend()
	f.ID = 3
	k := itob(3)
	v := encodeFriend(&f)
	bad := append([]byte(nil), v...)
	bad[len(bad)/2] ^= 0x40
	if _, err := decodePlaceFriend(k, bad, nil); !errors.Is(err, errCorrupt) {
		t.Errorf("a flipped bit: got %v, want errCorrupt", err)
	}
	if _, err := decodePlaceFriend(itob(4), v, nil); !errors.Is(err, errCorrupt) {
		t.Errorf("a record under another friend's key: got %v, want errCorrupt", err)
	}
}
