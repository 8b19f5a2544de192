package policy

import (
	"fmt"
	"time"

	"kith/store"
)

// The nudges of a friend's birthday and anniversary: a reason to get in
// touch that is not an ask.
const (
	// NudgeBirthday: a friend's birthday is near.
	NudgeBirthday NudgeKind = "birthday"
	// NudgeAnniversary: a friend's anniversary is near.
	NudgeAnniversary NudgeKind = "anniversary"
)

// OccasionNotice is how many days before a birthday or an anniversary
// kith starts to say so: a week, time enough to write, call or send a
// card; the nudge stays until the day itself, and is gone the day after.
const OccasionNotice = 7

// occasions returns the nudges of f's birthday and anniversary at now:
// one for each that falls within OccasionNotice days from today (today
// included), Since set to that day. A person's only: an organisation's
// founding day is no friend's birthday.
func occasions(f *store.Friend, now time.Time) []Nudge {
	if f.IsOrg {
		return nil
	}
	var out []Nudge
	for _, o := range []struct {
		kind NudgeKind
		d    store.Date
		what string
	}{{NudgeBirthday, f.Birthday, "birthday"}, {NudgeAnniversary, f.Anniversary, "anniversary"}} {
		if o.d.IsZero() {
			continue
		}
		at := o.d.Next(now)
		y, m, d := now.Date()
		days := int(at.Sub(time.Date(y, m, d, 0, 0, 0, 0, now.Location())).Hours()+12) / 24
		if days > OccasionNotice {
			continue
		}
		when := "today"
		switch {
		case days == 1:
			when = "tomorrow"
		case days > 1:
			when = fmt.Sprintf("in %d days, on %s", days, at.Format("Mon 2 Jan"))
		}
		out = append(out, Nudge{Kind: o.kind, FriendID: f.ID, Friend: f.Name, Since: at,
			Message: fmt.Sprintf("%s's %s is %s: a reason to get in touch, not to ask", f.Name, o.what, when)})
	}
	return out
}
