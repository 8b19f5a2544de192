// Package vsync keeps kith's friends and a vdir (a folder of .vcf files,
// one card each, as khard and vdirsyncer keep them) in step both ways.
//
// Each sync compares both sides with the state of the last one (stored
// with the friends, see store.SyncState) card by card, matched by UID,
// and field by field (store.SyncFields): what changed on one side goes
// to the other; a field changed on both sides to different values keeps
// kith's value and the card's goes into the friend's notes; a card
// deleted in the folder archives its friend, and archiving a friend
// deletes their card, but only when the other side did not change since
// (see Decide).
//
// A sync writes the folder first (every card atomically, the folder
// synced once: atomic.WriteBatch), then the friends and the new state in
// one transaction. A crash between the two leaves cards the database
// does not know it wrote; the next sync reads them as changed in the
// folder, finds each of their fields either unchanged or changed on both
// sides to the same value, and so finishes the work without loss.
package vsync

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"kith/store"
	"kith/store/importer"
	"kith/store/vcard"
)

// Problem is a file the sync cannot use: it is left alone.
type Problem struct {
	File string
	Msg  string
}

func (p Problem) String() string { return p.File + ": " + p.Msg }

// scan reads the folder: every .vcf file, stat first, and read only when
// it is new or its size, time or inode differ from the state's (byFile).
// A card that was not read keeps its UID and sums from the state.
func scan(dir string, byFile map[string]*store.SyncState) ([]*Card, []Problem, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("read the folder %s: %w", dir, unwrap(err))
	}
	var cards []*Card
	var problems []Problem
	seen := map[string]string{} // UID → file
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || !strings.EqualFold(filepath.Ext(name), ".vcf") {
			continue // temporary files (.NAME.tmp-*), and what is not a card
		}
		info, err := e.Info()
		if err != nil {
			continue // gone since the listing
		}
		if !info.Mode().IsRegular() {
			// a link to a card is read through
			if info, err = os.Stat(filepath.Join(dir, name)); err != nil || !info.Mode().IsRegular() {
				problems = append(problems, Problem{name, "not a regular file: left alone"})
				continue
			}
		}
		c := &Card{File: name, Size: uint64(info.Size()), MTime: uint64(info.ModTime().UnixNano()), Inode: inodeOf(info)}
		if st := byFile[name]; st != nil && st.Size == c.Size && st.MTime == c.MTime && st.Inode == c.Inode {
			c.UID, c.Hash, c.Sums = st.UID, st.Hash, st.Card
		} else if p := readCard(dir, c); p != "" {
			problems = append(problems, Problem{name, p})
			continue
		}
		if other, ok := seen[c.UID]; ok {
			problems = append(problems, Problem{name, fmt.Sprintf("has the UID of %s (%s): left alone", other, c.UID)})
			continue
		}
		seen[c.UID] = name
		cards = append(cards, c)
	}
	sort.Slice(cards, func(i, j int) bool { return cards[i].File < cards[j].File })
	return cards, problems, nil
}

// readCard reads c's file into c; it returns why the card cannot be
// synced ("" when it can).
func readCard(dir string, c *Card) string {
	data, err := os.ReadFile(filepath.Join(dir, c.File))
	if err != nil {
		return unwrap(err).Error()
	}
	sum := sha256.Sum256(data)
	c.Hash, c.Read = sum[:16], true
	f, uid, archived, why := parseCard(data, filepath.Join(dir, c.File))
	if why != "" {
		return why
	}
	if uid == "" {
		// a vdir names a card by its file; kith writes the UID back
		uid = strings.TrimSuffix(c.File, filepath.Ext(c.File))
		f.MakeContact().Card.UID = uid
	}
	c.UID, c.Friend, c.Sums, c.Archived = uid, f, store.SyncSums(&f), archived
	return ""
}

// parseCard reads one card as a friend, cleaned and normalised as an
// import stores it (not archived), its UID, and whether it says the
// friend is archived.
func parseCard(data []byte, path string) (f store.Friend, uid string, archived bool, why string) {
	in, err := vcard.Parse(bytes.NewReader(data), path)
	if err != nil {
		return f, "", false, err.Error() + ": left alone"
	}
	if len(in.Records) == 0 {
		return f, "", false, "no card in the file: left alone"
	}
	rec := in.Records[0]
	_, skip := importer.Clean(&rec)
	if skip != "" {
		return f, "", false, skip + ": left alone"
	}
	f = rec.Friend
	archived = f.Archived
	f.ID, f.Archived = 0, false
	f.Normalize()
	if err := f.Validate(); err != nil {
		return store.Friend{}, "", false, err.Error() + ": left alone"
	}
	return f, strings.TrimSpace(rec.UID), archived, ""
}

func inodeOf(info fs.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return st.Ino
	}
	return 0
}

func unwrap(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// uidOf is the UID a friend's card has.
func uidOf(f *store.Friend) string { return vcard.UID(f) }
