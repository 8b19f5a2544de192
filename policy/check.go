package policy

import (
	"strings"

	"kith/store"
)

// The codes of draft checks, one per rule a draft can miss. They are
// stable; CodeAcknowledge is shared with the verdict reason.
const (
	CheckIntent      = "intent"        // rule 1: the ask is in the first sentences
	CheckAcknowledge = CodeAcknowledge // rule 2: frequency acknowledged when due
	CheckBlurb       = "blurb"         // rule 3: a paste-ready paragraph in an intro
	CheckQuestions   = "questions"     // rule 3: specific questions in a chat or advice
	CheckOut         = "out"           // rule 4: an easy out
	CheckHelpBack    = "help-back"     // rule 5: an offer to help back
	CheckPlaceholder = "placeholder"   // bracketed placeholders left to fill
)

// Checklist returns the rules a draft for req under verdict v must
// follow, in reading order, each with a sentence saying what it asks for.
// A screen shows it as a checklist and ticks off what Check does not
// report.
func Checklist(req Request, v Verdict) []Reason {
	out := make([]Reason, 0, 7)
	out = append(out, Reason{Code: CheckIntent, Message: "Say what you are asking for in the first sentence (rule 1: be direct)."})
	if AckDue(v) {
		out = append(out, Reason{Code: CheckAcknowledge, Message: "You asked them recently: acknowledge it (\u201cI know I've sent you a lot of emails lately\u2026\u201d)."})
	}
	if req.Kind == store.KindIntro {
		out = append(out, Reason{Code: CheckBlurb, Message: "Include a short paragraph about you, set off (quoted with >), that they can paste into the intro."})
	}
	if req.Kind == store.KindChat || req.Kind == store.KindAdvice {
		out = append(out, Reason{Code: CheckQuestions, Message: "Bring two or more specific questions, so no one feels their time is wasted."})
	}
	out = append(out,
		Reason{Code: CheckOut, Message: "Give them an easy out (\u201cI completely understand if you don't have time for this\u201d)."},
		Reason{Code: CheckHelpBack, Message: "Offer to help them back: it is not a one-way street."},
		Reason{Code: CheckPlaceholder, Message: "Fill in or remove every [bracketed placeholder]."},
	)
	return out
}

// Markers are lower-case phrases, English and Italian, separated by "|",
// whose presence shows a rule is met. They are heuristics: they catch the
// usual ways of saying each thing, not every one.
const (
	intentMarkers = "would you|could you|do you have|a chat about|avresti|mi faresti|mi scriveresti|mi farebbe piacere|te la sentiresti|avrei un favore|i'd value your advice|i'm hoping you can|i am hoping you can|can you|would love|i'd love|i would love|i'd like to ask|writing to ask|i'm hoping|i am hoping|i was hoping|wondering if|wondering whether|ask you|ask whether|ask if|ask for|would it be possible|are you open|do you have time|introduce me|refer me|be a reference|recommendation|your advice|look over|chat with you|talk with you|talk to you|pick your brain|a favor|a favour|chiederti|vorrei|mi piacerebbe|potresti|ti andrebbe|saresti dispost|saresti disponibile|ti va di|presentarmi|presenteresti|segnalarmi|segnaleresti|referenza|raccomandazione|un consiglio|un tuo parere|un'occhiata|parlare con te|chiacchierare|un favore"
	ackMarkers    = "i know i asked you|i've asked a lot|come back so soon|coming back to you|so che ti ho già chiesto|ti ho chiesto parecchio|tornare da te|lately|recently|a lot of emails|so many emails|asking a lot|asked a lot|again so soon|keep asking|all your help|bothering you again|another favor|another favour|once again|ultimamente|di recente|molte email|tante email|di nuovo|ancora una volta|tutto il tuo aiuto|ti chiedo ancora|un altro favore|così spesso|cosi spesso"
	outMarkers    = "no pressure|just say so|completely fine|can easily wait|perfectly fine|totally fine|dimmelo pure|può aspettare|puo aspettare|understand if|completely understand|totally understand|no worries|if you don't have time|if you do not have time|if you can't|if now isn't|if it's not a good time|feel free to say no|feel free to decline|no obligation|fine to say no|just tell me|just say so|capisco perfettamente|capisco benissimo|capirei|capirò|nessuna pressione|nessun problema|se non hai tempo|se non è il momento|sentiti liber|non preoccuparti|nessun obbligo|dimmelo tranquillamente|dimmelo pure"
	helpMarkers   = "anything i can do|good people your way|glad to again|esserti utile|chiedimelo pure|segnalarti qualcuno|rifarei volentieri|return the favor|return the favour|help you|help in return|how i can help|if i can help|happy to help|glad to help|repay|owe you|ricambiare|fare qualcosa per te|posso aiutarti|esserti utile|darti una mano|sdebitarmi|aiutarti anch"
)

