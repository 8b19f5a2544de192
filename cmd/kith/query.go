package main

import (
	"fmt"
	"strings"

	"kith/store"
)

// cmdQuery answers a mail client's address query, as mutt's query_command
// expects (and neomutt's, and aerc's address-book-cmd): a first line that
// the client shows as a message, then one line per address, "address TAB
// name TAB organisation", the format of abook --mutt-query and khard
// email --parsable. A friend matches when the term is part of their name,
// nickname or an e-mail address, ignoring case and accents (store.Fold,
// the matching of every name argument); archived friends do not. No match
// prints the message alone and exits 1, which mutt shows as the error.
func cmdQuery(e *env, term string) error {
	friends, err := e.store.Friends()
	if err != nil {
		return err
	}
	q := store.Fold(strings.TrimSpace(term))
	var lines []string
	for i := range friends {
		f := &friends[i]
		if f.Archived || len(f.Emails) == 0 {
			continue
		}
		hit := strings.Contains(store.Fold(f.Name), q) || strings.Contains(store.Fold(f.Nickname), q)
		for _, m := range f.Emails {
			if hit || strings.Contains(store.Fold(m), q) {
				lines = append(lines, queryLine(m, f.Name, f.Org))
			}
		}
	}
	if len(lines) == 0 {
		fmt.Fprintf(e.out, "kith: no friend with an e-mail address matches %q\n", printable(term))
		return exitCode(1, nil)
	}
	what := "addresses"
	if len(lines) == 1 {
		what = "address"
	}
	fmt.Fprintf(e.out, "kith: %d %s for %q\n", len(lines), what, printable(term))
	for _, l := range lines {
		fmt.Fprintln(e.out, l)
	}
	return nil
}

// queryLine is one line of the answer. mutt splits it at tabs and skips
// empty fields, so a field never holds a tab and an empty organisation is
// left off rather than written empty.
func queryLine(addr, name, org string) string {
	clean := func(s string) string { return strings.ReplaceAll(printable(s), "\t", " ") }
	l := clean(addr) + "\t" + clean(name)
	if org != "" {
		l += "\t" + clean(org)
	}
	return l
}
