package main

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"github.com/hbollon/go-edlib"
	mcobra "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// newRoot is the command tree: the TUI at its root, the verbs of the
// table under it, kith's man page, and cobra's help and completion
// (completion checking its shell like any argument).
func newRoot(e *env) *cobra.Command {
	var dbPath string
	root := &cobra.Command{
		Use:   "kith",
		Short: "ask friends for professional help without wearing the friendships out",
		Long: `kith: ask friends for professional help without wearing the friendships out.

With no command it opens the TUI; a command runs once against the same database: --db PATH, else $KITH_DB, else $XDG_DATA_HOME/kith/kith.db (~/.local/share/kith/kith.db). FRIEND is an id, a full name or a unique part of a name (case-insensitive).`,
		Args: unknownCommand,
		RunE: func(*cobra.Command, []string) error {
			if err := e.open(dbPath); err != nil {
				return err
			}
			return runTUI(e)
		},
	}
	root.SetIn(e.in)
	root.SetOut(e.out)
	root.SetErr(e.err)
	root.PersistentFlags().StringVar(&dbPath, dbFlag, "", "the database file (default $KITH_DB, else $XDG_DATA_HOME/kith/kith.db)")
	root.SetFlagErrorFunc(flagError)
	root.Version = versionString(debug.ReadBuildInfo())
	root.SetVersionTemplate("kith {{.Version}}\n")
	root.AddGroup(
		&cobra.Group{ID: groupFriends, Title: groupFriends},
		&cobra.Group{ID: groupAsks, Title: groupAsks},
		&cobra.Group{ID: groupData, Title: groupData},
		&cobra.Group{ID: groupMore, Title: groupMore},
	)
	root.SetHelpCommandGroupID(groupMore)
	root.SetCompletionCommandGroupID(groupMore)
	for _, c := range commands() {
		root.AddCommand(c.build(e, &dbPath))
	}
	root.AddCommand(manCommand())
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Args, c.RunE = cobra.ArbitraryArgs, unknownShell
		}
	}
	return root
}

// dbFlag is the global flag that names the database.
const dbFlag = "db"

// build makes the cobra command of c: its flags declared, its arguments
// checked, and its body run with the store of --db.
func (c command) build(e *env, dbPath *string) *cobra.Command {
	use := strings.Join(append([]string{c.name}, c.args...), " ")
	if c.usage != "" {
		use += " " + c.usage
	}
	long := c.long
	if long == "" {
		long = c.summary
	}
	cc := &cobra.Command{
		Use:     use,
		Short:   c.summary,
		Long:    capitalize(long) + ".",
		GroupID: c.group,
		Args:    c.checkArgs,
	}
	if !slices.Contains(c.args, "PATH") && !slices.Contains(c.args, "FILE") {
		cc.ValidArgsFunction = cobra.NoFileCompletions
	}
	body := c.flags(flagSet{cc.Flags(), cc})
	cc.RunE = func(_ *cobra.Command, args []string) error {
		if err := e.openForVerb(*dbPath); err != nil {
			return err
		}
		return e.runVerb(body, args)
	}
	return cc
}

// checkArgs demands exactly c's positional arguments.
func (c command) checkArgs(_ *cobra.Command, args []string) error {
	if len(args) == len(c.args) || len(args) == 0 && c.argsOptional {
		return nil
	}
	var err *usageError
	switch len(c.args) {
	case 0:
		err = usageErrorf("%s: unexpected argument %q", c.name, args[0])
	case 1:
		err = usageErrorf("%s: want exactly one %s, got %s", c.name, c.args[0], plural(len(args), "argument"))
	default:
		err = usageErrorf("%s: want %s and %s, got %s", c.name, strings.Join(c.args[:len(c.args)-1], ", "), c.args[len(c.args)-1], plural(len(args), "argument"))
	}
	hint := c.argHint
	if hint == "" {
		hint = fmt.Sprintf("run 'kith %s --help' for usage", c.name)
		if len(c.args) > 0 {
			hint += " (quote names with spaces)"
		}
	}
	return err.withHint(hint)
}

