package policy

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"kith/store"
)

// Details are what each kind of request needs said, beyond its kind and
// target: an intro whom (a person or a role) and why, a referral the job
// and a link to it, a review the document, advice the decision you face.
// A chat's subject is Request.Topic.
type Details struct {
	Whom, Why string
	Job, Link string
	Doc       string
	Decision  string
}

// DraftData is what a draft template sees. Templates are text/template
// files, one per kind and language (<lang>/<kind>.tmpl), one per stage of
// an ask's life (<lang>/followup.tmpl, thankyou.tmpl, closeloop.tmpl),
// plus the shared pieces in <lang>/common.tmpl ("greeting", "ack", "out",
// "helpback", "questions", "signoff", "place"). A kind file defines
// "subject" and its body is the draft's body. Functions: quote (prefixes
// each line with "> "), inc (adds one, for numbering), prep (an Italian
// preposition before a phrase, joined with its article: prep "su" "il
// design" is "sul design"), art (the Italian definite article: art
// "fintech" is "il fintech"), mine ("il mio CV", "la mia lettera"), lo
// (the pronoun for it: "lo", "la") and nomy (an English phrase without a
// leading "my").
type DraftData struct {
	First     string // the name to greet the friend by (FirstName)
	Name      string // the friend's full name
	Org, Role string // the friend's organisation and role
	Sector    string // the targeted sector, may be empty
	// FriendSector is the friend's own first sector, may be empty.
	FriendSector string
	Worked       string // where and when you worked together, if known and in the draft's language
	Kind         string // the request kind
	Topic        string // what the request is about, may be empty
	TargetOrg    string // the targeted organisation, may be empty
	Details             // what the kind needs said
	Blurb        string // your paste-ready paragraph, or a placeholder
	// BlurbLang is the language the blurb is written in when it is not
	// the draft's (you have none in the draft's language), so the draft
	// can say so; "" otherwise.
	BlurbLang string
	Questions []string // specific questions, or placeholders
	// Acknowledge is set when the draft must acknowledge how much you
	// have asked (AckDue); Ack says what, from the history, or is nil
	// when there is no earlier ask to name.
	Acknowledge bool
	Ack         *Ack
	Busy        bool   // inside the friend's busy season
	Season      string // the busy season, e.g. "Mar-Apr", when Busy
	SeasonEnd   string // its last month in the draft's language ("April", "aprile")
	// Hiring is set when the friend's role says they may hire (a lead, a
	// head, a founder): the help-back line offers people.
	Hiring bool
	// Favor is the last favor you did them, when it is written in the
	// draft's language: the help-back line recalls it.
	Favor     string
	Me        string // your name
	Signature string // your signature, or your name
	// Stage is "" for a request, else "follow-up", "thank-you" or
	// "close-loop", with the ask it is about in Asked ("an introduction",
	// "una presentazione"), AskedWhen ("from three weeks ago", "di tre
	// settimane fa") and Outcome (what you recorded of it, when in the
	// draft's language).
	Stage     string
	Asked     string
	AskedWhen string
	Outcome   string
}

