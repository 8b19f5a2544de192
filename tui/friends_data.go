package tui

// This file is the friends screen's data: a load landing, the filter's
// index, and the background readiness sort.

import (
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"kith/policy"
)

func (f *friendsScreen) handleData(d *dataset) tea.Cmd {
	if f.ix != nil && f.ix.base != d.base {
		f.ix = nil
	}
	if f.ix == nil && d.ix != nil {
		f.ix = d.ix // built by the load step
	}
	needIndex := f.ix == nil
	want := f.pendingSel
	if want == 0 {
		want = f.selID
	}
	name := f.nameOf(want) // in the load before, should they be gone
	if name == "" && want == f.pendingSel {
		name = f.pendingName // held through a load that did not hold them
	}
	f.pageD, f.searching, f.hay = nil, false, nil // for the load before
	f.d = d
	f.loaded = true
	n := d.len()
	f.verd = make([]badge, n)
	f.have = make([]bool, n)
	f.byReady = nil
	f.readyPending = false
	var cmd tea.Cmd
	if f.sort == sortReady {
		cmd = f.startReady()
	}
	if needIndex {
		cmd = tea.Batch(cmd, indexCmd(d))
	}
	lost := f.rebuild(true)
	f.pendingName = ""
	if f.pendingSel == want {
		f.pendingName = name
	}
	cmd = tea.Batch(cmd, f.notShown(lost, name))
	if d.page && f.query != "" {
		cmd = tea.Batch(cmd, f.startSearch())
	}
	return tea.Batch(cmd, f.selectionChanged(true))
}

// handleSelect selects friend msg.id, now if shown, else once the next
// load lands (rebuild keeps pendingSel till then).
func (f *friendsScreen) handleSelect(msg selectMsg) tea.Cmd {
	f.pendingSel, f.pendingRow, f.pendingName = msg.id, f.cursor, ""
	if p := f.rowOf(msg.id); p >= 0 {
		f.cursor, f.pendingSel = p, 0
		f.clampCursor()
	}
	return f.selectionChanged(false)
}

// handleIndexed filters the rows with the index of the friends shown,
// saying so when the friend selected is not among them.
func (f *friendsScreen) handleIndexed(msg indexedMsg) tea.Cmd {
	if msg.ix.base != f.d.base {
		return nil // for an older load
	}
	f.ix = msg.ix
	lost := f.rebuild(true)
	return tea.Batch(f.notShown(lost, f.pendingName), f.selectionChanged(false))
}

func (f *friendsScreen) startReady() tea.Cmd {
	if f.byReady != nil || f.readyPending || f.d.partial {
		return nil
	}
	f.readyPending = true
	return readyCmd(f.d, f.c.judge, f.c.now())
}

// readyCmd judges every friend in the background and sorts them by
// readiness: level (policy.Levels' order), then score (higher first),
// then name; organisations' cards, never asked, last.
func readyCmd(d *dataset, judge Judge, now time.Time) tea.Cmd {
	return func() tea.Msg {
		// On every processor (policy.EvaluateAll): the judge only reads
		// the dataset and its places, counted when it was built.
		verd := policy.EvaluateAll(dsPool{d}, func(sub policy.Subject) badge {
			_, v := judge(sub, d.places, d.profile.Settings, now)
			return badgeOf(v)
		})
		// Each friend's place packed into one key (organisation, level,
		// 100-score, then the position in byName, which turns it back
		// into the friend), sorted as numbers: at 100k friends the whole
		// command (ReadySort) took 61.5 ms this way, 102.7 with a sort
		// comparing through the friends' records (medians of 15
		// alternated runs, load 1.8-2.2).
		keys := make([]uint64, len(d.byName))
		for r, i := range d.byName {
			v := &verd[i]
			keys[r] = uint64(v.level)<<40 | uint64(100-min(max(v.score, 0), 100))<<32 | uint64(uint32(r))
			if !d.friends[i].IsPerson() {
				keys[r] |= 1 << 48
			}
		}
		slices.Sort(keys)
		order := make([]int32, len(keys))
		for k, key := range keys {
			order[k] = d.byName[uint32(key)]
		}
		return readyMsg{gen: d.gen, verd: verd, order: order}
	}
}

func (f *friendsScreen) handleReady(msg readyMsg) tea.Cmd {
	if msg.gen != f.d.gen {
		return nil // for an older load
	}
	f.readyPending = false
	f.verd = msg.verd
	f.have = make([]bool, len(msg.verd))
	for i := range f.have {
		f.have[i] = true
	}
	f.byReady = msg.order
	if f.sort == sortReady {
		f.rebuild(true)
	}
	return nil
}
