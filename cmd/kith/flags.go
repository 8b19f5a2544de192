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
	lang, greetAs                                        string
	department, birthday, anniversary                    string
	sectors, circles, emails, phones, urls, boundaries   []string
	busy, moments                                        []string
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
	f.StringArrayVar(&ff.sectors, "sector", nil, "a sector tag (repeatable; the first is their primary sector)")
	f.StringArrayVar(&ff.circles, "circle", nil, `a social circle they belong to, e.g. "university" (repeatable)`)
	f.StringArrayVar(&ff.emails, "email", nil, "an e-mail address (repeatable)")
	f.StringArrayVar(&ff.phones, "phone", nil, "a phone number (repeatable)")
	f.StringArrayVar(&ff.urls, "url", nil, "a profile URL (repeatable)")
	f.IntVar(&ff.closeness, "closeness", closeness, "1 acquaintance … 5 close friend")
	f.BoolVar(&ff.worked, "worked-together", false, "you have worked together")
	f.StringVar(&ff.workedNote, "worked-note", "", "where and when you worked together (implies --worked-together)")
	f.StringArrayVar(&ff.boundaries, "boundary", nil, "a request off-limits for them, KIND[,exec][,own-org][,until=DATE][,guess][,if=TEXT][:note] (repeatable)")
	f.StringArrayVar(&ff.busy, "busy", nil, "a busy season MON-MON, e.g. Mar-Apr (repeatable)")
	f.StringArrayVar(&ff.moments, "moment", nil, "a moment in their life, KIND[,at=DATE][,until=DATE][:note], e.g. promoted,at=2026-11-02 (repeatable)")
	f.StringVar(&ff.channel, "channel", "", "the preferred channel (email, phone, …)")
	f.StringVar(&ff.note, "note", "", "notes, free text")
	f.StringVar(&ff.department, "department", "", "the department at the organisation")
	f.StringVar(&ff.birthday, "birthday", "", "the birthday: YYYY-MM-DD, or MM-DD without the year (kith due says when it is near)")
	f.StringVar(&ff.anniversary, "anniversary", "", "an anniversary: YYYY-MM-DD or MM-DD")
	f.StringVar(&ff.lang, "lang", "", "the language drafts to them are written in: en or it (default: your profile's)")
	f.values("lang", store.LangEnglish, store.LangItalian)
	f.StringVar(&ff.greetAs, "greet-as", "", "the name drafts greet them by, e.g. Bob or Prof. Rossi (default: worked out from the name)")
}

// patch is the change the flags set on the command line make to a
// friend; with all, every flag counts as set (add: the defaults fill the
// rest). It reports values it cannot read as usage errors naming the flag;
// the rest of the checking is the store's (store.Friend.Validate, through
// store.FriendPatch).
func (ff *friendFlags) patch(fs *pflag.FlagSet, all bool, now time.Time) (store.FriendPatch, error) {
	var p store.FriendPatch
	given := map[string]bool{}
	fs.Visit(func(fl *pflag.Flag) { given[fl.Name] = true })
	set := given
	if all {
		set = map[string]bool{}
		fs.VisitAll(func(fl *pflag.Flag) { set[fl.Name] = true })
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
	line("lang", ff.lang, &p.Lang)
	line("greet-as", ff.greetAs, &p.GreetAs)
	line("department", ff.department, &p.Department)
	for _, d := range []struct {
		flag string
		val  string
		dst  **store.Date
	}{{"birthday", ff.birthday, &p.Birthday}, {"anniversary", ff.anniversary, &p.Anniversary}} {
		if !set[d.flag] {
			continue
		}
		var date store.Date
		if v := strings.TrimSpace(d.val); v != "" {
			var err error
			if date, err = store.ParseDate(v); err != nil {
				return p, usageErrorf("--%s: %v", d.flag, err)
			}
		}
		*d.dst = &date
	}
	if set["note"] {
		n := store.CleanText(ff.note, true)
		p.Notes = &n
	}
	// A note on where you worked together implies you did (see
	// store.FriendPatch.Apply), unless --worked-together says otherwise.
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
	list("circle", ff.circles, &p.Circles)
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
	if set["moment"] {
		ms := []store.Moment{}
		for _, s := range ff.moments {
			if strings.TrimSpace(s) == "" {
				continue
			}
			m, err := store.ParseMoment(store.CleanText(s, false), now)
			if err != nil {
				return p, usageErrorf("--moment: %v", err)
			}
			ms = append(ms, m)
		}
		p.Moments = &ms
	}
	return p, nil
}

// requestFlags are the flags check, who and draft share.
type requestFlags struct {
	kind, sector, org, circle, topic, keywords string
	targetPerson, targetRole                   string
}

// register declares the request flags on f; topic and keywords add
// --topic and --keywords.
func (rf *requestFlags) register(f flagSet, topic, keywords bool) {
	f.StringVar(&rf.kind, "kind", "", "what you want to ask: "+kindList())
	f.values("kind", kindNames()...)
	f.StringVar(&rf.sector, "sector", "", "the sector the request targets")
	f.StringVar(&rf.org, "org", "", "the organisation the request targets (where the person it reaches works)")
	f.StringVar(&rf.circle, "circle", "", "a social circle to look in")
	f.StringVar(&rf.targetRole, "target-role", "", `the role of the person the request reaches, e.g. "VP of Engineering"`)
	f.StringVar(&rf.targetPerson, "target-person", "", "the person the request reaches")
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
