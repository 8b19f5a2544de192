// Package importer turns contacts read from other formats into an import
// plan against the friends already in a kith database, and applies that
// plan in one all-or-nothing transaction.
//
// Parsers (store/vcard, store/linkedin, store/googlecsv, store/kithcsv,
// store/kithjson) are pure: they read bytes and return an Input. Build
// cleans and validates every record and decides, for each, whether it is
// added, merged into an existing friend or skipped; Apply writes the plan.
package importer

import (
	"errors"
	"fmt"
	"time"

	"kith/store"
)

// Record is one person read from an import file.
type Record struct {
	// Friend holds what the file says about the person. ID is the id in
	// the source (kith's JSON export only), zero otherwise. Closeness 0
	// means the file does not say.
	Friend store.Friend
	// Source names where the record came from, "file:line".
	Source string
	// Skip, if set, is why the parser says this record is not a person
	// (a vCard group, for instance): it is listed as skipped.
	Skip string
	// UID is the source's own id for the person (a vCard UID), if any.
	UID string
	// Sorted says the file told sectors from circles (kith's own vCard);
	// otherwise an address book's labels, read into Friend.Sectors, are
	// sorted on import: only a known sector stays a sector.
	Sorted bool
}

// Input is everything parsed from one or more files.
type Input struct {
	// Format is the format the records were read as.
	Format string
	// Records in file order.
	Records []Record
	// Asks and Favors come from kith's JSON export; their FriendID is the
	// id of a Record's Friend.
	Asks   []store.Ask
	Favors []store.Favor
	// Profile is the exported profile (kith's JSON export only).
	Profile *store.Profile
	// Warnings met while parsing: things dropped or repaired.
	Warnings []Warning
}

// Append adds the records and warnings of in to i (used for a folder of
// files).
func (i *Input) Append(in *Input) {
	i.Records = append(i.Records, in.Records...)
	i.Asks = append(i.Asks, in.Asks...)
	i.Favors = append(i.Favors, in.Favors...)
	i.Warnings = append(i.Warnings, in.Warnings...)
	if i.Profile == nil {
		i.Profile = in.Profile
	}
}

// Warning is something a parser or the cleaner changed or dropped.
type Warning struct {
	Source string // "file:line"
	Msg    string
}

func (w Warning) String() string {
	if w.Source == "" {
		return w.Msg
	}
	return w.Source + ": " + w.Msg
}

// ParseError is a file that cannot be read: it names the file, the line
// and the problem.
type ParseError struct {
	File string
	Line int
	Msg  string
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

// Errorf returns a *ParseError.
func Errorf(file string, line int, format string, args ...any) error {
	return &ParseError{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// Source formats a record's origin as "file:line".
func Source(file string, line int) string {
	return fmt.Sprintf("%s:%d", file, line)
}

// Date parses the dates import files write: ISO (2025-12-07), LinkedIn's
// "07 Dec 2025", RFC 3339 times and vCard's basic forms (20251207,
// 20251207T101500Z). The zero time and false when none fits.
func Date(s string) (time.Time, bool) {
	for _, layout := range []string{
		time.RFC3339Nano, "2006-01-02", "02 Jan 2006", "2 Jan 2006", "02 January 2006",
		"20060102T150405Z", "20060102T150405", "20060102", "2006-01-02T15:04:05",
		"Jan 2, 2006", "January 2, 2006", "1/2/2006",
	} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// CheckDate refuses a date the store cannot keep (store.CheckTime: the
// years 1900 to 2200) as a *ParseError naming the file and the line; field
// and value are the date as the file gives it. A parser calls it on every
// date it reads: such a date is refused, not dropped, since it is likely
// a slip the user can correct.
func CheckDate(file string, line int, field, value string, t time.Time) error {
	err := store.CheckTime(field, t)
	var fe *store.FieldError
	if !errors.As(err, &fe) {
		return err
	}
	return Errorf(file, line, "%s %s: %s; correct it in the file and import again", field, value, fe.Msg)
}
