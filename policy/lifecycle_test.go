package policy

import (
	"errors"
	"strings"
	"testing"

	"kith/store"
)

// A stage fits only the asks it is for: a follow-up an unanswered one, a
// thank-you or closing the loop one they helped with.
func TestStageFits(t *testing.T) {
	for _, tc := range []struct {
		s    Stage
		st   store.Status
		fits bool
	}{
		{StageFollowUp, store.StatusSent, true},
		{StageFollowUp, store.StatusNoResponse, true},
		{StageFollowUp, store.StatusHelped, false},
		{StageFollowUp, store.StatusDraft, false},
		{StageThankYou, store.StatusHelped, true},
		{StageThankYou, store.StatusDeclined, true},
		{StageThankYou, store.StatusSent, false},
		{StageCloseLoop, store.StatusHelped, true},
		{StageCloseLoop, store.StatusDeclined, false},
	} {
		a := ask(store.KindIntro, tc.st, 10*day)
		err := StageFits(tc.s, &a)
		var se *StageError
		if tc.fits != (err == nil) || (!tc.fits && !errors.As(err, &se)) {
			t.Errorf("%s for a %s ask: %v, want fits=%v", tc.s, tc.st, err, tc.fits)
		}
	}
}

// The stages draft from the ask: its kind, when it was made, its topic
// and its outcome; a follow-up is not a new request and thanks for
// nothing.
func TestDraftStage(t *testing.T) {
	a := ask(store.KindIntro, store.StatusSent, 20*day)
	a.Topic = "avionics"
	m, err := DraftStage(fullProfile("en"), friend(), &a, StageFollowUp, Past{Now: now}, builtins(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"I'm following up on my note from two weeks ago asking for an introduction (avionics)", "just let me know, so I can look elsewhere"} {
		if !strings.Contains(m.Body, s) {
			t.Errorf("follow-up lacks %q:\n%s", s, m.Body)
		}
	}
	for _, s := range []string{"all your help", "Could you introduce me"} {
		if strings.Contains(m.Body, s) {
			t.Errorf("follow-up has %q:\n%s", s, m.Body)
		}
	}
	a.Status, a.Outcome = store.StatusHelped, "Luca and I spoke on Tuesday"
	m, err = DraftStage(fullProfile("it"), friend(), &a, StageCloseLoop, Past{Now: now}, builtins(t))
	if err != nil || !strings.Contains(m.Body, "volevo farti sapere com'è andata dopo la tua presentazione (avionics): [") && !strings.Contains(m.Body, "Grazie ancora per averci messo in contatto.") {
		t.Errorf("close the loop, in Italian, with an English outcome: %v\n%s", err, m.Body)
	}
	if strings.Contains(m.Body, "Luca and I") {
		t.Errorf("an English outcome pasted into an Italian draft:\n%s", m.Body)
	}
	m, err = DraftStage(fullProfile("en"), friend(), &a, StageThankYou, Past{Now: now}, builtins(t))
	if err != nil || !strings.Contains(m.Body, "Thank you so much for the introduction. Here's where things stand: Luca and I spoke on Tuesday.") {
		t.Errorf("thank-you: %v\n%s", err, m.Body)
	}
	a.Status = store.StatusSent
	if _, err := DraftStage(fullProfile("en"), friend(), &a, StageThankYou, Past{Now: now}, builtins(t)); err == nil {
		t.Error("a thank-you for an unanswered ask: want an error")
	}
}

func TestNextStage(t *testing.T) {
	thanked := ask(store.KindIntro, store.StatusHelped, 10*day)
	thanked.Thanked = now
	review := thanked
	review.Kind = store.KindReview
	for _, tc := range []struct {
		a    store.Ask
		want Stage
	}{
		{ask(store.KindIntro, store.StatusSent, day), StageFollowUp},
		{ask(store.KindIntro, store.StatusNoResponse, day), StageFollowUp},
		{ask(store.KindIntro, store.StatusHelped, day), StageThankYou},
		{ask(store.KindIntro, store.StatusDeclined, day), StageThankYou},
		{thanked, StageCloseLoop},
		{review, ""},
		{ask(store.KindIntro, store.StatusWithdrawn, day), ""},
		{ask(store.KindIntro, store.StatusDraft, day), ""},
	} {
		if got, ok := NextStage(&tc.a); got != tc.want || ok != (tc.want != "") {
			t.Errorf("NextStage(%s %s, thanked %v) = %q %v, want %q", tc.a.Kind, tc.a.Status, !tc.a.Thanked.IsZero(), got, ok, tc.want)
		}
	}
}
