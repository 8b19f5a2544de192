package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
)

// checkStructure checks a bbolt file's pages as bbolt's tx.Check does
// (every page below the high-water mark is reachable once or free, never
// both; page types; keys in order, within their parent's range), reading
// the file with pread rather than through a memory map, in the caller's
// goroutine. tx.Check runs in a goroutine of its own, where a damaged page
// that makes bbolt panic kills the process; this one reports it. It
// returns at most max problems.
func checkStructure(path string, max int) []string {
	f, err := openRegular(path, os.O_RDONLY, 0)
	if err != nil {
		return []string{err.Error()}
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return []string{err.Error()}
	}
	c := &structCheck{f: f, size: info.Size(), max: max}
	c.run()
	return c.problems
}

// Page layout (bbolt's internal/common).
const (
	branchFlag    = 0x01
	leafFlag      = 0x02
	metaFlag      = 0x04
	freelistFlag  = 0x10
	bucketFlag    = 0x01
	elementSize   = 16
	bucketHdrSize = 16
	noFreelist    = ^uint64(0)
)

type structCheck struct {
	f        *os.File
	size     int64
	pageSize int64
	hwm      uint64 // the high-water mark: pages in use are below it
	seen     map[uint64]bool
	freed    map[uint64]bool
	problems []string
	max      int
}

func (c *structCheck) fail(format string, a ...any) bool {
	if len(c.problems) < c.max {
		c.problems = append(c.problems, fmt.Sprintf(format, a...))
	}
	return len(c.problems) >= c.max
}

func (c *structCheck) full() bool { return len(c.problems) >= c.max }

// page reads page id and its overflow.
func (c *structCheck) page(id uint64) ([]byte, bool) {
	if id < 2 || id >= c.hwm {
		c.fail("page %d: out of bounds (the file has %d pages in use)", id, c.hwm)
		return nil, false
	}
	head := make([]byte, c.pageSize)
	if _, err := c.f.ReadAt(head, int64(id)*c.pageSize); err != nil {
		c.fail("page %d: cannot be read: %v", id, err)
		return nil, false
	}
	if got := binary.LittleEndian.Uint64(head); got != id {
		c.fail("page %d: its header says page %d", id, got)
		return nil, false
	}
	overflow := uint64(binary.LittleEndian.Uint32(head[12:]))
	if overflow >= c.hwm-id {
		c.fail("page %d: overflow %d runs past the pages in use", id, overflow)
		return nil, false
	}
	for i := id; i <= id+overflow; i++ {
		if c.seen[i] {
			c.fail("page %d: multiple references", i)
			return nil, false
		}
		if c.freed[i] {
			c.fail("page %d: reachable freed", i)
			return nil, false
		}
		c.seen[i] = true
	}
	if overflow == 0 {
		return head, true
	}
	buf := make([]byte, (overflow+1)*uint64(c.pageSize))
	if _, err := c.f.ReadAt(buf, int64(id)*c.pageSize); err != nil {
		c.fail("page %d: cannot be read: %v", id, err)
		return nil, false
	}
	return buf, true
}

func (c *structCheck) run() {
	var metas [2]boltMeta
	var ok [2]bool
	buf := make([]byte, pageHeaderSize+metaSize)
	if _, err := c.f.ReadAt(buf, 0); err != nil {
		c.fail("meta page 0: cannot be read: %v", err)
		return
	}
	metas[0], ok[0] = readMeta(buf[pageHeaderSize:])
	ok[0] = ok[0] && metaHeader(buf, 0)
	c.pageSize = 4096
	if ok[0] {
		c.pageSize = int64(metas[0].pageSize)
	}
	if _, err := c.f.ReadAt(buf, c.pageSize); err == nil || err == io.EOF {
		metas[1], ok[1] = readMeta(buf[pageHeaderSize:])
		ok[1] = ok[1] && metaHeader(buf, 1)
	}
	for i := range 2 {
		if !ok[i] {
			c.fail("meta page %d: damaged (bad header, magic, version or checksum)", i)
		}
	}
	if !ok[0] && !ok[1] {
		return
	}
	m := metas[0]
	if !ok[0] || (ok[1] && metas[1].txid > m.txid) {
		m = metas[1]
	}
	if int64(m.pageSize) != c.pageSize {
		c.fail("meta pages disagree on the page size")
		return
	}
	c.hwm = m.pgid
	if int64(c.hwm)*c.pageSize > c.size {
		c.fail("the file is %d bytes but its pages need %d (truncated?)", c.size, int64(c.hwm)*c.pageSize)
		return
	}
	c.seen = map[uint64]bool{0: true, 1: true}
	c.freed = map[uint64]bool{}
	if m.freelist != noFreelist {
		c.freelist(m.freelist)
	}
	if c.full() {
		return
	}
	c.walk(m.root, nil, nil, 0)
	for id := uint64(2); id < c.hwm && !c.full(); id++ {
		if !c.seen[id] && !c.freed[id] {
			c.fail("page %d: unreachable unfreed", id)
		}
	}
}

