package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"kith/store/atomic"
	"kith/store/kithcsv"
	"kith/store/kithjson"
	"kith/store/vcard"
)

func cmdExport(e *env, o *exportFlags, fs *pflag.FlagSet) error {
	switch o.format {
	case "json", "vcard", "csv":
	default:
		return usageErrorf("--format: want json, vcard or csv, got %q", o.format)
	}
	versionSet := fs.Changed("vcard-version")
	if err := vcard.CheckVersion(o.version); err != nil {
		return usageErrorf("--vcard-version: %v", err)
	}
	if versionSet && o.format != "vcard" {
		return usageErrorf("--vcard-version goes with --format vcard")
	}
	if o.output == "-" || filepath.Clean(o.output) == "/dev/stdout" {
		o.output = "" // standard output, through the same buffer as the rest
	}
	toDir := false
	if o.output != "" {
		if strings.HasSuffix(o.output, "/") || strings.HasSuffix(o.output, string(os.PathSeparator)) {
			toDir = true
		} else if info, err := os.Stat(o.output); err == nil && info.IsDir() {
			toDir = true
		}
		if toDir && o.format != "vcard" {
			return usageErrorf("-o %s is a folder: only --format vcard writes a folder (one .vcf per friend); name a file for %s", o.output, o.format)
		}
	}

	var fill func(w io.Writer) error
	var what string
	switch o.format {
	case "json":
		snap, err := e.store.Snapshot(e.now)
		if err != nil {
			return err
		}
		fill = func(w io.Writer) error { return kithjson.Write(w, snap) }
		what = fmt.Sprintf("%d friends, %d asks, %d favors", len(snap.Friends), len(snap.Asks), len(snap.Favors))
	case "vcard":
		friends, err := e.store.Friends()
		if err != nil {
			return err
		}
		if toDir {
			n, err := vcard.WriteDir(o.output, friends, o.version)
			if err != nil {
				return fmt.Errorf("export: %w (%d of %d cards written)", err, n, len(friends))
			}
			fmt.Fprintf(e.err, "exported %d friends as vCard %s files in %s\n", n, o.version, o.output)
			return nil
		}
		fill = func(w io.Writer) error { return vcard.WriteAll(w, friends, o.version) }
		what = fmt.Sprintf("%d friends as vCard %s", len(friends), o.version)
	case "csv":
		friends, lastAt, err := e.store.Roster()
		if err != nil {
			return err
		}
		byID := make(map[uint64]time.Time, len(friends))
		for i := range friends {
			byID[friends[i].ID] = lastAt[i]
		}
		fill = func(w io.Writer) error {
			return kithcsv.Write(w, friends, func(id uint64) time.Time { return byID[id] })
		}
		what = fmt.Sprintf("%d friends as CSV", len(friends))
	}
	if o.output == "" {
		return fill(e.out)
	}
	// A file is replaced atomically, a symlink written through, a device
	// or FIFO written into (see package atomic).
	if err := atomic.WriteFile(o.output, 0o600, fill); err != nil {
		return err
	}
	fmt.Fprintf(e.err, "exported %s to %s\n", what, o.output)
	return nil
}
