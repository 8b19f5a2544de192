package main

import (
	"errors"
	"fmt"
	"strings"

	"kith/policy"
	"kith/store"
)

// draftJSON is `kith draft --json`.
type draftJSON struct {
	ID      uint64          `json:"id"`
	Name    string          `json:"name"`
	Subject string          `json:"subject"`
	Body    string          `json:"body"`
	Lang    string          `json:"lang"`
	Stage   string          `json:"stage,omitempty"`
	Ask     uint64          `json:"ask,omitempty"`
	Verdict *policy.Verdict `json:"verdict,omitempty"`
	Vague   []policy.Reason `json:"vague,omitempty"`
	Misses  []policy.Reason `json:"misses"`
}

// vagueFlags names the flag that supplies each detail policy.Vague finds
// missing.
var vagueFlags = map[string]string{"whom": "--whom", "why": "--why", "job": "--job", "doc": "--doc", "topic": "--topic", "decision": "--decision"}

func cmdDraft(e *env, args []string, o *draftFlags) error {
	stage, askID, err := o.stage()
	if err != nil {
		return err
	}
	if stage != "" {
		if len(args) > 0 {
			return usageErrorf("draft: --%s names the ask; leave out FRIEND (%q)", stage, args[0])
		}
		return cmdDraftStage(e, stage, askID, o.json)
	}
	if len(args) == 0 {
		return usageErrorf("draft: want a FRIEND").withHint("or --follow-up, --thank-you or --close-loop ASK for an ask you made")
	}
	req, err := o.request("draft")
	if err != nil {
		return err
	}
	req.Details = policy.Details{Whom: o.whom, Why: o.why, Job: o.job, Link: o.link, Doc: o.doc, Decision: o.decision}
	for _, s := range []*string{&req.Details.Whom, &req.Details.Why, &req.Details.Job, &req.Details.Link, &req.Details.Doc, &req.Details.Decision} {
		*s = store.CleanText(*s, false)
	}
	vague := policy.Vague(req)
	if req.Kind == store.KindOther && len(vague) > 0 {
		return usageErrorf("draft: a favor, but which? Say what you are asking for").withHint("add --topic \"…\": a first sentence with nothing in it does not ask for anything")
	}
	f, err := e.store.FindFriend(args[0])
	if err != nil {
		return err
	}
	v, p, err := verdictFor(e, &f, req)
	if err != nil {
		return err
	}
	asks, favors, err := e.store.History(f.ID)
	if err != nil {
		return err
	}
	switch {
	case v.Level == policy.Block:
		fmt.Fprintf(e.err, "kith: no draft: this request to %s crosses a line (%s)\n", printable(f.Name), printable(describe(req)))
		writeReasons(e, v.Reasons)
		fmt.Fprintf(e.err, "next: ask someone else: %s\n", printable(whoHint(req, f.Name)))
		return exitCode(4, nil)
	case v.Level == policy.Hold && !o.force:
		fmt.Fprintf(e.err, "kith: %s is on hold for now\n", printable(f.Name))
		writeReasons(e, v.Reasons)
		if id := pendingAsk(asks); id != 0 && v.Has(policy.CodePending) {
			fmt.Fprintf(e.err, "next: follow up on it instead: kith draft --follow-up %d\n", id)
			fmt.Fprintf(e.err, "  or ask someone else: %s; --force drafts the new request anyway\n", printable(whoHint(req, f.Name)))
		} else {
			fmt.Fprintf(e.err, "next: ask someone else: %s; or add --force to draft anyway (the draft acknowledges it)\n", printable(whoHint(req, f.Name)))
		}
		return exitCode(3, nil)
	}
	m, err := policy.Draft(p, &f, req, v, policy.PastOf(asks, favors, e.now), loadTemplates(e.getenv))
	if err != nil {
		return err // a *policy.TemplateError names the file
	}
	misses := policy.Check(m.Body, req, v)
	if o.json {
		if misses == nil {
			misses = []policy.Reason{}
		}
		return writeJSON(e.out, draftJSON{ID: f.ID, Name: f.Name, Subject: m.Subject, Body: m.Body, Lang: m.Lang, Verdict: &v, Vague: vague, Misses: misses})
	}
	fmt.Fprintf(e.out, "Subject: %s\n\n%s", printable(m.Subject), printableBlock(m.Body))
	if v.Level != policy.Clear {
		fmt.Fprintf(e.err, "kith: %s: %s\n", v.Level, reasonCodes(v.Reasons))
	}
	if len(vague) > 0 {
		fmt.Fprintln(e.err, "kith: the request is vague; the draft has a placeholder for:")
		for _, r := range vague {
			detail, msg, _ := strings.Cut(r.Message, ": ")
			writeWrapped(e.err, "  "+padRight(vagueFlags[detail], 12)+" ", msg, 80)
		}
	}
	if len(misses) > 0 {
		fmt.Fprintln(e.err, "kith: before you send it:")
		writeReasons(e, misses)
	}
	return nil
}

