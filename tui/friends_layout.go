package tui

// This file is the friends screen's layout: where the list and the
// detail pane sit, the header's counts and the help.

import (
	"strconv"

	"charm.land/bubbles/v2/key"
)

func (f *friendsScreen) wide() bool { return f.w >= wideWidth }

func (f *friendsScreen) detailShown() bool {
	return f.wide() || f.detailFull
}

func (f *friendsScreen) listWidth() int {
	if f.wide() {
		return f.w * 11 / 20
	}
	return f.w
}

// listRows is how many friend rows fit: the list has a status line and a
// column header above its rows.
func (f *friendsScreen) listRows() int { return max(f.h-2, 0) }

// counts is the header's summary.
func (f *friendsScreen) counts() string {
	n := f.d.len()
	if f.d.page {
		// the first page alone: how many there are, archived or not
		return plural(f.d.total, "friend", "friends") + " · loading the rest"
	}
	s := plural(n-f.d.archived, "friend", "friends")
	if f.d.archived > 0 {
		s += " · " + strconv.Itoa(f.d.archived) + " archived"
	}
	if f.query != "" || (f.showArchived && f.d.archived > 0) {
		s += " · " + strconv.Itoa(len(f.rows)) + " shown"
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// ShortHelp is the footer's help.
func (f *friendsScreen) ShortHelp() []key.Binding {
	k := f.c.keys
	switch {
	case f.filter.Typing():
		return []key.Binding{withHelp(k.Open, "enter", "done"), withHelp(k.ClearFilter, "esc", "clear")}
	case f.detailFull || f.focusDetail:
		return []key.Binding{k.Back, withHelp(k.Down, "j/k", "scroll"), k.Compose, k.WhoElse, k.Edit, k.Favor, k.Archive, k.Help}
	case f.d.len() == 0:
		return []key.Binding{k.Add, k.Profile, k.Help, k.Quit}
	}
	return []key.Binding{k.Filter, k.Sort, k.Open, k.Compose, k.WhoElse, k.Asks, k.Add, k.Edit, k.Favor, k.Archive, k.Help, k.Quit}
}

// FullHelp is the `?` help.
func (f *friendsScreen) FullHelp() [][]key.Binding {
	k := f.c.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown},
		{k.Filter, k.ClearFilter, k.Sort, k.ShowArchived, k.Open, k.NextPane},
		{k.Add, k.Edit, k.Favor, k.Archive, k.Undo, k.Profile, k.Compose, k.WhoElse, k.Asks},
		{k.Help, k.FieldHelp, k.Quit, k.ForceQuit},
	}
}

func withHelp(b key.Binding, k, desc string) key.Binding {
	b.SetHelp(k, desc)
	return b
}
