package policy

import (
	"slices"
	"strings"
	"testing"

	"kith/store"
)

func TestCheck(t *testing.T) {
	clear := Verdict{Level: Clear, Score: 100}
	hold := Verdict{Level: Hold, Score: 20, Reasons: []Reason{{CodeCooldown, "x.", Hold}}}
	ack := Verdict{Level: Caution, Score: 50, Reasons: []Reason{{CodeAcknowledge, "x.", Caution}}}
	chat := Request{Kind: store.KindChat}
	intro := Request{Kind: store.KindIntro}
	tests := []struct {
		name  string
		draft string
		req   Request
		v     Verdict
		want  []string
	}{
		{"a good hand-written chat", `Subject: coffee?

Hey Sam,

Would you have 20 minutes next week to tell me about your move into robotics? I'm thinking of making the same jump.

A few things I'd love to ask:
- How did you pick your first robotics job?
- What skills mattered more than you expected?

Totally understand if you're swamped right now. And let me know if I can help with the website thing!

Cheers,
Jo`, chat, clear, []string{}},
		{"the drink that turns into a pitch", `Hi Sam,

Long time no see! Let's grab a drink soon. How are the kids?

No pressure, and happy to help with anything you need.
Jo`, chat, clear, []string{CheckIntent, CheckQuestions}},
		{"the ask buried in the third sentence", `Hi Sam,

Hope you're well. The weather has been awful here. Could you introduce me to Lee?

> I'm Jo, a designer moving into robotics; I'd love to hear how Lee's team works.

No pressure at all. Anything I can do for you, just say.
Jo`, intro, clear, []string{CheckIntent}},
		{"no out, no help back", `Hi Sam,

Could you introduce me to Lee at Acme?

> Jo is a designer with six years in consumer apps, moving into robotics.

Thanks,
Jo`, intro, clear, []string{CheckOut, CheckHelpBack}},
		{"an intro with no blurb", `Hi Sam,

Could you introduce me to Lee at Acme? No pressure if not; happy to help you with anything in return.
Jo`, intro, clear, []string{CheckBlurb}},
		{"a blurb between fences", `Hi Sam,

Could you introduce me to Lee at Acme? Here's a blurb:
---
Jo is a designer with six years in consumer apps, moving into robotics.
---
No pressure if not; happy to help you with anything in return.
Jo`, intro, clear, []string{}},
		{"a blurb still a placeholder", `Hi Sam,

Could you introduce me to Lee at Acme?

> [A short paragraph about you that Sam can paste into the intro]

No pressure if not; happy to help you with anything in return.`, intro, clear, []string{CheckBlurb, CheckPlaceholder}},
		{"one question is not enough", `Hi Sam,

I'd love to chat with you about robotics. What was your first year like?

No pressure; let me know if I can help you with anything.`, chat, clear, []string{CheckQuestions}},
		{"placeholder questions do not count", `Hi Sam,

I'd love to chat with you about robotics.

1. [A specific question about how Sam got into robotics]
2. [A question only someone in Sam's seat can answer]

No pressure; let me know if I can help you with anything.`, chat, clear, []string{CheckQuestions, CheckPlaceholder}},
		{"a markdown link is not a placeholder", `Hi Sam,

I'd love to chat with you about [your talk](https://example.com/talk). Two questions:

- Did it take long to prepare?
- Would you do it again?

No pressure; let me know if I can help you with anything.`, chat, clear, []string{}},
		{"acknowledgement due and missing", `Hi Sam,

Would you look over my CV?

No pressure at all; let me know if I can help you with anything.`, Request{Kind: store.KindReview}, hold, []string{CheckAcknowledge}},
		{"acknowledgement due and given", `Hi Sam,

Would you look over my CV? I know I've been asking a lot lately.

No pressure at all; let me know if I can help you with anything.`, Request{Kind: store.KindReview}, ack, []string{}},
		{"curly apostrophes", "Hi Sam,\n\nI\u2019d love your advice on pricing. My questions:\n\n1. Is hourly fine?\n2. Should I publish rates?\n\nI completely understand if you don\u2019t have time. Anything I can do for you, just ask.", Request{Kind: store.KindAdvice}, clear, []string{}},
		{"italian, good", `Ciao Giulia,

ti scrivo per chiederti se potresti presentarmi a qualcuno in Avio. So che ultimamente ti ho chiesto molto.

> Marco è un designer con sei anni di esperienza nelle app, ora nel settore aerospaziale.

Capisco perfettamente se non hai tempo. E se posso fare qualcosa per te, fammelo sapere.
Marco`, intro, hold, []string{}},
		{"italian, no out, no help, no acknowledgement", `Ciao Giulia,

mi piacerebbe chiacchierare con te del tuo lavoro. Come sei arrivata in Avio? Cosa cercano nei designer?

A presto,
Marco`, chat, hold, []string{CheckAcknowledge, CheckQuestions, CheckOut, CheckHelpBack}},
		{"italian, no ask", `Ciao Giulia,

quanto tempo! Ci vediamo per un aperitivo? Sabato sono libero.

Nessun problema se non puoi; posso aiutarti col trasloco.`, chat, clear, []string{CheckIntent, CheckQuestions}},
		{"empty draft", "", chat, hold, []string{CheckIntent, CheckAcknowledge, CheckQuestions, CheckOut, CheckHelpBack}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := codesOf(Check(tc.draft, tc.req, tc.v)); !slices.Equal(got, tc.want) {
				t.Errorf("Check misses %v, want %v", got, tc.want)
			}
		})
	}
}

