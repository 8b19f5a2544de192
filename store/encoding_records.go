package store

import (
	"time"
)

// The codec of each kind of value, in the format and with the tags that
// encoding.go describes.

var (
	seedFriends        = seedOf(bucketFriends)
	seedAsks           = seedOf(bucketAsks)
	seedFavors         = seedOf(bucketFavors)
	seedAsksByFriend   = seedOf(bucketAsksByFriend)
	seedFavorsByFriend = seedOf(bucketFavorsByFriend)
	seedSummaries      = seedOf(bucketSummaries)
	seedMeta           = seedOf(bucketMeta)
	seedProfile        = seedOf(bucketProfile)
	seedNames          = seedOf(bucketNames)
	seedPostings       = seedOf(bucketPostings)
)

func encodeFriend(f *Friend) []byte {
	e := newEnc(160)
	e.uint(tagFriendID, f.ID)
	e.str(tagFriendName, f.Name)
	e.str(tagFriendNickname, f.Nickname)
	e.strs(tagFriendEmail, f.Emails)
	e.strs(tagFriendPhone, f.Phones)
	e.strs(tagFriendURL, f.URLs)
	e.str(tagFriendOrg, f.Org)
	e.str(tagFriendRole, f.Role)
	e.strs(tagFriendSector, f.Sectors)
	e.uint(tagFriendCloseness, uint64(f.Closeness))
	e.bool(tagFriendWorkedTogether, f.WorkedTogether)
	e.str(tagFriendWorkedNote, f.WorkedNote)
	for _, b := range f.Boundaries {
		e.sub(tagFriendBoundary, func(s *enc) {
			s.str(tagBoundaryKind, string(b.Kind))
			s.str(tagBoundaryNote, b.Note)
			s.bool(tagBoundaryExec, b.Exec)
			s.bool(tagBoundaryOwnOrg, b.OwnOrg)
			s.time(tagBoundaryUntil, b.Until)
			s.str(tagBoundaryIf, b.If)
			s.bool(tagBoundaryGuess, b.Guess)
		})
	}
	for _, r := range f.Busy {
		e.sub(tagFriendBusy, func(s *enc) {
			s.uint(tagBusyFrom, uint64(r.From))
			s.uint(tagBusyTo, uint64(r.To))
		})
	}
	e.str(tagFriendChannel, f.Channel)
	e.str(tagFriendNotes, f.Notes)
	e.time(tagFriendCreated, f.Created)
	e.time(tagFriendUpdated, f.Updated)
	e.bool(tagFriendArchived, f.Archived)
	e.strs(tagFriendCircle, f.Circles)
	for _, m := range f.Moments {
		e.sub(tagFriendMoment, func(s *enc) {
			s.str(tagMomentKind, string(m.Kind))
			s.time(tagMomentAt, m.At)
			s.time(tagMomentUntil, m.Until)
			s.str(tagMomentNote, m.Note)
		})
	}
	e.str(tagFriendLang, f.Lang)
	e.str(tagFriendGreetAs, f.GreetAs)
	encodeContact(&e, f)
	return e.seal(seedFriends, itob(f.ID))
}

// decodeFriend opens and decodes the friend stored at key k.
func decodeFriend(k, v []byte) (Friend, error) {
	var f Friend
	body, err := seedFriends.open(k, v)
	if err == nil {
		fd := friendDecoder{single: true}
		err = fd.decode(&f, body, "")
	}
	if err == nil && f.ID != btoi(k) {
		err = errCorrupt
	}
	return f, err
}

