// Package formats picks the reader for an import file: by the name the
// user gave (--format) or, without one, from the file's content.
package formats

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"kith/store/googlecsv"
	"kith/store/importer"
	"kith/store/kithcsv"
	"kith/store/kithjson"
	"kith/store/linkedin"
	"kith/store/vcard"
)

// Import formats, as --format names them.
const (
	VCard    = vcard.Format
	LinkedIn = linkedin.Format
	Google   = googlecsv.Format
	CSV      = kithcsv.Format
	JSON     = kithjson.Format
)

// Names lists the import formats in the order usage messages show them.
func Names() []string { return []string{VCard, LinkedIn, Google, CSV, JSON} }

// Check returns an error naming the allowed formats when name is not one.
func Check(name string) error {
	for _, n := range Names() {
		if n == name {
			return nil
		}
	}
	return fmt.Errorf("unknown format %q (want one of %s)", name, strings.Join(Names(), ", "))
}

// Detect names the format of a file from its first bytes, or "" when
// none fits. The bytes may be UTF-8, UTF-16 or windows-1252, as the
// readers read them (see importer.DecodeText).
func Detect(head []byte) string {
	head, _ = importer.DecodeText(head)
	switch {
	case vcard.Looks(head):
		return VCard
	case kithjson.Looks(head):
		return JSON
	case linkedin.Looks(head):
		return LinkedIn
	case googlecsv.Looks(head):
		return Google
	case kithcsv.Looks(head):
		return CSV
	}
	return ""
}

// parsers maps a format to its reader.
func parser(format string) func(io.Reader, string) (*importer.Input, error) {
	switch format {
	case VCard:
		return vcard.Parse
	case LinkedIn:
		return linkedin.Parse
	case Google:
		return googlecsv.Parse
	case CSV:
		return kithcsv.Parse
	case JSON:
		return kithjson.Parse
	}
	return nil
}

// Parse reads data in format (detected from the content when format is
// ""); name is the file name for messages. It returns the format used.
// The records may read their text from data in place: data must not
// change while they are in use.
func Parse(data []byte, name, format string) (*importer.Input, string, error) {
	if format == "" {
		if format = Detect(head(data)); format == "" {
			return nil, "", Unrecognised(name, data)
		}
	} else if err := Check(format); err != nil {
		return nil, "", err
	}
	read := parser(format)
	if format == VCard {
		// the cards read in place, not from a copy (vcard.ParseBytes)
		read = func(io.Reader, string) (*importer.Input, error) { return vcard.ParseBytes(data, name) }
	}
	in, err := read(bytes.NewReader(data), name)
	if err != nil {
		return nil, format, err
	}
	in.Format = format
	return in, format, nil
}

// Source is what an import reads: a file, a folder of .vcf files (a
// vdir), or standard input.
type Source struct {
	Name   string // the path, or "stdin", for messages
	Format string // the format it is read as
	Asked  bool   // Format was named (--format), not detected
	Folder bool   // a folder of .vcf files
	Data   []byte // the file's bytes; nil for a folder
	in     *importer.Input
}

// FolderError is a folder named with a format other than vCard: only
// vCard reads a folder.
type FolderError struct{ Path, Format string }

func (e *FolderError) Error() string {
	return fmt.Sprintf("%s is a folder; only vcard reads a folder (a vdir of .vcf files), not %s", e.Path, e.Format)
}

// Open reads what an import of path reads: the file, every .vcf file of
// a folder, or, for "-", stdin. format names the format; "" detects it
// from the content (a file Detect cannot place is an Unrecognised error).
// A file larger than kithjson.MaxFileSize is refused.
func Open(path, format string, stdin io.Reader) (*Source, error) {
	if format != "" {
		if err := Check(format); err != nil {
			return nil, err
		}
	}
	s := &Source{Name: path, Format: format, Asked: format != ""}
	// What the file holds, read to one byte past the most kith reads.
	read := func(r io.Reader) ([]byte, error) { return io.ReadAll(io.LimitReader(r, kithjson.MaxFileSize+1)) }
	var data []byte
	var err error
	switch info, serr := os.Stat(path); {
	case path == "-":
		s.Name = "stdin"
		data, err = read(stdin)
	case serr != nil:
		return nil, fmt.Errorf("%s: %w", path, errors.Unwrap(serr))
	case info.IsDir():
		if format != "" && format != VCard {
			return nil, &FolderError{Path: path, Format: format}
		}
		in, err := vcard.ParseDir(path)
		if err != nil {
			return nil, err
		}
		in.Format = VCard
		s.Format, s.Folder, s.in = VCard, true, in
		return s, nil
	case info.Mode().IsRegular() && info.Size() <= kithjson.MaxFileSize:
		// os.ReadFile reads into a buffer of the file's size, where
		// io.ReadAll's grows, copy after copy: 0.3 s of the 4.2 s an
		// import of 100,000 vCards (48 MB) took.
		if data, err = os.ReadFile(path); err != nil {
			return nil, err // a *PathError: "open PATH: …", "read PATH: …"
		}
	default:
		f, oerr := os.Open(path)
		if oerr != nil {
			return nil, oerr
		}
		defer f.Close()
		data, err = read(f)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", s.Name, err)
	}
	if len(data) > kithjson.MaxFileSize {
		return nil, fmt.Errorf("%s is larger than %d MB, the most kith reads", s.Name, kithjson.MaxFileSize>>20)
	}
	s.Data = data
	if s.Format == "" {
		if s.Format = Detect(head(data)); s.Format == "" {
			return nil, Unrecognised(s.Name, data)
		}
	}
	return s, nil
}

// Records reads the source's records in its format.
func (s *Source) Records() (*importer.Input, error) {
	if s.in != nil {
		return s.in, nil
	}
	in, _, err := Parse(s.Data, s.Name, s.Format)
	return in, err
}

// head is the start of a file, enough to recognise its format.
func head(data []byte) []byte {
	if len(data) > 64<<10 {
		return data[:64<<10]
	}
	return data
}
