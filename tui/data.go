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
	var b strings.Builder
	for i := range friends {
		f := &friends[i]
		if f.Archived {
			d.archived++
		}
		b.Reset()
		b.WriteString(f.Name)
		b.WriteByte(0)
		b.WriteString(f.Nickname)
		b.WriteByte(0)
		b.WriteString(f.Org)
		for _, s := range f.Sectors {
			b.WriteByte(0)
			b.WriteString(s)
		}
		b.WriteByte(0)
		b.WriteString(f.Notes)
		d.hay[i] = lower(b.String())
		asks := asksOf(i)
		for j := len(asks) - 1; j >= 0; j-- {
			if asks[j].Status.Made() {
				d.lastAsk[i] = asks[j].At()
				break
			}
		}
	}
	d.byName = make([]int32, n)
	for i := range d.byName {
		d.byName[i] = int32(i)
	}
	slices.SortFunc(d.byName, func(a, b int32) int {
		if c := strings.Compare(d.hay[a], d.hay[b]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	d.byLast = slices.Clone(d.byName)
	slices.SortStableFunc(d.byLast, func(a, b int32) int {
		ta, tb := d.lastAsk[a], d.lastAsk[b]
		switch {
		case ta.IsZero() && tb.IsZero():
			return 0
		case ta.IsZero():
			return 1
		case tb.IsZero():
			return -1
		}
		return tb.Compare(ta)
	})
	return d
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
