package vsync

import (
	"fmt"
	"slices"
	"time"
	"unicode/utf8"

	"kith/store"
)

// Action is what a sync does with one card and its friend.
type Action int

// The actions, as the report names them.
const (
	InStep        Action = iota // nothing changed on either side
	AddFriend                   // a new card: a new friend in kith
	AddCard                     // a new friend in kith: a new card
	Merge                       // changed on one side or both: merged
	ArchiveFriend               // the card was deleted: the friend is archived
	DeleteCard                  // the friend was archived: the card is deleted
	Forget                      // gone on both sides: the state goes
	Skip                        // left alone, and said why
)

func (a Action) String() string {
	return [...]string{"in step", "new friend", "new card", "merged", "archived", "card deleted", "forgotten", "skipped"}[a]
}

// Card is one card of the folder.
type Card struct {
	File               string // its file name in the folder
	UID                string
	Size, MTime, Inode uint64
	Hash               []byte
	// Read is set when the file was read this time (it is new, or its
	// size, time or inode changed); Friend is then the card as a friend.
	Read   bool
	Friend store.Friend
	Sums   store.FieldSums
	// Archived is set for a card that says its friend is archived
	// (X-KITH-ARCHIVED, as kith's export writes it), when Read.
	Archived bool
}

// Conflict is a field changed on both sides to different values: kith's
// value is kept and the card's is written into the friend's notes.
type Conflict struct {
	Field      string
	Kith, Card string // the two values, as a person reads them
}

// Change is what a sync does with one UID.
type Change struct {
	Action Action
	UID    string
	Name   string // the friend's (or the card's) name, for the report
	File   string // the card's file name (to write, or to delete)
	// Friend is the friend as the sync leaves them: to store when
	// WriteFriend, to write as the card when WriteCard. Nil for a
	// change that touches neither.
	Friend      *store.Friend
	WriteFriend bool
	WriteCard   bool
	// FromCard and FromKith are the fields taken from the card into
	// kith, and from kith into the card.
	FromCard, FromKith []string
	Conflicts          []Conflict
	// Why says why a deletion was not carried over, or why the card
	// was skipped.
	Why string

	base     *store.SyncState
	card     *Card
	friendID uint64          // the friend's id in kith (0: none)
	kith     store.FieldSums // the friend's sums as planned (nil: no friend)
}

// emptySums are the sums of a friend with nothing in any field.
var emptySums = store.SyncSums(&store.Friend{})

// Decide works out the change for one UID from its state at the last
// sync (nil: never synced), the friend in kith with that UID (nil: none)
// and the card in the folder (nil: no file has that UID). It is pure:
// now only dates the note of a conflict.
//
//	last sync  kith          folder          change
//	none       none          card            AddFriend
//	none       friend        none            AddCard (none if archived)
//	none       friend        card            Merge, two-way: a field empty on one side takes the other's; set on both and different, a conflict
//	none       archived      card            Skip: unarchive them to sync (DeleteCard if the card says archived too)
//	state      friend        card            Merge, three-way (below)
//	state      friend        none            unchanged since: ArchiveFriend; changed: AddCard again (kept)
//	state      archived      card            card unchanged since: DeleteCard; changed: Merge, the card kept
//	state      none          card            as archived, but a changed card comes back as AddFriend
//	state      gone          none            Forget
//
// Three-way merge: a field changed only in kith goes to the card, one
// changed only in the card goes to kith; changed on both to the same
// value is no change; to different values is a Conflict. The card's
// unmodelled properties (store.FieldProps) are the card's: on a
// conflict the card's win; every other conflict keeps kith's value.
func Decide(base *store.SyncState, kith *store.Friend, card *Card, now time.Time) Change {
	ch := Change{base: base, card: card}
	switch {
	case kith != nil:
		ch.UID, ch.Name = uidOf(kith), kith.Name
		ch.kith, ch.friendID = store.SyncSums(kith), kith.ID
	case card != nil:
		ch.UID, ch.Name = card.UID, card.Friend.Name
	case base != nil:
		ch.UID = base.UID
	}
	if card != nil {
		ch.File = card.File
		if ch.Name == "" {
			ch.Name = card.Friend.Name
		}
	} else if base != nil {
		ch.File = base.File
	}
	kithGone := kith == nil || kith.Archived
	switch {
	case base == nil && kith == nil:
		f := card.Friend
		ch.Action, ch.Friend, ch.WriteFriend = AddFriend, &f, true
	case base == nil && card == nil:
		if kith.Archived {
			ch.Action = InStep
			return ch
		}
		f := *kith
		ch.Action, ch.Friend, ch.WriteCard = AddCard, &f, true
	case base == nil && kith.Archived && card.Archived:
		ch.Action = DeleteCard
		ch.Why = "kith's own export of an archived friend: an archived friend has no card in the folder"
	case base == nil && kith.Archived:
		ch.Action, ch.Why = Skip, "archived in kith, and never synced: restore them (kith edit NAME --archived=false) to sync, or delete the card"
	case kithGone && card == nil:
		ch.Action = Forget
	case card == nil:
		if slices.Equal(ch.kith, base.Kith) {
			ch.Action = ArchiveFriend
			return ch
		}
		f := *kith
		ch.Action, ch.Friend, ch.WriteCard = AddCard, &f, true
		ch.Why = "the card was deleted from the folder, but the friend changed in kith since: the card is written again"
	case kithGone && !card.changed(base):
		ch.Action = DeleteCard
	case kith == nil:
		f := card.Friend
		ch.Action, ch.Friend, ch.WriteFriend = AddFriend, &f, true
		ch.Why = "the friend is no longer in kith, but the card changed since: the card comes back as a friend"
	default:
		merge(&ch, base, kith, card, now)
		if kith.Archived {
			ch.Why = "archived in kith, but the card changed since: the card's changes are merged and the card kept; archive them again to delete it"
		}
	}
	return ch
}

