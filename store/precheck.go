package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
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
// and reports whether the file is whole: both meta pages valid (bbolt
// would quietly fall back to the older one, and read the database as it
// was a write ago), and a page count that fits inside the file. A missing
// file is fine: there is nothing to check yet.
func precheck(path string) error {
	f, err := openRegular(path, os.O_RDONLY, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		if errors.Is(err, ErrNotKith) {
			return err
		}
		return openError(path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return openError(path, err)
	}
	if info.Size() == 0 {
		return nil
	}
	first := make([]byte, pageHeaderSize+metaSize)
	if _, err := io.ReadFull(f, first); err != nil {
		return fmt.Errorf("%s is %w (too short to be a database); it was left untouched: choose another path with --db", path, ErrNotKith)
	}
	m0, ok0 := readMeta(first[pageHeaderSize:])
	ok0 = ok0 && metaHeader(first, 0)
	if !ok0 && binary.LittleEndian.Uint32(first[pageHeaderSize:]) != boltMagic {
		return fmt.Errorf("%s is %w (not a bbolt file); it was left untouched: choose another path with --db", path, ErrNotKith)
	}
	pageSize := int64(4096)
	if ok0 {
		pageSize = int64(m0.pageSize)
	}
	second := make([]byte, pageHeaderSize+metaSize)
	m1, ok1 := boltMeta{}, false
	if _, err := f.ReadAt(second, pageSize); err == nil {
		m1, ok1 = readMeta(second[pageHeaderSize:])
		ok1 = ok1 && metaHeader(second, 1)
	}
	switch {
	case !ok0 && !ok1:
		return corruptf("both header pages are damaged")
	case !ok0:
		return corruptf("header page 0 is damaged")
	case !ok1:
		return corruptf("header page 1 is damaged")
	}
	best := m0
	if m1.txid > m0.txid {
		best = m1
	}
	if need := int64(best.pgid) * int64(best.pageSize); info.Size() < need {
		return corruptf("the file is %d bytes but its contents need %d (a truncated copy?)", info.Size(), need)
	}
	return nil
}

// metaHeader reports whether page (its first bytes) has the header of
// meta page id: bbolt checks it, outside the meta's checksum, and panics
// on a wrong one.
func metaHeader(page []byte, id uint64) bool {
	return binary.LittleEndian.Uint64(page) == id && binary.LittleEndian.Uint16(page[8:]) == metaFlag
}

type boltMeta struct {
	pageSize uint32
	root     uint64
	freelist uint64
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
	m := boltMeta{pageSize: le.Uint32(b[8:]), root: le.Uint64(b[16:]), freelist: le.Uint64(b[32:]),
		pgid: le.Uint64(b[40:]), txid: le.Uint64(b[48:])}
	if m.pageSize < 512 || m.pageSize > 1<<20 {
		return boltMeta{}, false
	}
	return m, true
}
