package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"hash/crc32"
	"math"
	"time"

	"google.golang.org/protobuf/encoding/protowire"
)

// This file holds every on-disk encoding: keys and values.
//
// A value (a record, an index entry, a summary) is
//
//	version byte (2) | tagged fields | CRC-32C (4 bytes, big-endian)
//
// The fields are protocol-buffer wire format (protowire): a tag (field
// number and wire type) before each value, so a reader skips a field it
// does not know and a field it lacks reads as the zero value. Zero values
// are not written. Lists repeat their tag, one element each; a list of
// structures (boundaries, busy months) holds one length-delimited
// sub-record per element, itself tagged, so it can gain fields too. A
// time is a varint, its Unix time in nanoseconds (zigzag); one outside
// the years 1678-2262 that int64 nanoseconds hold is a sub-record
// {1: seconds (zigzag), 2: nanoseconds}. The zero time is left out.
//
// The checksum covers the bucket's name, the key and the value before it
// (version and fields), so a damaged byte anywhere in a record, or a
// record found under another key or in another bucket, fails to open:
// every read returns ErrCorrupt rather than answering around it.
//
// Tags. Numbers not listed are free; ranges marked "reserved" are kept
// for the issues that will fill them, and nothing else may use them.
//
//	Friend (bucket friends, key id)
//	  1 id  2 name  3 nickname  4 emails*  5 phones*  6 urls*  7 org
//	  8 role  9 sectors*  10 closeness  11 worked_together  12 worked_note
//	  13 boundaries* {1 kind, 2 note}  14 busy* {1 from, 2 to}
//	  15 channel  16 notes  17 created  18 updated  19 archived
//	  30-49 reserved: judgement (circles, moments, scoped boundary fields;
//	        a boundary's sub-record keeps 1-2 and may grow from 3)
//	  50-59 reserved: drafts (language, greet-as)
//	  60-99 reserved: contacts (structured name, birthday, addresses,
//	        typed values, verbatim vCard properties)
//	Ask (bucket asks, key id)
//	  1 id  2 friend_id  3 kind  4 topic  5 sector  6 org  7 body
//	  8 status  9 created  10 sent  11 resolved  12 follow_up  13 thanked
//	  14 outcome
//	  30-49 reserved
//	Ask head (bucket asks_by_friend, key friend id|time|ask id): what the
//	policy weighs, so the first screen never reads a full ask
//	  1 kind  2 status  3 sector  4 org  5 created  6 sent  7 resolved
//	  8 follow_up  9 thanked
//	  30-49 reserved (as Ask)
//	Favor (bucket favors, key id)
//	  1 id  2 friend_id  3 what  4 at
//	  30-49 reserved (size)
//	Favor head (bucket favors_by_friend, key friend id|time|favor id)
//	  no fields yet (the key holds the owner and the time)
//	  30-49 reserved (size, as Favor)
//	Summary (bucket summaries, key friend id): one per friend, written in
//	the transaction of every ask or favor of theirs, so a read can tell
//	that an index entry is missing
//	  1 asks (how many)  2 favors (how many)
//	  10-99 reserved: the per-friend summary of what the policy weighs
//	        (readiness, the "Fast at any size" issue)
//	Counts (bucket meta, key counts): how many records each bucket holds,
//	so a read of a whole bucket can tell that one went missing
//	  1 friends  2 asks  3 favors
//
// The profile is the exception: its body is JSON (read once, and JSON
// already skips fields it does not know), in the same envelope.

// errCorrupt reports a value that does not decode or fails its checksum.
var errCorrupt = errors.New("corrupt record")

const recordV2 = 2

// Friend tags.
const (
	tagFriendID protowire.Number = iota + 1
	tagFriendName
	tagFriendNickname
	tagFriendEmail
	tagFriendPhone
	tagFriendURL
	tagFriendOrg
	tagFriendRole
	tagFriendSector
	tagFriendCloseness
	tagFriendWorkedTogether
	tagFriendWorkedNote
	tagFriendBoundary
	tagFriendBusy
	tagFriendChannel
	tagFriendNotes
	tagFriendCreated
	tagFriendUpdated
	tagFriendArchived
)

