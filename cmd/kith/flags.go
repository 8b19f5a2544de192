package main

import (
	"errors"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"kith/store"
)

// friendFlags are the flags add and edit share.
type friendFlags struct {
	name, nickname, org, role, channel, note, workedNote string
	department, birthday, anniversary                    string
	sectors, emails, phones, urls, boundaries, busy      []string
	closeness                                            int
	worked                                               bool
}

// register declares the friend flags on f; edit (rename) adds --name,
// and leaves --closeness without a default.
func (ff *friendFlags) register(f flagSet, rename bool) {
	closeness := 3
	if rename {
		f.StringVar(&ff.name, "name", "", "a new name")
		closeness = 0
	}
	f.StringVar(&ff.nickname, "nickname", "", "a nickname")
	f.StringVar(&ff.org, "org", "", "the organisation")
	f.StringVar(&ff.role, "role", "", "the role or job title")
	f.StringArrayVar(&ff.sectors, "sector", nil, "a sector tag (repeatable)")
	f.StringArrayVar(&ff.emails, "email", nil, "an e-mail address (repeatable)")
	f.StringArrayVar(&ff.phones, "phone", nil, "a phone number (repeatable)")
	f.StringArrayVar(&ff.urls, "url", nil, "a profile URL (repeatable)")
	f.IntVar(&ff.closeness, "closeness", closeness, "1 acquaintance … 5 close friend")
	f.BoolVar(&ff.worked, "worked-together", false, "you have worked together")
	f.StringVar(&ff.workedNote, "worked-note", "", "where and when you worked together (implies --worked-together)")
	f.StringArrayVar(&ff.boundaries, "boundary", nil, "a request KIND[:note] that is off-limits for them (repeatable)")
	f.StringArrayVar(&ff.busy, "busy", nil, "a busy season MON-MON, e.g. Mar-Apr (repeatable)")
	f.StringVar(&ff.channel, "channel", "", "the preferred channel (email, phone, …)")
	f.StringVar(&ff.note, "note", "", "notes, free text")
	f.StringVar(&ff.department, "department", "", "the department at the organisation")
	f.StringVar(&ff.birthday, "birthday", "", "the birthday: YYYY-MM-DD, or MM-DD without the year (kith due says when it is near)")
	f.StringVar(&ff.anniversary, "anniversary", "", "an anniversary: YYYY-MM-DD or MM-DD")
}

// apply copies the flags that were set on the command line into f; with
// all, every flag counts as set (add). It reports bad values as usage
// errors naming the flag.
func (ff *friendFlags) apply(fs *pflag.FlagSet, f *store.Friend, all bool) error {
	given := map[string]bool{}
	fs.Visit(func(fl *pflag.Flag) { given[fl.Name] = true })
	set := given
	if all {
		set = map[string]bool{}
		fs.VisitAll(func(fl *pflag.Flag) { set[fl.Name] = true })
	}
	line := func(s string) string { return store.CleanText(s, false) }
	if set["name"] {
		f.Rename(line(ff.name))
	}
	if set["nickname"] {
		f.Nickname = line(ff.nickname)
	}
	if set["org"] {
		f.Org = line(ff.org)
	}
	if set["role"] {
		f.Role = line(ff.role)
	}
	if set["channel"] {
		f.Channel = line(ff.channel)
	}
	if set["note"] {
		f.Notes = store.CleanText(ff.note, true)
	}
	if set["worked-note"] {
		f.WorkedNote = line(ff.workedNote)
	}
	if set["department"] {
		f.Department = line(ff.department)
	}
	for _, d := range []struct {
		flag string
		val  string
		dst  *store.Date
	}{{"birthday", ff.birthday, &f.Birthday}, {"anniversary", ff.anniversary, &f.Anniversary}} {
		if !set[d.flag] {
			continue
		}
		*d.dst = store.Date{}
		if v := strings.TrimSpace(d.val); v != "" {
			date, err := store.ParseDate(v)
			if err != nil {
				return usageErrorf("--%s: %v", d.flag, err)
			}
			*d.dst = date
		}
	}
	switch {
	case given["worked-together"]:
		f.WorkedTogether = ff.worked
	case given["worked-note"] && f.WorkedNote != "":
		// A note on where you worked together implies you did.
		f.WorkedTogether = true
	case all:
		f.WorkedTogether = false
	}
	if set["closeness"] {
		if ff.closeness < store.MinCloseness || ff.closeness > store.MaxCloseness {
			return usageErrorf("--closeness: must be 1-5 (1 acquaintance … 5 close friend), got %d", ff.closeness)
		}
		f.Closeness = ff.closeness
	}
	cleanAll := func(in []string) []string {
		out := make([]string, 0, len(in))
		for _, s := range in {
			out = append(out, line(s))
		}
		return out
	}
	if set["sector"] {
		f.Sectors = cleanAll(ff.sectors)
	}
	if set["email"] {
		for _, e := range ff.emails {
			if e = strings.TrimSpace(e); e != "" && (!strings.Contains(e, "@") || strings.ContainsAny(e, " \t")) {
				return usageErrorf("--email: %q is not an e-mail address", e)
			}
		}
		f.Emails = cleanAll(ff.emails)
	}
	if set["phone"] {
		f.Phones = cleanAll(ff.phones)
	}
	if set["url"] {
		f.URLs = cleanAll(ff.urls)
	}
	if set["boundary"] {
		f.Boundaries = nil
		for _, s := range ff.boundaries {
			if strings.TrimSpace(s) == "" {
				continue
			}
			b, err := store.ParseBoundary(line(s))
			if err != nil {
				return usageErrorf("--boundary: %v", err)
			}
			f.Boundaries = append(f.Boundaries, b)
		}
	}
	if set["busy"] {
		f.Busy = nil
		for _, s := range ff.busy {
			if strings.TrimSpace(s) == "" {
				continue
			}
			r, err := store.ParseMonthRange(s)
			if err != nil {
				return usageErrorf("--busy: %v", err)
			}
			f.Busy = append(f.Busy, r)
		}
	}
	return nil
}

