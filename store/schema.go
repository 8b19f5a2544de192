package store

import (
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

	keySchema     = []byte("schema_version")
	keyMigrations = []byte("migrations")
	keyProfile    = []byte("profile")
)

// fillPercent is how full bbolt packs a bucket's pages when it splits
// them. Record buckets are keyed by sequence ids, so writes append at the
// end and pages can be packed full; the by-friend indexes also take
// inserts in the middle (a new ask for an old friend), so they keep some
// room. bbolt's default of half full doubled the file.
func fillPercent(name []byte) float64 {
	switch string(name) {
	case string(bucketAsksByFriend), string(bucketFavorsByFriend):
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

// migrate brings tx up to the current schema.
func migrate(tx *bolt.Tx) error {
	meta := tx.Bucket(bucketMeta)
	ver := int(btoi(meta.Get(keySchema)))
	all := migrations()
	for i := ver; i < len(all); i++ {
		if err := all[i].up(tx); err != nil {
			return fmt.Errorf("migration %d (%s): %w", i+1, all[i].name, err)
		}
		log := append(append([]byte(nil), meta.Get(keyMigrations)...), fmt.Sprintf("%d %s\n", i+1, all[i].name)...)
		if err := meta.Put(keyMigrations, log); err != nil {
			return err
		}
		if err := meta.Put(keySchema, itob(uint64(i+1))); err != nil {
			return err
		}
	}
	return nil
}