// Ask tags.
const (
	tagAskID protowire.Number = iota + 1
	tagAskFriendID
	tagAskKind
	tagAskTopic
	tagAskSector
	tagAskOrg
	tagAskBody
	tagAskStatus
	tagAskCreated
	tagAskSent
	tagAskResolved
	tagAskFollowUp
	tagAskThanked
	tagAskOutcome
)

// Ask head tags.
const (
	tagHeadKind protowire.Number = iota + 1
	tagHeadStatus
	tagHeadSector
	tagHeadOrg
	tagHeadCreated
	tagHeadSent
	tagHeadResolved
	tagHeadFollowUp
	tagHeadThanked
)

// Favor tags.
const (
	tagFavorID protowire.Number = iota + 1
	tagFavorFriendID
	tagFavorWhat
	tagFavorAt
)

// Tags of the sub-records and of the summary and counts records.
const (
	tagBoundaryKind, tagBoundaryNote protowire.Number = 1, 2
	tagBusyFrom, tagBusyTo           protowire.Number = 1, 2
	tagTimeSec, tagTimeNano          protowire.Number = 1, 2
	tagSummaryAsks, tagSummaryFavors protowire.Number = 1, 2
	tagCountFriends                  protowire.Number = 1
	tagCountAsks                     protowire.Number = 2
	tagCountFavors                   protowire.Number = 3
)

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

// keyTime decodes the time part of a history key.
func keyTime(b []byte) time.Time {
	u := binary.BigEndian.Uint64(b)
	if u == 0 {
		return time.Time{}
	}
	return time.Unix(0, int64(u^(1<<63))).UTC()
}

// The checksum: CRC-32C over bucket name, key and value.

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// seed is the checksum of a bucket's name, where each value's starts.
type seed uint32

func seedOf(bucket []byte) seed { return seed(crc32.Update(0, castagnoli, bucket)) }

func (s seed) sum(key, value []byte) uint32 {
	return crc32.Update(crc32.Update(uint32(s), castagnoli, key), castagnoli, value)
}

// open checks the envelope of v, stored under key in the bucket of s, and
// returns its fields.
func (s seed) open(key, v []byte) ([]byte, error) {
	if len(v) < 5 || v[0] != recordV2 {
		return nil, errCorrupt
	}
	body := v[:len(v)-4]
	if binary.BigEndian.Uint32(v[len(v)-4:]) != s.sum(key, body) {
		return nil, errCorrupt
	}
	return body[1:], nil
}

// enc builds a value.
type enc struct{ b []byte }

func newEnc(size int) enc {
	e := enc{b: make([]byte, 1, size)}
	e.b[0] = recordV2
	return e
}

func (e *enc) uint(n protowire.Number, v uint64) {
	if v != 0 {
		e.b = protowire.AppendTag(e.b, n, protowire.VarintType)
		e.b = protowire.AppendVarint(e.b, v)
	}
}

func (e *enc) bool(n protowire.Number, v bool) {
	if v {
		e.uint(n, 1)
	}
}

func (e *enc) str(n protowire.Number, s string) {
	if s != "" {
		e.b = protowire.AppendTag(e.b, n, protowire.BytesType)
		e.b = protowire.AppendString(e.b, s)
	}
}

// strs writes every element, empty ones too, so a list reads back as it
// was written.
func (e *enc) strs(n protowire.Number, ss []string) {
	for _, s := range ss {
		e.b = protowire.AppendTag(e.b, n, protowire.BytesType)
		e.b = protowire.AppendString(e.b, s)
	}
}

// sub writes a sub-record built by fn.
func (e *enc) sub(n protowire.Number, fn func(s *enc)) {
	s := enc{b: make([]byte, 0, 32)}
	fn(&s)
	e.b = protowire.AppendTag(e.b, n, protowire.BytesType)
	e.b = protowire.AppendBytes(e.b, s.b)
}

