package tui

import (
	"cmp"
	"os"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"kith/policy"
	"kith/store"
)

// dataset is one load of the database, immutable once built: background
// commands read it while Update goes on. A load comes in two steps: the
// friends alone (partial, enough for the first frame), then the same
// friends with their history.
type dataset struct {
	gen     uint64 // unique per dataset
	base    uint64 // the gen of the friends list; the history step keeps it
	partial bool   // no history yet
	friends []store.Friend
	// asksOf and favorsOf give friend i's asks and favors as the policy
	// weighs them (the store's facts, read in place: nothing to expand),
	// oldest first; none while partial.
	asksOf   func(i int) []store.AskFact
	favorsOf func(i int) []store.FavorFact
	// places counts where the friends are (policy.CountPlaces), for
	// whether one is the only one you know there; nil while partial.
	places  *policy.Places
	profile store.Profile

	lastAsk  []time.Time // when the last made ask was, zero if none
	byName   []int32     // friend indexes sorted by name
	rank     []int32     // rank[i] is friend i's position in byName
	byLast   []int32     // most recent ask first, never-asked last, then by name; nil while partial
	archived int
	topOnly  bool // byName holds only the first names (and rank is nil) until sortCmd
}

// sortedMsg carries d with every friend in the name order.
type sortedMsg struct{ d *dataset }

// sortCmd sorts every friend of a topOnly dataset by name.
func sortCmd(d *dataset) tea.Cmd {
	return func() tea.Msg {
		return sortedMsg{newPartial(d.gen, d.friends, d.profile, 0)}
	}
}

// index is the filter's haystacks, built in a command after the first
// frame; it depends on the friends only.
type index struct {
	base   uint64
	hay    []string // folded (store.Fold) name, nickname, org, sectors and notes, NUL-separated
	all    string   // every haystack, each followed by \x01; hay[i] is a slice of it
	starts []int32  // hay[i] begins at all[starts[i]]; starts[n] = len(all)
}

func noAsks(int) []store.AskFact     { return nil }
func noFavors(int) []store.FavorFact { return nil }

// newDataset is a complete dataset: friends with their history. asksOf and
// favorsOf give a friend's facts by index, oldest first.
func newDataset(gen uint64, friends []store.Friend, asksOf func(int) []store.AskFact, favorsOf func(int) []store.FavorFact, p store.Profile) *dataset {
	d := newPartial(gen, friends, p, 0)
	last := make([]time.Time, len(friends))
	for i := range friends {
		asks := asksOf(i)
		for j := len(asks) - 1; j >= 0; j-- {
			if asks[j].Status().Made() {
				last[i] = store.TimeOf(asks[j].At())
				break
			}
		}
	}
	return d.withHistory(gen, asksOf, favorsOf, last)
}

// firstRows is how many friends the first frame sorts by name before the
// rest (see newPartial).
const firstRows = 512

// newPartial prepares friends for the first frame: the name order. With
// top > 0 only the first top names are ordered (a cheap selection by first
// letter, then a sort of that letter's friends), and topOnly is set: the
// full order follows from sortCmd a moment later.
func newPartial(gen uint64, friends []store.Friend, p store.Profile, top int) *dataset {
	d := &dataset{gen: gen, base: gen, partial: true, friends: friends, asksOf: noAsks, favorsOf: noFavors, profile: p}
	n := len(friends)
	d.lastAsk = make([]time.Time, n)
	buf := make([]byte, 0, n*16)
	ends := make([]int, n)
	for i := range friends {
		f := &friends[i]
		if f.Archived {
			d.archived++
		}
		buf = store.AppendLower(buf, f.Name)
		ends[i] = len(buf)
	}
	names := slice(string(buf), ends)
	// sort (key, index) pairs: the key is the first 8 bytes as a number,
	// so most comparisons are one integer compare on adjacent memory
	type entry struct {
		key uint64
		i   int32
	}
	es := make([]entry, n)
	for i, h := range names {
		var k uint64
		for j := 0; j < 8; j++ {
			k <<= 8
			if j < len(h) {
				k |= uint64(h[j])
			}
		}
		es[i] = entry{k, int32(i)}
	}
	if top > 0 && n > top {
		// the smallest first bytes that hold at least top names
		var count [256]int
		for _, e := range es {
			count[e.key>>56]++
		}
		cut, sum := 0, 0
		for cut < 255 && sum+count[cut] < top {
			sum += count[cut]
			cut++
		}
		sel := make([]entry, 0, sum+count[cut])
		for _, e := range es {
			if int(e.key>>56) <= cut {
				sel = append(sel, e)
			}
		}
		es = sel
		d.topOnly = true
	}
	slices.SortFunc(es, func(a, b entry) int {
		if a.key != b.key {
			return cmp.Compare(a.key, b.key)
		}
		if c := strings.Compare(names[a.i], names[b.i]); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i)
	})
	if d.topOnly {
		es = es[:min(len(es), top)]
	}
	d.byName = make([]int32, len(es))
	for r, e := range es {
		d.byName[r] = e.i
	}
	if d.topOnly {
		return d
	}
	d.rank = make([]int32, n)
	for r, i := range d.byName {
		d.rank[i] = int32(r)
	}
	return d
}