// decodePlaceFriend opens the friend stored at key k and decodes only
// what counting the friends of a place weighs (policy.CountPlaces): the
// ID, whether it is an organisation's card or archived, the
// organisation, the sectors, whether you worked together and the
// boundaries. The record is checked whole (its checksum, every field's
// framing) as decodeFriend checks it. The organisations and sectors are
// interned in strs (friends share them), nil for none. The first page's
// pool of people at its friends' places (placePool) reads a few thousand
// friends this way. FirstPage(128) on the demo networks, CPU medians of
// 31 in-process calls, 3 alternating runs (load average 5-6), whole
// decode with a bucket opened per friend / this and one cursor: 10,000
// friends 17-19 / 8.6-9.3 ms, 100,000 friends 22-31 / 10.6-12.7 ms
// (206,000 / 77,000 allocations).
func decodePlaceFriend(k, v []byte, strs interner) (Friend, error) {
	var f Friend
	body, err := seedFriends.open(k, v)
	if err != nil {
		return f, err
	}
	d := newDec(body)
	for d.next() {
		switch d.num {
		case tagFriendID:
			f.ID = d.uint()
		case tagFriendOrg:
			f.Org = strs.str(d.bytes())
		case tagFriendSector:
			f.Sectors = append(f.Sectors, strs.str(d.bytes()))
		case tagFriendWorkedTogether:
			f.WorkedTogether = d.bool()
		case tagFriendArchived:
			f.Archived = d.bool()
		case tagFriendIsOrg:
			f.IsOrg = d.bool()
		case tagFriendBoundary:
			var b Boundary
			sub := newDec(d.bytes())
			for sub.next() {
				switch sub.num {
				case tagBoundaryKind:
					b.Kind = Kind(sub.str(""))
				case tagBoundaryExec:
					b.Exec = sub.bool()
				case tagBoundaryOwnOrg:
					b.OwnOrg = sub.bool()
				case tagBoundaryUntil:
					b.Until = sub.time()
				case tagBoundaryIf:
					b.If = sub.str("")
				case tagBoundaryGuess:
					b.Guess = sub.bool()
				}
			}
			d.err = d.err || sub.err
			f.Boundaries = append(f.Boundaries, b)
		}
	}
	if err := d.result(); err != nil {
		return f, err
	}
	if f.ID != btoi(k) {
		return f, errCorrupt
	}
	return f, nil
}

// friendDecoder decodes many friends. Their lists are gathered in
// scratch slices and then cut from chunks that every friend shares, so
// that decoding 100,000 friends allocates a handful of times, not once a
// list.
type friendDecoder struct {
	emails, phones, urls, sectors, circles []string
	boundaries                             []Boundary
	busy                                   []MonthRange
	moments                                []Moment

	strPool      []string
	boundaryPool []Boundary
	busyPool     []MonthRange
	momentPool   []Moment
	contact      contactScratch
	// single is set to decode one friend: no chunks.
	single bool
}

