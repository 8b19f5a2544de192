package vcard

import (
	"crypto/sha256"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"kith/store"
	"kith/store/atomic"
	"kith/store/importer"
)

// The vCard versions Write can produce.
const (
	V3 = "3.0"
	V4 = "4.0"
)

// CheckVersion returns an error naming the flag value when v is not a
// version Write produces.
func CheckVersion(v string) error {
	if v != V3 && v != V4 {
		return fmt.Errorf("vCard version %q: want 3.0 or 4.0", v)
	}
	return nil
}

// UID is the friend's vCard UID: the UID of the card the friend was
// imported from, else one derived from the friend (importer.FriendUID).
// Either is stable, so an export imported again merges into the friends
// it came from.
func UID(f *store.Friend) string {
	if c := f.Contact; c != nil && c.Card.UID != "" {
		return c.Card.UID
	}
	return importer.FriendUID(f)
}

// prodID is the PRODID kith writes: a card with it holds only what kith
// stores, so the reader takes its CATEGORIES as they are.
const prodID = "-//kith//kith//EN"

// Write writes f as one vCard of the given version (V3 or V4): its
// contact fields, the properties of the card it was imported from that
// kith keeps (store.Card), and kith's own fields as X-KITH-… properties.
//
// A kept original of a modelled property is written instead of the
// field while the field still holds the value it was read as; once the
// field changed, the field is written. A kept property in a group goes
// with the modelled value of its group (an item1.X-ABLabel with its
// item1.EMAIL). The card's PRODID and REV come back while none of its
// modelled fields changed; otherwise kith writes its own. Kept
// properties of another version are carried into this one (see
// convert).
//
// Text is escaped as each version says: RFC 2426 (3.0) escapes \\, \,
// \; and line breaks in every text value; RFC 6350 (4.0) escapes \;
// only inside the fields of compound values (N, ORG), so FN, NOTE and
// the rest have no \; for other programs to show. URLs are URIs, written
// as they are. A phone with an extension ("+1-418-656-9254 ext. 102")
// goes out in 4.0 as a tel URI, tel:+1-418-656-9254;ext=102, when the
// number is one a tel URI can hold; every other phone as text.
func Write(w io.Writer, f *store.Friend, version string) error {
	if err := CheckVersion(version); err != nil {
		return err
	}
	c := cardWriter{v4: version == V4}
	c.line("BEGIN:VCARD")
	c.line("VERSION:" + version)
	for _, p := range cardProps(f, version) {
		c.prop(&p)
	}
	c.line("END:VCARD")
	_, err := io.WriteString(w, c.b.String())
	return err
}