func (e *enc) time(n protowire.Number, t time.Time) {
	if t.IsZero() {
		return
	}
	if sec := t.Unix(); sec > math.MinInt64/int64(time.Second) && sec < math.MaxInt64/int64(time.Second) {
		// Written even when 0 (the Unix epoch is a time, not none).
		e.b = protowire.AppendTag(e.b, n, protowire.VarintType)
		e.b = protowire.AppendVarint(e.b, protowire.EncodeZigZag(t.UnixNano()))
		return
	}
	e.sub(n, func(s *enc) {
		s.uint(tagTimeSec, protowire.EncodeZigZag(t.Unix()))
		s.uint(tagTimeNano, uint64(t.Nanosecond()))
	})
}

// seal appends the checksum for key in the bucket of s.
func (e *enc) seal(s seed, key []byte) []byte {
	return binary.BigEndian.AppendUint32(e.b, s.sum(key, e.b))
}

// dec walks the fields of a body. next reads one field: its number, and
// its value in u (varint) or d (length-delimited, whose offsets in the
// body are lo and hi). Other wire types are skipped.
type dec struct {
	b      []byte // what is left
	n      int    // length of the whole body
	num    protowire.Number
	typ    protowire.Type
	u      uint64
	d      []byte
	lo, hi int
	err    bool
}

func newDec(body []byte) dec { return dec{b: body, n: len(body)} }

func (d *dec) next() bool {
	if len(d.b) == 0 || d.err {
		return false
	}
	// Most tags and lengths are one byte: read those inline, leave the
	// rest to protowire. Friends at 100k: 60 ms of decoding without this,
	// 40 ms with it (BenchmarkStore/100k/Friends).
	var num protowire.Number
	var typ protowire.Type
	n := 1
	if c := d.b[0]; c >= 8 && c < 0x80 {
		num, typ = protowire.Number(c>>3), protowire.Type(c&7)
	} else if num, typ, n = protowire.ConsumeTag(d.b); n < 0 {
		d.err = true
		return false
	}
	d.b = d.b[n:]
	d.num, d.typ = num, typ
	switch typ {
	case protowire.VarintType:
		if len(d.b) > 0 && d.b[0] < 0x80 {
			d.u, n = uint64(d.b[0]), 1
		} else {
			d.u, n = protowire.ConsumeVarint(d.b)
		}
	case protowire.BytesType:
		if len(d.b) > 0 && d.b[0] < 0x80 && int(d.b[0]) < len(d.b) {
			l := int(d.b[0])
			d.d, n = d.b[1:1+l], 1+l
		} else {
			d.d, n = protowire.ConsumeBytes(d.b)
		}
		if n >= 0 {
			d.hi = d.n - len(d.b) + n
			d.lo = d.hi - len(d.d)
		}
	default:
		n = protowire.ConsumeFieldValue(num, typ, d.b)
	}
	if n < 0 {
		d.err = true
		return false
	}
	d.b = d.b[n:]
	return true
}

// want reports whether the field has wire type t; a known field of
// another type is damage.
func (d *dec) want(t protowire.Type) bool {
	if d.typ != t {
		d.err = true
		return false
	}
	return true
}

func (d *dec) uint() uint64 {
	if !d.want(protowire.VarintType) {
		return 0
	}
	return d.u
}

func (d *dec) bool() bool { return d.uint() != 0 }

func (d *dec) bytes() []byte {
	if !d.want(protowire.BytesType) {
		return nil
	}
	return d.d
}

// str returns the string field, a substring of s when s holds the body
// (no copy), else a copy.
func (d *dec) str(s string) string {
	b := d.bytes()
	if s != "" {
		return s[d.lo:d.hi]
	}
	return string(b)
}

