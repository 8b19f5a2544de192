package importer

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"kith/store"
)

// history plans the asks and favors of a JSON export: each goes to the
// friend its record was added as or merged into; one already there (same
// kind, creation time and topic; same favor and time) is skipped.
func (b *builder) history(r Reader, in *Input) error {
	p := b.p
	type askKey struct {
		to      ref
		kind    store.Kind
		created int64
		topic   string
	}
	type favorKey struct {
		to   ref
		what string
		at   int64
	}
	seenAsk := map[askKey]bool{}
	seenFavor := map[favorKey]bool{}
	loaded := map[int]bool{}
	load := func(to ref) error {
		if to.existing < 0 || loaded[to.existing] {
			return nil
		}
		loaded[to.existing] = true
		asks, favors, err := r.History(b.existing[to.existing].ID)
		if err != nil {
			return err
		}
		for _, a := range asks {
			seenAsk[askKey{to, a.Kind, a.Created.UnixNano(), a.Topic}] = true
		}
		for _, v := range favors {
			seenFavor[favorKey{to, v.What, v.At.UnixNano()}] = true
		}
		return nil
	}
	for _, a := range in.Asks {
		to, ok := b.srcIDs[a.FriendID]
		if !ok {
			p.Warnings = append(p.Warnings, Warning{Msg: fmt.Sprintf("ask %d skipped: its friend %d was not imported", a.ID, a.FriendID)})
			p.AsksSkipped++
			continue
		}
		if err := load(to); err != nil {
			return err
		}
		k := askKey{to, a.Kind, a.Created.UnixNano(), a.Topic}
		if seenAsk[k] {
			p.AsksSkipped++
			continue
		}
		seenAsk[k] = true
		a.ID, a.FriendID = 0, 0
		p.asks = append(p.asks, pendingAsk{ask: a, to: to})
		p.AsksAdded++
	}
	for _, v := range in.Favors {
		to, ok := b.srcIDs[v.FriendID]
		if !ok {
			p.Warnings = append(p.Warnings, Warning{Msg: fmt.Sprintf("favor %d skipped: its friend %d was not imported", v.ID, v.FriendID)})
			p.FavorsSkipped++
			continue
		}
		if err := load(to); err != nil {
			return err
		}
		k := favorKey{to, v.What, v.At.UnixNano()}
		if seenFavor[k] {
			p.FavorsSkipped++
			continue
		}
		seenFavor[k] = true
		v.ID, v.FriendID = 0, 0
		p.favors = append(p.favors, pendingFavor{favor: v, to: to})
		p.FavorsAdded++
	}
	// Not b itself: the plan outlives the builder's indexes (40 MB for
	// 100,000 records), which are let go of once the plan is made.
	existing := b.existing
	b.resolve = func(to ref) uint64 {
		if to.add >= 0 {
			return p.adds[to.add].ID
		}
		return existing[to.existing].ID
	}
	p.resolve = b.resolve
	return nil
}

// Writes is how many records Write will store (or stored).
func (p *Plan) Writes() int {
	if p.released {
		return p.written
	}
	n := len(p.adds) + len(p.puts) + len(p.asks) + len(p.favors)
	if p.profile != nil {
		n++
	}
	return n
}

// Write stores the plan through tx. progress, if not nil, is called now
// and then with how many of Writes() records are done.
func (p *Plan) Write(tx *store.Tx, progress func(done, total int)) error {
	total, done := p.Writes(), 0
	tick := func() {
		done++
		if progress != nil && (done%1000 == 0 || done == total) {
			progress(done, total)
		}
	}
	added := func(i int) {
		tick()
		if p.owned {
			// Encoded and indexed: a consumed record's friend is
			// bbolt's now, and only its id is needed (resolve).
			*p.adds[i] = store.Friend{ID: p.adds[i].ID}
		}
	}
	// Every add was normalised and validated as it was planned (record),
	// merges into it too.
	if err := tx.AddCheckedFriends(p.adds, added); err != nil {
		if ae, ok := errors.AsType[*store.AddError](err); ok {
			f := p.adds[ae.Index]
			return fmt.Errorf("add %s (%s): %w", f.Name, p.addSource(ae.Index), ae.Err)
		}
		return err
	}
	for _, f := range p.puts {
		if err := tx.PutFriend(f); err != nil {
			return fmt.Errorf("merge into %s (#%d): %w", f.Name, f.ID, err)
		}
		tick()
	}
	for _, pa := range p.asks {
		a := pa.ask
		a.FriendID = p.resolve(pa.to)
		if err := tx.AddAsk(&a); err != nil {
			return fmt.Errorf("ask for friend %d: %w", a.FriendID, err)
		}
		tick()
	}
	for _, pf := range p.favors {
		v := pf.favor
		v.FriendID = p.resolve(pf.to)
		if err := tx.AddFavor(&v); err != nil {
			return fmt.Errorf("favor for friend %d: %w", v.FriendID, err)
		}
		tick()
	}
	if p.profile != nil {
		if err := tx.PutProfile(*p.profile); err != nil {
			return fmt.Errorf("profile: %w", err)
		}
		tick()
	}
	return nil
}