// cardProps is every property of f's card but BEGIN, VERSION and END:
// kith's PRODID and UID, the contact fields (each field's kept originals
// in its place, or the field rendered), the values of each list in their
// order (a value's kept original, with its group, or the value
// rendered), the card's other kept properties in their order, REV, and
// kith's own fields.
func cardProps(f *store.Friend, version string) []prop {
	r := render{v4: version == V4}
	c := f.ContactFields()
	card := &c.Card
	from := card.Version
	if from == "" {
		from = V3
	}
	plan := planKept(f)
	var keptProdID, keptRev bool
	kept := make([]prop, len(card.Props))
	used := map[string]bool{}
	for i := range card.Props {
		if !plan.written[i] {
			continue
		}
		p, ok := fromKept(&card.Props[i])
		if !ok {
			plan.written[i] = false
			continue
		}
		if card.Props[i].Of == store.FieldCard {
			keptProdID = keptProdID || p.name == "PRODID"
			keptRev = keptRev || p.name == "REV"
		}
		convert(&p, from, version)
		used[strings.ToLower(p.group)] = true
		kept[i] = p
	}

	// about what a card holds: room for it at once
	out := make([]prop, 0, 16+len(f.Emails)+len(f.Phones)+len(f.URLs)+2*len(c.Addresses)+len(card.Props))
	emitted := make([]bool, len(card.Props))
	// emit appends kept property i, then the other kept properties of
	// its group that go with it (an item1.X-ABLabel after its
	// item1.EMAIL).
	emit := func(i int) {
		if emitted[i] || !plan.written[i] {
			return
		}
		emitted[i] = true
		out = append(out, kept[i])
		if g := card.Props[i].Group; g != "" {
			for j := range card.Props {
				if !emitted[j] && plan.written[j] && card.Props[j].Of == "" && strings.EqualFold(card.Props[j].Group, g) {
					emitted[j] = true
					out = append(out, kept[j])
				}
			}
		}
	}
	n := 0
	// add appends the properties of one value rendered; a new group (a
	// value with a label of its own) is named item1, item2 … apart from
	// the card's.
	add := func(ps []prop) {
		name := ""
		for i := range ps {
			if ps[i].group != newGroup {
				continue
			}
			for name == "" {
				n++
				if g := fmt.Sprintf("item%d", n); !used[g] {
					name = g
				}
			}
			ps[i].group = name
		}
		out = append(out, ps...)
	}
	field := func(field string) {
		if !plan.covered[field] {
			add(r.field(field, f))
			return
		}
		names := map[string]bool{}
		for i := range card.Props {
			if card.Props[i].Of == field {
				emit(i)
				names[strings.ToUpper(card.Props[i].Name)] = true
			}
		}
		// An organisation's card carried into the other version says
		// so in that version's way too (KIND:org in 4.0,
		// X-ABShowAs:COMPANY in 3.0).
		if field == store.FieldKind && f.IsOrg && from != version {
			if r.v4 && !names["KIND"] {
				add([]prop{mk("KIND", nil, "org")})
			} else if !r.v4 && !names["X-ABSHOWAS"] {
				add([]prop{mk("X-ABShowAs", nil, "COMPANY")})
			}
		}
	}
	list := func(field string, values []string, types []store.Typed) {
		for j, v := range values {
			switch ks := plan.items[field][j]; {
			case len(ks) > 0:
				for _, i := range ks {
					emit(i)
				}
			case field == store.FieldAddress:
				add(r.address(&c.Addresses[j]))
			default:
				add(r.item(field, v, store.TypesOf(types, v)))
			}
		}
	}
	if !keptProdID {
		add([]prop{mk("PRODID", nil, prodID)})
	}
	add([]prop{mk("UID", nil, UID(f))})
	for _, fl := range []string{store.FieldName, store.FieldNameParts, store.FieldNickname, store.FieldKind,
		store.FieldOrg, store.FieldRole, store.FieldBirthday, store.FieldAnniversary} {
		field(fl)
	}
	list(store.FieldEmail, f.Emails, c.EmailTypes)
	list(store.FieldPhone, f.Phones, c.PhoneTypes)
	list(store.FieldAddress, make([]string, len(c.Addresses)), nil)
	list(store.FieldURL, f.URLs, c.URLTypes)
	field(store.FieldSectors)
	field(store.FieldNotes)
	for i := range card.Props {
		emit(i)
	}
	if !keptRev && !f.Updated.IsZero() {
		out = append(out, mk("REV", nil, f.Updated.UTC().Format("20060102T150405Z")))
	}
	return kithProps(out, f, r)
}

// keptPlan is which of a friend's kept properties an export writes.
type keptPlan struct {
	written []bool             // by index in Card.Props
	covered map[string]bool    // single fields written from their originals
	items   map[string][][]int // for each list field, the originals of each value
}

