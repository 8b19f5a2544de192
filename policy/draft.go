package policy

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"text/template"
	"time"

	"kith/store"
)

//go:embed templates
var builtin embed.FS

// Message is a drafted request: a subject line and a body.
type Message struct {
	Subject string `json:"subject"`
	Body    string `json:"body"`
	Lang    string `json:"lang"`
}

// BlockedError is Draft's answer to a blocked request: no draft, and why.
type BlockedError struct {
	Reasons []Reason
}

func (e *BlockedError) Error() string {
	var b strings.Builder
	b.WriteString("this request crosses a line, so there is no draft")
	for _, r := range e.Reasons {
		if r.Code == CodeBoundary || r.Code == CodeTruth || r.Code == CodeNoFriend {
			b.WriteString(": ")
			b.WriteString(r.Message)
			break
		}
	}
	return b.String()
}

// TemplateError is a user template that does not read, parse or run.
type TemplateError struct {
	File string // relative to the template directory, e.g. "it/intro.tmpl"
	Dir  string // the template directory as the user knows it, if given
	Err  error
}

func (e *TemplateError) Error() string {
	return "template " + path.Join(e.Dir, e.File) + ": " + e.Err.Error() + " (fix or delete the file to use the built-in one)"
}

func (e *TemplateError) Unwrap() error { return e.Err }

// Templates are the draft templates, read and parsed once by
// LoadTemplates: the built-in ones and the user's.
type Templates struct {
	sets map[string]templateSet // by "<lang>/<kind>"
}

// templateSet is one kind's template in one language, parsed on its
// language's shared pieces, or why it cannot be used.
type templateSet struct {
	kind     *template.Template
	kindFile string
	fallback *template.Template // the built-in kind file, for a missing subject
	err      error
}

// LoadTemplates reads and parses every draft template: the built-in ones
// and, where overrides (the user's template directory, kith/templates in
// the XDG config dir; nil for none) has its own <lang>/<kind>.tmpl or
// <lang>/common.tmpl, that one instead. Each is also run once on sample
// data, so that a field that does not exist is found now, not while
// drafting. A user file that does not read, parse or run makes the drafts
// that use it fail with a *TemplateError naming it, and the other drafts
// work; LoadTemplates returns the first such error as well, for a caller
// that wants to say so at once.
//
// dir is the directory's name as the user knows it, for the errors to
// name the file by (filepath.Join(dir, "en/chat.tmpl")); "" names the
// files relative to it.
func LoadTemplates(overrides fs.FS, dir string) (*Templates, error) {
	t := &Templates{sets: make(map[string]templateSet, 2*len(store.Kinds()))}
	var first error
	names := make([]string, 0, len(store.Kinds())+len(Stages()))
	for _, k := range store.Kinds() {
		names = append(names, string(k))
	}
	for _, s := range Stages() {
		names = append(names, s.file())
	}
	for _, lang := range store.Langs() {
		base, err := loadCommon(lang, overrides)
		for _, kind := range names {
			set := templateSet{err: err}
			if err == nil {
				set = loadKind(base, lang, kind, overrides)
			}
			var te *TemplateError
			if errors.As(set.err, &te) {
				te.Dir = dir
			}
			if set.err != nil && first == nil {
				first = set.err
			}
			t.sets[lang+"/"+kind] = set
		}
	}
	return t, first
}

// Draft writes the request req to friend f from profile p, in the
// friend's language (DraftLang), with the templates t, following the
// verdict v: it refuses a blocked request (a *BlockedError), acknowledges
// what you asked before (from past) when the verdict calls for it
// (AckDue), and keeps it short in a busy season. A user template that
// LoadTemplates could not use is a *TemplateError naming it.
func Draft(p store.Profile, f *store.Friend, req Request, v Verdict, past Past, t *Templates) (Message, error) {
	if f == nil {
		return Message{}, errors.New("no friend to draft to")
	}
	if t == nil {
		return Message{}, errors.New("no draft templates loaded (policy.LoadTemplates)")
	}
	if v.Level == Block {
		return Message{}, &BlockedError{Reasons: v.Reasons}
	}
	lang := DraftLang(&p, f)
	kind := req.Kind
	if _, err := store.ParseKind(string(kind)); err != nil || kind == "" {
		kind = store.KindOther
	}
	set := t.sets[lang+"/"+string(kind)]
	if set.err != nil {
		return Message{}, set.err
	}
	return set.draft(draftData(p, f, req, v, past, lang), lang)
}

// DraftLang is the language of drafts to f: the friend's own (Friend.Lang),
// else the profile's, else English.
func DraftLang(p *store.Profile, f *store.Friend) string {
	lang := p.Lang
	if f != nil && f.Lang != "" {
		lang = f.Lang
	}
	if lang != store.LangItalian {
		lang = store.LangEnglish
	}
	return lang
}

// draft runs the set on data.
func (set *templateSet) draft(data DraftData, lang string) (Message, error) {
	var body, subject strings.Builder
	body.Grow(1024)
	if err := set.kind.Execute(&body, data); err != nil {
		return Message{}, &TemplateError{File: set.kindFile, Err: err}
	}
	sub := set.kind
	if sub.Lookup("subject") == nil {
		sub = set.fallback
	}
	if err := sub.ExecuteTemplate(&subject, "subject", data); err != nil {
		return Message{}, &TemplateError{File: set.kindFile, Err: err}
	}
	return Message{Subject: strings.Join(strings.Fields(subject.String()), " "), Body: tidy(body.String()), Lang: lang}, nil
}

