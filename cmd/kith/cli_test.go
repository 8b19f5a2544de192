package main

import (
	"bytes"
	"os"
	"regexp"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// kithArgs runs the CLI with exactly args (no --db added) and returns
// stdout, stderr and the status.
func kithArgs(t *testing.T, env map[string]string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := runAt(args, strings.NewReader(""), &out, &errb, func(k string) string { return env[k] }, testNow)
	return out.String(), errb.String(), code
}

// tree is the whole command tree as kith runs it, with the help and
// completion commands cobra adds on execution.
func tree(t *testing.T) *cobra.Command {
	t.Helper()
	root := newRoot(&env{})
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	root.InitDefaultHelpFlag()
	root.InitDefaultVersionFlag()
	return root
}

// accepted is every flag c accepts, as "--name" (and "-x" for a
// shorthand), the inherited --db and --help included.
func accepted(c *cobra.Command) []string {
	c.InitDefaultHelpFlag()
	var names []string
	add := func(f *pflag.Flag) {
		if f.Hidden || slices.Contains(names, "--"+f.Name) {
			return
		}
		names = append(names, "--"+f.Name)
		if f.Shorthand != "" {
			names = append(names, "-"+f.Shorthand)
		}
	}
	c.LocalFlags().VisitAll(add)
	c.InheritedFlags().VisitAll(add)
	sort.Strings(names)
	return names
}

var helpFlagRe = regexp.MustCompile(`^\s+(?:-([a-z]) )?--([a-z][a-z0-9-]*)\s`)

// TestVerbHelpListsExactlyItsFlags runs `kith VERB --help` for every verb
// of the table and compares the flags it lists with those the verb
// accepts, each written as --flag.
func TestVerbHelpListsExactlyItsFlags(t *testing.T) {
	root := tree(t)
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			cc, _, err := root.Find([]string{c.name})
			if err != nil {
				t.Fatal(err)
			}
			out, errs, code := kithArgs(t, nil, c.name, "--help")
			if code != 0 || errs != "" {
				t.Fatalf("exit %d, stderr %q", code, errs)
			}
			if !strings.Contains(out, "kith "+cc.Use) {
				t.Errorf("help lacks the usage line %q:\n%s", "kith "+cc.Use, out)
			}
			_, flagsPart, ok := strings.Cut(out, "FLAGS")
			if !ok {
				t.Fatalf("help has no FLAGS section:\n%s", out)
			}
			var listed []string
			for _, line := range strings.Split(flagsPart, "\n") {
				if m := helpFlagRe.FindStringSubmatch(line); m != nil {
					listed = append(listed, "--"+m[2])
					if m[1] != "" {
						listed = append(listed, "-"+m[1])
					}
				}
			}
			sort.Strings(listed)
			if want := accepted(cc); !slices.Equal(listed, want) {
				t.Errorf("help lists %v, want %v:\n%s", listed, want, out)
			}
			for _, want := range []string{"--db", "--help"} {
				if !slices.Contains(listed, want) {
					t.Errorf("help does not list the global %s", want)
				}
			}
			// Go's flag package wrote "-kind": no flag is written so.
			if m := regexp.MustCompile(`(?m)(^|\s)-[a-z][a-z-]+`).FindString(out); m != "" {
				t.Errorf("help writes a flag with one dash: %q\n%s", m, out)
			}
		})
	}
}

func TestRootHelpListsEveryVerb(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		out, _, code := kithArgs(t, nil, args...)
		if code != 0 {
			t.Errorf("kith %v: exit %d", args, code)
		}
		for _, c := range commands() {
			if !regexp.MustCompile(`(?m)^\s+` + c.name + `\b.*` + regexp.QuoteMeta(capitalize(c.summary))).MatchString(out) {
				t.Errorf("kith %v lacks %s and its summary:\n%s", args, c.name, out)
			}
		}
	}
	out, _, code := kithArgs(t, nil, "help", "outcome")
	if code != 0 || !strings.Contains(out, "kith outcome ASK") || !strings.Contains(out, "--thanked") {
		t.Errorf("kith help outcome: exit %d\n%s", code, out)
	}
}

