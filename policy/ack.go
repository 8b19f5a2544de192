package policy

import (
	"strings"
	"time"

	"kith/store"
)

// Past is what a draft is written from besides the request and the
// verdict: the facts of your asks of the friend (store.AskFacts, as
// Subject holds them), what your last favor to them was (Favor.What, ""
// when unknown) and the time of drafting.
type Past struct {
	Asks      []store.AskFact
	LastFavor string
	Now       time.Time
}

// PastOf is the Past of a friend's history as store.History reads it.
func PastOf(asks []store.Ask, favors []store.Favor, now time.Time) Past {
	p := Past{Asks: store.AskFacts(asks), Now: now}
	var last time.Time
	for i := range favors {
		if !favors[i].At.Before(last) {
			last, p.LastFavor = favors[i].At, favors[i].What
		}
	}
	return p
}

// AckDue reports whether a draft under verdict v must acknowledge how
// much you have asked: the judgement says so when you ask inside the
// cool-down anyway (a forced hold, or a sole contact's caution) or when
// you have asked a lot lately for how close you are. An unanswered ask
// alone does not: that one gets a follow-up. It is the one trigger, for
// drafts and the checklist alike.
func AckDue(v Verdict) bool {
	return v.Has(CodeCooldown) || v.Has(CodeAcknowledge) || v.Has(CodeFrequency)
}

// ackWindow is how far back an acknowledgement looks: a season.
const ackWindow = 120 * 24 * time.Hour

// Ack is the acknowledgement a draft makes, written from the history so
// that it is true: what you asked before and when, how often, whether
// they helped, and whether they are the only one you know where you are
// asking.
type Ack struct {
	// Count is how many asks you made of the friend in the last four
	// months (drafts and withdrawn ones do not count).
	Count int
	// Asked says those asks in words, in the draft's language: "an
	// introduction three weeks ago", "an introduction in October and a
	// referral last week", "five referrals since August".
	Asked string
	// Helped is set when they helped with every one of them; HelpedLast
	// when they helped with the last one.
	Helped, HelpedLast bool
	// Sole is where they are the only one you know ("aerospace",
	// "Avio"), when that is why you ask them again; SoleIn is it with its
	// preposition in the draft's language ("in aerospace",
	// "nell'aerospazio").
	Sole, SoleIn string
}

// acknowledgement writes the Ack for a draft in lang, or nil when none is
// due (AckDue) or there is nothing before to acknowledge.
func acknowledgement(past Past, req Request, v Verdict, lang string) *Ack {
	if !AckDue(v) {
		return nil
	}
	var recent []*store.AskFact
	for i := range past.Asks {
		a := &past.Asks[i]
		if st := a.Status(); st == store.StatusDraft || st == store.StatusWithdrawn || past.Now.Sub(store.TimeOf(a.At())) > ackWindow {
			continue
		}
		recent = append(recent, a)
	}
	if len(recent) == 0 {
		return nil
	}
	last := recent[0]
	helped := true
	for _, a := range recent {
		if a.At() > last.At() {
			last = a
		}
		helped = helped && a.Status() == store.StatusHelped
	}
	it := lang == store.LangItalian
	ack := &Ack{Count: len(recent), Helped: helped, HelpedLast: last.Status() == store.StatusHelped}
	ack.Asked = askedWords(recent, last, past.Now, it)
	if v.Has(CodeAcknowledge) || req.Sole {
		if ack.Sole = strings.TrimSpace(req.Org); ack.Sole != "" {
			ack.SoleIn = "at " + ack.Sole
			if it {
				ack.SoleIn = "in " + ack.Sole
			}
		} else if ack.Sole = strings.TrimSpace(req.Sector); ack.Sole != "" {
			ack.SoleIn = "in " + ack.Sole
			if it {
				ack.SoleIn = prep("in", withArticle(ack.Sole))
			}
		}
	}
	return ack
}

