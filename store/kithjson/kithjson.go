// Package kithjson reads and writes kith's own JSON export: a
// store.Snapshot (schema version, profile, friends, asks, favors).
//
// An export is kith's own data, so reading one is strict, in one way for
// a restore into a new database and for a merge into one with friends:
//
//   - text is repaired, with a warning for each repair: control
//     characters and escapes removed, fields and lists longer than the
//     store's limits cut to them, e-mails that are not addresses dropped
//     (see importer.Clean);
//   - anything else kith would never have written is refused, naming the
//     file, the line and the record, and nothing is imported: unknown
//     fields, a closeness outside 1-5, an unknown kind, status or
//     boundary, months outside 1-12, a date outside the years 1900-2200,
//     an ask or favor of a friend not in the file, a friend with no name,
//     e-mail or organisation, a favor with nothing in it.
package kithjson

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"kith/store"
	"kith/store/importer"
)

// Format is the name the importer reports.
const Format = "json"

// MaxFileSize bounds what Read reads.
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

// Export is a kith export read from a file, with the line each of its
// records starts on.
type Export struct {
	// Snapshot is what the file holds; Prepare repairs it in place.
	Snapshot *store.Snapshot

	name                              string
	profileLine                       int
	friendLines, askLines, favorLines []int
}

// Read reads a kith export strictly: a syntax error, a value of the wrong
// type, an unknown field or data after the export is a *importer.ParseError
// naming the file and the line. It checks nothing else; Prepare does.
func Read(r io.Reader, name string) (*Export, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, importer.Errorf(name, 0, "read: %v", err)
	}
	if len(data) > MaxFileSize {
		return nil, importer.Errorf(name, 0, "larger than 1 GB")
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	rd := &reader{data: data, name: name, dec: json.NewDecoder(bytes.NewReader(data))}
	rd.dec.DisallowUnknownFields()
	x := &Export{Snapshot: &store.Snapshot{Profile: store.DefaultProfile()}, name: name}
	if err := rd.export(x); err != nil {
		return nil, err
	}
	if x.Snapshot.SchemaVersion == 0 {
		return nil, importer.Errorf(name, 1, "not a kith export (no schema_version)")
	}
	return x, nil
}

// reader walks an export's top-level object, decoding each record on its
// own to know its line.
type reader struct {
	data []byte
	name string
	dec  *json.Decoder
}

// line is the line of the value that starts at or after off (past the
// white space, comma or colon before it).
func (rd *reader) line(off int64) int {
	off = min(max(off, 0), int64(len(rd.data)))
	for off < int64(len(rd.data)) && strings.IndexByte(" \t\r\n,:", rd.data[off]) >= 0 {
		off++
	}
	return rd.lineAt(off)
}

// lineAt is the line of the byte just before off.
func (rd *reader) lineAt(off int64) int {
	off = min(max(off, 0), int64(len(rd.data)))
	return bytes.Count(rd.data[:off], []byte("\n")) + 1
}

// valueBase is where json.Decoder.Decode starts reading a value whose
// InputOffset was off before the call: past white space and one comma or
// colon. The offsets in the errors of Decode count from there.
func (rd *reader) valueBase(off int64) int64 {
	n := int64(len(rd.data))
	for off < n && strings.IndexByte(" \t\r\n", rd.data[off]) >= 0 {
		off++
	}
	if off < n && (rd.data[off] == ',' || rd.data[off] == ':') {
		off++
	}
	return off
}

// fail turns a decoding error into a *ParseError; where names the value
// being decoded ("friends[3]"), start is its InputOffset before it was
// read, and base is where the offsets of a type error count from.
func (rd *reader) fail(err error, where string, start, base int64) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	prefix := ""
	if where != "" {
		prefix = where + ": "
	}
	switch {
	case errors.As(err, &syn):
		// A Decoder's syntax errors count from no fixed place: find the
		// error again in the whole file.
		var raw json.RawMessage
		if uerr := json.Unmarshal(rd.data, &raw); errors.As(uerr, &syn) {
			return importer.Errorf(rd.name, rd.lineAt(syn.Offset), "%v", syn)
		}
		return importer.Errorf(rd.name, rd.line(start), "%v", err)
	case errors.As(err, &typ):
		field := typ.Field
		if where != "" && field != "" {
			field = where + "." + field
		} else if field == "" {
			field = where
		}
		return importer.Errorf(rd.name, rd.lineAt(base+typ.Offset), "%s: want %s, got %s", field, typ.Type, typ.Value)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return importer.Errorf(rd.name, rd.line(int64(len(rd.data))), "the file is empty or cut short")
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	return importer.Errorf(rd.name, rd.line(start), "%s%s (not in a kith export: was the file edited, or written by a newer kith?)", prefix, msg)
}

