package tui

import (
	"errors"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"kith/store"
)

// savedMsg reports how a form's save command went.
type savedMsg struct {
	form   *formScreen
	err    error
	note   string // flashed on success
	friend uint64 // the friend saved, selected in the list once reloaded
}

// selectMsg asks the list to select a friend (after the next load too).
type selectMsg struct{ id uint64 }

// field is one labelled text field of a form.
type field struct {
	name  string // as store.FieldError names it
	label string
	hint  string
	in    textinput.Model
	check func(string) string // "" when the value is fine
	err   string
	// choices, when set, make the field a picker: its value is one of
	// them, changed with ←/→ (or space), or by typing a choice's first
	// letter; nothing else is typed. describe says what a value means.
	choices  []string
	describe func(string) string
	// area, when set, is the text area that holds the value instead of
	// in (form_area.go).
	area *textarea.Model
}

// formScreen is a form: fields, tab between them, ctrl+s saves in a
// command, esc cancels (asking first if anything changed).
type formScreen struct {
	c       *common
	title   string
	fields  []field
	focus   int
	initial []string
	// submit checks the values across fields and returns the save command,
	// or the error (a *store.FieldError names its field) that stops it.
	// changed holds the fields edited since the form opened: a save writes
	// only those, so text a one-line field cannot hold (the line breaks of
	// imported notes) survives a save that did not touch it.
	submit func(vals map[string]string, changed map[string]bool) (tea.Cmd, error)

	confirm bool // "discard changes?" shown
	saving  bool
	err     string
	w, h    int
}

const labelWidth = 16

func newForm(c *common, title string, fields []field, submit func(map[string]string, map[string]bool) (tea.Cmd, error)) *formScreen {
	f := &formScreen{c: c, title: title, fields: fields, submit: submit}
	f.initial = make([]string, len(fields))
	for i := range f.fields {
		f.initial[i] = f.fields[i].value()
		f.fields[i].in.Prompt = ""
		// No field may hold more than this (store.MaxNotes); Validate
		// reports each field's own limit next to it.
		f.fields[i].in.CharLimit = store.MaxNotes
		if a := f.fields[i].area; a != nil {
			a.CharLimit = store.MaxNotes
		}
		f.fields[i].restyle(c.styles) // a steady cursor: no blink ticks
	}
	return f
}

func newField(name, label, value, hint string, check func(string) string) field {
	in := textinput.New()
	in.SetValue(value)
	in.Placeholder = hint
	return field{name: name, label: label, hint: hint, in: in, check: check}
}

// newChoice is a picker field holding one of choices (value, if it is
// one, else the first).
func newChoice(name, label, value string, choices []string, describe func(string) string) field {
	fl := newField(name, label, value, "", nil)
	if !slices.Contains(choices, value) {
		fl.in.SetValue(choices[0])
	}
	fl.choices, fl.describe = choices, describe
	return fl
}

// choose handles a key on a picker field: true if it was one of its keys.
func (fl *field) choose(k KeyMap, msg tea.KeyPressMsg) bool {
	i := slices.Index(fl.choices, fl.in.Value())
	switch {
	case key.Matches(msg, k.Left):
		i--
	case key.Matches(msg, k.Right):
		i++
	default:
		t := strings.ToLower(msg.Text)
		j := slices.IndexFunc(fl.choices, func(c string) bool { return t != "" && strings.HasPrefix(strings.ToLower(c), t) })
		if j < 0 {
			return false
		}
		i = j
	}
	n := len(fl.choices)
	fl.in.SetValue(fl.choices[(i%n+n)%n])
	return true
}

// view draws the field's value: a picker as ‹ value › and its meaning.
func (fl *field) view(s Styles, focused bool) string {
	if fl.choices == nil {
		return fl.in.View()
	}
	v := fl.in.Value()
	out := v
	if focused {
		out = "‹ " + v + " ›"
	}
	if fl.describe != nil {
		if d := fl.describe(v); d != "" {
			out += "  " + s.Dim.Render(d)
		}
	}
	if focused {
		out += "  " + s.Dim.Render("←/→ change")
	}
	return out
}

// Init focuses the first field.
func (f *formScreen) Init() tea.Cmd { return f.setFocus(0) }

// restyle applies the theme to the fields.
func (f *formScreen) restyle() {
	for i := range f.fields {
		f.fields[i].restyle(f.c.styles)
	}
}