func TestUnknownCommandSuggestsTheNearest(t *testing.T) {
	tests := []struct{ typed, want string }{
		{"lsit", `did you mean "list"?`},           // a swap is nearer than edit's two changes
		{"ad", `did you mean "add"?`},              // a letter short
		{"imprt", `did you mean "import"?`},        // a letter short, far from export
		{"expo", `did you mean "export"?`},         // a beginning
		{"LIST", `did you mean "list"?`},           // case
		{"frobnicate", "run 'kith --help' for"},    // nothing near
		{"demos", `did you mean "demo"?`},          // a letter long
		{"chek", `did you mean "check"?`},          // a letter short
		{"helpp", `did you mean "help"?`},          // cobra's own commands too
		{"complete", `did you mean "completion"?`}, // a beginning
	}
	for _, tt := range tests {
		db := tempDB(t)
		out, errs, code := kith(t, db, tt.typed)
		if code != 2 || out != "" || !strings.Contains(errs, `kith: unknown command "`+tt.typed+`"`) || !strings.Contains(errs, tt.want) {
			t.Errorf("kith %s: exit %d, stdout %q, stderr %q; want 2, `unknown command` and %q", tt.typed, code, out, errs, tt.want)
		}
		if strings.Contains(errs, "did you mean") && strings.Count(errs, `"?`)+strings.Count(errs, `" or "`) != 1 {
			t.Errorf("kith %s: want one suggestion, got %q", tt.typed, errs)
		}
		if _, err := os.Stat(db); err == nil {
			t.Errorf("kith %s created the database", tt.typed)
		}
	}
}

func TestFlagErrorsNameTheFlagAndTheFix(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"add", "A", "--orgg", "Acme"}, []string{"unknown flag: --orgg", `did you mean "--org"?`, "run 'kith add --help' for its flags"}},
		{[]string{"add", "A", "--colour", "red"}, []string{"unknown flag: --colour", "run 'kith add --help' for its flags"}},
		{[]string{"add", "A", "--closeness", "x"}, []string{`--closeness: "x" is not a whole number`, "kith add --help"}},
		{[]string{"who", "--kind", "chat", "--limit=lots"}, []string{`--limit: "lots" is not a whole number`}},
		{[]string{"outcome", "1", "--thanked=maybe"}, []string{`--thanked: "maybe" is not true or false`}},
		{[]string{"ask", "A", "--kind"}, []string{"--kind needs a value", "kith ask --help"}},
		{[]string{"list", "-x"}, []string{"unknown shorthand flag", "kith list --help"}},
		{[]string{"--bogus"}, []string{"unknown flag: --bogus", "run 'kith --help' for its flags"}},
		{[]string{"list", "--version"}, []string{"unknown flag: --version"}},
	}
	for _, tt := range tests {
		db := tempDB(t)
		_, errs, code := kith(t, db, tt.args...)
		if code != 2 || !strings.HasPrefix(errs, "kith: ") {
			t.Errorf("kith %q: exit %d, stderr %q; want 2 and kith: …", tt.args, code, errs)
		}
		for _, w := range tt.want {
			if !strings.Contains(errs, w) {
				t.Errorf("kith %q: stderr %q lacks %q", tt.args, errs, w)
			}
		}
		if _, err := os.Stat(db); err == nil {
			t.Errorf("kith %q created the database", tt.args)
		}
	}
}

// TestFlagsWhereverTheyStand: flags before and after the positionals,
// --flag=value, repeated flags, --db before or after the verb, and --
// ending the flags.
func TestFlagsWhereverTheyStand(t *testing.T) {
	db := tempDB(t)
	env := map[string]string{}
	for _, args := range [][]string{
		{"--db", db, "add", "Ada", "--org", "Acme"},
		{"add", "--db", db, "--org=Initech", "Bo", "--sector", "a", "--sector=b"},
		{"add", "Cy", "--db=" + db, "--worked-together=true"},
		{"add", "--db", db, "--", "-Dash"},
	} {
		if _, errs, code := kithArgs(t, env, args...); code != 0 {
			t.Fatalf("kith %q: exit %d, %q", args, code, errs)
		}
	}
	out, _, _ := kithArgs(t, env, "list", "--json", "--db", db)
	for _, want := range []string{`"name": "Ada"`, `"org": "Acme"`, `"org": "Initech"`, `"sectors": [
      "a",
      "b"
    ]`, `"name": "-Dash"`, `"worked_together": true`} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %s:\n%s", want, out)
		}
	}
	// KITH_DB serves when there is no --db.
	if out, _, code := kithArgs(t, map[string]string{"KITH_DB": db}, "show", "Cy"); code != 0 || !strings.Contains(out, "Cy (id 3)") {
		t.Errorf("show with KITH_DB: exit %d\n%s", code, out)
	}
}