// decode decodes body into f. When s is not empty it holds the same
// bytes as body, and every string of f is a substring of it.
func (fd *friendDecoder) decode(f *Friend, body []byte, s string) error {
	fd.emails, fd.phones, fd.urls, fd.sectors, fd.circles = fd.emails[:0], fd.phones[:0], fd.urls[:0], fd.sectors[:0], fd.circles[:0]
	fd.boundaries, fd.busy, fd.moments = fd.boundaries[:0], fd.busy[:0], fd.moments[:0]
	fd.contact.reset(fd.single)
	d := newDec(body)
	for d.next() {
		switch d.num {
		case tagFriendID:
			f.ID = d.uint()
		case tagFriendName:
			f.Name = d.str(s)
		case tagFriendNickname:
			f.Nickname = d.str(s)
		case tagFriendEmail:
			fd.emails = append(fd.emails, d.str(s))
		case tagFriendPhone:
			fd.phones = append(fd.phones, d.str(s))
		case tagFriendURL:
			fd.urls = append(fd.urls, d.str(s))
		case tagFriendOrg:
			f.Org = d.str(s)
		case tagFriendRole:
			f.Role = d.str(s)
		case tagFriendSector:
			fd.sectors = append(fd.sectors, d.str(s))
		case tagFriendCloseness:
			f.Closeness = int(d.uint())
		case tagFriendWorkedTogether:
			f.WorkedTogether = d.bool()
		case tagFriendWorkedNote:
			f.WorkedNote = d.str(s)
		case tagFriendBoundary:
			var b Boundary
			sub, ss := subOf(&d, s)
			for sub.next() {
				switch sub.num {
				case tagBoundaryKind:
					b.Kind = Kind(sub.str(ss))
				case tagBoundaryNote:
					b.Note = sub.str(ss)
				case tagBoundaryExec:
					b.Exec = sub.bool()
				case tagBoundaryOwnOrg:
					b.OwnOrg = sub.bool()
				case tagBoundaryUntil:
					b.Until = sub.time()
				case tagBoundaryIf:
					b.If = sub.str(ss)
				case tagBoundaryGuess:
					b.Guess = sub.bool()
				}
			}
			d.err = d.err || sub.err
			fd.boundaries = append(fd.boundaries, b)
		case tagFriendBusy:
			var r MonthRange
			sub := newDec(d.bytes())
			for sub.next() {
				switch sub.num {
				case tagBusyFrom:
					r.From = time.Month(sub.uint())
				case tagBusyTo:
					r.To = time.Month(sub.uint())
				}
			}
			d.err = d.err || sub.err
			fd.busy = append(fd.busy, r)
		case tagFriendChannel:
			f.Channel = d.str(s)
		case tagFriendNotes:
			f.Notes = d.str(s)
		case tagFriendCreated:
			f.Created = d.time()
		case tagFriendUpdated:
			f.Updated = d.time()
		case tagFriendLang:
			f.Lang = d.str(s)
		case tagFriendGreetAs:
			f.GreetAs = d.str(s)
		case tagFriendArchived:
			f.Archived = d.bool()
		case tagFriendCircle:
			fd.circles = append(fd.circles, d.str(s))
		case tagFriendMoment:
			var m Moment
			sub, ss := subOf(&d, s)
			for sub.next() {
				switch sub.num {
				case tagMomentKind:
					m.Kind = MomentKind(sub.str(ss))
				case tagMomentAt:
					m.At = sub.time()
				case tagMomentUntil:
					m.Until = sub.time()
				case tagMomentNote:
					m.Note = sub.str(ss)
				}
			}
			d.err = d.err || sub.err
			fd.moments = append(fd.moments, m)
		default:
			fd.contact.decodeContact(f, &d, s)
		}
	}
	chunk := 4096
	if fd.single {
		chunk = 0
	}
	f.Emails = cut(&fd.strPool, fd.emails, chunk)
	f.Phones = cut(&fd.strPool, fd.phones, chunk)
	f.URLs = cut(&fd.strPool, fd.urls, chunk)
	f.Sectors = cut(&fd.strPool, fd.sectors, chunk)
	f.Circles = cut(&fd.strPool, fd.circles, chunk)
	f.Boundaries = cut(&fd.boundaryPool, fd.boundaries, chunk)
	f.Busy = cut(&fd.busyPool, fd.busy, chunk)
	f.Moments = cut(&fd.momentPool, fd.moments, chunk)
	fd.contact.finish(f)
	return d.result()
}

// cut copies src into a slice cut from *pool (refilled chunk elements at
// a time), nil when src is empty. The slice's capacity is its length, so
// appending to it copies rather than overwriting a neighbour.
func cut[E any](pool *[]E, src []E, chunk int) []E {
	n := len(src)
	if n == 0 {
		return nil
	}
	if cap(*pool)-len(*pool) < n {
		*pool = make([]E, 0, max(n, chunk))
	}
	p := *pool
	*pool = p[:len(p)+n]
	out := p[len(p) : len(p)+n : len(p)+n]
	copy(out, src)
	return out
}