func (rd *reader) export(x *Export) error {
	tok, err := rd.dec.Token()
	if err != nil {
		return rd.fail(err, "", 0, 0)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return importer.Errorf(rd.name, 1, "not a kith export (want a JSON object with schema_version and friends)")
	}
	snap := x.Snapshot
	for rd.dec.More() {
		start := rd.dec.InputOffset()
		tok, err := rd.dec.Token()
		if err != nil {
			return rd.fail(err, "", start, 0)
		}
		key, _ := tok.(string)
		start = rd.dec.InputOffset()
		switch key {
		case "schema_version":
			err = rd.value(&snap.SchemaVersion, key, start)
		case "exported_at":
			err = rd.value(&snap.ExportedAt, key, start)
		case "profile":
			x.profileLine = rd.line(start)
			snap.Profile = store.DefaultProfile() // what the file leaves out
			err = rd.value(&snap.Profile, key, start)
		case "friends":
			snap.Friends, x.friendLines, err = list[store.Friend](rd, key)
		case "asks":
			snap.Asks, x.askLines, err = list[store.Ask](rd, key)
		case "favors":
			snap.Favors, x.favorLines, err = list[store.Favor](rd, key)
		default:
			return importer.Errorf(rd.name, rd.line(start), "unknown field %q (not in a kith export: was the file edited, or written by a newer kith?)", key)
		}
		if err != nil {
			return err
		}
	}
	if _, err := rd.dec.Token(); err != nil { // the closing }
		return rd.fail(err, "", rd.dec.InputOffset(), 0)
	}
	if off := rd.dec.InputOffset(); len(bytes.TrimSpace(rd.data[off:])) > 0 {
		return importer.Errorf(rd.name, rd.line(off), "unexpected data after the export")
	}
	return nil
}

func (rd *reader) value(v any, where string, start int64) error {
	if err := rd.dec.Decode(v); err != nil {
		return rd.fail(err, where, start, rd.valueBase(start))
	}
	return nil
}

// list decodes an array of records (or null), noting the line of each.
func list[E any](rd *reader, name string) ([]E, []int, error) {
	start := rd.dec.InputOffset()
	tok, err := rd.dec.Token()
	if err != nil {
		return nil, nil, rd.fail(err, name, start, 0)
	}
	if tok == nil {
		return nil, nil, nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return nil, nil, importer.Errorf(rd.name, rd.line(start), "%s: want a list", name)
	}
	out := []E{}
	var lines []int
	for rd.dec.More() {
		at := rd.dec.InputOffset()
		var e E
		if err := rd.value(&e, name+"["+strconv.Itoa(len(out))+"]", at); err != nil {
			return nil, nil, err
		}
		out = append(out, e)
		lines = append(lines, rd.line(at))
	}
	if _, err := rd.dec.Token(); err != nil { // the closing ]
		return nil, nil, rd.fail(err, name, rd.dec.InputOffset(), 0)
	}
	return out, lines, nil
}

// Prepare checks and repairs the export in place by the package's rules:
// it returns a warning for every repair, or, for the first value it
// refuses, a *importer.ParseError naming the file, the line and the
// record. Afterwards every record passes the store's validation.
func (x *Export) Prepare() ([]importer.Warning, error) {
	snap := x.Snapshot
	var warns []importer.Warning
	ids := make(map[uint64]bool, len(snap.Friends))
	for i := range snap.Friends {
		f := &snap.Friends[i]
		rec := importer.Record{Friend: *f, Source: x.source(x.friendLines, i)}
		w, skip := importer.Clean(&rec)
		if skip != "" {
			return nil, x.refuse(x.friendLines, i, "friend %d: %s", f.ID, skip)
		}
		warns = append(warns, w...)
		*f = rec.Friend
		f.Normalize()
		if err := f.Validate(); err != nil {
			return nil, x.refuse(x.friendLines, i, "friend %d (%s): %v", f.ID, f.Name, err)
		}
		ids[f.ID] = true
	}
	for i := range snap.Asks {
		a := &snap.Asks[i]
		warn := x.warner(&warns, x.askLines, i, fmt.Sprintf("ask %d: ", a.ID))
		a.Topic = importer.Cut(oneLine(a.Topic), store.MaxName, "topic", warn)
		a.Sector = importer.Cut(oneLine(a.Sector), store.MaxSector, "sector", warn)
		a.Org = importer.Cut(oneLine(a.Org), store.MaxName, "organisation", warn)
		a.Body = importer.Cut(store.CleanText(a.Body, true), store.MaxBody, "body", warn)
		a.Outcome = importer.Cut(store.CleanText(a.Outcome, true), store.MaxNotes, "outcome", warn)
		a.Normalize()
		if err := a.Validate(); err != nil {
			return nil, x.refuse(x.askLines, i, "ask %d: %v", a.ID, err)
		}
		if !ids[a.FriendID] {
			return nil, x.refuse(x.askLines, i, "ask %d: its friend_id %d is no friend in the file", a.ID, a.FriendID)
		}
	}
	for i := range snap.Favors {
		v := &snap.Favors[i]
		warn := x.warner(&warns, x.favorLines, i, fmt.Sprintf("favor %d: ", v.ID))
		v.What = importer.Cut(store.CleanText(v.What, true), store.MaxWhat, "what", warn)
		v.Normalize()
		if err := v.Validate(); err != nil {
			return nil, x.refuse(x.favorLines, i, "favor %d: %v", v.ID, err)
		}
		if !ids[v.FriendID] {
			return nil, x.refuse(x.favorLines, i, "favor %d: its friend_id %d is no friend in the file", v.ID, v.FriendID)
		}
	}
	warns = append(warns, x.prepareProfile()...)
	if err := snap.Profile.Validate(); err != nil {
		return nil, importer.Errorf(x.name, x.profileLine, "profile: %v: correct it in the file and import again", err)
	}
	return warns, nil
}

