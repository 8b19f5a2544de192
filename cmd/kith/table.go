package main

import (
	"io"

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
	// The cells of every row, in blocks that are never copied to grow
	// (kith list at 100k adds 100,000 rows: growing one slice cost a
	// tenth of its CPU in copies); rows[i] says where row i is.
	blocks [][]cell
	rows   []span
}

// span is where a row's cells are: block, and the range in it.
type span struct{ block, lo, hi int32 }

// tableBlock is how many cells a block holds.
const tableBlock = 4096

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
	n := len(t.blocks)
	if n == 0 || len(t.blocks[n-1])+len(texts) > cap(t.blocks[n-1]) {
		t.blocks = append(t.blocks, make([]cell, 0, max(tableBlock, len(texts))))
		n++
	}
	b := t.blocks[n-1]
	lo := len(b)
	for _, s := range texts {
		s = printable(s)
		b = append(b, cell{s, cellWidth(s)})
	}
	t.blocks[n-1] = b
	t.rows = append(t.rows, span{int32(n - 1), int32(lo), int32(len(b))})
}

// len is how many rows t holds, the header's included.
func (t *table) len() int { return len(t.rows) }

// row returns row i's cells.
func (t *table) row(i int) []cell {
	r := t.rows[i]
	return t.blocks[r.block][r.lo:r.hi]
}

// cellWidth is the width of s in terminal cells, with a fast path for
// text of one cell a character (plainWidth).
func cellWidth(s string) int {
	if n, ok := plainWidth(s); ok {
		return n
	}
	return ansi.StringWidth(s)
}

// plainWidth is the width of s when every character of it takes one
// cell on its own and joins no other in a grapheme: printable ASCII and
// the Latin letters and modifiers of U+00C0-U+02FF (TestPlainWidth checks
// the range against ansi.StringWidth). Most names, organisations and
// sectors are; kith list at 100k spent a fifth of its CPU in
// ansi.StringWidth on the accented ones.
func plainWidth(s string) (int, bool) {
	n := 0
	for _, r := range s {
		if r < 0x20 || r >= 0x7f && r < 0xc0 || r > 0x2ff {
			return 0, false
		}
		n++
	}
	return n, true
}

// truncate cuts text to limit cells with an ellipsis, as ansi.Truncate
// does, and returns it with its width; plain text (plainWidth) is cut
// without ansi.
func truncate(text string, limit int) (string, int) {
	if _, ok := plainWidth(text); !ok || limit < 1 {
		text = ansi.Truncate(text, limit, "…")
		return text, cellWidth(text)
	}
	n := 0
	for i := range text {
		if n == limit-1 {
			return text[:i] + "…", limit
		}
		n++
	}
	return text, n
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
	for r := range t.len() {
		for i, c := range t.row(r) {
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
	var b []byte
	for r := range t.len() {
		row := t.row(r)
		for i, c := range row {
			text, cw := c.text, c.width
			if l := limit(i); l > 0 && cw > l {
				text, cw = truncate(text, l)
			}
			b = append(b, text...)
			if i < len(row)-1 {
				for range widths[i] - cw + 2 {
					b = append(b, ' ')
				}
			}
		}
		b = append(b, '\n')
		if len(b) >= 32<<10 || r == t.len()-1 {
			if _, err := w.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	return nil
}
