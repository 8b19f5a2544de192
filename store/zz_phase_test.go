package store

import (
	"fmt"
	"os"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

func TestZZPhase(t *testing.T) {
	path := os.Getenv("ZZ_DB")
	if path == "" {
		t.Skip()
	}
	s := New(path)
	ph := map[string][]time.Duration{}
	mark := func(name string, start time.Time) time.Time {
		ph[name] = append(ph[name], time.Since(start))
		return time.Now()
	}
	for i := range 40 {
		t0 := time.Now()
		s.removeLeftovers()
		t0 = mark("leftovers", t0)
		s.stat()
		t0 = mark("stat", t0)
		g, _ := s.gate(true)
		t0 = mark("gate", t0)
		precheck(s.path)
		t0 = mark("precheck", t0)
		db, err := bolt.Open(s.path, 0o600, &bolt.Options{Timeout: time.Second, OpenFile: openRegular})
		if err != nil {
			t.Fatal(err)
		}
		t0 = mark("bolt.Open", t0)
		before, known := g.soundStamp(s.path)
		t0 = mark("soundStamp", t0)
		if !known {
			t.Log("stamp unknown")
		}
		var inTx time.Duration
		err = db.Update(func(btx *bolt.Tx) error {
			t1 := time.Now()
			tx := &Tx{tx: btx, now: time.Now()}
			a := Ask{FriendID: uint64(1 + i*7), Kind: KindChat, Status: StatusSent, Topic: "x", Created: time.Now()}
			err := tx.AddAsk(&a)
			inTx = time.Since(t1)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		ph["tx body"] = append(ph["tx body"], inTx)
		t0 = mark("Update (incl commit)", t0)
		after, _ := fileStamp(s.path)
		g.writeStamp(after)
		_ = before
		t0 = mark("writeStamp", t0)
		db.Close()
		t0 = mark("close", t0)
		g.release()
		mark("release", t0)
	}
	for _, k := range []string{"leftovers", "stat", "gate", "precheck", "bolt.Open", "soundStamp", "tx body", "Update (incl commit)", "writeStamp", "close", "release"} {
		v := ph[k]
		slices.Sort(v)
		fmt.Printf("%-22s median %v\n", k, v[len(v)/2])
	}
}
