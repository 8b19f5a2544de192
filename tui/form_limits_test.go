package tui

import (
	"strings"
	"testing"

	"kith/store"
)

// fieldNamed returns the form's field called name.
func fieldNamed(t *testing.T, f *formScreen, name string) int {
	t.Helper()
	for i := range f.fields {
		if f.fields[i].name == name {
			return i
		}
	}
	t.Fatalf("the form has no field %q", name)
	return -1
}

// The forms use the store's limits, through its validation: an over-long
// value is refused next to its field with the store's message, and not
// saved.
func TestFormsUseTheStoreLimits(t *testing.T) {
	tests := []struct {
		key, field, value, want string
	}{
		{"a", "name", strings.Repeat("x", store.MaxName+1), "is 201 characters long; the limit is 200"},
		{"a", "org", strings.Repeat("é", store.MaxName+1), "is 201 characters long; the limit is 200"},
		{"a", "worked-note", strings.Repeat("x", store.MaxWorkedNote+1), "the limit is 1000"},
		{"a", "note", strings.Repeat("x", store.MaxNotes), ""}, // at the limit: fine
		{"a", "sector", strings.Repeat("x", store.MaxSector+1), "a value is 65 characters long; the limit is 64"},
		{"p", "name", strings.Repeat("x", store.MaxName+1), "is 201 characters long; the limit is 200"},
		{"p", "signature", strings.Repeat("x", store.MaxSignature+1), "the limit is 1000"},
	}
	for _, tt := range tests {
		t.Run(tt.key+" "+tt.field, func(t *testing.T) {
			m := newTestModel(t, nil, 80, 24)
			f := openForm(t, m, tt.key)
			if tt.key == "a" {
				f.fields[0].in.SetValue("Ada")
			}
			i := fieldNamed(t, f, tt.field)
			f.fields[i].in.SetValue(tt.value)
			if got := f.fields[i].in.Value(); got != tt.value {
				t.Fatalf("the field holds %d characters, want all %d typed", len([]rune(got)), len([]rune(tt.value)))
			}
			press(m, "ctrl+s")
			if tt.want == "" {
				if !f.saving || f.fields[i].err != "" {
					t.Errorf("a value at the limit was refused: %q", f.fields[i].err)
				}
				return
			}
			if f.saving || !strings.Contains(f.fields[i].err, tt.want) || f.focus != i {
				t.Errorf("saving %v, error %q next to %s (focus %d); want no save and %q there", f.saving, f.fields[i].err, tt.field, f.focus, tt.want)
			}
		})
	}
}

// A favor's date outside the years the store keeps is refused next to
// the date, as --at refuses it.
func TestFavorFormRefusesOldDates(t *testing.T) {
	m := newTestModel(t, genNetwork(3, 1), 80, 24)
	f := openForm(t, m, "f")
	f.fields[0].in.SetValue("lent a book")
	at := fieldNamed(t, f, "at")
	f.fields[at].in.SetValue("1000-01-01")
	press(m, "ctrl+s")
	if f.saving || !strings.Contains(f.fields[at].err, "the year 1000 is out of range: kith keeps dates from 1900 to 2200") {
		t.Errorf("saving %v, date error %q; want the store's refusal", f.saving, f.fields[at].err)
	}
}
