package store

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// The state of a sync with an address book folder (a vdir): for each
// card, what it and its friend were when they were last in step, so the
// next sync can tell which side changed which field since (see package
// store/vsync). It lives in the bucket sync_state, which the first sync
// creates, keyed by the folder and the card's UID, and is written in the
// transaction that writes the friends it describes.

// SyncState is what a card and its friend were at the last sync.
type SyncState struct {
	UID      string // the card's UID
	FriendID uint64
	File     string // the card's file name in the folder
	// The card file as last seen: size, modification time (Unix
	// nanoseconds) and inode; a file with all three unchanged is not
	// read again. Hash is the first 16 bytes of the content's SHA-256.
	Size, MTime, Inode uint64
	Hash               []byte
	// Kith and Card are the field sums (SyncSums) of the friend and of
	// the card as read, at the last sync.
	Kith, Card FieldSums
}

// FieldSums holds a sum for each of SyncFields, in its order.
type FieldSums []uint64

// Get returns the sum of field, 0 when sums does not have it (a state
// written before the field was synced).
func (s FieldSums) Get(field string) uint64 {
	i := slices.Index(SyncFields, field)
	if i < 0 || i >= len(s) {
		return 0
	}
	return s[i]
}

// The fields a sync compares and merges one by one, beyond the contact
// fields (contact_sum.go): kith's own, carried as X-KITH-… properties,
// and the card's properties kith does not model, as a whole.
const (
	FieldCloseness  = "closeness"
	FieldWorked     = "worked" // worked together, and the note
	FieldBoundaries = "boundaries"
	FieldBusy       = "busy"
	FieldChannel    = "channel"
	FieldProps      = "props" // the card's unmodelled properties
	FieldMoments    = "moments"
)

// SyncFields is every field a sync compares, in the order FieldSums
// holds them. New fields go at the end. A card's CATEGORIES hold the
// sectors and the circles (see FieldSum): FieldSectors is both, compared
// and copied together.
var SyncFields = []string{
	FieldName, FieldNameParts, FieldNickname, FieldKind, FieldOrg, FieldRole,
	FieldBirthday, FieldAnniversary, FieldEmail, FieldPhone, FieldURL, FieldAddress,
	FieldSectors, FieldNotes,
	FieldCloseness, FieldWorked, FieldBoundaries, FieldBusy, FieldChannel, FieldProps,
	FieldMoments,
}

// SyncSums returns the sum of each of f's SyncFields. Two friends with the
// same sum for a field hold the same value there.
func SyncSums(f *Friend) FieldSums {
	out := make(FieldSums, len(SyncFields))
	for i, field := range SyncFields {
		out[i] = syncSum(field, f)
	}
	return out
}

func syncSum(field string, f *Friend) uint64 {
	h := newHasher(field)
	c := f.ContactFields()
	switch field {
	case FieldEmail, FieldPhone, FieldURL, FieldAddress:
		for _, s := range ItemSums(field, f) {
			h = h.add(s)
		}
	case FieldCloseness:
		h = h.add(strconv.Itoa(f.Closeness))
	case FieldWorked:
		h = h.add(strconv.FormatBool(f.WorkedTogether)).add(f.WorkedNote)
	case FieldBoundaries:
		for _, b := range f.Boundaries {
			h = h.add(b.String())
		}
	case FieldBusy:
		for _, m := range f.Busy {
			h = h.add(m.String())
		}
	case FieldChannel:
		h = h.add(f.Channel)
	case FieldMoments:
		for _, m := range f.Moments {
			h = h.add(m.String())
		}
	case FieldProps:
		for i := range c.Card.Props {
			if p := &c.Card.Props[i]; p.Of == "" {
				h = h.add(p.Group).add(strings.ToUpper(p.Name)).add(p.Params).add(p.Value)
			}
		}
	case FieldNameParts:
		// as an export writes them: a friend without parts has those
		// derived from the name, as the card has them
		n := f.Parts()
		h = h.add(n.Prefix).add(n.Given).add(n.Additional).add(n.Family).add(n.Suffix).add(n.PhoneticGiven).add(n.PhoneticFamily)
	default:
		h = h.add(FieldSum(field, f))
	}
	return uint64(h)
}

// CopySyncField sets field of dst to src's value. For FieldProps it takes
// src's whole card (its UID stays dst's when src has none).
func CopySyncField(dst, src *Friend, field string) {
	sc := src.ContactFields()
	switch field {
	case FieldName:
		dst.Name = src.Name
	case FieldNameParts:
		dst.MakeContact().NameParts = sc.NameParts
	case FieldNickname:
		dst.Nickname = src.Nickname
	case FieldKind:
		dst.IsOrg = src.IsOrg
	case FieldOrg:
		dst.Org, dst.Department = src.Org, src.Department
	case FieldRole:
		dst.Role = src.Role
	case FieldBirthday:
		dst.Birthday = src.Birthday
	case FieldAnniversary:
		dst.Anniversary = src.Anniversary
	case FieldEmail:
		dst.Emails = slices.Clone(src.Emails)
		dst.MakeContact().EmailTypes = cloneTyped(sc.EmailTypes)
	case FieldPhone:
		dst.Phones = slices.Clone(src.Phones)
		dst.MakeContact().PhoneTypes = cloneTyped(sc.PhoneTypes)
	case FieldURL:
		dst.URLs = slices.Clone(src.URLs)
		dst.MakeContact().URLTypes = cloneTyped(sc.URLTypes)
	case FieldAddress:
		a := (&Contact{Addresses: sc.Addresses}).Clone().Addresses
		dst.MakeContact().Addresses = a
	case FieldSectors:
		dst.Sectors, dst.Circles = slices.Clone(src.Sectors), slices.Clone(src.Circles)
	case FieldNotes:
		dst.Notes = src.Notes
	case FieldCloseness:
		dst.Closeness = src.Closeness
	case FieldWorked:
		dst.WorkedTogether, dst.WorkedNote = src.WorkedTogether, src.WorkedNote
	case FieldBoundaries:
		dst.Boundaries = slices.Clone(src.Boundaries)
	case FieldBusy:
		dst.Busy = slices.Clone(src.Busy)
	case FieldChannel:
		dst.Channel = src.Channel
	case FieldMoments:
		dst.Moments = slices.Clone(src.Moments)
	case FieldProps:
		uid := dst.ContactFields().Card.UID
		card := (&Contact{Card: sc.Card}).Clone().Card
		if card.UID == "" {
			card.UID = uid
		}
		dst.MakeContact().Card = card
	}
}

