package store

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Bucket and key names, declared once.
var (
	bucketMeta           = []byte("meta")
	bucketFriends        = []byte("friends")
	bucketAsks           = []byte("asks")
	bucketFavors         = []byte("favors")
	bucketAsksByFriend   = []byte("asks_by_friend")
	bucketFavorsByFriend = []byte("favors_by_friend")
	bucketProfile        = []byte("profile")
	bucketSummaries      = []byte("summaries")
	bucketNames          = []byte("names")
	bucketPostings       = []byte("postings")
	// bucketSyncState holds the state of each sync with a folder of
	// cards (see syncstate.go). The first sync creates it: a database
	// without it has never been synced, and needs no migration.
	bucketSyncState = []byte("sync_state")

	keySchema     = []byte("schema_version")
	keyMigrations = []byte("migrations")
	keyProfile    = []byte("profile")
	keyCounts     = []byte("counts")
	keyUndo       = []byte("undo")
)

// fillPercent is how full bbolt packs a bucket's pages when it splits
// them. Record buckets are keyed by sequence ids, so writes append at the
// end and pages can be packed full; the by-friend indexes also take
// inserts in the middle (a new ask for an old friend), so they keep some
// room. bbolt's default of half full doubled the file.
func fillPercent(name []byte) float64 {
	switch string(name) {
	case string(bucketAsksByFriend), string(bucketFavorsByFriend), string(bucketNames), string(bucketPostings):
		return 0.8
	}
	return 1.0
}

// migration is one step of the schema. Migrations run in order, all in the
// transaction that opens the database, and the version reached is recorded
// in the meta bucket in that same transaction.
type migration struct {
	name string
	up   func(tx *bolt.Tx) error
	// rewrites is whether it rewrites values in place, leaving free
	// pages for a compaction to give back (see Store.compact); one that
	// only adds buckets leaves none.
	rewrites bool
}

// migrations returns every migration in order; the schema version is
// their count.
func migrations() []migration {
	return []migration{
		{name: "create buckets", up: func(tx *bolt.Tx) error {
			for _, b := range [][]byte{bucketFriends, bucketAsks, bucketFavors, bucketAsksByFriend, bucketFavorsByFriend, bucketProfile} {
				if _, err := tx.CreateBucketIfNotExists(b); err != nil {
					return err
				}
			}
			return nil
		}},
		{name: "tagged, checksummed records", up: migrateChecksums, rewrites: true},
		{name: "name order, postings and last asks", up: func(tx *bolt.Tx) error {
			if err := migrateNames(tx); err != nil {
				return err
			}
			return migrateLastMade(tx)
		}},
		{name: "circle postings", up: migrateCircles},
		{name: "rows in the name index", up: migrateRows, rewrites: true},
		{name: "haystacks in the rows", up: migrateRows, rewrites: true},
	}
}

func schemaVersion() int { return len(migrations()) }

// initSchema marks a brand-new file as a kith database at version 0.
func initSchema(tx *bolt.Tx) error {
	meta, err := tx.CreateBucket(bucketMeta)
	if err != nil {
		return err
	}
	return meta.Put(keySchema, itob(0))
}

// migrate brings tx up to the current schema, and reports whether a
// migration that rewrites values ran (the file wants compacting).
func migrate(tx *bolt.Tx) (bool, error) {
	meta := tx.Bucket(bucketMeta)
	ver := int(btoi(meta.Get(keySchema)))
	all := migrations()
	for i := ver; i < len(all); i++ {
		if err := all[i].up(tx); err != nil {
			return false, fmt.Errorf("migration %d (%s): %w", i+1, all[i].name, err)
		}
		log := append(append([]byte(nil), meta.Get(keyMigrations)...), fmt.Sprintf("%d %s\n", i+1, all[i].name)...)
		if err := meta.Put(keyMigrations, log); err != nil {
			return false, err
		}
		if err := meta.Put(keySchema, itob(uint64(i+1))); err != nil {
			return false, err
		}
	}
	rewrote := false
	for i := ver; i < len(all); i++ {
		rewrote = rewrote || all[i].rewrites
	}
	return rewrote, nil
}

// migrationBatch is how many entries the migration copies out of a
// bucket before writing them back: values are copied out of the
// transaction (a bucket must not change under its cursor), a batch at a
// time so that a million asks never sit in memory at once.
const migrationBatch = 10_000

