package vsync

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"kith/store"
	"kith/store/atomic"
	"kith/store/vcard"
)

// Options tune a sync.
type Options struct {
	// Version is the vCard version of the cards kith writes that had
	// none of their own (a new friend's): vcard.V3 or vcard.V4.
	Version string
	// DryRun plans and writes nothing.
	DryRun bool

	// crash, if not nil, is called at each step ("card N written",
	// "cards written", "cards deleted"); an error stops the sync there,
	// as a crash would (tests only).
	crash func(step string) error
}

// Plan is what a sync does: a change for every UID on either side.
type Plan struct {
	Dir      string
	Changes  []Change
	Problems []Problem
}

// Count returns how many changes have action a.
func (p *Plan) Count(a Action) int {
	n := 0
	for i := range p.Changes {
		if p.Changes[i].Action == a {
			n++
		}
	}
	return n
}

// Conflicts returns how many fields conflicted.
func (p *Plan) Conflicts() int {
	n := 0
	for i := range p.Changes {
		n += len(p.Changes[i].Conflicts)
	}
	return n
}

// ErrChanged is returned when the database changed between the plan and
// its write: nothing was written to the database; run the sync again.
var ErrChanged = errors.New("a friend changed while the sync ran: run it again")

// Sync keeps the friends of st and the vdir dir in step (see the package
// doc) and returns what it did (or, with opts.DryRun, would do).
func Sync(st *store.Store, dir string, now time.Time, opts Options) (*Plan, error) {
	if opts.Version == "" {
		opts.Version = vcard.V3
	}
	if err := vcard.CheckVersion(opts.Version); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if info, err := os.Stat(abs); err != nil {
		return nil, fmt.Errorf("the folder %s: %w", dir, unwrap(err))
	} else if !info.IsDir() {
		return nil, fmt.Errorf("%s is not a folder: name the folder of .vcf files to keep in step", dir)
	}
	plan, err := makePlan(st, abs, now)
	if err != nil {
		return nil, err
	}
	plan.Dir = dir
	if opts.DryRun {
		return plan, nil
	}
	return plan, apply(st, abs, plan, now, opts)
}

// makePlan reads both sides and the state, and decides each UID.
func makePlan(st *store.Store, dir string, now time.Time) (*Plan, error) {
	states, err := st.SyncStates(dir)
	if err != nil {
		return nil, err
	}
	friends, err := st.Friends()
	if err != nil {
		return nil, err
	}
	byFile := make(map[string]*store.SyncState, len(states))
	byUID := make(map[string]*store.SyncState, len(states))
	for i := range states {
		byFile[states[i].File], byUID[states[i].UID] = &states[i], &states[i]
	}
	cards, problems, err := scan(dir, byFile)
	if err != nil {
		return nil, err
	}
	plan := &Plan{Problems: problems}
	kith := make(map[string]*store.Friend, len(friends))
	var uids []string
	for i := range friends {
		u := uidOf(&friends[i])
		if _, dup := kith[u]; dup {
			plan.Problems = append(plan.Problems, Problem{friends[i].Name, fmt.Sprintf("has the card UID %s of another friend: not synced", u)})
			continue
		}
		kith[u] = &friends[i]
		uids = append(uids, u)
	}
	byCard := make(map[string]*Card, len(cards))
	// a card the scan could not read stands for its state's UID: left alone
	left := map[string]bool{}
	for _, p := range problems {
		if s := byFile[p.File]; s != nil {
			left[s.UID] = true
		}
	}
	for _, c := range cards {
		byCard[c.UID] = c
		if kith[c.UID] == nil {
			uids = append(uids, c.UID)
		}
	}
	for _, s := range states {
		if kith[s.UID] == nil && byCard[s.UID] == nil {
			uids = append(uids, s.UID)
		}
	}
	taken := make(map[string]bool, len(cards))
	for _, c := range cards {
		taken[strings.ToLower(c.File)] = true
	}
	for _, s := range states {
		taken[strings.ToLower(s.File)] = true
	}
	for _, u := range uids {
		if left[u] || kith[u] != nil && kith[u].Archived && byUID[u] == nil && byCard[u] == nil {
			continue // left alone; or archived, with no card: not the folder's
		}
		ch := Decide(byUID[u], kith[u], byCard[u], now)
		if ch.WriteCard && ch.File == "" {
			ch.File = vcard.FreeName(u, taken)
		}
		plan.Changes = append(plan.Changes, ch)
	}
	return plan, nil
}

// writes reports whether the plan writes anything to the database: a
// friend, or a state (a card read again, a change that is not InStep).
func (p *Plan) writes() bool {
	for i := range p.Changes {
		c := &p.Changes[i]
		if c.Action != InStep || c.card != nil && (c.card.Read || c.base == nil) {
			return true
		}
	}
	return false
}

// written is a card as kith writes it.
type written struct {
	ch   *Change
	data []byte
	sums store.FieldSums
	hash []byte
	info os.FileInfo
}