// Check reads a draft, possibly rewritten by hand, and returns the rules
// of the Checklist it still misses, in the same order: no clear ask in
// the first two sentences, no acknowledgement when one is due, no set-off
// blurb in an intro, fewer than two questions in a chat or advice, no
// out, no offer to help back, placeholders left. It reads English and
// Italian alike.
func Check(draft string, req Request, v Verdict) []Reason {
	lower := strings.ReplaceAll(strings.ToLower(draft), "\u2019", "'") // curly apostrophes as typed
	body := skipHeader(lower)
	var missed []Reason
	for _, r := range Checklist(req, v) {
		ok := true
		switch r.Code {
		case CheckIntent:
			ok = containsAny(opening(body), intentMarkers)
		case CheckAcknowledge:
			ok = containsAny(body, ackMarkers)
		case CheckBlurb:
			ok = hasSetOff(body)
		case CheckQuestions:
			ok = countQuestions(body)-askQuestions(opening(body)) >= 2
		case CheckOut:
			ok = containsAny(body, outMarkers)
		case CheckHelpBack:
			ok = containsAny(body, helpMarkers)
		case CheckPlaceholder:
			ok = !hasPlaceholder(body)
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

// skipHeader drops a leading "subject:" line and the greeting ("Hi Ana,").
func skipHeader(s string) string {
	s = strings.TrimLeft(s, " \t\r\n")
	if strings.HasPrefix(s, "subject:") || strings.HasPrefix(s, "oggetto:") {
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			s = strings.TrimLeft(s[i+1:], " \t\r\n")
		} else {
			return ""
		}
	}
	line, rest, found := strings.Cut(s, "\n")
	line = strings.TrimSpace(line)
	if found && len(line) <= 60 && (strings.HasSuffix(line, ",") || strings.HasSuffix(line, "!") || strings.HasSuffix(line, ":")) {
		return strings.TrimLeft(rest, " \t\r\n")
	}
	return s
}

// opening returns the first two sentences of s (a blank line also ends a
// sentence), where the ask belongs.
func opening(s string) string {
	ends := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		end := false
		switch c {
		case '.', '?', '!':
			end = i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\n' || s[i+1] == '\r' || s[i+1] == '\t'
		case '\n':
			end = i+1 < len(s) && s[i+1] == '\n'
		}
		if end {
			ends++
			if ends == 2 {
				return s[:i+1]
			}
		}
	}
	return s
}

// hasSetOff reports a paragraph set off for pasting: quoted lines (">")
// with real text, text between "---" fences, or a paragraph in quotes.
func hasSetOff(s string) bool {
	quoted, fenced, inFence := 0, 0, false
	for line := range strings.Lines(s) {
		l := strings.TrimSpace(line)
		switch {
		case l == "---" || l == "***" || l == "———":
			if inFence && fenced >= 40 {
				return true
			}
			inFence, fenced = !inFence, 0
		case inFence:
			fenced += len(l)
		case strings.HasPrefix(l, ">"):
			t := strings.TrimSpace(strings.TrimLeft(l, ">"))
			if !strings.HasPrefix(t, "[") {
				quoted += len(t)
			}
		case (strings.HasPrefix(l, "\"") || strings.HasPrefix(l, "\u201c") || strings.HasPrefix(l, "\u00ab")) && len(l) >= 60:
			return true
		}
	}
	return quoted >= 40
}

// countQuestions counts sentences ending in "?" and list items that are
// not placeholders.
func countQuestions(s string) int {
	n := 0
	for line := range strings.Lines(s) {
		l := strings.TrimSpace(line)
		if l == "" {
			continue
		}
		item := strings.TrimLeft(l, "0123456789.)-*• \t")
		isItem := len(item) < len(l) && item != ""
		q := strings.Count(stripPlaceholders(l), "?")
		switch {
		case q > 0:
			n += q
		case isItem && !strings.HasPrefix(item, "["):
			n++
		}
	}
	return n
}

// askQuestions counts the sentences of the opening that are the ask
// itself put as a question ("Would you have 20 minutes?"): they are not
// among the questions a chat brings.
func askQuestions(open string) int {
	n, start := 0, 0
	for i := 0; i < len(open); i++ {
		if open[i] == '?' {
			if containsAny(open[start:i], intentMarkers) {
				n++
			}
			start = i + 1
		} else if (open[i] == '.' || open[i] == '!') && (i+1 == len(open) || open[i+1] == ' ' || open[i+1] == '\n') {
			start = i + 1
		}
	}
	return n
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
