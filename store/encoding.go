package store

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"time"

	"google.golang.org/protobuf/encoding/protowire"
)

// This file, encoding_records.go and encoding_contact.go hold every
// on-disk encoding: keys and values. This one describes the format and
// every tag, and holds the keys and the envelope; encoding_records.go the
// codec of each kind; encoding_contact.go that of a friend's contact
// fields.
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
//	  13 boundaries* {1 kind, 2 note, 3 exec, 4 own_org, 5 until, 6 if,
//	     7 guess}  14 busy* {1 from, 2 to}
//	  15 channel  16 notes  17 created  18 updated  19 archived
//	  30 circles*  31 moments* {1 kind, 2 at, 3 until, 4 note}
//	  32-49 reserved: judgement
//	  50 lang  51 greet_as (drafts: the language and the name to greet by)
//	  52-59 reserved: drafts
//	  60 name_parts {1 prefix, 2 given, 3 additional, 4 family, 5 suffix,
//	     6 phonetic_given, 7 phonetic_family}
//	  61 is_org  62 department
//	  63 birthday {1 year, 2 month, 3 day}  64 anniversary {as birthday}
//	  65 addresses* {1 types*, 2 po_box, 3 extended, 4 street, 5 locality,
//	     6 region, 7 postal_code, 8 country, 9 label}
//	  66 email_types* {1 value, 2 types*, 3 label}  67 phone_types* {as 66}
//	  68 url_types* {as 66}
//	  70 card_uid  71 card_version  72 card_sum
//	  73 card_props* {1 group, 2 name, 3 params, 4 value, 5 of, 6 sum}
//	  69, 74-99 reserved: contacts (the state of a sync with an address
//	        book)
//	  A file written before these fields lacks them, and reads as
//	  friends without them: adding them needed no migration.
//	Ask (bucket asks, key id)
//	  1 id  2 friend_id  3 kind  4 topic  5 sector  6 org  7 body
//	  8 status  9 created  10 sent  11 resolved  12 follow_up  13 thanked
//	  14 outcome  30 target_person  31 target_role
//	  32-49 reserved: judgement
//	Ask head (bucket asks_by_friend, key friend id|time|ask id): what the
//	policy weighs, so the first screen never reads a full ask
//	  1 kind  2 status  3 sector  4 org  5 created  6 sent  7 resolved
//	  8 follow_up  9 thanked
//	  30-49 reserved (as Ask)
//	Favor (bucket favors, key id)
//	  1 id  2 friend_id  3 what  4 at  30 size
//	  31-49 reserved: judgement
//	Favor head (bucket favors_by_friend, key friend id|time|favor id): the
//	key holds the owner and the time
//	  30 size (as Favor)
//	  31-49 reserved (as Favor)
//	Summary (bucket summaries, key friend id): one per friend, written in
//	the transaction of every ask or favor of theirs, so a read can tell
//	that an index entry is missing
//	  1 asks (how many)  2 favors (how many)
//	  10 last_made (the time of the latest ask actually made, a time;
//	     schema 3 on: what kith list shows, read without the asks' heads)
//	  11-99 reserved: the per-friend summary of what the policy weighs
//	        (readiness, the "Fast at any size" issue)
//	Sync state (bucket sync_state, key folder|0|card UID): a card and its
//	friend at the last sync with a folder (syncstate.go)
//	  1 uid  2 friend_id  3 file  4 size  5 mtime  6 inode  7 hash
//	  8 kith_sums (packed: 8 bytes big-endian per field of SyncFields)
//	  9 card_sums (as 8)
//	Name (bucket names, key collation key of the name | friend id): the
//	  friends in the name order (Collator); schema 5 on, the value is the
//	  friend's row (rows.go; before, it had no fields)
//	  1 name  2 nickname  3 org  4 sectors*  5 circles*  6 archived
//	  7 is_org (each as Friend's)  8 haystack (schema 6 on, last: what
//	  the TUI's filter searches, AppendHaystack of the friend)
//	Posting (bucket postings, key field | normalised value | 0 | friend
//	  id): where active people (not archived, not an organisation's card) are, field 'o' organisation (OrgKey),
//	  's' sector (lower-cased) and, schema 4 on, 'c' circle (CircleKey); the value has no fields
//	Counts (bucket meta, key counts): how many records each bucket holds,
//	so a read of a whole bucket can tell that one went missing
//	  1 friends  2 asks  3 favors
//	Change (bucket meta, key undo): the last change Tx.Undo can put back,
//	written in the transaction of the change (store/ops.go)
//	  1 what (outcome, mark as sent, thank-you, archive, restore)
//	  2 at  3 bucket (asks or friends)  4 id  5 before  6 after (the
//	  record's whole value, checksum included, before and after the
//	  change)  7 undone (the change is the undoing of what)
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

	tagFriendCircle protowire.Number = 30
	tagFriendMoment protowire.Number = 31
)

