package main

import (
	"errors"
	"os"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"

	"kith/tui"
)

// runTUI opens the terminal interface on e.store. It needs a terminal on
// both ends; the store is only opened inside the TUI's commands, one
// operation at a time, so the CLI can write from another shell meanwhile.
func runTUI(e *env) error {
	if err := e.store.Check(); err != nil {
		return err
	}
	in, inOK := e.in.(*os.File)
	out, outOK := e.out.(*os.File)
	if !inOK || !outOK || !term.IsTerminal(in.Fd()) || !term.IsTerminal(out.Fd()) {
		return errors.New("the friend browser needs a terminal; run a command instead (kith --help lists them)")
	}
	defer tuneGC(gcTUI)()
	// The first page is read while the program sets the terminal up.
	pre := tui.StartPreload(e.store)
	m := tui.New(tui.Options{
		Preload:     pre,
		Store:       e.store,
		Judge:       tui.PolicyJudge,
		NoColor:     e.getenv("NO_COLOR") != "",
		Templates:   dirFS(templateDir(e.getenv)),
		TemplateDir: templateDir(e.getenv),
		Getenv:      e.getenv,
	})
	_, err := tea.NewProgram(m, programOptions(in, out, os.Stdout)...).Run()
	return err
}

// programOptions are the TUI's program options on the terminal in, out.
//
//   - The colour profile: lipgloss detected it for stdout as the process
//     started (lipgloss.Writer); when out is stdout, Bubble Tea is given
//     it rather than detecting it again, which inside tmux runs `tmux
//     info` a second time: about 5 ms before the first frame at 1,000
//     friends.
//   - 120 frames a second, Bubble Tea's most: a frame is written at the
//     renderer's next tick, so this halves the wait for the first frame
//     and for each key's answer (8 ms at most instead of 17).
func programOptions(in, out, stdout *os.File) []tea.ProgramOption {
	opts := []tea.ProgramOption{tea.WithInput(in), tea.WithOutput(out), tea.WithFPS(120)}
	if out == stdout && lipgloss.Writer != nil {
		opts = append(opts, tea.WithColorProfile(lipgloss.Writer.Profile))
	}
	return opts
}
