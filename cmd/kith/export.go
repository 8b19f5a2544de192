package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"kith/store/atomic"
	"kith/store/kithcsv"
	"kith/store/kithjson"
	"kith/store/vcard"
)

func cmdExport(e *env, args []string) error {
	fs := newFlags(e, "export", "[--format json|vcard|csv] [--vcard-version 3.0|4.0] [-o FILE|DIR/]",
		"export the database: json (everything, for kith), vcard (contacts, for other address books) or csv (for spreadsheets)")
	format := fs.String("format", "json", "output `format`: json, vcard or csv")
	version := fs.String("vcard-version", vcard.V3, "vCard `version`: 3.0 or 4.0")
	out := fs.String("o", "", "write to `FILE` instead of standard output; with vcard, a folder (DIR/ or an existing one) gets one .vcf per friend")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErrorf("export: unexpected argument %q", pos[0]).withHint("use -o FILE to name the output")
	}
	switch *format {
	case "json", "vcard", "csv":
	default:
		return usageErrorf("--format: want json, vcard or csv, got %q", *format)
	}
	versionSet := false
	fs.Visit(func(f *flag.Flag) { versionSet = versionSet || f.Name == "vcard-version" })
	if err := vcard.CheckVersion(*version); err != nil {
		return usageErrorf("--vcard-version: %v", err)
	}
	if versionSet && *format != "vcard" {
		return usageErrorf("--vcard-version goes with --format vcard")
	}
	if *out == "-" || filepath.Clean(*out) == "/dev/stdout" {
		*out = "" // standard output, through the same buffer as the rest
	}
	toDir := false
	if *out != "" {
		if strings.HasSuffix(*out, "/") || strings.HasSuffix(*out, string(os.PathSeparator)) {
			toDir = true
		} else if info, err := os.Stat(*out); err == nil && info.IsDir() {
			toDir = true
		}
		if toDir && *format != "vcard" {
			return usageErrorf("-o %s is a folder: only --format vcard writes a folder (one .vcf per friend); name a file for %s", *out, *format)
		}
	}

	var fill func(w io.Writer) error
	var what string
	switch *format {
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
			n, err := vcard.WriteDir(*out, friends, *version)
			if err != nil {
				return fmt.Errorf("export: %w (%d of %d cards written)", err, n, len(friends))
			}
			fmt.Fprintf(e.err, "exported %d friends as vCard %s files in %s\n", n, *version, *out)
			return nil
		}
		fill = func(w io.Writer) error { return vcard.WriteAll(w, friends, *version) }
		what = fmt.Sprintf("%d friends as vCard %s", len(friends), *version)
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
	if *out == "" {
		return fill(e.out)
	}
	// A file is replaced atomically, a symlink written through, a device
	// or FIFO written into (see package atomic).
	if err := atomic.WriteFile(*out, 0o600, fill); err != nil {
		return err
	}
	fmt.Fprintf(e.err, "exported %s to %s\n", what, *out)
	return nil
}
