package vsync

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"kith/store"
)

// What the README says of another program writing the folder while kith
// syncs (kith does not lock it: vdirsyncer has no lock to share): a card
// kith writes in that sync replaces the other program's, whole, never
// mixed; a card kith does not write is read by the next sync.
func TestSyncWhileAnotherProgramWrites(t *testing.T) {
	st, dir := newStore(t), t.TempDir()
	add(t, st, store.Friend{Name: "Ada Lovelace"}, store.Friend{Name: "Bob Stone"}, store.Friend{Name: "Carol King"})
	sync(t, st, dir, Options{})
	edit(t, st, "Ada", func(f *store.Friend) { f.Org = "Engines" })
	edit(t, st, "Carol", func(f *store.Friend) { f.Org = "Records" })
	card := func(fn string) string {
		t.Helper()
		files, _ := filepath.Glob(filepath.Join(dir, "*.vcf"))
		for _, n := range files {
			if b, _ := os.ReadFile(n); bytes.Contains(b, []byte("FN:"+fn)) {
				return n
			}
		}
		t.Fatalf("no card for %s", fn)
		return ""
	}
	ada, bob, carol := card("Ada"), card("Bob"), card("Carol")
	// The other program adds a phone to a card: its own write, whole.
	other := func(path, tel string) {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		b = bytes.Replace(b, []byte("END:VCARD"), []byte("TEL:"+tel+"\r\nEND:VCARD"), 1)
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var pending string
	sync(t, st, dir, Options{crash: func(step string) error {
		if step != "card 1 written" {
			return nil
		}
		// One of Ada's and Carol's new cards is in place; the other
		// program writes the one kith has not renamed yet, and Bob's,
		// which kith does not write in this sync.
		pending = ada
		if b, _ := os.ReadFile(carol); !bytes.Contains(b, []byte("Records")) {
			pending = carol
		}
		other(pending, "+1 555 0101")
		other(bob, "+1 555 0102")
		return nil
	}})
	if pending == "" {
		t.Fatal("the sync wrote no card")
	}
	b, err := os.ReadFile(pending)
	if err != nil {
		t.Fatal(err)
	}
	want := "Records"
	if pending == ada {
		want = "Engines"
	}
	if !bytes.Contains(b, []byte(want)) || bytes.Contains(b, []byte("555 0101")) {
		t.Errorf("the card both wrote:\n%s\nwant kith's (%s) whole, without the other program's phone", b, want)
	}
	friend := func(name string) store.Friend {
		t.Helper()
		f, err := st.FindFriend(name)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	if phones := friend("Bob").Phones; len(phones) != 0 {
		t.Fatalf("Bob's phones after the sync the card changed in: %v, want none yet", phones)
	}
	sync(t, st, dir, Options{})
	if phones := friend("Bob").Phones; !slices.Contains(phones, "+1 555 0102") {
		t.Errorf("Bob's phones after the next sync: %v, want the card's +1 555 0102", phones)
	}
	inStep(t, st, dir)
}