// apply writes the plan: the cards first, then the friends and the state
// in one transaction (see the package doc for why in this order).
func apply(st *store.Store, dir string, plan *Plan, now time.Time, opts Options) error {
	crash := func(step string) error {
		if opts.crash != nil {
			return opts.crash(step)
		}
		return nil
	}
	var out []*written
	var files []atomic.File
	var remove []string
	for i := range plan.Changes {
		ch := &plan.Changes[i]
		switch {
		case ch.WriteCard:
			w, err := render(ch, now, opts.Version)
			if err != nil {
				return err
			}
			out = append(out, w)
			files = append(files, atomic.File{Name: ch.File, Fill: func(wr io.Writer) error { _, err := wr.Write(w.data); return err }})
		case ch.Action == DeleteCard:
			remove = append(remove, ch.File)
		}
	}
	if _, err := atomic.WriteBatch(dir, 0o600, files, func(i int) error { return crash(fmt.Sprintf("card %d written", i+1)) }); err != nil {
		return err
	}
	if err := crash("cards written"); err != nil {
		return err
	}
	for _, w := range out {
		info, err := os.Stat(filepath.Join(dir, w.ch.File))
		if err != nil {
			return fmt.Errorf("the card just written: %w", err)
		}
		w.info = info
	}
	if err := atomic.RemoveBatch(dir, remove); err != nil {
		return err
	}
	if err := crash("cards deleted"); err != nil {
		return err
	}
	byChange := make(map[*Change]*written, len(out))
	for _, w := range out {
		byChange[w.ch] = w
	}
	if !plan.writes() {
		return nil // in step: nothing for the database either
	}
	return st.Batch(now, func(tx *store.Tx) error {
		for i := range plan.Changes {
			if err := commit(tx, dir, &plan.Changes[i], byChange[&plan.Changes[i]], now); err != nil {
				return err
			}
		}
		return nil
	})
}

// render makes the card of ch.Friend, and reads it back for its sums.
func render(ch *Change, now time.Time, version string) (*written, error) {
	f := *ch.Friend
	if ch.WriteFriend {
		f.Updated = now.UTC()
	}
	if v := f.ContactFields().Card.Version; v == vcard.V3 || v == vcard.V4 {
		version = v
	}
	var b bytes.Buffer
	if err := vcard.Write(&b, &f, version); err != nil {
		return nil, err
	}
	back, _, _, why := parseCard(b.Bytes(), ch.File)
	if why != "" {
		return nil, fmt.Errorf("the card kith writes for %s does not read back: %s", ch.Name, why)
	}
	h := sha256.Sum256(b.Bytes())
	return &written{ch: ch, data: b.Bytes(), sums: store.SyncSums(&back), hash: h[:16]}, nil
}

// commit writes one change's friend and state through tx.
func commit(tx *store.Tx, dir string, ch *Change, w *written, now time.Time) error {
	id := uint64(0)
	if ch.base != nil {
		id = ch.base.FriendID
	}
	if ch.kith != nil {
		// the friend must be as planned
		f, err := friendOf(tx, ch)
		if err != nil {
			return err
		}
		id = f.ID
	}
	var kithSums store.FieldSums = ch.kith
	switch {
	case ch.Action == AddFriend:
		f := *ch.Friend
		f.ID = 0
		if err := tx.AddFriend(&f); err != nil {
			return fmt.Errorf("%s: %w", ch.File, err)
		}
		id, kithSums = f.ID, store.SyncSums(&f)
	case ch.WriteFriend:
		f := *ch.Friend
		if err := tx.PutFriend(&f); err != nil {
			return fmt.Errorf("%s: %w", ch.Name, err)
		}
		kithSums = store.SyncSums(&f)
	case ch.Action == ArchiveFriend:
		if _, err := tx.SetArchived(id, true); err != nil {
			return err
		}
	}
	switch ch.Action {
	case ArchiveFriend, DeleteCard, Forget:
		return tx.DeleteSyncState(dir, ch.UID)
	case Skip:
		return nil
	case InStep:
		if ch.card == nil || (ch.base != nil && !ch.card.Read) {
			return nil // nothing new to record
		}
	}
	s := store.SyncState{UID: ch.UID, FriendID: id, File: ch.File, Kith: kithSums}
	if w != nil {
		s.Size, s.MTime, s.Inode = uint64(w.info.Size()), uint64(w.info.ModTime().UnixNano()), inodeOf(w.info)
		s.Hash, s.Card = w.hash, w.sums
	} else if c := ch.card; c != nil {
		s.Size, s.MTime, s.Inode, s.Hash, s.Card = c.Size, c.MTime, c.Inode, c.Hash, c.Sums
	}
	return tx.PutSyncState(dir, &s)
}

// friendOf returns ch's friend from tx, and ErrChanged unless they are as
// the plan found them.
func friendOf(tx *store.Tx, ch *Change) (store.Friend, error) {
	f, err := tx.Friend(ch.friendID)
	if err != nil || uidOf(&f) != ch.UID || !slices.Equal(store.SyncSums(&f), ch.kith) {
		return f, ErrChanged
	}
	return f, nil
}
