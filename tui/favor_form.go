package tui

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"kith/store"
)

const dateLayout = "2006-01-02"

// newFavorForm logs something you did for fr.
func newFavorForm(c *common, fr *store.Friend) *formScreen {
	today := c.now().Format(dateLayout)
	fields := []field{
		newField("what", "What you did", "", "e.g. introduced her to Marco at Acme", checkRequired),
		newField("at", "When", today, "YYYY-MM-DD", checkDate),
	}
	id, name := fr.ID, clean(fr.Name)
	var form *formScreen
	form = newForm(c, "Log a favor for "+name, fields, func(v map[string]string, _ map[string]bool) (tea.Cmd, error) {
		at, err := parseDay(v["at"], c.now())
		if err != nil {
			return nil, &store.FieldError{Field: "at", Msg: err.Error()}
		}
		fav := store.Favor{FriendID: id, What: store.CleanText(strings.TrimSpace(v["what"]), false), At: at}
		if err := fav.Validate(); err != nil {
			return nil, err
		}
		st, now := c.st, c.now()
		return func() tea.Msg {
			err := st.Batch(now, func(tx *store.Tx) error { return tx.AddFavor(&fav) })
			return savedMsg{form: form, err: err, note: "Logged a favor for " + name + "."}
		}, nil
	})
	return form
}

// parseDay reads a YYYY-MM-DD day; today keeps now's time of day so the
// favor sorts after earlier ones logged today.
func parseDay(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	d, err := time.ParseInLocation(dateLayout, s, now.Location())
	if err != nil {
		return time.Time{}, errDate
	}
	if d.Format(dateLayout) == now.Format(dateLayout) {
		return now, nil
	}
	if d.After(now) {
		return time.Time{}, errFuture
	}
	return d.Add(12 * time.Hour), nil
}

type textErr string

func (e textErr) Error() string { return string(e) }

const (
	errDate   = textErr("a date as YYYY-MM-DD, e.g. 2026-03-14")
	errFuture = textErr("must not be in the future")
)

func checkDate(s string) string {
	if _, err := time.Parse(dateLayout, strings.TrimSpace(s)); err != nil {
		return errDate.Error()
	}
	return ""
}
