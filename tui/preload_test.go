package tui

import (
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"kith/store"
	"kith/store/demo"
)

// pageCounter is a Loader counting its FirstPage reads.
type pageCounter struct {
	Loader
	pages atomic.Int32
}

func (p *pageCounter) FirstPage(n int) (*store.Page, error) {
	p.pages.Add(1)
	return p.Loader.FirstPage(n)
}

// TestPreloadIsTheFirstLoad: a first page read before the program starts
// is the model's first load (not read again), and the loads after it
// read the database as before.
func TestPreloadIsTheFirstLoad(t *testing.T) {
	st := &pageCounter{Loader: store.New(filepath.Join(t.TempDir(), "kith.db"))}
	if err := demo.Fill(st.Loader.(*store.Store), 50, 3, testNow, nil); err != nil {
		t.Fatal(err)
	}
	pre := StartPreload(st)
	m := New(Options{Store: st, Judge: fakeJudge, Now: func() time.Time { return testNow }, NoColor: true, Preload: pre})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	msg, ok := within(m.startLoad(), 5*time.Second).(loadedMsg)
	if !ok || msg.err != nil || msg.seq != 1 || !msg.data.page {
		t.Fatalf("the first load gave %+v, want the preloaded first page", msg)
	}
	if n := st.pages.Load(); n != 1 {
		t.Errorf("the first page was read %d times, want once (the preload)", n)
	}
	run(t, m, m.handleLoaded(msg))
	if m.home.d.partial || m.home.d.len() != 50 {
		t.Errorf("after the preloaded page: partial %v, %d friends; want the whole load", m.home.d.partial, m.home.d.len())
	}
	if msg := within(m.startLoad(), 5*time.Second).(loadedMsg); msg.seq != 2 || st.pages.Load() != 2 {
		t.Errorf("the next load: seq %d, %d page reads; want 2 and a read of its own", msg.seq, st.pages.Load())
	}
}

// TestTemplatesReadAfterTheFirstPage: the draft templates Init reads
// wait for the first load's answer (the first frame does not share the
// processor with them), even a failed one.
func TestTemplatesReadAfterTheFirstPage(t *testing.T) {
	m := New(Options{Store: fixedPath{store.New(filepath.Join(t.TempDir(), "k.db")), "k.db"}, Judge: fakeJudge,
		Now: func() time.Time { return testNow }, NoColor: true})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	var tmpl []tea.Cmd
	for _, c := range flatten(m.Init()) {
		if _, ok := within(c, 50*time.Millisecond).(templatesMsg); ok {
			t.Fatal("Init's templates were read before the first load landed")
		}
		tmpl = append(tmpl, c) // not answered yet: still waiting
	}
	m.handleLoaded(loadedMsg{seq: 1, err: store.ErrLocked})
	got := 0
	for _, c := range tmpl {
		if _, ok := within(c, 5*time.Second).(templatesMsg); ok {
			got++
		}
	}
	if got != 1 {
		t.Errorf("once the first load landed, %d commands read the templates, want 1", got)
	}
}

// flatten is the commands of cmd, batches opened: those that answer at
// once as their answer, the others (a tick, a command that waits) as
// they are, to be run again.
func flatten(cmd tea.Cmd) []tea.Cmd {
	if cmd == nil {
		return nil
	}
	msg := within(cmd, 50*time.Millisecond)
	switch msg := msg.(type) {
	case nil:
		return []tea.Cmd{cmd}
	case tea.BatchMsg:
		var out []tea.Cmd
		for _, c := range msg {
			out = append(out, flatten(c)...)
		}
		return out
	}
	return []tea.Cmd{func() tea.Msg { return msg }}
}
