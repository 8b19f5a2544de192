package policy

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"kith/store"
)

func fullProfile(lang string) store.Profile {
	return store.Profile{
		Name:      "Marco Bianchi",
		Blurb:     "Marco is a product designer with six years in consumer apps, now moving into aerospace tooling.",
		Signature: "Marco\nmarco@example.com",
		Questions: map[string][]string{
			"Aerospace": {"How did you move from software into aerospace?", "What do teams like yours look for in a designer?", "  ", "What would you read first?"},
			"chat":      {"What does a normal week look like for you?", "What surprised you most about the job?"},
			// An Italian draft takes only the questions written in Italian.
			"Aerospace@it": {"Come sei passato dal software all'aerospazio?", "Cosa cerca un team come il tuo in un designer?"},
			"chat@it":      {"Com'è una tua settimana tipo?", "Cosa ti ha sorpreso di più del lavoro?"},
		},
		Lang: lang,
	}
}

func codesOf(rs []Reason) []string {
	out := []string{}
	for _, r := range rs {
		out = append(out, r.Code)
	}
	return out
}

// TestDraftObeysItsOwnChecks drafts every kind in both languages, with a
// full profile, and reads each draft back with Check: a built-in draft
// must miss nothing, whatever the verdict.
func TestDraftObeysItsOwnChecks(t *testing.T) {
	f := friend(func(f *store.Friend) { f.WorkedTogether = true; f.WorkedNote = "Acme, 2019-2021" })
	verdicts := map[string]Verdict{
		"clear": {Level: Clear, Score: 100},
		"hold":  {Level: Hold, Score: 20, Reasons: []Reason{{CodeCooldown, "x.", Hold}}},
		"ack":   {Level: Caution, Score: 50, Reasons: []Reason{{CodeAcknowledge, "x.", Caution}}},
		"busy":  {Level: Caution, Score: 50, Reasons: []Reason{{CodeBusy, "x.", Caution}}},
	}
	for _, lang := range []string{store.LangEnglish, store.LangItalian} {
		for _, kind := range store.Kinds() {
			for vname, v := range verdicts {
				req := Request{Kind: kind, Sector: "aerospace", Topic: "aerospace tooling", Details: Details{
					Whom: "the head of design", Why: "I want to learn how their team works", Job: "Product Designer",
					Link: "https://example.com/jobs/42", Doc: "portfolio", Decision: "whether to take the Avio offer"}}
				past := Past{Now: now, Asks: store.AskFacts([]store.Ask{{Kind: store.KindChat, Status: store.StatusHelped, Created: now.AddDate(0, 0, -10)}})}
				m, err := Draft(fullProfile(lang), f, req, v, past, builtins(t))
				if err != nil {
					t.Fatalf("%s %s %s: %v", lang, kind, vname, err)
				}
				if m.Subject == "" || strings.Contains(m.Subject, "\n") {
					t.Errorf("%s %s %s: subject %q, want one non-empty line", lang, kind, vname, m.Subject)
				}
				if miss := Check(m.Body, req, v); len(miss) != 0 {
					t.Errorf("%s %s %s: Check misses %v in\n%s", lang, kind, vname, codesOf(miss), m.Body)
				}
				if !strings.HasSuffix(m.Body, "Marco\nmarco@example.com\n") {
					t.Errorf("%s %s %s: body does not end with the signature:\n%s", lang, kind, vname, m.Body)
				}
				if m.Lang != lang {
					t.Errorf("lang = %q, want %q", m.Lang, lang)
				}
			}
		}
	}
}

func TestDraftBlocked(t *testing.T) {
	f := friend()
	v := Evaluate(Subject{Friend: f}, Request{Kind: store.KindReference}, store.DefaultSettings(), now)
	_, err := Draft(fullProfile("en"), f, Request{Kind: store.KindReference}, v, Past{Now: now}, builtins(t))
	var be *BlockedError
	if !errors.As(err, &be) {
		t.Fatalf("err = %v, want a *BlockedError", err)
	}
	if !slices.Equal(codesOf(be.Reasons), []string{CodeTruth}) || !strings.Contains(err.Error(), "never worked with Ana") {
		t.Errorf("blocked error %q with %v, want the truth reason", err, be.Reasons)
	}
	if _, err := Draft(fullProfile("en"), nil, Request{Kind: store.KindChat}, Verdict{}, Past{Now: now}, builtins(t)); err == nil {
		t.Error("Draft to no friend: want an error")
	}
}