// Friend tags of the drafts range (50-59).
const (
	tagFriendLang    protowire.Number = 50
	tagFriendGreetAs protowire.Number = 51
)

// Friend tags of the contact fields.
const (
	tagFriendNameParts protowire.Number = iota + 60
	tagFriendIsOrg
	tagFriendDepartment
	tagFriendBirthday
	tagFriendAnniversary
	tagFriendAddress
	tagFriendEmailType
	tagFriendPhoneType
	tagFriendURLType
	_ // 69 reserved
	tagFriendCardUID
	tagFriendCardVersion
	tagFriendCardSum
	tagFriendCardProp
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

	tagAskTargetPerson protowire.Number = 30
	tagAskTargetRole   protowire.Number = 31
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

	tagFavorSize protowire.Number = 30
)

// Favor head tags.
const tagFavorHeadSize protowire.Number = 30

// Tags of the sub-records and of the summary and counts records.
const (
	tagBoundaryKind, tagBoundaryNote   protowire.Number = 1, 2
	tagBoundaryExec, tagBoundaryOwnOrg protowire.Number = 3, 4
	tagBoundaryUntil, tagBoundaryIf    protowire.Number = 5, 6
	tagBoundaryGuess                   protowire.Number = 7
	tagMomentKind, tagMomentAt         protowire.Number = 1, 2
	tagMomentUntil, tagMomentNote      protowire.Number = 3, 4
	tagBusyFrom, tagBusyTo             protowire.Number = 1, 2
	tagTimeSec, tagTimeNano            protowire.Number = 1, 2
	tagSummaryAsks, tagSummaryFavors   protowire.Number = 1, 2
	tagSummaryLastMade                 protowire.Number = 10
	tagCountFriends                    protowire.Number = 1
	tagCountAsks                       protowire.Number = 2
	tagCountFavors                     protowire.Number = 3
)

// Change tags.
const (
	tagChangeWhat protowire.Number = iota + 1
	tagChangeAt
	tagChangeBucket
	tagChangeID
	tagChangeBefore
	tagChangeAfter
	tagChangeUndone
)

// Tags of the contact fields' sub-records.
const (
	tagNamePrefix protowire.Number = iota + 1
	tagNameGiven
	tagNameAdditional
	tagNameFamily
	tagNameSuffix
	tagNamePhoneticGiven
	tagNamePhoneticFamily
)

const (
	tagDateYear, tagDateMonth, tagDateDay protowire.Number = 1, 2, 3
)

const (
	tagAddrTypes protowire.Number = iota + 1
	tagAddrPOBox
	tagAddrExtended
	tagAddrStreet
	tagAddrLocality
	tagAddrRegion
	tagAddrPostalCode
	tagAddrCountry
	tagAddrLabel
)

const (
	tagTypedValue, tagTypedTypes, tagTypedLabel protowire.Number = 1, 2, 3
)

const (
	tagPropGroup protowire.Number = iota + 1
	tagPropName
	tagPropParams
	tagPropValue
	tagPropOf
	tagPropSum
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

// nameKey is the key of a name index entry: the name's sort key, then
// the friend's id (so equal names sort by id).
func nameKey(c *Collator, name string, id uint64) []byte {
	return binary.BigEndian.AppendUint64(c.Key(nil, name), id)
}

// nameID returns the friend id of a name index key.
func nameID(k []byte) uint64 { return binary.BigEndian.Uint64(k[len(k)-8:]) }

// postingKey is the key of a posting: field, value, a 0 byte, friend id.
// The values (OrgKey, lower-cased sectors) hold no 0 byte: Validate
// refuses control characters.
func postingKey(field byte, value []byte, id uint64) []byte {
	k := make([]byte, 0, len(value)+10)
	k = append(append(append(k, field), value...), 0)
	return binary.BigEndian.AppendUint64(k, id)
}

// emptyEntry is the value of an index entry with no fields: the version
// and the checksum of its key.
func emptyEntry(s seed, key []byte) []byte {
	e := newEnc(5)
	return e.seal(s, key)
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

// subOf returns a decoder over the current field, a sub-record, and the
// string its bytes are a substring of ("" when s is).
func subOf(d *dec, s string) (dec, string) {
	sub := newDec(d.bytes())
	if s != "" {
		return sub, s[d.lo:d.hi]
	}
	return sub, ""
}

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
