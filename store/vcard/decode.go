// Package vcard reads and writes contacts as vCards (RFC 2426 3.0,
// RFC 6350 4.0, and the older 2.1 that phones still write).
//
// The reader is lenient about what real exporters write: no VERSION
// line, CRLF or LF, folded lines, quoted-printable values with soft line
// breaks, CHARSET parameters, undeclared windows-1252 text (read as such,
// with a warning), files in UTF-16 (the macOS Address Book's, with or
// without a byte order mark), vCard 2.1 bare parameters (TEL;HOME;VOICE:),
// Apple's item1. groups with X-ABLabel, and unknown backslash escapes
// (see unescape). kith's own fields travel as X-KITH-… properties, so
// kith → vCard → kith loses nothing; and every property of a card that
// kith does not model (a photo, an IM handle, a related person …) is
// kept with the friend as it was, so vCard → kith → vCard loses nothing
// either (see store.Card and Write).
package vcard

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unsafe"

	"kith/store/importer"
)

// Format is the name the importer reports.
const Format = "vcard"

// MaxFileSize bounds what Parse reads from one file.
const MaxFileSize = 256 << 20

// Parse reads every card in r; name is the file name used in messages.
// A card that is cut short (BEGIN:VCARD without END:VCARD) is an error
// naming the line, and no record is returned.
func Parse(r io.Reader, name string) (*importer.Input, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, importer.Errorf(name, 0, "read: %v", err)
	}
	if len(data) > MaxFileSize {
		return nil, importer.Errorf(name, 0, "larger than %d MB; split it", MaxFileSize>>20)
	}
	return ParseBytes(data, name)
}

// ParseBytes is Parse of a file already read. The records' text is read
// from data in place, not copied: data must not change while they are
// in use.
func ParseBytes(data []byte, name string) (*importer.Input, error) {
	data, _ = importer.FromUTF16(data)
	return parse(data, name)
}

// Looks reports whether data (the start of a file, as UTF-8) is a vCard.
func Looks(data []byte) bool {
	data = bytes.TrimLeft(stripBOM(data), " \t\r\n")
	return len(data) >= 11 && strings.EqualFold(string(data[:11]), "BEGIN:VCARD")
}

// ParseDir reads every .vcf file in dir (a vdir, as khard and vdirsyncer
// keep them), in name order. Other files are ignored.
func ParseDir(dir string) (*importer.Input, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, importer.Errorf(dir, 0, "read folder: %v", err)
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && strings.EqualFold(filepath.Ext(e.Name()), ".vcf") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	in := &importer.Input{Format: Format}
	for _, n := range names {
		path := filepath.Join(dir, n)
		f, err := os.Open(path)
		if err != nil {
			return nil, importer.Errorf(path, 0, "%v", err)
		}
		one, err := Parse(f, path)
		f.Close()
		if err != nil {
			return nil, err
		}
		in.Append(one)
	}
	if len(names) == 0 {
		return nil, importer.Errorf(dir, 0, "no .vcf files in this folder")
	}
	return in, nil
}

// splitMin is the size from which parse reads a file's two halves at
// once, one on each core: 100,000 cards (48 MB) took 1.3 s in one piece.
const splitMin = 4 << 20

func parse(data []byte, name string) (*importer.Input, error) {
	return parseSplit(data, name, splitMin)
}

// parseSplit is parse, reading the two halves of a file of min bytes or
// more at once. The cut is at a BEGIN:VCARD right after an END:VCARD;
// when the first half reads without error, the reader is at the cut as it
// would be reading the file in one piece (outside any card), so the
// halves give what one piece gives. On any error the file is read again
// in one piece, for the same error.
func parseSplit(data []byte, name string, min int) (*importer.Input, error) {
	// The cards' text is read in place (ParseBytes): a copy of 100,000
	// cards is 48 MB more held while they are imported, and 48 MB more
	// allocated (BenchmarkImportVCard/100000).
	text := stripBOM(data)
	s := unsafe.String(unsafe.SliceData(text), len(text))
	sep := lineSep(s)
	if len(s) < min {
		return parseText(s, sep, 0, name, nil)
	}
	cut := splitPoint(s, sep)
	if cut <= 0 {
		return parseText(s, sep, 0, name, nil)
	}
	// One slice for the records of both halves, not a third to join them.
	n1 := strings.Count(s[:cut], "BEGIN:VCARD")
	recs := make([]importer.Record, 0, n1+strings.Count(s[cut:], "BEGIN:VCARD"))
	var second *importer.Input
	var err2 error
	done := make(chan struct{})
	go func() {
		defer close(done)
		second, err2 = parseText(s[cut:], sep, strings.Count(s[:cut], string(sep)), name, recs[n1:n1])
	}()
	first, err := parseText(s[:cut], sep, 0, name, recs[:0:n1])
	<-done
	if err != nil || err2 != nil {
		return parseText(s, sep, 0, name, nil)
	}
	first.Records = join(recs, n1, first.Records, second.Records)
	first.Warnings = append(first.Warnings, second.Warnings...)
	return first, nil
}

