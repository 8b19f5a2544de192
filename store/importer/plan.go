package importer

import (
	"fmt"
	"slices"
	"strings"

	"kith/store"
)

// Action is what an import does with one record.
type Action int

// The actions of a plan item.
const (
	Add   Action = iota // a new friend
	Merge               // merged into a friend already there (or added earlier in this import)
	Skip                // nothing written
)

func (a Action) String() string {
	switch a {
	case Add:
		return "add"
	case Merge:
		return "merge"
	}
	return "skip"
}

// Item is the plan for one record.
type Item struct {
	Action Action
	Source string // "file:line"
	Name   string // the record's name, as cleaned
	// Into names the friend a merge (or a skip for want of anything new)
	// went into: "Name (#id)" for a friend already there, "Name (file:line)"
	// for one added earlier in this import.
	Into string
	// Reason says why a record was merged or skipped.
	Reason string
	// Changes lists what a merge filled in or added.
	Changes []string
	// Duplicates lists friends with the same name that this added record
	// was not merged into (a different or missing organisation and no
	// shared e-mail): possible duplicates for the user to check.
	Duplicates []string
}

// Plan is what an import will do, computed before anything is written.
type Plan struct {
	Format   string
	Items    []Item
	Warnings []Warning

	Added, Merged, Skipped int
	// Asks and favors from kith's JSON export: to add, and already there.
	AsksAdded, AsksSkipped, FavorsAdded, FavorsSkipped int
	// ProfileChanges lists profile fields filled from a JSON export.
	ProfileChanges []string

	adds    []*store.Friend // new friends, in file order
	puts    []*store.Friend // existing friends changed by merges
	asks    []pendingAsk
	favors  []pendingFavor
	profile *store.Profile
	resolve func(ref) uint64
	// released says Write's records are let go of (release); written is
	// how many there were.
	released bool
	written  int
	owned    bool // the records are the plan's (Options.Consume)
}

// ref points at a friend: an existing one (its index in the friends read)
// or one this plan adds (its index in Plan.adds).
type ref struct {
	existing int // -1 when not an existing friend
	add      int // -1 when not a new friend
}

type pendingAsk struct {
	ask store.Ask
	to  ref
}

type pendingFavor struct {
	favor store.Favor
	to    ref
}

// Reader is the part of a store (or of a transaction) an import reads:
// *store.Store and *store.Tx satisfy it.
type Reader interface {
	Friends() ([]store.Friend, error)
	History(friendID uint64) ([]store.Ask, []store.Favor, error)
	Profile() (store.Profile, error)
}

// Build computes the plan for in against the friends in r. It writes
// nothing and changes nothing in in.
func Build(r Reader, in *Input) (*Plan, error) { return build(r, in, false) }

// build is Build; with own, the plan takes in's records for its own,
// cleaning them and adding them in place rather than copies of them (see
// Options.Consume).
func build(r Reader, in *Input, own bool) (*Plan, error) {
	existing, err := r.Friends()
	if err != nil {
		return nil, err
	}
	p := &Plan{Format: in.Format, Warnings: slices.Clone(in.Warnings), owned: own}
	// Sized for every record an add, as most are: grown instead, the
	// maps and lists of 100,000 records' adds were 50 MB more allocated
	// (a memory profile of importing the demo's 100,000 vCards).
	n := len(existing) + len(in.Records)
	p.adds = make([]*store.Friend, 0, len(in.Records))
	b := &builder{
		p:        p,
		existing: existing,
		work:     make(map[int]*store.Friend),
		byEmail:  make(map[string]ref, n),
		byKey:    make(map[string]ref, n),
		byName:   make(map[string][]ref, n),
		srcIDs:   make(map[uint64]ref),
		byUID:    make(map[string]ref, n),
		addSrc:   make([]string, 0, len(in.Records)),
		addUID:   make([]string, 0, len(in.Records)),
		addDesc:  make([]string, 0, len(in.Records)),
		own:      own,
	}
	if labelsAreGroups(in.Format) {
		b.known = knownSectors(existing)
	}
	for i := range existing {
		r := ref{existing: i, add: -1}
		b.index(&existing[i], r)
		b.byUID[FriendUID(&existing[i])] = r
		if c := existing[i].Contact; c != nil && c.Card.UID != "" {
			b.byUID[c.Card.UID] = r
		}
	}
	p.Items = make([]Item, 0, len(in.Records))
	for i := range in.Records {
		rec := &in.Records[i]
		if !own {
			c := *rec
			cloneFriend(&c.Friend)
			rec = &c
		}
		b.record(rec)
	}
	if err := b.history(r, in); err != nil {
		return nil, err
	}
	if in.Profile != nil {
		cur, err := r.Profile()
		if err != nil {
			return nil, err
		}
		p.profile, p.ProfileChanges = mergeProfile(cur, *in.Profile)
	}
	return p, nil
}

