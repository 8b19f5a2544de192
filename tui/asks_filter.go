package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"kith/store"
)

// The asks screen's / filter: asks to the friends whose name or
// organisation holds the text, ignoring case and accents (store.Fold, as
// the friend list's filter), on top of the status filter.

// newFindInput is the / filter's field.
func newFindInput(c *common) textinput.Model {
	in := textinput.New()
	in.Prompt = "/"
	in.Placeholder = "a friend's name or organisation"
	in.CharLimit = store.MaxName
	in.SetStyles(c.styles.Input)
	return in
}

// setFind applies the filter text q: which friends of the rows' dataset
// match, worked out once per friend, not per ask.
func (as *asksScreen) setFind(q string) {
	as.findQ = store.Fold(strings.TrimSpace(q))
	as.findHit = nil
	if as.findQ != "" && as.rowsD != nil {
		as.findHit = make([]bool, len(as.rowsD.friends))
		for i := range as.rowsD.friends {
			f := &as.rowsD.friends[i]
			as.findHit[i] = strings.Contains(store.Fold(f.Name), as.findQ) || strings.Contains(store.Fold(f.Org), as.findQ)
		}
	}
	as.refilter(0)
}

// hidden reports whether the / filter hides row r.
func (as *asksScreen) hidden(r *askRow) bool {
	return as.findHit != nil && int(r.fi) < len(as.findHit) && !as.findHit[r.fi]
}

func (as *asksScreen) handleFindKey(msg tea.KeyPressMsg) tea.Cmd {
	k := as.c.keys
	switch {
	case key.Matches(msg, k.ClearFilter):
		as.finding = false
		as.find.Blur()
		as.find.SetValue("")
		as.setFind("")
		return nil
	case key.Matches(msg, k.Open):
		as.finding = false
		as.find.Blur()
		return nil
	}
	var cmd tea.Cmd
	as.find, cmd = as.find.Update(msg)
	as.setFind(as.find.Value())
	return cmd
}
