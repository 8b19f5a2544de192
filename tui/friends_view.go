package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"kith/policy"
	"kith/store"
)

// View renders the list, and the detail pane when it is shown.
func (f *friendsScreen) View() string {
	if f.w <= 0 || f.h <= 0 {
		return ""
	}
	if !f.loaded {
		if f.loadErr != nil {
			lines := []string{" " + f.c.styles.FlashErr.Render("Cannot read the database:")}
			for _, l := range wrap(clean(f.loadErr.Error()), max(f.w-2, 1)) {
				lines = append(lines, " "+l)
			}
			lines = append(lines, "", " "+f.c.styles.Dim.Render("kith tries again every second; q quits."))
			return clip(strings.Join(lines, "\n"), f.w, f.h)
		}
		return clip(" "+f.c.styles.Dim.Render("Loading…"), f.w, f.h)
	}
	if f.d.len() == 0 && !f.filter.Typing() {
		return clip(f.welcome(), f.w, f.h)
	}
	now := f.c.now()
	if f.detailFull {
		return f.detailView(f.w, f.h, now)
	}
	if !f.wide() {
		return f.listView(f.w, now)
	}
	lw := f.listWidth()
	dw := f.w - lw - 1
	left := strings.Split(f.listView(lw, now), "\n")
	right := strings.Split(f.detailView(dw, f.h, now), "\n")
	sep := f.c.styles.Border.Render("│")
	var b strings.Builder
	for i := 0; i < f.h; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(left[i])
		b.WriteString(sep)
		b.WriteString(right[i])
	}
	return b.String()
}

// columns are the list's column widths for a list w cells wide.
type columns struct{ name, org, sectors, badge, last int }

func listColumns(w int) columns {
	c := columns{badge: 9, last: 5}
	rest := w - 2 - c.badge - c.last - 3 // margin and gaps
	switch {
	case rest >= 60:
		c.name = rest * 2 / 5
		c.org = rest * 3 / 10
		c.sectors = rest - c.name - c.org - 2
	case rest >= 36:
		c.name = rest / 2
		c.org = rest - c.name - 1
	case rest > 0:
		c.name = rest
	default:
		c.badge, c.last = 0, 0
		c.name = max(w-2, 0)
	}
	return c
}

func (f *friendsScreen) listView(w int, now time.Time) string {
	s := f.c.styles
	lines := make([]string, 0, f.h)
	lines = append(lines, f.statusLine(w))
	c := listColumns(w)
	lines = append(lines, s.ColHead.Render(fit(" "+rowText(c, "NAME", "ORG", "SECTORS", "READY", "LAST"), w)))
	n := f.listRows()
	if len(f.rows) == 0 && n > 0 {
		msg := "No friends match “" + clean(f.query) + "”. esc clears the filter."
		switch {
		case f.query != "" && (f.ix == nil || f.early() && (f.searching || f.hay == nil)):
			msg = "Searching…"
		case f.query == "":
			msg = "Every friend is archived: H shows them."
		}
		lines = append(lines, s.Dim.Render(fit(" "+msg, w)))
	}
	for r := f.offset; r < min(f.offset+n, len(f.rows)); r++ {
		lines = append(lines, f.rowView(r, c, w, now))
	}
	return clip(strings.Join(lines, "\n"), w, f.h)
}

func (f *friendsScreen) statusLine(w int) string {
	s := f.c.styles
	if f.filter.Typing() {
		return clip(f.filter.View(), w, 1)
	}
	info := "sorted by " + f.sort.String()
	if f.sort == sortReady && f.byReady == nil || f.sort == sortLast && f.d.byLast == nil {
		info = "sorting by " + f.sort.String() + "…"
	}
	if f.showArchived {
		info += " · archived shown"
	}
	// where the cursor is: "21/299"
	pos := "0/0"
	shown := len(f.rows)
	if f.d.search != "" && f.d.search == f.query {
		shown = max(shown, f.d.found) // the answer holds the first page of them
	}
	switch {
	case f.held() && shown > 0:
		pos = "…/" + strconv.Itoa(shown) // no row is the selected friend's yet
	case f.held() || f.provisional() && shown == 0:
		pos = "…" // the rows are still being found
	case shown > 0:
		pos = strconv.Itoa(f.cursor+1) + "/" + strconv.Itoa(shown)
	}
	if f.query != "" {
		what := " matches · "
		if shown == 1 {
			what = " match · "
		}
		return clip(s.Label.Render("/"+clean(f.query))+s.Dim.Render("  "+pos+what+info), w, 1)
	}
	return clip(s.Dim.Render(pos+" · "+info), w, 1)
}

