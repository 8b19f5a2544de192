package store

import (
	"encoding/binary"
	"math"
	"time"
)

// Schema 1's record encoding: positional, a version byte then the fields
// in a fixed order, no checksum. Only the migration to schema 2 (and
// kith verify on a file not yet migrated) reads it; nothing writes it.

const recordV1 = 1

// v1 reads one schema-1 value.
type v1 struct {
	b   []byte
	err bool
}

func (d *v1) fail() { d.err, d.b = true, nil }

func (d *v1) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *v1) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *v1) byte() byte {
	if len(d.b) == 0 {
		d.fail()
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *v1) bool() bool { return d.byte() == 1 }

func (d *v1) str() string {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *v1) strs() []string {
	n := d.uvarint()
	if n == 0 {
		return nil
	}
	if n > uint64(len(d.b)) {
		d.fail()
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *v1) time() time.Time {
	if d.byte() == 0 {
		return time.Time{}
	}
	sec := d.varint()
	ns := d.uvarint()
	if ns >= 1e9 || sec > math.MaxInt64/2 || sec < math.MinInt64/2 {
		d.fail()
		return time.Time{}
	}
	return time.Unix(sec, int64(ns)).UTC()
}

func (d *v1) version() {
	if d.byte() != recordV1 {
		d.fail()
	}
}

func (d *v1) result() error {
	if d.err || len(d.b) != 0 {
		return errCorrupt
	}
	return nil
}

func decodeFriendV1(v []byte) (Friend, error) {
	d := v1{b: v}
	d.version()
	var f Friend
	f.ID = d.uvarint()
	f.Name = d.str()
	f.Nickname = d.str()
	f.Emails = d.strs()
	f.Phones = d.strs()
	f.URLs = d.strs()
	f.Org = d.str()
	f.Role = d.str()
	f.Sectors = d.strs()
	f.Closeness = int(d.uvarint())
	f.WorkedTogether = d.bool()
	f.WorkedNote = d.str()
	if n := d.uvarint(); n > 0 && n <= uint64(len(d.b)) {
		f.Boundaries = make([]Boundary, n)
		for i := range f.Boundaries {
			f.Boundaries[i] = Boundary{Kind: Kind(d.str()), Note: d.str()}
		}
	} else if n > 0 {
		d.fail()
	}
	if n := d.uvarint(); n > 0 && n <= uint64(len(d.b)) {
		f.Busy = make([]MonthRange, n)
		for i := range f.Busy {
			f.Busy[i] = MonthRange{From: time.Month(d.byte()), To: time.Month(d.byte())}
		}
	} else if n > 0 {
		d.fail()
	}
	f.Channel = d.str()
	f.Notes = d.str()
	f.Created = d.time()
	f.Updated = d.time()
	f.Archived = d.bool()
	return f, d.result()
}

func decodeAskV1(v []byte) (Ask, error) {
	d := v1{b: v}
	d.version()
	var a Ask
	a.ID = d.uvarint()
	a.FriendID = d.uvarint()
	a.Kind = Kind(d.str())
	a.Topic = d.str()
	a.Sector = d.str()
	a.Org = d.str()
	a.Body = d.str()
	a.Status = Status(d.str())
	a.Created = d.time()
	a.Sent = d.time()
	a.Resolved = d.time()
	a.FollowUp = d.time()
	a.Thanked = d.time()
	a.Outcome = d.str()
	return a, d.result()
}

func decodeFavorV1(b []byte) (Favor, error) {
	d := v1{b: b}
	d.version()
	var v Favor
	v.ID = d.uvarint()
	v.FriendID = d.uvarint()
	v.What = d.str()
	v.At = d.time()
	return v, d.result()
}

// encodeAskHeadV1 is schema 1's index value, kept so that tests can
// build a schema-1 file and verify can tell a schema-1 index entry from
// its record.
func encodeAskHeadV1(a *Ask) []byte {
	b := []byte{recordV1}
	str := func(s string) { b = binary.AppendUvarint(b, uint64(len(s))); b = append(b, s...) }
	tm := func(t time.Time) {
		if t.IsZero() {
			b = append(b, 0)
			return
		}
		b = append(b, 1)
		b = binary.AppendVarint(b, t.Unix())
		b = binary.AppendUvarint(b, uint64(t.Nanosecond()))
	}
	str(string(a.Kind))
	str(string(a.Status))
	str(a.Sector)
	str(a.Org)
	tm(a.Created)
	tm(a.Sent)
	tm(a.Resolved)
	tm(a.FollowUp)
	tm(a.Thanked)
	return b
}
