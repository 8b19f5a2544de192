package policy

import (
	"strings"
	"unicode"

	"kith/store"
)

// draftDoc is a draft read for Check: lower-cased, curly apostrophes
// straightened, the subject line and greeting dropped.
type draftDoc struct {
	all   string   // the whole draft
	body  string   // the text after the greeting
	first string   // its first sentence
	paras []string // its paragraphs, in order
}

func readDraft(draft string) draftDoc {
	lower := strings.ReplaceAll(strings.ToLower(draft), "\u2019", "'")
	lower = strings.ReplaceAll(lower, "\r\n", "\n")
	d := draftDoc{all: lower, body: skipHeader(lower)}
	d.first = firstSentence(d.body)
	for _, p := range strings.Split(d.body, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			d.paras = append(d.paras, p)
		}
	}
	return d
}

// TextLang is the language a draft is written in, as Check reads it:
// en or it.
func TextLang(draft string) string { return readDraft(draft).lang() }

// lang is the draft's language: as its words say (store.GuessLang), else
// as its greeting does ("Ciao", "Cara"), else English.
func (d draftDoc) lang() string {
	if l := store.GuessLang(d.all); l != "" {
		return l
	}
	w, _, _ := strings.Cut(strings.TrimSpace(skipSubject(d.all)), " ")
	switch strings.Trim(w, ",!") {
	case "ciao", "caro", "cara", "salve", "buongiorno", "buonasera", "gentile", "carissimo", "carissima", "ehi":
		return store.LangItalian
	}
	return store.LangEnglish
}

// skipSubject drops a leading subject line.
func skipSubject(s string) string {
	s = strings.TrimLeft(s, " \t\n")
	if strings.HasPrefix(s, "subject:") || strings.HasPrefix(s, "oggetto:") {
		_, rest, _ := strings.Cut(s, "\n")
		return rest
	}
	return s
}

// greetingWords start a greeting line or a greeting before a comma.
var greetingWords = []string{"hi", "hey", "hello", "dear", "hiya", "morning", "ciao", "caro", "cara", "salve", "buongiorno", "buonasera", "gentile", "carissimo", "carissima", "ehi"}

// skipHeader drops a leading "subject:" line and the greeting ("Hi Ana,"
// on its own line, or before the first sentence: "Hi Ana, could you…").
func skipHeader(s string) string {
	s = strings.TrimLeft(s, " \t\n")
	if strings.HasPrefix(s, "subject:") || strings.HasPrefix(s, "oggetto:") {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			return ""
		}
		s = strings.TrimLeft(s[i+1:], " \t\n")
	}
	line, rest, found := strings.Cut(s, "\n")
	l := strings.TrimSpace(line)
	if found && len(l) <= 60 && (strings.HasSuffix(l, ",") || strings.HasSuffix(l, "!") || strings.HasSuffix(l, ":") || strings.HasSuffix(l, "—") || strings.HasSuffix(l, "-")) {
		return strings.TrimLeft(rest, " \t\n")
	}
	w, _, _ := strings.Cut(l, " ")
	for _, g := range greetingWords {
		if w == g || w == g+"," {
			if i := strings.IndexByte(s, ','); i > 0 && i < 40 && !strings.ContainsAny(s[:i], ".?!\n") {
				return strings.TrimLeft(s[i+1:], " \t\n")
			}
		}
	}
	return s
}

// firstSentence is s up to its first full stop, question or exclamation
// mark followed by a space, or its first blank line.
func firstSentence(s string) string {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.', '?', '!':
			if i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\n' || s[i+1] == '\t' {
				return s[:i+1]
			}
		case '\n':
			if i+1 < len(s) && s[i+1] == '\n' {
				return s[:i]
			}
		}
	}
	return s
}

// intent returns what the intent rule says is wrong with the opening, in
// language li, or "" when the first sentence carries the request.
func (d draftDoc) intent(req Request, li int) string {
	f := d.first
	switch {
	case strings.TrimSpace(f) == "":
		return checkText[CheckIntent][li]
	case containsAny(f, smallTalkMarkers):
		return smallTalkText[li]
	case !containsAny(f, askMarkers) && !strings.Contains(f, "?"):
		return checkText[CheckIntent][li]
	}
	if words := kindWords[req.Kind]; words != "" && !containsAny(f, words) {
		return kindText[li]
	}
	if req.Kind == store.KindOther || req.Kind == "" {
		last := strings.TrimRightFunc(f, func(r rune) bool { return !unicode.IsLetter(r) })
		if i := strings.LastIndexByte(last, ' '); i >= 0 {
			last = last[i+1:]
		}
		switch last {
		case "favor", "favour", "favore", "something", "qualcosa", "help", "aiuto", "question", "domanda", "cosa":
			return vagueText[li]
		}
	}
	if targets := requestTargets(req); len(targets) > 0 {
		for _, t := range targets {
			for _, w := range strings.Fields(strings.ToLower(t)) {
				w = strings.Trim(w, ".,;:!?()\"'")
				if len([]rune(w)) >= 4 && strings.Contains(f, w) {
					return ""
				}
			}
		}
		return targetText[li] + strings.Join(targets, ", ") + ")."
	}
	return ""
}