func rowText(c columns, name, org, sectors, badge, last string) string {
	var b strings.Builder
	b.WriteString(fit(name, c.name))
	if c.org > 0 {
		b.WriteByte(' ')
		b.WriteString(fit(org, c.org))
	}
	if c.sectors > 0 {
		b.WriteByte(' ')
		b.WriteString(fit(sectors, c.sectors))
	}
	if c.badge > 0 {
		b.WriteByte(' ')
		b.WriteString(fit(badge, c.badge))
		b.WriteByte(' ')
		b.WriteString(fit(last, c.last))
	}
	return b.String()
}

func (f *friendsScreen) rowView(r int, c columns, w int, now time.Time) string {
	s := f.c.styles
	i := int(f.rows[r])
	fr := &f.d.friends[i]
	v, judged := f.verd[i], f.have[i]
	badge, last := badgeText(v, judged, now), policy.AgoShort(now, f.d.lastAsk[i])
	if !f.d.hasHistory(i) {
		badge, last = "…", "…" // the history is still loading
	}
	if !fr.IsPerson() {
		badge, judged = noReadiness, false // an organisation's card is never asked
	}
	if fr.Archived {
		badge = "archived"
	}
	sectors := clean(strings.Join(fr.Sectors, ", "))
	name, org := clean(fr.Name), clean(fr.Org)
	cur := r == f.cursor && !f.held() // a held friend is on no row
	if q := store.Fold(strings.TrimSpace(f.query)); q != "" && !cur && !fr.Archived {
		// what the filter matched, in the name or the organisation
		name, org = markMatch(fit(name, c.name), q, s.Match), markMatch(fit(org, c.org), q, s.Match)
	}
	text := rowText(c, name, org, sectors, badge, last)
	if cur {
		st := s.Selected
		if f.focusDetail {
			st = s.Selected.Faint(true)
		}
		return st.Render(fit("›"+text, w))
	}
	if fr.Archived {
		return s.Archived.Render(fit(" "+text, w))
	}
	if c.badge == 0 {
		return fit(" "+text, w)
	}
	// colour only the badge
	cut := 1 + c.name + 1
	if c.org > 0 {
		cut += c.org + 1
	}
	if c.sectors > 0 {
		cut += c.sectors + 1
	}
	st := s.Neutral
	if judged {
		st = s.badge(v.level)
	}
	row := ansi.Truncate(" "+text, cut, "") + st.Render(fit(badge, c.badge)) + " " + fit(last, c.last)
	return row + strings.Repeat(" ", max(w-cut-c.badge-1-c.last, 0))
}

// noReadiness is the readiness column of an organisation's card: it is a
// contact, never asked, so it has no readiness.
const noReadiness = "—"

// badge is what the list shows of a friend's verdict: the level, the
// score (the readiness order) and when a hold lifts (Unix nanoseconds, 0
// for none). The list holds one a friend: 24 bytes, where a
// policy.Verdict without its reasons takes 168 (16.8 MB at 100k).
type badge struct {
	level policy.Level
	score int
	until int64
}

func badgeOf(v policy.Verdict) badge {
	b := badge{level: v.Level, score: v.Score}
	if !v.Until.IsZero() {
		b.until = v.Until.UnixNano()
	}
	return b
}

// badgeText is the readiness column: the level, with the days left when
// on hold; "·" for a friend not judged yet.
func badgeText(v badge, judged bool, now time.Time) string {
	if !judged {
		return "·"
	}
	if v.level == policy.Hold && v.until != 0 && v.until > now.UnixNano() {
		left := time.Duration(v.until - now.UnixNano())
		days := int((left + 24*time.Hour - 1) / (24 * time.Hour))
		return "hold " + strconv.Itoa(days) + "d"
	}
	return v.level.String()
}

func (f *friendsScreen) welcome() string {
	s := f.c.styles
	lines := []string{
		s.PaneTitle.Render("Welcome to kith."),
		"",
		"Nobody is here yet. To begin:",
		"",
		"  " + s.Section.Render("a") + "  add a friend here",
		"  " + s.Section.Render("p") + "  write your profile (your name and intro blurb)",
		"",
		"Or from a shell:",
		"  kith import contacts.vcf    import your contacts",
		"  kith demo --db /tmp/x.db    try kith on a scratch database",
		"",
		s.Dim.Render("? shows every key · q quits"),
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = " " + l
	}
	return strings.Join(out, "\n")
}