// changed reports whether the card changed since the state.
func (c *Card) changed(base *store.SyncState) bool {
	return c.Read && !slices.Equal(c.Sums, base.Card)
}

// merge merges card into kith field by field, against base (nil: a
// two-way merge).
func merge(ch *Change, base *store.SyncState, kith *store.Friend, card *Card, now time.Time) {
	ch.Action = InStep
	res := *kith
	res.Contact = kith.Contact.Clone()
	cardSums := card.Sums
	if !card.Read {
		cardSums = base.Card // not read: as it was
	}
	var conflicts []Conflict
	propsFromCard := false
	for i, field := range store.SyncFields {
		ks, cs := ch.kith[i], cardSums[i]
		var kch, cch bool
		if base != nil {
			kch, cch = ks != base.Kith.Get(field), cs != base.Card.Get(field)
		} else if ks != cs {
			kch, cch = cs == emptySums[i] || ks != emptySums[i], ks == emptySums[i] || cs != emptySums[i]
		}
		switch {
		case kch && cch && ks == cs:
			// the same change on both sides
		case kch && cch && field == store.FieldProps:
			propsFromCard = true
			ch.FromCard = append(ch.FromCard, field)
		case kch && cch:
			conflicts = append(conflicts, Conflict{Field: field, Kith: store.SyncFieldText(kith, field), Card: store.SyncFieldText(&card.Friend, field)})
		case cch:
			store.CopySyncField(&res, &card.Friend, field)
			propsFromCard = propsFromCard || field == store.FieldProps
			ch.FromCard = append(ch.FromCard, field)
		case kch:
			ch.FromKith = append(ch.FromKith, field)
		}
	}
	// The card's other properties and the originals of its values go
	// with any change from the card (an original whose field kith
	// changed is not written: see vcard.Write).
	if len(ch.FromCard) > 0 && !propsFromCard {
		store.CopySyncField(&res, &card.Friend, store.FieldProps)
	}
	for _, c := range conflicts {
		if c.Card == "" {
			continue
		}
		line := fmt.Sprintf("kith sync %s: the address book had %s: %s", now.Format("2006-01-02"), c.Field, c.Card)
		if res.Notes != "" {
			line = "\n" + line
		}
		if utf8.RuneCountInString(res.Notes)+utf8.RuneCountInString(line) <= store.MaxNotes {
			res.Notes += line
		}
	}
	ch.Conflicts = conflicts
	ch.WriteFriend = len(ch.FromCard) > 0 || len(conflicts) > 0
	ch.WriteCard = len(ch.FromKith) > 0 || len(conflicts) > 0
	if ch.WriteFriend || ch.WriteCard {
		ch.Action = Merge
		ch.Friend = &res
	}
}
