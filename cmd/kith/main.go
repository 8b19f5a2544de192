// Command kith is a keyboard-driven terminal CRM for asking friends for
// professional help without wearing the friendships out.
//
// With no verb it opens the TUI; with a verb it runs one scriptable
// command against the same database.
package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"charm.land/fang/v2"
	"github.com/adrg/xdg"

	"kith/store"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}

// env is what a verb runs with: the store, the streams and the time.
type env struct {
	store  *store.Store
	in     io.Reader
	out    io.Writer
	err    io.Writer
	now    time.Time
	getenv func(string) string
}

// run is main without the process: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	return runAt(args, stdin, stdout, stderr, getenv, time.Now())
}

func runAt(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string, now time.Time) int {
	e := &env{in: stdin, out: stdout, err: stderr, now: now, getenv: getenv}
	root := newRoot(e)
	root.SetArgs(args)
	err := fang.Execute(context.Background(), root,
		// newRoot sets the version; kith's own man command writes where
		// cobra writes, not to os.Stdout as fang's does.
		fang.WithoutVersion(), fang.WithoutManpage(),
		fang.WithErrorHandler(func(w io.Writer, _ fang.Styles, err error) { reportError(w, err) }))
	return exitStatus(err)
}

// open sets e.store to the database of the --db flag.
func (e *env) open(dbPath string) error {
	path, err := resolveDBPath(dbPath, e.getenv)
	if err != nil {
		return err
	}
	e.store = store.New(path)
	return nil
}

// openForVerb is open with one lock deadline for the whole command:
// however many times a verb opens the database, it waits about a second in
// all. The TUI, which stays open for hours, waits per operation instead.
func (e *env) openForVerb(dbPath string) error {
	path, err := resolveDBPath(dbPath, e.getenv)
	if err != nil {
		return err
	}
	e.store = store.New(path, store.WithLockDeadline(time.Now().Add(store.DefaultLockTimeout)))
	return nil
}

// runVerb runs a verb's body with buffered output and a lazier collector.
func (e *env) runVerb(body runFunc, args []string) error {
	defer tuneGC(gcVerb)()
	// Verbs write through a buffer: a 10,000-row list is one write, not
	// 10,000.
	out := e.out
	bw := bufio.NewWriter(out)
	e.out = bw
	defer func() { e.out = out }()
	err := body(e, args)
	if ferr := bw.Flush(); err == nil && ferr != nil {
		err = ferr
	}
	return err
}

// versionString is kith's version as the Go toolchain stamped it, or
// "(devel)", followed by the VCS revision when there is one:
// "v1.2.0 (3308722)".
func versionString(info *debug.BuildInfo, ok bool) string {
	version := "(devel)"
	if ok && info.Main.Version != "" {
		version = info.Main.Version
	}
	if !ok {
		return version
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && s.Value != "" {
			version += " (" + s.Value[:min(len(s.Value), 7)] + ")"
		}
	}
	return version
}

// reportError prints err for the user: "kith: " and the message, and the
// hint of a usage error on the next line. An exit status alone (check's
// hold) prints nothing.
func reportError(w io.Writer, err error) {
	var code *exitError
	if errors.As(err, &code) {
		if code.err != nil {
			fmt.Fprintf(w, "kith: %s\n", printableBlock(code.err.Error()))
		}
		return
	}
	// Errors quote names and values from the database and the command
	// line (an ambiguous name lists the friends it matches).
	fmt.Fprintf(w, "kith: %s\n", printableBlock(err.Error()))
	var usage *usageError
	if errors.As(err, &usage) && usage.hint != "" {
		fmt.Fprintln(w, printableBlock(usage.hint))
	}
}

// exitStatus is the exit status for err: 0, 1 for an error, 2 for a
// mistake in how kith was called, or an exitError's own.
func exitStatus(err error) int {
	var code *exitError
	var usage *usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &code):
		return code.code
	case errors.As(err, &usage):
		return 2
	}
	return 1
}

// resolveDBPath picks the database: --db, else $KITH_DB, else the XDG data
// directory.
func resolveDBPath(flagPath string, getenv func(string) string) (string, error) {
	p := flagPath
	if p == "" {
		p = getenv("KITH_DB")
	}
	if p == "" {
		dataHome := getenv("XDG_DATA_HOME")
		if dataHome == "" || !filepath.IsAbs(dataHome) {
			dataHome = xdg.DataHome
		}
		p = filepath.Join(dataHome, "kith", "kith.db")
	}
	if strings.HasPrefix(p, "~/") {
		if home := getenv("HOME"); home != "" {
			p = filepath.Join(home, p[2:])
		}
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", fmt.Errorf("database path %q: %v", p, err)
	}
	return abs, nil
}

// usageError is a mistake in how kith was called: exit status 2.
type usageError struct {
	msg  string
	hint string
}

func (e *usageError) Error() string { return e.msg }

func usageErrorf(format string, a ...any) *usageError {
	return &usageError{msg: fmt.Sprintf(format, a...)}
}

func (e *usageError) withHint(h string) *usageError { e.hint = h; return e }

// exitError carries a specific exit status (3 hold, 4 block).
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

// exitCode returns an error that makes kith exit with code, printing err
// (if not nil) to stderr.
func exitCode(code int, err error) error { return &exitError{code: code, err: err} }

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
