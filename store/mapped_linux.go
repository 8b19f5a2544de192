package store

import (
	bolt "go.etcd.io/bbolt"
	"golang.org/x/sys/unix"
)

// releaseMapped lets go of the pages of the database file that a read
// transaction has mapped so far (madvise MADV_DONTNEED): they stay in the
// page cache, and a later read maps them again from there. The kernel
// maps 16 pages around each one read (fault-around, which bbolt's
// MADV_RANDOM does not stop), so a read of scattered records makes most
// of the file resident in the process: at 100,000 friends, `kith who
// --kind intro --sector fintech` peaked at 268 MB (VmHWM; its Go heap
// about 45 MB), and at 69 MB when the reads of friends and of their
// histories release every 512 records (releaseEvery), in the same time
// (3 alternating runs, load average 10: 0.18-0.32 s before, 0.17-0.23 s
// after); `kith list`, whose scan of the name index releases likewise,
// 112 MB before, 46 MB after (0.29-0.44 s, 0.30-0.35 s). A write
// transaction is left alone.
func releaseMapped(tx *bolt.Tx) {
	if tx.Writable() {
		return
	}
	// The map is read-only and shared (bbolt writes with pwrite), so
	// dropping it loses nothing; the transaction's size is within it.
	_, _, _ = unix.Syscall(unix.SYS_MADVISE, tx.DB().Info().Data, uintptr(tx.Size()), unix.MADV_DONTNEED)
}
