package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"kith/store"
)

// run1 runs one command in-process, with no environment, and reports a
// panic or a hang as a result rather than dying with it.
func run1(db string, args ...string) (out, errs string, code int, trouble string) {
	type result struct {
		out, errs string
		code      int
		panic     any
	}
	done := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			r.panic = recover()
			done <- r
		}()
		var o, e bytes.Buffer
		r.code = runAt(append([]string{"--db", db}, args...), strings.NewReader(""), &o, &e, func(string) string { return "" }, testNow)
		r.out, r.errs = o.String(), e.String()
	}()
	select {
	case r := <-done:
		if r.panic != nil {
			return r.out, r.errs, r.code, fmt.Sprintf("panic: %v", r.panic)
		}
		return r.out, r.errs, r.code, ""
	case <-time.After(30 * time.Second):
		return "", "", 0, "hang: no answer in 30 s"
	}
}

// custodyDB is a small database with every kind of record, made through
// the CLI.
func custodyDB(t *testing.T) string {
	t.Helper()
	db := tempDB(t)
	mustKith(t, db, "add", "Ada Lovelace", "--org", "Acme", "--role", "CTO", "--sector", "fintech", "--email", "ada@acme.io",
		"--phone", "+39 333", "--url", "https://ada.example", "--closeness", "5", "--worked-note", "Acme 2019",
		"--boundary", "referral:her firm forbids it", "--busy", "Mar-Apr", "--channel", "email", "--note", "likes tea")
	mustKith(t, db, "add", "林 美玲", "--org", "阿里巴巴", "--sector", "ecommerce", "--closeness", "2")
	mustKith(t, db, "add", "Grace Hopper", "--org", "Navy", "--nickname", "Amazing Grace")
	mustKith(t, db, "add", "Old Friend")
	mustKith(t, db, "edit", "old friend", "--archived")
	mustKith(t, db, "ask", "ada", "--kind", "intro", "--at", "2026-10-01", "--status", "helped", "--topic", "Stripe", "--sector", "fintech", "--org", "Stripe", "--outcome", "met Carla")
	mustKith(t, db, "ask", "ada", "--kind", "chat", "--at", "2026-11-20", "--topic", "payments")
	mustKith(t, db, "ask", "grace", "--kind", "advice", "--at", "2026-09-01", "--status", "declined")
	mustKith(t, db, "ask", "grace", "--kind", "review", "--at", "2026-11-01", "--status", "no-response")
	mustKith(t, db, "ask", "美玲", "--kind", "referral", "--at", "2026-08-01", "--status", "draft")
	mustKith(t, db, "ask", "美玲", "--kind", "recommendation", "--at", "2026-07-01", "--status", "withdrawn")
	mustKith(t, db, "favor", "ada", "reviewed her talk", "--at", "2026-09-15")
	mustKith(t, db, "favor", "grace", "intro to a recruiter", "--at", "2026-06-15")
	mustKith(t, db, "outcome", "2", "--status", "helped", "--thanked", "--at", "2026-11-22")
	mustKith(t, db, "profile", "--name", "Luca", "--blurb", "I build payment systems.", "--cooldown-days", "10", "--question", "fintech:How did you start?")
	return db
}

// readVerbs are the commands whose answers the corruption test compares.
func readVerbs() [][]string {
	return [][]string{
		{"list"}, {"list", "--archived", "--json"},
		{"show", "ada"}, {"show", "grace", "--json"}, {"show", "美玲"},
		{"due"}, {"check", "ada", "--kind", "chat"}, {"check", "grace", "--kind", "intro"},
		{"export"},
	}
}

type answer struct {
	out  string
	code int
}

func digest(path string) [32]byte {
	b, _ := os.ReadFile(path)
	return sha256.Sum256(b)
}

// rejected reports whether bbolt's own tx.Check or kith verify finds the
// file damaged, and why.
func rejected(path string) (bool, string) {
	rep, err := store.New(path).Verify()
	if err != nil {
		return true, "verify: " + err.Error()
	}
	if len(rep.Problems) > 0 {
		return true, "verify: " + rep.Problems[0].String()
	}
	// Verify found the pages sound, so bbolt's tx.Check (which would
	// kill the process on a page that makes it panic) is safe to run.
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return true, "bbolt: " + err.Error()
	}
	defer db.Close()
	var first error
	db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			if first == nil {
				first = err
			}
		}
		return nil
	})
	if first != nil {
		return true, "tx.Check: " + first.Error()
	}
	return false, ""
}

