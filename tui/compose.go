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
