// Package formats picks the reader for an import file: by the name the
// user gave (--format) or, without one, from the file's content.
package formats

import (
	"bytes"
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
func Parse(data []byte, name, format string) (*importer.Input, string, error) {
	if format == "" {
		head := data
		if len(head) > 64<<10 {
			head = head[:64<<10]
		}
		if format = Detect(head); format == "" {
			return nil, "", Unrecognised(name, head)
		}
	} else if err := Check(format); err != nil {
		return nil, "", err
	}
	in, err := parser(format)(bytes.NewReader(data), name)
	if err != nil {
		return nil, format, err
	}
	in.Format = format
	return in, format, nil
}

// Load reads the file or folder at path. A folder is a vdir: every .vcf
// file in it is read as vCard. It returns the format used.
func Load(path, format string) (*importer.Input, string, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, "", fmt.Errorf("import %s: %w", path, err)
	}
	if info.IsDir() {
		if format != "" && format != VCard {
			return nil, "", fmt.Errorf("%s is a folder: only --format vcard reads a folder (a vdir of .vcf files)", path)
		}
		in, err := vcard.ParseDir(path)
		return in, VCard, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, "", fmt.Errorf("import %s: %w", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, kithjson.MaxFileSize+1))
	if err != nil {
		return nil, "", fmt.Errorf("import %s: %w", path, err)
	}
	return Parse(data, path, format)
}
