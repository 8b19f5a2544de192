package store

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// bbolt's file header, read before bbolt maps the file: bbolt trusts the
// meta page, and a truncated copy whose meta points past the end of the
// file makes it fault on memory that is not there.
const (
	boltMagic      = 0xED0CDAED
	pageHeaderSize = 16
	metaSize       = 64
	metaSumOffset  = 56
)

// precheck reads the two bbolt meta pages of an existing, non-empty file
// and reports whether the file is whole: a valid meta page whose page count
// fits inside the file.
func precheck(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	first := make([]byte, pageHeaderSize+metaSize)
	if _, err := io.ReadFull(f, first); err != nil {
		return fmt.Errorf("%s is %w (too short to be a database); it was left untouched: choose another path with --db", path, ErrNotKith)
	}
	m0, ok0 := readMeta(first[pageHeaderSize:])
	if !ok0 && binary.LittleEndian.Uint32(first[pageHeaderSize:]) != boltMagic {
		return fmt.Errorf("%s is %w (not a bbolt file); it was left untouched: choose another path with --db", path, ErrNotKith)
	}
	best, ok := m0, ok0
	pageSize := int64(4096)
	if ok0 {
		pageSize = int64(m0.pageSize)
	}
	second := make([]byte, pageHeaderSize+metaSize)
	if _, err := f.ReadAt(second, pageSize); err == nil {
		if m1, ok1 := readMeta(second[pageHeaderSize:]); ok1 && (!ok || m1.txid > best.txid) {
			best, ok = m1, true
		}
	}
	if !ok {
		return fmt.Errorf("%s is %w: both header pages are damaged; it was left untouched: restore a backup", path, ErrCorrupt)
	}
	if need := int64(best.pgid) * int64(best.pageSize); info.Size() < need {
		return fmt.Errorf("%s is %w: the file is %d bytes but its contents need %d (a truncated copy?); it was left untouched: restore a backup", path, ErrCorrupt, info.Size(), need)
	}
	return nil
}

type boltMeta struct {
	pageSize uint32
	pgid     uint64
	txid     uint64
}

func readMeta(b []byte) (boltMeta, bool) {
	le := binary.LittleEndian
	if le.Uint32(b[0:]) != boltMagic || le.Uint32(b[4:]) != 2 {
		return boltMeta{}, false
	}
	h := fnv.New64a()
	h.Write(b[:metaSumOffset])
	if h.Sum64() != le.Uint64(b[metaSumOffset:]) {
		return boltMeta{}, false
	}
	m := boltMeta{pageSize: le.Uint32(b[8:]), pgid: le.Uint64(b[40:]), txid: le.Uint64(b[48:])}
	if m.pageSize < 512 || m.pageSize > 1<<20 {
		return boltMeta{}, false
	}
	return m, true
}
