package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/pflag"

	"kith/policy"
	"kith/store"
)

func cmdAdd(e *env, name string, ff *friendFlags, fs *pflag.FlagSet) error {
	p, err := ff.patch(fs, true, e.now)
	if err != nil {
		return err
	}
	n := store.CleanText(name, false)
	p.Name = &n
	return addFriend(e, p)
}

// addFriend stores the friend p describes, checked (limits included)
// before the file is touched: a value the store refuses is a usage error
// naming the argument.
func addFriend(e *env, p store.FriendPatch) error {
	f, err := p.NewFriend()
	if err != nil {
		return formatError(err, "name", "NAME")
	}
	if err := e.store.Batch(e.now, func(tx *store.Tx) error { return tx.AddFriend(&f) }); err != nil {
		return formatError(err, "name", "NAME")
	}
	fmt.Fprintf(e.out, "added %s (id %d)\n", printable(f.Name), f.ID)
	return nil
}

func cmdEdit(e *env, q string, o *editFlags, fs *pflag.FlagSet) error {
	if !verbFlagsGiven(fs) {
		return usageErrorf("edit: nothing to change").withHint("give at least one flag; run 'kith edit --help'")
	}
	p, err := o.patch(fs, false, e.now)
	if err != nil {
		return err
	}
	if fs.Changed("archived") {
		p.Archived = &o.archived
	}
	return editFriend(e, q, p)
}

// editFriend applies p to the friend q names, and only p: a field not
// given is kept as stored.
func editFriend(e *env, q string, p store.FriendPatch) error {
	f, err := e.store.FindFriend(q)
	if err != nil {
		return err
	}
	err = e.store.Batch(e.now, func(tx *store.Tx) (err error) {
		f, err = tx.EditFriend(f.ID, p)
		return err
	})
	if err != nil {
		return formatError(err)
	}
	fmt.Fprintf(e.out, "updated %s (id %d)\n", printable(f.Name), f.ID)
	return nil
}

// listRow is one friend of `kith list --json`: the friend's fields plus
// when you last asked them.
type listRow struct {
	store.Friend
	LastAsk time.Time `json:"last_ask,omitzero"`
}

func cmdList(e *env, o *listFlags) error {
	if o.json {
		return listJSON(e, o)
	}
	t := newTable("ID", "NAME", "ORGANISATION", "SECTORS", "LAST ASK")
	err := e.store.RowsLastMade(func(r store.Row, last time.Time) bool {
		if listed(o, r.Archived, r.HasSector) {
			t.add(listCells(&r, last, e.now)...)
		}
		return true
	})
	if err != nil {
		return err
	}
	return printList(e.out, t)
}

// listed reports whether kith list shows a friend, archived or not, with
// sectors that hasSector searches.
func listed(o *listFlags, archived bool, hasSector func(string) bool) bool {
	return (!archived || o.archived) && (o.sector == "" || hasSector(o.sector))
}

// listJSON is kith list --json: the whole friends, read in full.
func listJSON(e *env, o *listFlags) error {
	friends, last, err := e.store.Roster()
	if err != nil {
		return err
	}
	order, err := e.store.NameOrder()
	if err != nil {
		return err
	}
	rows := make([]listRow, 0, len(friends))
	for _, i := range inNameOrder(friends, order) {
		f := &friends[i]
		if listed(o, f.Archived, f.HasSector) {
			rows = append(rows, listRow{Friend: *f, LastAsk: last[i]})
		}
	}
	return writeJSON(e.out, rows)
}

// inNameOrder returns the indexes of friends (in id order) in the name order
// of order (Store.NameOrder); a friend order does not hold (one added
// between the two reads) goes last.
func inNameOrder(friends []store.Friend, order []uint64) []int {
	out := make([]int, 0, len(friends))
	seen := make([]bool, len(friends))
	for _, id := range order {
		i, ok := slices.BinarySearchFunc(friends, id, func(f store.Friend, id uint64) int { return cmp.Compare(f.ID, id) })
		if ok && !seen[i] {
			seen[i] = true
			out = append(out, i)
		}
	}
	for i, s := range seen {
		if !s {
			out = append(out, i)
		}
	}
	return out
}

