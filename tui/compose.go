package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"kith/policy"
	"kith/store"
)

// composeStage is what the compose pane is doing.
type composeStage int

const (
	stageEdit   composeStage = iota // editing the request
	stageBlurb                      // asking for the profile blurb first (an intro)
	stageLeave                      // asking whether to save before leaving
	stageSend                       // asking whether to mark as sent with checklist items missed
	stageName                       // asking for your name first (the first compose)
	stageMailed                     // handed to the mail client: asking whether it was sent
)

// compose fields, in tab order.
const (
	fieldTopic = iota
	fieldMore  // the kind's second detail: an intro's why, a referral's link (hasMore)
	fieldSubject
	fieldBody
	numComposeFields
)

// subjectPrefix heads a stored draft's body with its subject line, as
// `kith draft` prints it.
const subjectPrefix = "Subject: "

// composeSavedMsg reports how saving the ask went.
type composeSavedMsg struct {
	cp    *composeScreen
	ask   store.Ask
	err   error
	leave bool // leave the pane once saved
}

// blurbSavedMsg reports how saving the profile blurb went.
type blurbSavedMsg struct {
	cp      *composeScreen
	profile store.Profile
	err     error
}

// composeScreen is the compose pane: topic, subject and body prefilled
// from policy.Draft, the verdict's cautions above, and a live checklist
// of the rules from policy.Check beside (or under) the editor.
type composeScreen struct {
	c        *common
	d        *dataset
	friend   store.Friend
	req      policy.Request
	verd     policy.Verdict
	fi       int  // the friend's index in d
	override bool // a hold the user chose to ask through
	profile  store.Profile

	askID   uint64    // the saved ask this continues, 0 for a new one
	created time.Time // when that ask was created

	topic, more, subject textinput.Model
	body                 textarea.Model
	blurb                textarea.Model
	name                 textinput.Model // your name, asked for first when unknown
	focus                int

	// generated is the body as last drafted; while the body is unchanged
	// from it, editing the topic drafts again.
	generated string
	draftErr  string
	// draftedFor is the topic the body was drafted for (or saved with):
	// once the body is the user's, a new topic changes nothing, and the
	// status line says so (ctrl+r drafts again).
	draftedFor string

	list    []policy.Reason // the rules for this request
	missed  []bool          // parallel to list
	checked string          // the body last checked

	saved [numComposeFields]string // the values as last saved or opened
	stage composeStage
	busy  bool
	err   string
	w, h  int
}

// newCompose opens the compose pane for friend fi of d and request req
// under verdict v (override: a hold asked through). draft, if not nil, is
// a saved draft to continue.
func newCompose(c *common, d *dataset, fi int, req policy.Request, v policy.Verdict, override bool, draft *store.Ask) *composeScreen {
	cp := &composeScreen{c: c, d: d, fi: fi, friend: d.friends[fi], req: req, verd: v, override: override, profile: d.profile}
	cp.topic = textinput.New()
	cp.topic.Prompt = ""
	_, cp.topic.Placeholder = detailField(req.Kind)
	cp.topic.CharLimit = 200
	cp.topic.SetStyles(c.styles.Input)
	cp.more = newMoreInput(c, req.Kind)
	cp.subject = textinput.New()
	cp.subject.Prompt = ""
	cp.subject.CharLimit = 300
	cp.subject.SetStyles(c.styles.Input)
	cp.body = newArea(c, "the request")
	cp.blurb = newArea(c, "a few lines about you that they can paste into an introduction")
	cp.name = newNameInput(c)
	cp.list = policy.ChecklistIn(req, v, policy.DraftLang(&cp.profile, &cp.friend))
	cp.missed = make([]bool, len(cp.list))

	switch {
	case draft != nil:
		cp.askID, cp.created = draft.ID, draft.Created
		subj, body := splitStored(draft.Body)
		cp.topic.SetValue(draft.Topic)
		cp.subject.SetValue(subj)
		cp.body.SetValue(body)
		cp.setRequest()
		cp.generated = "\x00" // the user's text: never redrafted
		cp.draftedFor = strings.TrimSpace(draft.Topic)
	case strings.TrimSpace(cp.profile.Name) == "":
		cp.topic.SetValue(req.Topic)
		cp.stage = stageName
	case req.Kind == store.KindIntro && cp.blurb0() == "":
		cp.topic.SetValue(req.Topic)
		cp.stage = stageBlurb
	default:
		cp.topic.SetValue(req.Topic)
		cp.redraft()
	}
	cp.body.MoveToBegin()
	cp.markSaved()
	cp.recheck()
	return cp
}

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