func TestDraftOverrides(t *testing.T) {
	f := friend()
	clear := Verdict{Level: Clear, Score: 100}
	chat := Request{Kind: store.KindChat}
	tests := []struct {
		name     string
		fs       fstest.MapFS
		lang     string
		body     string // wanted body prefix
		subject  string
		errFile  string // wanted TemplateError file
		errMatch string
	}{
		{"a user's kind file", fstest.MapFS{"en/chat.tmpl": {Data: []byte(`{{define "subject"}}Coffee, {{.First}}?{{end}}Hey {{.First}}! Could we talk about {{.Org}}? {{template "out" .}}`)}},
			"en", "Hey Ana! Could we talk about Acme? If now isn't a good time", "Coffee, Ana?", "", ""},
		{"no subject in the user's file: the built-in one", fstest.MapFS{"en/chat.tmpl": {Data: []byte(`Yo {{.First}}`)}},
			"en", "Yo Ana\n", "A quick chat about your work at Acme?", "", ""},
		{"a user's common file", fstest.MapFS{"it/common.tmpl": {Data: []byte(`{{define "greeting"}}Carissima {{.First}},{{end}}{{define "ack"}}{{end}}{{define "out"}}Senza impegno.{{end}}{{define "helpback"}}{{end}}{{define "questions"}}{{end}}{{define "signoff"}}{{.Signature}}{{end}}{{define "place"}}{{end}}`)}},
			"it", "Carissima Ana,", "", "", ""},
		{"other languages untouched", fstest.MapFS{"it/chat.tmpl": {Data: []byte(`{{.Broken`)}}, "en", "Hi Ana,", "", "", ""},
		{"a broken kind file", fstest.MapFS{"en/chat.tmpl": {Data: []byte("Hi {{.First}\n")}}, "en", "", "", "en/chat.tmpl", "bad character"},
		{"a broken common file", fstest.MapFS{"en/common.tmpl": {Data: []byte(`{{define "out"}}`)}}, "en", "", "", "en/common.tmpl", "unexpected EOF"},
		{"a field that does not exist", fstest.MapFS{"en/chat.tmpl": {Data: []byte(`Hi {{.Nickname}}`)}}, "en", "", "", "en/chat.tmpl", "Nickname"},
		{"an unreadable entry", fstest.MapFS{"en/chat.tmpl/x": {Data: []byte(`x`)}}, "en", "", "", "en/chat.tmpl", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := fullProfile(tc.lang)
			tmpl, loadErr := LoadTemplates(tc.fs, "")
			m, err := Draft(p, f, chat, clear, Past{Now: now}, tmpl)
			if tc.errFile != "" {
				var te *TemplateError
				if !errors.As(err, &te) || te.File != tc.errFile {
					t.Fatalf("err = %v, want a TemplateError for %s", err, tc.errFile)
				}
				if !errors.As(loadErr, &te) || te.File != tc.errFile {
					t.Errorf("LoadTemplates err = %v, want the TemplateError for %s at once", loadErr, tc.errFile)
				}
				if !strings.Contains(err.Error(), tc.errFile) || !strings.Contains(err.Error(), tc.errMatch) {
					t.Errorf("err = %q, want it to name %s and say %q", err, tc.errFile, tc.errMatch)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(m.Body, tc.body) {
				t.Errorf("body = %q, want prefix %q", m.Body, tc.body)
			}
			if tc.subject != "" && m.Subject != tc.subject {
				t.Errorf("subject = %q, want %q", m.Subject, tc.subject)
			}
		})
	}
}

func TestQuoteAndTidy(t *testing.T) {
	if got, want := quote("one\n\ntwo  \n"), "> one\n>\n> two"; got != want {
		t.Errorf("quote = %q, want %q", got, want)
	}
	if got, want := tidy("\n\nA  \n\n\n\nB\n\n"), "A\n\nB\n"; got != want {
		t.Errorf("tidy = %q, want %q", got, want)
	}
}

func TestPrep(t *testing.T) {
	for _, tc := range []struct{ p, phrase, want string }{
		{"su", "il design di cabine", "sul design di cabine"},
		{"di", "il design", "del design"},
		{"in", "il settore", "nel settore"},
		{"a", "il tuo team", "al tuo team"},
		{"da", "il CEO", "dal CEO"},
		{"su", "lo sviluppo", "sullo sviluppo"},
		{"di", "la ricerca", "della ricerca"},
		{"su", "l'aerospazio", "sull'aerospazio"},
		{"di", "l\u2019azienda", "dell'azienda"},
		{"su", "i prezzi", "sui prezzi"},
		{"di", "gli stage", "degli stage"},
		{"in", "le startup", "nelle startup"},
		{"su", "come entrare nel settore", "su come entrare nel settore"},
		{"su", "pricing", "su pricing"},
		{"per", "il ruolo di designer", "per il ruolo di designer"},
		{"su", "  ", "su"},
		{"su", "l'", "sull'"},
	} {
		if got := prep(tc.p, tc.phrase); got != tc.want {
			t.Errorf("prep(%q, %q) = %q, want %q", tc.p, tc.phrase, got, tc.want)
		}
	}
}

// builtins are the built-in templates alone.
func builtins(t testing.TB) *Templates {
	t.Helper()
	tmpl, err := LoadTemplates(nil, "")
	if err != nil {
		t.Fatal(err)
	}
	return tmpl
}

// countingFS counts the files opened in it.
type countingFS struct {
	fs.FS
	opens int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.opens++
	return c.FS.Open(name)
}

// TestTemplatesReadOnce: LoadTemplates reads each file of the user's
// directory once, and drafting reads none.
func TestTemplatesReadOnce(t *testing.T) {
	user := &countingFS{FS: fstest.MapFS{"en/chat.tmpl": {Data: []byte(`{{define "subject"}}Coffee?{{end}}Hi {{.First}}`)}}}
	tmpl, err := LoadTemplates(user, "")
	if err != nil {
		t.Fatal(err)
	}
	loaded := user.opens
	for range 10 {
		for _, k := range store.Kinds() {
			if _, err := Draft(fullProfile("en"), friend(), Request{Kind: k}, Verdict{}, Past{Now: now}, tmpl); err != nil {
				t.Fatal(err)
			}
		}
	}
	if user.opens != loaded {
		t.Errorf("drafting opened %d files of the user's directory, want none", user.opens-loaded)
	}
	if _, err := Draft(fullProfile("en"), friend(), Request{Kind: store.KindChat}, Verdict{}, Past{Now: now}, nil); err == nil {
		t.Error("Draft without templates: want an error")
	}
}
