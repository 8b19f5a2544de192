package main

import (
	"fmt"
	"io"
	"time"

	"kith/store/demo"
)

func cmdDemo(e *env, o *demoFlags) error {
	n := o.friends
	if n < 1 || n > 1_000_000 {
		return usageErrorf("--friends: want 1-1000000, got %d", n)
	}
	if !o.force {
		friends, err := e.store.Friends()
		if err != nil {
			return err
		}
		if len(friends) > 0 {
			return fmt.Errorf("%s already holds %d friends: the demo goes in a scratch database (kith --db /tmp/demo.db demo), or pass --force to add to this one", e.store.Path(), len(friends))
		}
	}
	start := time.Now()
	progress := progressPrinter(e.err, n)
	if err := demo.Fill(e.store, n, o.seed, e.now, progress); err != nil {
		return err
	}
	fmt.Fprintf(e.out, "added a demo network of %d friends to %s in %.1fs\n", n, e.store.Path(), time.Since(start).Seconds())
	return nil
}

// progressPrinter reports progress on w for large runs, once per tenth.
func progressPrinter(w io.Writer, total int) func(done int) {
	if total < 20_000 {
		return func(int) {}
	}
	next := total / 10
	return func(done int) {
		if done >= next || done == total {
			fmt.Fprintf(w, "\r%d/%d friends", done, total)
			next += total / 10
			if done == total {
				fmt.Fprintln(w)
			}
		}
	}
}