// prepareProfile repairs the profile's text, dropping empty questions.
func (x *Export) prepareProfile() []importer.Warning {
	var warns []importer.Warning
	warn := func(format string, args ...any) {
		warns = append(warns, importer.Warning{Source: importer.Source(x.name, x.profileLine), Msg: "profile: " + fmt.Sprintf(format, args...)})
	}
	p := &x.Snapshot.Profile
	p.Name = importer.Cut(oneLine(p.Name), store.MaxName, "name", warn)
	p.Blurb = importer.Cut(store.CleanText(p.Blurb, true), store.MaxNotes, "blurb", warn)
	for l, b := range p.Blurbs {
		p.Blurbs[l] = importer.Cut(store.CleanText(b, true), store.MaxNotes, "blurb ("+l+")", warn)
	}
	p.Signature = importer.Cut(store.CleanText(p.Signature, true), store.MaxSignature, "signature", warn)
	p.Normalize()
	if len(p.Questions) == 0 {
		return warns
	}
	qs := make(map[string][]string, len(p.Questions))
	for topic, list := range p.Questions {
		topic = importer.Cut(strings.TrimSpace(store.CleanText(topic, false)), store.MaxName, "question topic", warn)
		for _, q := range list {
			if q = importer.Cut(strings.TrimSpace(store.CleanText(q, false)), store.MaxQuestion, "question", warn); q != "" && topic != "" {
				qs[topic] = append(qs[topic], q)
			}
		}
	}
	for topic, list := range qs {
		if len(list) > store.MaxItems {
			warn("%d questions on %q, kept the first %d (the limit)", len(list), topic, store.MaxItems)
			qs[topic] = list[:store.MaxItems]
		}
	}
	p.Questions = qs
	return warns
}

// oneLine cleans a one-line text field as the CLI and the TUI do.
func oneLine(s string) string { return strings.TrimSpace(store.CleanText(s, false)) }

func (x *Export) line(lines []int, i int) int {
	if i < len(lines) {
		return lines[i]
	}
	return 0
}

func (x *Export) source(lines []int, i int) string {
	return importer.Source(x.name, x.line(lines, i))
}

func (x *Export) warner(warns *[]importer.Warning, lines []int, i int, prefix string) func(string, ...any) {
	return func(format string, args ...any) {
		*warns = append(*warns, importer.Warning{Source: x.source(lines, i), Msg: prefix + fmt.Sprintf(format, args...)})
	}
}

func (x *Export) refuse(lines []int, i int, format string, args ...any) error {
	return importer.Errorf(x.name, x.line(lines, i), "%s: correct it in the file and import again", fmt.Sprintf(format, args...))
}

// Parse reads a kith export as import records, checked and repaired by
// Prepare: friends with their ids (to which the asks and favors refer),
// asks, favors and the profile.
func Parse(r io.Reader, name string) (*importer.Input, error) {
	x, err := Read(r, name)
	if err != nil {
		return nil, err
	}
	warns, err := x.Prepare()
	if err != nil {
		return nil, err
	}
	in := x.Input()
	in.Warnings = warns
	return in, nil
}

// Input turns the export into import records, each with its file and
// line: for a merge into a database that has friends. Call Prepare first.
func (x *Export) Input() *importer.Input {
	snap := x.Snapshot
	in := &importer.Input{Format: Format, Profile: &snap.Profile,
		Records: make([]importer.Record, 0, len(snap.Friends)), Asks: snap.Asks, Favors: snap.Favors}
	for i, f := range snap.Friends {
		in.Records = append(in.Records, importer.Record{Friend: f, Source: x.source(x.friendLines, i)})
	}
	return in
}
