package policy

import (
	"errors"
	"strings"
	"time"

	"kith/store"
)

// Stage is a draft for the rest of an ask's life: a follow-up to an
// unanswered ask, a thank-you after help, or closing the loop after an
// intro or a chat (telling them what came of it).
type Stage string

// The stages, as `kith draft --follow-up`, `--thank-you` and
// `--close-loop` name them.
const (
	StageFollowUp  Stage = "follow-up"
	StageThankYou  Stage = "thank-you"
	StageCloseLoop Stage = "close-loop"
)

// Stages returns the stages in the order of an ask's life.
func Stages() []Stage { return []Stage{StageFollowUp, StageThankYou, StageCloseLoop} }

// file is the stage's template name: followup, thankyou, closeloop.
func (s Stage) file() string { return strings.ReplaceAll(string(s), "-", "") }

// stageOf is the stage of a template name, if it is one.
func stageOf(name string) (Stage, bool) {
	for _, s := range Stages() {
		if s.file() == name {
			return s, true
		}
	}
	return "", false
}

// StageError is a stage that does not fit the ask: a follow-up to an ask
// with an outcome, a thank-you for help not given.
type StageError struct {
	Stage  Stage
	Status store.Status
	Fix    string
}

func (e *StageError) Error() string {
	return "no " + string(e.Stage) + " for an ask that is " + string(e.Status) + ": " + e.Fix
}

// StageFits reports whether stage s fits ask a, with a *StageError
// saying what fits instead: a follow-up needs an ask sent and not
// answered; a thank-you or closing the loop needs help given (the
// thank-you also fits a decline, kindly).
func StageFits(s Stage, a *store.Ask) error {
	switch s {
	case StageFollowUp:
		if a.Status == store.StatusSent || a.Status == store.StatusNoResponse {
			return nil
		}
		fix := "it has an outcome; thank them or close the loop instead"
		if a.Status == store.StatusDraft {
			fix = "it is not sent yet"
		}
		return &StageError{s, a.Status, fix}
	case StageThankYou:
		if a.Status == store.StatusHelped || a.Status == store.StatusDeclined {
			return nil
		}
		return &StageError{s, a.Status, "record that they helped first (kith outcome ASK --status helped)"}
	case StageCloseLoop:
		if a.Status == store.StatusHelped {
			return nil
		}
		return &StageError{s, a.Status, "record that they helped first (kith outcome ASK --status helped)"}
	}
	return errors.New("unknown stage " + string(s))
}

// DraftStage writes the stage s of ask a to friend f from profile p: a
// follow-up, a thank-you or closing the loop, in the friend's language,
// from what is recorded of the ask (its kind, topic, when, its outcome).
// It refuses a stage that does not fit the ask (StageFits).
func DraftStage(p store.Profile, f *store.Friend, a *store.Ask, s Stage, past Past, t *Templates) (Message, error) {
	if f == nil || a == nil {
		return Message{}, errors.New("no friend or ask to draft to")
	}
	if t == nil {
		return Message{}, errors.New("no draft templates loaded (policy.LoadTemplates)")
	}
	if err := StageFits(s, a); err != nil {
		return Message{}, err
	}
	lang := DraftLang(&p, f)
	set := t.sets[lang+"/"+s.file()]
	if set.err != nil {
		return Message{}, set.err
	}
	req := Request{Kind: a.Kind, Topic: a.Topic, Sector: a.Sector, Org: a.Org}
	d := draftData(p, f, req, Verdict{Level: Clear}, past, lang)
	return set.draft(stageData(d, a, s, past.Now, lang), lang)
}

// stageData fills in what a stage's template says of the ask.
func stageData(d DraftData, a *store.Ask, s Stage, now time.Time, lang string) DraftData {
	it := lang == store.LangItalian
	d.Stage = string(s)
	d.Asked = kindPhrase(a.Kind, it, 1)
	d.AskedWhen = whenFrom(now, a.At(), it)
	if o := strings.TrimSpace(a.Outcome); o != "" && inLang(o, lang) {
		d.Outcome = strings.TrimRight(o, ".")
	}
	return d
}

// whenFrom says when t was after "from" ("my note from last week", "from
// October"; "la mia richiesta della settimana scorsa", "di ottobre").
func whenFrom(now, t time.Time, it bool) string {
	w := when(now, t, it)
	switch {
	case it && strings.HasPrefix(w, "a "):
		return "di " + w[2:]
	case it && strings.HasPrefix(w, "la "):
		return "del" + w
	case it:
		return "di " + w
	case strings.HasPrefix(w, "in "):
		return "from " + w[3:]
	case w == "earlier today":
		return "from earlier today"
	}
	return "from " + w
}

// NextStage is the note an ask calls for next: a follow-up while it is
// unanswered, a thank-you once they helped (or kindly declined) until
// you thank them, then closing the loop on an intro or a chat they helped
// with; false when it calls for none (a draft, a withdrawn ask, one whose
// loop is closed).
func NextStage(a *store.Ask) (Stage, bool) {
	switch {
	case a.Status == store.StatusSent || a.Status == store.StatusNoResponse:
		return StageFollowUp, true
	case (a.Status == store.StatusHelped || a.Status == store.StatusDeclined) && a.Thanked.IsZero():
		return StageThankYou, true
	case a.Status == store.StatusHelped && (a.Kind == store.KindIntro || a.Kind == store.KindChat):
		return StageCloseLoop, true
	}
	return "", false
}