func (f *formScreen) setFocus(i int) tea.Cmd {
	if len(f.fields) == 0 {
		return nil
	}
	i = (i%len(f.fields) + len(f.fields)) % len(f.fields)
	f.fields[f.focus].blur()
	f.focus = i
	return f.fields[i].focusIn()
}

// SetSize sets the form's size.
func (f *formScreen) SetSize(w, h int) {
	f.w, f.h = max(w, 0), max(h, 0)
	for i := range f.fields {
		f.fields[i].setWidth(max(f.w-labelWidth-3, 1))
	}
}

// Capturing is always true: letters are typed into fields.
func (f *formScreen) Capturing() bool { return true }

// Unsaved is true once a field differs from what the form opened with.
func (f *formScreen) Unsaved() bool { return f.changed() }

func (f *formScreen) changed() bool {
	for i := range f.fields {
		if f.fields[i].value() != f.initial[i] {
			return true
		}
	}
	return false
}

func (f *formScreen) changedFields() map[string]bool {
	m := make(map[string]bool, len(f.fields))
	for i, fl := range f.fields {
		if fl.value() != f.initial[i] {
			m[fl.name] = true
		}
	}
	return m
}

func (f *formScreen) values() map[string]string {
	m := make(map[string]string, len(f.fields))
	for _, fl := range f.fields {
		m[fl.name] = fl.value()
	}
	return m
}

// Update handles keys and the save result.
func (f *formScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return f, f.handleKey(msg)
	case savedMsg:
		return f, f.handleSaved(msg)
	case clickMsg:
		return f, f.handleClick(msg) // form_mouse.go
	case tea.MouseWheelMsg:
		return f, f.handleWheel(msg)
	}
	if len(f.fields) > 0 {
		return f, f.fields[f.focus].update(msg)
	}
	return f, nil
}

func (f *formScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := f.c.keys
	if f.confirm {
		switch {
		case key.Matches(msg, k.Yes):
			return pop
		case key.Matches(msg, k.No):
			f.confirm = false
		}
		return nil
	}
	if f.saving {
		return nil
	}
	switch {
	case key.Matches(msg, k.Cancel):
		if f.changed() {
			f.confirm = true
			return nil
		}
		return pop
	case key.Matches(msg, k.Save):
		return f.save()
	case len(f.fields) > 0 && f.fields[f.focus].isArea():
		// in a text area only tab leaves; ↑/↓ and enter are the area's
		switch {
		case key.Matches(msg, k.FieldTab):
			return f.setFocus(f.focus + 1)
		case key.Matches(msg, k.FieldBackTab):
			return f.setFocus(f.focus - 1)
		}
	case key.Matches(msg, k.NextField):
		return f.setFocus(f.focus + 1)
	case key.Matches(msg, k.PrevField):
		return f.setFocus(f.focus - 1)
	}
	if len(f.fields) == 0 {
		return nil
	}
	fl := &f.fields[f.focus]
	if fl.choices != nil {
		fl.choose(k, msg)
		f.err = ""
		return nil
	}
	cmd := fl.update(msg)
	if fl.err != "" && fl.check != nil {
		fl.err = fl.check(fl.value()) // clear the message once fixed
	}
	f.err = ""
	return cmd
}

// save checks every field and, if all are fine, starts the save command.
func (f *formScreen) save() tea.Cmd {
	bad := -1
	for i := range f.fields {
		fl := &f.fields[i]
		fl.err = ""
		if fl.check != nil {
			fl.err = fl.check(fl.value())
		}
		if fl.err != "" && bad < 0 {
			bad = i
		}
	}
	if bad < 0 {
		cmd, err := f.submit(f.values(), f.changedFields())
		if err == nil {
			f.saving = true
			f.err = ""
			return cmd
		}
		bad = f.showError(err)
	}
	if bad >= 0 {
		return f.setFocus(bad)
	}
	return nil
}

// showError puts err next to the field it names (or at the top) and
// returns that field's index, or -1.
func (f *formScreen) showError(err error) int {
	var fe *store.FieldError
	if errors.As(err, &fe) {
		for i := range f.fields {
			if f.fields[i].name == fe.Field {
				f.fields[i].err = fe.Msg
				return i
			}
		}
	}
	f.err = err.Error()
	return -1
}

