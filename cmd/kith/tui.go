package main

// runTUI opens the terminal interface. Until the friend browser lands it
// prints the usage.
func runTUI(e *env) error {
	if err := e.store.Check(); err != nil {
		return err
	}
	printUsage(e.out)
	return nil
}
