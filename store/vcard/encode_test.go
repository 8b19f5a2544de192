package vcard

import (
	"bytes"
	"strings"
	"testing"

	"kith/store"
)

// lines writes f and returns its content lines, unfolded.
func lines(t *testing.T, f store.Friend, version string) []string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, &f, version); err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.ReplaceAll(buf.String(), "\r\n ", ""), "\r\n")
}

func TestWriteEscapesForEachVersion(t *testing.T) {
	f := store.Friend{Name: "Zoë; O'Brien, Jr.", Nickname: "Zo; the \\ one", Org: "Acme; Sons, Ltd", Role: "VP; Eng",
		Sectors: []string{"ai;ml", "a, b"}, Notes: "one; two, three\nfour \\ five",
		URLs:   []string{"https://example.com/a,b;c?q=1;2", "https://x.example/\\bad"},
		Phones: []string{"+1-418-656-9254 ext. 102", "+1 418 656 9254 ext. 103", "+1-555-0100", "tel,with;odd"}}
	tests := []struct {
		version string
		want    []string
	}{
		// RFC 6350: \; only inside the fields of compound values (N, ORG)
		{V4, []string{
			`FN:Zoë; O'Brien\, Jr.`,
			`N:O'Brien;Zoë\;;;;Jr.`, // not "Jr." as the family name
			`NICKNAME:Zo; the \\ one`,
			`ORG:Acme\; Sons\, Ltd`,
			`TITLE:VP; Eng`,
			`CATEGORIES:ai;ml,a\, b`,
			`NOTE:one; two\, three\nfour \\ five`,
			`URL:https://example.com/a,b;c?q=1;2`, // a URI, as it is
			`URL:https://x.example/\\bad`,         // no URI holds a backslash: escaped to read back the same
			`TEL;VALUE=uri:tel:+1-418-656-9254;ext=102`,
			`TEL:+1 418 656 9254 ext. 103`, // a tel URI cannot hold spaces: text
			`TEL:+1-555-0100`,
			`TEL:tel\,with;odd`,
		}},
		// RFC 2426: \; in every text value
		{V3, []string{
			`FN:Zoë\; O'Brien\, Jr.`,
			`N:O'Brien;Zoë\;;;;Jr.`,
			`NICKNAME:Zo\; the \\ one`,
			`ORG:Acme\; Sons\, Ltd`,
			`TITLE:VP\; Eng`,
			`CATEGORIES:ai\;ml,a\, b`,
			`NOTE:one\; two\, three\nfour \\ five`,
			`URL:https://example.com/a,b;c?q=1;2`,
			`TEL:+1-418-656-9254 ext. 102`,
			`TEL:tel\,with\;odd`,
		}},
	}
	for _, tt := range tests {
		got := lines(t, f, tt.version)
		for _, w := range tt.want {
			found := false
			for _, l := range got {
				found = found || l == w
			}
			if !found {
				t.Errorf("%s: no line %s in\n%s", tt.version, w, strings.Join(got, "\n"))
			}
		}
	}
}

// What Write escapes, the reader gives back, in both versions.
func TestEscapedValuesReadBack(t *testing.T) {
	f := store.Friend{Name: "Zoë; O'Brien, Jr.", Nickname: "Zo; the \\ one", Org: "Acme; Sons, Ltd", Role: "VP; Eng",
		Sectors: []string{"ai;ml", "a, b"}, Notes: "one; two, three\nfour \\ five \\\" six",
		URLs:   []string{"https://example.com/a,b;c?q=1;2", "https://x.example/\\bad"},
		Phones: []string{"+1-418-656-9254 ext. 102", "+1 418 656 9254 ext. 103", "tel,with;odd"}}
	for _, v := range []string{V3, V4} {
		var buf bytes.Buffer
		if err := Write(&buf, &f, v); err != nil {
			t.Fatal(err)
		}
		in, err := Parse(&buf, "rt.vcf")
		if err != nil {
			t.Fatal(err)
		}
		got := in.Records[0].Friend
		got.Closeness = 0
		if got.Name != f.Name || got.Nickname != f.Nickname || got.Org != f.Org || got.Role != f.Role || got.Notes != f.Notes ||
			strings.Join(got.Sectors, "|") != strings.Join(f.Sectors, "|") || strings.Join(got.URLs, "|") != strings.Join(f.URLs, "|") ||
			strings.Join(got.Phones, "|") != strings.Join(f.Phones, "|") {
			t.Errorf("%s:\n got %#v\nwant %#v\n%s", v, got, f, buf.String())
		}
	}
}
