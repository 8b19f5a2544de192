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
// commands read it while Update goes on. A load comes in three steps: the
// first page of friends by name with their history (page, enough for the
// first frame and its badges), then every friend (partial, the page's
// history kept), then every friend with their history.
type dataset struct {
	gen     uint64 // unique per dataset
	base    uint64 // the gen of the friends list; the history step keeps it
	partial bool   // not everyone's history yet
	page    bool   // only the first friends by name (store.Store.FirstPage)
	total   int    // with page, how many friends the database holds
	// search is, for the answer to a filter typed before every friend is
	// read (pageOfCmd), the query: the friends are the first of its
	// matches by name (answerRows), with their history, out of found; ""
	// for a load.
	search string
	found  int
	// known tells, while partial, whether friend i's history is there
	// (the page's friends); nil for none.
	known   func(i int) bool
	friends []store.Friend
	// at finds a friend's position in friends by id (index).
	at positions
	// asksOf and favorsOf give friend i's asks and favors as the policy
	// weighs them (the store's facts, read in place: nothing to expand),
	// oldest first; none while partial, but for known friends.
	asksOf   func(i int) []store.AskFact
	favorsOf func(i int) []store.FavorFact
	// places counts where the friends are (policy.CountPlaces), for
	// whether one is the only one you know there; while partial, over
	// the people at the known friends' places (store.Page.Places), or nil.
	places  *policy.Places
	profile store.Profile

	lastAsk  []time.Time // when the last made ask was, zero if none
	byName   []int32     // friend indexes in the name order (store.Collator)
	rank     []int32     // rank[i] is friend i's position in byName
	byLast   []int32     // most recent ask first, never-asked last, then by name; nil while partial
	archived int
	// ix is the filter's index of these friends when the load step built
	// it (friendsCmd), else nil and built by indexCmd.
	ix *index
}