// listCells is the table row of kith list for r, last asked at last
// (zero: never).
func listCells(r *store.Row, last time.Time, now time.Time) []string {
	ago := "never"
	if !last.IsZero() {
		ago = policy.Ago(now, last)
	}
	name := r.Name
	if !r.Person {
		// an organisation's card: a contact, not a friend to ask
		name += " [org]"
	}
	return []string{strconv.FormatUint(r.ID, 10), name, r.Org, strings.Join(r.Sectors, ","), ago}
}

// printList prints t, kith list's table, or says there is nobody in it.
func printList(w io.Writer, t *table) error {
	if t.len() == 1 {
		fmt.Fprintln(w, "no friends yet: add one with 'kith add NAME', or try 'kith demo' on a scratch database (--db)")
		return nil
	}
	return t.write(w, []int{0, 24, 20, 18, 0})
}

// showJSON is `kith show --json`.
type showJSON struct {
	Friend store.Friend  `json:"friend"`
	Asks   []store.Ask   `json:"asks"`
	Favors []store.Favor `json:"favors"`
	// Verdict is for the friend's most likely next request.
	Verdict *likelyJSON `json:"verdict,omitempty"`
}

func cmdShow(e *env, q string, asJSON bool) error {
	f, err := e.store.FindFriend(q)
	if err != nil {
		return err
	}
	asks, favors, err := e.store.History(f.ID)
	if err != nil {
		return err
	}
	lv, err := likelyVerdict(e, &f, asks, favors)
	if err != nil {
		return err
	}
	if asJSON {
		if asks == nil {
			asks = []store.Ask{}
		}
		if favors == nil {
			favors = []store.Favor{}
		}
		return writeJSON(e.out, showJSON{Friend: f, Asks: asks, Favors: favors, Verdict: lv})
	}
	printFriend(e.out, &f, asks, favors, e.now)
	printLikely(e.out, lv)
	return nil
}

func printFriend(w io.Writer, f *store.Friend, asks []store.Ask, favors []store.Favor, now time.Time) {
	fmt.Fprintf(w, "%s (id %d)", printable(f.Name), f.ID)
	if f.Nickname != "" {
		fmt.Fprintf(w, " \"%s\"", printable(f.Nickname))
	}
	if f.IsOrg {
		fmt.Fprint(w, " [organisation: a contact, not a friend to ask]")
	}
	if f.Archived {
		fmt.Fprint(w, " [archived]")
	}
	fmt.Fprintln(w)
	field := func(label, v string) {
		if v != "" {
			fmt.Fprintf(w, "  %-16s %s\n", label+":", printable(v))
		}
	}
	c := f.ContactFields()
	field("name in parts", nameParts(c.NameParts))
	work := f.Role
	if f.Department != "" {
		if work != "" {
			work += ", "
		}
		work += f.Department
	}
	if f.Org != "" && !(f.IsOrg && f.Org == f.Name) {
		if work != "" {
			work += " at "
		}
		work += f.Org
	}
	field("works", work)
	field("sectors", strings.Join(f.Sectors, ", "))
	field("circles", strings.Join(f.Circles, ", "))
	field("closeness", fmt.Sprintf("%d/5", f.Closeness))
	field("birthday", f.Birthday.Written())
	field("anniversary", f.Anniversary.Written())
	field("e-mail", typedList(f.Emails, c.EmailTypes))
	field("phone", typedList(f.Phones, c.PhoneTypes))
	field("links", typedList(f.URLs, c.URLTypes))
	for _, a := range c.Addresses {
		label := "address"
		if len(a.Types) > 0 {
			label = strings.Join(a.Types, ", ") + " address"
		}
		field(label, a.String())
	}
	field("channel", f.Channel)
	if f.WorkedTogether {
		field("worked together", orDash("yes", f.WorkedNote))
	} else {
		field("worked together", "no")
	}
	for _, b := range f.Boundaries {
		field("boundary", orDash(b.Words(), b.Note))
	}
	for _, m := range f.Moments {
		field("moment", m.String())
	}
	for _, h := range policy.SuggestMoments(f) {
		field("moment?", fmt.Sprintf("the notes say %q: record it with kith moment %d %s,at=YYYY-MM-DD", h.Words, f.ID, h.Kind))
	}
	var busy []string
	for _, r := range f.Busy {
		busy = append(busy, r.String())
	}
	field("busy", strings.Join(busy, ", "))
	if f.Notes != "" {
		fmt.Fprintf(w, "  %-16s %s\n", "notes:", strings.ReplaceAll(printableBlock(f.Notes), "\n", "\n"+strings.Repeat(" ", 19)))
	}
	field("also in the card", keptSummary(&c.Card))
	fmt.Fprintf(w, "\nAsks (%d):\n", len(asks))
	if len(asks) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for _, a := range asks {
		line := fmt.Sprintf("  #%-6d %s  %-14s %-11s", a.ID, a.At().Local().Format("2006-01-02"), a.Kind, a.Status)
		if a.Topic != "" {
			line += " " + a.Topic
		}
		if !a.Thanked.IsZero() {
			line += " (thanked)"
		}
		if a.Outcome != "" {
			line += " — " + a.Outcome
		}
		fmt.Fprintln(w, strings.TrimRight(printable(line), " "))
	}
	fmt.Fprintf(w, "\nFavors you did (%d):\n", len(favors))
	if len(favors) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for _, v := range favors {
		size := ""
		if v.Size != "" {
			size = " (" + string(v.Size) + ")"
		}
		fmt.Fprintf(w, "  %s  %s%s\n", v.At.Local().Format("2006-01-02"), printable(v.What), size)
	}
}