func draftData(p store.Profile, f *store.Friend, req Request, v Verdict, past Past, lang string) DraftData {
	it := lang == store.LangItalian
	d := DraftData{
		First:       FirstName(f),
		Name:        f.Name,
		Org:         f.Org,
		Role:        f.Role,
		Kind:        string(req.Kind),
		Topic:       strings.TrimSpace(req.Topic),
		Sector:      strings.TrimSpace(req.Sector),
		TargetOrg:   strings.TrimSpace(req.Org),
		Details:     trimDetails(req.Details),
		Acknowledge: AckDue(v),
		Ack:         acknowledgement(past, req, v, lang),
		Busy:        v.Has(CodeBusy),
		Me:          strings.TrimSpace(p.Name),
		Signature:   strings.TrimSpace(p.Signature),
	}
	if d.Ack == nil {
		d.Acknowledge = false
	}
	if len(f.Sectors) > 0 {
		d.FriendSector = f.Sectors[0]
	}
	if f.WorkedTogether && inLang(f.WorkedNote, lang) {
		d.Worked = f.WorkedNote
	}
	if d.Busy && len(f.Busy) > 0 {
		// the season they are in now: the verdict's (Verdict.Season), else
		// the one that holds the month of drafting
		d.Season = v.Season
		for _, r := range f.Busy {
			if d.Season != "" && r.String() == d.Season || d.Season == "" && (past.Now.IsZero() || r.Contains(past.Now.Month())) {
				d.Season, d.SeasonEnd = r.String(), monthName(r.To, it)
				break
			}
		}
		if d.Season == "" {
			d.Season, d.SeasonEnd = f.Busy[0].String(), monthName(f.Busy[0].To, it)
		}
	}
	d.Hiring = mayHire(f.Role)
	if w := strings.TrimSpace(past.LastFavor); w != "" && saysIn(w, lang, p.Lang) && !aboutThem(w) {
		d.Favor = lowerFirst(strings.TrimSuffix(w, "."))
	}
	d.Blurb, d.BlurbLang = p.BlurbFor(lang)
	if d.BlurbLang == lang {
		d.BlurbLang = ""
	}
	if d.Blurb == "" {
		if it {
			d.Blurb = "[Un breve paragrafo su di te che " + d.First + " possa incollare nella presentazione: chi sei, cosa cerchi, perché proprio questa persona.]"
		} else {
			d.Blurb = "[A short paragraph about you that " + d.First + " can paste into the intro: who you are, what you are looking for, why this person.]"
		}
	}
	if d.Signature == "" {
		d.Signature = d.Me
	}
	if d.Signature == "" {
		if it {
			d.Signature = "[il tuo nome]"
		} else {
			d.Signature = "[your name]"
		}
	}
	d.Questions = questions(p.Questions, req, d, it)
	return d
}

func trimDetails(x Details) Details {
	for _, s := range []*string{&x.Whom, &x.Why, &x.Job, &x.Link, &x.Doc, &x.Decision} {
		*s = strings.Join(strings.Fields(*s), " ")
	}
	x.Why = strings.TrimRight(x.Why, ".")
	x.Decision = strings.TrimRight(x.Decision, ".?")
	return x
}

// inLang reports text that can go into a draft in lang as it is: written
// in lang, or in no language one can tell ("Acme, 2019-21").
func inLang(text, lang string) bool {
	g := store.GuessLang(text)
	return g == "" || g == lang
}

// saysIn reports whether text, a sentence you wrote about what you did
// (a favor), is in lang: as its words say, or, when they cannot tell ("fixed
// his website" is too short to), in home, the language you write in (the
// profile's). Unlike a note such as "Acme, 2019-21", such a sentence always
// has a language.
func saysIn(text, lang, home string) bool {
	if g := store.GuessLang(text); g != "" {
		return g == lang
	}
	return home == "" || home == lang
}

// aboutThem reports a favor written about the friend, in the third person
// ("reviewed her talk", "gli ho sistemato il sito"): pasted into a note to
// them it would speak of them as someone else, so the plain help-back line
// is used instead.
func aboutThem(text string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		switch w {
		case "he", "she", "his", "her", "hers", "him", "they", "them", "their", "theirs",
			"lui", "lei", "gli", "suo", "sua", "suoi", "sue", "loro":
			return true
		}
	}
	return false
}

// mayHire reports a role that hires: a lead, a manager, a head, a
// director, a founder, an executive.
func mayHire(role string) bool {
	r := " " + strings.ToLower(role) + " "
	for _, w := range []string{" lead", "manager", " head ", "head of", "director", "founder", " cto", " ceo", " vp ", "chief", "responsabile", "direttor", "fondat", "partner"} {
		if strings.Contains(r, w) {
			return true
		}
	}
	return false
}

func monthName(m time.Month, it bool) string {
	if m < 1 || m > 12 {
		return ""
	}
	if it {
		return monthsIt[m-1]
	}
	return monthsEn[m-1]
}

// maxQuestions caps how many questions a draft carries: three to five
// targeted questions fill twenty minutes.
const maxQuestions = 5

// italianKey is the suffix of a question bank's key whose questions are
// in Italian ("chat@it"): an Italian draft takes only those, so that it
// never carries questions written in English.
const italianKey = "@" + store.LangItalian