// withHistory is d completed with the friends' history, as generation gen.
func (d *dataset) withHistory(gen uint64, asksOf func(int) []store.AskFact, favorsOf func(int) []store.FavorFact, lastAsk []time.Time) *dataset {
	c := *d
	c.gen, c.partial = gen, false
	c.asksOf, c.favorsOf, c.lastAsk = asksOf, favorsOf, lastAsk
	c.places = policy.CountPlaces(dsPool{&c})
	last := make([]int64, len(lastAsk))
	for i, t := range lastAsk {
		if t.IsZero() {
			last[i] = -1 << 63
		} else {
			last[i] = t.UnixNano()
		}
	}
	c.byLast = slices.Clone(d.byName)
	slices.SortFunc(c.byLast, func(a, b int32) int {
		if x := cmp.Compare(last[b], last[a]); x != 0 {
			return x
		}
		return cmp.Compare(d.rank[a], d.rank[b])
	})
	return &c
}

// slice cuts all at ends into strings sharing its memory.
func slice(all string, ends []int) []string {
	out := make([]string, len(ends))
	start := 0
	for i, e := range ends {
		out[i] = all[start:e]
		start = e
	}
	return out
}

// buildIndex builds the filter's haystacks for d's friends.
func buildIndex(d *dataset) *index {
	n := d.len()
	buf := make([]byte, 0, n*64)
	starts := make([]int32, n+1)
	for i := range d.friends {
		f := &d.friends[i]
		start := len(buf)
		starts[i] = int32(start)
		buf = store.AppendFold(buf, f.Name)
		buf = append(buf, 0)
		buf = store.AppendFold(buf, f.Nickname)
		buf = append(buf, 0)
		buf = store.AppendFold(buf, f.Org)
		for _, s := range f.Sectors {
			buf = append(buf, 0)
			buf = store.AppendFold(buf, s)
		}
		buf = append(buf, 0)
		buf = store.AppendFold(buf, f.Notes)
		buf = append(buf, 1)
	}
	starts[n] = int32(len(buf))
	ix := &index{base: d.base, all: string(buf), starts: starts, hay: make([]string, n)}
	for i := range n {
		ix.hay[i] = ix.all[starts[i] : starts[i+1]-1]
	}
	return ix
}

// mark sets in bits the rows whose haystack holds term, by searching the
// whole buffer at once (one call per match, not one per row).
func (ix *index) mark(term string, bits []uint64) {
	off, row, end := 0, 0, len(ix.all)
	for off < end {
		j := strings.Index(ix.all[off:], term)
		if j < 0 {
			return
		}
		p := int32(off + j)
		for ix.starts[row+1] <= p {
			row++
		}
		bits[row>>6] |= 1 << (row & 63)
		off = int(ix.starts[row+1]) // the next row
	}
}

// indexedMsg carries the index of the friends list ix.base.
type indexedMsg struct{ ix *index }

func indexCmd(d *dataset) tea.Cmd {
	return func() tea.Msg { return indexedMsg{buildIndex(d)} }
}

func (d *dataset) len() int {
	if d == nil {
		return 0
	}
	return len(d.friends)
}

// index returns the position of the friend with id, or -1.
func (d *dataset) index(id uint64) int {
	if d == nil {
		return -1
	}
	i, ok := slices.BinarySearchFunc(d.friends, id, func(f store.Friend, id uint64) int { return cmp.Compare(f.ID, id) })
	if !ok {
		return -1
	}
	return i
}

// fileStamp is what the watcher compares to notice writes by others.
type fileStamp struct {
	mod  time.Time
	size int64
	ok   bool
}

func statFile(path string) fileStamp {
	fi, err := os.Stat(path)
	if err != nil {
		return fileStamp{}
	}
	return fileStamp{mod: fi.ModTime(), size: fi.Size(), ok: true}
}

// loadedMsg carries a finished load; seq orders loads so a stale one never
// replaces a newer one.
type loadedMsg struct {
	seq   uint64
	data  *dataset
	stamp fileStamp
	err   error
}

// statMsg is the watcher's periodic look at the database file.
type statMsg struct{ stamp fileStamp }

// Loader is the part of the store the TUI reads and writes through. Every
// call opens and closes the database; the TUI never holds it.
type Loader interface {
	Path() string
	Friends() ([]store.Friend, error)
	NetworkFor(friends []store.Friend) (*store.Network, error)
	Profile() (store.Profile, error)
	History(friendID uint64) ([]store.Ask, []store.Favor, error)
	Batch(now time.Time, fn func(tx *store.Tx) error) error
}

// loadCmd reads the friends and the profile: the first step of a load.
func loadCmd(st Loader, seq uint64) tea.Cmd {
	return func() tea.Msg {
		stamp := statFile(st.Path())
		fs, err := st.Friends()
		if err != nil {
			return loadedMsg{seq: seq, err: err, stamp: stamp}
		}
		p, err := st.Profile()
		if err != nil {
			return loadedMsg{seq: seq, err: err, stamp: stamp}
		}
		return loadedMsg{seq: seq, data: newPartial(seq*2, fs, p, firstRows), stamp: stamp}
	}
}

// historyCmd reads the heads of the asks and favors of d's friends (not
// the friends again): the second step of a load. A friend added between
// the steps is left out until the reload the watcher then starts.
func historyCmd(st Loader, seq uint64, d *dataset) tea.Cmd {
	return func() tea.Msg {
		n, err := st.NetworkFor(d.friends)
		if err != nil {
			return loadedMsg{seq: seq, err: err}
		}
		last := make([]time.Time, len(n.Friends))
		for i := range last {
			last[i] = n.LastAsk(i)
		}
		if d.topOnly {
			d = newPartial(d.gen, d.friends, d.profile, 0) // the same base
		}
		return loadedMsg{seq: seq, data: d.withHistory(seq*2+1, n.AsksOf, n.FavorsOf, last)}
	}
}

// watchCmd looks at the database file once after d.
func watchCmd(path string, d time.Duration) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return statMsg{stamp: statFile(path)} })
}
