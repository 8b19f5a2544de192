package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// The root model's drawing: header, the active screen, footer.

// footerLines is how many lines the footer takes: the full help, a
// status message wrapped to at most flashLines, or one line of keys.
func (m *Model) footerLines() int {
	if m.full {
		return min(max(m.h-2, 1), strings.Count(m.fullHelp(), "\n")+1)
	}
	if m.flash != "" && !m.quitAsked {
		return min(len(wrap(clean(m.flash), max(m.w, 1))), flashLines, max(m.h-2, 1))
	}
	return 1
}

// flashLines is the most a status message takes: it wraps (a message cut
// at 80 columns lost its end) rather than hide the screen.
const flashLines = 3

func (m *Model) fullHelp() string {
	return m.help.FullHelpView(m.active().FullHelp())
}

// bodyHeight is what is left for the active screen.
func (m *Model) bodyHeight() int { return max(m.h-1-m.footerLines(), 0) }

func (m *Model) layout() {
	bh := m.bodyHeight()
	m.home.SetSize(m.w, bh)
	for _, s := range m.stack {
		s.SetSize(m.w, bh)
	}
}

// View draws header, the active screen and footer, exactly w×h cells.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "kith"
	return v
}

func (m *Model) render() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(m.header())
	if bh := m.bodyHeight(); bh > 0 {
		b.WriteByte('\n')
		b.WriteString(clip(m.active().View(), m.w, bh))
	}
	if m.h > 1 {
		b.WriteByte('\n')
		b.WriteString(m.footer())
	}
	return b.String()
}

func (m *Model) header() string {
	s := m.c.styles
	left := s.Header.Render("kith")
	right := m.home.counts() + m.due.text()
	if m.loadErr != nil {
		right = s.FlashErr.Render("cannot read the database: " + clean(m.loadErr.Error()))
	}
	path := clean(m.c.st.Path())
	avail := m.w - 5 - ansi.StringWidth(right) - 2
	line := left
	if avail >= 8 {
		line += " " + s.HeaderDim.Render(trunc(path, avail))
	}
	line += "  " + right
	return clip(line, m.w, 1)
}

func (m *Model) footer() string {
	s := m.c.styles
	if m.quitAsked {
		return clip(s.FlashErr.Render(trunc(quitQuestion, m.w)), m.w, 1)
	}
	if m.full {
		return clip(m.fullHelp(), m.w, m.footerLines())
	}
	if m.flash != "" {
		st := s.Flash
		if m.flashErr {
			st = s.FlashErr
		}
		n := m.footerLines()
		ls := wrap(clean(m.flash), max(m.w, 1))
		if len(ls) > n {
			ls = ls[:n]
			ls[n-1] = trunc(ls[n-1]+" …", m.w)
		}
		for i, l := range ls {
			ls[i] = st.Render(l)
		}
		return clip(strings.Join(ls, "\n"), m.w, n)
	}
	return clip(m.shortHelp(), m.w, 1)
}

// shortHelp is the footer's keys: the screen's, as many as fit, then
// always the help key (F1 where letters are typed, so it works there) and,
// on the friend list, q quit; the screen's keys give way from the end.
func (m *Model) shortHelp() string {
	k := m.c.keys
	a := m.active()
	var own, tail []key.Binding
	for _, b := range a.ShortHelp() {
		switch h := b.Help().Key; {
		case h == k.Help.Help().Key || h == k.Quit.Help().Key || h == k.FieldHelp.Help().Key:
		case slices.Contains(b.Keys(), "esc"):
			tail = append(tail, b) // the way back never gives way
		default:
			own = append(own, b)
		}
	}
	if a.Capturing() {
		tail = append(tail, k.FieldHelp)
	} else {
		tail = append(tail, k.Help)
	}
	if len(m.stack) == 0 && !a.Capturing() {
		tail = append(tail, k.Quit)
	}
	h := m.help
	h.SetWidth(0) // measured whole here, never cut with "…"
	for n := len(own); ; n-- {
		line := h.ShortHelpView(append(own[:n:n], tail...))
		if n == 0 || ansi.StringWidth(line) <= m.w {
			return line
		}
	}
}