// planKept decides which kept originals to write: for a single field,
// all of them while the field has the sum they were read with; for a
// list field, those that match a value of the list (each value at most
// once for each property name: an ADR and its 3.0 LABEL both), which is
// then not written from the field; the card's PRODID and REV while
// nothing it models changed; and every property kith does not model,
// but one in the group of an original that is not written (a label
// without its value).
func planKept(f *store.Friend) keptPlan {
	c := f.ContactFields()
	card := &c.Card
	pl := keptPlan{written: make([]bool, len(card.Props)), covered: map[string]bool{}, items: map[string][][]int{}}
	if len(card.Props) == 0 {
		// a friend made in kith, or a card kith writes the same way
		pl.items[store.FieldEmail] = make([][]int, len(f.Emails))
		pl.items[store.FieldPhone] = make([][]int, len(f.Phones))
		pl.items[store.FieldURL] = make([][]int, len(f.URLs))
		pl.items[store.FieldAddress] = make([][]int, len(c.Addresses))
		return pl
	}
	unchanged := card.Sum != "" && card.Sum == store.ContactSum(f)
	stale := map[string]bool{}
	sums := map[string][]string{}
	taken := map[string][]bool{}
	for _, field := range []string{store.FieldEmail, store.FieldPhone, store.FieldURL, store.FieldAddress} {
		sums[field] = store.ItemSums(field, f)
		pl.items[field] = make([][]int, len(sums[field]))
	}
	for i := range card.Props {
		p := &card.Props[i]
		switch {
		case p.Of == "":
			pl.written[i] = true
		case p.Of == store.FieldCard:
			pl.written[i] = unchanged
		case store.ListField(p.Of):
			key := p.Of + "\x00" + strings.ToUpper(p.Name)
			if taken[key] == nil {
				taken[key] = make([]bool, len(sums[p.Of]))
			}
			for j, s := range sums[p.Of] {
				if !taken[key][j] && s == p.Sum {
					taken[key][j], pl.written[i] = true, true
					pl.items[p.Of][j] = append(pl.items[p.Of][j], i)
					break
				}
			}
		default:
			if p.Sum != store.FieldSum(p.Of, f) {
				stale[p.Of] = true
			}
		}
	}
	for i := range card.Props {
		p := &card.Props[i]
		if p.Of != "" && p.Of != store.FieldCard && !store.ListField(p.Of) && !stale[p.Of] {
			pl.written[i], pl.covered[p.Of] = true, true
		}
	}
	for i := range card.Props {
		p := &card.Props[i]
		if p.Group == "" || p.Of == "" || pl.written[i] {
			continue
		}
		for j := range card.Props {
			if card.Props[j].Of == "" && strings.EqualFold(card.Props[j].Group, p.Group) {
				pl.written[j] = false
			}
		}
	}
	return pl
}

// kithProps appends kith's own fields as X-KITH-… properties to out.
func kithProps(out []prop, f *store.Friend, r render) []prop {
	add := func(name, value string) { out = append(out, mk(name, nil, value)) }
	if f.Closeness != 0 {
		add("X-KITH-CLOSENESS", strconv.Itoa(f.Closeness))
	}
	if f.WorkedTogether {
		add("X-KITH-WORKED-TOGETHER", "true")
	}
	if f.WorkedNote != "" {
		add("X-KITH-WORKED-NOTE", r.text(f.WorkedNote))
	}
	for _, b := range f.Boundaries {
		add("X-KITH-BOUNDARY", r.text(b.String()))
	}
	for _, m := range f.Busy {
		add("X-KITH-BUSY", m.String())
	}
	for _, x := range f.Circles {
		add("X-KITH-CIRCLE", r.text(x))
	}
	for _, m := range f.Moments {
		add("X-KITH-MOMENT", r.text(m.String()))
	}
	if f.Channel != "" {
		add("X-KITH-CHANNEL", r.text(f.Channel))
	}
	if f.Archived {
		add("X-KITH-ARCHIVED", "true")
	}
	if !f.Created.IsZero() {
		add("X-KITH-CREATED", f.Created.UTC().Format(time.RFC3339Nano))
	}
	if !f.Updated.IsZero() {
		add("X-KITH-UPDATED", f.Updated.UTC().Format(time.RFC3339Nano))
	}
	return out
}

// WriteAll writes every friend, one card after the other.
func WriteAll(w io.Writer, friends []store.Friend, version string) error {
	for i := range friends {
		if err := Write(w, &friends[i], version); err != nil {
			return err
		}
	}
	return nil
}