type builder struct {
	p        *Plan
	existing []store.Friend
	work     map[int]*store.Friend // copies of existing friends being merged into
	byEmail  map[string]ref
	byKey    map[string]ref // normalised name + org
	byName   map[string][]ref
	srcIDs   map[uint64]ref // JSON ids → friend
	// byUID holds the UIDs of existing friends as kith exports them and
	// of records this import adds; addUID is the UID of each add.
	byUID   map[string]ref
	addUID  []string
	resolve func(ref) uint64
	addSrc  []string // source of each add
	addDesc []string // describe's description of each add, made once
	// known is the sectors an address book's label may become
	// (knownSectors); nil when the format's labels are kith's sectors.
	known map[string]bool
	own   bool // the plan owns the records (build)
}

func (b *builder) index(f *store.Friend, r ref) {
	for _, e := range f.Emails {
		k := strings.ToLower(e)
		if _, ok := b.byEmail[k]; !ok {
			b.byEmail[k] = r
		}
	}
	n := store.NameKey(f.Name)
	k := n + "\x00" + store.OrgKey(f.Org)
	if _, ok := b.byKey[k]; !ok {
		b.byKey[k] = r
	}
	if !slices.Contains(b.byName[n], r) {
		b.byName[n] = append(b.byName[n], r)
	}
}

// friend returns the friend r points at, as it stands in the plan.
func (b *builder) friend(r ref) *store.Friend {
	if r.add >= 0 {
		return b.p.adds[r.add]
	}
	if w, ok := b.work[r.existing]; ok {
		return w
	}
	return &b.existing[r.existing]
}

func (b *builder) describe(r ref) string {
	f := b.friend(r)
	if r.add >= 0 {
		// An add's name and source do not change (a merge into it
		// fills other fields), so its description is made once: a
		// name shared by n records is described n(n-1)/2 times, 0.37 s
		// of the 8 s of CPU the demo's 100,000 vCards took, with 64,241
		// possible duplicates.
		if b.addDesc[r.add] == "" {
			b.addDesc[r.add] = fmt.Sprintf("%s (%s)", f.Name, b.addSrc[r.add])
		}
		return b.addDesc[r.add]
	}
	if f.Org != "" {
		return fmt.Sprintf("%s, %s (#%d)", f.Name, f.Org, f.ID)
	}
	return fmt.Sprintf("%s (#%d)", f.Name, f.ID)
}

// record plans rec, cleaning it in place (build hands it a copy unless
// the plan owns the records).
func (b *builder) record(rec *Record) {
	p := b.p
	srcID := rec.Friend.ID
	rec.Friend.ID = 0
	if b.known != nil && !rec.Sorted {
		sortLabels(&rec.Friend, b.known)
	}
	warns, skip := Clean(rec)
	p.Warnings = append(p.Warnings, warns...)
	item := Item{Source: rec.Source, Name: rec.Friend.Name}
	if b.own {
		// The records may read their text from the file in place
		// (vcard.ParseBytes): the plan, which outlives them, holds its
		// own copy of the name, so that the file need not stay behind
		// them through the commit.
		item.Name = strings.Clone(item.Name)
	}
	if skip != "" {
		item.Action, item.Reason = Skip, skip
		p.Items = append(p.Items, item)
		p.Skipped++
		return
	}
	f := &rec.Friend
	to, reason, found := b.match(f, rec.UID)
	if !found {
		f.Normalize()
		if err := f.Validate(); err != nil {
			item.Action, item.Reason = Skip, err.Error()
			p.Items = append(p.Items, item)
			p.Skipped++
			return
		}
		for _, d := range b.byName[store.NameKey(f.Name)] {
			item.Duplicates = append(item.Duplicates, b.describe(d))
		}
		nf := f
		to = ref{existing: -1, add: len(p.adds)}
		p.adds = append(p.adds, nf)
		b.addSrc = append(b.addSrc, rec.Source)
		b.addDesc = append(b.addDesc, "")
		b.addUID = append(b.addUID, rec.UID)
		if rec.UID != "" {
			b.byUID[rec.UID] = to
		}
		b.index(nf, to)
		item.Action = Add
		p.Items = append(p.Items, item)
		p.Added++
		if srcID != 0 {
			b.srcIDs[srcID] = to
		}
		return
	}
	if srcID != 0 {
		b.srcIDs[srcID] = to
	}
	item.Into = b.describe(to)
	dst := b.friend(to)
	probe := *dst
	cloneFriend(&probe)
	changes := mergeFriend(&probe, f)
	if len(changes) == 0 {
		item.Action, item.Reason = Skip, "already there, nothing new ("+strings.TrimSuffix(reason, ", nothing new")+")"
		p.Items = append(p.Items, item)
		p.Skipped++
		return
	}
	probe.Normalize()
	if err := probe.Validate(); err != nil {
		item.Action, item.Reason = Skip, "merge would be invalid: "+err.Error()
		p.Items = append(p.Items, item)
		p.Skipped++
		return
	}
	if to.add >= 0 {
		*p.adds[to.add] = probe
	} else {
		w, ok := b.work[to.existing]
		if !ok {
			w = new(store.Friend)
			b.work[to.existing] = w
			p.puts = append(p.puts, w)
		}
		*w = probe
	}
	b.index(b.friend(to), to)
	item.Action, item.Reason, item.Changes = Merge, reason, changes
	p.Items = append(p.Items, item)
	p.Merged++
}

