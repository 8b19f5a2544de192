package tui

import (
	"slices"
	"time"

	"kith/store"
)

// heads is every friend's ask and favor heads in a compact form: a
// million asks take about 64 MB here instead of the 264 MB of a []store.Ask.
// Friend i's asks are asks[askAt[i]:askAt[i+1]], oldest first.
type heads struct {
	asks   []askHead
	favors []favorHead
	askAt  []int32
	favAt  []int32
	strs   []string // sectors and orgs, by index
}

type askHead struct {
	id                                         uint64
	created, sent, resolved, followUp, thanked int64 // Unix nanoseconds, 0 for the zero time
	sector, org                                uint32
	kind, status                               uint8
}

type favorHead struct {
	id uint64
	at int64
}

var (
	kindList   = store.Kinds()
	statusList = store.Statuses()
)

func nanos(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

func fromNanos(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}

// scanHeads reads the history heads of friends (sorted by id) from st.
// Records of friends not in the list (added since) are skipped.
func scanHeads(st Loader, friends []store.Friend) (*heads, error) {
	h := &heads{askAt: make([]int32, len(friends)+1), favAt: make([]int32, len(friends)+1)}
	strIdx := map[string]uint32{"": 0}
	h.strs = []string{""}
	intern := func(s string) uint32 {
		if i, ok := strIdx[s]; ok {
			return i
		}
		i := uint32(len(h.strs))
		strIdx[s] = i
		h.strs = append(h.strs, s)
		return i
	}
	fi := 0 // walks friends alongside the grouped records
	err := st.ScanHistory(func(a *store.Ask) error {
		for fi < len(friends) && friends[fi].ID < a.FriendID {
			fi++
			h.askAt[fi] = int32(len(h.asks))
		}
		if fi == len(friends) || friends[fi].ID != a.FriendID {
			return nil // an orphan, or a friend added since
		}
		h.asks = append(h.asks, askHead{
			id: a.ID, created: nanos(a.Created), sent: nanos(a.Sent), resolved: nanos(a.Resolved),
			followUp: nanos(a.FollowUp), thanked: nanos(a.Thanked),
			sector: intern(a.Sector), org: intern(a.Org),
			kind: uint8(slices.Index(kindList, a.Kind)), status: uint8(slices.Index(statusList, a.Status)),
		})
		return nil
	}, nil)
	if err != nil {
		return nil, err
	}
	for fi < len(friends) {
		fi++
		h.askAt[fi] = int32(len(h.asks))
	}
	fi = 0
	err = st.ScanHistory(nil, func(v *store.Favor) error {
		for fi < len(friends) && friends[fi].ID < v.FriendID {
			fi++
			h.favAt[fi] = int32(len(h.favors))
		}
		if fi == len(friends) || friends[fi].ID != v.FriendID {
			return nil
		}
		h.favors = append(h.favors, favorHead{id: v.ID, at: nanos(v.At)})
		return nil
	})
	if err != nil {
		return nil, err
	}
	for fi < len(friends) {
		fi++
		h.favAt[fi] = int32(len(h.favors))
	}
	// the walk above sets the start of each friend lazily: fill the gaps
	// so that askAt[i] <= askAt[i+1]
	for i := 1; i < len(h.askAt); i++ {
		h.askAt[i] = max(h.askAt[i], h.askAt[i-1])
		h.favAt[i] = max(h.favAt[i], h.favAt[i-1])
	}
	return h, nil
}

// asksOf expands friend i's ask heads (friendID is theirs).
func (h *heads) asksOf(i int, friendID uint64) []store.Ask {
	lo, hi := h.askAt[i], h.askAt[i+1]
	if lo == hi {
		return nil
	}
	out := make([]store.Ask, hi-lo)
	for j, a := range h.asks[lo:hi] {
		out[j] = store.Ask{
			ID: a.id, FriendID: friendID,
			Created: fromNanos(a.created), Sent: fromNanos(a.sent), Resolved: fromNanos(a.resolved),
			FollowUp: fromNanos(a.followUp), Thanked: fromNanos(a.thanked),
			Sector: h.strs[a.sector], Org: h.strs[a.org],
		}
		if int(a.kind) < len(kindList) {
			out[j].Kind = kindList[a.kind]
		}
		if int(a.status) < len(statusList) {
			out[j].Status = statusList[a.status]
		}
	}
	return out
}

// favorsOf expands friend i's favor heads.
func (h *heads) favorsOf(i int, friendID uint64) []store.Favor {
	lo, hi := h.favAt[i], h.favAt[i+1]
	if lo == hi {
		return nil
	}
	out := make([]store.Favor, hi-lo)
	for j, v := range h.favors[lo:hi] {
		out[j] = store.Favor{ID: v.id, FriendID: friendID, At: fromNanos(v.at)}
	}
	return out
}

// lastMade is when friend i's last made ask was, zero if none.
func (h *heads) lastMade(i int) time.Time {
	for j := h.askAt[i+1] - 1; j >= h.askAt[i]; j-- {
		a := &h.asks[j]
		if int(a.status) < len(statusList) && statusList[a.status].Made() {
			if a.sent != 0 {
				return fromNanos(a.sent)
			}
			return fromNanos(a.created)
		}
	}
	return time.Time{}
}