func (cp *composeScreen) markSaved()    { cp.saved = cp.values() }
func (cp *composeScreen) changed() bool { return cp.values() != cp.saved }

// restyle applies the theme to the fields.
func (cp *composeScreen) restyle() {
	cp.topic.SetStyles(cp.c.styles.Input)
	cp.subject.SetStyles(cp.c.styles.Input)
	cp.body.SetStyles(cp.c.styles.Area)
	cp.blurb.SetStyles(cp.c.styles.Area)
	cp.name.SetStyles(cp.c.styles.Input)
}

// Init focuses the first field (the blurb when it is asked for first).
func (cp *composeScreen) Init() tea.Cmd {
	switch cp.stage {
	case stageBlurb:
		return cp.blurb.Focus()
	case stageName:
		return cp.name.Focus()
	}
	if cp.askID != 0 || cp.topic.Value() != "" {
		return cp.setFocus(fieldBody)
	}
	return cp.setFocus(fieldTopic)
}

func (cp *composeScreen) setFocus(i int) tea.Cmd {
	if i == fieldMore && !hasMore(cp.req.Kind) {
		// a kind with one detail has no second field: step over it
		if cp.focus > fieldMore {
			i--
		} else {
			i++
		}
	}
	cp.focus = (i%numComposeFields + numComposeFields) % numComposeFields
	cp.topic.Blur()
	cp.more.Blur()
	cp.subject.Blur()
	cp.body.Blur()
	switch cp.focus {
	case fieldTopic:
		return cp.topic.Focus()
	case fieldMore:
		return cp.more.Focus()
	case fieldSubject:
		return cp.subject.Focus()
	}
	return cp.body.Focus()
}

// Capturing is true: the fields take every printable key.
func (cp *composeScreen) Capturing() bool { return true }

// Unsaved is true when the draft differs from what was last saved or
// drafted, or while a blurb is typed and not yet saved.
func (cp *composeScreen) Unsaved() bool {
	switch cp.stage {
	case stageBlurb:
		return strings.TrimSpace(cp.blurb.Value()) != ""
	case stageName:
		return strings.TrimSpace(cp.name.Value()) != ""
	}
	return cp.changed()
}

// Update handles keys and the results of commands.
func (cp *composeScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return cp, cp.handleKey(msg)
	case composeSavedMsg:
		if msg.cp == cp {
			return cp, cp.handleSaved(msg)
		}
		return cp, nil
	case nameSavedMsg:
		if msg.cp == cp {
			return cp, cp.handleNameSaved(msg)
		}
		return cp, nil
	case blurbSavedMsg:
		if msg.cp == cp {
			return cp, cp.handleBlurbSaved(msg)
		}
		return cp, nil
	case editorFileMsg:
		if msg.cp == cp {
			return cp, cp.handleEditorFile(msg)
		}
		return cp, nil
	case editorDoneMsg:
		if msg.cp == cp {
			return cp, cp.handleEditorDone(msg)
		}
		return cp, nil
	case editorReadMsg:
		if msg.cp == cp {
			return cp, cp.handleEditorRead(msg)
		}
		return cp, nil
	case mailFileMsg:
		if msg.cp == cp {
			return cp, cp.handleMailFile(msg)
		}
		return cp, nil
	case mailDoneMsg:
		if msg.cp == cp {
			return cp, cp.handleMailDone(msg)
		}
		return cp, nil
	case tea.PasteMsg:
		return cp, cp.routeToField(msg)
	case clickMsg:
		return cp, cp.handleClick(msg) // compose_mouse.go
	case tea.MouseWheelMsg:
		return cp, cp.handleWheel(msg)
	}
	return cp, nil
}

