package importer

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"kith/store"
)

// Limits on imported text, in characters (runes) and in items per list.
// Longer fields are cut with a warning; a file is outside data and may be
// hostile.
const (
	MaxName       = 200  // name, nickname, organisation, role, channel
	MaxEmail      = 254  // RFC 5321's limit on an address
	MaxPhone      = 64   //
	MaxURL        = 2048 //
	MaxSector     = 64   //
	MaxNotes      = 10000
	MaxWorkedNote = 1000
	MaxBoundary   = 500 // a boundary's note
	MaxItems      = 100 // e-mails, phones, URLs, sectors, boundaries, busy ranges
)

// Clean makes r safe to store: every text field goes through
// store.CleanText (line breaks kept in notes only), over-long fields and
// lists are cut, e-mails without an @ (or with a character that could
// not be read, U+FFFD) are dropped, and a missing name is taken from the
// nickname, the organisation or an e-mail, in that order (an address book
// shows a contact with only a company under the company). It returns the
// warnings, and a reason when the record cannot be kept at all.
func Clean(r *Record) (warnings []Warning, skip string) {
	if r.Skip != "" {
		return nil, r.Skip
	}
	f := &r.Friend
	warn := func(format string, args ...any) {
		warnings = append(warnings, Warning{Source: r.Source, Msg: fmt.Sprintf(format, args...)})
	}
	one := func(field string, s *string, limit int) {
		*s = cut(strings.TrimSpace(CollapseSpace(store.CleanText(*s, false))), limit, field, warn)
	}
	one("name", &f.Name, MaxName)
	one("nickname", &f.Nickname, MaxName)
	one("organisation", &f.Org, MaxName)
	one("role", &f.Role, MaxName)
	one("channel", &f.Channel, MaxName)
	f.Notes = cut(strings.TrimSpace(store.CleanText(f.Notes, true)), MaxNotes, "notes", warn)
	f.WorkedNote = cut(strings.TrimSpace(store.CleanText(f.WorkedNote, false)), MaxWorkedNote, "worked-together note", warn)

	list := func(field string, in []string, limit int, fix func(string) string) []string {
		var out []string
		for _, s := range in {
			s = fix(strings.TrimSpace(store.CleanText(s, false)))
			if s == "" {
				continue
			}
			if (field == "e-mail" || field == "URL") && utf8.RuneCountInString(s) > limit {
				// half an address is no address
				warn("dropped an over-long %s of %d characters (the limit is %d)", field, utf8.RuneCountInString(s), limit)
				continue
			}
			out = append(out, cut(s, limit, field, warn))
		}
		if len(out) > MaxItems {
			warn("%d %ss, kept the first %d", len(out), field, MaxItems)
			out = out[:MaxItems]
		}
		return out
	}
	var emails []string
	for _, e := range list("e-mail", f.Emails, MaxEmail, fixEmail) {
		if !strings.Contains(e, "@") {
			warn("dropped e-mail %q: not an address", e)
			continue
		}
		if strings.ContainsRune(e, utf8.RuneError) {
			warn("dropped e-mail %q: it holds a character that could not be read", e)
			continue
		}
		emails = append(emails, e)
	}
	f.Emails = emails
	f.Phones = list("phone", f.Phones, MaxPhone, fixPhone)
	f.URLs = list("URL", f.URLs, MaxURL, func(s string) string { return s })
	f.Sectors = list("sector", f.Sectors, MaxSector, func(s string) string { return strings.ToLower(CollapseSpace(s)) })

	var bs []store.Boundary
	for _, b := range f.Boundaries {
		if _, err := store.ParseKind(string(b.Kind)); err != nil {
			warn("dropped boundary: %v", err)
			continue
		}
		b.Note = cut(strings.TrimSpace(store.CleanText(b.Note, false)), MaxBoundary, "boundary note", warn)
		bs = append(bs, b)
	}
	if len(bs) > MaxItems {
		warn("%d boundaries, kept the first %d", len(bs), MaxItems)
		bs = bs[:MaxItems]
	}
	f.Boundaries = bs
	var busy []store.MonthRange
	for _, m := range f.Busy {
		if m.From < 1 || m.From > 12 || m.To < 1 || m.To > 12 {
			warn("dropped busy season %d-%d: months must be 1-12", m.From, m.To)
			continue
		}
		busy = append(busy, m)
	}
	if len(busy) > MaxItems {
		busy = busy[:MaxItems]
	}
	f.Busy = busy
	if f.Closeness != 0 && (f.Closeness < store.MinCloseness || f.Closeness > store.MaxCloseness) {
		warn("ignored closeness %d: must be %d-%d", f.Closeness, store.MinCloseness, store.MaxCloseness)
		f.Closeness = 0
	}

	if f.Name == "" {
		switch {
		case f.Nickname != "":
			f.Name = f.Nickname
		case f.Org != "":
			f.Name = f.Org
		case len(f.Emails) > 0:
			f.Name = f.Emails[0]
		default:
			return warnings, "no name, e-mail or organisation"
		}
		warn("no name: using %q", f.Name)
	}
	return warnings, ""
}

// cut shortens s to limit runes, warning when it does.
func cut(s string, limit int, field string, warn func(string, ...any)) string {
	if len(s) <= limit || utf8.RuneCountInString(s) <= limit {
		return s
	}
	n := 0
	for i := range s {
		if n == limit {
			warn("%s cut to %d characters (was %d)", field, limit, utf8.RuneCountInString(s))
			return strings.TrimSpace(s[:i])
		}
		n++
	}
	return s
}

func fixEmail(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 7 && strings.EqualFold(s[:7], "mailto:") {
		s = s[7:]
	}
	return strings.Join(strings.Fields(s), "")
}

func fixPhone(s string) string {
	if len(s) > 4 && strings.EqualFold(s[:4], "tel:") {
		s = s[4:]
	}
	return CollapseSpace(s)
}

// CollapseSpace trims s and turns every run of white space into one space.
func CollapseSpace(s string) string {
	if !strings.Contains(s, "  ") && strings.TrimSpace(s) == s && !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