// damageCopy writes a damaged copy of pristine to path: one byte
// flipped, a few, the file cut short, or a page zeroed.
func damageCopy(rng *rand.Rand, pristine []byte, pageSize int) ([]byte, string) {
	b := append([]byte(nil), pristine...)
	switch k := rng.IntN(10); {
	case k < 4:
		i := rng.IntN(len(b))
		bit := byte(1 << rng.IntN(8))
		b[i] ^= bit
		return b, fmt.Sprintf("byte %d ^= %#x", i, bit)
	case k < 7:
		n := 2 + rng.IntN(7)
		var at []string
		for range n {
			i := rng.IntN(len(b))
			b[i] = byte(rng.IntN(256))
			at = append(at, strconv.Itoa(i))
		}
		return b, "bytes " + strings.Join(at, ",") + " randomised"
	case k < 8:
		n := rng.IntN(len(b))
		return b[:n], fmt.Sprintf("cut to %d bytes", n)
	default:
		pages := len(b) / pageSize
		p := rng.IntN(pages)
		clear(b[p*pageSize : (p+1)*pageSize])
		return b, fmt.Sprintf("page %d zeroed", p)
	}
}

// The corruption test: damaged copies of a small database with every
// kind of record. Every read answers exactly as on the undamaged file or
// fails with an error; nothing panics or hangs; a write on a file that
// tx.Check or kith verify rejects is refused and leaves the file byte for
// byte as it was. KITH_CORRUPTION_FILES=N tries N files (and
// KITH_CORRUPTION_SEED=S repeats a run).
func TestDamagedCopies(t *testing.T) {
	if testing.Short() {
		t.Skip("runs thousands of commands")
	}
	files := 120
	if v, err := strconv.Atoi(os.Getenv("KITH_CORRUPTION_FILES")); err == nil && v > 0 {
		files = v
	}
	seed := uint64(time.Now().UnixNano())
	if v, err := strconv.ParseUint(os.Getenv("KITH_CORRUPTION_SEED"), 10, 64); err == nil {
		seed = v
	}
	t.Logf("seed %d (KITH_CORRUPTION_SEED repeats it)", seed)
	rng := rand.New(rand.NewPCG(seed, 9))

	db := custodyDB(t)
	pristine, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]answer{}
	for _, args := range readVerbs() {
		out, errs, code, trouble := run1(db, args...)
		if trouble != "" || (code != 0 && code != 3 && code != 4) {
			t.Fatalf("kith %v on the sound file: exit %d %s %s", args, code, errs, trouble)
		}
		want[strings.Join(args, " ")] = answer{out, code}
	}

	var tried, rejectedN, refused, refusedRejected, wrong, troubles, changed, spread int
	dir := t.TempDir()
	for i := range files {
		b, how := damageCopy(rng, pristine, 4096)
		path := filepath.Join(dir, fmt.Sprintf("%d", i), "kith.db")
		os.MkdirAll(filepath.Dir(path), 0o700)
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		tried++
		rej, why := rejected(path)
		if rej {
			rejectedN++
		}
		for _, args := range readVerbs() {
			out, errs, code, trouble := run1(path, args...)
			key := strings.Join(args, " ")
			switch {
			case trouble != "":
				troubles++
				t.Errorf("file %d (%s): kith %s: %s", i, how, key, trouble)
			case code == 1 && errs != "":
				// an error: fine
			case out != want[key].out || code != want[key].code:
				wrong++
				t.Errorf("file %d (%s): kith %s answered differently with exit %d (rejected: %v %s):\n%s\nwant exit %d:\n%s",
					i, how, key, code, rej, why, out, want[key].code, want[key].out)
			}
		}
		if digest(path) != sha256.Sum256(b) {
			changed++
			t.Errorf("file %d (%s): a read changed the file", i, how)
		}
		before := digest(path)
		_, errs, code, trouble := run1(path, "ask", "grace", "--kind", "intro", "--at", "2026-11-24")
		if trouble != "" {
			troubles++
			t.Errorf("file %d (%s): kith ask: %s", i, how, trouble)
		}
		if code != 0 {
			refused++
			if rej {
				refusedRejected++
			}
			if digest(path) != before {
				changed++
				t.Errorf("file %d (%s): a refused write changed the file: %s", i, how, errs)
			}
		}
		switch {
		case rej && code == 0:
			t.Errorf("file %d (%s): a write was accepted on a file that is rejected (%s)", i, how, why)
		case !rej && code == 0:
			// The write landed on a sound file: it must still be sound.
			if again, why := rejected(path); again {
				spread++
				t.Errorf("file %d (%s): sound before the write, damaged after: %s", i, how, why)
			}
		}
	}
	t.Logf("%d damaged files: %d rejected by tx.Check or kith verify, all %d of those refused the write (%d writes refused in all); %d reads answered wrongly with exit 0, %d panics or hangs, %d files changed by a read or a refused write, %d damaged by a write",
		tried, rejectedN, refusedRejected, refused, wrong, troubles, changed, spread)
}