// WriteDir writes a vdir: one <uid>.vcf per friend in dir (see
// FileName), mode 0600. A missing or empty dir is filled at once (see
// atomic.WriteFolder: the cards written into a folder beside it, synced
// once and renamed onto it, so a crash leaves no half folder); one with
// files is written as one batch (atomic.WriteBatch: every file replaced
// atomically, the file system synced once). It returns how many files it
// wrote.
func WriteDir(dir string, friends []store.Friend, version string) (int, error) {
	if err := CheckVersion(version); err != nil {
		return 0, err
	}
	taken := make(map[string]bool, len(friends))
	files := make([]atomic.File, len(friends))
	for i := range friends {
		f := &friends[i]
		name := FreeName(UID(f), taken)
		files[i] = atomic.File{Name: name, Fill: func(w io.Writer) error { return Write(w, f, version) }}
	}
	return atomic.WriteFolder(dir, 0o600, files)
}

// FreeName is FileName(uid), or, when taken has that name already (in
// any case), the first of name-2.vcf, name-3.vcf … it lacks; the name
// is then added to taken.
func FreeName(uid string, taken map[string]bool) string {
	base := FileName(uid)
	name := base
	for n := 2; taken[strings.ToLower(name)]; n++ {
		name = fmt.Sprintf("%s-%d.vcf", strings.TrimSuffix(base, ".vcf"), n)
	}
	taken[strings.ToLower(name)] = true
	return name
}

// FileName is the name of a card's file in a vdir: its UID and .vcf
// (without a urn:uuid: in front), or, for a UID that is not safe as a
// file name everywhere (a slash, a colon, a leading dot, more than 100
// characters), a name derived from it: the same UID always gives the
// same name.
func FileName(uid string) string {
	u := uid
	if len(u) > 9 && strings.EqualFold(u[:9], "urn:uuid:") {
		u = u[9:]
	}
	safe := u != "" && len(u) <= 100 && u[0] != '.' && u[0] != '-'
	for i := 0; safe && i < len(u); i++ {
		c := u[i]
		safe = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '@'
	}
	if safe {
		return u + ".vcf"
	}
	sum := sha256.Sum256([]byte(uid))
	return fmt.Sprintf("%x.vcf", sum[:16])
}

// escape escapes a text value: \\, line breaks and commas always, and
// semicolons when semi is set (every text value in vCard 3.0, the fields
// of a compound value in 4.0).
func escape(s string, semi bool) string {
	if !strings.ContainsAny(s, "\\\n\r,;") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		case ',':
			b.WriteString(`\,`)
		case ';':
			if semi {
				b.WriteString(`\;`)
			} else {
				b.WriteByte(c)
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// telExt matches a phone with an extension as readTel writes it: a
// global number, in the characters a tel URI allows, then " ext. N".
var telExt = regexp.MustCompile(`^(\+[0-9][0-9().-]*) ext\. ([0-9]+)$`)

// telURI returns the tel URI of a phone with an extension, false for any
// other phone.
func telURI(p string) (string, bool) {
	m := telExt.FindStringSubmatch(p)
	if m == nil {
		return "", false
	}
	return "tel:" + m[1] + ";ext=" + m[2], true
}

type cardWriter struct {
	b  strings.Builder
	v4 bool
}

// prop writes one property.
func (c *cardWriter) prop(p *prop) {
	if p.group == "" && len(p.params) == 0 {
		c.line(p.rawName + ":" + p.value)
		return
	}
	var b strings.Builder
	if p.group != "" {
		b.WriteString(p.group)
		b.WriteByte('.')
	}
	b.WriteString(p.rawName)
	if len(p.params) > 0 {
		b.WriteByte(';')
		b.WriteString(paramString(p.params))
	}
	b.WriteByte(':')
	b.WriteString(p.value)
	c.line(b.String())
}

// line writes one content line folded at 75 octets (never inside a UTF-8
// character), ending in CRLF.
func (c *cardWriter) line(l string) {
	const width = 75
	first := true
	for len(l) > 0 {
		max := width
		if !first {
			c.b.WriteByte(' ')
			max = width - 1
		}
		if len(l) <= max {
			c.b.WriteString(l)
			break
		}
		cut := max
		for cut > 0 && !utf8.RuneStart(l[cut]) {
			cut--
		}
		c.b.WriteString(l[:cut])
		c.b.WriteString("\r\n")
		l = l[cut:]
		first = false
	}
	c.b.WriteString("\r\n")
}
