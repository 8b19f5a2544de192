package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"kith/policy"
)

// checkWidth is the width of the checklist beside the editor.
const checkWidth = 34

func (cp *composeScreen) beside() bool { return cp.w >= wideWidth }

// SetSize sets the pane's size and the editor's.
func (cp *composeScreen) SetSize(w, h int) {
	cp.w, cp.h = max(w, 0), max(h, 0)
	ew := cp.editorWidth()
	cp.topic.SetWidth(max(ew-labelW-1, 1))
	cp.more.SetWidth(max(ew-labelW-1, 1))
	cp.subject.SetWidth(max(ew-labelW-1, 1))
	cp.body.SetWidth(max(ew, 1))
	cp.body.SetHeight(max(cp.bodyHeight(), 1))
	cp.name.SetWidth(max(cp.w-labelWidth-1, 1))
	cp.blurb.SetWidth(max(min(cp.w, 80), 1))
	cp.blurb.SetHeight(max(min(cp.h-6, 8), 1))
}

const labelW = 8

func (cp *composeScreen) editorWidth() int {
	if cp.beside() {
		return max(cp.w-checkWidth-2, 1)
	}
	return cp.w
}

// cautionLines are the verdict's reasons shown above the editor, wrapped
// while they fit in a fifth of the pane, else one line each.
func (cp *composeScreen) cautionLines(w int) []string {
	s := cp.c.styles
	type item struct {
		st   lipgloss.Style
		mark string
		text string
	}
	var items []item
	if cp.override {
		items = append(items, item{s.badge(policy.Hold), "", "You chose to ask anyway: the draft says you know you have been asking a lot."})
	}
	for _, r := range cp.verd.Reasons {
		items = append(items, item{s.badge(r.Level), "! ", clean(r.Message)})
	}
	if cp.draftErr != "" {
		items = append(items, item{s.FieldErr, "", clean(cp.draftErr)})
	}
	limit := max(cp.h/5, 1)
	var out []string
	for _, it := range items {
		for j, l := range wrap(it.text, max(w-len(it.mark), 1)) {
			p := strings.Repeat(" ", len(it.mark))
			if j == 0 {
				p = it.mark
			}
			out = append(out, it.st.Render(p)+l)
		}
	}
	if len(out) <= limit {
		return out
	}
	out = out[:0]
	for _, it := range items {
		out = append(out, it.st.Render(it.mark)+trunc(it.text, max(w-len(it.mark), 1)))
	}
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// underLines is how many lines the checklist takes under the editor.
func (cp *composeScreen) underLines() int {
	if cp.beside() {
		return 0
	}
	return 2
}

// bodyHeight is what is left for the body editor: title, cautions, topic,
// subject, a rule, the checklist under it when narrow, the status line.
func (cp *composeScreen) bodyHeight() int {
	return cp.h - 1 - len(cp.cautionLines(cp.editorWidth())) - 3 - cp.moreLines() - cp.underLines() - 1
}

// moreLines is the height of the second detail field: one line for the
// kinds that have it.
func (cp *composeScreen) moreLines() int {
	if hasMore(cp.req.Kind) {
		return 1
	}
	return 0
}

// View renders the pane.
func (cp *composeScreen) View() string {
	if cp.w <= 0 || cp.h <= 0 {
		return ""
	}
	switch cp.stage {
	case stageBlurb:
		return cp.blurbView()
	case stageName:
		return cp.nameView()
	}
	s := cp.c.styles
	ew := cp.editorWidth()
	var left []string
	who := clean(cp.friend.Name)
	if cp.friend.Org != "" {
		who += " (" + clean(cp.friend.Org) + ")"
	}
	right := verdictLine(cp.verd)
	title := s.PaneTitle.Render(trunc("Ask "+who+" for "+article(cp.req.Kind), max(cp.w-len(right)-2, 1)))
	left = append(left, title)
	cautions := cp.cautionLines(ew)
	left = append(left, cautions...)
	label := func(i int, name string) string {
		st := s.FieldLabel
		if cp.focus == i {
			st = s.FieldLabelFocused
		}
		return st.Render(fit(name, labelW))
	}
	name, _ := detailField(cp.req.Kind)
	left = append(left, label(fieldTopic, name)+" "+cp.topic.View())
	if more, _ := moreField(cp.req.Kind); more != "" {
		left = append(left, label(fieldMore, more)+" "+cp.more.View())
	}
	left = append(left, label(fieldSubject, "Subject")+" "+cp.subject.View())
	rule := "Body"
	if cp.focus == fieldBody {
		left = append(left, s.FieldLabelFocused.Render(rule)+s.Border.Render(" "+strings.Repeat("─", max(ew-len(rule)-1, 0))))
	} else {
		left = append(left, s.FieldLabel.Render(rule)+s.Border.Render(" "+strings.Repeat("─", max(ew-len(rule)-1, 0))))
	}
	bh := max(cp.bodyHeight(), 0)
	if bh > 0 {
		left = append(left, clip(cp.body.View(), ew, bh))
	}
	if !cp.beside() {
		left = append(left, cp.checkUnder(ew)...)
	}
	left = append(left, cp.statusLine(ew))
	block := clip(strings.Join(left, "\n"), ew, cp.h)
	if !cp.beside() {
		// the title's verdict on the right
		ls := strings.Split(block, "\n")
		ls[0] = clip(title+strings.Repeat(" ", max(cp.w-ansi.StringWidth(title)-len(right), 1))+s.badge(cp.verd.Level).Render(right), cp.w, 1)
		return strings.Join(ls, "\n")
	}
	side := cp.checkBeside(checkWidth)
	side[0] = s.badge(cp.verd.Level).Render(fit(right, checkWidth))
	sideBlock := clip(strings.Join(side, "\n"), checkWidth, cp.h)
	ls, rs := strings.Split(block, "\n"), strings.Split(sideBlock, "\n")
	var b strings.Builder
	for i := range ls {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(ls[i])
		b.WriteString(s.Border.Render(" │"))
		b.WriteString(rs[i])
	}
	return b.String()
}

// checkLabel is a checklist item's short name.
func checkLabel(code string) string {
	switch code {
	case policy.CheckIntent:
		return "intent stated"
	case policy.CheckAcknowledge:
		return "frequency acknowledged"
	case policy.CheckBlurb:
		return "blurb included"
	case policy.CheckQuestions:
		return "questions included"
	case policy.CheckOut:
		return "an out given"
	case policy.CheckHelpBack:
		return "help offered back"
	case policy.CheckPlaceholder:
		return "placeholders filled"
	}
	return code
}

// checkShort is a checklist item's name when the long ones do not fit
// on one line.
func checkShort(code string) string {
	switch code {
	case policy.CheckIntent:
		return "intent"
	case policy.CheckAcknowledge:
		return "frequency"
	case policy.CheckBlurb:
		return "blurb"
	case policy.CheckQuestions:
		return "questions"
	case policy.CheckOut:
		return "an out"
	case policy.CheckHelpBack:
		return "help back"
	case policy.CheckPlaceholder:
		return "placeholders"
	}
	return code
}

// sendQuestion asks whether to mark the ask as sent with items missed.
func (cp *composeScreen) sendQuestion() string {
	miss := cp.missing()
	return plural(len(miss), "item", "items") + " missing: " + strings.Join(miss, ", ") + ". Mark as sent anyway? y yes · n no"
}

// checkBeside is the checklist as a column: a line for the verdict (the
// caller fills it), the items, and what a missed item asks for.
func (cp *composeScreen) checkBeside(w int) []string {
	s := cp.c.styles
	out := []string{"", s.Section.Render("Checklist")}
	for i, r := range cp.list {
		if cp.missed[i] {
			out = append(out, s.Miss.Render("✗ ")+trunc(checkLabel(r.Code), w-2))
			for _, l := range wrap(r.Message, max(w-2, 1)) {
				out = append(out, "  "+s.Dim.Render(l))
			}
		} else {
			out = append(out, s.Check.Render("✓ ")+trunc(checkLabel(r.Code), w-2))
		}
	}
	n := 0
	for _, m := range cp.missed {
		if m {
			n++
		}
	}
	out = append(out, "")
	if n == 0 {
		out = append(out, s.Check.Render(trunc("Every rule is followed.", w)))
	} else {
		out = append(out, s.Dim.Render(trunc("Missed items do not stop you.", w)))
	}
	return out
}

// checkUnder is the checklist in two lines under the editor: the items,
// by their short names if the long ones do not fit, then what the first
// missed one asks for.
func (cp *composeScreen) checkUnder(w int) []string {
	s := cp.c.styles
	items := func(name func(string) string) string {
		var out []string
		for i, r := range cp.list {
			if cp.missed[i] {
				out = append(out, s.Miss.Render("✗")+name(r.Code))
			} else {
				out = append(out, s.Check.Render("✓")+name(r.Code))
			}
		}
		return strings.Join(out, " ")
	}
	line := items(checkLabel)
	if lipgloss.Width(line) > w {
		line = items(checkShort)
	}
	second := s.Check.Render("Every rule is followed.")
	for i, r := range cp.list {
		if cp.missed[i] {
			second = s.Dim.Render(r.Message)
			break
		}
	}
	return []string{trunc(line, w), trunc(second, w)}
}

func (cp *composeScreen) statusLine(w int) string {
	s := cp.c.styles
	switch {
	case cp.busy:
		return s.FormHint.Render(trunc("saving…", w))
	case cp.err != "":
		return s.FieldErr.Render(trunc(clean(cp.err), w))
	case cp.stage == stageLeave:
		return s.Miss.Render(trunc("Save this draft before leaving? y save · n discard · esc keep editing", w))
	case cp.stage == stageSend:
		return s.Miss.Render(trunc(cp.sendQuestion(), w))
	case cp.stage == stageMailed:
		return s.Miss.Render(trunc(cp.mailedQuestion(), w))
	case cp.topicStale():
		return s.Miss.Render(trunc("Body edited, so the topic no longer changes it · ctrl+r redrafts", w))
	case cp.askID != 0 && !cp.changed():
		return s.Dim.Render(trunc("Saved as a draft.", w))
	case cp.askID != 0:
		return s.Dim.Render(trunc("Changed since saved.", w))
	}
	return ""
}

// blurbIntro says why the blurb is asked for.
func (cp *composeScreen) blurbIntro() string {
	return "An introduction needs a short paragraph about you that " + clean(policy.FirstName(&cp.friend)) +
		" can paste into the intro email (rule 3: do the legwork). kith keeps it in your profile for every intro."
}

// blurbTop is the blurb stage's first line of the blurb (compose_mouse.go).
func (cp *composeScreen) blurbTop() int { return 2 + len(wrap(cp.blurbIntro(), cp.w)) + 1 }

func (cp *composeScreen) blurbView() string {
	s := cp.c.styles
	w := cp.w
	out := []string{s.PaneTitle.Render(trunc("First, a few lines about you", w)), ""}
	out = append(out, wrap(cp.blurbIntro(), w)...)
	out = append(out, "", cp.blurb.View(), "")
	if cp.err != "" {
		out = append(out, s.FieldErr.Render(trunc(clean(cp.err), w)))
	}
	out = append(out, wrapStyled(s.FormHint, "ctrl+s saves it and drafts the intro · esc goes on without it (the draft keeps a placeholder)", w)...)
	return strings.Join(out, "\n")
}

// ShortHelp is the footer's help.
func (cp *composeScreen) ShortHelp() []key.Binding {
	k := cp.c.keys
	switch cp.stage {
	case stageBlurb:
		return []key.Binding{withHelp(k.Save, "ctrl+s", "save blurb"), withHelp(k.Back, "esc", "skip")}
	case stageName:
		return []key.Binding{withHelp(k.Open, "enter", "save name"), withHelp(k.Back, "esc", "skip")}
	case stageLeave:
		return []key.Binding{withHelp(k.Yes, "y", "save"), k.Discard, withHelp(k.Back, "esc", "keep editing")}
	case stageSend:
		return []key.Binding{withHelp(k.Yes, "y", "mark sent"), withHelp(k.No, "n/esc", "keep editing")}
	case stageMailed:
		return []key.Binding{withHelp(k.Yes, "y", "mark sent"), withHelp(k.No, "n/esc", "not yet")}
	}
	return []key.Binding{k.FieldTab, k.Save, k.Copy, k.External, k.Mail, k.MarkSent, k.Back}
}

// FullHelp is the `?` help.
func (cp *composeScreen) FullHelp() [][]key.Binding {
	k := cp.c.keys
	return [][]key.Binding{{k.FieldTab, k.FieldBackTab, withHelp(k.Mouse, "mouse", "click a field, wheel the body")}, {k.Save, k.Copy, k.External, k.Mail, k.MarkSent, k.Redraft, k.Back}, {k.FieldHelp}}
}