func encodeAsk(a *Ask) []byte {
	e := newEnc(96 + len(a.Body))
	e.uint(tagAskID, a.ID)
	e.uint(tagAskFriendID, a.FriendID)
	e.str(tagAskKind, string(a.Kind))
	e.str(tagAskTopic, a.Topic)
	e.str(tagAskSector, a.Sector)
	e.str(tagAskOrg, a.Org)
	e.str(tagAskBody, a.Body)
	e.str(tagAskStatus, string(a.Status))
	e.time(tagAskCreated, a.Created)
	e.time(tagAskSent, a.Sent)
	e.time(tagAskResolved, a.Resolved)
	e.time(tagAskFollowUp, a.FollowUp)
	e.time(tagAskThanked, a.Thanked)
	e.str(tagAskOutcome, a.Outcome)
	e.str(tagAskTargetPerson, a.TargetPerson)
	e.str(tagAskTargetRole, a.TargetRole)
	return e.seal(seedAsks, itob(a.ID))
}

// decodeAsk opens and decodes the ask stored at key k.
func decodeAsk(k, v []byte) (Ask, error) {
	var a Ask
	body, err := seedAsks.open(k, v)
	if err != nil {
		return a, err
	}
	// One copy of the body, whose substrings the fields are: one
	// allocation an ask instead of five (Snapshot reads a million).
	str := string(body)
	d := newDec(body)
	for d.next() {
		switch d.num {
		case tagAskID:
			a.ID = d.uint()
		case tagAskFriendID:
			a.FriendID = d.uint()
		case tagAskKind:
			a.Kind = Kind(d.str(str))
		case tagAskTopic:
			a.Topic = d.str(str)
		case tagAskSector:
			a.Sector = d.str(str)
		case tagAskOrg:
			a.Org = d.str(str)
		case tagAskBody:
			a.Body = d.str(str)
		case tagAskStatus:
			a.Status = Status(d.str(str))
		case tagAskCreated:
			a.Created = d.time()
		case tagAskSent:
			a.Sent = d.time()
		case tagAskResolved:
			a.Resolved = d.time()
		case tagAskFollowUp:
			a.FollowUp = d.time()
		case tagAskThanked:
			a.Thanked = d.time()
		case tagAskOutcome:
			a.Outcome = d.str(str)
		case tagAskTargetPerson:
			a.TargetPerson = d.str(str)
		case tagAskTargetRole:
			a.TargetRole = d.str(str)
		}
	}
	if d.err || a.ID != btoi(k) {
		return a, errCorrupt
	}
	return a, nil
}

// decodeAskTopic opens the ask stored at key k and returns its topic
// alone, copied out of v: the asks screen reads many, without the
// bodies decodeAsk would copy.
func decodeAskTopic(k, v []byte) (string, error) {
	b, err := askTopicBytes(k, v)
	return string(b), err
}

// askTopicBytes is decodeAskTopic's topic as the value's own bytes, valid
// only in the transaction: a scan of every ask copies only the topics it
// has not met (TopicTable).
func askTopicBytes(k, v []byte) ([]byte, error) {
	body, err := seedAsks.open(k, v)
	if err != nil {
		return nil, err
	}
	var topic []byte
	d := newDec(body)
	for d.next() {
		if d.num == tagAskTopic {
			topic = d.bytes()
		}
	}
	return topic, d.result()
}

// encodeAskHead is the value kept in the asks-by-friend index under key:
// what the policy needs to weigh an ask, without topic, body or outcome,
// so that every friend's readiness can be computed from the index alone.
func encodeAskHead(key []byte, a *Ask) []byte {
	e := newEnc(80)
	e.str(tagHeadKind, string(a.Kind))
	e.str(tagHeadStatus, string(a.Status))
	e.str(tagHeadSector, a.Sector)
	e.str(tagHeadOrg, a.Org)
	e.time(tagHeadCreated, a.Created)
	e.time(tagHeadSent, a.Sent)
	e.time(tagHeadResolved, a.Resolved)
	e.time(tagHeadFollowUp, a.FollowUp)
	e.time(tagHeadThanked, a.Thanked)
	return e.seal(seedAsksByFriend, key)
}

