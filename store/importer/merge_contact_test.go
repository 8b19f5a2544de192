package importer

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"kith/store"
)

// A card's own UID is kept with the friend and matches the card when it
// comes again, whatever else changed in it.
func TestCardUIDMatches(t *testing.T) {
	st := newStore(t)
	in := &Input{Format: "test", Records: []Record{{Source: "a.vcf:1", UID: "urn:uuid:1",
		Friend: store.Friend{Name: "Ada", Contact: &store.Contact{Card: store.Card{UID: "urn:uuid:1"}}}}}}
	if _, err := Import(st, in, now, Options{}); err != nil {
		t.Fatal(err)
	}
	if got := friends(t, st)[0].Contact.Card.UID; got != "urn:uuid:1" {
		t.Fatalf("card UID %q", got)
	}
	in.Records[0].Friend = store.Friend{Name: "Ada Lovelace", Emails: []string{"ada@x.io"}, Contact: &store.Contact{Card: store.Card{UID: "urn:uuid:1"}}}
	plan, err := Import(st, in, now, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Merged != 1 || plan.Items[0].Reason != "same UID" {
		t.Errorf("plan: %s", plan.Summary(false))
	}
}

// The contact fields merge as the others do: empty ones filled,
// addresses joined, a value's types added where it had none, and a
// second card's properties added (a group renamed apart from the
// card's); the same card again brings nothing.
func TestMergeContactFields(t *testing.T) {
	existing := store.Friend{Name: "Ada", Emails: []string{"ada@x.io"}, Org: "Acme", Contact: &store.Contact{Addresses: []store.Address{{Street: "1 Main St", Locality: "Rome"}}, Card: store.Card{Version: "3.0", Props: []store.CardProp{
		{Group: "item1", Name: "X-ABRELATEDNAMES", Value: "Bob"}, {Group: "item1", Name: "X-ABLabel", Value: "_$!<Spouse>!$_"},
		{Name: "PRODID", Value: "-//Apple//EN", Of: store.FieldCard, Sum: "1"}}}}}
	st := newStore(t, existing)
	card := store.Card{Version: "4.0", UID: "u2", Props: []store.CardProp{
		{Group: "item1", Name: "IMPP", Value: "xmpp:ada@x.io"}, {Group: "item1", Name: "X-ABLabel", Value: "Jabber"},
		{Name: "PRODID", Value: "-//Google//EN", Of: store.FieldCard, Sum: "2"},
		{Name: "PHOTO", Value: "data:image/jpeg;base64,AAAA"}}}
	src := store.Friend{Name: "Ada", Emails: []string{"ada@x.io"}, Org: "Acme", Department: "R&D", Birthday: store.Date{Year: 1985, Month: time.December, Day: 10},
		Anniversary: store.Date{Month: time.July, Day: 8}, Contact: &store.Contact{NameParts: store.NameParts{Given: "Ada", Family: "Byron"}, Addresses: []store.Address{{Street: "1 MAIN ST", Locality: "rome"}, {Types: []string{"work"}, Street: "2 Side St"}}, EmailTypes: []store.Typed{{Value: "ada@x.io", Types: []string{"home"}}}, Card: card}}
	in := &Input{Format: "test", Records: []Record{rec(1, src)}}
	plan, err := Import(st, in, now, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "department, birthday, anniversary, name parts, 1 address(es), the types of 1 value(s), the card's other properties"
	if plan.Merged != 1 || strings.Join(plan.Items[0].Changes, ", ") != want {
		t.Fatalf("changes %q, want %q", plan.Items[0].Changes, want)
	}
	f := friends(t, st)[0]
	if f.Birthday != src.Birthday || f.Department != "R&D" || len(f.Contact.Addresses) != 2 || f.Contact.NameParts != src.Contact.NameParts ||
		!reflect.DeepEqual(f.Contact.EmailTypes, src.Contact.EmailTypes) || f.Contact.Card.UID != "u2" {
		t.Errorf("merged: %+v", f)
	}
	var props []string
	for _, p := range f.Contact.Card.Props {
		props = append(props, p.Group+"."+p.Name+":"+p.Value)
	}
	wantProps := []string{"item1.X-ABRELATEDNAMES:Bob", "item1.X-ABLabel:_$!<Spouse>!$_", ".PRODID:-//Apple//EN",
		"item2.IMPP:xmpp:ada@x.io", "item2.X-ABLabel:Jabber", ".PHOTO:data:image/jpeg;base64,AAAA"}
	if !reflect.DeepEqual(props, wantProps) {
		t.Errorf("card props\n got %q\nwant %q", props, wantProps)
	}
	plan, err = Import(st, in, now, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Skipped != 1 {
		t.Errorf("the same card again: %s", plan.Summary(false))
	}
}

// Clean cuts the contact fields to the store's limits.
func TestCleanContactFields(t *testing.T) {
	long := strings.Repeat("x", store.MaxName+5)
	r := rec(1, store.Friend{Name: "Ada", Phones: []string{"+1"}, Department: long, Contact: &store.Contact{NameParts: store.NameParts{Given: long}, PhoneTypes: []store.Typed{{Value: "+1", Types: []string{"CELL", ""}, Label: long}}, Addresses: []store.Address{{Street: strings.Repeat("s", store.MaxAddress+1), Locality: "\x1b[2JRome"}}, Card: store.Card{Props: []store.CardProp{{Name: "X-A", Value: "a\x1b[31mb"}, {Name: "PHOTO", Value: strings.Repeat("A", store.MaxCardValue+1)}}}}})
	warns, skip := Clean(&r)
	if skip != "" {
		t.Fatal(skip)
	}
	f := r.Friend
	f.Normalize()
	if err := f.Validate(); err != nil {
		t.Fatalf("still invalid: %v", err)
	}
	c := f.Contact
	if len(f.Department) != store.MaxName || len(c.NameParts.Given) != store.MaxName || len(c.Addresses[0].Street) != store.MaxAddress ||
		c.Addresses[0].Locality != "Rome" || !reflect.DeepEqual(c.PhoneTypes[0].Types, []string{"cell"}) || len(c.Card.Props) != 1 || c.Card.Props[0].Value != "ab" {
		t.Errorf("not repaired: %+v", f)
	}
	var msgs []string
	for _, w := range warns {
		msgs = append(msgs, w.Msg)
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"department cut to 200", "address cut to 1000", "dropped the card's PHOTO of 1048577 bytes"} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%s", want, all)
		}
	}
}