func (d *dec) time() time.Time {
	if d.typ == protowire.VarintType {
		return time.Unix(0, protowire.DecodeZigZag(d.u)).UTC()
	}
	s := newDec(d.bytes())
	var sec int64
	var ns uint64
	for s.next() {
		switch s.num {
		case tagTimeSec:
			sec = protowire.DecodeZigZag(s.uint())
		case tagTimeNano:
			ns = s.uint()
		}
	}
	if s.err || ns >= 1e9 {
		d.err = true
		return time.Time{}
	}
	return time.Unix(sec, int64(ns)).UTC()
}

// nanos is time as Unix nanoseconds, without making a time.Time for the
// common form.
func (d *dec) nanos() int64 {
	if d.typ == protowire.VarintType {
		return protowire.DecodeZigZag(d.u)
	}
	return nanos(d.time())
}

func (d *dec) result() error {
	if d.err {
		return errCorrupt
	}
	return nil
}

var (
	seedFriends        = seedOf(bucketFriends)
	seedAsks           = seedOf(bucketAsks)
	seedFavors         = seedOf(bucketFavors)
	seedAsksByFriend   = seedOf(bucketAsksByFriend)
	seedFavorsByFriend = seedOf(bucketFavorsByFriend)
	seedSummaries      = seedOf(bucketSummaries)
	seedMeta           = seedOf(bucketMeta)
	seedProfile        = seedOf(bucketProfile)
)

func encodeFriend(f *Friend) []byte {
	e := newEnc(160)
	e.uint(tagFriendID, f.ID)
	e.str(tagFriendName, f.Name)
	e.str(tagFriendNickname, f.Nickname)
	e.strs(tagFriendEmail, f.Emails)
	e.strs(tagFriendPhone, f.Phones)
	e.strs(tagFriendURL, f.URLs)
	e.str(tagFriendOrg, f.Org)
	e.str(tagFriendRole, f.Role)
	e.strs(tagFriendSector, f.Sectors)
	e.uint(tagFriendCloseness, uint64(f.Closeness))
	e.bool(tagFriendWorkedTogether, f.WorkedTogether)
	e.str(tagFriendWorkedNote, f.WorkedNote)
	for _, b := range f.Boundaries {
		e.sub(tagFriendBoundary, func(s *enc) {
			s.str(tagBoundaryKind, string(b.Kind))
			s.str(tagBoundaryNote, b.Note)
		})
	}
	for _, r := range f.Busy {
		e.sub(tagFriendBusy, func(s *enc) {
			s.uint(tagBusyFrom, uint64(r.From))
			s.uint(tagBusyTo, uint64(r.To))
		})
	}
	e.str(tagFriendChannel, f.Channel)
	e.str(tagFriendNotes, f.Notes)
	e.time(tagFriendCreated, f.Created)
	e.time(tagFriendUpdated, f.Updated)
	e.bool(tagFriendArchived, f.Archived)
	return e.seal(seedFriends, itob(f.ID))
}

// decodeFriend opens and decodes the friend stored at key k.
func decodeFriend(k, v []byte) (Friend, error) {
	var f Friend
	body, err := seedFriends.open(k, v)
	if err == nil {
		fd := friendDecoder{single: true}
		err = fd.decode(&f, body, "")
	}
	if err == nil && f.ID != btoi(k) {
		err = errCorrupt
	}
	return f, err
}

// friendDecoder decodes many friends. Their lists are gathered in
// scratch slices and then cut from chunks that every friend shares, so
// that decoding 100,000 friends allocates a handful of times, not once a
// list.
type friendDecoder struct {
	emails, phones, urls, sectors []string
	boundaries                    []Boundary
	busy                          []MonthRange

	strPool      []string
	boundaryPool []Boundary
	busyPool     []MonthRange
	// single is set to decode one friend: no chunks.
	single bool
}