// requestFlags are the flags check, who and draft share.
type requestFlags struct {
	kind, sector, org, topic, keywords string
}

// register declares the request flags on f; topic and keywords add
// --topic and --keywords.
func (rf *requestFlags) register(f flagSet, topic, keywords bool) {
	f.StringVar(&rf.kind, "kind", "", "what you want to ask: "+kindList())
	f.values("kind", kindNames()...)
	f.StringVar(&rf.sector, "sector", "", "the sector the request targets")
	f.StringVar(&rf.org, "org", "", "the organisation the request targets")
	if topic {
		f.StringVar(&rf.topic, "topic", "", "what the request is about")
	}
	if keywords {
		f.StringVar(&rf.keywords, "keywords", "", "words describing the need, matched against role and notes (comma or space separated)")
	}
}

// parseWhen reads --at: RFC 3339, or YYYY-MM-DD for that day's local
// midnight (so today's date is always fine). A time after now is refused
// (kith records what happened), and so is one outside the years the
// store keeps (store.CheckTime).
func parseWhen(flagName, s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t, err = time.ParseInLocation("2006-01-02", s, now.Location())
	}
	if err != nil {
		return time.Time{}, usageErrorf("--%s: %q is not a date (want YYYY-MM-DD or RFC 3339, e.g. 2026-03-01 or 2026-03-01T15:04:05Z)", flagName, s)
	}
	var fe *store.FieldError
	if errors.As(store.CheckTime(flagName, t), &fe) {
		return time.Time{}, usageErrorf("--%s: %s: %s", flagName, s, fe.Msg)
	}
	if t.After(now) {
		return time.Time{}, usageErrorf("--%s: %s is in the future: kith records what has happened (give today's date or an earlier one)", flagName, s)
	}
	return t, nil
}

// formatError turns a store validation error into a usage error naming
// the flag; names maps a field to the argument that sets it where that is
// not the flag of the same name ("name" to "NAME" for add, say).
func formatError(err error, names ...string) error {
	var fe *store.FieldError
	if !errors.As(err, &fe) {
		return err
	}
	arg := "--" + fe.Field
	for i := 0; i+1 < len(names); i += 2 {
		if names[i] == fe.Field {
			arg = names[i+1]
		}
	}
	return usageErrorf("%s: %s", arg, fe.Msg)
}

// verbFlagsGiven reports whether any of a verb's own flags was given on
// the command line (the global --db does not count).
func verbFlagsGiven(fs *pflag.FlagSet) bool {
	given := false
	fs.Visit(func(f *pflag.Flag) { given = given || f.Name != dbFlag })
	return given
}
