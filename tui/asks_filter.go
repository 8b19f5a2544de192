package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"kith/store"
)

// The asks screen's / filter: asks to the friends whose name or
// organisation holds the text, and asks whose topic does, ignoring case
// and accents (store.Fold, as the friend list's filter), on top of the
// status filter.
//
// It answers from a findIndex, built once in a Cmd when / is first used
// (and again with the rows after each change while it is used): the
// friends' folded names and organisations, and every distinct topic
// folded, each one string with offsets searched whole (index.mark, as the
// friend list's), and which topic each row's ask has. Until it is built,
// no row matches and the status line says it is being built.
//
// At 1,041,912 asks (the 100k-friend demo), with the reading of every
// topic page by page and every friend folded per key, the reading took
// 6.9 s and 513 MB (18.4M allocations) and a key 99 ms; the index is built
// in 1.1 s and 40 MB (151k allocations), holds 7.9 MB, and answers a key
// in 11.8 ms (BenchmarkAsksTopicsStore before, BenchmarkAsksFindIndexStore
// and BenchmarkAsksFindKeyStore after; medians of 5 alternated runs at a
// load of 4-8 on 2 cores; 5.8 ms at a load of 4.5). The TUI's peak RSS
// no longer grows on the first / (it grew by 190 MB).

// findSep ends each field of the index's strings: a filter text holding
// it matches nothing, so a match never spans two fields.
const findSep = 1

// noTopic is the topic of a row whose ask the topic table did not hold
// (added after it was read): only its friend can match.
const noTopic = ^uint32(0)

// findIndex is the / filter's index of the rows of one dataset (the
// message that carries it says which).
type findIndex struct {
	friends index    // friend i's folded name and organisation
	topics  index    // the distinct topics, folded
	ofRow   []uint32 // ofRow[i] is the topic of rows[i], or noTopic
}

// findIndexMsg carries the index of the rows of d.
type findIndexMsg struct {
	as  *asksScreen
	d   *dataset
	ix  *findIndex
	err error
}

// newFindIndex builds the index of rows, the rows of d, from t.
func newFindIndex(d *dataset, rows []askRow, t *store.TopicTable) *findIndex {
	fx := &findIndex{ofRow: make([]uint32, len(rows))}
	fx.friends = foldedIndex(len(d.friends), func(buf []byte, i int) []byte {
		buf = store.AppendFold(buf, d.friends[i].Name)
		buf = append(buf, findSep)
		return store.AppendFold(buf, d.friends[i].Org)
	})
	fx.topics = foldedIndex(len(t.Topics), func(buf []byte, i int) []byte {
		return store.AppendFold(buf, t.Topics[i])
	})
	for i := range rows {
		at, ok := t.Topic(rows[i].id)
		if !ok {
			at = noTopic
		}
		fx.ofRow[i] = at
	}
	return fx
}

// foldedIndex is n folded texts in one string, each ended by findSep,
// with their offsets: text i appended by appendText.
func foldedIndex(n int, appendText func(buf []byte, i int) []byte) index {
	var buf []byte
	starts := make([]int32, n+1)
	for i := range n {
		starts[i] = int32(len(buf))
		buf = appendText(buf, i)
		buf = append(buf, findSep)
	}
	starts[n] = int32(len(buf))
	return index{all: string(buf), starts: starts}
}

// size is about how many bytes the index holds.
func (fx *findIndex) size() int {
	return len(fx.friends.all) + 4*len(fx.friends.starts) + len(fx.topics.all) + 4*len(fx.topics.starts) + 4*len(fx.ofRow)
}

// findIndexCmd builds the index of rows, the rows of d, reading every
// ask's topic (store.TopicTable).
func findIndexCmd(as *asksScreen, d *dataset, rows []askRow) tea.Cmd {
	st := as.c.st
	return func() tea.Msg {
		ix, err := buildFindIndex(st, d, rows)
		return findIndexMsg{as: as, d: d, ix: ix, err: err}
	}
}

func buildFindIndex(st Loader, d *dataset, rows []askRow) (*findIndex, error) {
	t, err := st.TopicTable()
	if err != nil {
		return nil, err
	}
	return newFindIndex(d, rows, &t), nil
}

