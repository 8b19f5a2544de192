package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"charm.land/bubbles/v2/progress"
	"github.com/charmbracelet/x/term"

	"kith/store"
	"kith/store/formats"
	"kith/store/importer"
	"kith/store/kithjson"
)

// progressThreshold is the number of records above which an import shows
// its progress.
const progressThreshold = 2000

func cmdImport(e *env, path string, o *importFlags) error {
	defer tuneGC(gcImport)()
	if o.format != "" {
		if err := formats.Check(o.format); err != nil {
			return usageErrorf("--format: %v", err)
		}
	}
	src, err := formats.Open(path, o.format, e.in)
	var fe *formats.FolderError
	switch {
	case errors.As(err, &fe):
		return usageErrorf("import: %v", err)
	case err != nil:
		return fmt.Errorf("import: %w; nothing was written", err)
	case src.Format == formats.JSON:
		return importJSON(e, src.Data, src.Name, o.dryRun, o.verbose)
	}
	in, err := src.Records()
	if err != nil {
		return fmt.Errorf("import: %w; nothing was written", err)
	}
	how := "detected from the content"
	switch {
	case src.Asked:
		how = "as asked"
	case src.Folder:
		how = "a folder of .vcf files"
	}
	fmt.Fprintf(e.out, "%s: %s read as %s (%s)\n", src.Name, plural(len(in.Records), "record"), src.Format, how)
	return runImport(e, in, o.dryRun, o.verbose)
}

// plural formats "1 record", "2 records".
func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// runImport plans in and, unless dry, writes the plan in one transaction.
func runImport(e *env, in *importer.Input, dry, verbose bool) error {
	opts := importer.Options{DryRun: dry, Consume: true}
	var bar *progressBar
	if !dry && len(in.Records) > progressThreshold {
		bar = newProgressBar(e.err)
		opts.Progress = bar.update
	}
	plan, err := importer.Import(e.store, in, e.now, opts)
	if bar != nil {
		bar.done()
	}
	if err != nil {
		return fmt.Errorf("import: %w; nothing was written", err)
	}
	fmt.Fprint(e.out, printableBlock(plan.Summary(verbose)))
	if dry {
		fmt.Fprintln(e.out, "dry run: nothing was written")
	}
	return nil
}

// importJSON reads a kith export. Into a database without friends it is
// restored whole (friends keep their order; ids are renumbered 1…n when they are not already); into one with friends it is merged by
// the same rules as any import (and its asks and favors follow their
// friends). Either way it is checked and repaired first by the same rules
// (kithjson.Export.Prepare): text is repaired with a warning, any other
// value kith would not have written is refused, naming the line, and
// nothing is written.
func importJSON(e *env, data []byte, name string, dry, verbose bool) error {
	x, err := kithjson.Read(bytes.NewReader(data), name)
	if err != nil {
		return fmt.Errorf("import: %w; nothing was written", err)
	}
	snap := x.Snapshot
	if snap.SchemaVersion > store.SchemaVersion() {
		return fmt.Errorf("import %s: the export has schema version %d but this kith knows only up to %d: upgrade kith; nothing was written", name, snap.SchemaVersion, store.SchemaVersion())
	}
	warns, err := x.Prepare()
	if err != nil {
		return fmt.Errorf("import: %w; nothing was written", err)
	}
	fmt.Fprintf(e.out, "%s: a kith export with %d friends, %d asks, %d favors (json)\n", name, len(snap.Friends), len(snap.Asks), len(snap.Favors))
	existing, err := e.store.Friends()
	if err != nil {
		return err
	}
	if len(existing) > 0 {
		fmt.Fprintf(e.out, "the database already has %d friends: merging\n", len(existing))
		in := x.Input()
		in.Warnings = warns
		return runImport(e, in, dry, verbose)
	}
	for _, w := range warns {
		fmt.Fprintf(e.err, "kith: warning: %s\n", printable(w.String()))
	}
	if dry {
		fmt.Fprintf(e.out, "the database is empty: the export would be restored whole\ndry run: nothing was written\n")
		return nil
	}
	if err := e.store.Restore(snap); err != nil {
		if errors.Is(err, store.ErrNotEmpty) {
			return fmt.Errorf("import %s: another process added friends meanwhile; run the import again; nothing was written", name)
		}
		return fmt.Errorf("import %s: %w; nothing was written", name, err)
	}
	fmt.Fprintf(e.out, "imported %d friends, %d asks, %d favors from %s\n", len(snap.Friends), len(snap.Asks), len(snap.Favors), name)
	return nil
}

// progressBar shows how far an import's write has gone: a bubbles
// progress bar when w is a terminal, else a plain counter, one line per
// tenth.
type progressBar struct {
	w     io.Writer
	tty   bool
	bar   progress.Model
	shown int
}

func newProgressBar(w io.Writer) *progressBar {
	p := &progressBar{w: w}
	if f, ok := w.(*os.File); ok && term.IsTerminal(f.Fd()) {
		p.tty = true
		p.bar = progress.New(progress.WithWidth(40), progress.WithDefaultBlend())
	}
	return p
}

func (p *progressBar) update(done, total int) {
	if total == 0 {
		return
	}
	if p.tty {
		fmt.Fprintf(p.w, "\r%s %d/%d", p.bar.ViewAs(float64(done)/float64(total)), done, total)
		return
	}
	if tenth := done * 10 / total; tenth > p.shown || done == total {
		p.shown = tenth
		fmt.Fprintf(p.w, "kith: import: %d/%d written\n", done, total)
	}
}

func (p *progressBar) done() {
	if p.tty {
		fmt.Fprint(p.w, "\r\x1b[2K")
	}
}
