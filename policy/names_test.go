package policy

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"kith/store"
)

// Drafts greet people by the name they use: titles skipped, "Family,
// Given" turned round, capitals fixed, family-name-first names by the
// given name, and a "greet as" name over all of it.
func TestFirstNameGreetsByTheNameTheyUse(t *testing.T) {
	for _, tc := range []struct {
		f    store.Friend
		want string
	}{
		{store.Friend{Name: "Ana Rossi"}, "Ana"},
		{store.Friend{Name: "Dr. Ana Rossi"}, "Ana"},
		{store.Friend{Name: "Dr Ana Rossi"}, "Ana"},
		{store.Friend{Name: "Dr. Rossi"}, "Dr. Rossi"},
		{store.Friend{Name: "Dr."}, "Dr."},
		{store.Friend{Name: "Ing. Luca Verdi"}, "Luca"},
		{store.Friend{Name: "Dott.ssa Maria Bianchi"}, "Maria"},
		{store.Friend{Name: "Prof. Ing. Luca Verdi"}, "Luca"},
		{store.Friend{Name: "Rossi, Maria"}, "Maria"},
		{store.Friend{Name: "Rossi, Maria Grazia"}, "Maria"},
		{store.Friend{Name: "Ana Rossi, PhD"}, "Ana"},
		{store.Friend{Name: "Rossi,"}, "Rossi"},
		{store.Friend{Name: "MARCO ROSSI"}, "Marco"},
		{store.Friend{Name: "marco rossi"}, "Marco"},
		{store.Friend{Name: "JEAN-LUC PICARD"}, "Jean-Luc"},
		{store.Friend{Name: "o'neil"}, "O'Neil"},
		{store.Friend{Name: "AJ Smith"}, "AJ"},
		{store.Friend{Name: "TRẦN VĂN AN"}, "An"},
		{store.Friend{Name: "BO SMITH"}, "Bo"},
		{store.Friend{Name: "McKenzie Bay"}, "McKenzie"},
		{store.Friend{Name: "Trần Văn An"}, "An"},
		{store.Friend{Name: "Nguyễn Thị Mai"}, "Mai"},
		{store.Friend{Name: "吉田 健太"}, "健太"},
		{store.Friend{Name: "吉田健太"}, "吉田健太"},
		{store.Friend{Name: "  Cher  "}, "Cher"},
		{store.Friend{Name: "Ana Rossi", Nickname: "Annie"}, "Annie"},
		{store.Friend{Name: "Ana Rossi", Nickname: "Annie", GreetAs: "Prof. Rossi"}, "Prof. Rossi"},
		{store.Friend{Name: "Trần Văn An", GreetAs: "Andy"}, "Andy"},
		{store.Friend{}, ""},
		// the vCard's given name, when the card has one
		{store.Friend{Name: "Bill Gates", Contact: &store.Contact{NameParts: store.NameParts{Given: "William,Bill", Family: "Gates"}}}, "William"},
		{store.Friend{Name: "Rossi Maria", Contact: &store.Contact{NameParts: store.NameParts{Given: "MARIA", Family: "Rossi"}}}, "Maria"},
		{store.Friend{Name: "Rossi Maria", Nickname: "Mari", Contact: &store.Contact{NameParts: store.NameParts{Given: "Maria"}}}, "Mari"},
		{store.Friend{Name: "Dr. Ana Rossi", Contact: &store.Contact{NameParts: store.NameParts{Prefix: "Dr."}}}, "Ana"},
		{store.Friend{Name: "Acme S.p.A.", IsOrg: true}, "Acme S.p.A."},
	} {
		if got := FirstName(&tc.f); got != tc.want {
			t.Errorf("FirstName(%q, nickname %q, greet as %q) = %q, want %q", tc.f.Name, tc.f.Nickname, tc.f.GreetAs, got, tc.want)
		}
	}
}

// The allocation-free path for plain ASCII names answers as givenName
// does, on the names above and on generated ones mixing titles, commas,
// capitals, family names first, odd spaces and non-ASCII letters; and it
// does answer for plain names (else it would save nothing).
func TestGivenNameASCIIIsGivenName(t *testing.T) {
	names := []string{"Ana Rossi", "Dr. Ana Rossi", "Dr Ana Rossi", "Dr. Rossi", "Dr.", "Dr", "Ing. Luca Verdi",
		"Dott.ssa Maria Bianchi", "Prof. Ing. Luca Verdi", "Rossi, Maria", "Ana Rossi, PhD", "Rossi,", "MARCO ROSSI",
		"marco rossi", "JEAN-LUC PICARD", "o'neil", "AJ Smith", "TRẦN VĂN AN", "BO SMITH", "McKenzie Bay",
		"Phan Van Duc", "PHAN Duc", "phan", "Trần Văn An", "吉田 健太", "  Cher  ", "", "   ", "\tAna\nRossi\r",
		"Ana\u00a0Rossi", "ABC D", "AB CD", "ABCD", "A B", "123 Main", "Friend 12 Surname", "mr smith", "MR. SMITH",
		"Signora Rossi", "professoressa Anna Neri", "DOTT Rossi", "Éva Kovács", "Ana Rossí", "X"}
	words := []string{"Ana", "ana", "ANA", "Dr.", "dr", "Prof", "Phan", "Le", "Lê", "Rossi", "ROSSI", "o'neil",
		"Jean-Luc", "AJ", "Bo", "BO", "x", "Mc", "McKenzie", ",", "PhD", "Ing.", "Éva", "吉田", "1", "ssa", "Dott.ssa"}
	seps := []string{" ", "  ", "\t", ", ", " ,"}
	r := rand.New(rand.NewPCG(7, 11))
	for range 20000 {
		var b strings.Builder
		for k, n := 0, 1+r.IntN(4); k < n; k++ {
			if k > 0 || r.IntN(5) == 0 {
				b.WriteString(seps[r.IntN(len(seps))])
			}
			b.WriteString(words[r.IntN(len(words))])
		}
		names = append(names, b.String())
	}
	answered := 0
	for _, n := range names {
		got, ok := givenNameASCII(n)
		if !ok {
			continue
		}
		answered++
		if want := givenName(n); got != want {
			t.Errorf("givenNameASCII(%q) = %q, givenName says %q", n, got, want)
		}
	}
	for _, n := range []string{"Ana Rossi", "Friend 12 Surname", "marco rossi", "McKenzie Bay"} {
		if _, ok := givenNameASCII(n); !ok {
			t.Errorf("givenNameASCII(%q) left a plain name to givenName", n)
		}
	}
	if answered < len(names)/10 {
		t.Errorf("givenNameASCII answered %d of %d names", answered, len(names))
	}
}

