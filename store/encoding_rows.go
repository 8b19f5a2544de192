package store

import "google.golang.org/protobuf/encoding/protowire"

// The codec of a row: the value of a name index entry (schema 5 on),
// with the tags encoding.go lists under Name. From schema 6 a row ends
// with the friend's haystack (AppendHaystack, notes included): what the
// TUI's filter searches, read without decoding a friend or folding.

// Row tags.
const (
	tagRowName protowire.Number = iota + 1
	tagRowNickname
	tagRowOrg
	tagRowSector
	tagRowCircle
	tagRowArchived
	tagRowIsOrg
	tagRowHaystack // schema 6 on; written last (rowDecoder copies what comes before)
)

// encodeRow is the name index value of friend f under key k.
func encodeRow(k []byte, f *Friend) []byte { return encodeRowOf(k, f, true) }

// encodeRowOf is encodeRow, without the haystack unless withHay (the row
// of schema 5, which kith verify expects of a schema-5 file).
func encodeRowOf(k []byte, f *Friend, withHay bool) []byte {
	var hay []byte
	if withHay {
		hay = friendHaystack(f)
	}
	e := newEnc(24 + len(f.Name) + len(f.Nickname) + len(f.Org) + len(hay))
	e.str(tagRowName, f.Name)
	e.str(tagRowNickname, f.Nickname)
	e.str(tagRowOrg, f.Org)
	e.strs(tagRowSector, f.Sectors)
	e.strs(tagRowCircle, f.Circles)
	e.bool(tagRowArchived, f.Archived)
	e.bool(tagRowIsOrg, f.IsOrg)
	if withHay {
		// Written even when short: a row without one is damage.
		e.b = protowire.AppendTag(e.b, tagRowHaystack, protowire.BytesType)
		e.b = protowire.AppendBytes(e.b, hay)
	}
	return e.seal(seedNames, k)
}

// friendHaystack is what the TUI's filter searches of f (AppendHaystack).
func friendHaystack(f *Friend) []byte {
	return AppendHaystack(nil, f.Name, f.Nickname, f.Org, f.Sectors, f.Notes)
}

// rowHaystack returns the haystack of a row's body (a slice of it) and
// whether it has one, with the body's other fields skipped, not decoded.
func rowHaystack(body []byte) (hay []byte, archived, ok bool, err error) {
	d := newDec(body)
	for d.next() {
		switch d.num {
		case tagRowArchived:
			archived = d.bool()
		case tagRowHaystack:
			hay, ok = d.bytes(), true
		}
	}
	return hay, archived, ok, d.result()
}

// rowDecoder decodes many rows, cutting their lists from chunks that
// rows share (as friendDecoder does), so that 100,000 rows allocate their
// lists a handful of times, not once a row.
type rowDecoder struct {
	pool []string
}

// decode opens the name index value v under key k into r. Its strings
// are copied out of v (one copy of the body, which they share), so r
// outlives the transaction.
func (rd *rowDecoder) decode(k, v []byte, r *Row) error {
	body, err := seedNames.open(k, v)
	if err != nil {
		return err
	}
	*r = Row{ID: nameID(k), Person: true}
	nSectors, nCircles, cut := 0, 0, len(body)
	d := newDec(body)
	for at := 0; d.next(); at = d.n - len(d.b) {
		switch d.num {
		case tagRowHaystack:
			cut = min(cut, at)
		case tagRowSector:
			nSectors++
		case tagRowCircle:
			nCircles++
		}
	}
	if n := nSectors + nCircles; n > 0 {
		if cap(rd.pool)-len(rd.pool) < n {
			rd.pool = make([]string, 0, max(1024, n))
		}
		lo := len(rd.pool)
		rd.pool = rd.pool[:lo+n]
		r.Sectors = rd.pool[lo : lo : lo+nSectors]
		r.Circles = rd.pool[lo+nSectors : lo+nSectors : lo+n]
	}
	// The copy the strings share stops at the haystack: a list of rows
	// holds no notes.
	s := string(body[:cut])
	str := func(d *dec) string {
		if d.hi <= len(s) {
			return d.str(s)
		}
		return string(d.bytes()) // a field after the haystack (a newer kith's)
	}
	d = newDec(body)
	for d.next() {
		switch d.num {
		case tagRowName:
			r.Name = str(&d)
		case tagRowNickname:
			r.Nickname = str(&d)
		case tagRowOrg:
			r.Org = str(&d)
		case tagRowSector:
			r.Sectors = append(r.Sectors, str(&d))
		case tagRowCircle:
			r.Circles = append(r.Circles, str(&d))
		case tagRowArchived:
			r.Archived = d.bool()
		case tagRowIsOrg:
			r.Person = !d.bool()
		}
	}
	if nSectors == 0 {
		r.Sectors = nil
	}
	if nCircles == 0 {
		r.Circles = nil
	}
	return d.result()
}
