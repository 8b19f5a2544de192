// Package vcard reads and writes contacts as vCards (RFC 2426 3.0,
// RFC 6350 4.0, and the older 2.1 that phones still write).
//
// The reader is lenient about what real exporters write: no VERSION
// line, CRLF or LF, folded lines, quoted-printable values with soft line
// breaks, CHARSET parameters, undeclared windows-1252 text (read as such,
// with a warning), files in UTF-16 (the macOS Address Book's, with or
// without a byte order mark), vCard 2.1 bare parameters (TEL;HOME;VOICE:),
// Apple's item1. groups with X-ABLabel, unknown backslash escapes (see
// unescape), and pictures (skipped). kith's own fields travel as X-KITH-…
// properties, so kith → vCard → kith loses nothing.
package vcard

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"kith/store"
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

func parse(data []byte, name string) (*importer.Input, error) {
	lex := newLexer(string(stripBOM(data)))
	in := &importer.Input{Format: Format,
		Records: make([]importer.Record, 0, bytes.Count(data, []byte("BEGIN:VCARD")))}
	var card []prop
	begin := 0  // line of the open card's BEGIN, 0 outside a card
	nested := 0 // depth of cards inside the card (2.1 AGENT)
	sawCard := false
	for {
		l, n, ok := lex.next()
		if !ok {
			break
		}
		up := strings.ToUpper(strings.TrimSpace(l))
		switch {
		case up == "BEGIN:VCARD":
			if begin != 0 {
				if len(card) > 0 && card[len(card)-1].name == "AGENT" {
					nested++
					continue
				}
				return nil, importer.Errorf(name, n, "BEGIN:VCARD inside the card that starts at line %d: that card has no END:VCARD (a truncated file?)", begin)
			}
			begin, card, sawCard = n, card[:0], true
			continue
		case up == "END:VCARD":
			if nested > 0 {
				nested--
				continue
			}
			if begin == 0 {
				return nil, importer.Errorf(name, n, "END:VCARD without a BEGIN:VCARD")
			}
			rec, warns, err := toRecord(card, name, begin)
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
			if len(card) == 0 || !binaryProps[card[len(card)-1].name] {
				in.Warnings = append(in.Warnings, importer.Warning{Source: importer.Source(name, n), Msg: "line ignored: not NAME:value"})
			}
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

// toRecord maps a card's properties to a friend. A date kith cannot keep
// is an error naming its line.
func toRecord(card []prop, file string, begin int) (importer.Record, []importer.Warning, error) {
	var warns []importer.Warning
	warn := func(line int, msg string) {
		warns = append(warns, importer.Warning{Source: importer.Source(file, line), Msg: msg})
	}
	src := importer.Source(file, begin)
	rec := importer.Record{Source: src}
	f := &rec.Friend
	var n, org []string
	var notes, sectors, circles, latin []string
	var fileAs string
	latinLine := 0
	own := false // written by kith
	// Apple's item1.EMAIL / item1.X-ABLabel pairs: the grouped property
	// is read like any other; the label (X-ABLABEL, "_$!<Other>!$_") and
	// other X- properties kith does not know are ignored.
	for i := range card {
		p := &card[i]
		if binaryProps[p.name] {
			continue
		}
		w, l := p.decodeValue()
		if w != "" {
			warn(p.line, w)
		}
		if l {
			if latin == nil {
				latinLine = p.line
			}
			if !slices.Contains(latin, p.name) {
				latin = append(latin, p.name)
			}
		}
		switch p.name {
		case "PRODID":
			own = strings.TrimSpace(p.value) == prodID
		case "VERSION":
			switch strings.TrimSpace(p.value) {
			case "2.1", "3.0", "4.0":
			default:
				warn(p.line, "unknown VERSION "+p.value+", read as 4.0")
			}
		case "KIND", "X-ADDRESSBOOKSERVER-KIND":
			if k := strings.ToLower(strings.TrimSpace(p.value)); k == "group" || k == "org" || k == "location" {
				rec.Skip = "a vCard of KIND " + k + ", not a person"
			}
		case "FN":
			if f.Name == "" {
				f.Name = unescape(p.value)
			}
		case "N":
			if n == nil {
				n = split(p.value, ';')
			}
		case "UID":
			rec.UID = p.value
		case "NICKNAME":
			nicks := split(p.value, ',')
			for _, s := range nicks {
				if s = strings.TrimSpace(s); s != "" {
					if f.Nickname != "" {
						f.Nickname += ", "
					}
					f.Nickname += s
				}
			}
		case "EMAIL":
			f.Emails = append(f.Emails, unescape(p.value))
		case "TEL":
			f.Phones = append(f.Phones, readTel(unescape(p.value)))
		case "URL":
			f.URLs = append(f.URLs, unescape(p.value))
		case "X-SOCIALPROFILE":
			f.URLs = append(f.URLs, unescape(p.value))
		case "ORG":
			if org == nil {
				org = split(p.value, ';')
			}
		case "TITLE":
			if f.Role == "" {
				f.Role = unescape(p.value)
			}
		case "ROLE":
			if f.Role == "" && !hasTitle(card) {
				f.Role = unescape(p.value)
			}
		case "NOTE":
			if s := strings.TrimSpace(unescape(p.value)); s != "" {
				notes = append(notes, s)
			}
		case "CATEGORIES":
			sectors = append(sectors, split(p.value, ',')...)
		case "X-EVOLUTION-FILE-AS":
			if fileAs == "" {
				fileAs = strings.TrimSpace(unescape(p.value))
			}
		case "X-KITH-CLOSENESS":
			c, err := strconv.Atoi(strings.TrimSpace(p.value))
			if err != nil || c < store.MinCloseness || c > store.MaxCloseness {
				warn(p.line, "X-KITH-CLOSENESS "+strconv.Quote(p.value)+" ignored: want 1-5")
			} else {
				f.Closeness = c
			}
		case "X-KITH-WORKED-TOGETHER":
			b, err := strconv.ParseBool(strings.TrimSpace(p.value))
			if err != nil {
				warn(p.line, "X-KITH-WORKED-TOGETHER "+strconv.Quote(p.value)+" ignored: want true or false")
			}
			f.WorkedTogether = b
		case "X-KITH-WORKED-NOTE":
			f.WorkedNote = unescape(p.value)
		case "X-KITH-BOUNDARY":
			b, err := store.ParseBoundary(unescape(p.value))
			if err != nil {
				warn(p.line, "X-KITH-BOUNDARY ignored: "+err.Error())
			} else {
				f.Boundaries = append(f.Boundaries, b)
			}
		case "X-KITH-BUSY":
			m, err := store.ParseMonthRange(unescape(p.value))
			if err != nil {
				warn(p.line, "X-KITH-BUSY ignored: "+err.Error())
			} else {
				f.Busy = append(f.Busy, m)
			}
		case "X-KITH-CIRCLE":
			circles = append(circles, unescape(p.value))
		case "X-KITH-MOMENT":
			m, err := store.ParseMoment(unescape(p.value), time.Time{})
			if err != nil {
				warn(p.line, "X-KITH-MOMENT ignored: "+err.Error())
			} else {
				f.Moments = append(f.Moments, m)
			}
		case "X-KITH-CHANNEL":
			f.Channel = unescape(p.value)
		case "X-KITH-ARCHIVED":
			f.Archived, _ = strconv.ParseBool(strings.TrimSpace(p.value))
		case "X-KITH-CREATED", "X-KITH-UPDATED":
			t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(p.value))
			if err != nil {
				warn(p.line, p.name+" ignored: want an RFC 3339 time")
			} else if err := importer.CheckDate(file, p.line, p.name, strings.TrimSpace(p.value), t); err != nil {
				return rec, nil, err
			} else if p.name == "X-KITH-CREATED" {
				f.Created = t
			} else {
				f.Updated = t
			}
		}
	}
	if f.Name == "" && n != nil {
		f.Name = nameFromN(n)
	}
	for _, o := range org {
		if o = strings.TrimSpace(o); o != "" {
			f.Org = o // the first part of ORG is the organisation; the rest are units
			break
		}
	}
	// With no FN and no N, Evolution's FILE-AS is the name the user
	// chose; failing that, importer.Clean names the card after its
	// organisation, then its e-mail.
	if strings.TrimSpace(f.Name) == "" && fileAs != "" {
		f.Name = fileAs
		warn(begin, "no FN or N: named "+strconv.Quote(fileAs)+" from X-EVOLUTION-FILE-AS")
	}
	f.Sectors = sectors
	if !own {
		f.Sectors = slices.DeleteFunc(sectors, importer.SystemGroup)
	} else {
		// kith's own card says which categories are circles: the rest
		// are its sectors, and the import keeps them so (Record.Sorted).
		f.Sectors = slices.DeleteFunc(sectors, func(s string) bool {
			return slices.ContainsFunc(circles, func(c string) bool { return strings.EqualFold(c, s) })
		})
		f.Circles = circles
		rec.Sorted = true
	}
	if latin != nil {
		warn(latinLine, strings.Join(latin, ", ")+": not UTF-8, and no CHARSET names another encoding: read as windows-1252; check the letters")
	}
	f.Notes = strings.Join(notes, "\n\n")
	return rec, warns, nil
}

// readTel turns a tel URI (RFC 3966, as vCard 4.0 writes TEL) into the
// number as people write it: "tel:+1-418-656-9254;ext=102" is
// "+1-418-656-9254 ext. 102". Its other parameters (phone-context, isub)
// are kept as written; a value that is not a tel URI is left alone but
// for an ";ext=" of its own. Only the first extension is kept.
func readTel(v string) string {
	v = strings.TrimSpace(v)
	if len(v) > 4 && strings.EqualFold(v[:4], "tel:") {
		v = v[4:]
	}
	if !strings.Contains(strings.ToLower(v), ";ext=") {
		return v
	}
	parts := strings.Split(v, ";")
	kept, ext := []string{parts[0]}, ""
	for _, p := range parts[1:] {
		if len(p) >= 4 && strings.EqualFold(p[:4], "ext=") {
			if ext == "" {
				ext = strings.TrimSpace(p[4:])
			}
			continue
		}
		kept = append(kept, p)
	}
	v = strings.Join(kept, ";")
	if ext != "" {
		v += " ext. " + ext
	}
	return v
}

func hasTitle(card []prop) bool {
	for i := range card {
		if card[i].name == "TITLE" {
			return true
		}
	}
	return false
}

// nameFromN composes "Prefix Given Additional Family Suffix" from N's
// parts (family;given;additional;prefix;suffix).
func nameFromN(n []string) string {
	get := func(i int) string {
		if i < len(n) {
			return strings.TrimSpace(strings.ReplaceAll(n[i], ",", " "))
		}
		return ""
	}
	var parts []string
	for _, s := range []string{get(3), get(1), get(2), get(0), get(4)} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}
