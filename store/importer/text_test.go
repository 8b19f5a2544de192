package importer

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"kith/store"
)

func utf16Bytes(s string, bigEndian bool) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestDecodeText(t *testing.T) {
	const text = "BEGIN:VCARD\r\nFN:Jürgen Müller 王\r\nEND:VCARD\r\n"
	tests := []struct {
		name string
		in   []byte
		want string
		enc  string
	}{
		{"UTF-8", []byte(text), text, UTF8},
		{"UTF-8 with a BOM", append([]byte("\xef\xbb\xbf"), text...), text, UTF8},
		{"UTF-16LE with a BOM", append([]byte{0xff, 0xfe}, utf16Bytes(text, false)...), text, UTF16LE},
		{"UTF-16BE with a BOM", append([]byte{0xfe, 0xff}, utf16Bytes(text, true)...), text, UTF16BE},
		{"UTF-16LE without a BOM", utf16Bytes(text, false), text, UTF16LE},
		{"UTF-16BE without a BOM", utf16Bytes(text, true), text, UTF16BE},
		{"windows-1252", []byte("Caf\xe9 \x80 \x93quoted\x94"), "Café € “quoted”", Windows1252},
		// the five bytes windows-1252 leaves undefined: C1 controls, as browsers read them
		{"windows-1252, undefined bytes", []byte("a\x81b\x9dc\xe9"), "a\u0081b\u009dcé", Windows1252},
		{"ASCII with a NUL is not UTF-16", []byte("Name,Email\n\x00x,y\n"), "Name,Email\n\x00x,y\n", UTF8},
	}
	for _, tt := range tests {
		got, enc := DecodeText(tt.in)
		if string(got) != tt.want || enc != tt.enc {
			t.Errorf("%s: DecodeText = %q, %s; want %q, %s", tt.name, got, enc, tt.want, tt.enc)
		}
	}
}

func TestFixUTF8(t *testing.T) {
	if got, fixed := FixUTF8("Zoë"); got != "Zoë" || fixed {
		t.Errorf("valid UTF-8: %q, %v", got, fixed)
	}
	if got, fixed := FixUTF8("Zo\xeb"); got != "Zoë" || !fixed {
		t.Errorf("windows-1252: %q, %v; want Zoë, true", got, fixed)
	}
}