// nameParts writes the parts of a name for show: "prefix Dr., given
// John, middle Q., family Public, suffix Jr.".
func nameParts(n store.NameParts) string {
	var parts []string
	for _, p := range []struct{ label, v string }{{"prefix", n.Prefix}, {"given", n.Given}, {"middle", n.Additional},
		{"family", n.Family}, {"suffix", n.Suffix}, {"phonetic given", n.PhoneticGiven}, {"phonetic family", n.PhoneticFamily}} {
		if p.v != "" {
			parts = append(parts, p.label+" "+p.v)
		}
	}
	return strings.Join(parts, ", ")
}

// typedList writes values with what they are: "+1 555 (cell), +1 556
// (work, Assistant)". The types every number or address has (voice,
// internet) say nothing and are left out.
func typedList(values []string, ts []store.Typed) string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = v
		t := store.TypesOf(ts, v)
		if t == nil {
			continue
		}
		var what []string
		for _, ty := range t.Types {
			if ty != "voice" && ty != "internet" {
				what = append(what, ty)
			}
		}
		if t.Label != "" {
			what = append(what, t.Label)
		}
		if len(what) > 0 {
			out[i] += " (" + strings.Join(what, ", ") + ")"
		}
	}
	return strings.Join(out, ", ")
}

// keptSummary says what the card a friend came from holds that kith does
// not show: "PHOTO, IMPP, X-ABRELATEDNAMES (2)".
func keptSummary(c *store.Card) string {
	var names []string
	count := map[string]int{}
	for _, p := range c.Props {
		n := strings.ToUpper(p.Name)
		if p.Of != "" || n == "X-ABLABEL" {
			continue
		}
		if count[n] == 0 {
			names = append(names, n)
		}
		count[n]++
	}
	for i, n := range names {
		if count[n] > 1 {
			names[i] = fmt.Sprintf("%s (%d)", n, count[n])
		}
	}
	return strings.Join(names, ", ")
}

func orDash(a, b string) string {
	if b == "" {
		return a
	}
	return a + " — " + b
}

// writeJSON prints v as indented JSON. encoding/json escapes the C0
// control characters (ESC is \u001b), U+2028 and U+2029, and, with HTML
// escaping left on, <, > and &; writeJSON escapes DEL and the C1 controls
// too (U+009B is a CSI to some terminals), so nothing reaches the
// terminal raw and the text decodes as stored.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(escapeC1(buf.Bytes()))
	return err
}

// escapeC1 writes DEL and the C1 controls (U+0080-U+009F) of a JSON text
// as \u escapes. Outside strings JSON holds neither, so the text means
// the same.
func escapeC1(b []byte) []byte {
	if !bytes.ContainsFunc(b, func(r rune) bool { return r == 0x7f || r >= 0x80 && r <= 0x9f }) {
		return b
	}
	out := make([]byte, 0, len(b)+64)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == 0x7f || r >= 0x80 && r <= 0x9f {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, b[:n]...)
		}
		b = b[n:]
	}
	return out
}
