package policy

import (
	"testing"

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