// decodeAskHead reads an index entry, straight from the transaction's
// bytes, into an AskFact: codes and numbers, and the sector and
// organisation through strs, which keeps one copy of each (a million
// heads do not cost a string each); nil strs copies them.
func decodeAskHead(k, v []byte, strs interner) (AskFact, error) {
	f := AskFact{ID: historyID(k)}
	body, err := seedAsksByFriend.open(k, v)
	if err != nil {
		return f, err
	}
	d := newDec(body)
	for d.next() {
		switch d.num {
		case tagHeadKind:
			f.kind = kindCode(d.bytes())
		case tagHeadStatus:
			f.status = statusCode(d.bytes())
		case tagHeadSector:
			f.Sector = strs.str(d.bytes())
		case tagHeadOrg:
			f.Org = strs.str(d.bytes())
		case tagHeadCreated:
			f.Created = d.nanos()
		case tagHeadSent:
			f.Sent = d.nanos()
		case tagHeadResolved:
			f.Resolved = d.nanos()
		case tagHeadFollowUp:
			f.FollowUp = d.nanos()
		case tagHeadThanked:
			f.Thanked = d.nanos()
		}
	}
	return f, d.result()
}

// interner keeps one copy of each string it is given.
type interner map[string]string

// str is b as a string, the copy strs keeps (a new one when strs is nil).
func (strs interner) str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if strs == nil {
		return string(b)
	}
	if s, ok := strs[string(b)]; ok {
		return s
	}
	s := string(b)
	strs[s] = s
	return s
}

// headStatus returns the status code of an index entry, checking its
// checksum but decoding nothing else.
func headStatus(k, v []byte) (uint8, error) {
	body, err := seedAsksByFriend.open(k, v)
	if err != nil {
		return 0, err
	}
	var st uint8
	d := newDec(body)
	for d.next() {
		if d.num == tagHeadStatus {
			st = statusCode(d.bytes())
		}
	}
	return st, d.result()
}

func encodeFavor(v *Favor) []byte {
	e := newEnc(48 + len(v.What))
	e.uint(tagFavorID, v.ID)
	e.uint(tagFavorFriendID, v.FriendID)
	e.str(tagFavorWhat, v.What)
	e.time(tagFavorAt, v.At)
	e.str(tagFavorSize, string(v.Size))
	return e.seal(seedFavors, itob(v.ID))
}

// decodeFavor opens and decodes the favor stored at key k.
func decodeFavor(k, b []byte) (Favor, error) {
	var v Favor
	body, err := seedFavors.open(k, b)
	if err != nil {
		return v, err
	}
	str := string(body)
	d := newDec(body)
	for d.next() {
		switch d.num {
		case tagFavorID:
			v.ID = d.uint()
		case tagFavorFriendID:
			v.FriendID = d.uint()
		case tagFavorWhat:
			v.What = d.str(str)
		case tagFavorAt:
			v.At = d.time()
		case tagFavorSize:
			v.Size = FavorSize(d.str(str))
		}
	}
	if d.err || v.ID != btoi(k) {
		return v, errCorrupt
	}
	return v, nil
}

// encodeFavorHead is the value of a favors-by-friend entry: the favor's
// size (the key holds its owner and time), and the checksum.
func encodeFavorHead(key []byte, v *Favor) []byte {
	e := newEnc(14)
	e.uint(tagFavorHeadSize, uint64(sizeCode(v.Size)))
	return e.seal(seedFavorsByFriend, key)
}

// decodeFavorHead checks a favors-by-friend entry and returns its size
// code (0: unsized).
func decodeFavorHead(k, v []byte) (uint8, error) {
	body, err := seedFavorsByFriend.open(k, v)
	if err != nil {
		return 0, err
	}
	var size uint8
	d := newDec(body)
	for d.next() {
		if d.num == tagFavorHeadSize {
			size = uint8(min(d.uint(), 255))
		}
	}
	return size, d.result()
}
