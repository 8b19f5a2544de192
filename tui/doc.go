// Package tui is kith's Bubble Tea front end.
//
// The root Model (app.go) routes messages between screens: key and mouse
// messages go to the active screen only, everything else to the home
// screen and the active one; it draws the header (database, counts, what
// is due) and the footer (short help from the one KeyMap in keys.go, `?`
// for the full help). Screens implement Screen (screen.go) and talk back
// through commands returning pushMsg, popMsg, replaceMsg, reloadMsg and
// flashMsg. View methods only draw; Update changes the model, and I/O
// happens in commands whose messages Update applies.
//
// Screens, one file each: friends.go (the home list, filter, sort; its
// rendering and the detail pane in friends_view.go), form.go (the form
// every editor uses; form_area.go its text areas, pickers in form.go)
// with friend_form.go, favor_form.go and profile_form.go, confirm.go
// (archive and restore), gate.go and compose.go (the kind picker and the
// draft; compose_view.go renders it, compose_editor.go hands the body to
// $EDITOR, compose_mail.go the draft to the mail client, compose_name.go
// asks for your name first), whoelse.go, and asks.go (every ask; its
// outcome and thank-you in asks_outcome.go, the / filter in
// asks_filter.go, continuing a draft in asks_resume.go; rendered in
// asks_view.go, with the nudges of nudges.go). undo.go is u (store's
// Undo) on the friend list and the asks screen; mouse.go the clicks and
// the wheel.
//
// The TUI never holds the database: data.go loads it in commands, in
// three steps (the first page of friends by name with their history,
// store.Store.FirstPage, for a first frame with real badges; then every
// friend in the name order; then the facts of everyone's asks and
// favors, store.Store.NetworkFor), watches the file for writes by other
// processes, and numbers loads so a stale one never replaces a newer one.
// Every write is one store.Batch running an operation of store/ops.go
// (the ones kith's commands run), with the TUI's clock.
//
// The TUI re-derives no rule: verdicts, their levels and reasons, the
// reciprocity ledger, who else to ask and what is due come from package
// policy, which reads the dataset's facts in place (subjects.go); the
// Judge of judge.go is policy.Evaluate of policy.Likely, replaceable in
// tests. The draft templates are loaded once, before the TUI starts
// (Options.Templates).
package tui
