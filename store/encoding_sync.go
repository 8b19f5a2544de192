package store

import (
	"encoding/binary"

	"google.golang.org/protobuf/encoding/protowire"
)

// The codec of a sync state (SyncState), with the tags encoding.go lists.

var seedSyncState = seedOf(bucketSyncState)

// Sync state tags.
const (
	tagSyncUID protowire.Number = iota + 1
	tagSyncFriendID
	tagSyncFile
	tagSyncSize
	tagSyncMTime
	tagSyncInode
	tagSyncHash
	tagSyncKithSums
	tagSyncCardSums
)

func encodeSyncState(key []byte, st *SyncState) []byte {
	e := newEnc(64 + len(st.UID) + len(st.File) + 8*(len(st.Kith)+len(st.Card)))
	e.str(tagSyncUID, st.UID)
	e.uint(tagSyncFriendID, st.FriendID)
	e.str(tagSyncFile, st.File)
	e.uint(tagSyncSize, st.Size)
	e.uint(tagSyncMTime, st.MTime)
	e.uint(tagSyncInode, st.Inode)
	e.str(tagSyncHash, string(st.Hash))
	e.str(tagSyncKithSums, string(packSums(st.Kith)))
	e.str(tagSyncCardSums, string(packSums(st.Card)))
	return e.seal(seedSyncState, key)
}

func decodeSyncState(k, v []byte) (SyncState, error) {
	var st SyncState
	body, err := seedSyncState.open(k, v)
	if err != nil {
		return st, err
	}
	d := newDec(body)
	for d.next() {
		switch d.num {
		case tagSyncUID:
			st.UID = d.str("")
		case tagSyncFriendID:
			st.FriendID = d.uint()
		case tagSyncFile:
			st.File = d.str("")
		case tagSyncSize:
			st.Size = d.uint()
		case tagSyncMTime:
			st.MTime = d.uint()
		case tagSyncInode:
			st.Inode = d.uint()
		case tagSyncHash:
			st.Hash = append([]byte(nil), d.bytes()...)
		case tagSyncKithSums:
			st.Kith = unpackSums(d.bytes())
		case tagSyncCardSums:
			st.Card = unpackSums(d.bytes())
		}
	}
	return st, d.result()
}

func packSums(s FieldSums) []byte {
	b := make([]byte, 0, 8*len(s))
	for _, v := range s {
		b = binary.BigEndian.AppendUint64(b, v)
	}
	return b
}

func unpackSums(b []byte) FieldSums {
	s := make(FieldSums, len(b)/8)
	for i := range s {
		s[i] = binary.BigEndian.Uint64(b[8*i:])
	}
	return s
}