// questions picks the profile's questions for the request (by topic,
// then sector, organisation and kind, matched case-insensitively; for an
// Italian draft only the keys with italianKey), else placeholders in the
// draft's language that fit the kind: for advice, about the decision you
// face; for a chat, about the friend's work, in their sector. An Italian
// draft whose bank has only English questions gets the placeholders: an
// English question in an Italian message would go out unnoticed, a
// placeholder is caught by the checklist.
func questions(bank map[string][]string, req Request, d DraftData, it bool) []string {
	keys := []string{req.Topic, req.Sector, req.Org, string(req.Kind), "default"}
	if it {
		for i, k := range keys {
			if k = strings.TrimSpace(k); k != "" {
				keys[i] = k + italianKey
			}
		}
	}
	for _, key := range keys {
		key = strings.TrimSpace(key)
		if key == "" {
			continue
		}
		for k, qs := range bank {
			if !strings.EqualFold(strings.TrimSpace(k), key) {
				continue
			}
			var out []string
			for _, q := range qs {
				if q = strings.TrimSpace(q); q != "" {
					out = append(out, q)
				}
				if len(out) == maxQuestions {
					break
				}
			}
			if len(out) > 0 {
				return out
			}
		}
	}
	field := d.Sector
	if field == "" {
		field = d.FriendSector
	}
	if req.Kind == store.KindAdvice {
		if it {
			return []string{
				"[Una domanda precisa sulla scelta che hai davanti: cosa peseresti di più?]",
				"[Una domanda su cosa farebbe " + d.First + " al tuo posto, e perché]",
			}
		}
		return []string{
			"[A specific question about your decision: what would weigh most?]",
			"[A question about what " + d.First + " would do in your place, and why]",
		}
	}
	if it {
		where := "nel campo di " + d.First
		switch {
		case field != "":
			where = prep("in", withArticle(field))
		case d.Org != "":
			where = "in " + d.Org
		}
		return []string{
			"[Una domanda precisa sul percorso di " + d.First + " " + where + "]",
			"[Una domanda su cosa si cerca oggi " + where + " in una persona come te]",
			"[Una domanda a cui solo chi fa il lavoro di " + d.First + " sa rispondere]",
		}
	}
	where := "their work"
	if field != "" {
		where = field
	} else if d.Org != "" {
		where = "their work at " + d.Org
	}
	return []string{
		"[A specific question about how " + d.First + " got into " + where + "]",
		"[A question about what people in " + where + " look for in someone like you today]",
		"[A question only someone doing " + d.First + "'s job can answer]",
	}
}

// lowerFirst lower-cases the first letter of s, for a phrase that goes
// mid-sentence ("Lent her a book" after "when I").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsUpper(r) || (len(s) > n && unicode.IsUpper(rune(s[n]))) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// CheckVague is the code of Vague's findings.
const CheckVague = "vague"

// Vague reports what req leaves unsaid that its kind needs (Details), so
// that a draft's first sentence carries the request and its target: an
// intro with no one (whom, a sector or an organisation), a referral with
// no job, a review with no document, a chat with no subject, advice with
// no decision, a favor with nothing at all ("I'm hoping you can help me
// with something", and nothing after it). Each finding names the
// detail: "whom", "job", "doc", "topic", "decision". A draft still
// writes; it puts a placeholder where the detail goes.
func Vague(req Request) []Reason {
	d := trimDetails(req.Details)
	topic := strings.TrimSpace(req.Topic)
	var out []Reason
	miss := func(detail, msg string) { out = append(out, Reason{Code: CheckVague, Message: detail + ": " + msg}) }
	switch req.Kind {
	case store.KindIntro:
		if d.Whom == "" && strings.TrimSpace(req.Sector) == "" && strings.TrimSpace(req.Org) == "" {
			miss("whom", "an introduction to whom? Name a person or a role, or the sector or organisation.")
		}
		if d.Why == "" && topic == "" {
			miss("why", "say why you want to meet them.")
		}
	case store.KindReferral:
		if d.Job == "" {
			miss("job", "a referral for which job?")
		}
	case store.KindReview:
		if d.Doc == "" && topic == "" {
			miss("doc", "a look at which document? (the draft says CV)")
		}
	case store.KindChat:
		if topic == "" && strings.TrimSpace(req.Sector) == "" && strings.TrimSpace(req.Org) == "" {
			miss("topic", "a chat about what?")
		}
	case store.KindAdvice:
		if d.Decision == "" && topic == "" {
			miss("decision", "advice on which decision?")
		}
	case store.KindReference, store.KindRecommendation:
	default:
		if topic == "" {
			miss("topic", "a favor, but which? Say what you are asking for.")
		}
	}
	return out
}
