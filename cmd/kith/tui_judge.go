package main

import "kith/tui"

// tuiJudge is how the TUI scores friends. Until the policy package's
// Evaluate is on main the badges are neutral.
func tuiJudge() tui.Judge { return tui.NeutralJudge }