// decode decodes body into f. When s is not empty it holds the same
// bytes as body, and every string of f is a substring of it.
func (fd *friendDecoder) decode(f *Friend, body []byte, s string) error {
	fd.emails, fd.phones, fd.urls, fd.sectors = fd.emails[:0], fd.phones[:0], fd.urls[:0], fd.sectors[:0]
	fd.boundaries, fd.busy = fd.boundaries[:0], fd.busy[:0]
	d := newDec(body)
	for d.next() {
		switch d.num {
		case tagFriendID:
			f.ID = d.uint()
		case tagFriendName:
			f.Name = d.str(s)
		case tagFriendNickname:
			f.Nickname = d.str(s)
		case tagFriendEmail:
			fd.emails = append(fd.emails, d.str(s))
		case tagFriendPhone:
			fd.phones = append(fd.phones, d.str(s))
		case tagFriendURL:
			fd.urls = append(fd.urls, d.str(s))
		case tagFriendOrg:
			f.Org = d.str(s)
		case tagFriendRole:
			f.Role = d.str(s)
		case tagFriendSector:
			fd.sectors = append(fd.sectors, d.str(s))
		case tagFriendCloseness:
			f.Closeness = int(d.uint())
		case tagFriendWorkedTogether:
			f.WorkedTogether = d.bool()
		case tagFriendWorkedNote:
			f.WorkedNote = d.str(s)
		case tagFriendBoundary:
			var b Boundary
			sub := newDec(d.bytes())
			var ss string
			if s != "" {
				ss = s[d.lo:d.hi]
			}
			for sub.next() {
				switch sub.num {
				case tagBoundaryKind:
					b.Kind = Kind(sub.str(ss))
				case tagBoundaryNote:
					b.Note = sub.str(ss)
				}
			}
			d.err = d.err || sub.err
			fd.boundaries = append(fd.boundaries, b)
		case tagFriendBusy:
			var r MonthRange
			sub := newDec(d.bytes())
			for sub.next() {
				switch sub.num {
				case tagBusyFrom:
					r.From = time.Month(sub.uint())
				case tagBusyTo:
					r.To = time.Month(sub.uint())
				}
			}
			d.err = d.err || sub.err
			fd.busy = append(fd.busy, r)
		case tagFriendChannel:
			f.Channel = d.str(s)
		case tagFriendNotes:
			f.Notes = d.str(s)
		case tagFriendCreated:
			f.Created = d.time()
		case tagFriendUpdated:
			f.Updated = d.time()
		case tagFriendArchived:
			f.Archived = d.bool()
		}
	}
	chunk := 4096
	if fd.single {
		chunk = 0
	}
	f.Emails = cut(&fd.strPool, fd.emails, chunk)
	f.Phones = cut(&fd.strPool, fd.phones, chunk)
	f.URLs = cut(&fd.strPool, fd.urls, chunk)
	f.Sectors = cut(&fd.strPool, fd.sectors, chunk)
	f.Boundaries = cut(&fd.boundaryPool, fd.boundaries, chunk)
	f.Busy = cut(&fd.busyPool, fd.busy, chunk)
	return d.result()
}

// cut copies src into a slice cut from *pool (refilled chunk elements at
// a time), nil when src is empty. The slice's capacity is its length, so
// appending to it copies rather than overwriting a neighbour.
func cut[E any](pool *[]E, src []E, chunk int) []E {
	n := len(src)
	if n == 0 {
		return nil
	}
	if cap(*pool)-len(*pool) < n {
		*pool = make([]E, 0, max(n, chunk))
	}
	p := *pool
	*pool = p[:len(p)+n]
	out := p[len(p) : len(p)+n : len(p)+n]
	copy(out, src)
	return out
}

func encodeAsk(a *Ask) []byte {
	e := newEnc(96 + len(a.Body))
	e.uint(tagAskID, a.ID)
	e.uint(tagAskFriendID, a.FriendID)
	e.str(tagAskKind, string(a.Kind))
	e.str(tagAskTopic, a.Topic)
	e.str(tagAskSector, a.Sector)
	e.str(tagAskOrg, a.Org)
	e.str(tagAskBody, a.Body)
	e.str(tagAskStatus, string(a.Status))
	e.time(tagAskCreated, a.Created)
	e.time(tagAskSent, a.Sent)
	e.time(tagAskResolved, a.Resolved)
	e.time(tagAskFollowUp, a.FollowUp)
	e.time(tagAskThanked, a.Thanked)
	e.str(tagAskOutcome, a.Outcome)
	return e.seal(seedAsks, itob(a.ID))
}

