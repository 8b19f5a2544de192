// Package kithjson reads and writes kith's own JSON export: a
// store.Snapshot (schema version, profile, friends, asks, favors).
package kithjson

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"

	"kith/store"
	"kith/store/importer"
)

// Format is the name the importer reports.
const Format = "json"

// MaxFileSize bounds what Parse reads.
const MaxFileSize = 1 << 30

// Write writes snap as indented JSON, exactly as json.Encoder with a
// two-space indent would, but one record at a time: encoding a million
// asks in one piece held gigabytes.
func Write(w io.Writer, snap *store.Snapshot) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	var err error
	put := func(s string) {
		if err == nil {
			_, err = bw.WriteString(s)
		}
	}
	value := func(v any, prefix string) {
		if err != nil {
			return
		}
		var b []byte
		if b, err = json.MarshalIndent(v, prefix, "  "); err == nil {
			_, err = bw.Write(b)
		}
	}
	field := func(name string, v any, last bool) {
		put("  \"" + name + "\": ")
		value(v, "  ")
		if !last {
			put(",")
		}
		put("\n")
	}
	put("{\n")
	field("schema_version", snap.SchemaVersion, false)
	field("exported_at", snap.ExportedAt, false)
	field("profile", snap.Profile, false)
	writeList(put, value, "friends", snap.Friends, false)
	writeList(put, value, "asks", snap.Asks, false)
	writeList(put, value, "favors", snap.Favors, true)
	put("}\n")
	if err == nil {
		err = bw.Flush()
	}
	return err
}

// writeList writes one array field of the export, an element at a time.
func writeList[E any](put func(string), value func(any, string), name string, list []E, last bool) {
	put("  \"" + name + "\": ")
	switch {
	case list == nil:
		put("null")
	case len(list) == 0:
		put("[]")
	default:
		put("[\n")
		for i := range list {
			put("    ")
			value(&list[i], "    ")
			if i < len(list)-1 {
				put(",")
			}
			put("\n")
		}
		put("  ]")
	}
	if !last {
		put(",")
	}
	put("\n")
}

// Looks reports whether data (the start of a file) is a kith export.
func Looks(data []byte) bool {
	data = bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(data) > 0 && data[0] == '{' && (bytes.Contains(data, []byte(`"friends"`)) || bytes.Contains(data, []byte(`"schema_version"`)))
}

// Decode reads a snapshot; errors name the file and the line.
func Decode(r io.Reader, name string) (*store.Snapshot, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, importer.Errorf(name, 0, "read: %v", err)
	}
	if len(data) > MaxFileSize {
		return nil, importer.Errorf(name, 0, "larger than 1 GB")
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var snap store.Snapshot
	if err := json.Unmarshal(data, &snap); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, importer.Errorf(name, lineAt(data, se.Offset), "%v", se)
		case errors.As(err, &te):
			return nil, importer.Errorf(name, lineAt(data, te.Offset), "%s: want %v, got %s", te.Field, te.Type, te.Value)
		}
		return nil, importer.Errorf(name, 0, "%v", err)
	}
	if snap.SchemaVersion == 0 && snap.Friends == nil {
		return nil, importer.Errorf(name, 1, "not a kith export (no schema_version or friends)")
	}
	return &snap, nil
}

func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// Parse reads a kith export as import records: friends with their ids (to
// which the asks and favors refer), asks, favors and the profile, their
// text cleaned of control characters.
func Parse(r io.Reader, name string) (*importer.Input, error) {
	snap, err := Decode(r, name)
	if err != nil {
		return nil, err
	}
	return FromSnapshot(snap, name), nil
}

// FromSnapshot turns a snapshot into import records (see Parse).
func FromSnapshot(snap *store.Snapshot, name string) *importer.Input {
	in := &importer.Input{Format: Format, Profile: &snap.Profile,
		Records: make([]importer.Record, 0, len(snap.Friends))}
	for i, f := range snap.Friends {
		in.Records = append(in.Records, importer.Record{Friend: f, Source: name + ": friends[" + strconv.Itoa(i) + "]"})
	}
	for _, a := range snap.Asks {
		cleanAsk(&a)
		if err := a.Validate(); err != nil {
			in.Warnings = append(in.Warnings, importer.Warning{Source: name, Msg: "ask " + strconv.FormatUint(a.ID, 10) + " skipped: " + err.Error()})
			continue
		}
		in.Asks = append(in.Asks, a)
	}
	for _, v := range snap.Favors {
		v.What = clean(v.What, true)
		if err := v.Validate(); err != nil {
			in.Warnings = append(in.Warnings, importer.Warning{Source: name, Msg: "favor " + strconv.FormatUint(v.ID, 10) + " skipped: " + err.Error()})
			continue
		}
		in.Favors = append(in.Favors, v)
	}
	return in
}

func cleanAsk(a *store.Ask) {
	a.Topic = clean(a.Topic, false)
	a.Sector = strings.ToLower(clean(a.Sector, false))
	a.Org = clean(a.Org, false)
	a.Body = clean(a.Body, true)
	a.Outcome = clean(a.Outcome, true)
}

// CleanHistory removes control characters and escape sequences from the
// text of snap's asks, favors and profile, in place (friends are cleaned
// by importer.Clean). Nothing is dropped: a restore validates the rest.
func CleanHistory(snap *store.Snapshot) {
	for i := range snap.Asks {
		cleanAsk(&snap.Asks[i])
	}
	for i := range snap.Favors {
		snap.Favors[i].What = clean(snap.Favors[i].What, true)
	}
	p := &snap.Profile
	p.Name = clean(p.Name, false)
	p.Blurb = clean(p.Blurb, true)
	p.Signature = clean(p.Signature, true)
	if len(p.Questions) > 0 {
		qs := make(map[string][]string, len(p.Questions))
		for topic, list := range p.Questions {
			topic = clean(topic, false)
			for _, q := range list {
				if q = clean(q, false); q != "" {
					qs[topic] = append(qs[topic], q)
				}
			}
		}
		p.Questions = qs
	}
}

func clean(s string, multiline bool) string {
	return strings.TrimSpace(store.CleanText(s, multiline))
}
