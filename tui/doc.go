// Package tui is kith's Bubble Tea front end: a root model routing
// between screens, one file per screen.
package tui
