package store

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The durability test runs a writer in a child process (this test binary,
// re-executed), kills it with SIGKILL at a random moment in a stream of
// writes, and checks that every write the child reported done survived.
const childEnv = "KITH_DURABILITY_CHILD"

// TestMain runs the writer instead of the tests when this binary is the
// child of TestKill9KeepsAcknowledgedWrites.
func TestMain(m *testing.M) {
	if path := os.Getenv(childEnv); path != "" {
		durabilityWriter(path)
	}
	if path := os.Getenv(createEnv); path != "" {
		creator(path)
	}
	if path := os.Getenv(indexWriterEnv); path != "" {
		indexWriter(path)
	}
	os.Exit(m.Run())
}

// createEnv makes the child create a database and stop.
const createEnv = "KITH_CREATE_CHILD"

// creator says it is about to create the database, and creates it.
func creator(path string) {
	fmt.Println("creating")
	s := New(path)
	if err := addFriend(s, &Friend{Name: "First"}); err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	fmt.Println("ok")
	os.Exit(0)
}

// leftovers lists the temporary files of creates in dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, ".kith.db.new*"))
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// Killing the very first write, the one that creates the database, leaves
// either no database or a whole one, and its temporary files go on the
// next open.
func TestKill9DuringCreateLeavesNothingBehind(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	rounds := 12
	if v, err := strconv.Atoi(os.Getenv("KITH_DURABILITY_ROUNDS")); err == nil && v > 0 {
		rounds = v
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 2))
	left, made := 0, 0
	for r := 0; r < rounds; r++ {
		dir := t.TempDir()
		path := filepath.Join(dir, "kith.db")
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), createEnv+"="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		sc.Scan() // "creating"
		time.Sleep(time.Duration(rng.IntN(4000)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGKILL)
		for sc.Scan() {
		}
		cmd.Wait()
		left += len(leftovers(t, dir))

		s := New(path)
		fs, err := s.Friends() // the next open
		if err != nil {
			t.Fatalf("round %d: open after the kill: %v", r, err)
		}
		if got := leftovers(t, dir); len(got) > 0 {
			t.Fatalf("round %d: left behind after the next open: %v", r, got)
		}
		if len(fs) > 0 {
			made++
		}
		if err := addFriend(s, &Friend{Name: "after the kill"}); err != nil {
			t.Fatalf("round %d: write after the kill: %v", r, err)
		}
		if rep, err := s.Verify(); err != nil || len(rep.Problems) > 0 {
			t.Fatalf("round %d: verify after the kill: %v %v", r, rep, err)
		}
	}
	t.Logf("%d kills during create: %d left temporary files (all removed by the next open), %d had made the database", rounds, left, made)
}

// durabilityWriter adds asks forever, printing each id once it is durable.
func durabilityWriter(path string) {
	s := New(path)
	f := Friend{Name: "Writer"}
	if err := addFriend(s, &f); err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	for i := 0; ; i++ {
		a := Ask{FriendID: f.ID, Kind: KindChat, Status: StatusSent, Topic: "write " + strconv.Itoa(i), Created: time.Now()}
		if err := addAsk(s, &a); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		// Acknowledge only after AddAsk returned: the write is durable.
		fmt.Printf("ok %d\n", a.ID)
	}
}

func TestKill9KeepsAcknowledgedWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	rounds := 12
	if v, err := strconv.Atoi(os.Getenv("KITH_DURABILITY_ROUNDS")); err == nil && v > 0 {
		rounds = v
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	for r := 0; r < rounds; r++ {
		path := filepath.Join(t.TempDir(), "kith.db")
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), childEnv+"="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		acked := make(chan []uint64)
		go func() {
			var ids []uint64
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				line := sc.Text()
				if id, ok := strings.CutPrefix(line, "ok "); ok {
					n, _ := strconv.ParseUint(id, 10, 64)
					ids = append(ids, n)
				}
			}
			acked <- ids
		}()
		// From 0 ms: some rounds kill the child before or during its first write.
		time.Sleep(time.Duration(rng.IntN(170)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		ids := <-acked
		cmd.Wait()

		s := New(path)
		asks, err := s.Asks()
		if err != nil {
			t.Fatalf("round %d: reopen after kill -9: %v", r, err)
		}
		if left := leftovers(t, filepath.Dir(path)); len(left) > 0 {
			t.Fatalf("round %d: temporary files left after the next open: %v", r, left)
		}
		have := make(map[uint64]bool, len(asks))
		for _, a := range asks {
			have[a.ID] = true
		}
		for _, id := range ids {
			if !have[id] {
				t.Fatalf("round %d: acknowledged ask %d is missing (%d acknowledged, %d stored)", r, id, len(ids), len(asks))
			}
		}
		// The file must be consistent, and writable again. (A child killed
		// before its first write left no file, and acknowledged nothing.)
		if _, err := os.Stat(path); err != nil {
			if len(ids) > 0 {
				t.Fatalf("round %d: %d writes acknowledged but no file: %v", r, len(ids), err)
			}
			if err := addFriend(s, &Friend{Name: "after the crash"}); err != nil {
				t.Fatalf("round %d: write after the crash: %v", r, err)
			}
			continue
		}
		db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
		if err != nil {
			t.Fatalf("round %d: %v", r, err)
		}
		err = db.View(func(tx *bolt.Tx) error {
			for err := range tx.Check() {
				return err
			}
			return nil
		})
		db.Close()
		if err != nil {
			t.Fatalf("round %d: consistency check: %v", r, err)
		}
		if err := addFriend(s, &Friend{Name: "after the crash"}); err != nil {
			t.Fatalf("round %d: write after the crash: %v", r, err)
		}
		t.Logf("round %d: %d writes acknowledged, %d stored", r, len(ids), len(asks))
	}
}
