package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// Row is one CSV record with the line it starts on.
type Row struct {
	Line   int
	Fields []string
}

// Table is a CSV file read by ReadCSV: the header's columns (trimmed) and
// the rows after it.
type Table struct {
	File       string
	HeaderLine int
	Header     []string
	Rows       []Row
	// Encoding is what the file was read as (see DecodeText); Comma is
	// the field separator found in its header.
	Encoding string
	Comma    rune
	// Warnings say what reading the file guessed: its encoding, when it
	// was not UTF-8.
	Warnings []Warning
	index    map[string]int
}

// ReadCSV reads data as RFC 4180 CSV whose header is on line headerLine
// (1-based; the lines before it are skipped).
//
// The text may be UTF-8, UTF-16 or windows-1252 (see DecodeText; the
// last with a warning). The fields may be separated by commas or, as
// Windows Live Mail and Outlook in many languages write them, by
// semicolons or tabs: the header line decides (see Separator).
//
// Every row must have a field for each column of the header. A row may
// end in more fields than the header has only when those are empty
// (Google's "Outlook CSV" ends every row in a comma), and may lack only
// the trailing header columns that have no name (Thunderbird's header
// ends in a comma). A quoting error or a row of another length is a
// *ParseError naming the line.
func ReadCSV(data []byte, file string, headerLine int) (*Table, error) {
	raw := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data, enc := DecodeText(raw)
	t := &Table{File: file, HeaderLine: headerLine, Encoding: enc, Comma: ','}
	if enc == Windows1252 {
		t.Warnings = append(t.Warnings, Warning{Source: Source(file, firstInvalidLine(raw)),
			Msg: "the file is not UTF-8: read as windows-1252, as Windows programs write it; if letters look wrong, save it as UTF-8 and import again"})
	}
	off := 0
	for l := 1; l < headerLine; l++ {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			return nil, Errorf(file, l, "the file ends before its header")
		}
		off += i + 1
	}
	first := data[off:]
	if i := bytes.IndexByte(first, '\n'); i >= 0 {
		first = first[:i]
	}
	t.Comma = Separator(string(first))
	r := csv.NewReader(bytes.NewReader(data[off:]))
	r.Comma = t.Comma
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	lineOf := func(n int) int { return n + headerLine - 1 }
	named := 0 // the header's columns up to its last named one
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, Errorf(file, lineOf(pe.StartLine), "%s", pe.Err.Error())
			}
			return nil, Errorf(file, 0, "%v", err)
		}
		line, _ := r.FieldPos(0)
		if t.Header == nil {
			t.Header = make([]string, len(rec))
			t.index = make(map[string]int, len(rec))
			for i, h := range rec {
				h = strings.TrimSpace(h)
				t.Header[i] = h
				if h != "" {
					named = i + 1
				}
				if _, dup := t.index[strings.ToLower(h)]; !dup {
					t.index[strings.ToLower(h)] = i
				}
			}
			continue
		}
		if len(rec) < named {
			return nil, Errorf(file, lineOf(line), "this row has a different number of fields than the header: %d, where the header has %d; is a value with a %s in it not quoted, or is the row cut short?",
				len(rec), len(t.Header), sepName(t.Comma))
		}
		for i := len(t.Header); i < len(rec); i++ {
			if strings.TrimSpace(rec[i]) != "" {
				return nil, Errorf(file, lineOf(line), "this row has a different number of fields than the header: %d, where the header has %d, and field %d holds %q; is a value with a %s in it not quoted?",
					len(rec), len(t.Header), i+1, shorten(rec[i], 40), sepName(t.Comma))
			}
		}
		if len(rec) > len(t.Header) {
			rec = rec[:len(t.Header)]
		}
		t.Rows = append(t.Rows, Row{Line: lineOf(line), Fields: rec})
	}
	if t.Header == nil {
		return nil, Errorf(file, headerLine, "no header line")
	}
	return t, nil
}

// Separator returns the field separator of a CSV file from its header
// line: the one of comma, semicolon and tab found most often outside
// quotes, a comma when none is.
func Separator(header string) rune {
	var comma, semi, tab int
	quoted := false
	for i := 0; i < len(header); i++ {
		switch header[i] {
		case '"':
			quoted = !quoted
		case ',':
			if !quoted {
				comma++
			}
		case ';':
			if !quoted {
				semi++
			}
		case '\t':
			if !quoted {
				tab++
			}
		}
	}
	switch {
	case semi > comma && semi >= tab:
		return ';'
	case tab > comma && tab > semi:
		return '\t'
	}
	return ','
}

// HeaderFields returns the column names on the first line of data (the
// start of a CSV file, in any encoding DecodeText reads), trimmed, split
// at the separator Separator finds; nil when the line cannot be read as
// CSV.
func HeaderFields(data []byte) []string {
	data, _ = DecodeText(data)
	line := data
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		line = data[:i]
	}
	r := csv.NewReader(bytes.NewReader(line))
	r.Comma = Separator(string(line))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	rec, err := r.Read()
	if err != nil {
		return nil
	}
	for i := range rec {
		rec[i] = strings.TrimSpace(rec[i])
	}
	return rec
}

func sepName(c rune) string {
	switch c {
	case ';':
		return "semicolon"
	case '\t':
		return "tab"
	}
	return "comma"
}

// shorten cuts s to n characters, marking the cut with an ellipsis.
func shorten(s string, n int) string {
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

// Col returns the index of the column named name (case-insensitive), or
// -1.
func (t *Table) Col(name string) int {
	if i, ok := t.index[strings.ToLower(name)]; ok {
		return i
	}
	return -1
}

// Get returns row's field in column i, trimmed; "" when i is -1.
func (t *Table) Get(row Row, i int) string {
	if i < 0 || i >= len(row.Fields) {
		return ""
	}
	return strings.TrimSpace(row.Fields[i])
}

// Require returns an error naming the header line when a column is
// missing.
func (t *Table) Require(what string, names ...string) error {
	var missing []string
	for _, n := range names {
		if t.Col(n) < 0 {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		return Errorf(t.File, t.HeaderLine, "the header has no %s column (is this a %s?)", strings.Join(missing, ", "), what)
	}
	return nil
}
