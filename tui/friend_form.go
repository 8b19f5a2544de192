package tui

import (
	"strconv"
	"strings"
	"time"

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
	ms := make([]string, len(fr.Moments))
	for i, m := range fr.Moments {
		ms[i] = m.String()
	}
	now := c.now()
	// Each field is named as store.FieldError names it (the CLI's flag),
	// so the store's validation, its limits too, shows next to the field.
	fields := []field{
		newField("name", "Name", fr.Name, "e.g. Ada Lovelace", checkRequired),
		newField("nickname", "Nickname", fr.Nickname, "", nil),
		newField("org", "Organisation", fr.Org, "e.g. Acme", nil),
		newField("role", "Role", fr.Role, "e.g. designer", nil),
		newField("sector", "Sectors", strings.Join(fr.Sectors, ", "), "comma-separated, the primary first, e.g. fintech, design", nil),
		newField("email", "E-mails", strings.Join(fr.Emails, ", "), "comma-separated", checkEmails),
		newField("phone", "Phones", strings.Join(fr.Phones, ", "), "comma-separated", nil),
		newField("url", "Links", strings.Join(fr.URLs, ", "), "comma-separated, e.g. https://ada.example", nil),
		newChoice("closeness", "Closeness", strconv.Itoa(fr.Closeness), []string{"1", "2", "3", "4", "5"}, closenessWords),
		newChoice("worked", "Worked together", worked, []string{"no", "yes"}, nil),
		newField("worked-note", "Where, when", fr.WorkedNote, "e.g. Acme 2019-2021", nil),
		newField("boundary", "Boundaries", strings.Join(bs, "; "), "KIND[,scope][:note]; …, e.g. referral,exec,own-org", checkBoundaries),
		newField("busy", "Busy season", strings.Join(busy, ", "), "MON-MON, …, e.g. Mar-Apr", checkBusy),
		newField("circle", "Circles", strings.Join(fr.Circles, ", "), "comma-separated, e.g. university, climbing club", nil),
		newField("moment", "Moments", strings.Join(ms, "; "), "KIND[,at=DATE][:note]; …, e.g. promoted,at=2026-11-02", func(s string) string { return checkMoments(s, now) }),
		newField("channel", "Channel", fr.Channel, "e.g. email, signal", nil),
		newChoice("lang", "Language", fr.Lang, []string{"", store.LangEnglish, store.LangItalian}, friendLangWords),
		newField("note", "Notes", fr.Notes, "", nil),
	}
	var id uint64
	if orig != nil {
		id = orig.ID
	}
	var form *formScreen
	form = newForm(c, title, fields, func(v map[string]string, changed map[string]bool) (tea.Cmd, error) {
		// Every field checked as a new friend would be (the store's
		// validation, limits included), before the database is opened;
		// the save then writes only the fields changed.
		all, err := friendPatch(v, changed, true, now)
		if err != nil {
			return nil, err
		}
		if _, err := all.NewFriend(); err != nil {
			return nil, err
		}
		p := all
		if id != 0 {
			if p, err = friendPatch(v, changed, false, now); err != nil {
				return nil, err
			}
		}
		return saveFriendCmd(c, form, id, p), nil
	})
	return form
}

// saveFriendCmd adds the friend p describes (id 0), or applies p to the
// stored friend id (store.Tx.EditFriend), so fields the form does not
// show (links, the archive flag), fields left alone and writes by others
// are kept.
func saveFriendCmd(c *common, form *formScreen, id uint64, p store.FriendPatch) tea.Cmd {
	st, now := c.st, c.now()
	return func() tea.Msg {
		var fr store.Friend
		err := st.Batch(now, func(tx *store.Tx) (err error) {
			if id == 0 {
				if fr, err = p.NewFriend(); err != nil {
					return err
				}
				return tx.AddFriend(&fr)
			}
			fr, err = tx.EditFriend(id, p)
			return err
		})
		note := "Saved " + fr.Name + "."
		if id == 0 {
			note = "Added " + fr.Name + "."
		}
		return savedMsg{form: form, err: err, note: note, friend: fr.ID}
	}
}