// decodeAsk opens and decodes the ask stored at key k.
func decodeAsk(k, v []byte) (Ask, error) {
	var a Ask
	body, err := seedAsks.open(k, v)
	if err != nil {
		return a, err
	}
	// One copy of the body, whose substrings the fields are: one
	// allocation an ask instead of five (Snapshot reads a million).
	str := string(body)
	d := newDec(body)
	for d.next() {
		switch d.num {
		case tagAskID:
			a.ID = d.uint()
		case tagAskFriendID:
			a.FriendID = d.uint()
		case tagAskKind:
			a.Kind = Kind(d.str(str))
		case tagAskTopic:
			a.Topic = d.str(str)
		case tagAskSector:
			a.Sector = d.str(str)
		case tagAskOrg:
			a.Org = d.str(str)
		case tagAskBody:
			a.Body = d.str(str)
		case tagAskStatus:
			a.Status = Status(d.str(str))
		case tagAskCreated:
			a.Created = d.time()
		case tagAskSent:
			a.Sent = d.time()
		case tagAskResolved:
			a.Resolved = d.time()
		case tagAskFollowUp:
			a.FollowUp = d.time()
		case tagAskThanked:
			a.Thanked = d.time()
		case tagAskOutcome:
			a.Outcome = d.str(str)
		}
	}
	if d.err || a.ID != btoi(k) {
		return a, errCorrupt
	}
	return a, nil
}

// encodeAskHead is the value kept in the asks-by-friend index under key:
// what the policy needs to weigh an ask, without topic, body or outcome,
// so that every friend's readiness can be computed from the index alone.
func encodeAskHead(key []byte, a *Ask) []byte {
	e := newEnc(80)
	e.str(tagHeadKind, string(a.Kind))
	e.str(tagHeadStatus, string(a.Status))
	e.str(tagHeadSector, a.Sector)
	e.str(tagHeadOrg, a.Org)
	e.time(tagHeadCreated, a.Created)
	e.time(tagHeadSent, a.Sent)
	e.time(tagHeadResolved, a.Resolved)
	e.time(tagHeadFollowUp, a.FollowUp)
	e.time(tagHeadThanked, a.Thanked)
	return e.seal(seedAsksByFriend, key)
}

// decodeAskHead reads an index entry, straight from the transaction's
// bytes, into the compact in-memory head: codes and numbers, no strings, so
// a million heads cost no allocation each.
func decodeAskHead(k, v []byte) (AskFact, askHead, error) {
	var f AskFact
	h := askHead{id: historyID(k)}
	body, err := seedAsksByFriend.open(k, v)
	if err != nil {
		return f, h, err
	}
	d := newDec(body)
	for d.next() {
		switch d.num {
		case tagHeadKind:
			f.kind = kindCode(d.bytes())
		case tagHeadStatus:
			f.status = statusCode(d.bytes())
		case tagHeadCreated:
			h.created = d.nanos()
		case tagHeadSent:
			h.sent = d.nanos()
		case tagHeadResolved:
			h.resolved = d.nanos()
		case tagHeadFollowUp:
			h.followUp = d.nanos()
		case tagHeadThanked:
			h.thanked = d.nanos()
		}
	}
	f.At = h.sent
	if f.At == 0 {
		f.At = h.created
	}
	return f, h, d.result()
}

// headStatus returns the status code of an index entry, checking its
// checksum but decoding nothing else.
func headStatus(k, v []byte) (uint8, error) {
	body, err := seedAsksByFriend.open(k, v)
	if err != nil {
		return 0, err
	}
	var st uint8
	d := newDec(body)
	for d.next() {
		if d.num == tagHeadStatus {
			st = statusCode(d.bytes())
		}
	}
	return st, d.result()
}

