package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"math"
	"time"
	"unicode"
	"unicode/utf8"
)

// This file holds every on-disk encoding: keys and record values. Records
// use a compact length-prefixed binary form (the first screen decodes every
// friend, and encoding/json is several times slower); the profile, read
// once, is JSON.

// errCorrupt reports a value that does not decode.
var errCorrupt = errors.New("corrupt record")

const recordVersion = 1

// itob encodes an id as an 8-byte big-endian key, so keys sort by id.
func itob(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

func btoi(b []byte) uint64 { return binary.BigEndian.Uint64(b) }

// timeKey encodes t so that byte order is time order (sign bit flipped).
func timeKey(t time.Time) uint64 {
	if t.IsZero() {
		return 0
	}
	return uint64(t.UnixNano()) ^ (1 << 63)
}

// historyKey is the key of an index entry: owner id, time, record id.
func historyKey(friendID uint64, at time.Time, id uint64) []byte {
	b := make([]byte, 24)
	binary.BigEndian.PutUint64(b[0:], friendID)
	binary.BigEndian.PutUint64(b[8:], timeKey(at))
	binary.BigEndian.PutUint64(b[16:], id)
	return b
}

// historyID returns the record id of an index key.
func historyID(k []byte) uint64 { return binary.BigEndian.Uint64(k[16:24]) }

type encoder struct{ b []byte }

func (e *encoder) uvarint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) str(s string)     { e.uvarint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}
func (e *encoder) strs(ss []string) {
	e.uvarint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}
func (e *encoder) time(t time.Time) {
	if t.IsZero() {
		e.b = append(e.b, 0)
		return
	}
	e.b = append(e.b, 1)
	e.b = binary.AppendVarint(e.b, t.Unix())
	e.uvarint(uint64(t.Nanosecond()))
}

// decoder reads a value. Over a string holding the whole value (a single
// copy made out of the transaction), every string field is a substring of
// it. Over the transaction's []byte, nothing is copied: the caller must
// copy what it keeps (decodeAskHead keeps only numbers).
type decoder[T string | []byte] struct {
	s   T
	err error
	// pools, when set, back the slices a friend's decoding returns, so
	// that decoding many records allocates in chunks, not once a slice.
	pools *friendPools
}

// friendPools are chunks that the slices of many decoded friends share.
type friendPools struct {
	strs       []string
	boundaries []Boundary
	busy       []MonthRange
}

// take returns a slice of n elements cut from *pool (refilled a chunk at a
// time), or a new one when there is no pool. The slice's capacity is n, so
// appending to it copies rather than overwriting a neighbour.
func take[E any](pool *[]E, n int) []E {
	if pool == nil {
		return make([]E, n)
	}
	if cap(*pool)-len(*pool) < n {
		*pool = make([]E, 0, max(n, 4096))
	}
	p := *pool
	*pool = p[:len(p)+n]
	return p[len(p) : len(p)+n : len(p)+n]
}

func (d *decoder[T]) fail() {
	if d.err == nil {
		d.err = errCorrupt
	}
	d.s = d.s[:0]
}

func (d *decoder[T]) uvarint() uint64 {
	var v uint64
	var shift uint
	for i := 0; i < len(d.s); i++ {
		c := d.s[i]
		if i == 10 {
			break
		}
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			d.s = d.s[i+1:]
			return v
		}
		shift += 7
	}
	d.fail()
	return 0
}

func (d *decoder[T]) varint() int64 {
	u := d.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x
}

func (d *decoder[T]) byte() byte {
	if len(d.s) == 0 {
		d.fail()
		return 0
	}
	c := d.s[0]
	d.s = d.s[1:]
	return c
}

func (d *decoder[T]) bool() bool { return d.byte() == 1 }

func (d *decoder[T]) str() T {
	n := d.uvarint()
	if n > uint64(len(d.s)) {
		d.fail()
		return d.s
	}
	s := d.s[:n]
	d.s = d.s[n:]
	return s
}

func (d *decoder[T]) strs() []string {
	n := d.uvarint()
	if n == 0 {
		return nil
	}
	if n > uint64(len(d.s)) {
		d.fail()
		return nil
	}
	var pool *[]string
	if d.pools != nil {
		pool = &d.pools.strs
	}
	out := take(pool, int(n))
	for i := range out {
		out[i] = string(d.str())
	}
	return out
}

