package importer

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadDate(t *testing.T) {
	for in, want := range map[string]string{
		"1985-12-10": "1985-12-10", "--12-10": "--12-10", "3/15/1970": "1970-03-15", "15/3/1970": "1970-03-15",
		"1/2/85": "1985-01-02", "1/2/05": "2005-01-02", "1985-12-10T00:00:00Z": "1985-12-10", "0/0/00": "", "": "",
	} {
		d, _, why := ReadDate(in)
		if d.String() != want || why != "" {
			t.Errorf("ReadDate(%q) = %q (%s), want %q", in, d, why, want)
		}
	}
	for _, in := range []string{"1815-12-10", "2/30/1985", "next week"} {
		if _, ok, why := ReadDate(in); ok || why == "" {
			t.Errorf("ReadDate(%q): ok %v, why %q; want a reason", in, ok, why)
		}
	}
	if d, ok, _ := DateFromParts("", "12", "26"); !ok || d.String() != "--12-26" {
		t.Errorf("DateFromParts without a year = %v %v", d, ok)
	}
	if _, ok, why := DateFromParts("x", "12", "26"); ok || !strings.Contains(why, "not a number") {
		t.Errorf("DateFromParts(x) = %v %q", ok, why)
	}
}

// The numbers that are not the person's own carry a label that says
// whose they are.
func TestPhoneColumnsAndLabels(t *testing.T) {
	for h, want := range map[string][2]any{
		"Assistant's Phone": {[]string{"work"}, "Assistant"}, "Company Main Phone": {[]string{"work"}, "Company main"},
		"Business Fax": {[]string{"work", "fax"}, ""}, "Home Fax": {[]string{"home", "fax"}, ""}, "Fax Number": {[]string{"fax"}, ""},
		"Mobile Phone": {[]string{"cell"}, ""}, "Pager Number": {[]string{"pager"}, ""}, "Home Phone 2": {[]string{"home", "voice"}, ""},
		"Business Phone": {[]string{"work", "voice"}, ""}, "Work Phone": {[]string{"work", "voice"}, ""}, "Callback": {[]string(nil), "Callback"},
		"TTY/TDD Phone": {[]string{"textphone"}, ""}, "Phone": {[]string(nil), ""},
	} {
		types, label := PhoneColumn(h)
		if !reflect.DeepEqual(types, want[0]) || label != want[1] {
			t.Errorf("PhoneColumn(%q) = %q %q, want %q %q", h, types, label, want[0], want[1])
		}
	}
	for l, want := range map[string][2]any{
		"Home": {[]string{"home"}, ""}, "* Work": {[]string{"work", "pref"}, ""}, "Mobile": {[]string{"cell"}, ""},
		"Work Fax": {[]string{"work", "fax"}, ""}, "Main": {[]string{"voice", "pref"}, ""}, "Dojo": {[]string(nil), "Dojo"}, "": {[]string(nil), ""},
	} {
		types, custom := LabelTypes(l)
		if !reflect.DeepEqual(types, want[0]) || custom != want[1] {
			t.Errorf("LabelTypes(%q) = %q %q, want %q %q", l, types, custom, want[0], want[1])
		}
	}
}
