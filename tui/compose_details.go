package tui

import (
	"strings"

	"charm.land/bubbles/v2/textinput"

	"kith/policy"
	"kith/store"
)

// This file says what compose's detail fields ask for, by kind, and puts
// what is typed in them where policy.Details wants it.

// detailField is what compose's first field asks for, by kind: the detail
// the kind needs (policy.Details: whom, the job, the document, the
// decision), else what it is about.
func detailField(k store.Kind) (label, placeholder string) {
	switch k {
	case store.KindIntro:
		return "Whom", "whom, or which role, e.g. someone on Avio's test team"
	case store.KindReferral:
		return "Job", "the job, e.g. Product Designer at Avio"
	case store.KindReview:
		return "Document", "the document, e.g. cover letter"
	case store.KindAdvice:
		return "Decision", "the decision you face, e.g. whether to go freelance"
	case store.KindChat:
		return "About", "what about, e.g. your move into aerospace"
	}
	return "Topic", "what it is about, e.g. a lift to the airport"
}

// setRequest puts the first field's text where the kind wants it: the
// kind's detail, else the topic.
func (cp *composeScreen) setRequest() {
	v := strings.TrimSpace(cp.topic.Value())
	more := strings.TrimSpace(cp.more.Value())
	cp.req.Topic, cp.req.Details = v, policy.Details{}
	switch cp.req.Kind {
	case store.KindIntro:
		cp.req.Details.Whom, cp.req.Details.Why, cp.req.Topic = v, more, ""
	case store.KindReferral:
		cp.req.Details.Job, cp.req.Details.Link, cp.req.Topic = v, more, ""
	case store.KindReview:
		cp.req.Details.Doc, cp.req.Topic = v, ""
	case store.KindAdvice:
		cp.req.Details.Decision, cp.req.Topic = v, ""
	}
}

// moreField is what compose's second detail field asks for: an intro's
// reason and a referral's link to the posting. Other kinds have none
// (hasMore).
func moreField(k store.Kind) (label, placeholder string) {
	switch k {
	case store.KindIntro:
		return "Why", "why them, e.g. I want to learn how their team tests"
	case store.KindReferral:
		return "Link", "the posting, e.g. https://avio.example/jobs/42"
	}
	return "", ""
}

// hasMore reports whether kind k asks for a second detail.
func hasMore(k store.Kind) bool {
	label, _ := moreField(k)
	return label != ""
}

func newMoreInput(c *common, k store.Kind) textinput.Model {
	in := textinput.New()
	in.Prompt = ""
	_, in.Placeholder = moreField(k)
	in.CharLimit = store.MaxURL
	in.SetStyles(c.styles.Input)
	return in
}
