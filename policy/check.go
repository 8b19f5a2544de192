package policy

import (
	"strings"

	"kith/store"
)

// The codes of draft checks, one per rule a draft can miss. They are
// stable; CodeAcknowledge is shared with the verdict reason.
const (
	CheckIntent      = "intent"        // rule 1: the first sentence carries the request and its target
	CheckAcknowledge = CodeAcknowledge // rule 2: what you asked before acknowledged when due
	CheckBlurb       = "blurb"         // rule 3: a paste-ready paragraph in an intro
	CheckQuestions   = "questions"     // rule 3: specific questions in a chat or advice
	CheckOut         = "out"           // rule 4: an easy out
	CheckHelpBack    = "help-back"     // rule 5: an offer to help back
	CheckPlaceholder = "placeholder"   // bracketed placeholders left to fill
)

// checkText is what each rule says, in English and Italian.
var checkText = map[string][2]string{
	CheckIntent:      {"Say what you are asking for in the first sentence (rule 1: be direct).", "Di' cosa chiedi già nella prima frase (regola 1: vai dritto al punto)."},
	CheckAcknowledge: {"You asked them recently: say so (\u201cI know I asked you for an intro last month\u2026\u201d).", "Gli hai chiesto qualcosa di recente: dillo (\u201cSo che ti ho già chiesto una presentazione il mese scorso\u2026\u201d)."},
	CheckBlurb:       {"Include a short paragraph about you that they can paste into the intro.", "Aggiungi un breve paragrafo su di te da incollare nella presentazione."},
	CheckQuestions:   {"Bring two or more specific questions, in a list, so no time is wasted.", "Porta almeno due domande precise, in un elenco, così nessuno perde tempo."},
	CheckOut:         {"Give them an easy out (\u201cif now isn't a good time, just say so\u201d).", "Lascia una via d'uscita (\u201cse non è il momento giusto, dimmelo pure\u201d)."},
	CheckHelpBack:    {"Offer to help them back: it is not a one-way street.", "Offriti di ricambiare: non è una strada a senso unico."},
	CheckPlaceholder: {"Fill in or remove every [bracketed placeholder].", "Completa o togli ogni [segnaposto tra parentesi]."},
}

// The more specific things the intent rule can say.
var (
	smallTalkText = [2]string{"Open with the request, not small talk: a first sentence like that reads as a pitch on its way (rule 1).", "Comincia dalla richiesta, non dai convenevoli: una prima frase così fa pensare a una richiesta in arrivo (regola 1)."}
	vagueText     = [2]string{"The first sentence asks for a favor but not which: say what you are asking for (rule 1).", "La prima frase chiede un favore ma non quale: di' cosa chiedi (regola 1)."}
	targetText    = [2]string{"The first sentence asks, but not for whom or what: name it (", "La prima frase chiede, ma non dice chi o che cosa: nominalo ("}
	kindText      = [2]string{"The first sentence asks, but not for this: say the request itself (rule 1).", "La prima frase chiede, ma non questo: di' la richiesta vera e propria (regola 1)."}
)

func langIndex(lang string) int {
	if lang == store.LangItalian {
		return 1
	}
	return 0
}

// Checklist returns the rules a draft for req under verdict v must
// follow, in reading order, each with a sentence in English saying what
// it asks for. A screen shows it as a checklist and ticks off what Check
// does not report. ChecklistIn says them in a language.
func Checklist(req Request, v Verdict) []Reason { return ChecklistIn(req, v, store.LangEnglish) }

// ChecklistIn is Checklist in lang (en or it).
func ChecklistIn(req Request, v Verdict, lang string) []Reason {
	li := langIndex(lang)
	codes := make([]string, 0, 7)
	codes = append(codes, CheckIntent)
	if AckDue(v) {
		codes = append(codes, CheckAcknowledge)
	}
	if req.Kind == store.KindIntro {
		codes = append(codes, CheckBlurb)
	}
	if req.Kind == store.KindChat || req.Kind == store.KindAdvice {
		codes = append(codes, CheckQuestions)
	}
	codes = append(codes, CheckOut, CheckHelpBack, CheckPlaceholder)
	out := make([]Reason, len(codes))
	for i, c := range codes {
		out[i] = Reason{Code: c, Message: checkText[c][li]}
	}
	return out
}

// Check reads a draft, possibly rewritten by hand, and returns the rules
// of the Checklist it still misses, in the same order, said in the
// draft's language (store.GuessLang, else English). It reads structure
// first and wording second, in English and Italian:
//   - intent: the first sentence after the greeting asks (a question, or
//     "I'm writing to ask", "vorrei chiederti"), for this kind of help
//     (an introduction, a referral, a look at a document, a chat, advice,
//     a reference, a recommendation), and names the request's target when
//     it has one; small talk first ("Hope you're well", "Quanto tempo!")
//     and a favor with nothing in it are flagged;
//   - questions: two or more real questions in the questions block (a
//     list, or the paragraph after a line that introduces questions);
//     small talk elsewhere does not count;
//   - blurb: a paragraph of forty characters or more after a line that
//     says "paste", "copy" or "incollare", quoted or not, or a quoted or
//     fenced block that is not a quoted e-mail thread;
//   - acknowledgement, out and help back: broad wording of each;
//   - placeholder: a [bracketed] text left.
func Check(draft string, req Request, v Verdict) []Reason { return CheckIn(draft, req, v, "") }

// CheckIn is Check with its messages in lang (en or it); "" says them in
// the draft's language.
func CheckIn(draft string, req Request, v Verdict, lang string) []Reason {
	d := readDraft(draft)
	if lang == "" {
		lang = d.lang()
	}
	li := langIndex(lang)
	var missed []Reason
	for _, r := range ChecklistIn(req, v, store.Langs()[li]) {
		ok := true
		switch r.Code {
		case CheckIntent:
			if msg := d.intent(req, li); msg != "" {
				ok = false
				r.Message = msg
			}
		case CheckAcknowledge:
			ok = containsAny(d.body, ackMarkers)
		case CheckBlurb:
			ok = d.hasBlurb()
		case CheckQuestions:
			ok = d.questions() >= 2
		case CheckOut:
			ok = containsAny(d.body, outMarkers)
		case CheckHelpBack:
			ok = containsAny(d.body, helpMarkers)
		case CheckPlaceholder:
			ok = !hasPlaceholder(d.all)
		}
		if !ok {
			missed = append(missed, r)
		}
	}
	return missed
}

// containsAny reports whether s contains one of the "|"-separated markers.
func containsAny(s, markers string) bool {
	for markers != "" {
		var m string
		m, markers, _ = strings.Cut(markers, "|")
		if m != "" && strings.Contains(s, m) {
			return true
		}
	}
	return false
}

// hasPlaceholder reports a "[...]" of three or more characters on one
// line that is not a Markdown link.
func hasPlaceholder(s string) bool {
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			return false
		}
		s = s[i+1:]
		j := strings.IndexAny(s, "]\n")
		if j < 0 {
			return false
		}
		if s[j] == ']' && j >= 3 && !(j+1 < len(s) && s[j+1] == '(') {
			return true
		}
		s = s[j:]
	}
}

func stripPlaceholders(s string) string {
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			return s
		}
		s = s[:i] + s[i+j+1:]
	}
}
