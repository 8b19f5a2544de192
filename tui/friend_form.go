package tui

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"kith/store"
)

// newFriendForm is the add form (orig nil) or the edit form of orig.
func newFriendForm(c *common, orig *store.Friend) *formScreen {
	var fr store.Friend
	title := "Add a friend"
	if orig != nil {
		fr = *orig
		title = "Edit " + clean(orig.Name)
	} else {
		fr.Closeness = 3
	}
	worked := "no"
	if fr.WorkedTogether {
		worked = "yes"
	}
	bs := make([]string, len(fr.Boundaries))
	for i, b := range fr.Boundaries {
		bs[i] = b.String()
	}
	busy := make([]string, len(fr.Busy))
	for i, r := range fr.Busy {
		busy[i] = r.String()
	}
	// Each field is named as store.FieldError names it (the CLI's flag),
	// so the store's validation, its limits too, shows next to the field.
	fields := []field{
		newField("name", "Name", fr.Name, "e.g. Ada Lovelace", checkRequired),
		newField("nickname", "Nickname", fr.Nickname, "", nil),
		newField("org", "Organisation", fr.Org, "e.g. Acme", nil),
		newField("role", "Role", fr.Role, "e.g. designer", nil),
		newField("sector", "Sectors", strings.Join(fr.Sectors, ", "), "comma-separated, e.g. fintech, design", nil),
		newField("email", "E-mails", strings.Join(fr.Emails, ", "), "comma-separated", checkEmails),
		newField("phone", "Phones", strings.Join(fr.Phones, ", "), "comma-separated", nil),
		newField("closeness", "Closeness", strconv.Itoa(fr.Closeness), "1 acquaintance … 5 close friend", checkCloseness),
		newField("worked", "Worked together", worked, "yes or no", checkYesNo),
		newField("worked-note", "Where, when", fr.WorkedNote, "e.g. Acme 2019-2021", nil),
		newField("boundary", "Boundaries", strings.Join(bs, "; "), "KIND[:note]; …, e.g. referral:not at her company", checkBoundaries),
		newField("busy", "Busy season", strings.Join(busy, ", "), "MON-MON, …, e.g. Mar-Apr", checkBusy),
		newField("channel", "Channel", fr.Channel, "e.g. email, signal", nil),
		newField("note", "Notes", fr.Notes, "", nil),
	}
	var id uint64
	if orig != nil {
		id = orig.ID
	}
	var form *formScreen
	form = newForm(c, title, fields, func(v map[string]string, changed map[string]bool) (tea.Cmd, error) {
		var fr store.Friend
		if err := applyFriend(&fr, v, nil); err != nil {
			return nil, err
		}
		fr.Normalize()
		if err := fr.Validate(); err != nil {
			return nil, err
		}
		return saveFriendCmd(c, form, id, v, changed), nil
	})
	return form
}

// saveFriendCmd adds a friend (id 0) or applies the changed fields of the
// form to the stored friend id, re-read inside the transaction so fields
// the form does not show (URLs, archive flag), fields left alone, and
// writes by others are kept.
func saveFriendCmd(c *common, form *formScreen, id uint64, v map[string]string, changed map[string]bool) tea.Cmd {
	st, now := c.st, c.now()
	return func() tea.Msg {
		var fr store.Friend
		err := st.Batch(now, func(tx *store.Tx) error {
			if id == 0 {
				if err := applyFriend(&fr, v, nil); err != nil {
					return err
				}
				return tx.AddFriend(&fr)
			}
			cur, err := tx.Friend(id)
			if err != nil {
				return err
			}
			fr = cur
			if err := applyFriend(&fr, v, changed); err != nil {
				return err
			}
			return tx.PutFriend(&fr)
		})
		note := "Saved " + fr.Name + "."
		if id == 0 {
			note = "Added " + fr.Name + "."
		}
		return savedMsg{form: form, err: err, note: note, friend: fr.ID}
	}
}

// applyFriend sets the form's fields on fr: those in only, or all when
// only is nil.
func applyFriend(fr *store.Friend, v map[string]string, only map[string]bool) error {
	set := func(k string) bool { return only == nil || only[k] }
	line := func(k string) string { return store.CleanText(strings.TrimSpace(v[k]), false) }
	list := func(k string) []string { return splitList(line(k)) }
	if set("name") {
		fr.Name = line("name")
	}
	if set("nickname") {
		fr.Nickname = line("nickname")
	}
	if set("org") {
		fr.Org = line("org")
	}
	if set("role") {
		fr.Role = line("role")
	}
	if set("sector") {
		fr.Sectors = list("sector")
	}
	if set("email") {
		fr.Emails = list("email")
	}
	if set("phone") {
		fr.Phones = list("phone")
	}
	if set("closeness") {
		n, err := strconv.Atoi(line("closeness"))
		if err != nil {
			return &store.FieldError{Field: "closeness", Msg: "must be a number 1-5"}
		}
		fr.Closeness = n
	}
	if set("worked") {
		fr.WorkedTogether = isYes(line("worked"))
	}
	if set("worked-note") {
		fr.WorkedNote = line("worked-note")
	}
	if set("boundary") {
		fr.Boundaries = nil
		for _, s := range strings.Split(line("boundary"), ";") {
			if strings.TrimSpace(s) == "" {
				continue
			}
			b, err := store.ParseBoundary(strings.TrimSpace(s))
			if err != nil {
				return &store.FieldError{Field: "boundary", Msg: err.Error()}
			}
			fr.Boundaries = append(fr.Boundaries, b)
		}
	}
	if set("busy") {
		fr.Busy = nil
		for _, s := range list("busy") {
			r, err := store.ParseMonthRange(s)
			if err != nil {
				return &store.FieldError{Field: "busy", Msg: err.Error()}
			}
			fr.Busy = append(fr.Busy, r)
		}
	}
	if set("channel") {
		fr.Channel = line("channel")
	}
	if set("note") {
		fr.Notes = line("note")
	}
	return nil
}

func isYes(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "y", "yes", "true", "1", "sì", "si":
		return true
	}
	return false
}

func checkRequired(s string) string {
	if strings.TrimSpace(s) == "" {
		return "required"
	}
	return ""
}

func checkEmails(s string) string {
	for _, e := range splitList(s) {
		if !strings.Contains(e, "@") || strings.HasPrefix(e, "@") || strings.HasSuffix(e, "@") {
			return strconv.Quote(e) + " is not an e-mail address"
		}
	}
	return ""
}

func checkCloseness(s string) string {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < store.MinCloseness || n > store.MaxCloseness {
		return "a number 1-5 (1 acquaintance … 5 close friend)"
	}
	return ""
}

func checkYesNo(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "y", "yes", "n", "no", "true", "false", "1", "0", "sì", "si":
		return ""
	}
	return "yes or no"
}

func checkBoundaries(s string) string {
	for _, p := range strings.Split(s, ";") {
		if strings.TrimSpace(p) == "" {
			continue
		}
		if _, err := store.ParseBoundary(strings.TrimSpace(p)); err != nil {
			return err.Error()
		}
	}
	return ""
}

func checkBusy(s string) string {
	for _, p := range splitList(s) {
		if _, err := store.ParseMonthRange(p); err != nil {
			return err.Error()
		}
	}
	return ""
}
