package tui

import (
	"image/color"
	"reflect"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// View methods only draw: scrolling is kept within the pane by Update,
// and a theme change restyles every screen's fields there too.

func TestDetailScrollStopsAtTheEnd(t *testing.T) {
	m := newTestModel(t, genNetwork(300, 1), 80, 12)
	follow(t, m, press(m, "enter")) // the detail, full screen
	f := m.home
	last := f.detailMax()
	if last == 0 {
		t.Fatal("the detail fits the pane: nothing to scroll")
	}
	for range 20 {
		press(m, "pgdown")
	}
	if f.detailOff != last {
		t.Fatalf("after 20 pgdown the detail is at line %d, want the last page, %d", f.detailOff, last)
	}
	before := f.detailOff
	_ = plain(m)
	if f.detailOff != before {
		t.Errorf("drawing moved the detail from %d to %d", before, f.detailOff)
	}
	press(m, "up")
	if f.detailOff != last-1 {
		t.Errorf("up from the end: line %d, want %d", f.detailOff, last-1)
	}
}

func TestAskDetailScrollStopsAtTheEnd(t *testing.T) {
	m := asksModel(t, 80, 12)
	as := openAsks(t, m)
	follow(t, m, press(m, "enter"))
	for range 20 {
		press(m, "pgdown")
	}
	if as.detailOff != as.detailMax() {
		t.Errorf("after 20 pgdown the ask is at line %d, want %d", as.detailOff, as.detailMax())
	}
}

func TestThemeChangeRestylesEveryScreen(t *testing.T) {
	m := newTestModel(t, nil, 80, 24)
	m.noColor = false
	m.c.styles = NewStyles(true, false)
	f := openForm(t, m, "a")
	f.restyle()
	before := f.fields[0].in.Styles()
	m.Update(tea.BackgroundColorMsg{Color: color.White}) // a light terminal
	if m.isDark {
		t.Fatal("a white background read as dark")
	}
	want := m.c.styles.Input
	if reflect.DeepEqual(before, want) {
		t.Fatal("the dark and the light theme style fields alike: nothing to test")
	}
	if got := f.fields[0].in.Styles(); !reflect.DeepEqual(got, want) {
		t.Error("the form's fields kept the old theme")
	}
	if got := m.home.filter.in.Styles(); !reflect.DeepEqual(got, want) {
		t.Error("the filter under the form kept the old theme")
	}
}