func TestChecklist(t *testing.T) {
	tests := []struct {
		req  Request
		v    Verdict
		want []string
	}{
		{Request{Kind: store.KindChat}, Verdict{Level: Clear}, []string{CheckIntent, CheckQuestions, CheckOut, CheckHelpBack, CheckPlaceholder}},
		{Request{Kind: store.KindIntro}, Verdict{Level: Hold, Reasons: []Reason{{CodeCooldown, "x.", Hold}}}, []string{CheckIntent, CheckAcknowledge, CheckBlurb, CheckOut, CheckHelpBack, CheckPlaceholder}},
		// An unanswered ask holds, but calls for a follow-up, not an acknowledgement.
		{Request{Kind: store.KindIntro}, Verdict{Level: Hold, Reasons: []Reason{{CodePending, "x.", Hold}}}, []string{CheckIntent, CheckBlurb, CheckOut, CheckHelpBack, CheckPlaceholder}},
		{Request{Kind: store.KindChat}, Verdict{Level: Caution, Reasons: []Reason{{CodeFrequency, "x.", Caution}}}, []string{CheckIntent, CheckAcknowledge, CheckQuestions, CheckOut, CheckHelpBack, CheckPlaceholder}},
		{Request{Kind: store.KindReferral}, Verdict{Level: Caution, Reasons: []Reason{{CodeAcknowledge, "x.", Caution}}}, []string{CheckIntent, CheckAcknowledge, CheckOut, CheckHelpBack, CheckPlaceholder}},
		{Request{Kind: store.KindAdvice}, Verdict{Level: Caution, Reasons: []Reason{{CodeBusy, "x.", Caution}}}, []string{CheckIntent, CheckQuestions, CheckOut, CheckHelpBack, CheckPlaceholder}},
	}
	for _, tc := range tests {
		if got := codesOf(Checklist(tc.req, tc.v)); !slices.Equal(got, tc.want) {
			t.Errorf("Checklist(%s, %v) = %v, want %v", tc.req.Kind, tc.v.Level, got, tc.want)
		}
	}
}

// FuzzCheck feeds Check arbitrary drafts: it must not panic, and what it
// reports must come from the checklist, in its order.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{"", "Hi,\n", "[", "[]]", "Subject:", "---\n---\n", "> [x", "?\n?\n1.", "ciao [a](b) [ccc]", "\xff\xfe?"} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, draft string, k uint8) {
		kinds := store.Kinds()
		req := Request{Kind: kinds[int(k)%len(kinds)]}
		v := Verdict{Level: Level(k % 4)}
		list := codesOf(Checklist(req, v))
		pos := -1
		for _, c := range codesOf(Check(draft, req, v)) {
			i := slices.Index(list, c)
			if i <= pos {
				t.Fatalf("Check reported %q out of the checklist's order %v", c, list)
			}
			pos = i
		}
	})
}

// The checklist speaks the draft's language.
func TestChecklistSpeaksTheDraftsLanguage(t *testing.T) {
	it := ChecklistIn(Request{Kind: store.KindChat}, Verdict{Level: Clear}, store.LangItalian)
	if it[0].Code != CheckIntent || !strings.Contains(it[0].Message, "prima frase") {
		t.Errorf("Italian checklist: %v", it)
	}
	miss := Check("Ciao Ana,\n\nquanto tempo! Come stai?\n\nA presto,\nMarco", Request{Kind: store.KindChat}, Verdict{Level: Clear})
	if len(miss) == 0 || !strings.Contains(miss[0].Message, "convenevoli") {
		t.Errorf("an Italian draft opening with small talk: %v", miss)
	}
	miss = Check("Hi Ana,\n\nHope you're well! Could we chat?\n\nJo", Request{Kind: store.KindChat}, Verdict{Level: Clear})
	if len(miss) == 0 || !strings.Contains(miss[0].Message, "small talk") {
		t.Errorf("an English draft opening with small talk: %v", miss)
	}
}