// match finds the friend f is the same person as: one with an e-mail in
// common, else one with the same normalised name and organisation. With
// no organisation on either side a name alone is not enough (two people
// share names): f matches a same-name friend only when it holds nothing
// that friend lacks (the same record imported again); otherwise it is
// added, and listed as a possible duplicate.
//
// A UID decides first: the same UID (a kith export imported again) is the
// same person; and two records of this import whose UIDs differ are two
// people, whatever else they share, since an address book does not list
// one contact twice under two ids (merging them would lose one).
func (b *builder) match(f *store.Friend, uid string) (ref, string, bool) {
	if uid != "" {
		if r, ok := b.byUID[uid]; ok {
			return r, "same UID", true
		}
	}
	distinct := func(r ref) bool {
		return uid != "" && r.add >= 0 && b.addUID[r.add] != "" && b.addUID[r.add] != uid
	}
	for _, e := range f.Emails {
		if r, ok := b.byEmail[strings.ToLower(e)]; ok && !distinct(r) {
			return r, "same e-mail " + strings.ToLower(e), true
		}
	}
	n, o := store.NameKey(f.Name), store.OrgKey(f.Org)
	if o != "" {
		if r, ok := b.byKey[n+"\x00"+o]; ok && !distinct(r) {
			return r, "same name and organisation", true
		}
		return ref{}, "", false
	}
	for _, r := range b.byName[n] {
		c := b.friend(r)
		if store.OrgKey(c.Org) != "" || distinct(r) {
			continue
		}
		probe := *c
		cloneFriend(&probe)
		if len(mergeFriend(&probe, f)) == 0 {
			return r, "same name, no organisation, nothing new", true
		}
	}
	return ref{}, "", false
}

// cloneFriend gives f its own copies of its slices, so merging into it
// never writes through to a caller's record.
func cloneFriend(f *store.Friend) {
	f.Circles = slices.Clone(f.Circles)
	f.Emails = slices.Clone(f.Emails)
	f.Phones = slices.Clone(f.Phones)
	f.URLs = slices.Clone(f.URLs)
	f.Sectors = slices.Clone(f.Sectors)
	f.Boundaries = slices.Clone(f.Boundaries)
	f.Busy = slices.Clone(f.Busy)
	f.Contact = f.Contact.Clone()
}

// mergeFriend fills dst's empty fields from src and unions its lists; it
// returns what changed.
func mergeFriend(dst, src *store.Friend) []string {
	var ch []string
	fill := func(name string, d *string, s string) {
		if *d == "" && s != "" {
			*d = s
			ch = append(ch, name)
		}
	}
	fill("nickname", &dst.Nickname, src.Nickname)
	fill("organisation", &dst.Org, src.Org)
	fill("role", &dst.Role, src.Role)
	fill("channel", &dst.Channel, src.Channel)
	fill("worked-together note", &dst.WorkedNote, src.WorkedNote)
	union := func(name string, d *[]string, s []string, key func(string) string) {
		n := 0
		for _, v := range s {
			k := key(v)
			if !slices.ContainsFunc(*d, func(x string) bool { return key(x) == k }) {
				*d = append(*d, v)
				n++
			}
		}
		if n > 0 {
			ch = append(ch, fmt.Sprintf("%d %s", n, name))
		}
	}
	union("e-mail(s)", &dst.Emails, src.Emails, strings.ToLower)
	union("phone(s)", &dst.Phones, src.Phones, normPhone)
	union("URL(s)", &dst.URLs, src.URLs, normURL)
	union("sector(s)", &dst.Sectors, src.Sectors, strings.ToLower)
	union("circle(s)", &dst.Circles, src.Circles, strings.ToLower)
	if src.Notes != "" && !strings.Contains(dst.Notes, src.Notes) {
		if dst.Notes == "" {
			dst.Notes = src.Notes
		} else {
			dst.Notes += "\n\n" + src.Notes
		}
		ch = append(ch, "notes")
	}
	if src.WorkedTogether && !dst.WorkedTogether {
		dst.WorkedTogether = true
		ch = append(ch, "worked together")
	}
	if dst.Closeness == 0 && src.Closeness != 0 {
		dst.Closeness = src.Closeness
		ch = append(ch, "closeness")
	}
	nb := 0
	for _, bd := range src.Boundaries {
		if !slices.Contains(dst.Boundaries, bd) {
			dst.Boundaries = append(dst.Boundaries, bd)
			nb++
		}
	}
	if nb > 0 {
		ch = append(ch, fmt.Sprintf("%d boundary(ies)", nb))
	}
	nb = 0
	for _, m := range src.Busy {
		if !slices.Contains(dst.Busy, m) {
			dst.Busy = append(dst.Busy, m)
			nb++
		}
	}
	if nb > 0 {
		ch = append(ch, fmt.Sprintf("%d busy season(s)", nb))
	}
	return append(ch, mergeContact(dst, src)...)
}