func (c *structCheck) freelist(id uint64) {
	if id < 2 || id >= c.hwm {
		c.fail("freelist page %d: out of bounds", id)
		return
	}
	p, ok := c.page(id)
	if !ok {
		return
	}
	if flags := binary.LittleEndian.Uint16(p[8:]); flags != freelistFlag {
		c.fail("freelist page %d: wrong type %#x", id, flags)
		return
	}
	n := uint64(binary.LittleEndian.Uint16(p[10:]))
	off := uint64(pageHeaderSize)
	if n == 0xFFFF {
		n = binary.LittleEndian.Uint64(p[off:])
		off += 8
	}
	if n > (uint64(len(p))-off)/8 {
		c.fail("freelist page %d: %d ids do not fit", id, n)
		return
	}
	for i := range n {
		pg := binary.LittleEndian.Uint64(p[off+8*i:])
		if pg < 2 || pg >= c.hwm {
			c.fail("freelist: page %d out of bounds", pg)
			return
		}
		if c.freed[pg] {
			c.fail("page %d: already freed", pg)
			return
		}
		if c.seen[pg] {
			c.fail("page %d: reachable freed", pg)
			return
		}
		c.freed[pg] = true
	}
}

// walk checks the tree of pages at id, whose keys must be at least lo and
// below hi (nil: no bound), and the buckets its leaves hold.
func (c *structCheck) walk(id uint64, lo, hi []byte, depth int) {
	if depth > 64 {
		c.fail("page %d: the tree is too deep", id)
		return
	}
	p, ok := c.page(id)
	if !ok {
		return
	}
	c.node(id, p, lo, hi, depth)
}

// node checks the page p (of id, 0 for an inline bucket's page).
func (c *structCheck) node(id uint64, p []byte, lo, hi []byte, depth int) {
	flags := binary.LittleEndian.Uint16(p[8:])
	n := int(binary.LittleEndian.Uint16(p[10:]))
	if n == 0 && id != 0 {
		// bbolt leaves a bucket's root leaf empty, never a branch
		if flags == branchFlag {
			c.fail("page %d: empty branch", id)
		}
		return
	}
	if pageHeaderSize+n*elementSize > len(p) {
		c.fail("page %d: %d elements do not fit", id, n)
		return
	}
	var prev []byte
	for i := 0; i < n && !c.full(); i++ {
		el := pageHeaderSize + i*elementSize
		var pos, ksize, vsize uint64
		switch flags {
		case branchFlag:
			pos = uint64(binary.LittleEndian.Uint32(p[el:]))
			ksize = uint64(binary.LittleEndian.Uint32(p[el+4:]))
		case leafFlag:
			pos = uint64(binary.LittleEndian.Uint32(p[el+4:]))
			ksize = uint64(binary.LittleEndian.Uint32(p[el+8:]))
			vsize = uint64(binary.LittleEndian.Uint32(p[el+12:]))
		default:
			c.fail("page %d: invalid type %#x", id, flags)
			return
		}
		start := uint64(el) + pos
		if start+ksize+vsize > uint64(len(p)) {
			c.fail("page %d: element %d runs past the page", id, i)
			return
		}
		key := p[start : start+ksize]
		if prev != nil && bytes.Compare(prev, key) >= 0 {
			c.fail("page %d: key %x out of order", id, key)
			return
		}
		if (lo != nil && bytes.Compare(key, lo) < 0) || (hi != nil && bytes.Compare(key, hi) >= 0) {
			c.fail("page %d: key %x outside its parent's range", id, key)
			return
		}
		prev = key
		if flags == branchFlag {
			child := binary.LittleEndian.Uint64(p[el+8:])
			var next []byte
			if i+1 < n {
				nel := pageHeaderSize + (i+1)*elementSize
				npos := uint64(nel) + uint64(binary.LittleEndian.Uint32(p[nel:]))
				nk := uint64(binary.LittleEndian.Uint32(p[nel+4:]))
				if npos+nk > uint64(len(p)) {
					c.fail("page %d: element %d runs past the page", id, i+1)
					return
				}
				next = p[npos : npos+nk]
			} else {
				next = hi
			}
			c.walk(child, key, next, depth+1)
			continue
		}
		if binary.LittleEndian.Uint32(p[el:])&bucketFlag == 0 {
			continue
		}
		v := p[start+ksize : start+ksize+vsize]
		if len(v) < bucketHdrSize {
			c.fail("page %d: bucket %q has a short header", id, key)
			return
		}
		root := binary.LittleEndian.Uint64(v)
		if root == 0 {
			inline := v[bucketHdrSize:]
			if len(inline) < pageHeaderSize {
				c.fail("page %d: inline bucket %q is too short", id, key)
				return
			}
			if f := binary.LittleEndian.Uint16(inline[8:]); f != leafFlag {
				c.fail("page %d: inline bucket %q has page type %#x", id, key, f)
				return
			}
			c.node(0, inline, nil, nil, depth+1)
			continue
		}
		c.walk(root, nil, nil, depth+1)
	}
}
