package formats

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"kith/store"
	"kith/store/importer"
)

// expects says, for each format in Names order, what Detect looks for.
var expects = []struct{ format, what string }{
	{VCard, "vCard 2.1, 3.0 or 4.0: the file starts with BEGIN:VCARD (or is a folder of .vcf files)"},
	{LinkedIn, "LinkedIn's Connections.csv: a header First Name,Last Name,URL,Email Address,Company,Position,Connected On"},
	{Google, "Google Contacts CSV: a header with E-mail 1 - Value or Phone 1 - Value (or, in its older form, Given Name and Family Name)"},
	{CSV, "any CSV whose first line names its columns: Name (or First Name, Last Name) and others such as Email, Phone, Company, Job Title, Notes, Categories; separated by commas, semicolons or tabs"},
	{JSON, "a kith JSON export (kith export)"},
}

// Unrecognised is the error for a file Detect cannot place: it names the
// file, says what its first line holds, what each format needs, and how
// to name one with --format. data is the file, or its start.
func Unrecognised(name string, data []byte) error {
	if len(data) > 64<<10 {
		data = data[:64<<10]
	}
	var b strings.Builder
	b.WriteString("cannot tell the format from the content")
	text, enc := importer.DecodeText(data)
	line := text
	if i := bytes.IndexByte(text, '\n'); i >= 0 {
		line = text[:i]
	}
	line = bytes.TrimSpace(line)
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		b.WriteString(": it is a zip archive. LinkedIn's export comes as one: unzip it and import the Connections.csv inside. An Excel workbook is one too: save it as CSV UTF-8 first")
	case len(bytes.TrimSpace(text)) == 0:
		b.WriteString(": the file is empty")
	case bytes.IndexByte(text, 0) >= 0:
		b.WriteString(": it is not text (a spreadsheet or another program's own file?); export it as vCard or CSV first")
	default:
		fmt.Fprintf(&b, ": its first line reads %s", strconv.Quote(cut(store.CleanText(string(line), false), 160)))
		if hs := importer.HeaderFields(line); len(hs) > 1 {
			fmt.Fprintf(&b, " (%d columns separated by %s", len(hs), sepName(importer.Separator(string(line))))
			if enc != importer.UTF8 {
				fmt.Fprintf(&b, ", in %s", enc)
			}
			b.WriteString(")")
		}
	}
	b.WriteString(".\nkith reads these formats:\n")
	for _, e := range expects {
		fmt.Fprintf(&b, "  %-9s %s\n", e.format, e.what)
	}
	file := name
	if strings.ContainsAny(file, " \t'\"") {
		file = strconv.Quote(file)
	}
	fmt.Fprintf(&b, "If the file is one of them, name it: kith import %s --format csv (or vcard, linkedin, google, json). "+
		"A CSV whose columns have other names (in another language, say) is read as csv once its first line names them as above.", file)
	return importer.Errorf(name, 1, "%s", b.String())
}

func sepName(c rune) string {
	switch c {
	case ';':
		return "semicolons"
	case '\t':
		return "tabs"
	}
	return "commas"
}

// cut shortens s to n characters, marking the cut.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for j := range s {
		if i == n {
			return s[:j] + "…"
		}
		i++
	}
	return s
}
