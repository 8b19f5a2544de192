package main

import (
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"kith/store"
)

// printable is s made safe to print on a terminal by store.CleanText's
// rules: escape sequences and control characters removed, line breaks and
// tabs turned into spaces. Every text printer passes what it prints from
// the database (or from anywhere else outside) through it or through
// printableBlock: data that reached the file without cleaning (from an
// older kith, say) must not drive the terminal.
func printable(s string) string { return store.CleanText(s, false) }

// printableBlock is printable keeping line breaks and tabs.
func printableBlock(s string) string { return store.CleanText(s, true) }

// table prints aligned columns, measuring text in terminal cells so wide
// characters (CJK, emoji) line up.
type table struct {
	rows [][]cell
}

type cell struct {
	text  string
	width int
}

func newTable(header ...string) *table {
	t := &table{}
	t.add(header...)
	return t
}

func (t *table) add(texts ...string) {
	r := make([]cell, len(texts))
	for i, s := range texts {
		s = printable(s)
		r[i] = cell{s, cellWidth(s)}
	}
	t.rows = append(t.rows, r)
}

// cellWidth is the width of s in terminal cells, with a fast path for
// plain ASCII (most names and organisations).
func cellWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

// write prints the table; limits caps each column's width in cells (0: no
// cap), cutting longer cells with an ellipsis.
func (t *table) write(w io.Writer, limits []int) error {
	limit := func(i int) int {
		if i < len(limits) {
			return limits[i]
		}
		return 0
	}
	var widths []int
	for _, r := range t.rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			cw := c.width
			if l := limit(i); l > 0 {
				cw = min(cw, l)
			}
			widths[i] = max(widths[i], cw)
		}
	}
	var b strings.Builder
	for _, r := range t.rows {
		b.Reset()
		for i, c := range r {
			text, cw := c.text, c.width
			if l := limit(i); l > 0 && cw > l {
				text = ansi.Truncate(text, l, "…")
				cw = cellWidth(text)
			}
			b.WriteString(text)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-cw+2))
			}
		}
		b.WriteByte('\n')
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}
