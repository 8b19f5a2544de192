package main

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"kith/store"
)

// strings is a repeatable string flag.
type stringList []string

func (s *stringList) String() string { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error {
	*s = append(*s, v)
	return nil
}

// friendFlags are the flags add and edit share.
type friendFlags struct {
	name, nickname, org, role, channel, note, workedNote string
	sectors, emails, phones, urls, boundaries, busy      stringList
	closeness                                            int
	worked                                               bool
}

func (ff *friendFlags) register(fs *flag.FlagSet, rename bool) {
	if rename {
		fs.StringVar(&ff.name, "name", "", "new `name`")
	}
	fs.StringVar(&ff.nickname, "nickname", "", "`nickname`")
	fs.StringVar(&ff.org, "org", "", "`organisation`")
	fs.StringVar(&ff.role, "role", "", "`role` or job title")
	fs.Var(&ff.sectors, "sector", "`sector` tag (repeatable)")
	fs.Var(&ff.emails, "email", "e-mail `address` (repeatable)")
	fs.Var(&ff.phones, "phone", "phone `number` (repeatable)")
	fs.Var(&ff.urls, "url", "profile `URL` (repeatable)")
	fs.IntVar(&ff.closeness, "closeness", 3, "1 acquaintance … 5 close friend")
	fs.BoolVar(&ff.worked, "worked-together", false, "you have worked together")
	fs.StringVar(&ff.workedNote, "worked-note", "", "where and when you worked together")
	fs.Var(&ff.boundaries, "boundary", "a request `KIND[:note]` that is off-limits for them (repeatable)")
	fs.Var(&ff.busy, "busy", "busy season `MON-MON`, e.g. Mar-Apr (repeatable)")
	fs.StringVar(&ff.channel, "channel", "", "preferred `channel` (email, phone, …)")
	fs.StringVar(&ff.note, "note", "", "free `text` notes")
}

// patch is the change the flags set on the command line make to a
// friend; with all, every flag counts as set (add: the defaults fill the
// rest). It reports values it cannot read as usage errors naming the flag;
// the rest of the checking is the store's (store.Friend.Validate).
func (ff *friendFlags) patch(fs *flag.FlagSet, all bool) (store.FriendPatch, error) {
	var p store.FriendPatch
	given := map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { given[fl.Name] = true })
	set := given
	if all {
		set = map[string]bool{}
		fs.VisitAll(func(fl *flag.Flag) { set[fl.Name] = true })
	}
	line := func(name string, v string, dst **string) {
		if set[name] {
			c := store.CleanText(v, false)
			*dst = &c
		}
	}
	line("name", ff.name, &p.Name)
	line("nickname", ff.nickname, &p.Nickname)
	line("org", ff.org, &p.Org)
	line("role", ff.role, &p.Role)
	line("channel", ff.channel, &p.Channel)
	line("worked-note", ff.workedNote, &p.WorkedNote)
	if set["note"] {
		n := store.CleanText(ff.note, true)
		p.Notes = &n
	}
	if given["worked-together"] || all && !given["worked-note"] {
		p.WorkedTogether = &ff.worked
	}
	if set["closeness"] {
		p.Closeness = &ff.closeness
	}
	list := func(name string, in []string, dst **[]string) {
		if set[name] {
			out := make([]string, 0, len(in))
			for _, s := range in {
				out = append(out, store.CleanText(s, false))
			}
			*dst = &out
		}
	}
	list("sector", ff.sectors, &p.Sectors)
	list("email", ff.emails, &p.Emails)
	list("phone", ff.phones, &p.Phones)
	list("url", ff.urls, &p.URLs)
	if set["boundary"] {
		bs := []store.Boundary{}
		for _, s := range ff.boundaries {
			if strings.TrimSpace(s) == "" {
				continue
			}
			b, err := store.ParseBoundary(store.CleanText(s, false))
			if err != nil {
				return p, usageErrorf("--boundary: %v", err)
			}
			bs = append(bs, b)
		}
		p.Boundaries = &bs
	}
	if set["busy"] {
		rs := []store.MonthRange{}
		for _, s := range ff.busy {
			if strings.TrimSpace(s) == "" {
				continue
			}
			r, err := store.ParseMonthRange(s)
			if err != nil {
				return p, usageErrorf("--busy: %v", err)
			}
			rs = append(rs, r)
		}
		p.Busy = &rs
	}
	return p, nil
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

// atoiFlag parses a whole-number flag value.
func atoiFlag(name, s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, usageErrorf("--%s: %q is not a whole number", name, s)
	}
	return n, nil
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

// oneArg demands exactly one positional argument.
func oneArg(name string, pos []string, what string) (string, error) {
	if len(pos) != 1 {
		return "", usageErrorf("%s: want exactly one %s, got %d arguments", name, what, len(pos)).
			withHint(fmt.Sprintf("run 'kith %s --help' for usage (quote names with spaces)", name))
	}
	return pos[0], nil
}
