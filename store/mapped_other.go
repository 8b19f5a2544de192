//go:build !linux

package store

import bolt "go.etcd.io/bbolt"

// releaseMapped does nothing off Linux (see mapped_linux.go).
func releaseMapped(*bolt.Tx) {}
