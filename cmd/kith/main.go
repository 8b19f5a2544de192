// Command kith is a keyboard-driven terminal CRM for asking friends for
// professional help without wearing the friendships out.
//
// With no verb it opens the TUI; with a verb it runs one scriptable
// command against the same database.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/adrg/xdg"

	"kith/store"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}

// cliGCPercent is GOGC for a verb.
const cliGCPercent = 400

// env is what a verb runs with: the store, the streams and the time.
type env struct {
	store  *store.Store
	in     io.Reader
	out    io.Writer
	err    io.Writer
	now    time.Time
	getenv func(string) string
}

// verb is one sub-command.
type verb struct {
	name    string
	usage   string // the arguments, after "kith NAME"
	summary string
	run     func(e *env, args []string) error
}

// verbs returns the verb table, in the order help lists them.
func verbs() []verb {
	return []verb{
		{"demo", "[--friends N] [--seed S] [--force]", "fill the database with a realistic demo network", cmdDemo},
		{"add", "NAME [flags]", "add a friend", cmdAdd},
		{"edit", "FRIEND [flags]", "change a friend (same flags as add)", cmdEdit},
		{"list", "[--json] [--sector S] [--archived]", "list friends", cmdList},
		{"show", "FRIEND [--json]", "one friend with history", cmdShow},
		{"ask", "FRIEND --kind K [--at DATE] [--status S] [--topic T]", "record an ask", cmdAsk},
		{"favor", "FRIEND WHAT [--at DATE]", "record a favor you did", cmdFavor},
		{"outcome", "ASK [--status S] [--note TEXT] [--thanked] [--at DATE]", "record what became of an ask", cmdOutcome},
		{"due", "[--json]", "follow-ups, thank-yous and favors to return", cmdDue},
		{"check", "FRIEND --kind K [--sector S] [--org O] [--json]", "the verdict on asking a friend (exit 3 hold, 4 block)", cmdCheck},
		{"who", "--kind K [--sector S] [--org O] [--keywords W] [--limit N] [--ready-only] [--json]", "who else can I ask", cmdWho},
		{"draft", "FRIEND --kind K [--topic T] [--sector S] [--org O] [--force] [--json]", "draft a request that minds the etiquette", cmdDraft},
		{"profile", "[--name N] [--blurb T] [--signature S] [--lang en|it] [--cooldown-days N] [--json]", "show or set your profile", cmdProfile},
		{"export", "[--format json|vcard|csv] [--vcard-version 3.0|4.0] [-o FILE|DIR/]", "export the database (json, vcard, csv)", cmdExport},
		{"import", "PATH [--format vcard|linkedin|google|csv|json] [--dry-run]", "import contacts (vCard, LinkedIn, Google, CSV, kith JSON)", cmdImport},
		{"backup", "FILE [--force]", "write a consistent copy of the database", cmdBackup},
		{"verify", "[--repair OUT]", "check the database for damage; --repair saves what can be read", cmdVerify},
	}
}

func findVerb(name string) (verb, bool) {
	for _, v := range verbs() {
		if v.name == name {
			return v, true
		}
	}
	return verb{}, false
}

// run is main without the process: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	return runAt(args, stdin, stdout, stderr, getenv, time.Now())
}

func runAt(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string, now time.Time) int {
	err := dispatch(args, stdin, stdout, stderr, getenv, now)
	if err == nil {
		return 0
	}
	var code *exitError
	if errors.As(err, &code) {
		if code.err != nil {
			fmt.Fprintf(stderr, "kith: %v\n", code.err)
		}
		return code.code
	}
	var usage *usageError
	if errors.As(err, &usage) {
		fmt.Fprintf(stderr, "kith: %v\n", usage.msg)
		if usage.hint != "" {
			fmt.Fprintln(stderr, usage.hint)
		}
		return 2
	}
	fmt.Fprintf(stderr, "kith: %v\n", err)
	return 1
}

