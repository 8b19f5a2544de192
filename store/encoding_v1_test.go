package store

import (
	"encoding/binary"
	"time"
)

// Schema 1's encoders, as kith wrote them (commit 56b36d6), to build
// schema-1 files larger than the fixture.

type encoderV1 struct{ b []byte }

func (e *encoderV1) uvarint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }

func (e *encoderV1) str(s string) { e.uvarint(uint64(len(s))); e.b = append(e.b, s...) }

func (e *encoderV1) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

func (e *encoderV1) strs(ss []string) {
	e.uvarint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

func (e *encoderV1) time(t time.Time) {
	if t.IsZero() {
		e.b = append(e.b, 0)
		return
	}
	e.b = append(e.b, 1)
	e.b = binary.AppendVarint(e.b, t.Unix())
	e.uvarint(uint64(t.Nanosecond()))
}

func encodeFriendV1(f *Friend) []byte {
	e := encoderV1{b: make([]byte, 0, 128)}
	e.b = append(e.b, recordV1)
	e.uvarint(f.ID)
	e.str(f.Name)
	e.str(f.Nickname)
	e.strs(f.Emails)
	e.strs(f.Phones)
	e.strs(f.URLs)
	e.str(f.Org)
	e.str(f.Role)
	e.strs(f.Sectors)
	e.uvarint(uint64(f.Closeness))
	e.bool(f.WorkedTogether)
	e.str(f.WorkedNote)
	e.uvarint(uint64(len(f.Boundaries)))
	for _, b := range f.Boundaries {
		e.str(string(b.Kind))
		e.str(b.Note)
	}
	e.uvarint(uint64(len(f.Busy)))
	for _, r := range f.Busy {
		e.b = append(e.b, byte(r.From), byte(r.To))
	}
	e.str(f.Channel)
	e.str(f.Notes)
	e.time(f.Created)
	e.time(f.Updated)
	e.bool(f.Archived)
	return e.b
}

func encodeAskV1(a *Ask) []byte {
	e := encoderV1{b: make([]byte, 0, 64+len(a.Body))}
	e.b = append(e.b, recordV1)
	e.uvarint(a.ID)
	e.uvarint(a.FriendID)
	e.str(string(a.Kind))
	e.str(a.Topic)
	e.str(a.Sector)
	e.str(a.Org)
	e.str(a.Body)
	e.str(string(a.Status))
	e.time(a.Created)
	e.time(a.Sent)
	e.time(a.Resolved)
	e.time(a.FollowUp)
	e.time(a.Thanked)
	e.str(a.Outcome)
	return e.b
}

func encodeFavorV1(v *Favor) []byte {
	e := encoderV1{b: make([]byte, 0, 32+len(v.What))}
	e.b = append(e.b, recordV1)
	e.uvarint(v.ID)
	e.uvarint(v.FriendID)
	e.str(v.What)
	e.time(v.At)
	return e.b
}