func (cp *composeScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := cp.c.keys
	if cp.busy {
		return nil
	}
	cp.err = ""
	switch cp.stage {
	case stageBlurb:
		return cp.handleBlurbKey(msg)
	case stageName:
		return cp.handleNameKey(msg)
	case stageLeave:
		switch {
		case key.Matches(msg, k.Yes):
			return cp.save(store.StatusDraft, true)
		case key.Matches(msg, k.Discard):
			return pop
		case key.Matches(msg, k.Back):
			cp.stage = stageEdit
		}
		return nil
	case stageSend, stageMailed:
		switch {
		case key.Matches(msg, k.Yes):
			return cp.save(store.StatusSent, true)
		case key.Matches(msg, k.No):
			cp.stage = stageEdit
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Back):
		if cp.changed() {
			cp.stage = stageLeave
			return nil
		}
		return pop
	case key.Matches(msg, k.Save):
		return cp.save(store.StatusDraft, false)
	case key.Matches(msg, k.MarkSent):
		cp.recheck()
		if len(cp.missing()) > 0 {
			cp.stage = stageSend // the checklist does not stop you, but it asks
			return nil
		}
		return cp.save(store.StatusSent, true)
	case key.Matches(msg, k.Copy):
		return tea.Batch(tea.SetClipboard(cp.clipboardText()),
			flash("Copied the subject and body to the clipboard (through the terminal, OSC 52).", false))
	case key.Matches(msg, k.External):
		return cp.startEditor()
	case key.Matches(msg, k.Mail):
		return cp.startMail()
	case key.Matches(msg, k.Redraft):
		cp.redraft()
		cp.recheck()
		return flash("Drafted again for the topic “"+clean(cp.req.Topic)+"”.", false)
	case key.Matches(msg, k.FieldTab):
		return cp.setFocus(cp.focus + 1)
	case key.Matches(msg, k.FieldBackTab):
		return cp.setFocus(cp.focus - 1)
	case key.Matches(msg, k.Open) && cp.focus != fieldBody: // enter ends a one-line field
		return cp.setFocus(cp.focus + 1)
	}
	return cp.routeToField(msg)
}

// routeToField sends msg to the focused field and keeps the draft and the
// checklist in step.
func (cp *composeScreen) routeToField(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch cp.focus {
	case fieldTopic:
		before := cp.topic.Value()
		cp.topic, cmd = cp.topic.Update(msg)
		if cp.topic.Value() != before && cp.body.Value() == cp.generated {
			cp.redraft()
		}
	case fieldMore:
		before := cp.more.Value()
		cp.more, cmd = cp.more.Update(msg)
		if cp.more.Value() != before && cp.body.Value() == cp.generated {
			cp.redraft()
		}
	case fieldSubject:
		cp.subject, cmd = cp.subject.Update(msg)
	default:
		cp.body, cmd = cp.body.Update(msg)
	}
	cp.recheck()
	return cmd
}

// blurb0 is your blurb in the draft's language, or "" when there is none
// in it (an intro then asks for one first).
func (cp *composeScreen) blurb0() string {
	b, in := cp.profile.BlurbFor(policy.DraftLang(&cp.profile, &cp.friend))
	if in != policy.DraftLang(&cp.profile, &cp.friend) {
		return ""
	}
	return b
}

