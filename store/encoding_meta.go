package store

// This file encodes the records beside the friends, asks and favors: the
// per-friend summary, the counts in meta, the undo record and the profile.

import (
	"bytes"
	"encoding/json"
	"time"
)

// summary is the per-friend record: how many asks and favors the
// indexes hold for the friend. It will grow into the summary of what the
// policy weighs (tags 10-99).
type summary struct {
	asks, favors uint64
	// lastMade is when the latest ask actually made was (Ask.At, Unix
	// nanoseconds; 0 for none).
	lastMade int64
}

func encodeSummary(friendID uint64, s summary) []byte {
	e := newEnc(12)
	e.uint(tagSummaryAsks, s.asks)
	e.uint(tagSummaryFavors, s.favors)
	e.time(tagSummaryLastMade, fromNanos(s.lastMade))
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
		case tagSummaryLastMade:
			s.lastMade = d.nanos()
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

// change is the last change kith can undo: the record id of bucket, its
// whole stored value before and after the change (see Tx.Undo).
type change struct {
	what          string
	at            time.Time
	bucket        string
	id            uint64
	before, after []byte
	undone        bool
}

func encodeChange(c *change) []byte {
	e := newEnc(len(c.before) + len(c.after) + 48)
	e.str(tagChangeWhat, c.what)
	e.time(tagChangeAt, c.at)
	e.str(tagChangeBucket, c.bucket)
	e.uint(tagChangeID, c.id)
	e.str(tagChangeBefore, string(c.before))
	e.str(tagChangeAfter, string(c.after))
	e.bool(tagChangeUndone, c.undone)
	return e.seal(seedMeta, keyUndo)
}

// decodeChange opens the change record; the values it holds are copies.
func decodeChange(v []byte) (change, error) {
	var c change
	body, err := seedMeta.open(keyUndo, v)
	if err != nil {
		return c, err
	}
	d := newDec(body)
	for d.next() {
		switch d.num {
		case tagChangeWhat:
			c.what = d.str("")
		case tagChangeAt:
			c.at = d.time()
		case tagChangeBucket:
			c.bucket = d.str("")
		case tagChangeID:
			c.id = d.uint()
		case tagChangeBefore:
			c.before = bytes.Clone(d.bytes())
		case tagChangeAfter:
			c.after = bytes.Clone(d.bytes())
		case tagChangeUndone:
			c.undone = d.bool()
		}
	}
	if err := d.result(); err != nil {
		return c, err
	}
	if c.id == 0 || c.at.IsZero() || c.bucket != string(bucketAsks) && c.bucket != string(bucketFriends) {
		return c, errCorrupt
	}
	return c, nil
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
	p.migrateBlurb()
	return p, nil
}
