package tui

import (
	"cmp"
	"os"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"kith/store"
)

// dataset is one load of the database, immutable once built: background
// commands read it while Update goes on.
type dataset struct {
	gen      uint64
	friends  []store.Friend
	asksOf   func(i int) []store.Ask
	favorsOf func(i int) []store.Favor
	profile  store.Profile

	hay      []string    // lower-cased name, org, sectors and notes, NUL-separated
	lastAsk  []time.Time // when the last made ask was, zero if none
	byName   []int32     // friend indexes sorted by name
	byLast   []int32     // most recent ask first, never-asked last
	archived int
}

// newDataset indexes friends for display: haystacks for the filter and the
// name and last-ask orders. asksOf and favorsOf give a friend's records by
// index, oldest first.
func newDataset(gen uint64, friends []store.Friend, asksOf func(int) []store.Ask, favorsOf func(int) []store.Favor, p store.Profile) *dataset {
	d := &dataset{gen: gen, friends: friends, asksOf: asksOf, favorsOf: favorsOf, profile: p}
	n := len(friends)
	d.hay = make([]string, n)
	d.lastAsk = make([]time.Time, n)
	// every haystack goes into one buffer, sliced afterwards: one
	// allocation instead of one per friend
	buf := make([]byte, 0, n*64)
	ends := make([]int, n)
	for i := range friends {
		f := &friends[i]
		if f.Archived {
			d.archived++
		}
		start := len(buf)
		buf = append(buf, f.Name...)
		buf = append(buf, 0)
		buf = append(buf, f.Nickname...)
		buf = append(buf, 0)
		buf = append(buf, f.Org...)
		for _, s := range f.Sectors {
			buf = append(buf, 0)
			buf = append(buf, s...)
		}
		buf = append(buf, 0)
		buf = append(buf, f.Notes...)
		buf = lowerTail(buf, start)
		ends[i] = len(buf)
		asks := asksOf(i)
		for j := len(asks) - 1; j >= 0; j-- {
			if asks[j].Status.Made() {
				d.lastAsk[i] = asks[j].At()
				break
			}
		}
	}
	all := string(buf)
	start := 0
	for i, e := range ends {
		d.hay[i] = all[start:e]
		start = e
	}
	// name order: compare the first 8 bytes as a number, then the rest
	keys := make([]uint64, n)
	for i, h := range d.hay {
		var k uint64
		for j := 0; j < 8; j++ {
			k <<= 8
			if j < len(h) {
				k |= uint64(h[j])
			}
		}
		keys[i] = k
	}
	d.byName = make([]int32, n)
	for i := range d.byName {
		d.byName[i] = int32(i)
	}
	slices.SortFunc(d.byName, func(a, b int32) int {
		if c := cmp.Compare(keys[a], keys[b]); c != 0 {
			return c
		}
		if c := strings.Compare(d.hay[a], d.hay[b]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	// last-ask order: most recent first, never-asked last, ties by name
	rank := keys // reuse: rank in name order, then the sort key
	for r, i := range d.byName {
		rank[i] = uint64(r)
	}
	last := make([]int64, n)
	for i, t := range d.lastAsk {
		if t.IsZero() {
			last[i] = -1 << 63
		} else {
			last[i] = t.UnixNano()
		}
	}
	d.byLast = slices.Clone(d.byName)
	slices.SortFunc(d.byLast, func(a, b int32) int {
		if c := cmp.Compare(last[b], last[a]); c != 0 {
			return c
		}
		return cmp.Compare(rank[a], rank[b])
	})
	return d
}

// lowerTail lower-cases buf[start:] in place when it is ASCII, else
// replaces it with its strings.ToLower.
func lowerTail(buf []byte, start int) []byte {
	for j := start; j < len(buf); j++ {
		c := buf[j]
		if c >= 0x80 {
			low := strings.ToLower(string(buf[start:]))
			return append(buf[:start], low...)
		}
		if 'A' <= c && c <= 'Z' {
			buf[j] = c + 'a' - 'A'
		}
	}
	return buf
}

// lower lower-cases s, fast for ASCII.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return strings.ToLower(s)
		}
		if 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
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
	Network() (*store.Network, error)
	Profile() (store.Profile, error)
	History(friendID uint64) ([]store.Ask, []store.Favor, error)
	Batch(now time.Time, fn func(tx *store.Tx) error) error
}

// loadCmd reads the network and profile in a command.
func loadCmd(st Loader, seq uint64) tea.Cmd {
	return func() tea.Msg {
		stamp := statFile(st.Path())
		n, err := st.Network()
		if err != nil {
			return loadedMsg{seq: seq, err: err, stamp: stamp}
		}
		p, err := st.Profile()
		if err != nil {
			return loadedMsg{seq: seq, err: err, stamp: stamp}
		}
		return loadedMsg{seq: seq, data: newDataset(seq, n.Friends, n.AsksOf, n.FavorsOf, p), stamp: stamp}
	}
}

// watchCmd looks at the database file once after d.
func watchCmd(path string, d time.Duration) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return statMsg{stamp: statFile(path)} })
}
