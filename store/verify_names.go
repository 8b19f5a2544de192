package store

import (
	"bytes"
	"fmt"
)

// expectKeys notes the name index entry and the postings friend f calls
// for (schema 3 on; the circle postings from schema 4, the entry's row
// from schema 5, with its haystack from schema 6).
func (v *verifier) expectKeys(f *Friend) {
	if v.schema < 3 {
		return
	}
	if v.coll == nil {
		v.coll, v.wantNames, v.wantPosts = NewCollator(), map[string]bool{}, map[string]bool{}
		v.wantRows = map[string][]byte{}
	}
	nk, posts := friendKeys(v.coll, f)
	v.wantNames[string(nk)] = true
	if v.schema >= 5 {
		v.wantRows[string(nk)] = encodeRowOf(nk, f, v.schema >= 6)
	}
	for _, k := range posts {
		if k[0] == postCircle && v.schema < 4 {
			continue
		}
		v.wantPosts[string(k)] = true
	}
}

// nameIndexes checks the name index and the postings against the
// friends: every entry sound and called for, none missing.
func (v *verifier) nameIndexes() {
	if v.schema < 3 {
		return
	}
	for _, ix := range []struct {
		name []byte
		s    seed
		want map[string]bool
	}{{bucketNames, seedNames, v.wantNames}, {bucketPostings, seedPostings, v.wantPosts}} {
		c := v.tx.Bucket(ix.name).Cursor()
		for k, val := c.First(); k != nil && !v.full(); k, val = c.Next() {
			key := fmt.Sprintf("%x", k)
			switch {
			case len(k) < 9 || val == nil || checkEntry(ix.s, k, val) != nil:
				v.add(string(ix.name), key, "does not decode or fails its checksum")
			case !ix.want[string(k)]:
				v.add(string(ix.name), key, "names friend %d, who is not there or not so", btoi(k[len(k)-8:]))
			case v.schema >= 5 && ix.s == seedNames && !bytes.Equal(val, v.wantRows[string(k)]):
				delete(ix.want, string(k))
				v.add(string(ix.name), key, "%s", rowProblem(k, val, v.wantRows[string(k)]))
			default:
				delete(ix.want, string(k))
			}
		}
		for k := range ix.want {
			if v.full() {
				break
			}
			v.add(string(ix.name), fmt.Sprintf("%x", k), "friend %d's entry is missing", btoi([]byte(k[len(k)-8:])))
		}
	}
}

// rowProblem says what differs between the stored row got under key k
// and the row want its friend calls for: the haystack (what the TUI's
// filter searches, schema 6 on) when the rest is the same, else the row.
func rowProblem(k, got, want []byte) string {
	id := btoi(k[len(k)-8:])
	g, _ := seedNames.open(k, got)
	w, _ := seedNames.open(k, want)
	gh, _, gok, _ := rowHaystack(g)
	wh, _, wok, _ := rowHaystack(w)
	switch {
	case wok && !gok:
		return fmt.Sprintf("the row holds no haystack, which friend %d's record calls for", id)
	case gok != wok || !bytes.Equal(gh, wh):
		return fmt.Sprintf("the row's haystack (what the filter searches) differs from friend %d's record", id)
	}
	return fmt.Sprintf("the row differs from friend %d's record", id)
}