func (f *formScreen) handleSaved(msg savedMsg) tea.Cmd {
	if msg.form != f {
		return nil
	}
	f.saving = false
	if msg.err != nil {
		if i := f.showError(msg.err); i >= 0 {
			return f.setFocus(i)
		}
		return nil
	}
	cmds := []tea.Cmd{pop, reload, flash(msg.note, false)}
	if msg.friend != 0 {
		id := msg.friend
		cmds = append(cmds, func() tea.Msg { return selectMsg{id} })
	}
	return tea.Batch(cmds...)
}

// formLayout is the form as View draws it: the head, the body lines
// drawn (body[off:end], or the focused field alone when the form is too
// small), and the foot; of[j] is the field body line j belongs to and
// row[j] which of its lines it is.
type formLayout struct {
	head, body, foot []string
	of, row          []int
	off, end         int
}

// layout lays the form out, scrolled so the focused field shows.
func (f *formScreen) layout() formLayout {
	s := f.c.styles
	var fl formLayout
	fl.head = []string{" " + s.FormTitle.Render(f.title)}
	if f.err != "" {
		for _, l := range wrap(clean(f.err), max(f.w-2, 1)) {
			fl.head = append(fl.head, " "+s.FieldErr.Render(l))
		}
	}
	fl.head = append(fl.head, "")
	add := func(i, r int, l string) {
		fl.body, fl.of, fl.row = append(fl.body, l), append(fl.of, i), append(fl.row, r)
	}
	focusTop, focusBottom := 0, 0
	inW := max(f.w-labelWidth-3, 1)
	for i := range f.fields {
		fd := &f.fields[i]
		ls := s.FieldLabel
		mark := "  "
		if i == f.focus {
			ls = s.FieldLabelFocused
			mark = "› "
			focusTop = len(fl.body)
		}
		if fd.isArea() {
			for j, l := range fd.areaView() {
				lead := strings.Repeat(" ", labelWidth+2)
				if j == 0 {
					lead = mark + ls.Render(fit(fd.label, labelWidth-1)) + " "
				}
				add(i, j, lead+l)
			}
		} else {
			add(i, 0, mark+ls.Render(fit(fd.label, labelWidth-1))+" "+fd.view(s, i == f.focus))
		}
		if fd.err != "" {
			for _, l := range wrap(clean(fd.err), inW) {
				add(i, -1, strings.Repeat(" ", labelWidth+2)+s.FieldErr.Render(l))
			}
		}
		if i == f.focus {
			focusBottom = len(fl.body) - 1
		}
	}
	fl.foot = []string{""}
	switch {
	case f.confirm:
		fl.foot = append(fl.foot, " "+s.FieldErr.Render("Discard your changes? y discards, n keeps editing"))
	case f.saving:
		fl.foot = append(fl.foot, " "+s.FormHint.Render("saving…"))
	default:
		fl.foot = append(fl.foot, " "+s.FormHint.Render("tab/shift+tab move · ctrl+s save · esc cancel"))
	}
	avail := f.h - len(fl.head) - len(fl.foot)
	if avail < 1 {
		// too small for everything: the focused field first
		fl.head, fl.off, fl.end = nil, focusTop, focusBottom+1
		return fl
	}
	if focusBottom >= avail {
		fl.off = focusBottom - avail + 1
	}
	if focusTop < fl.off {
		fl.off = focusTop
	}
	fl.end = min(fl.off+avail, len(fl.body))
	return fl
}

// View renders the form, scrolled so the focused field shows.
func (f *formScreen) View() string {
	if f.w <= 0 || f.h <= 0 {
		return ""
	}
	fl := f.layout()
	lines := append(append(fl.head, fl.body[fl.off:fl.end]...), fl.foot...)
	return clip(strings.Join(lines, "\n"), f.w, f.h)
}

// ShortHelp is the footer's help.
func (f *formScreen) ShortHelp() []key.Binding {
	k := f.c.keys
	if f.confirm {
		return []key.Binding{withHelp(k.Yes, "y", "discard"), withHelp(k.No, "n", "keep editing")}
	}
	return []key.Binding{k.NextField, k.PrevField, k.Save, k.Cancel}
}

// FullHelp is the `?` help (shown only from the list).
func (f *formScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{f.ShortHelp(), {withHelp(f.c.keys.Mouse, "mouse", "click a field or a hint")}}
}

// splitList splits a comma-separated field.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