// stage is the lifecycle stage the flags ask for, and its ask; "" for a
// request.
func (o *draftFlags) stage() (policy.Stage, uint64, error) {
	var stage policy.Stage
	var id uint64
	n := 0
	for _, s := range []struct {
		st policy.Stage
		id uint64
	}{{policy.StageFollowUp, o.followUp}, {policy.StageThankYou, o.thankYou}, {policy.StageCloseLoop, o.closeLoop}} {
		if s.id != 0 {
			stage, id = s.st, s.id
			n++
		}
	}
	switch {
	case n > 1:
		return "", 0, usageErrorf("draft: give one of --follow-up, --thank-you and --close-loop")
	case n == 1 && o.kind != "":
		return "", 0, usageErrorf("draft: --%s drafts for the ask's own kind; leave out --kind", stage)
	}
	return stage, id, nil
}

// cmdDraftStage drafts the follow-up, thank-you or closing note for an
// ask.
func cmdDraftStage(e *env, stage policy.Stage, id uint64, asJSON bool) error {
	a, err := e.store.Ask(id)
	if err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return usageErrorf("draft: no ask %d", id).withHint("'kith due' and 'kith show FRIEND' list the ids")
		}
		return err
	}
	f, err := e.store.Friend(a.FriendID)
	if err != nil {
		return err
	}
	p, err := e.store.Profile()
	if err != nil {
		return err
	}
	asks, favors, err := e.store.History(f.ID)
	if err != nil {
		return err
	}
	m, err := policy.DraftStage(p, &f, &a, stage, policy.PastOf(asks, favors, e.now), loadTemplates(e.getenv))
	var se *policy.StageError
	if errors.As(err, &se) {
		return fmt.Errorf("draft: ask %d to %s: %w", id, printable(f.Name), err)
	}
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(e.out, draftJSON{ID: f.ID, Name: f.Name, Subject: m.Subject, Body: m.Body, Lang: m.Lang, Stage: string(stage), Ask: id, Misses: []policy.Reason{}})
	}
	fmt.Fprintf(e.out, "Subject: %s\n\n%s", printable(m.Subject), printableBlock(m.Body))
	return nil
}

// pendingAsk is the id of the latest ask that is sent and unanswered, 0
// when none is.
func pendingAsk(asks []store.Ask) uint64 {
	var id uint64
	var at int64
	for i := range asks {
		a := &asks[i]
		if a.Status == store.StatusSent && a.At().UnixNano() >= at {
			id, at = a.ID, a.At().UnixNano()
		}
	}
	return id
}

func writeReasons(e *env, rs []policy.Reason) {
	for _, r := range rs {
		writeWrapped(e.err, "  "+padRight(r.Code+":", 12)+" ", r.Message, 80)
	}
}
