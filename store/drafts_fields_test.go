package store

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"google.golang.org/protobuf/encoding/protowire"
)

// A friend's language and greet-as name are tags 50 and 51: a value
// written before they existed reads as none, and a friend with them reads
// back whole.
func TestFriendLangAndGreetAsTags(t *testing.T) {
	f := Friend{ID: 7, Name: "Maria Rossi", Closeness: 3, Lang: LangItalian, GreetAs: "Mari"}
	k := itob(7)
	got, err := decodeFriend(k, encodeFriend(&f))
	if err != nil || got.Lang != LangItalian || got.GreetAs != "Mari" {
		t.Fatalf("got %+v, %v", got, err)
	}
	// By hand, as tags 50 and 51.
	var e enc
	e.b = []byte{recordV2}
	e.uint(tagFriendID, 7)
	e.str(tagFriendName, "Maria Rossi")
	e.b = protowire.AppendTag(e.b, 50, protowire.BytesType)
	e.b = protowire.AppendString(e.b, "it")
	e.b = protowire.AppendTag(e.b, 51, protowire.BytesType)
	e.b = protowire.AppendString(e.b, "Mari")
	got, err = decodeFriend(k, e.seal(seedFriends, k))
	if err != nil || got.Lang != "it" || got.GreetAs != "Mari" {
		t.Errorf("tags 50 and 51: got %+v, %v", got, err)
	}
	// Without them (an older kith's value): none.
	old := Friend{ID: 7, Name: "Maria Rossi", Closeness: 3}
	got, err = decodeFriend(k, encodeFriend(&old))
	if err != nil || got.Lang != "" || got.GreetAs != "" {
		t.Errorf("no tags: got %+v, %v", got, err)
	}
}

func TestFriendLangAndGreetAsValidate(t *testing.T) {
	for _, tc := range []struct {
		lang, greet, field string
	}{
		{"", "", ""},
		{"en", "Bob", ""},
		{" IT ", "", ""},
		{"fr", "", "lang"},
		{"", strings.Repeat("x", MaxName+1), "greet-as"},
	} {
		f := Friend{Name: "Ada", Lang: tc.lang, GreetAs: tc.greet, Created: t0, Updated: t0}
		f.Normalize()
		err := f.Validate()
		var fe *FieldError
		switch {
		case tc.field == "" && err != nil:
			t.Errorf("lang %q greet %q: %v, want valid", tc.lang, tc.greet, err)
		case tc.field != "" && (!errors.As(err, &fe) || fe.Field != tc.field):
			t.Errorf("lang %q: err %v, want a %s error", tc.lang, err, tc.field)
		}
	}
	f := Friend{Name: "Ada", Lang: " IT", GreetAs: "  Ada \n Lady "}
	f.Normalize()
	if f.Lang != "it" || f.GreetAs != "Ada Lady" {
		t.Errorf("Normalize: lang %q, greet-as %q", f.Lang, f.GreetAs)
	}
	lang, greet := "en", "Ada"
	p := FriendPatch{Lang: &lang, GreetAs: &greet}
	p.Apply(&f)
	if f.Lang != "en" || f.GreetAs != "Ada" {
		t.Errorf("patch: %q %q", f.Lang, f.GreetAs)
	}
}

// An older profile's one blurb becomes the blurb in its language, when it
// is read and when it is written; a blurb per language reads back.
func TestProfileBlurbs(t *testing.T) {
	e := newEnc(64)
	e.b = append(e.b, `{"name":"Ada","blurb":"Sono Ada, designer.","lang":"it","settings":{"cooldown_days":14}}`...)
	p, err := decodeProfile(e.seal(seedProfile, keyProfile))
	if err != nil {
		t.Fatal(err)
	}
	if p.Blurb != "" || !reflect.DeepEqual(p.Blurbs, map[string]string{"it": "Sono Ada, designer."}) {
		t.Errorf("old profile: blurb %q, blurbs %v", p.Blurb, p.Blurbs)
	}
	if b, in := p.BlurbFor(LangItalian); b != "Sono Ada, designer." || in != LangItalian {
		t.Errorf("BlurbFor(it) = %q, %q", b, in)
	}
	if b, in := p.BlurbFor(LangEnglish); b != "Sono Ada, designer." || in != LangItalian {
		t.Errorf("BlurbFor(en) with only an Italian one = %q, %q; want it, said to be Italian", b, in)
	}
	p.SetBlurb(LangEnglish, " I'm Ada, a designer. ")
	if b, in := p.BlurbFor(LangEnglish); b != "I'm Ada, a designer." || in != LangEnglish {
		t.Errorf("BlurbFor(en) = %q, %q", b, in)
	}
	p.SetBlurb(LangItalian, "")
	if _, ok := p.Blurbs[LangItalian]; ok {
		t.Error("SetBlurb with no text kept the blurb")
	}
	var none Profile
	if b, in := none.BlurbFor(LangEnglish); b != "" || in != "" {
		t.Errorf("no blurb: %q %q", b, in)
	}
	// An old blurb does not overwrite one set in its language.
	q := Profile{Lang: LangEnglish, Blurb: "old", Blurbs: map[string]string{"en": "new"}}
	q.Normalize()
	if q.Blurbs["en"] != "new" || q.Blurb != "" {
		t.Errorf("normalize: %+v", q)
	}
	bad := Profile{Lang: LangEnglish, Blurbs: map[string]string{"fr": "Je suis"}}
	var fe *FieldError
	if err := bad.Validate(); !errors.As(err, &fe) || fe.Field != "blurb" {
		t.Errorf("a French blurb: %v", err)
	}
	long := Profile{Lang: LangEnglish, Blurbs: map[string]string{"it": strings.Repeat("a", MaxNotes+1)}}
	if err := long.Validate(); !errors.As(err, &fe) || fe.Field != "blurb-it" {
		t.Errorf("a long Italian blurb: %v", err)
	}
	// Through the store: written with the old field, read with the new.
	s := newStore(t)
	if err := s.Batch(t0, func(tx *Tx) error {
		return tx.PutProfile(Profile{Lang: LangEnglish, Blurb: "I'm Ada.", Settings: DefaultSettings()})
	}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Profile()
	if err != nil || got.Blurbs["en"] != "I'm Ada." || got.Blurb != "" {
		t.Errorf("stored: %+v, %v", got, err)
	}
}

func TestGuessLang(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"I am a product manager.\nMoving into fintech.", LangEnglish},
		{"Sono una product manager e sto passando al fintech.", LangItalian},
		{"Marco è un designer con sei anni di esperienza", LangItalian},
		{"at Acme on the payments team", LangEnglish},
		{"Acme, 2019-2021", ""},
		{"Maria Rossi", ""},
		{"dell'azienda", LangItalian},
		{"l'anno scorso all'Acme", LangItalian},
		{"", ""},
	} {
		if got := GuessLang(tc.text); got != tc.want {
			t.Errorf("GuessLang(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestGuessLangShort(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"I design payment systems.", LangEnglish},
		{"at Acme", LangEnglish},
		{"da Acme", ""},
		{"alla Acme", LangItalian},
		{"Worked at LA Metro", ""},
		{"come with me", LangEnglish},
	} {
		if got := GuessLang(tc.text); got != tc.want {
			t.Errorf("GuessLang(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