// askedWords says the asks in recent, the latest last: one or two by
// kind and time, more by their number (and kind, when all are alike).
func askedWords(recent []*store.AskFact, last *store.AskFact, now time.Time, it bool) string {
	same := true
	first := last
	for _, a := range recent {
		same = same && a.Kind() == last.Kind()
		if a.At() < first.At() {
			first = a
		}
	}
	at := func(a *store.AskFact) time.Time { return store.TimeOf(a.At()) }
	switch {
	case len(recent) == 1:
		return kindPhrase(last.Kind(), it, 1) + " " + when(now, at(last), it)
	case len(recent) == 2 && !same:
		and := " and "
		if it {
			and = " e "
		}
		return kindPhrase(first.Kind(), it, 1) + " " + when(now, at(first), it) + and + kindPhrase(last.Kind(), it, 1) + " " + when(now, at(last), it)
	case same:
		return number(len(recent), it, kindFeminine(last.Kind())) + " " + kindPhrase(last.Kind(), it, len(recent)) + " " + since(at(first), it)
	}
	if it {
		return number(len(recent), true, true) + " richieste " + since(at(first), true) + ", l'ultima " + kindPhrase(last.Kind(), true, 1) + " " + when(now, at(last), true)
	}
	return number(len(recent), false, false) + " requests " + since(at(first), false) + ", most recently " + kindPhrase(last.Kind(), false, 1) + " " + when(now, at(last), false)
}

// kindPhrase is a kind as the thing asked for: "an introduction",
// "two referrals"; "una presentazione", "segnalazioni". With n > 1 it is
// the plural, without the number.
func kindPhrase(k store.Kind, it bool, n int) string {
	type forms struct{ one, many string }
	var f forms
	if it {
		f = map[store.Kind]forms{
			store.KindIntro:          {"una presentazione", "presentazioni"},
			store.KindReferral:       {"una segnalazione", "segnalazioni"},
			store.KindReview:         {"una revisione", "revisioni"},
			store.KindReference:      {"una referenza", "referenze"},
			store.KindRecommendation: {"una raccomandazione", "raccomandazioni"},
			store.KindChat:           {"una chiacchierata", "chiacchierate"},
			store.KindAdvice:         {"un consiglio", "consigli"},
		}[k]
		if f.one == "" {
			f = forms{"un favore", "favori"}
		}
	} else {
		f = map[store.Kind]forms{
			store.KindIntro:          {"an introduction", "introductions"},
			store.KindReferral:       {"a referral", "referrals"},
			store.KindReview:         {"a review of my work", "reviews"},
			store.KindReference:      {"a reference", "references"},
			store.KindRecommendation: {"a recommendation", "recommendations"},
			store.KindChat:           {"a chat", "chats"},
			store.KindAdvice:         {"advice", "pieces of advice"},
		}[k]
		if f.one == "" {
			f = forms{"a favor", "favors"}
		}
	}
	if n > 1 {
		return f.many
	}
	return f.one
}

// kindFeminine reports an Italian kind noun that is feminine.
func kindFeminine(k store.Kind) bool {
	return k != store.KindAdvice && k != store.KindOther
}

// number is n in words, up to twelve ("three"; "tre", "una"/"uno").
func number(n int, it, fem bool) string {
	en := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}
	itw := []string{"zero", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci", "undici", "dodici"}
	if n < 0 || n >= len(en) {
		if it {
			return "molte"
		}
		return "many"
	}
	if it {
		if n == 1 && fem {
			return "una"
		}
		return itw[n]
	}
	return en[n]
}

var (
	monthsEn = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	monthsIt = []string{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"}
)

// when says when t was, as one says it in a letter: "yesterday", "a few
// days ago", "last week", "three weeks ago", "in October"; "ieri",
// "qualche giorno fa", "la settimana scorsa", "tre settimane fa", "a
// ottobre".
func when(now, t time.Time, it bool) string {
	days := int(now.Sub(t) / (24 * time.Hour))
	switch {
	case days <= 0 && it:
		return "oggi"
	case days <= 0:
		return "earlier today"
	case days == 1 && it:
		return "ieri"
	case days == 1:
		return "yesterday"
	case days < 7 && it:
		return "qualche giorno fa"
	case days < 7:
		return "a few days ago"
	case days < 14 && it:
		return "la settimana scorsa"
	case days < 14:
		return "last week"
	case days < 45 && it:
		return number(days/7, true, true) + " settimane fa"
	case days < 45:
		return number(days/7, false, false) + " weeks ago"
	case it:
		return "a " + monthsIt[t.Month()-1]
	}
	return "in " + monthsEn[t.Month()-1]
}

// since is "since October" ("da ottobre").
func since(t time.Time, it bool) string {
	if it {
		return "da " + monthsIt[t.Month()-1]
	}
	return "since " + monthsEn[t.Month()-1]
}