func funcs() template.FuncMap {
	return template.FuncMap{
		"quote": quote,
		"inc":   func(i int) int { return i + 1 },
		"prep":  prep,
		"art":   withArticle,
		"mine":  mine,
		"lo":    lo,
		"nomy":  noMy,
	}
}

// readTemplate reads name from overrides if it is there, else the
// built-in copy; user tells which.
func readTemplate(overrides fs.FS, name string) (text string, user bool, err error) {
	if overrides != nil {
		b, err := fs.ReadFile(overrides, name)
		switch {
		case err == nil:
			return string(b), true, nil
		case !errors.Is(err, fs.ErrNotExist):
			return "", true, &TemplateError{File: name, Err: err}
		}
	}
	b, err := builtin.ReadFile("templates/" + name)
	if err != nil {
		return "", false, fmt.Errorf("built-in template %s missing: %w", name, err)
	}
	return string(b), false, nil
}

// loadCommon parses a language's shared pieces.
// A user's common.tmpl is parsed over the built-in one, so a piece it
// does not define (one added since it was written) is the built-in one.
func loadCommon(lang string, overrides fs.FS) (*template.Template, error) {
	name := lang + "/common.tmpl"
	b, err := builtin.ReadFile("templates/" + name)
	if err != nil {
		return nil, fmt.Errorf("built-in template %s missing: %w", name, err)
	}
	base, err := template.New("common").Funcs(funcs()).Parse(string(b))
	if err != nil {
		return nil, &TemplateError{File: name, Err: err}
	}
	text, user, err := readTemplate(overrides, name)
	if err != nil || !user {
		return base, err
	}
	if base, err = base.Parse(text); err != nil {
		return nil, &TemplateError{File: name, Err: err}
	}
	return base, nil
}

// loadKind parses a kind's file on base and runs it once on sample data.
func loadKind(base *template.Template, lang, kind string, overrides fs.FS) templateSet {
	name := lang + "/" + kind + ".tmpl"
	text, user, err := readTemplate(overrides, name)
	if err != nil {
		return templateSet{err: err}
	}
	set := templateSet{kindFile: name}
	if set.kind, err = parseOn(base, kind, text); err != nil {
		return templateSet{err: &TemplateError{File: name, Err: err}}
	}
	if user {
		b, err := builtin.ReadFile("templates/" + name)
		if err != nil {
			return templateSet{err: err}
		}
		if set.fallback, err = parseOn(base, kind, string(b)); err != nil {
			return templateSet{err: err}
		}
	}
	sample := &store.Friend{Name: "Ana Rossi", Org: "Acme", Role: "engineer", WorkedTogether: true, WorkedNote: "Acme 2019",
		Busy: []store.MonthRange{{From: time.March, To: time.April}}}
	p := store.Profile{Name: "Sam", Lang: lang, Questions: map[string][]string{"default": {"A question?"}}}
	now := time.Date(2026, time.March, 10, 0, 0, 0, 0, time.UTC)
	asks := []store.Ask{{Kind: store.KindChat, Status: store.StatusHelped, Created: now.AddDate(0, 0, -9)}}
	past := PastOf(asks, []store.Favor{{What: "lent a book", At: now}}, now)
	data := draftData(p, sample, Request{Kind: store.Kind(kind), Topic: "a topic", Sector: "a sector", Org: "Acme"},
		Verdict{Level: Hold, Reasons: []Reason{{Code: CodeBusy}, {Code: CodeCooldown}}}, past, lang)
	if st, ok := stageOf(kind); ok {
		data = stageData(data, &asks[0], st, now, lang)
	}
	if _, err := set.draft(data, lang); err != nil {
		return templateSet{err: err}
	}
	return set
}

// parseOn parses text as template name on a copy of the shared pieces.
func parseOn(base *template.Template, name, text string) (*template.Template, error) {
	c, err := base.Clone()
	if err != nil {
		return nil, err
	}
	return c.New(name).Parse(text)
}

// quote sets text off as a block quote, so it can be found and pasted.
func quote(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			lines[i] = ">"
		} else {
			lines[i] = "> " + l
		}
	}
	return strings.Join(lines, "\n")
}

// tidy trims trailing blanks from lines, keeps at most one empty line in
// a row and ends the text with one newline.
func tidy(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	out := make([]string, 0, len(lines))
	empty := true // drop leading empty lines
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			if empty {
				continue
			}
			empty = true
		} else {
			empty = false
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n") + "\n"
}

// prep puts the Italian preposition p (di, a, da, in, su, per) before
// phrase, joining it with a leading definite article the way Italian
// does: "su" + "il design" is "sul design", "di" + "l'azienda" is
// "dell'azienda". Other prepositions and phrases are joined with a space.
func prep(p, phrase string) string {
	phrase = strings.TrimSpace(phrase)
	var stem string
	switch strings.ToLower(p) {
	case "di":
		stem = "de"
	case "a":
		stem = "a"
	case "da":
		stem = "da"
	case "in":
		stem = "ne"
	case "su":
		stem = "su"
	}
	if stem == "" || phrase == "" {
		return strings.TrimSpace(p + " " + phrase)
	}
	// Only a lower-case article is one: "La Rosa" is a name.
	for _, ap := range []string{"l'", "l\u2019"} {
		if strings.HasPrefix(phrase, ap) {
			return stem + "ll'" + phrase[len(ap):]
		}
	}
	article, rest, found := strings.Cut(phrase, " ")
	if !found {
		return p + " " + phrase
	}
	switch a := article; a {
	case "il":
		return stem + "l " + rest
	case "lo", "la", "le":
		return stem + "l" + a + " " + rest
	case "i", "gli":
		return stem + a + " " + rest
	}
	return p + " " + phrase
}