func dispatch(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string, now time.Time) error {
	global := flag.NewFlagSet("kith", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	dbPath := global.String("db", "", "database `path`")
	help := global.Bool("help", false, "")
	global.BoolVar(help, "h", false, "")
	if err := global.Parse(args); err != nil {
		return usageErrorf("%v", err).withHint("run 'kith --help' for usage")
	}
	if *help {
		printUsage(stdout)
		return nil
	}
	rest := global.Args()
	if len(rest) > 0 && rest[0] == "help" {
		if len(rest) > 1 {
			if v, ok := findVerb(rest[1]); ok {
				return v.run(&env{out: stdout, err: stderr}, []string{"--help"})
			}
		}
		printUsage(stdout)
		return nil
	}
	e := &env{in: stdin, out: stdout, err: stderr, now: now, getenv: getenv}
	var v verb
	if len(rest) > 0 {
		var ok bool
		if v, ok = findVerb(rest[0]); !ok {
			return usageErrorf("unknown command %q", rest[0]).withHint("run 'kith --help' for the list of commands")
		}
		rest = rest[1:]
		// A verb may also be given --db after its name.
		rest, *dbPath = extractDB(rest, *dbPath)
	}
	path, err := resolveDBPath(*dbPath, getenv)
	if err != nil {
		return err
	}
	// One lock deadline for the whole command: however many times it
	// opens the database, it waits about a second in all.
	e.store = store.New(path, store.WithLockDeadline(time.Now().Add(store.DefaultLockTimeout)))
	if v.run == nil {
		return runTUI(e)
	}
	// A verb is one short run: collect garbage when the heap has grown
	// five-fold, not two-fold (a third of `kith list` was GC).
	defer debug.SetGCPercent(debug.SetGCPercent(cliGCPercent))
	// Verbs write through a buffer: a 10,000-row list is one write, not
	// 10,000.
	bw := bufio.NewWriter(stdout)
	e.out = bw
	err = v.run(e, rest)
	if ferr := bw.Flush(); err == nil && ferr != nil {
		err = ferr
	}
	return err
}

// extractDB takes a --db flag out of a verb's arguments.
func extractDB(args []string, current string) ([]string, string) {
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return append(out, args[i:]...), current
		case a == "--db" || a == "-db":
			if i+1 < len(args) {
				current = args[i+1]
				i++
				continue
			}
		case strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "-db="):
			current = a[strings.Index(a, "=")+1:]
			continue
		}
		out = append(out, a)
	}
	return out, current
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

func printUsage(w io.Writer) {
	fmt.Fprint(w, `kith: ask friends for professional help without wearing the friendships out.

Usage:
  kith [--db PATH]              open the TUI
  kith [--db PATH] COMMAND ...  run one command

Commands:
`)
	vs := verbs()
	width := 0
	for _, v := range vs {
		width = max(width, len(v.name))
	}
	for _, v := range vs {
		fmt.Fprintf(w, "  %-*s  %s\n", width, v.name, v.summary)
	}
	fmt.Fprint(w, `
Run 'kith COMMAND --help' for a command's flags.

The database is --db PATH, else $KITH_DB, else $XDG_DATA_HOME/kith/kith.db
(~/.local/share/kith/kith.db). FRIEND is an id, a full name or a unique part
of a name (case-insensitive).
`)
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

// newFlags returns a verb's flag set; its usage goes to e.out on --help.
func newFlags(e *env, name, args, summary string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintf(e.out, "Usage: kith %s %s\n\n%s.\n", name, args, capitalize(summary))
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		sort.Strings(names)
		if len(names) > 0 {
			fmt.Fprintln(e.out, "\nFlags:")
		}
		fs.SetOutput(e.out)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return fs
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// parseArgs parses flags wherever they stand among the positional
// arguments (kith add "Ada" --org Acme), and returns the positionals. On
// --help it prints the verb's usage and returns errHelp.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, errHelp // flag has printed the usage
			}
			return nil, usageErrorf("%s: %v", fs.Name(), err).withHint(fmt.Sprintf("run 'kith %s --help' for usage", fs.Name()))
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// errHelp means a verb's --help was printed: exit 0.
var errHelp = exitCode(0, nil)