// kith verify: exit 0 on a sound database, 1 with a report naming what
// is wrong; --repair writes a new database and never overwrites.
func TestVerifyVerb(t *testing.T) {
	db := custodyDB(t)
	out := mustKith(t, db, "verify")
	if !strings.Contains(out, "is sound: 4 friends, 6 asks, 2 favors") {
		t.Errorf("verify of a sound database: %q", out)
	}
	b, _ := os.ReadFile(db)
	damaged := filepath.Join(t.TempDir(), "damaged.db")
	os.WriteFile(damaged, b, 0o600)
	// Damage Grace's record (friend 3), as a bad disk would.
	bdb, err := bolt.Open(damaged, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	bdb.Update(func(tx *bolt.Tx) error {
		k := []byte{0, 0, 0, 0, 0, 0, 0, 3}
		v := append([]byte(nil), tx.Bucket([]byte("friends")).Get(k)...)
		v[len(v)/2] ^= 0x01
		return tx.Bucket([]byte("friends")).Put(k, v)
	})
	bdb.Close()
	out, errs, code := kith(t, damaged, "verify")
	if code != 1 || !strings.Contains(out, "friends 3: does not decode or fails its checksum") || !strings.Contains(errs, "--repair") {
		t.Errorf("verify of a damaged database: exit %d\n%s\n%s", code, out, errs)
	}
	before := digest(damaged)
	repaired := filepath.Join(t.TempDir(), "repaired.db")
	out = mustKith(t, damaged, "verify", "--repair", repaired)
	if !strings.Contains(out, "3 friends, 4 asks, 1 favor saved") || !strings.Contains(out, "friends 3: damaged: not saved") {
		t.Errorf("repair: %s", out)
	}
	if digest(damaged) != before {
		t.Error("repair changed the damaged file")
	}
	if out := mustKith(t, repaired, "verify"); !strings.Contains(out, "is sound") {
		t.Errorf("the repaired file: %s", out)
	}
	if _, errs, code := kith(t, damaged, "verify", "--repair", repaired); code != 1 || !strings.Contains(errs, "already exists") {
		t.Errorf("repair over an existing file: exit %d %s", code, errs)
	}
	if _, _, code := kith(t, db, "verify", "extra"); code != 2 {
		t.Errorf("verify with an argument: exit %d, want 2", code)
	}
}

// Item 3: a kith export whose friend ids are huge imports, and every
// command after it works; the next friend gets the next small id.
func TestImportOfHugeIds(t *testing.T) {
	for _, id := range []string{"1000000000", "1125899906842624", "18446744073709551615"} {
		t.Run(id, func(t *testing.T) {
			dir := t.TempDir()
			export := filepath.Join(dir, "in.json")
			js := `{"schema_version": 1, "exported_at": "2026-11-01T00:00:00Z",
  "profile": {"lang": "en", "settings": {"cooldown_days": 14}},
  "friends": [{"id": ` + id + `, "name": "Big Id", "closeness": 3, "worked_together": false,
    "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z"}],
  "asks": [{"id": ` + id + `, "friend_id": ` + id + `, "kind": "chat", "status": "sent", "created": "2026-10-01T00:00:00Z", "sent": "2026-10-01T00:00:00Z"}],
  "favors": [{"id": 5, "friend_id": ` + id + `, "what": "lunch", "at": "2026-09-01T00:00:00Z"}]}`
			os.WriteFile(export, []byte(js), 0o600)
			db := filepath.Join(dir, "kith.db")
			mustKith(t, db, "import", export)
			if out := mustKith(t, db, "list"); !strings.Contains(out, "Big Id") {
				t.Errorf("list: %s", out)
			}
			if out := mustKith(t, db, "show", "1"); !strings.Contains(out, "Big Id (id 1)") || !strings.Contains(out, "lunch") {
				t.Errorf("show 1: %s", out)
			}
			mustKith(t, db, "export")
			mustKith(t, db, "due")
			if out := mustKith(t, db, "add", "Next"); !strings.Contains(out, "(id 2)") {
				t.Errorf("the next friend: %s", out)
			}
		})
	}
}
