package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
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
	index      map[string]int
}

// ReadCSV reads data as RFC 4180 CSV whose header is on line headerLine
// (1-based; the lines before it are skipped). Every row must have as many
// fields as the header; a quoting error or a short row is a *ParseError
// naming the line.
func ReadCSV(data []byte, file string, headerLine int) (*Table, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	off := 0
	for l := 1; l < headerLine; l++ {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			return nil, Errorf(file, l, "the file ends before its header")
		}
		off += i + 1
	}
	r := csv.NewReader(bytes.NewReader(data[off:]))
	r.FieldsPerRecord = 0
	r.ReuseRecord = false
	t := &Table{File: file, HeaderLine: headerLine}
	lineOf := func(n int) int { return n + headerLine - 1 }
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				msg := pe.Err.Error()
				if errors.Is(pe.Err, csv.ErrFieldCount) {
					msg = "this row has a different number of fields than the header (" + itoa(len(t.Header)) + ")"
				}
				return nil, Errorf(file, lineOf(pe.StartLine), "%s", msg)
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
				if _, dup := t.index[strings.ToLower(h)]; !dup {
					t.index[strings.ToLower(h)] = i
				}
			}
			continue
		}
		t.Rows = append(t.Rows, Row{Line: lineOf(line), Fields: rec})
	}
	if t.Header == nil {
		return nil, Errorf(file, headerLine, "no header line")
	}
	return t, nil
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

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	if n == 0 {
		return "0"
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
