package store

import (
	"time"

	"google.golang.org/protobuf/encoding/protowire"
)

// The codec of a friend's contact fields (tags 60-99, see encoding.go).

// encodeContact appends f's contact fields to e.
func encodeContact(e *enc, f *Friend) {
	e.bool(tagFriendIsOrg, f.IsOrg)
	e.str(tagFriendDepartment, f.Department)
	encodeDate(e, tagFriendBirthday, f.Birthday)
	encodeDate(e, tagFriendAnniversary, f.Anniversary)
	c := f.Contact
	if c == nil {
		return
	}
	if n := &c.NameParts; !n.IsZero() {
		e.sub(tagFriendNameParts, func(s *enc) {
			s.str(tagNamePrefix, n.Prefix)
			s.str(tagNameGiven, n.Given)
			s.str(tagNameAdditional, n.Additional)
			s.str(tagNameFamily, n.Family)
			s.str(tagNameSuffix, n.Suffix)
			s.str(tagNamePhoneticGiven, n.PhoneticGiven)
			s.str(tagNamePhoneticFamily, n.PhoneticFamily)
		})
	}
	for i := range c.Addresses {
		a := &c.Addresses[i]
		e.sub(tagFriendAddress, func(s *enc) {
			s.strs(tagAddrTypes, a.Types)
			s.str(tagAddrPOBox, a.POBox)
			s.str(tagAddrExtended, a.Extended)
			s.str(tagAddrStreet, a.Street)
			s.str(tagAddrLocality, a.Locality)
			s.str(tagAddrRegion, a.Region)
			s.str(tagAddrPostalCode, a.PostalCode)
			s.str(tagAddrCountry, a.Country)
			s.str(tagAddrLabel, a.Label)
		})
	}
	encodeTyped(e, tagFriendEmailType, c.EmailTypes)
	encodeTyped(e, tagFriendPhoneType, c.PhoneTypes)
	encodeTyped(e, tagFriendURLType, c.URLTypes)
	card := &c.Card
	e.str(tagFriendCardUID, card.UID)
	e.str(tagFriendCardVersion, card.Version)
	e.str(tagFriendCardSum, card.Sum)
	for i := range card.Props {
		p := &card.Props[i]
		e.sub(tagFriendCardProp, func(s *enc) {
			s.b = make([]byte, 0, p.Size()+16)
			s.str(tagPropGroup, p.Group)
			s.str(tagPropName, p.Name)
			s.str(tagPropParams, p.Params)
			s.str(tagPropValue, p.Value)
			s.str(tagPropOf, p.Of)
			s.str(tagPropSum, p.Sum)
		})
	}
}

func encodeDate(e *enc, n protowire.Number, d Date) {
	if d.IsZero() {
		return
	}
	e.sub(n, func(s *enc) {
		s.uint(tagDateYear, uint64(d.Year))
		s.uint(tagDateMonth, uint64(d.Month))
		s.uint(tagDateDay, uint64(d.Day))
	})
}

func encodeTyped(e *enc, n protowire.Number, ts []Typed) {
	for i := range ts {
		t := &ts[i]
		e.sub(n, func(s *enc) {
			// The value is written even when empty: it is what the
			// entry is about.
			s.b = protowire.AppendTag(s.b, tagTypedValue, protowire.BytesType)
			s.b = protowire.AppendString(s.b, t.Value)
			s.strs(tagTypedTypes, t.Types)
			s.str(tagTypedLabel, t.Label)
		})
	}
}

// contactScratch holds the lists of the friend being decoded, and the
// chunks they are cut from (see friendDecoder).
type contactScratch struct {
	cur                  Contact // the friend's, while has
	has                  bool
	addresses            []Address
	emailT, phoneT, urlT []Typed
	props                []CardProp
	types                []string
	addrPool             []Address
	typedPool            []Typed
	propPool             []CardProp
	typesPool            []string
	contactPool          []Contact
	chunk                int
}

func (c *contactScratch) reset(single bool) {
	c.addresses, c.emailT, c.phoneT, c.urlT, c.props = c.addresses[:0], c.emailT[:0], c.phoneT[:0], c.urlT[:0], c.props[:0]
	c.cur, c.has = Contact{}, false
	c.chunk = 4096
	if single {
		c.chunk = 0
	}
}