func TestReadCSVRowLengths(t *testing.T) {
	tests := []struct {
		name, data string
		rows       [][]string
		err        string
	}{
		{"Google's Outlook CSV: a trailing comma on every row", "A,B,C\r\n1,2,3,\r\n4,5,6,\r\n",
			[][]string{{"1", "2", "3"}, {"4", "5", "6"}}, ""},
		{"several empty fields past the header", "A,B\n1,2,, ,\n", [][]string{{"1", "2"}}, ""},
		{"real data past the header", "A,B,C\n1,2,3,\n4,5,6,7\n", nil,
			`x.csv:3: this row has a different number of fields than the header: 4, where the header has 3, and field 4 holds "7"; is a value with a comma in it not quoted?`},
		{"Thunderbird: the header ends in a comma, a row does not", "A,B,\n1,2\n", [][]string{{"1", "2"}}, ""},
		{"a short row", "A,B,C\n1,2,3\n1,2\n", nil,
			"x.csv:3: this row has a different number of fields than the header: 2, where the header has 3; is a value with a comma in it not quoted, or is the row cut short?"},
		{"semicolons (Windows Live Mail, German Outlook)", "Name;E-mail Address;Notes\nAda;ada@x.example;\"a; b, c\"\n",
			[][]string{{"Ada", "ada@x.example", "a; b, c"}}, ""},
		{"tabs", "Name\tEmail\nAda\tada@x.example\n", [][]string{{"Ada", "ada@x.example"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, err := ReadCSV([]byte(tt.data), "x.csv", 1)
			if tt.err != "" {
				var pe *ParseError
				if !errors.As(err, &pe) || err.Error() != tt.err {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got [][]string
			for _, r := range tab.Rows {
				got = append(got, r.Fields)
			}
			if !reflect.DeepEqual(got, tt.rows) {
				t.Errorf("rows = %q, want %q", got, tt.rows)
			}
		})
	}
}

func TestReadCSVEncodings(t *testing.T) {
	tab, err := ReadCSV([]byte("Name,Company\r\nAda,Engines\r\nRen\xe9,Caf\xe9\r\n"), "x.csv", 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := tab.Rows[1].Fields; !reflect.DeepEqual(got, []string{"René", "Café"}) {
		t.Errorf("windows-1252 row = %q, want René, Café", got)
	}
	if len(tab.Warnings) != 1 || !strings.HasPrefix(tab.Warnings[0].String(), "x.csv:3: the file is not UTF-8: read as windows-1252") {
		t.Errorf("warnings = %v, want one naming line 3, the first that is not UTF-8", tab.Warnings)
	}

	data := append([]byte{0xff, 0xfe}, utf16Bytes("Name;Company\r\n王;Engines\r\n", false)...)
	tab, err = ReadCSV(data, "u.csv", 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := tab.Rows[0].Fields; tab.Encoding != UTF16LE || tab.Comma != ';' || !reflect.DeepEqual(got, []string{"王", "Engines"}) {
		t.Errorf("UTF-16 row = %q (%s, %q), want 王, Engines", got, tab.Encoding, tab.Comma)
	}
	if len(tab.Warnings) != 0 {
		t.Errorf("UTF-16: warnings %v, want none", tab.Warnings)
	}
}

func TestHeaderFields(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"\ufeffFirst Name,\"Last Name\", E-mail \n1,2,3", []string{"First Name", "Last Name", "E-mail"}},
		{"First Name;Last Name;Name\r\n", []string{"First Name", "Last Name", "Name"}},
		{"Name\tEmail", []string{"Name", "Email"}},
		{"just text", []string{"just text"}},
	}
	for _, tt := range tests {
		if got := HeaderFields([]byte(tt.in)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("HeaderFields(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSystemGroup(t *testing.T) {
	for label, want := range map[string]bool{
		"myContacts": true, "My Contacts": true, "* myContacts": true, "* My Contacts": true,
		"System Group: My Contacts": true, "starred": true, "* starred": true, "Starred in Android": true,
		"chatBuddies": true, "System Group: Friends": true, "* friends": true,
		"Friends": false, "Family": false, "Coworkers": false, "family": false, "VIP": false, "Clients": false,
		"My Contacts at work": false, "Starred": false,
	} {
		if got := SystemGroup(label); got != want {
			t.Errorf("SystemGroup(%q) = %v, want %v", label, got, want)
		}
	}
}

func TestCleanNamesAfterOrganisationBeforeEmail(t *testing.T) {
	tests := []struct {
		in   store.Friend
		want string
	}{
		{store.Friend{Org: "Acme Corporation", Emails: []string{"sales@acme.example"}}, "Acme Corporation"},
		{store.Friend{Nickname: "Ace", Org: "Acme"}, "Ace"},
		{store.Friend{Emails: []string{"nobody@example.com"}}, "nobody@example.com"},
	}
	for _, tt := range tests {
		r := Record{Friend: tt.in, Source: "x:1"}
		warns, skip := Clean(&r)
		if skip != "" || r.Friend.Name != tt.want {
			t.Errorf("Clean(%+v): name %q, skip %q; want %q", tt.in, r.Friend.Name, skip, tt.want)
		}
		if len(warns) != 1 || !strings.Contains(warns[0].Msg, "no name: using") {
			t.Errorf("warnings = %v, want the no-name one", warns)
		}
	}
}

func TestCleanDropsAnUnreadableEmail(t *testing.T) {
	r := Record{Friend: store.Friend{Name: "Zoë", Emails: []string{"zo\ufffd@caf\ufffd.example", "zoe@cafe.example"}}, Source: "x:1"}
	warns, _ := Clean(&r)
	if want := []string{"zoe@cafe.example"}; !reflect.DeepEqual(r.Friend.Emails, want) {
		t.Errorf("emails = %q, want %q", r.Friend.Emails, want)
	}
	if len(warns) != 1 || !strings.Contains(warns[0].Msg, "could not be read") {
		t.Errorf("warnings = %v", warns)
	}
}