// TestNoVerbOpensTheTUI: kith and kith --db PATH go to the TUI, which
// refuses to start without a terminal.
func TestNoVerbOpensTheTUI(t *testing.T) {
	db := tempDB(t)
	for _, args := range [][]string{{"--db", db}, {}} {
		_, errs, code := kithArgs(t, map[string]string{"KITH_DB": db}, args...)
		if code != 1 || !strings.Contains(errs, "kith: the friend browser needs a terminal") {
			t.Errorf("kith %q: exit %d, stderr %q; want the TUI's refusal", args, code, errs)
		}
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"-v"}} {
		out, errs, code := kithArgs(t, nil, args...)
		if want := "kith " + versionString(debug.ReadBuildInfo()) + "\n"; code != 0 || out != want {
			t.Errorf("kith %v: exit %d, stdout %q, stderr %q; want %q", args, code, out, errs, want)
		}
	}
	tests := []struct {
		name string
		info *debug.BuildInfo
		ok   bool
		want string
	}{
		{"no build info", nil, false, "(devel)"},
		{"a go run", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, true, "(devel)"},
		{"no version", &debug.BuildInfo{}, true, "(devel)"},
		{"a release", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, true, "v1.2.0"},
		{"a checkout", &debug.BuildInfo{
			Main:     debug.Module{Version: "v0.0.0-20261202011400-3308722abcde+dirty"},
			Settings: []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "33087224f106ed2a8a529e578a2feae90f837575"}},
		}, true, "v0.0.0-20261202011400-3308722abcde+dirty (3308722)"},
		{"devel with a revision", &debug.BuildInfo{
			Main:     debug.Module{Version: "(devel)"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc"}},
		}, true, "(devel) (abc)"},
	}
	for _, tt := range tests {
		if got := versionString(tt.info, tt.ok); got != tt.want {
			t.Errorf("%s: versionString = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestCompletion(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		out, errs, code := kithArgs(t, nil, "completion", shell)
		if code != 0 || !strings.Contains(out, "kith") || !strings.Contains(out, "__complete") {
			t.Errorf("completion %s: exit %d, stderr %q, %d bytes", shell, code, errs, len(out))
		}
	}
	// The shell asks kith itself: verbs, flags and the values of --kind.
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"li"}, []string{"list"}},
		{[]string{"ask", "Ada", "--kind", ""}, []string{"intro", "chat", "referral", "reference", "recommendation", "advice", "review", "other"}},
		{[]string{"outcome", "1", "--status", "h"}, []string{"helped"}},
		{[]string{"export", "--format", ""}, []string{"json", "vcard", "csv"}},
		{[]string{"profile", "--lang", ""}, []string{"en", "it"}},
		{[]string{"who", "--re"}, []string{"--ready-only"}},
	}
	for _, tt := range tests {
		out, errs, code := kithArgs(t, nil, append([]string{"__complete"}, tt.args...)...)
		if code != 0 {
			t.Errorf("__complete %q: exit %d, %q", tt.args, code, errs)
		}
		for _, w := range tt.want {
			if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(w) + `(\t|$)`).MatchString(out) {
				t.Errorf("__complete %q lacks %q:\n%s", tt.args, w, out)
			}
		}
	}
}

func TestManPage(t *testing.T) {
	out, errs, code := kithArgs(t, nil, "man")
	if code != 0 || !strings.HasPrefix(out, ".TH KITH 1 ") {
		t.Fatalf("man: exit %d, stderr %q, starts %.40q", code, errs, out)
	}
	for _, c := range commands() {
		if !strings.Contains(out, `\fB`+c.name+`\fP`) {
			t.Errorf("the man page lacks %s", c.name)
		}
	}
	for _, f := range []string{"db", "kind", "worked-together", "cooldown-days", "vcard-version"} {
		if !strings.Contains(out, `\fB--`+f) {
			t.Errorf("the man page lacks --%s", f)
		}
	}
}

// TestCompletionAndManUsage: a missing or unknown shell, or an argument
// to man, is a usage error like any other.
func TestCompletionAndManUsage(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"completion"}, "completion: want a shell: bash, fish, powershell or zsh"},
		{[]string{"completion", "bsh"}, `completion: unknown shell "bsh"`},
		{[]string{"completion", "bsh"}, `did you mean "bash"`},
		{[]string{"completion", "tcsh"}, "run 'kith completion --help'"},
		{[]string{"man", "extra"}, `man: unexpected argument "extra"`},
	}
	for _, tt := range tests {
		out, errs, code := kithArgs(t, nil, tt.args...)
		if code != 2 || out != "" || !strings.HasPrefix(errs, "kith: ") || !strings.Contains(errs, tt.want) {
			t.Errorf("kith %q: exit %d, stdout %.60q, stderr %q; want 2 and %q", tt.args, code, out, errs, tt.want)
		}
	}
}

// TestEveryChoiceFlagCompletes: wherever the table declares a flag whose
// value is one of a few words, the shell completes those words.
func TestEveryChoiceFlagCompletes(t *testing.T) {
	choices := []string{"kind", "status", "format", "lang", "vcard-version"}
	n := 0
	for _, c := range tree(t).Commands() {
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if !slices.Contains(choices, f.Name) {
				return
			}
			n++
			if _, ok := c.GetFlagCompletionFunc(f.Name); !ok {
				t.Errorf("kith %s --%s completes no values", c.Name(), f.Name)
			}
		})
	}
	if n != 15 {
		t.Errorf("found %d choice flags, want the 15 of add, edit, ask (2), check, who, draft, lint (2), outcome, profile, export (2), import and sync", n)
	}
}
