package formats

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"kith/store"
	"kith/store/importer"
)

// TestLabelsBecomeCircles: an address book's groups become circles, and
// only a known sector (kith's built-in industries, or a sector already in
// the database) becomes a sector.
func TestLabelsBecomeCircles(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name, file, data string
		sectors, circles []string
	}{
		{"vCard CATEGORIES", "x.vcf",
			"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nCATEGORIES:Fintech,University,climbing club,Rocketry\r\nEND:VCARD\r\n",
			[]string{"Fintech", "Rocketry"}, []string{"University", "climbing club"}},
		{"Google labels", "contacts.csv",
			"First Name,Middle Name,Last Name,Nickname,Organization Name,Organization Title,Labels,E-mail 1 - Label,E-mail 1 - Value\r\nAda,,Lovelace,,,,Fintech ::: University ::: * myContacts ::: Rocketry,,\r\n",
			[]string{"Fintech", "Rocketry"}, []string{"University"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := store.New(filepath.Join(t.TempDir(), "k.db"))
			// rocketry is known: a friend already has it.
			if err := st.Batch(now, func(tx *store.Tx) error {
				return tx.AddFriend(&store.Friend{Name: "Rocket Man", Sectors: []string{"rocketry"}, Closeness: 3})
			}); err != nil {
				t.Fatal(err)
			}
			in, _, err := Parse([]byte(tc.data), tc.file, "")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := importer.Import(st, in, now, importer.Options{}); err != nil {
				t.Fatal(err)
			}
			f, err := st.FindFriend("Ada")
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(f.Sectors, tc.sectors) || !slices.Equal(f.Circles, tc.circles) {
				t.Errorf("sectors %q circles %q, want %q and %q", f.Sectors, f.Circles, tc.sectors, tc.circles)
			}
		})
	}
}