// firstField is the first of strings.Fields.
func TestFirstFieldIsFieldsFirst(t *testing.T) {
	for _, s := range []string{"", " ", "Maria", " Maria Grazia", "\u00a0Maria\u2003Grazia", "\tA\nB", "Ana\u0085x"} {
		want := ""
		if w := strings.Fields(s); len(w) > 0 {
			want = w[0]
		}
		if got := firstField(s); got != want {
			t.Errorf("firstField(%q) = %q, want %q", s, got, want)
		}
	}
}

// The allocation-free path for names in any script answers as givenName
// does, on generated names mixing scripts, capitals, titles (İ and the
// Kelvin sign lower-case to ASCII), Vietnamese family names, Han and
// kana, titlecase letters, bytes that are not UTF-8 and odd spaces; it
// answers for names without a comma or a title, and allocates nothing.
func TestGivenNameFastIsGivenName(t *testing.T) {
	words := []string{"Zoë", "ZOË", "zoë", "林美玲", "吉田", "健太", "İng.", "\u212Aapt", "Nguyễn", "NGUYỄN", "nguyễn",
		"Văn", "AN", "An", "ǅemal", "ǆ", "\xff", "\uFFFD", "Đặng", "ĐẶNG", "Ana", "ANA", "ana", "Dr.", "dott.ssa",
		"Éva", "ÉVA", "o'neil", "JEAN-LUC", "Łukasz", "ŁUKASZ", "Σοφία", "ΣΟΦΊΑ", "x", "Ab", "Mc", "Lê", "LÊ", "가나",
		"Phan", "PHAN", ",", "Ørjan"}
	seps := []string{" ", "  ", "\t", "\u00a0", "\u3000", " \u2003"}
	r := rand.New(rand.NewPCG(3, 5))
	names := []string{"", " ", "Zoë Rossi", "林美玲", "吉田 健太", "Trần Văn An", "TRẦN VĂN AN", "İng. Luca Verdi"}
	for range 30000 {
		var b strings.Builder
		for k, n := 0, 1+r.IntN(4); k < n; k++ {
			if k > 0 || r.IntN(5) == 0 {
				b.WriteString(seps[r.IntN(len(seps))])
			}
			b.WriteString(words[r.IntN(len(words))])
		}
		names = append(names, b.String())
	}
	answered := 0
	for _, n := range names {
		got, ok := givenNameFast(n)
		if !ok {
			continue
		}
		answered++
		if want := givenName(n); got != want {
			t.Errorf("givenNameFast(%q) = %q, givenName says %q", n, got, want)
		}
	}
	if answered < len(names)/2 {
		t.Errorf("givenNameFast answered %d of %d names", answered, len(names))
	}
	for _, n := range []string{"Zoë Kovács", "林美玲", "Trần Văn An", "Łukasz Nowak"} {
		if _, ok := givenNameFast(n); !ok {
			t.Errorf("givenNameFast(%q) left a plain name to givenName", n)
		}
		if a := testing.AllocsPerRun(10, func() { givenNameFast(n) }); a != 0 {
			t.Errorf("givenNameFast(%q): %v allocations, want 0", n, a)
		}
	}
}

// fixCase's checks without copies answer as the plain ones: a word in
// mixed case kept, any other capitalised (a word without case comes back
// as it is).
func TestFixCaseIsPlain(t *testing.T) {
	plain := func(w string) string {
		if utf8.RuneCountInString(w) <= 2 || w != strings.ToUpper(w) && w != strings.ToLower(w) {
			return w
		}
		return capitalizeName(w)
	}
	for _, w := range []string{"Zoë", "ZOË", "zoë", "林美玲", "ǅemal", "ǅǅǅ", "\xffab", "ab\xff", "\uFFFD\uFFFD\uFFFD", "Σοφία",
		"ΣΟΦΊΑ", "가나다", "ÉVA", "Ørjan", "ana", "ANA", "Ana", "O'NEIL", "jean-luc", "ﬀﬀﬀ", "ᾈᾈᾈ", "ǈǈǈ"} {
		if got, want := fixCase(w), plain(w); got != want {
			t.Errorf("fixCase(%q) = %q, want %q", w, got, want)
		}
	}
}