func (cp *composeScreen) handleBlurbKey(msg tea.KeyPressMsg) tea.Cmd {
	k := cp.c.keys
	switch {
	case key.Matches(msg, k.Save):
		text := strings.TrimSpace(store.CleanText(cp.blurb.Value(), true))
		if text == "" {
			cp.err = "the blurb is empty: write a few lines about you, or press esc to go on without it"
			return nil
		}
		p := cp.profile
		lang := policy.DraftLang(&p, &cp.friend)
		p.SetBlurb(lang, text)
		cp.busy = true
		st, now := cp.c.st, cp.c.now()
		return func() tea.Msg {
			err := st.Batch(now, func(tx *store.Tx) error {
				cur, err := tx.Profile()
				if err != nil {
					return err
				}
				cur.SetBlurb(lang, text)
				p = cur
				return tx.PutProfile(cur)
			})
			return blurbSavedMsg{cp: cp, profile: p, err: err}
		}
	case key.Matches(msg, k.Back):
		cp.stage = stageEdit
		cp.redraft()
		cp.markSaved()
		cp.recheck()
		return cp.setFocus(fieldTopic)
	}
	var cmd tea.Cmd
	cp.blurb, cmd = cp.blurb.Update(msg)
	return cmd
}

func (cp *composeScreen) handleBlurbSaved(msg blurbSavedMsg) tea.Cmd {
	cp.busy = false
	if msg.err != nil {
		cp.err = "cannot save the blurb: " + msg.err.Error()
		return nil
	}
	cp.profile = msg.profile
	cp.stage = stageEdit
	cp.redraft()
	cp.markSaved()
	cp.recheck()
	return tea.Batch(cp.setFocus(fieldTopic), reload, flash("Saved your blurb in the profile; it goes into every introduction.", false))
}

// clipboardText is what ctrl+y copies.
func (cp *composeScreen) clipboardText() string { return cp.stored() }

// save records the ask with status (draft, or sent now) in a command
// (store.Tx.SaveDraft: a new draft, or the words of this one, which must
// still be a draft).
func (cp *composeScreen) save(status store.Status, leave bool) tea.Cmd {
	now := cp.c.now()
	a := store.Ask{
		ID: cp.askID, FriendID: cp.friend.ID, Kind: cp.req.Kind,
		Topic:  store.CleanText(strings.TrimSpace(cp.topic.Value()), false),
		Sector: cp.req.Sector, Org: cp.req.Org,
		Body:   store.CleanText(cp.stored(), true),
		Status: status,
	}
	cp.busy = true
	st := cp.c.st
	return func() tea.Msg {
		err := st.Batch(now, func(tx *store.Tx) error { return tx.SaveDraft(&a) })
		return composeSavedMsg{cp: cp, ask: a, err: err, leave: leave}
	}
}

func (cp *composeScreen) handleSaved(msg composeSavedMsg) tea.Cmd {
	cp.busy = false
	if msg.err != nil {
		cp.err = "not saved: " + msg.err.Error()
		cp.stage = stageEdit
		return nil
	}
	cp.askID, cp.created = msg.ask.ID, msg.ask.Created
	cp.markSaved()
	name := clean(policy.FirstName(&cp.friend))
	if msg.ask.Status == store.StatusSent {
		return tea.Batch(pop, reload, func() tea.Msg { return selectMsg{id: cp.friend.ID} },
			flash("Marked your "+string(cp.req.Kind)+" ask to "+name+" as sent; A shows it, and kith will nudge a follow-up in 7 days.", false))
	}
	if msg.leave {
		return tea.Batch(pop, reload, flash("Saved the draft to "+name+"; c on "+name+" continues it.", false))
	}
	return tea.Batch(reload, flash("Saved the draft to "+name+".", false))
}

// missShort is a checklist item's name in the question ctrl+o asks.
func missShort(code string) string {
	switch code {
	case policy.CheckAcknowledge:
		return "acknowledgement"
	case policy.CheckHelpBack:
		return "help back"
	}
	return code // intent, blurb, questions, out, placeholder
}

// missing is the short names of the checklist items the body misses.
func (cp *composeScreen) missing() []string {
	var out []string
	for i, r := range cp.list {
		if cp.missed[i] {
			out = append(out, missShort(r.Code))
		}
	}
	return out
}