// detailSize is the detail pane's width and height as View draws it.
func (f *friendsScreen) detailSize() (int, int) {
	if f.detailFull || !f.wide() {
		return f.w, f.h
	}
	return f.w - f.listWidth() - 1, f.h
}

// detailMax is the furthest the detail pane scrolls: its last line at the
// bottom.
func (f *friendsScreen) detailMax() int {
	sel := f.selected()
	w, h := f.detailSize()
	if sel < 0 || w <= 0 {
		return 0
	}
	return max(len(f.detailLines(sel, max(w-2, 1), f.c.now()))-h, 0)
}

// detailView renders the selected friend's pane, scrolled by detailOff.
func (f *friendsScreen) detailView(w, h int, now time.Time) string {
	sel := f.selected()
	if sel < 0 || w <= 0 {
		return clip("", w, h)
	}
	lines := f.detailLines(sel, max(w-2, 1), now)
	// Update keeps detailOff within the pane; the pane may have shrunk
	// since (a reload, a resize).
	lines = lines[min(f.detailOff, max(len(lines)-h, 0)):]
	for i := range lines {
		lines[i] = " " + lines[i]
	}
	return clip(strings.Join(lines, "\n"), w, h)
}

func (f *friendsScreen) detailLines(i, w int, now time.Time) []string {
	s := f.c.styles
	fr := &f.d.friends[i]
	var out []string
	add := func(l ...string) { out = append(out, l...) }
	field := func(label, value string) {
		if value == "" {
			return
		}
		lw := 11
		vs := wrap(value, max(w-lw, 1))
		for j, v := range vs {
			l := strings.Repeat(" ", lw)
			if j == 0 {
				l = s.Label.Render(fit(label, lw))
			}
			add(l + v)
		}
	}

	title := clean(fr.Name)
	if fr.Nickname != "" {
		title += " (" + clean(fr.Nickname) + ")"
	}
	add(s.PaneTitle.Render(trunc(title, w)))
	role := clean(fr.Role)
	if fr.Department != "" {
		if role != "" {
			role += ", "
		}
		role += clean(fr.Department)
	}
	if fr.Org != "" && !(fr.IsOrg && fr.Org == fr.Name) {
		if role != "" {
			role += " at "
		}
		role += clean(fr.Org)
	}
	if role != "" {
		add(trunc(role, w))
	}
	if fr.IsOrg {
		add(s.Archived.Render("an organisation: a contact, not a friend to ask"))
	}
	if fr.Archived {
		add(s.Archived.Render("archived"))
	}
	add("")
	field("Closeness", strings.Repeat("●", clampInt(fr.Closeness, 0, 5))+strings.Repeat("○", 5-clampInt(fr.Closeness, 0, 5))+" "+closenessWord(fr.Closeness))
	field("Sectors", clean(strings.Join(fr.Sectors, ", ")))
	field("Circles", clean(strings.Join(fr.Circles, ", ")))
	field("Email", clean(strings.Join(fr.Emails, ", ")))
	field("Phone", clean(strings.Join(fr.Phones, ", ")))
	field("Web", clean(strings.Join(fr.URLs, ", ")))
	field("Birthday", fr.Birthday.Written())
	field("Anniv.", fr.Anniversary.Written()) // the labels are 10 cells wide
	for _, a := range fr.ContactFields().Addresses {
		field("Address", clean(a.String()))
	}
	field("Channel", clean(fr.Channel))
	worked := "no, never worked together"
	if fr.WorkedTogether {
		worked = "yes"
		if fr.WorkedNote != "" {
			worked += ": " + clean(fr.WorkedNote)
		}
	}
	field("Worked", worked)
	if len(fr.Boundaries) > 0 {
		bs := make([]string, len(fr.Boundaries))
		for j, b := range fr.Boundaries {
			bs[j] = clean(b.Words())
			if b.Note != "" {
				bs[j] += " (" + clean(b.Note) + ")"
			}
		}
		field("Boundaries", strings.Join(bs, "; "))
	}
	if len(fr.Busy) > 0 {
		bs := make([]string, len(fr.Busy))
		busyNow := false
		for j, r := range fr.Busy {
			bs[j] = r.String()
			busyNow = busyNow || r.Contains(now.Month())
		}
		v := strings.Join(bs, ", ")
		if busyNow {
			v += " (busy now)"
		}
		field("Busy", v)
	}
	if len(fr.Moments) > 0 {
		ms := make([]string, len(fr.Moments))
		for j, m := range fr.Moments {
			ms[j] = clean(m.String())
		}
		field("Moments", strings.Join(ms, "; "))
	}
	field("Notes", store.CleanText(fr.Notes, true))
	for _, h := range policy.SuggestMoments(fr) {
		field("Moment?", clean("the notes say \u201c"+h.Words+"\u201d: add it as a moment ("+string(h.Kind)+",at=DATE) in the form"))
	}

	// verdict
	head := "Readiness"
	var v policy.Verdict
	known := f.d.hasHistory(i)
	if known && fr.IsPerson() {
		var req policy.Request
		req, v = f.judge(i, now)
		head += " for " + article(req.Kind)
	}
	add("", s.Section.Render(trunc(head, w)))
	switch {
	case !fr.IsPerson():
		add(s.Dim.Render(trunc(noReadiness+" none: an organisation's card is never asked", w)))
	case !known:
		add(s.Dim.Render("loading the history…"))
	default:
		l := s.badge(v.Level).Render(strings.ToUpper(v.Level.String())) + fmt.Sprintf("  %d/100", v.Score)
		if !v.Until.IsZero() {
			l += "  until " + date(v.Until)
		}
		add(l)
		for _, r := range v.Reasons {
			for j, ln := range wrap(clean(r.Message), max(w-2, 1)) {
				p := "• "
				if j > 0 {
					p = "  "
				}
				add(s.badge(r.Level).Render(p) + ln)
			}
		}
	}

	// history: full records once read, the dataset's facts meanwhile
	type askLine struct {
		at     time.Time
		kind   store.Kind
		status store.Status
		topic  string
	}
	type favorLine struct {
		at   time.Time
		what string
	}
	var asks []askLine
	var favors []favorLine
	if f.hist.ok && f.hist.id == fr.ID {
		for _, a := range f.hist.asks {
			asks = append(asks, askLine{a.At(), a.Kind, a.Status, a.Topic})
		}
		for _, v := range f.hist.favors {
			favors = append(favors, favorLine{v.At, v.What})
		}
	} else {
		for _, a := range f.d.asksOf(i) {
			asks = append(asks, askLine{store.TimeOf(a.At()), a.Kind(), a.Status(), ""})
		}
		for _, v := range f.d.favorsOf(i) {
			favors = append(favors, favorLine{at: store.TimeOf(v.At)})
		}
	}
	made := 0
	for _, a := range asks {
		if a.status.Made() {
			made++
		}
	}
	// The ledger is the one the verdict weighs (policy.Ledger), with the
	// counts behind it.
	add("", s.Section.Render("Reciprocity"))
	add(wrap(fmt.Sprintf("%s made, %s done for them", plural(made, "ask", "asks"), plural(len(favors), "favor", "favors")), w)...)
	if known {
		add(wrap(capitalize(v.Ledger.String())+".", w)...)
	}

	add("", s.Section.Render(fmt.Sprintf("Asks (%d)", len(asks))))
	if f.hist.err != nil && f.hist.id == fr.ID {
		add(s.FlashErr.Render(trunc("cannot read the history: "+clean(f.hist.err.Error()), w)))
	}
	for _, a := range slices.Backward(asks) {
		l := date(a.at) + " " + fit(string(a.kind), 9) + " " + fit(string(a.status), 11)
		if a.topic != "" {
			l += " " + clean(a.topic)
		}
		add(trunc(l, w))
	}
	add("", s.Section.Render(fmt.Sprintf("Favors (%d)", len(favors))))
	for _, v := range slices.Backward(favors) {
		l := date(v.at)
		if v.what != "" {
			l += " " + clean(v.what)
		}
		add(trunc(l, w))
	}
	return out
}

func closenessWord(c int) string {
	switch c {
	case 1:
		return "acquaintance"
	case 2:
		return "friendly"
	case 3:
		return "friend"
	case 4:
		return "good friend"
	case 5:
		return "close friend"
	}
	return ""
}

func clampInt(v, lo, hi int) int { return max(lo, min(v, hi)) }