// hasHistory reports whether friend i's history is in d.
func (d *dataset) hasHistory(i int) bool {
	return !d.partial || d.known != nil && d.known(i)
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
func newDataset(gen uint64, now time.Time, friends []store.Friend, asksOf func(int) []store.AskFact, favorsOf func(int) []store.FavorFact, p store.Profile) *dataset {
	d := newPartial(gen, friends, nil, p)
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
	return d.withHistory(gen, now, asksOf, favorsOf, last)
}

// pageRows is how many friends the first step of a load reads: more than
// the tallest screen shows, so the first frame and a page down have their
// badges before the rest is read.
const pageRows = 128

// newPartial prepares friends (in id order) for the first frame: the name
// order, order (their ids in the name order, as the store's name index
// holds it) or, when order is nil, sorted here by the same collation.
// Ids of order not among friends are left out, and friends not in order
// go last.
func newPartial(gen uint64, friends []store.Friend, order []uint64, p store.Profile) *dataset {
	d := &dataset{gen: gen, base: gen, partial: true, friends: friends, at: positionsOf(friends), asksOf: noAsks, favorsOf: noFavors, profile: p}
	n := len(friends)
	d.lastAsk = make([]time.Time, n)
	for i := range friends {
		if friends[i].Archived {
			d.archived++
		}
	}
	d.byName = make([]int32, 0, n)
	d.rank = make([]int32, n)
	for i := range d.rank {
		d.rank[i] = -1
	}
	if order == nil {
		order = collatedOrder(friends)
	}
	for _, id := range order {
		if i := d.index(id); i >= 0 && d.rank[i] < 0 {
			d.rank[i] = int32(len(d.byName))
			d.byName = append(d.byName, int32(i))
		}
	}
	for i, r := range d.rank {
		if r < 0 {
			d.rank[i] = int32(len(d.byName))
			d.byName = append(d.byName, int32(i))
		}
	}
	return d
}

// collatedOrder is the ids of friends in the name order, by sort keys
// made here (the store's name index holds them made already).
func collatedOrder(friends []store.Friend) []uint64 {
	c := store.NewCollator()
	type entry struct {
		key string
		id  uint64
	}
	es := make([]entry, len(friends))
	var buf []byte
	for i := range friends {
		buf = c.Key(buf[:0], friends[i].Name)
		es[i] = entry{string(buf), friends[i].ID}
	}
	slices.SortFunc(es, func(a, b entry) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	ids := make([]uint64, len(es))
	for i, e := range es {
		ids[i] = e.id
	}
	return ids
}

// newPage is the first step of a load: the page's friends with their
// history and the counts of their places, in the name order.
func newPage(gen uint64, pg *store.Page, p store.Profile) *dataset {
	n := pg.Network
	d := newPartial(gen, n.Friends, pg.Order, p)
	d.page, d.total = true, pg.Total
	d.known = func(int) bool { return true }
	d.asksOf, d.favorsOf = n.AsksOf, n.FavorsOf
	d.places = policy.CountPlaces(policy.Friends(pg.Places))
	for i := range d.lastAsk {
		d.lastAsk[i] = n.LastAsk(i)
	}
	return d
}

// withPage is d (every friend, partial) keeping the history of the
// friends of pg (a page dataset), until the history step reads everyone's.
func (d *dataset) withPage(pg *dataset) *dataset {
	if pg == nil || !pg.page {
		return d
	}
	at := make(map[int32]int32, pg.len()) // d's index to pg's
	for j := range pg.friends {
		if i := d.index(pg.friends[j].ID); i >= 0 {
			at[int32(i)] = int32(j)
			d.lastAsk[i] = pg.lastAsk[j]
		}
	}
	d.known = func(i int) bool { _, ok := at[int32(i)]; return ok }
	d.asksOf = func(i int) []store.AskFact {
		if j, ok := at[int32(i)]; ok {
			return pg.asksOf(int(j))
		}
		return nil
	}
	d.favorsOf = func(i int) []store.FavorFact {
		if j, ok := at[int32(i)]; ok {
			return pg.favorsOf(int(j))
		}
		return nil
	}
	d.places = pg.places
	return d
}

// withHistory is d completed with the friends' history, as generation gen:
// the places counted over everyone, and the asks their circles had lately
// at now (the circle caution).
func (d *dataset) withHistory(gen uint64, now time.Time, asksOf func(int) []store.AskFact, favorsOf func(int) []store.FavorFact, lastAsk []time.Time) *dataset {
	c := *d
	c.gen, c.partial, c.page, c.known = gen, false, false, nil
	c.asksOf, c.favorsOf, c.lastAsk = asksOf, favorsOf, lastAsk
	c.places = policy.CountPlaces(dsPool{&c}).CountCircleAsks(dsPool{&c}, now)
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

// buildIndex builds the filter's haystacks for d's friends.
func buildIndex(d *dataset) *index {
	n := d.len()
	buf := make([]byte, 0, n*64)
	starts := make([]int32, n+1)
	for i := range d.friends {
		f := &d.friends[i]
		start := len(buf)
		starts[i] = int32(start)
		buf = store.AppendHaystack(buf, f.Name, f.Nickname, f.Org, f.Sectors, f.Notes)
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
	return d.at.of(id)
}

// positions finds friends by id: a slice indexed by id while the ids are
// dense (they are the store's sequence), else a map. A binary search of
// the friends (each a large struct) for every id of the name order took
// 210 ms of the 100k load's second step, under the GC of a full heap
// (CPU profile of the TUI process, scripts/vs-abook).
type positions struct {
	dense  []int32 // -1 where no friend has the id
	sparse map[uint64]int32
}

// positionsOf is the positions of friends.
func positionsOf(friends []store.Friend) positions {
	n := len(friends)
	if n == 0 {
		return positions{}
	}
	var top uint64
	for i := range friends {
		top = max(top, friends[i].ID)
	}
	if top < uint64(4*n+1024) {
		p := positions{dense: make([]int32, top+1)}
		for i := range p.dense {
			p.dense[i] = -1
		}
		for i := range friends {
			p.dense[friends[i].ID] = int32(i)
		}
		return p
	}
	p := positions{sparse: make(map[uint64]int32, n)}
	for i := range friends {
		p.sparse[friends[i].ID] = int32(i)
	}
	return p
}

func (p positions) of(id uint64) int {
	if p.sparse != nil {
		if i, ok := p.sparse[id]; ok {
			return int(i)
		}
		return -1
	}
	if id >= uint64(len(p.dense)) {
		return -1
	}
	return int(p.dense[id])
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
	FirstPage(n int) (*store.Page, error)
	FriendsByName() ([]store.Friend, []uint64, error)
	NetworkFor(friends []store.Friend) (*store.Network, error)
	Haystacks() (*store.Haystacks, error)
	PageOf(order []uint64) (*store.Page, error)
	FriendsOf(ids []uint64) ([]store.Friend, int, error)
	Profile() (store.Profile, error)
	History(friendID uint64) ([]store.Ask, []store.Favor, error)
	AskTopics(ids []uint64) ([]string, error)
	TopicTable() (store.TopicTable, error)
	Batch(now time.Time, fn func(tx *store.Tx) error) error
}

// loadCmd reads the first page of friends by name, their history and the
// profile: the first step of a load.
func loadCmd(st Loader, seq uint64) tea.Cmd {
	return func() tea.Msg {
		stamp := statFile(st.Path())
		pg, err := st.FirstPage(pageRows)
		if err != nil {
			return loadedMsg{seq: seq, err: err, stamp: stamp}
		}
		p, err := st.Profile()
		if err != nil {
			return loadedMsg{seq: seq, err: err, stamp: stamp}
		}
		return loadedMsg{seq: seq, data: newPage(seq*3, pg, p), stamp: stamp}
	}
}

// friendsCmd reads every friend in the name order, keeping the history of
// the page pg: the second step of a load. The filter's index is hay, the
// haystacks read before, when they are of the same friends (nil for
// none: it is built; BenchmarkIndex/100k, 70 ms and 23.5 MB, medians of
// 5 at a load average of 8).
func friendsCmd(st Loader, seq uint64, pg *dataset, hay *haystack) tea.Cmd {
	return func() tea.Msg {
		fs, order, err := st.FriendsByName()
		if err != nil {
			return loadedMsg{seq: seq, err: err}
		}
		d := newPartial(seq*3+1, fs, order, pg.profile).withPage(pg)
		// The filter's index is built here, before the history step
		// starts, so a filter typed on the first frame finds anyone as
		// soon as this step lands, not after an index build competing
		// with the history's read. At 100,000 friends, from the first key
		// to the target on screen (scripts/vs-abook, medians of 5): 477
		// ms, against 553 with the index built in its own command.
		if d.ix = hay.indexFor(d); d.ix == nil {
			d.ix = buildIndex(d)
		}
		return loadedMsg{seq: seq, data: d}
	}
}

// historyCmd reads the heads of the asks and favors of d's friends (not
// the friends again): the last step of a load. A friend added between
// the steps is left out until the reload the watcher then starts.
func historyCmd(st Loader, seq uint64, d *dataset, now time.Time) tea.Cmd {
	return func() tea.Msg {
		n, err := st.NetworkFor(d.friends)
		if err != nil {
			return loadedMsg{seq: seq, err: err}
		}
		last := make([]time.Time, len(n.Friends))
		for i := range last {
			last[i] = n.LastAsk(i)
		}
		return loadedMsg{seq: seq, data: d.withHistory(seq*3+2, now, n.AsksOf, n.FavorsOf, last)}
	}
}

// watchCmd looks at the database file once after d.
func watchCmd(path string, d time.Duration) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return statMsg{stamp: statFile(path)} })
}