// requestTargets are the details the first sentence of req's kind must
// name one of, when it has any.
func requestTargets(req Request) []string {
	d := req.Details
	var c []string
	switch req.Kind {
	case store.KindIntro:
		c = []string{d.Whom, req.Org, req.Sector}
	case store.KindReferral:
		c = []string{d.Job, req.Org, req.Topic}
	case store.KindReview:
		c = []string{d.Doc, req.Topic}
	case store.KindChat:
		c = []string{req.Topic} // a chat's sector is often the friend's own, not said
	case store.KindAdvice:
		c = []string{d.Decision, req.Topic}
	case store.KindOther:
		c = []string{req.Topic}
	}
	var out []string
	for _, s := range c {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// hasBlurb reports a paragraph about you set off for pasting.
func (d draftDoc) hasBlurb() bool {
	for i, p := range d.paras {
		// the paragraph right after one that says to paste it, quoted or not
		if i+1 < len(d.paras) && containsAny(stripPlaceholders(p), pasteMarkers) {
			next := d.paras[i+1]
			if len(strings.TrimSpace(stripPlaceholders(unquote(next)))) >= 40 && !isThread(next) {
				return true
			}
		}
	}
	// a quoted or fenced block that is not a quoted thread
	quoted, fenced, inFence := 0, 0, false
	thread := false
	for line := range strings.Lines(d.body) {
		l := strings.TrimSpace(line)
		switch {
		case strings.HasSuffix(l, "wrote:") || strings.HasSuffix(l, "ha scritto:") || strings.HasPrefix(l, "-----original") || strings.HasPrefix(l, "> on ") || strings.HasPrefix(l, "> il "):
			thread = true
		case l == "---" || l == "***" || l == "———":
			if inFence && fenced >= 40 {
				return true
			}
			inFence, fenced = !inFence, 0
		case inFence:
			fenced += len(l)
		case strings.HasPrefix(l, ">") && !thread:
			t := strings.TrimSpace(strings.TrimLeft(l, ">"))
			if !strings.HasPrefix(t, "[") {
				quoted += len(t)
			}
		}
	}
	return quoted >= 40
}

// unquote drops the "> " of quoted lines and quotation marks around a
// paragraph.
func unquote(p string) string {
	var b strings.Builder
	for line := range strings.Lines(p) {
		b.WriteString(strings.TrimLeft(strings.TrimSpace(line), "> "))
		b.WriteByte(' ')
	}
	return strings.Trim(b.String(), " \"\u201c\u201d\u00ab\u00bb")
}

// isThread reports a quoted e-mail ("On Mon, Ana wrote:").
func isThread(p string) bool {
	return strings.Contains(p, "wrote:") || strings.Contains(p, "ha scritto:") || strings.Contains(p, "-----original")
}

// questions counts the real questions of the questions block: list
// items (numbered or bulleted) that are not placeholders, and the
// questions of a paragraph after a line that introduces questions.
func (d draftDoc) questions() int {
	n := 0
	intro := false
	for i, p := range d.paras {
		if i == 0 {
			intro = containsAny(lastLine(p), questionIntroMarkers)
			continue // the opening is the request, not the questions
		}
		if lead, rest, ok := strings.Cut(p, ":"); ok && !strings.Contains(lead, "\n") && containsAny(lead, questionIntroMarkers) {
			// "Two questions: how did you start? What do you wish you had known?"
			if q := strings.Count(stripPlaceholders(rest), "?"); q > 0 && !strings.Contains(strings.TrimSpace(rest), "\n") {
				n += q
				intro = false
				continue
			}
		}
		for line := range strings.Lines(p) {
			l := strings.TrimSpace(line)
			item := strings.TrimLeft(l, "0123456789.)-*•– \t")
			switch {
			case item == "" || strings.HasPrefix(item, "["):
			case len(item) < len(l):
				n++
			case intro:
				n += strings.Count(stripPlaceholders(l), "?")
			}
		}
		intro = containsAny(lastLine(p), questionIntroMarkers)
	}
	return n
}

func lastLine(p string) string {
	p = strings.TrimSpace(p)
	if i := strings.LastIndexByte(p, '\n'); i >= 0 {
		p = p[i+1:]
	}
	return p
}

// The wordings, English and Italian, lower case, separated by "|".
const (
	askMarkers = "would you|could you|can you|will you|do you|are you|might you|would it|is there any|any chance|is it possible|are you open|writing to ask|wanted to ask|like to ask|want to ask|hoping you|was hoping|i'm hoping|i'd love your|i'd value|i'd love to|i would love to|i'd like to|i'd be grateful|i'd be so grateful|i'd really appreciate|i would appreciate|please|wondering if|wondering whether|favor to ask|favour to ask|" +
		"potresti|potrei|avresti|ti andrebbe|ti va |ti chiedo|ti scrivo per|chiederti|vorrei|mi piacerebbe|mi farebbe piacere|mi faresti|mi daresti|mi presenteresti|mi segnaleresti|mi scriveresti|te la sentiresti|saresti dispost|saresti disponibile|ti dispiacerebbe|sarebbe possibile|avrei un favore|avrei bisogno|ti spiace|per favore|mi servirebbe"
	smallTalkMarkers = "how are you|how's it going|how have you been|hope you're well|hope you are well|hope all is well|hope this finds you|hope you're doing well|long time no see|it's been ages|it's been a while|been a while|how was |how's the |happy new year|congrats on|congratulations on|great to see|nice to see|lovely to see|i saw your post|" +
		"come stai|come va|spero tutto bene|spero che tu stia bene|spero stia bene|quanto tempo|da quanto tempo|è passato tanto|com'è andat|come è andat|tanti auguri|buon anno|complimenti per|che bello|ho visto il tuo post"
	pasteMarkers         = "paste|copy|forward|incoll|copia|inoltrar|girar"
	questionIntroMarkers = "question|things i'd love to ask|i'd love to know|what i'd love|your take on|domand|vorrei sapere|chiederti:|il tuo parere"
	ackMarkers           = "i know i asked|too soon|you helped me with|asked of you|the third|third thing|i know i've asked|i've been asking|i have been asking|asked a lot|asking a lot|a lot of you|again so soon|back so soon|so soon after|another favor|another favour|a lot lately|keep asking|once again|bothering you again|i realize i|i realise i|the second time|leaned on you|lately|recently|all your help|" +
		"so che ti ho|troppo presto|mi hai aiutat|ti ho chiesto|mi rendo conto|la terza|che ti chiedo|di nuovo|ancora una volta|un altro favore|ultimamente|così presto|torno a chiederti|ti disturbo ancora|approfitt|di recente|tutto il tuo aiuto|ti ho già chiesto"
	outMarkers = "no pressure|no rush|no problem|no worries|totally fine|completely fine|perfectly fine|if you can't|if not|understand if|just say so|feel free to say no|feel free to decline|don't worry if|if it's too much|if you're swamped|if you'd rather not|no obligation|all good if|say no|if it's not a good time|if now isn't|no problem if|i'll understand|i'll completely understand|completely understand|totally understand|can wait|if you don't have time|if you do not have time|just tell me|" +
		"nessun problema|nessuna fretta|nessuna pressione|tranquill|se non puoi|se non te la senti|capisco|capirò|capirei|non preoccuparti|se non hai tempo|nessun obbligo|sentiti liber|dimmi pure di no|se è troppo|non c'è problema|senza impegno|può aspettare|dimmelo pure|se non è il momento"
	helpMarkers = "anything i can do|you know where i am|i'm your person|i'm around|i'm in|for you too|for you as well|glad to volunteer|happy to volunteer|i'd be happy to|i'd be glad to|in return|shout if you need|return the favor|return the favour|owe you|if i can ever help|if i can help|how i can help|happy to help|glad to help|help you with|help in return|repay|good people your way|glad to again|happy to return|any time you need|just ask|let me know if i can|" +
		"ricambi|sai dove trovarmi|in cambio|ci sono|ti do una mano|sono qui|ti devo|ti offro|anche per te|ci penso io|mi offro|girale pure a me|sdebitarmi|esserti utile|darti una mano|posso aiutarti|aiutarti anch|se ti serve|per qualsiasi cosa|conta su di me|chiedimi pure|a disposizione|fare qualcosa per te|rifarei volentieri|segnalarti qualcuno"
)

// kindWords are the words a first sentence asking for each kind uses.
var kindWords = map[store.Kind]string{
	store.KindIntro:          "introduc|intro|put me in touch|connect me|connect with|present|in contatto",
	store.KindReferral:       "refer|put my name|put in a word|recommend me for|segnal|buona parola|candidat",
	store.KindReview:         "look over|look at|take a look|review|feedback|read|glance|eye over|comments|occhiata|rilegg|leggere|revision|parere|commenti|corregg",
	store.KindChat:           "chat|talk|call|coffee|minutes|pick your brain|hear about|chiacchier|parlare|parlarne|sentirci|caffè|telefonata|chiamata|minuti|raccontarmi",
	store.KindAdvice:         "advice|advise|your take|your view|your thoughts|what you'd do|what would you do|decision|decide|consigli|parere|cosa faresti|scelta|decidere|opinione",
	store.KindReference:      "reference|referee|vouch|referenz",
	store.KindRecommendation: "recommend|endorse|raccomandazione",
}