// decodeContact decodes field d of a friend's body into f, reporting
// whether d is a contact field.
func (c *contactScratch) decodeContact(f *Friend, d *dec, s string) bool {
	switch d.num {
	case tagFriendNameParts, tagFriendAddress, tagFriendEmailType, tagFriendPhoneType, tagFriendURLType,
		tagFriendCardUID, tagFriendCardVersion, tagFriendCardSum, tagFriendCardProp:
		c.has = true
	}
	switch d.num {
	case tagFriendNameParts:
		sub, ss := subOf(d, s)
		n := &c.cur.NameParts
		for sub.next() {
			switch sub.num {
			case tagNamePrefix:
				n.Prefix = sub.str(ss)
			case tagNameGiven:
				n.Given = sub.str(ss)
			case tagNameAdditional:
				n.Additional = sub.str(ss)
			case tagNameFamily:
				n.Family = sub.str(ss)
			case tagNameSuffix:
				n.Suffix = sub.str(ss)
			case tagNamePhoneticGiven:
				n.PhoneticGiven = sub.str(ss)
			case tagNamePhoneticFamily:
				n.PhoneticFamily = sub.str(ss)
			}
		}
		d.err = d.err || sub.err
	case tagFriendIsOrg:
		f.IsOrg = d.bool()
	case tagFriendDepartment:
		f.Department = d.str(s)
	case tagFriendBirthday:
		f.Birthday = decodeDate(d)
	case tagFriendAnniversary:
		f.Anniversary = decodeDate(d)
	case tagFriendAddress:
		sub, ss := subOf(d, s)
		var a Address
		c.types = c.types[:0]
		for sub.next() {
			switch sub.num {
			case tagAddrTypes:
				c.types = append(c.types, sub.str(ss))
			case tagAddrPOBox:
				a.POBox = sub.str(ss)
			case tagAddrExtended:
				a.Extended = sub.str(ss)
			case tagAddrStreet:
				a.Street = sub.str(ss)
			case tagAddrLocality:
				a.Locality = sub.str(ss)
			case tagAddrRegion:
				a.Region = sub.str(ss)
			case tagAddrPostalCode:
				a.PostalCode = sub.str(ss)
			case tagAddrCountry:
				a.Country = sub.str(ss)
			case tagAddrLabel:
				a.Label = sub.str(ss)
			}
		}
		d.err = d.err || sub.err
		a.Types = cut(&c.typesPool, c.types, c.chunk)
		c.addresses = append(c.addresses, a)
	case tagFriendEmailType:
		c.emailT = append(c.emailT, c.decodeTyped(d, s))
	case tagFriendPhoneType:
		c.phoneT = append(c.phoneT, c.decodeTyped(d, s))
	case tagFriendURLType:
		c.urlT = append(c.urlT, c.decodeTyped(d, s))
	case tagFriendCardUID:
		c.cur.Card.UID = d.str(s)
	case tagFriendCardVersion:
		c.cur.Card.Version = d.str(s)
	case tagFriendCardSum:
		c.cur.Card.Sum = d.str(s)
	case tagFriendCardProp:
		sub, ss := subOf(d, s)
		var p CardProp
		for sub.next() {
			switch sub.num {
			case tagPropGroup:
				p.Group = sub.str(ss)
			case tagPropName:
				p.Name = sub.str(ss)
			case tagPropParams:
				p.Params = sub.str(ss)
			case tagPropValue:
				p.Value = sub.str(ss)
			case tagPropOf:
				p.Of = sub.str(ss)
			case tagPropSum:
				p.Sum = sub.str(ss)
			}
		}
		d.err = d.err || sub.err
		c.props = append(c.props, p)
	default:
		return false
	}
	return true
}

func (c *contactScratch) decodeTyped(d *dec, s string) Typed {
	sub, ss := subOf(d, s)
	var t Typed
	c.types = c.types[:0]
	for sub.next() {
		switch sub.num {
		case tagTypedValue:
			t.Value = sub.str(ss)
		case tagTypedTypes:
			c.types = append(c.types, sub.str(ss))
		case tagTypedLabel:
			t.Label = sub.str(ss)
		}
	}
	d.err = d.err || sub.err
	t.Types = cut(&c.typesPool, c.types, c.chunk)
	return t
}

func decodeDate(d *dec) Date {
	sub := newDec(d.bytes())
	var v Date
	for sub.next() {
		switch sub.num {
		case tagDateYear:
			v.Year = int(sub.uint())
		case tagDateMonth:
			v.Month = time.Month(sub.uint())
		case tagDateDay:
			v.Day = int(sub.uint())
		}
	}
	d.err = d.err || sub.err
	return v
}

// finish sets f's contact fields from the scratch: none when the record
// held none.
func (c *contactScratch) finish(f *Friend) {
	if !c.has {
		return
	}
	c.cur.Addresses = cut(&c.addrPool, c.addresses, c.chunk)
	c.cur.EmailTypes = cut(&c.typedPool, c.emailT, c.chunk)
	c.cur.PhoneTypes = cut(&c.typedPool, c.phoneT, c.chunk)
	c.cur.URLTypes = cut(&c.typedPool, c.urlT, c.chunk)
	c.cur.Card.Props = cut(&c.propPool, c.props, c.chunk)
	if len(c.contactPool) == cap(c.contactPool) {
		c.contactPool = make([]Contact, 0, max(1, c.chunk/16))
	}
	c.contactPool = append(c.contactPool, c.cur)
	f.Contact = &c.contactPool[len(c.contactPool)-1]
}
