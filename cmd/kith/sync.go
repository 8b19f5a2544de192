package main

import (
	"errors"
	"fmt"
	"strings"

	"kith/store"
	"kith/store/vcard"
	"kith/store/vsync"
)

func cmdSync(e *env, dir string, o *syncFlags) error {
	if err := vcard.CheckVersion(o.version); err != nil {
		return usageErrorf("--vcard-version: %v", err)
	}
	plan, err := vsync.Sync(e.store, dir, e.now, vsync.Options{Version: o.version, DryRun: o.dryRun})
	if errors.Is(err, vsync.ErrChanged) {
		return fmt.Errorf("sync %s: %w; the cards written are in step and the next sync finishes", dir, err)
	}
	if err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	fmt.Fprint(e.out, printableBlock(syncReport(plan)))
	if o.dryRun {
		fmt.Fprintln(e.out, "dry run: nothing was written")
	}
	return nil
}

// syncReport says what a sync did: the counts, then a line for each
// change that did something, and each file left alone.
func syncReport(p *vsync.Plan) string {
	var b strings.Builder
	counts := []struct {
		a    vsync.Action
		what string
	}{
		{vsync.AddFriend, "new friend"}, {vsync.AddCard, "new card"}, {vsync.Merge, "merged"},
		{vsync.ArchiveFriend, "archived"}, {vsync.DeleteCard, "card deleted"}, {vsync.Skip, "skipped"},
	}
	var parts []string
	for _, c := range counts {
		if n := p.Count(c.a); n > 0 {
			if c.a == vsync.AddFriend || c.a == vsync.AddCard {
				parts = append(parts, plural(n, c.what))
			} else {
				parts = append(parts, fmt.Sprintf("%d %s", n, c.what))
			}
		}
	}
	if n := p.Conflicts(); n > 0 {
		parts = append(parts, plural(n, "conflict"))
	}
	if len(parts) == 0 {
		parts = append(parts, "in step, nothing to do")
	}
	fmt.Fprintf(&b, "sync %s: %s (%d in step)\n", p.Dir, strings.Join(parts, ", "), p.Count(vsync.InStep))
	for i := range p.Changes {
		c := &p.Changes[i]
		switch c.Action {
		case vsync.InStep, vsync.Forget:
			continue
		case vsync.AddFriend:
			fmt.Fprintf(&b, "  + friend  %s (from %s)\n", c.Name, c.File)
		case vsync.AddCard:
			fmt.Fprintf(&b, "  + card    %s (%s)\n", c.Name, c.File)
		case vsync.Merge:
			var how []string
			if len(c.FromCard) > 0 {
				how = append(how, "from the card: "+fields(c.FromCard))
			}
			if len(c.FromKith) > 0 {
				how = append(how, "to the card: "+fields(c.FromKith))
			}
			fmt.Fprintf(&b, "  ~ merged  %s (%s)", c.Name, c.File)
			if len(how) > 0 {
				fmt.Fprintf(&b, ": %s", strings.Join(how, "; "))
			}
			b.WriteByte('\n')
		case vsync.ArchiveFriend:
			fmt.Fprintf(&b, "  - archived %s (%s was deleted)\n", c.Name, c.File)
		case vsync.DeleteCard:
			fmt.Fprintf(&b, "  - card    %s (%s deleted: archived in kith)\n", c.Name, c.File)
		case vsync.Skip:
			fmt.Fprintf(&b, "  ! skipped %s (%s): %s\n", c.Name, c.File, c.Why)
			continue
		}
		for _, x := range c.Conflicts {
			fmt.Fprintf(&b, "  ! conflict %s, %s: kith has %q, the card had %q: kith's kept, the card's added to the notes\n", c.Name, fieldName(x.Field), x.Kith, x.Card)
		}
		if c.Why != "" {
			fmt.Fprintf(&b, "    %s\n", c.Why)
		}
	}
	for _, pr := range p.Problems {
		fmt.Fprintf(&b, "  ! %s\n", pr)
	}
	return b.String()
}

func fields(fs []string) string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = fieldName(f)
	}
	return strings.Join(out, ", ")
}

// fieldName is a sync field as the report names it.
func fieldName(f string) string {
	switch f {
	case store.FieldEmail:
		return "e-mail"
	case store.FieldNameParts:
		return "name parts"
	case store.FieldURL:
		return "links"
	case store.FieldOrg:
		return "organisation"
	case store.FieldProps:
		return "other card properties"
	case store.FieldWorked:
		return "worked together"
	}
	return f
}
