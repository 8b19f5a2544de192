package tui

import (
	"strings"

	"charm.land/bubbles/v2/textarea"

	"kith/policy"
)

// The compose screen's draft: the text areas, the stored form of the
// message, and the draft written again when what it depends on changes.

func newArea(c *common, placeholder string) textarea.Model {
	a := textarea.New()
	a.ShowLineNumbers = false
	a.Prompt = ""
	a.Placeholder = placeholder
	a.MaxHeight = 0
	a.MaxContentHeight = 0
	a.CharLimit = 20000
	a.SetStyles(c.styles.Area)
	return a
}

// splitStored splits a stored body into its subject line and the rest.
func splitStored(s string) (subject, body string) {
	if rest, ok := strings.CutPrefix(s, subjectPrefix); ok {
		subject, body, _ = strings.Cut(rest, "\n")
		return strings.TrimSpace(subject), strings.TrimLeft(body, "\n")
	}
	return "", s
}

// stored is the subject and body as an ask keeps them.
func (cp *composeScreen) stored() string {
	subj := strings.TrimSpace(cp.subject.Value())
	if subj == "" {
		return cp.body.Value()
	}
	return subjectPrefix + subj + "\n\n" + cp.body.Value()
}

// past is what the draft is written from: the friend's asks as the
// dataset holds them (what a favor was is not in it: the help-back line is
// then the plain one).
func (cp *composeScreen) past() policy.Past {
	p := policy.Past{Now: cp.c.now()}
	if cp.d != nil && cp.d.asksOf != nil && cp.fi >= 0 && cp.fi < len(cp.d.friends) {
		p.Asks = cp.d.asksOf(cp.fi)
	}
	return p
}

// redraft fills subject and body from policy.Draft for the current topic.
func (cp *composeScreen) redraft() {
	cp.setRequest()
	if cp.c.templates == nil {
		cp.draftErr = "the draft templates are still being read: esc, then open the draft again"
		return
	}
	m, err := policy.Draft(cp.profile, &cp.friend, cp.req, cp.verd, cp.past(), cp.c.templates)
	if err != nil {
		cp.draftErr = err.Error()
		return
	}
	cp.draftErr = ""
	cp.subject.SetValue(m.Subject)
	cp.body.SetValue(m.Body)
	cp.body.MoveToBegin()
	cp.generated = cp.body.Value()
	cp.draftedFor = cp.req.Topic
}

// topicStale reports whether the topic was changed after the body became
// the user's, so that the body may no longer match it.
func (cp *composeScreen) topicStale() bool {
	return cp.body.Value() != cp.generated && strings.TrimSpace(cp.topic.Value()) != cp.draftedFor
}

// recheck runs policy.Check on the body if it changed since the last check.
func (cp *composeScreen) recheck() {
	b := cp.body.Value()
	if b == cp.checked && cp.checked != "" {
		return
	}
	cp.checked = b
	missed := policy.Check(b, cp.req, cp.verd)
	for i := range cp.missed {
		cp.missed[i] = false
	}
	j := 0
	for i, r := range cp.list {
		if j < len(missed) && missed[j].Code == r.Code {
			cp.missed[i] = true
			j++
		}
	}
}

func (cp *composeScreen) values() [numComposeFields]string {
	return [numComposeFields]string{cp.topic.Value(), cp.subject.Value(), cp.body.Value()}
}

func (cp *composeScreen) markSaved() { cp.saved = cp.values() }

func (cp *composeScreen) changed() bool { return cp.values() != cp.saved }
