package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"

	"kith/policy"
)

// Theme is the palette the Styles are built from. A zero colour means
// "no colour" (the terminal default).
type Theme struct {
	Accent, Muted, Subtle, Error, OK                 color.Color
	Clear, Caution, Hold, Block, SelBg, SelFg, Title color.Color
}

// DefaultTheme returns the palette for a dark or a light background.
func DefaultTheme(isDark bool) Theme {
	ld := lipgloss.LightDark(isDark)
	c := lipgloss.Color
	return Theme{
		Accent:  ld(c("#5A3FC0"), c("#A58CFF")),
		Muted:   ld(c("#6B6B6B"), c("#9A9A9A")),
		Subtle:  ld(c("#A0A0A0"), c("#5C5C5C")),
		Error:   ld(c("#B00020"), c("#FF6B6B")),
		OK:      ld(c("#1B7F3B"), c("#6BD68A")),
		Clear:   ld(c("#1B7F3B"), c("#6BD68A")),
		Caution: ld(c("#8A6100"), c("#F2C14E")),
		Hold:    ld(c("#B35900"), c("#FF9F43")),
		Block:   ld(c("#B00020"), c("#FF6B6B")),
		SelBg:   ld(c("#DCD6F7"), c("#3B3363")),
		SelFg:   ld(c("#1A1A1A"), c("#FFFFFF")),
		Title:   ld(c("#5A3FC0"), c("#C9B8FF")),
	}
}

// Styles is every style the screens use, built once from a Theme.
type Styles struct {
	NoColor bool

	Header, HeaderDim, Footer, Flash, FlashErr lipgloss.Style

	ColHead, Row, Selected, Dim, Archived lipgloss.Style
	// Match marks what the filter matched in a row (underlined, colour
	// or not).
	Match lipgloss.Style

	Badge [4]lipgloss.Style // by policy.Level
	// Neutral is the badge of a friend not judged yet.
	Neutral lipgloss.Style

	PaneTitle, Label, Value, Section, Reason, Border lipgloss.Style

	FieldLabel, FieldLabelFocused, FieldErr, FormTitle, FormHint lipgloss.Style

	Dialog lipgloss.Style

	Help  help.Styles
	Input textinput.Styles
	Area  textarea.Styles // the compose pane's body editor

	Check, Miss lipgloss.Style // a checklist item met, missed
}

// NewStyles builds the Styles for a background (dark or light); noColor
// builds them with attributes only (bold, reverse, faint), for NO_COLOR.
func NewStyles(isDark, noColor bool) Styles {
	t := DefaultTheme(isDark)
	if noColor {
		t = Theme{}
	}
	fg := func(c color.Color) lipgloss.Style {
		s := lipgloss.NewStyle()
		if c != nil {
			s = s.Foreground(c)
		}
		return s
	}
	s := Styles{NoColor: noColor}
	s.Header = fg(t.Title).Bold(true)
	s.HeaderDim = fg(t.Muted)
	s.Footer = fg(t.Muted)
	s.Flash = fg(t.OK)
	s.FlashErr = fg(t.Error).Bold(true)
	s.ColHead = fg(t.Muted).Bold(true)
	s.Row = lipgloss.NewStyle()
	if noColor {
		s.Selected = lipgloss.NewStyle().Reverse(true)
	} else {
		s.Selected = lipgloss.NewStyle().Background(t.SelBg).Foreground(t.SelFg)
	}
	s.Dim = fg(t.Muted)
	s.Match = fg(t.Accent).Bold(!noColor).Underline(true)
	s.Archived = fg(t.Subtle).Faint(noColor)
	s.Badge = [...]lipgloss.Style{
		policy.Clear:   fg(t.Clear),
		policy.Caution: fg(t.Caution),
		policy.Hold:    fg(t.Hold).Bold(true),
		policy.Block:   fg(t.Block).Bold(true),
	}
	s.Neutral = fg(t.Muted)
	s.PaneTitle = fg(t.Title).Bold(true)
	s.Label = fg(t.Muted)
	s.Value = lipgloss.NewStyle()
	s.Section = fg(t.Accent).Bold(true)
	s.Reason = lipgloss.NewStyle()
	s.Border = fg(t.Subtle)
	s.FieldLabel = fg(t.Muted)
	s.FieldLabelFocused = fg(t.Accent).Bold(true)
	s.FieldErr = fg(t.Error)
	s.FormTitle = fg(t.Title).Bold(true)
	s.FormHint = fg(t.Muted)
	s.Dialog = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).Padding(0, 1)
	if !noColor {
		s.Dialog = s.Dialog.BorderForeground(t.Accent)
	}

	if noColor {
		plain := lipgloss.NewStyle()
		s.Help = help.Styles{ShortKey: plain.Bold(true), ShortDesc: plain, ShortSeparator: plain,
			Ellipsis: plain, FullKey: plain.Bold(true), FullDesc: plain, FullSeparator: plain}
	} else {
		s.Help = help.DefaultStyles(isDark)
	}
	s.Input = textinput.DefaultStyles(isDark)
	s.Input.Cursor.Blink = false
	if noColor {
		plain := lipgloss.NewStyle()
		st := textinput.StyleState{Text: plain, Placeholder: plain.Faint(true), Suggestion: plain.Faint(true), Prompt: plain}
		s.Input.Focused, s.Input.Blurred = st, st
		s.Input.Cursor.Color = nil
	}
	s.Area = textarea.DefaultStyles(isDark)
	s.Area.Cursor.Blink = false
	s.Check = fg(t.OK)
	s.Miss = fg(t.Caution).Bold(true)
	if noColor {
		plain := lipgloss.NewStyle()
		st := textarea.StyleState{Base: plain, Text: plain, LineNumber: plain, CursorLineNumber: plain, CursorLine: plain,
			EndOfBuffer: plain, Placeholder: plain.Faint(true), Prompt: plain, Selection: plain.Reverse(true)}
		s.Area.Focused, s.Area.Blurred = st, st
		s.Area.Cursor.Color = nil
	}
	return s
}

// badge returns the style for a verdict level.
func (s Styles) badge(l policy.Level) lipgloss.Style {
	if int(l) < len(s.Badge) {
		return s.Badge[l]
	}
	return s.Neutral
}
