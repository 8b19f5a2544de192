package main

import (
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// table prints aligned columns, measuring text in terminal cells so wide
// characters (CJK, emoji) line up.
type table struct {
	header []string
	rows   [][]string
}

func newTable(header ...string) *table { return &table{header: header} }

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

// write prints the table; limits caps each column's width in cells (0: no
// cap), cutting longer cells with an ellipsis.
func (t *table) write(w io.Writer, limits []int) error {
	widths := make([]int, len(t.header))
	all := append([][]string{t.header}, t.rows...)
	for _, r := range all {
		for i, c := range r {
			cw := ansi.StringWidth(c)
			if i < len(limits) && limits[i] > 0 {
				cw = min(cw, limits[i])
			}
			widths[i] = max(widths[i], cw)
		}
	}
	var b strings.Builder
	for _, r := range all {
		b.Reset()
		for i, c := range r {
			if i < len(limits) && limits[i] > 0 && ansi.StringWidth(c) > limits[i] {
				c = ansi.Truncate(c, limits[i], "…")
			}
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(c)+2))
			}
		}
		b.WriteByte('\n')
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}