// release lets go of what only Write needs: the friends written. The
// counts, items and warnings stay.
func (p *Plan) release() {
	p.written, p.released = p.Writes(), true
	p.adds, p.puts, p.asks, p.favors, p.resolve = nil, nil, nil, nil, nil
}

func (p *Plan) addSource(i int) string {
	n := -1
	for _, it := range p.Items {
		if it.Action == Add {
			n++
			if n == i {
				return it.Source
			}
		}
	}
	return "?"
}

// Options tune Import.
type Options struct {
	// DryRun computes the plan and writes nothing.
	DryRun bool
	// Progress, if set, is called while the plan is written.
	Progress func(done, total int)
	// Consume lets a write take in's records for its own: they are
	// cleaned and added in place, not copied, and in.Records is nil once
	// they are written (100,000 vCards' copies held 90 MB more).
	Consume bool
}

// Import plans in against the database and, unless opts.DryRun, writes the
// plan in one transaction: all of it or, on any error, nothing. The plan
// is computed inside that transaction, so no other process can change the
// friends between the plan and the write.
func Import(st *store.Store, in *Input, now time.Time, opts Options) (*Plan, error) {
	if opts.DryRun {
		return Build(st, in)
	}
	var plan *Plan
	// Roughly what the records take on disk, the kept properties of
	// their cards (photos) included, mapped from the start: importing
	// 100,000 vCards (BenchmarkImportVCard/100000, 2 runs each) allocated
	// 21.9M times and 1.98 GB while bbolt remapped the growing file, and
	// 13.8M times and 1.42 GB with it mapped once; CPU 8.9-10.2 s then,
	// 8.7-9.7 s now (wall time on the loaded machine: 13-21 s either way).
	hint := 0
	for i := range in.Records {
		hint += 512
		if c := in.Records[i].Friend.Contact; c != nil {
			for j := range c.Card.Props {
				hint += c.Card.Props[j].Size()
			}
		}
	}
	err := st.BatchSized(now, 2*hint, func(tx *store.Tx) error {
		var err error
		if plan, err = build(tx, in, opts.Consume); err != nil {
			return err
		}
		if err := plan.Write(tx, opts.Progress); err != nil {
			return err
		}
		// What is written is now bbolt's to hold until the commit (its
		// values, then its pages): the records and the plan's friends
		// need not be held beside it.
		if opts.Consume {
			in.Records = nil
		}
		plan.release()
		return nil
	})
	if err != nil {
		return nil, err
	}
	return plan, nil
}

// Summary is a short report of the plan: the counts, then every merge and
// skip with its reason, possible duplicates and warnings. verbose lists
// every added record too.
func (p *Plan) Summary(verbose bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d added, %d merged, %d skipped", p.Added, p.Merged, p.Skipped)
	if p.AsksAdded+p.AsksSkipped+p.FavorsAdded+p.FavorsSkipped > 0 {
		fmt.Fprintf(&b, "; asks: %d added, %d already there; favors: %d added, %d already there",
			p.AsksAdded, p.AsksSkipped, p.FavorsAdded, p.FavorsSkipped)
	}
	b.WriteString("\n")
	if len(p.ProfileChanges) > 0 {
		fmt.Fprintf(&b, "profile: filled %s\n", strings.Join(p.ProfileChanges, ", "))
	}
	const maxLines = 50
	section := func(title string, lines []string) {
		if len(lines) == 0 {
			return
		}
		fmt.Fprintf(&b, "%s (%d):\n", title, len(lines))
		for i, l := range lines {
			if i == maxLines && !verbose {
				fmt.Fprintf(&b, "  … and %d more (--verbose lists them all)\n", len(lines)-maxLines)
				break
			}
			b.WriteString("  " + l + "\n")
		}
	}
	var added, merged, skipped, dups []string
	for _, it := range p.Items {
		switch it.Action {
		case Add:
			if verbose {
				added = append(added, fmt.Sprintf("%s: %s", it.Source, it.Name))
			}
			if len(it.Duplicates) > 0 {
				dups = append(dups, fmt.Sprintf("%s: %s, added, has the same name as %s", it.Source, it.Name, strings.Join(it.Duplicates, "; ")))
			}
		case Merge:
			merged = append(merged, fmt.Sprintf("%s: %s → %s (%s): %s", it.Source, it.Name, it.Into, it.Reason, strings.Join(it.Changes, ", ")))
		case Skip:
			s := fmt.Sprintf("%s: %s: %s", it.Source, orDash(it.Name), it.Reason)
			if it.Into != "" {
				s = fmt.Sprintf("%s: %s → %s: %s", it.Source, orDash(it.Name), it.Into, it.Reason)
			}
			skipped = append(skipped, s)
		}
	}
	if verbose {
		section("added", added)
	}
	section("merged", merged)
	section("skipped", skipped)
	section("possible duplicates", dups)
	var ws []string
	for _, w := range p.Warnings {
		ws = append(ws, w.String())
	}
	section("warnings", ws)
	return b.String()
}

func orDash(s string) string {
	if s == "" {
		return "(no name)"
	}
	return s
}
