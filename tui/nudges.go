package tui

import (
	"strconv"
	"time"

	tea "charm.land/bubbletea/v2"

	"kith/policy"
)

// dueNudges is every nudge for d's friends at now, oldest first: the
// same policy.Nudges as `kith due`.
func dueNudges(d *dataset, now time.Time) []policy.Nudge { return policy.Nudges(dsPool{d}, now) }

// dueCountMsg carries the nudges for the dataset of generation gen.
type dueCountMsg struct {
	gen    uint64
	nudges []policy.Nudge
}

// dueCountCmd works out the nudges of a complete dataset in a command.
func dueCountCmd(d *dataset, now time.Time) tea.Cmd {
	if d == nil || d.partial {
		return nil
	}
	return func() tea.Msg { return dueCountMsg{gen: d.gen, nudges: dueNudges(d, now)} }
}

// dueCount is what the header says is due.
type dueCount struct {
	gen uint64
	n   int
}

func (c dueCount) text() string {
	if c.n == 0 {
		return ""
	}
	return " · " + strconv.Itoa(c.n) + " due"
}

func (m *Model) handleDueCount(msg dueCountMsg) {
	if msg.gen < m.due.gen {
		return
	}
	m.due = dueCount{gen: msg.gen, n: len(msg.nudges)}
}
