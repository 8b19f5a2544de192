package main

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestDueFitsItsWidthAndNamesEveryColumn(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Bartholomew Montgomery-Fitzwilliam")
	mustKith(t, db, "add", "خالد حمدان")
	mustKith(t, db, "ask", "Bartholomew", "--kind", "recommendation", "--status", "helped", "--at", "2026-10-01")
	mustKith(t, db, "ask", "خالد", "--kind", "advice", "--status", "helped", "--at", "2026-08-02")
	mustKith(t, db, "ask", "خالد", "--kind", "chat", "--at", "2026-11-01")
	out := mustKith(t, db, "due")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if h := strings.Fields(lines[0]); strings.Join(h, " ") != "WHAT FRIEND ASK SINCE NEXT STEP" {
		t.Errorf("header %q, want every column named", lines[0])
	}
	col := cellIndex(lines[0], "NEXT STEP")
	var steps []string
	for _, l := range lines {
		if w := cellWidth(l); w > dueWidth {
			t.Errorf("a line of %d cells, over %d:\n%s", w, dueWidth, l)
		}
		if strings.HasPrefix(l, " ") {
			// A continuation starts under the column it continues.
			if i := cellIndex(l, strings.TrimSpace(l)); i != col {
				t.Errorf("continuation at cell %d, want %d:\n%s", i, col, out)
			}
			steps[len(steps)-1] += " " + strings.TrimSpace(l)
			continue
		}
		steps = append(steps, strings.TrimSpace(ansi.TruncateLeft(l, col, "")))
	}
	want := "Bartholomew Montgomery-Fitzwilliam helped you on 1 Oct and you have logged no favor for them in 90 days: find a way to help them"
	found := false
	for _, s := range steps {
		found = found || s == want
	}
	if !found {
		t.Errorf("the wrapped step does not read whole as %q:\n%s", want, out)
	}
}
