package main

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var readmeFlagRe = regexp.MustCompile("(?:^|[\\s\\[(`|])(--?[a-z][a-z0-9-]*)")

// TestREADMEMatchesTheTable checks the README's CLI reference against the
// command tree made from the table: every command, and every flag of
// each, appears in the README's CLI section, and the README names none
// that kith lacks. A command's flags are those on its lines of the code
// block and in the paragraphs "… flags (`add`, `edit`): …"; --help is
// everyone's and said once.
func TestREADMEMatchesTheTable(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "\n## CLI\n")
	if !ok {
		t.Fatal("the README has no CLI section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	_, block, ok := strings.Cut(section, "\n```\n")
	if !ok {
		t.Fatal("the CLI section has no code block")
	}
	block, rest, _ := strings.Cut(block, "\n```\n")

	doc := map[string]map[string]bool{} // command ("" for kith itself) → flags
	var lines = map[string]string{}     // command → its lines
	cur := ""
	for _, line := range strings.Split(block, "\n") {
		if strings.HasPrefix(line, "kith") {
			cur = ""
			if f := strings.Fields(line); len(f) > 1 && !strings.HasPrefix(f[1], "[") && !strings.HasPrefix(f[1], "-") {
				cur = f[1]
			}
		}
		if doc[cur] == nil {
			doc[cur] = map[string]bool{}
		}
		lines[cur] += line + "\n"
		for _, m := range readmeFlagRe.FindAllStringSubmatch(line, -1) {
			if m[1] != "--help" && m[1] != "-h" {
				doc[cur][m[1]] = true
			}
		}
	}
	paraRe := regexp.MustCompile("(?s)(?:^\\s*|\n\n)[A-Z][a-z]* flags \\(((?:`[a-z]+`(?:, )?)+)\\): (.*?)(?:\n\n|$)")
	for _, m := range paraRe.FindAllStringSubmatch(rest, -1) {
		for _, verb := range regexp.MustCompile("`([a-z]+)`").FindAllStringSubmatch(m[1], -1) {
			if doc[verb[1]] == nil {
				t.Errorf("the README's flag paragraph names %s, which has no line in the code block", verb[1])
				doc[verb[1]] = map[string]bool{}
			}
			for _, f := range readmeFlagRe.FindAllStringSubmatch(m[2], -1) {
				doc[verb[1]][f[1]] = true
			}
		}
	}
	if len(paraRe.FindAllString(rest, -1)) == 0 {
		t.Error("the README has no flag paragraph (Friend flags (`add`, `edit`): …)")
	}
	if !strings.Contains(section, "`--help`") || !strings.Contains(section, "`--db PATH`") {
		t.Error("the CLI section does not say that every command takes --db PATH and --help")
	}

	root := tree(t)
	table := map[string][]string{"": without(accepted(root), "--help", "-h")}
	for _, c := range root.Commands() {
		if c.Hidden {
			continue
		}
		flags := accepted(c)
		for _, sub := range c.Commands() {
			flags = append(flags, accepted(sub)...)
			if !strings.Contains(lines[c.Name()], sub.Name()) {
				t.Errorf("the README's line for %s does not name %s", c.Name(), sub.Name())
			}
		}
		table[c.Name()] = without(flags, "--help", "-h", "--db")
	}
	for name, want := range table {
		got, ok := doc[name]
		if !ok {
			t.Errorf("the README's CLI reference lacks kith %s", name)
			continue
		}
		for _, f := range want {
			if !got[f] {
				t.Errorf("the README does not give kith %s's %s", name, f)
			}
		}
		for f := range got {
			if !slices.Contains(want, f) {
				t.Errorf("the README gives kith %s a flag %s that it does not accept", name, f)
			}
		}
	}
	for name := range doc {
		if _, ok := table[name]; !ok {
			t.Errorf("the README describes kith %s, which is no command", name)
		}
	}
}

// without is names less drop, each once.
func without(names []string, drop ...string) []string {
	var out []string
	for _, n := range names {
		if !slices.Contains(drop, n) && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}