// friendPatch is the change the form's fields make: those changed, or
// with all every one of them. "Worked together" left as it was counts as
// not given, so that a worked-together note alone means you did, as on
// the command line (store.FriendPatch.Apply). A moment without at= is
// dated now's day.
func friendPatch(v map[string]string, changed map[string]bool, all bool, now time.Time) (store.FriendPatch, error) {
	var p store.FriendPatch
	set := func(k string) bool { return all || changed[k] }
	line := func(k string) string { return store.CleanText(strings.TrimSpace(v[k]), false) }
	text := func(k string, dst **string) {
		if set(k) {
			s := line(k)
			*dst = &s
		}
	}
	list := func(k string, dst **[]string) {
		if set(k) {
			l := splitList(line(k))
			*dst = &l
		}
	}
	text("name", &p.Name)
	text("nickname", &p.Nickname)
	text("org", &p.Org)
	text("role", &p.Role)
	text("worked-note", &p.WorkedNote)
	text("channel", &p.Channel)
	text("lang", &p.Lang)
	text("note", &p.Notes)
	list("sector", &p.Sectors)
	list("circle", &p.Circles)
	list("email", &p.Emails)
	list("phone", &p.Phones)
	list("url", &p.URLs)
	if set("closeness") {
		n, err := strconv.Atoi(line("closeness"))
		if err != nil {
			return p, &store.FieldError{Field: "closeness", Msg: "must be a number 1-5"}
		}
		p.Closeness = &n
	}
	if changed["worked"] || all && line("worked-note") == "" {
		yes := isYes(line("worked"))
		p.WorkedTogether = &yes
	}
	if set("boundary") {
		bs := []store.Boundary{}
		for _, s := range strings.Split(line("boundary"), ";") {
			if strings.TrimSpace(s) == "" {
				continue
			}
			b, err := store.ParseBoundary(strings.TrimSpace(s))
			if err != nil {
				return p, &store.FieldError{Field: "boundary", Msg: err.Error()}
			}
			bs = append(bs, b)
		}
		p.Boundaries = &bs
	}
	if set("busy") {
		rs := []store.MonthRange{}
		for _, s := range splitList(line("busy")) {
			r, err := store.ParseMonthRange(s)
			if err != nil {
				return p, &store.FieldError{Field: "busy", Msg: err.Error()}
			}
			rs = append(rs, r)
		}
		p.Busy = &rs
	}
	if set("moment") {
		ms := []store.Moment{}
		for _, s := range strings.Split(line("moment"), ";") {
			if strings.TrimSpace(s) == "" {
				continue
			}
			m, err := store.ParseMoment(strings.TrimSpace(s), now)
			if err != nil {
				return p, &store.FieldError{Field: "moment", Msg: err.Error()}
			}
			ms = append(ms, m)
		}
		p.Moments = &ms
	}
	return p, nil
}

// friendLangWords names a friend's draft language; none is the profile's.
func friendLangWords(s string) string {
	if s == "" {
		return "as your profile"
	}
	return langWords(s)
}

func checkMoments(s string, now time.Time) string {
	for _, p := range strings.Split(s, ";") {
		if strings.TrimSpace(p) == "" {
			continue
		}
		if _, err := store.ParseMoment(strings.TrimSpace(p), now); err != nil {
			return err.Error()
		}
	}
	return ""
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
		if _, err := store.ParseEmail(e); err != nil {
			return err.Error()
		}
	}
	return ""
}

// closenessWords says what the ends of the scale mean, as the CLI's help
// does ("1 acquaintance … 5 close friend").
func closenessWords(s string) string {
	switch s {
	case "1":
		return "acquaintance"
	case "5":
		return "close friend"
	}
	return ""
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
