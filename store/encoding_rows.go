package store

import "google.golang.org/protobuf/encoding/protowire"

// The codec of a row: the value of a name index entry (schema 5 on),
// with the tags encoding.go lists under Name.

// Row tags.
const (
	tagRowName protowire.Number = iota + 1
	tagRowNickname
	tagRowOrg
	tagRowSector
	tagRowCircle
	tagRowArchived
	tagRowIsOrg
)

// encodeRow is the name index value of friend f under key k.
func encodeRow(k []byte, f *Friend) []byte {
	e := newEnc(16 + len(f.Name) + len(f.Nickname) + len(f.Org))
	e.str(tagRowName, f.Name)
	e.str(tagRowNickname, f.Nickname)
	e.str(tagRowOrg, f.Org)
	e.strs(tagRowSector, f.Sectors)
	e.strs(tagRowCircle, f.Circles)
	e.bool(tagRowArchived, f.Archived)
	e.bool(tagRowIsOrg, f.IsOrg)
	return e.seal(seedNames, k)
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
	s := string(body)
	nSectors, nCircles := 0, 0
	d := newDec(body)
	for d.next() {
		switch d.num {
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
	d = newDec(body)
	for d.next() {
		switch d.num {
		case tagRowName:
			r.Name = d.str(s)
		case tagRowNickname:
			r.Nickname = d.str(s)
		case tagRowOrg:
			r.Org = d.str(s)
		case tagRowSector:
			r.Sectors = append(r.Sectors, d.str(s))
		case tagRowCircle:
			r.Circles = append(r.Circles, d.str(s))
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
