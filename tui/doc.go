// Package tui is kith's Bubble Tea front end.
//
// The root Model (app.go) routes messages between screens: key and mouse
// messages go to the active screen only, everything else to the home
// screen and the active one; it draws the header (database, counts) and
// the footer (short help from the one KeyMap, `?` for the full help).
// Screens implement Screen (screen.go) and talk back through commands
// returning pushMsg, popMsg, reloadMsg and flashMsg.
//
// Screens, one file each: friends.go (the home list, filter, sort; its
// rendering and the detail pane in friends_view.go), form.go (the form
// every editor uses) with friend_form.go, favor_form.go and
// profile_form.go, confirm.go (archive and restore), gate.go and
// compose.go (the kind picker and the draft; compose_view.go renders it,
// compose_editor.go hands the body to $EDITOR), whoelse.go, and asks.go
// (every ask, its outcome and thank-you; rendered in asks_view.go, with
// the nudges of nudges.go).
//
// The TUI never holds the database: data.go loads it in commands, in two
// steps (the friends for the first frame, then the heads of their asks and
// favors), watches the file for writes by other processes, and numbers
// loads so a stale one never replaces a newer one. Verdicts come from a
// Judge (judge.go; PolicyJudge in policy_judge.go).
package tui