func (d *decoder[T]) time() time.Time {
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

func (d *decoder[T]) version() {
	if d.byte() != recordVersion {
		d.fail()
	}
}

func encodeFriend(f *Friend) []byte {
	e := encoder{b: make([]byte, 0, 128)}
	e.b = append(e.b, recordVersion)
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

func decodeFriend(v []byte) (Friend, error) {
	var f Friend
	err := decodeFriendInto(&f, &decoder[string]{s: string(v)})
	return f, err
}

// decodeFriendInto decodes the friend d holds into f.
func decodeFriendInto(f *Friend, d *decoder[string]) error {
	d.version()
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
	if n := d.uvarint(); n > 0 && n <= uint64(len(d.s)) {
		var pool *[]Boundary
		if d.pools != nil {
			pool = &d.pools.boundaries
		}
		f.Boundaries = take(pool, int(n))
		for i := range f.Boundaries {
			f.Boundaries[i] = Boundary{Kind: Kind(d.str()), Note: d.str()}
		}
	} else if n > 0 {
		d.fail()
	}
	if n := d.uvarint(); n > 0 && n <= uint64(len(d.s)) {
		var pool *[]MonthRange
		if d.pools != nil {
			pool = &d.pools.busy
		}
		f.Busy = take(pool, int(n))
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
	return d.err
}

// friendName returns the name field of an encoded friend without decoding
// the rest (or copying it: it points into v).
func friendName(v []byte) ([]byte, bool) {
	d := decoder[[]byte]{s: v}
	d.version()
	d.uvarint()
	name := d.str()
	return name, d.err == nil
}

// appendLower appends s lower-cased as strings.ToLower does it (invalid
// UTF-8 becomes U+FFFD), without allocating when dst has room.
func appendLower(dst, s []byte) []byte {
	for len(s) > 0 {
		if c := s[0]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			s = s[1:]
			continue
		}
		r, n := utf8.DecodeRune(s)
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		s = s[n:]
	}
	return dst
}

func encodeAsk(a *Ask) []byte {
	e := encoder{b: make([]byte, 0, 64+len(a.Body))}
	e.b = append(e.b, recordVersion)
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

func decodeAsk(v []byte) (Ask, error) {
	d := decoder[string]{s: string(v)}
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
	return a, d.err
}

// encodeAskHead is the value kept in the asks-by-friend index: what the
// policy needs to weigh an ask, without topic, body or outcome, so that
// every friend's readiness can be computed from the index alone.
func encodeAskHead(a *Ask) []byte {
	e := encoder{b: make([]byte, 0, 40)}
	e.b = append(e.b, recordVersion)
	e.str(string(a.Kind))
	e.str(string(a.Status))
	e.str(a.Sector)
	e.str(a.Org)
	e.time(a.Created)
	e.time(a.Sent)
	e.time(a.Resolved)
	e.time(a.FollowUp)
	e.time(a.Thanked)
	return e.b
}

// decodeAskHead reads an index entry, straight from the transaction's
// bytes, into the compact in-memory head: codes and numbers, no strings, so
// a million heads cost no allocation each.
func decodeAskHead(k, v []byte) (AskFact, askHead, error) {
	d := decoder[[]byte]{s: v}
	d.version()
	h := askHead{id: historyID(k)}
	var f AskFact
	f.kind = kindCode(d.str())
	f.status = statusCode(d.str())
	d.str() // sector and org: kept on disk, not needed in memory
	d.str()
	h.created = nanos(d.time())
	h.sent = nanos(d.time())
	h.resolved = nanos(d.time())
	h.followUp = nanos(d.time())
	h.thanked = nanos(d.time())
	f.At = h.sent
	if f.At == 0 {
		f.At = h.created
	}
	return f, h, d.err
}

func encodeFavor(v *Favor) []byte {
	e := encoder{b: make([]byte, 0, 32+len(v.What))}
	e.b = append(e.b, recordVersion)
	e.uvarint(v.ID)
	e.uvarint(v.FriendID)
	e.str(v.What)
	e.time(v.At)
	return e.b
}

func decodeFavor(b []byte) (Favor, error) {
	d := decoder[string]{s: string(b)}
	d.version()
	var v Favor
	v.ID = d.uvarint()
	v.FriendID = d.uvarint()
	v.What = d.str()
	v.At = d.time()
	return v, d.err
}

func encodeProfile(p *Profile) ([]byte, error) { return json.Marshal(p) }

func decodeProfile(b []byte) (Profile, error) {
	p := DefaultProfile()
	if err := json.Unmarshal(b, &p); err != nil {
		return p, errCorrupt
	}
	return p, nil
}

// keyTime decodes the time part of a history key.
func keyTime(b []byte) time.Time {
	u := binary.BigEndian.Uint64(b)
	if u == 0 {
		return time.Time{}
	}
	return time.Unix(0, int64(u^(1<<63))).UTC()
}