func encodeFavor(v *Favor) []byte {
	e := newEnc(48 + len(v.What))
	e.uint(tagFavorID, v.ID)
	e.uint(tagFavorFriendID, v.FriendID)
	e.str(tagFavorWhat, v.What)
	e.time(tagFavorAt, v.At)
	return e.seal(seedFavors, itob(v.ID))
}

// decodeFavor opens and decodes the favor stored at key k.
func decodeFavor(k, b []byte) (Favor, error) {
	var v Favor
	body, err := seedFavors.open(k, b)
	if err != nil {
		return v, err
	}
	str := string(body)
	d := newDec(body)
	for d.next() {
		switch d.num {
		case tagFavorID:
			v.ID = d.uint()
		case tagFavorFriendID:
			v.FriendID = d.uint()
		case tagFavorWhat:
			v.What = d.str(str)
		case tagFavorAt:
			v.At = d.time()
		}
	}
	if d.err || v.ID != btoi(k) {
		return v, errCorrupt
	}
	return v, nil
}

// encodeFavorHead is the value of a favors-by-friend entry: no fields
// yet, the checksum of its key.
func encodeFavorHead(key []byte) []byte {
	e := newEnc(5)
	return e.seal(seedFavorsByFriend, key)
}

// checkFavorHead checks a favors-by-friend entry.
func checkFavorHead(k, v []byte) error {
	body, err := seedFavorsByFriend.open(k, v)
	if err != nil {
		return err
	}
	d := newDec(body)
	for d.next() {
	}
	return d.result()
}

// summary is the per-friend record: how many asks and favors the
// indexes hold for the friend. It will grow into the summary of what the
// policy weighs (tags 10-99).
type summary struct {
	asks, favors uint64
}

func encodeSummary(friendID uint64, s summary) []byte {
	e := newEnc(12)
	e.uint(tagSummaryAsks, s.asks)
	e.uint(tagSummaryFavors, s.favors)
	return e.seal(seedSummaries, itob(friendID))
}

func decodeSummary(k, v []byte) (summary, error) {
	var s summary
	body, err := seedSummaries.open(k, v)
	if err != nil {
		return s, err
	}
	d := newDec(body)
	for d.next() {
		switch d.num {
		case tagSummaryAsks:
			s.asks = d.uint()
		case tagSummaryFavors:
			s.favors = d.uint()
		}
	}
	return s, d.result()
}

// counts is how many records each bucket holds.
type counts struct {
	friends, asks, favors uint64
}

func encodeCounts(c counts) []byte {
	e := newEnc(16)
	e.uint(tagCountFriends, c.friends)
	e.uint(tagCountAsks, c.asks)
	e.uint(tagCountFavors, c.favors)
	return e.seal(seedMeta, keyCounts)
}

func decodeCounts(v []byte) (counts, error) {
	var c counts
	body, err := seedMeta.open(keyCounts, v)
	if err != nil {
		return c, err
	}
	d := newDec(body)
	for d.next() {
		switch d.num {
		case tagCountFriends:
			c.friends = d.uint()
		case tagCountAsks:
			c.asks = d.uint()
		case tagCountFavors:
			c.favors = d.uint()
		}
	}
	return c, d.result()
}

func encodeProfile(p *Profile) ([]byte, error) {
	js, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	e := newEnc(len(js) + 5)
	e.b = append(e.b, js...)
	return e.seal(seedProfile, keyProfile), nil
}

// decodeProfile opens the profile. Fields it does not know (from a newer
// kith) are ignored, as encoding/json does.
func decodeProfile(b []byte) (Profile, error) {
	p := DefaultProfile()
	body, err := seedProfile.open(keyProfile, b)
	if err != nil {
		return p, err
	}
	if err := json.Unmarshal(body, &p); err != nil {
		return DefaultProfile(), errCorrupt
	}
	return p, nil
}