// rewrite replaces every value of bucket name with conv(key, value),
// a batch at a time.
func rewrite(tx *bolt.Tx, name []byte, conv func(k, v []byte) ([]byte, error)) error {
	b := tx.Bucket(name)
	b.FillPercent = fillPercent(name)
	var from []byte
	type kv struct{ k, v []byte }
	batch := make([]kv, 0, migrationBatch)
	for {
		batch = batch[:0]
		c := b.Cursor()
		k, v := c.First()
		if from != nil {
			k, v = c.Seek(from)
			if k != nil && string(k) == string(from) {
				k, v = c.Next()
			}
		}
		for ; k != nil && len(batch) < migrationBatch; k, v = c.Next() {
			if v == nil {
				return fmt.Errorf("%s: key %x: a bucket where a record should be: %w", name, k, errCorrupt)
			}
			nv, err := conv(k, v)
			if err != nil {
				return fmt.Errorf("%s: key %x: %w", name, k, err)
			}
			batch = append(batch, kv{append([]byte(nil), k...), nv})
		}
		if len(batch) == 0 {
			return nil
		}
		for _, e := range batch {
			if err := b.Put(e.k, e.v); err != nil {
				return err
			}
		}
		from = batch[len(batch)-1].k
	}
}

// migrateChecksums is migration 2: every record and index value of a
// schema-1 file is rewritten in the tagged, checksummed form of
// encoding.go; every friend gets a summary and the meta bucket the
// counts; a file without a profile gets the default one, so that a
// missing profile is damage from now on.
func migrateChecksums(tx *bolt.Tx) error {
	sums, err := tx.CreateBucketIfNotExists(bucketSummaries)
	if err != nil {
		return err
	}
	var c counts
	if err := rewrite(tx, bucketFriends, func(k, v []byte) ([]byte, error) {
		f, err := decodeFriendV1(v)
		if err != nil || f.ID != btoi(k) {
			return nil, errCorrupt
		}
		c.friends++
		return encodeFriend(&f), nil
	}); err != nil {
		return err
	}
	per := make(map[uint64]summary, c.friends)
	asks := tx.Bucket(bucketAsks)
	if err := rewrite(tx, bucketAsks, func(k, v []byte) ([]byte, error) {
		a, err := decodeAskV1(v)
		if err != nil || a.ID != btoi(k) {
			return nil, errCorrupt
		}
		c.asks++
		return encodeAsk(&a), nil
	}); err != nil {
		return err
	}
	// The index values are rebuilt from the records their keys name (the
	// records are now in the new form).
	if err := rewrite(tx, bucketAsksByFriend, func(k, v []byte) ([]byte, error) {
		if len(k) != 24 {
			return nil, errCorrupt
		}
		a, err := decodeAsk(k[16:24], asks.Get(k[16:24]))
		if err != nil || a.FriendID != btoi(k[:8]) || timeKey(a.At()) != btoi(k[8:16]) {
			return nil, errCorrupt
		}
		s := per[a.FriendID]
		s.asks++
		per[a.FriendID] = s
		return encodeAskHead(k, &a), nil
	}); err != nil {
		return err
	}
	if err := rewrite(tx, bucketFavors, func(k, v []byte) ([]byte, error) {
		f, err := decodeFavorV1(v)
		if err != nil || f.ID != btoi(k) {
			return nil, errCorrupt
		}
		c.favors++
		return encodeFavor(&f), nil
	}); err != nil {
		return err
	}
	favors := tx.Bucket(bucketFavors)
	if err := rewrite(tx, bucketFavorsByFriend, func(k, v []byte) ([]byte, error) {
		if len(k) != 24 {
			return nil, errCorrupt
		}
		f, err := decodeFavor(k[16:24], favors.Get(k[16:24]))
		if err != nil || f.FriendID != btoi(k[:8]) || timeKey(f.At) != btoi(k[8:16]) {
			return nil, errCorrupt
		}
		s := per[f.FriendID]
		s.favors++
		per[f.FriendID] = s
		return encodeFavorHead(k, &f), nil
	}); err != nil {
		return err
	}
	// A summary for every friend, in id order (appends: packed full).
	sums.FillPercent = 1.0
	friends := tx.Bucket(bucketFriends)
	var n uint64
	if err := friends.ForEach(func(k, _ []byte) error {
		id := btoi(k)
		n += per[id].asks + per[id].favors
		err := sums.Put(itob(id), encodeSummary(id, per[id]))
		delete(per, id)
		return err
	}); err != nil {
		return err
	}
	if len(per) > 0 {
		return fmt.Errorf("%d index entries name a friend who is not there: %w", len(per), errCorrupt)
	}
	if n != c.asks+c.favors {
		return fmt.Errorf("the indexes hold %d entries for %d asks and favors: %w", n, c.asks+c.favors, errCorrupt)
	}
	prof := tx.Bucket(bucketProfile)
	p := DefaultProfile()
	if v := prof.Get(keyProfile); v != nil {
		if err := json.Unmarshal(v, &p); err != nil {
			return fmt.Errorf("profile: %w", errCorrupt)
		}
	}
	pv, err := encodeProfile(&p)
	if err != nil {
		return err
	}
	if err := prof.Put(keyProfile, pv); err != nil {
		return err
	}
	return tx.Bucket(bucketMeta).Put(keyCounts, encodeCounts(c))
}
