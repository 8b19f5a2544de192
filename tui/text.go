package tui

import (
	"errors"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"kith/store"
)

// errText is err as a screen says it: a store.FieldError without its
// field's name (the screen shows what the field is), anything else whole.
func errText(err error) string {
	var fe *store.FieldError
	if errors.As(err, &fe) {
		return fe.Msg
	}
	return err.Error()
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// clean makes record text safe to show on one line.
func clean(s string) string { return store.CleanText(s, false) }

// fit truncates plain (unstyled) s to w cells with an ellipsis and pads it
// with spaces to exactly w cells. Wide runes (CJK, emoji) count as two.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := ansi.StringWidth(s)
	if sw > w {
		s = ansi.Truncate(s, w, "…")
		sw = ansi.StringWidth(s)
	}
	if sw < w {
		s += strings.Repeat(" ", w-sw)
	}
	return s
}

// trunc truncates s (which may be styled) to w cells without padding.
func trunc(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// clip makes a block exactly w cells wide and h lines tall: longer lines
// are cut, shorter ones padded, extra lines dropped, missing ones added.
func clip(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	var b strings.Builder
	for i := 0; i < h; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		l := ""
		if i < len(lines) {
			l = lines[i]
		}
		lw := ansi.StringWidth(l)
		if lw > w {
			l = ansi.Truncate(l, w, "")
			lw = ansi.StringWidth(l)
		}
		b.WriteString(l)
		if lw < w {
			b.WriteString(strings.Repeat(" ", w-lw))
		}
	}
	return b.String()
}

// wrap soft-wraps plain text to w cells.
func wrap(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, strings.Split(ansi.Wrap(para, w, " "), "\n")...)
	}
	return out
}

// date formats t as a calendar day, "—" when zero.
func date(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Local().Format("2006-01-02")
}

// matchSpan is where folded query q (store.Fold) first matches s, as byte
// offsets into s, matching as the filter does (no case, no accents);
// ok is false when it does not.
func matchSpan(s, q string) (start, end int, ok bool) {
	if q == "" {
		return 0, 0, false
	}
	var buf []byte
	for i := range s {
		buf = buf[:0]
		for j, r := range s[i:] {
			buf = store.AppendFoldRune(buf, r)
			if len(buf) >= len(q) {
				if strings.HasPrefix(string(buf), q) {
					return i, i + j + utf8.RuneLen(r), true
				}
				break
			}
			if !strings.HasPrefix(q, string(buf)) {
				break
			}
		}
	}
	return 0, 0, false
}

// markMatch is cell (plain text, fitted) with the first match of folded
// q styled by st.
func markMatch(cell, q string, st interface{ Render(...string) string }) string {
	a, b, ok := matchSpan(cell, q)
	if !ok {
		return cell
	}
	return cell[:a] + st.Render(cell[a:b]) + cell[b:]
}
