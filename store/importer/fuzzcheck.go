package importer

import (
	"fmt"

	"kith/store"
)

// emptyReader is a database with nothing in it.
type emptyReader struct{}

func (emptyReader) Friends() ([]store.Friend, error) { return nil, nil }
func (emptyReader) History(uint64) ([]store.Ask, []store.Favor, error) {
	return nil, nil, nil
}
func (emptyReader) Profile() (store.Profile, error) { return store.DefaultProfile(), nil }

// Verify plans in against an empty database and checks that every friend
// the plan would write passes store validation. Fuzz tests of the readers
// call it on whatever they parse.
func Verify(in *Input) error {
	p, err := Build(emptyReader{}, in)
	if err != nil {
		return err
	}
	for _, f := range p.adds {
		if err := f.Validate(); err != nil {
			return fmt.Errorf("planned friend %q: %w", f.Name, err)
		}
		if store.CleanText(f.Name, false) != f.Name || store.CleanText(f.Notes, true) != f.Notes || store.CleanText(f.Org, false) != f.Org {
			return fmt.Errorf("planned friend %q holds control characters", f.Name)
		}
	}
	if p.Added+p.Merged+p.Skipped != len(in.Records) {
		return fmt.Errorf("plan counts %d+%d+%d for %d records", p.Added, p.Merged, p.Skipped, len(in.Records))
	}
	return nil
}
