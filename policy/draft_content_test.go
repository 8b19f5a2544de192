package policy

import (
	"strings"
	"testing"
	"time"

	"kith/store"
)

// draftCase is one draft and what its body must and must not say.
type draftCase struct {
	name    string
	p       store.Profile
	f       *store.Friend
	req     Request
	v       Verdict
	past    []store.Ask
	favors  []store.Favor
	has     []string
	hasNot  []string
	subject string
}

func (tc draftCase) run(t *testing.T) {
	t.Helper()
	f := tc.f
	if f == nil {
		f = friend()
	}
	m, err := Draft(tc.p, f, tc.req, tc.v, PastOf(tc.past, tc.favors, now), builtins(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range tc.has {
		if !strings.Contains(m.Body, s) {
			t.Errorf("body lacks %q:\n%s", s, m.Body)
		}
	}
	for _, s := range tc.hasNot {
		if strings.Contains(m.Body, s) || strings.Contains(m.Subject, s) {
			t.Errorf("draft has %q:\n%s\n%s", s, m.Subject, m.Body)
		}
	}
	if tc.subject != "" && m.Subject != tc.subject {
		t.Errorf("subject = %q, want %q", m.Subject, tc.subject)
	}
	if strings.Contains(m.Body, "\n\n\n") || strings.Contains(m.Body, " \n") || strings.Contains(m.Body, "  ") {
		t.Errorf("body has stray blank lines or spaces:\n%q", m.Body)
	}
}

func verdictOf(f *store.Friend, asks []store.Ask, req Request) Verdict {
	return Evaluate(SubjectOf(f, asks, nil), req, store.DefaultSettings(), now)
}

// The acknowledgement is written from the history and triggered by the
// judgement, never pasted.
func TestDraftAcknowledgesFromTheHistory(t *testing.T) {
	cooldown := Verdict{Level: Hold, Reasons: []Reason{{CodeCooldown, "x.", Hold}}}
	oneChat := []store.Ask{ask(store.KindChat, store.StatusNoResponse, 9*day)}
	fiveReferrals := []store.Ask{
		ask(store.KindReferral, store.StatusHelped, 95*day), ask(store.KindReferral, store.StatusHelped, 70*day),
		ask(store.KindReferral, store.StatusHelped, 50*day), ask(store.KindReferral, store.StatusHelped, 30*day),
		ask(store.KindReferral, store.StatusHelped, 16*day),
	}
	ref := Request{Kind: store.KindReferral, Org: "Avio", Details: Details{Job: "Designer"}}
	five := verdictOf(friend(), fiveReferrals, ref)
	if !AckDue(five) {
		t.Fatalf("five referrals in 100 days: verdict %v carries no acknowledgement", five)
	}
	pendingOnly := verdictOf(friend(), []store.Ask{ask(store.KindIntro, store.StatusSent, 40*day)}, Request{Kind: store.KindChat})
	for _, tc := range []draftCase{
		{name: "one chat they never answered, forced: says so, no search, no 'all your help'",
			p: fullProfile("en"), req: Request{Kind: store.KindChat, Topic: "avionics"}, v: cooldown, past: oneChat,
			has:    []string{"I know I asked you for a chat last week, so I don't take this lightly."},
			hasNot: []string{"search", "all your help", "kind enough to help"}},
		{name: "helped once",
			p: fullProfile("en"), req: Request{Kind: store.KindChat, Topic: "avionics"}, v: cooldown,
			past: []store.Ask{ask(store.KindIntro, store.StatusHelped, 20*day)},
			has:  []string{"I know I asked you for an introduction two weeks ago, and you were kind enough to help"}},
		{name: "five referrals in 100 days",
			p: fullProfile("en"), req: ref, v: five, past: fiveReferrals,
			has: []string{"I know I've asked a lot of you lately (five referrals since August), and you've helped every time: thank you."}},
		{name: "five referrals, in Italian",
			p: fullProfile("it"), req: ref, v: five, past: fiveReferrals,
			has: []string{"So che ultimamente ti ho chiesto parecchio (cinque segnalazioni da agosto) e mi hai sempre aiutato: grazie."}},
		{name: "sole contact",
			p: fullProfile("en"), req: Request{Kind: store.KindIntro, Sector: "aerospace", Sole: true, Details: Details{Whom: "a flight-test engineer", Why: "I want to learn the job"}},
			v:    Verdict{Level: Caution, Reasons: []Reason{{CodeAcknowledge, "x.", Caution}}},
			past: []store.Ask{ask(store.KindChat, store.StatusHelped, 5*day)},
			has:  []string{"I know I asked you for a chat a few days ago, so I'm sorry to come back so soon: you're the one person I know in aerospace."}},
		{name: "sole contact, in Italian: the article",
			p: fullProfile("it"), req: Request{Kind: store.KindIntro, Sector: "aerospazio", Sole: true, Details: Details{Whom: "un ingegnere di volo"}},
			v:    Verdict{Level: Caution, Reasons: []Reason{{CodeAcknowledge, "x.", Caution}}},
			past: []store.Ask{ask(store.KindChat, store.StatusHelped, 5*day)},
			has:  []string{"sei l'unica persona che conosco nell'aerospazio."}},
		{name: "two different asks",
			p: fullProfile("en"), req: Request{Kind: store.KindAdvice, Details: Details{Decision: "whether to go freelance"}},
			v:      Verdict{Level: Caution, Reasons: []Reason{{CodeFrequency, "x.", Caution}}},
			past:   []store.Ask{ask(store.KindIntro, store.StatusHelped, 60*day), ask(store.KindReview, store.StatusDeclined, 10*day)},
			has:    []string{"(an introduction in September and a review of my work last week)."},
			hasNot: []string{"helped every time"}},
		{name: "pending alone: no acknowledgement",
			p: fullProfile("en"), req: Request{Kind: store.KindChat, Topic: "avionics"}, v: pendingOnly,
			past:   []store.Ask{ask(store.KindIntro, store.StatusSent, 40*day)},
			hasNot: []string{"I know I asked", "I know I've asked"}},
		{name: "a hold with nothing before it: nothing to acknowledge",
			p: fullProfile("en"), req: Request{Kind: store.KindChat, Topic: "avionics"}, v: cooldown,
			hasNot: []string{"I know I"}},
	} {
		t.Run(tc.name, tc.run)
	}
}

// The Italian is what a native speaker sends: articles that agree,
// prepositions joined with them, no calques, pronouns with antecedents.
func TestDraftItalianGrammar(t *testing.T) {
	it := fullProfile("it")
	clear := Verdict{Level: Clear}
	for _, tc := range []draftCase{
		{name: "a letter is feminine", p: it, req: Request{Kind: store.KindReview, Details: Details{Doc: "lettera di presentazione"}}, v: clear,
			has:     []string{"dare un'occhiata alla mia lettera di presentazione", "te la mando"},
			hasNot:  []string{"al mio lettera", "te lo mando", "dieci minuti del tuo sguardo"},
			subject: "Daresti un'occhiata alla mia lettera di presentazione?"},
		{name: "a CV is masculine", p: it, req: Request{Kind: store.KindReview}, v: clear,
			has: []string{"dare un'occhiata al mio CV", "te lo mando"}},
		{name: "a candidatura too", p: it, req: Request{Kind: store.KindReview, Details: Details{Doc: "candidatura"}}, v: clear,
			has: []string{"alla mia candidatura"}, hasNot: []string{"al mio candidatura"}},
		{name: "sul fintech", p: it, req: Request{Kind: store.KindChat, Topic: "fintech"}, v: clear,
			has: []string{"per parlare del fintech"}, subject: "Due chiacchiere sul fintech?"},
		{name: "nell'aerospazio", p: it, req: Request{Kind: store.KindIntro, Sector: "aerospazio", Details: Details{Why: "voglio capire il settore"}}, v: clear,
			has: []string{"mi presenteresti a qualcuno nell'aerospazio?"}},
		{name: "no calques, no pronoun without antecedent", p: it, req: Request{Kind: store.KindReference, Details: Details{Job: "designer"}},
			f: friend(func(f *store.Friend) { f.WorkedTogether = true }), v: clear,
			hasNot: []string{"Nessuna pressione", "la loro telefonata", "nel tuo settore"}},
		{name: "placeholders name the friend's field, not 'your' field", p: store.Profile{Lang: "it"}, req: Request{Kind: store.KindChat}, v: clear,
			has: []string{"[Una domanda precisa sul percorso di Ana nell'aerospace]"}, hasNot: []string{"nel tuo settore"}},
		{name: "tu throughout", p: it, req: Request{Kind: store.KindChat, Topic: "design"}, v: clear,
			hasNot: []string{" Lei ", " Suo ", " La ringrazio"}},
	} {
		t.Run(tc.name, tc.run)
	}
}

// The English is what a native speaker sends: no "ten minutes of your
// eye", one out, not "my my", and openings that differ by kind.
func TestDraftEnglish(t *testing.T) {
	en := fullProfile("en")
	clear := Verdict{Level: Clear}
	for _, tc := range []draftCase{
		{name: "review", p: en, req: Request{Kind: store.KindReview, Details: Details{Doc: "my cover letter"}}, v: clear,
			has: []string{"Would you have a moment to look over my cover letter"}, hasNot: []string{"of your eye", "my my"},
			subject: "Would you look over my cover letter?"},
		{name: "referral: one out", p: en, req: Request{Kind: store.KindReferral, Org: "Avio", Details: Details{Job: "Product Designer", Link: "https://avio.example/jobs/7"}}, v: clear,
			has:    []string{"Would you feel comfortable referring me for the Product Designer role at Avio?\n\nHere's the posting: https://avio.example/jobs/7\n"},
			hasNot: []string{"just tell me", "No pressure"}},
		{name: "a topic is not poured into the referral's job", p: en, req: Request{Kind: store.KindReferral, Topic: "my move into fintech"}, v: clear,
			has: []string{"referring me for [the role] at your company?"}, hasNot: []string{"for my move into fintech"}},
		{name: "nor into a reference", p: en, f: friend(func(f *store.Friend) { f.WorkedTogether = true }), req: Request{Kind: store.KindReference, Topic: "my move into fintech"}, v: clear,
			hasNot: []string{"for my move into fintech"}},
		{name: "help back is not at their own employer", p: en, req: Request{Kind: store.KindOther, Topic: "a lift to the airport"}, v: clear,
			has: []string{"And if there's ever anything I can do for you, just ask."}, hasNot: []string{"at Acme or elsewhere"}},
		{name: "help back for someone who hires", p: en, f: friend(func(f *store.Friend) { f.Role = "Head of Design" }), req: Request{Kind: store.KindChat, Topic: "design"}, v: clear,
			has: []string{"if you're ever hiring for your team, I'd be glad to send good people your way."}},
		{name: "help back recalls a favor", p: en, req: Request{Kind: store.KindChat, Topic: "design"}, v: clear,
			favors: []store.Favor{{What: "Reviewed the slides of the conference talk", At: now.Add(-30 * day)}},
			has:    []string{"I was glad to help when I reviewed the slides of the conference talk"}},
		{name: "a favor logged about them is not pasted to them", p: en, req: Request{Kind: store.KindChat, Topic: "design"}, v: clear,
			favors: []store.Favor{{What: "Reviewed her conference talk", At: now.Add(-30 * day)}},
			has:    []string{"And if there's ever anything I can do for you, just ask."}, hasNot: []string{"her conference talk"}},
		{name: "nor in Italian", p: store.Profile{Lang: "it"}, f: friend(func(f *store.Friend) { f.Lang = "it" }), req: Request{Kind: store.KindChat, Topic: "design"}, v: clear,
			favors: []store.Favor{{What: "gli ho sistemato il sito", At: now.Add(-30 * day)}},
			hasNot: []string{"gli ho sistemato"}},
		{name: "advice placeholders are about the decision", p: store.Profile{Lang: "en"}, req: Request{Kind: store.KindAdvice, Details: Details{Decision: "whether to take the Avio offer"}}, v: clear,
			has:    []string{"I'd value your advice on a decision I'm facing: whether to take the Avio offer.", "[A specific question about your decision"},
			hasNot: []string{"how Ana got into"}},
		{name: "chat placeholders use their sector", p: store.Profile{Lang: "en"}, req: Request{Kind: store.KindChat}, v: clear,
			has: []string{"[A specific question about how Ana got into aerospace]"}},
		{name: "a bank of one question does not announce a few", p: store.Profile{Lang: "en", Questions: map[string][]string{"default": {"How did you start?"}}},
			req: Request{Kind: store.KindChat, Topic: "design"}, v: clear,
			has: []string{"Here's the one thing I'd most like to ask:\n\n1. How did you start?"}, hasNot: []string{"a few"}},
	} {
		t.Run(tc.name, tc.run)
	}
	// Openings: the first words differ from kind to kind.
	seen := map[string]store.Kind{}
	for _, k := range store.Kinds() {
		m, err := Draft(en, friend(func(f *store.Friend) { f.WorkedTogether = true }), Request{Kind: k, Topic: "design"}, clear, Past{Now: now}, builtins(t))
		if err != nil {
			t.Fatal(err)
		}
		body := strings.SplitN(m.Body, "\n\n", 3)[1]
		words := strings.Join(strings.Fields(body)[:3], " ")
		if other, ok := seen[words]; ok {
			t.Errorf("%s and %s both open %q", k, other, words)
		}
		seen[words] = k
	}
}

// A busy season makes the note shorter and offers to wait.
func TestDraftBusyIsShorterAndOffersToWait(t *testing.T) {
	f := friend(func(f *store.Friend) { f.Busy = []store.MonthRange{{From: time.November, To: time.December}} })
	busy := Verdict{Level: Caution, Reasons: []Reason{{CodeBusy, "x.", Caution}}}
	for _, lang := range store.Langs() {
		req := Request{Kind: store.KindReferral, Org: "Avio", Details: Details{Job: "Designer", Link: "https://x.example/1"}}
		calm, err := Draft(fullProfile(lang), f, req, Verdict{Level: Clear}, Past{Now: now}, builtins(t))
		if err != nil {
			t.Fatal(err)
		}
		rush, err := Draft(fullProfile(lang), f, req, busy, Past{Now: now}, builtins(t))
		if err != nil {
			t.Fatal(err)
		}
		if len(rush.Body) >= len(calm.Body) {
			t.Errorf("%s: the busy draft (%d bytes) is not shorter than the calm one (%d)", lang, len(rush.Body), len(calm.Body))
		}
		want := map[string]string{"en": "it can easily wait until after December", "it": "può aspettare la fine di dicembre"}[lang]
		if !strings.Contains(rush.Body, want) {
			t.Errorf("%s: busy draft lacks %q:\n%s", lang, want, rush.Body)
		}
	}
}

// Each friend has a language, and a draft takes the blurb in it, or says
// which language it is in.
func TestDraftLanguagePerFriend(t *testing.T) {
	p := fullProfile("en")
	p.Normalize()
	f := friend(func(f *store.Friend) {
		f.Lang = store.LangItalian
		f.WorkedTogether = true
		f.WorkedNote = "we built the payments app together"
	})
	req := Request{Kind: store.KindIntro, Sector: "design", Details: Details{Whom: "Luca"}}
	qp := p
	qp.Questions = map[string][]string{"chat": {"How did you get into design?", "What would you tell me?"}, "chat@it": {"Come sei arrivata al design?", "Cosa mi diresti?"}}
	en := friend(func(f *store.Friend) { f.Lang = store.LangEnglish })
	enq := p
	enq.Questions = map[string][]string{"chat": {"What does a normal week look like for you?", "What surprised you most about the job?"}}
	for _, tc := range []draftCase{
		{name: "an English chat leaves the Italian questions out", p: qp, f: en, req: Request{Kind: store.KindChat, Topic: "design"}, v: Verdict{Level: Clear},
			has: []string{"1. How did you get into design?"}, hasNot: []string{"Come sei"}},
		{name: "an Italian friend of an English profile, with only an English blurb", p: p, f: f, req: req, v: Verdict{Level: Clear},
			has: []string{"Ciao Ana,", "mi presenteresti a Luca nel design?", "(per ora ce l'ho solo in inglese: se ti serve in italiano, te lo traduco):", "> Marco is a product designer"}},
		{name: "an Italian intro to a role joins a and its article", p: p, f: f, req: Request{Kind: store.KindIntro, Details: Details{Whom: "la responsabile marketing di Lumen"}}, v: Verdict{Level: Clear},
			has: []string{"mi presenteresti alla responsabile marketing di Lumen?"}, hasNot: []string{"a la "}},
		{name: "an Italian intro to a name keeps it whole", p: p, f: f, req: Request{Kind: store.KindIntro, Details: Details{Whom: "La Rosa"}}, v: Verdict{Level: Clear},
			has: []string{"mi presenteresti a La Rosa"}},
		{name: "an Italian chat takes the questions kept in Italian", p: qp, f: f, req: Request{Kind: store.KindChat, Topic: "design"}, v: Verdict{Level: Clear},
			has: []string{"1. Come sei arrivata al design?"}, hasNot: []string{"How did you"}},
		{name: "an Italian chat of a bank with only English questions asks for them in Italian", p: enq, f: f, req: Request{Kind: store.KindChat, Topic: "design"}, v: Verdict{Level: Clear},
			has: []string{"1. [Una domanda precisa sul percorso di Ana"}, hasNot: []string{"What does a normal week", "What surprised you"}},
		{name: "the English worked note is left out of an Italian reference", p: p, f: f, req: Request{Kind: store.KindReference}, v: Verdict{Level: Clear},
			has: []string{"Abbiamo lavorato insieme e conosci"}, hasNot: []string{"we built"}},
		{name: "a favor written in the profile's English is left out of an Italian draft", p: p, f: f, req: Request{Kind: store.KindReview, Details: Details{Doc: "CV"}}, v: Verdict{Level: Clear},
			favors: []store.Favor{{FriendID: f.ID, What: "fixed his website", At: now.AddDate(0, -2, 0)}}, hasNot: []string{"fixed his website"}},
	} {
		t.Run(tc.name, tc.run)
	}
	p.SetBlurb(store.LangItalian, "Marco è un product designer.")
	m, err := Draft(p, f, req, Verdict{Level: Clear}, Past{Now: now}, builtins(t))
	if err != nil || !strings.Contains(m.Body, "> Marco è un product designer.") || strings.Contains(m.Body, "inglese") || m.Lang != "it" {
		t.Errorf("with an Italian blurb: %v\n%s", err, m.Body)
	}
}
