package tui

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name.golden (rewritten with -update).
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./tui -run %s -update to create it)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("render differs from %s (rerun with -update if intended)\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

func TestGolden(t *testing.T) {
	sizes := []struct{ w, h int }{{80, 24}, {120, 40}}
	screens := []struct {
		name string
		net  *network
		keys []string
	}{
		{"welcome", nil, nil},
		{"list", genNetwork(300, 1), nil},
		{"filter", genNetwork(300, 1), []string{"/", "r", "o", "s"}},
		{"detail", genNetwork(300, 1), []string{"j", "j", "enter"}},
		{"sort-last", genNetwork(300, 1), []string{"s", "s"}},
		{"add-form", genNetwork(300, 1), []string{"a"}},
		{"archive", genNetwork(300, 1), []string{"d"}},
		{"help", genNetwork(300, 1), []string{"?"}},
	}
	for _, sz := range sizes {
		for _, sc := range screens {
			name := sc.name + "-" + strconv.Itoa(sz.w) + "x" + strconv.Itoa(sz.h)
			t.Run(name, func(t *testing.T) {
				m := newTestModel(t, sc.net, sz.w, sz.h)
				for _, k := range sc.keys {
					cmd := press(m, k)
					for _, msg := range runPush(cmd) {
						m.Update(msg)
					}
				}
				got := plain(m)
				checkFrame(t, got, sz.w, sz.h)
				golden(t, name, got)
			})
		}
	}
}

// runPush runs cmd and returns the push/pop messages it yields (forms and
// dialogs open this way), skipping I/O.
func runPush(cmd tea.Cmd) []tea.Msg {
	var out []tea.Msg
	var do func(tea.Cmd)
	do = func(c tea.Cmd) {
		if c == nil {
			return
		}
		switch msg := within(c, 5*time.Second).(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				do(c)
			}
		case pushMsg, popMsg, replaceMsg:
			out = append(out, msg)
		}
	}
	do(cmd)
	return out
}

// checkFrame asserts a render is exactly w×h cells.
func checkFrame(t *testing.T, got string, w, h int) {
	t.Helper()
	ls := lines(got)
	if len(ls) != h {
		t.Errorf("render has %d lines, want %d", len(ls), h)
	}
	for i, l := range ls {
		if lw := ansi.StringWidth(l); lw != w {
			t.Errorf("line %d is %d cells wide, want %d: %q", i, lw, w, l)
		}
	}
}