// askRowsIndexedCmd is askRowsCmd with the index of the rows, for a
// reload while the filter is used: the rows and their index land at once.
func askRowsIndexedCmd(as *asksScreen, d *dataset) tea.Cmd {
	st := as.c.st
	return func() tea.Msg {
		rows := buildAskRows(d)
		ix, err := buildFindIndex(st, d, rows)
		return askRowsMsg{d: d, rows: rows, ix: ix, ixErr: err}
	}
}

// indexFind builds the filter's index once it is used and not built nor
// being built; nil otherwise.
func (as *asksScreen) indexFind() tea.Cmd {
	if !as.findWanted() || !as.loaded || as.fix != nil || as.indexing || as.fixErr != "" {
		return nil
	}
	as.indexing = true
	return findIndexCmd(as, as.rowsD, as.rows)
}

// gotFindIndex keeps the index of msg if it is of the rows shown, and
// filters again with it.
func (as *asksScreen) gotFindIndex(msg findIndexMsg) {
	if msg.d != as.rowsD {
		return // rows since replaced: the next Update indexes them
	}
	as.indexing = false
	as.setIndex(msg.ix, msg.err)
	as.setFind(as.find.Value())
}

// setIndex keeps ix, the index of the rows, or the error that stopped
// its build.
func (as *asksScreen) setIndex(ix *findIndex, err error) {
	as.fix, as.fixErr = ix, ""
	if err != nil {
		as.fix, as.fixErr = nil, "cannot read the topics: "+errText(err)
	}
}

// findWanted reports whether the / filter is typed or applied: then the
// rows are indexed for it.
func (as *asksScreen) findWanted() bool { return as.find.Typing() || as.findQ != "" }

// setFind applies the filter text q: which friends and which topics hold
// it, each searched once in the index, not once per ask.
func (as *asksScreen) setFind(q string) {
	as.findQ = store.Fold(strings.TrimSpace(q))
	as.findFriends, as.findTopics = nil, nil
	if fx := as.fix; as.findQ != "" && fx != nil && strings.IndexByte(as.findQ, findSep) < 0 {
		as.findFriends = make([]uint64, (len(fx.friends.starts)+63)/64)
		as.findTopics = make([]uint64, (len(fx.topics.starts)+63)/64)
		fx.friends.mark(as.findQ, as.findFriends)
		fx.topics.mark(as.findQ, as.findTopics)
	}
	as.refilter(0)
}

// finder is what the / filter lets through, for one pass over the rows.
type finder struct {
	on      bool     // the filter is applied
	friends []uint64 // the friends that hold the text; nil: none (no index yet)
	topics  []uint64 // the topics that do
	ofRow   []uint32 // each row's topic
}

// finder is the filter as it is now.
func (as *asksScreen) finder() finder {
	f := finder{on: as.findQ != "", friends: as.findFriends, topics: as.findTopics}
	if as.fix != nil {
		f.ofRow = as.fix.ofRow
	}
	return f
}

// hit reports whether the filter lets rows[i], r, through: its friend
// or its topic holds the text. It is small enough to be inlined in the
// pass over a million rows: a method call per row made a key 35 ms, not
// 14 (BenchmarkAsksFindKey1M with 800k distinct topics, medians of 5,
// load 4-5).
func (f *finder) hit(i int, r *askRow) bool {
	if f.friends == nil {
		return false
	}
	if marked(f.friends, int(r.fi)) {
		return true
	}
	t := f.ofRow[i]
	return t != noTopic && marked(f.topics, int(t))
}

// marked reports whether bit i of bits is set.
func marked(bits []uint64, i int) bool {
	return i>>6 < len(bits) && bits[i>>6]&(1<<(i&63)) != 0
}

// findProgress is what the status line says of the index, "" once it is
// built (or not wanted).
func (as *asksScreen) findProgress() string {
	switch {
	case as.fixErr != "":
		return as.fixErr
	case as.findWanted() && as.fix == nil:
		return "indexing the topics…"
	}
	return ""
}