// SyncFieldText is field of f as a person reads it, for a conflict report.
func SyncFieldText(f *Friend, field string) string {
	c := f.ContactFields()
	typed := func(vs []string, ts []Typed) string {
		out := make([]string, len(vs))
		for i, v := range vs {
			out[i] = v
			if t := TypesOf(ts, v); t != nil && len(t.Types)+len(t.Label) > 0 {
				out[i] += " (" + strings.Join(append(slices.Clone(t.Types), t.Label), " ") + ")"
				out[i] = strings.Replace(out[i], " )", ")", 1)
			}
		}
		return strings.Join(out, ", ")
	}
	switch field {
	case FieldName:
		return f.Name
	case FieldNameParts:
		return c.NameParts.Full()
	case FieldNickname:
		return f.Nickname
	case FieldKind:
		if f.IsOrg {
			return "an organisation"
		}
		return "a person"
	case FieldOrg:
		return strings.TrimSpace(strings.Join([]string{f.Org, f.Department}, " "))
	case FieldRole:
		return f.Role
	case FieldBirthday:
		return f.Birthday.String()
	case FieldAnniversary:
		return f.Anniversary.String()
	case FieldEmail:
		return typed(f.Emails, c.EmailTypes)
	case FieldPhone:
		return typed(f.Phones, c.PhoneTypes)
	case FieldURL:
		return typed(f.URLs, c.URLTypes)
	case FieldAddress:
		var out []string
		for _, a := range c.Addresses {
			out = append(out, OneLine(strings.Join([]string{a.POBox, a.Extended, a.Street, a.Locality, a.Region, a.PostalCode, a.Country}, " ")))
		}
		return strings.Join(out, "; ")
	case FieldSectors:
		return strings.Join(append(slices.Clone(f.Sectors), f.Circles...), ", ")
	case FieldNotes:
		return f.Notes
	case FieldCloseness:
		return strconv.Itoa(f.Closeness)
	case FieldWorked:
		return strings.TrimSpace(strconv.FormatBool(f.WorkedTogether) + " " + f.WorkedNote)
	case FieldBoundaries:
		var out []string
		for _, b := range f.Boundaries {
			out = append(out, b.String())
		}
		return strings.Join(out, ", ")
	case FieldBusy:
		var out []string
		for _, m := range f.Busy {
			out = append(out, m.String())
		}
		return strings.Join(out, ", ")
	case FieldChannel:
		return f.Channel
	case FieldMoments:
		var out []string
		for _, m := range f.Moments {
			out = append(out, m.String())
		}
		return strings.Join(out, ", ")
	}
	return ""
}

// syncKey is the key of the state of card uid in folder dir.
func syncKey(dir, uid string) []byte {
	k := make([]byte, 0, len(dir)+1+len(uid))
	return append(append(append(k, dir...), 0), uid...)
}

// SyncStates returns the state of every card of folder dir (an absolute
// path), none before the first sync.
func (s *Store) SyncStates(dir string) ([]SyncState, error) {
	var out []SyncState
	err := s.view(func(tx *bolt.Tx) (err error) {
		out, err = syncStates(tx, dir)
		return err
	})
	return out, err
}

// SyncStates is Store.SyncStates inside the transaction.
func (t *Tx) SyncStates(dir string) ([]SyncState, error) { return syncStates(t.tx, dir) }

func syncStates(tx *bolt.Tx, dir string) ([]SyncState, error) {
	b := tx.Bucket(bucketSyncState)
	if b == nil {
		return nil, nil
	}
	var out []SyncState
	prefix := syncKey(dir, "")
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		st, err := decodeSyncState(k, v)
		if err != nil {
			return nil, fmt.Errorf("sync state of %q in %s: %w", k[len(prefix):], dir, err)
		}
		out = append(out, st)
	}
	return out, nil
}

// PutSyncState records the state of card st.UID in folder dir.
func (t *Tx) PutSyncState(dir string, st *SyncState) error {
	b, err := t.tx.CreateBucketIfNotExists(bucketSyncState)
	if err != nil {
		return err
	}
	k := syncKey(dir, st.UID)
	return b.Put(k, encodeSyncState(k, st))
}

// DeleteSyncState forgets card uid of folder dir.
func (t *Tx) DeleteSyncState(dir, uid string) error {
	b := t.tx.Bucket(bucketSyncState)
	if b == nil {
		return nil
	}
	return b.Delete(syncKey(dir, uid))
}