// unknownCommand is the root's check of its arguments: with none it opens
// the TUI; the first is a command kith does not know.
func unknownCommand(c *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	var names []string
	for _, sub := range c.Commands() {
		if !sub.Hidden {
			names = append(names, sub.Name())
		}
	}
	err := usageErrorf("unknown command %q", args[0])
	if s := nearest(args[0], names); len(s) > 0 {
		return err.withHint(fmt.Sprintf("did you mean %s? (run 'kith --help' for the list of commands)", orList(s, "")))
	}
	return err.withHint("run 'kith --help' for the list of commands")
}

// unknownShell runs when completion is given no shell, or one it has no
// script for (cobra's completion would print its help and exit 0).
func unknownShell(c *cobra.Command, args []string) error {
	var shells []string
	for _, sub := range c.Commands() {
		if !sub.Hidden {
			shells = append(shells, sub.Name())
		}
	}
	hint := "run 'kith completion --help' for how to install a script"
	if len(args) == 0 {
		return usageErrorf("completion: want a shell: %s or %s", strings.Join(shells[:len(shells)-1], ", "), shells[len(shells)-1]).withHint(hint)
	}
	if s := nearest(args[0], shells); len(s) > 0 {
		hint = fmt.Sprintf("did you mean %s? (%s)", orList(s, ""), hint)
	}
	return usageErrorf("completion: unknown shell %q", args[0]).withHint(hint)
}

// flagError turns pflag's errors into usage errors naming the flag and
// the fix.
func flagError(c *cobra.Command, err error) error {
	hint := fmt.Sprintf("run '%s --help' for its flags", c.CommandPath())
	var bad *pflag.InvalidValueError
	var none *pflag.ValueRequiredError
	var unknown *pflag.NotExistError
	switch {
	case errors.As(err, &bad):
		want := "a valid value"
		switch bad.GetFlag().Value.Type() {
		case "int", "int64":
			want = "a whole number"
		case "bool":
			want = "true or false"
		}
		return usageErrorf("--%s: %q is not %s", bad.GetFlag().Name, bad.GetValue(), want).withHint(hint)
	case errors.As(err, &none):
		return usageErrorf("--%s needs a value", none.GetFlag().Name).withHint(hint)
	case errors.As(err, &unknown) && unknown.GetSpecifiedShortnames() == "":
		var names []string
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if !f.Hidden {
				names = append(names, f.Name)
			}
		})
		if s := nearest(unknown.GetSpecifiedName(), names); len(s) > 0 {
			hint = fmt.Sprintf("did you mean %s? (%s)", orList(s, "--"), hint)
		}
	}
	return usageErrorf("%v", err).withHint(hint)
}

// nearest is the names nearest to typed: those the fewest edits away, at
// most two, where swapping two neighbouring letters is one edit ("lsit"
// is one from "list", two from "edit"); else those that start with typed.
func nearest(typed string, names []string) []string {
	typed = strings.ToLower(typed)
	var near, prefixed []string
	best := 3
	for _, n := range names {
		switch d := edlib.OSADamerauLevenshteinDistance(typed, strings.ToLower(n)); {
		case d < best:
			best, near = d, []string{n}
		case d == best:
			near = append(near, n)
		}
		if strings.HasPrefix(n, typed) {
			prefixed = append(prefixed, n)
		}
	}
	if len(near) > 0 {
		return near
	}
	return prefixed
}

// orList quotes names, each after prefix, as `"a", "b" or "c"`.
func orList(names []string, prefix string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(prefix + n)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// manCommand prints kith's manual page, made from the command tree.
func manCommand() *cobra.Command {
	return &cobra.Command{
		Use:     "man",
		GroupID: groupMore,
		Short:   "print the manual page (roff): kith man > ~/.local/share/man/man1/kith.1",
		Long:    "Print kith's manual page, in roff, made from the same table as --help: kith man > ~/.local/share/man/man1/kith.1, then man kith.",
		Args:    command{name: "man"}.checkArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			page, err := mcobra.NewManPage(1, c.Root())
			if err != nil {
				return err
			}
			_, err = io.WriteString(c.OutOrStdout(), page.Build(roff.NewDocument()))
			return err
		},
		ValidArgsFunction: cobra.NoFileCompletions,
	}
}