// join returns a followed by b. Each half was read into its part of
// recs (a from 0, b from n1), so a's part is moved up to b's in place,
// unless a half outgrew its part (cards the count did not see, such as
// "begin:vcard") and so holds a slice of its own.
func join(recs []importer.Record, n1 int, a, b []importer.Record) []importer.Record {
	inPlace := func(part, got []importer.Record) bool {
		return len(got) == 0 || unsafe.SliceData(got) == unsafe.SliceData(part)
	}
	if !inPlace(recs, a) || !inPlace(recs[n1:cap(recs)], b) {
		return append(append(make([]importer.Record, 0, len(a)+len(b)), a...), b...)
	}
	out := recs[:len(a)+len(b)]
	copy(out[len(a):], b)
	return out
}

// splitPoint returns where a line "BEGIN:VCARD" right after a line
// "END:VCARD" starts, the first from the middle of s on, or -1.
func splitPoint(s string, sep byte) int {
	begin := string(sep) + "BEGIN:VCARD"
	for from := len(s) / 2; from < len(s); {
		i := strings.Index(s[from:], begin)
		if i < 0 {
			return -1
		}
		at := from + i // the end of the line before
		prev := s[:at]
		if j := strings.LastIndexByte(prev, sep); j >= 0 {
			prev = prev[j+1:]
		}
		if strings.EqualFold(strings.TrimSpace(prev), "END:VCARD") {
			return at + 1
		}
		from = at + 1
	}
	return -1
}

// parseText reads the cards of s, whose lines end with sep and whose
// first line is line first+1 of the file, appending the records to recs
// (a slice made to hold every card when nil).
func parseText(s string, sep byte, first int, name string, recs []importer.Record) (*importer.Input, error) {
	lex := &lexer{s: s, sep: sep, line: first}
	if recs == nil {
		recs = make([]importer.Record, 0, strings.Count(s, "BEGIN:VCARD"))
	}
	in := &importer.Input{Format: Format, Records: recs}
	var card []prop
	var scratch scratch // toRecord's
	begin := 0          // line of the open card's BEGIN, 0 outside a card
	nested := 0         // depth of cards inside the card (2.1 AGENT)
	sawCard := false
	for {
		l, n, ok := lex.next()
		if !ok {
			break
		}
		// EqualFold, not ToUpper: a copy of every line was 1 of the 57
		// allocations a card took (BenchmarkImportVCard/100000).
		t := strings.TrimSpace(l)
		switch {
		case strings.EqualFold(t, "BEGIN:VCARD"):
			if begin != 0 {
				if len(card) > 0 && card[len(card)-1].name == "AGENT" {
					nested++
					continue
				}
				return nil, importer.Errorf(name, n, "BEGIN:VCARD inside the card that starts at line %d: that card has no END:VCARD (a truncated file?)", begin)
			}
			begin, card, sawCard = n, card[:0], true
			continue
		case strings.EqualFold(t, "END:VCARD"):
			if nested > 0 {
				nested--
				continue
			}
			if begin == 0 {
				return nil, importer.Errorf(name, n, "END:VCARD without a BEGIN:VCARD")
			}
			rec, warns, err := toRecord(card, name, begin, &scratch)
			if err != nil {
				return nil, err
			}
			in.Warnings = append(in.Warnings, warns...)
			in.Records = append(in.Records, rec)
			begin = 0
			continue
		}
		if nested > 0 {
			continue
		}
		p, ok := parseProp(l, n)
		if begin == 0 {
			if ok || strings.TrimSpace(l) != "" {
				in.Warnings = append(in.Warnings, importer.Warning{Source: importer.Source(name, n), Msg: "text outside a card ignored"})
			}
			continue
		}
		if !ok {
			if len(card) > 0 && binaryProps[card[len(card)-1].name] {
				// vCard 2.1 writes a picture's base64 on lines of
				// their own, not folded: they go on the picture.
				card[len(card)-1].value += strings.TrimSpace(l)
				continue
			}
			in.Warnings = append(in.Warnings, importer.Warning{Source: importer.Source(name, n), Msg: "line ignored: not NAME:value"})
			continue
		}
		card = append(card, p)
	}
	if begin != 0 {
		return nil, importer.Errorf(name, begin, "the card that starts here has no END:VCARD (a truncated file?)")
	}
	if !sawCard {
		return nil, importer.Errorf(name, 1, "no BEGIN:VCARD: not a vCard file")
	}
	return in, nil
}
