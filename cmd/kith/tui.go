package main

import (
	"errors"
	"os"

	tea "charm.land/bubbletea/v2"
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
	m := tui.New(tui.Options{
		Store:       e.store,
		Judge:       tui.PolicyJudge,
		NoColor:     e.getenv("NO_COLOR") != "",
		Templates:   dirFS(templateDir(e.getenv)),
		TemplateDir: templateDir(e.getenv),
		Getenv:      e.getenv,
	})
	_, err := tea.NewProgram(m, tea.WithInput(in), tea.WithOutput(out)).Run()
	return err
}
