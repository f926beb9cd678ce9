package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
)

// Styles are every look of the UI. [DefaultStyles] makes them for a colour
// profile: without colours (NO_COLOR, a pipe, tests) selection and emphasis
// still show through attributes or, with no terminal at all, not at all, so
// the same screen renders as plain text.
type Styles struct {
	// Header is the top line; HeaderTitle the program's name in it.
	Header, HeaderTitle lipgloss.Style
	// Rule draws a pane's title line; RuleFocused the focused pane's.
	Rule, RuleFocused lipgloss.Style
	// Selected is the row under the cursor of the focused pane;
	// SelectedBlurred the cursor row of another pane.
	Selected, SelectedBlurred lipgloss.Style
	// Column headers of a table.
	ColumnHeader lipgloss.Style

	Label lipgloss.Style // a field's name in a detail
	Name  lipgloss.Style // an account's name
	Dim   lipgloss.Style // hints, addresses, the future while travelling
	Code  lipgloss.Style // raw cells and hashes

	Success lipgloss.Style // exit 0, a safe upgrade
	Failure lipgloss.Style // a failed transaction, a brick
	Warning lipgloss.Style // skipped compute, pending migration, time travel
	Changed lipgloss.Style // a storage change

	StatusInfo, StatusError lipgloss.Style

	DialogTitle lipgloss.Style
	InputError  lipgloss.Style
	Input       textinput.Styles
	Help        help.Styles
}

// DefaultStyles returns the styles for a colour profile and a dark or light
// background. colorprofile.NoTTY gives plain text (no escape sequences at
// all), colorprofile.Ascii (what NO_COLOR detects) attributes without
// colours, and the other profiles colours, which the renderer downsamples to
// the terminal's profile.
func DefaultStyles(profile colorprofile.Profile, darkBackground bool) Styles {
	plain := lipgloss.NewStyle()
	if profile == colorprofile.NoTTY {
		s := Styles{}
		s.Input = textinput.Styles{
			Focused: textinput.StyleState{Text: plain, Placeholder: plain, Suggestion: plain, Prompt: plain},
			Blurred: textinput.StyleState{Text: plain, Placeholder: plain, Suggestion: plain, Prompt: plain},
		}
		s.Help = help.Styles{Ellipsis: plain, ShortKey: plain, ShortDesc: plain, ShortSeparator: plain,
			FullKey: plain, FullDesc: plain, FullSeparator: plain}
		return s
	}
	if profile == colorprofile.Ascii || profile == colorprofile.Unknown {
		bold, faint := plain.Bold(true), plain.Faint(true)
		s := Styles{
			Header: plain, HeaderTitle: bold,
			Rule: faint, RuleFocused: bold,
			Selected: plain.Reverse(true), SelectedBlurred: plain.Underline(true),
			ColumnHeader: bold,
			Label:        plain, Name: bold, Dim: faint, Code: plain,
			Success: plain, Failure: bold, Warning: bold, Changed: plain,
			StatusInfo: plain, StatusError: bold,
			DialogTitle: bold, InputError: bold,
		}
		s.Input = textinput.Styles{
			Focused: textinput.StyleState{Text: plain, Placeholder: faint, Suggestion: faint, Prompt: bold},
			Blurred: textinput.StyleState{Text: plain, Placeholder: faint, Suggestion: faint, Prompt: plain},
		}
		s.Help = help.Styles{Ellipsis: faint, ShortKey: bold, ShortDesc: plain, ShortSeparator: faint,
			FullKey: bold, FullDesc: plain, FullSeparator: faint}
		return s
	}

	ld := lipgloss.LightDark(darkBackground)
	var (
		accent  = ld(lipgloss.Color("#5A4FCF"), lipgloss.Color("#8F87F1"))
		subtle  = ld(lipgloss.Color("#9A9A9A"), lipgloss.Color("#626262"))
		text    = ld(lipgloss.Color("#1A1A1A"), lipgloss.Color("#DDDDDD"))
		green   = ld(lipgloss.Color("#00875F"), lipgloss.Color("#5FD787"))
		red     = ld(lipgloss.Color("#D70000"), lipgloss.Color("#FF5F5F"))
		yellow  = ld(lipgloss.Color("#AF5F00"), lipgloss.Color("#FFD75F"))
		cyan    = ld(lipgloss.Color("#005F87"), lipgloss.Color("#5FD7FF"))
		selBg   = ld(lipgloss.Color("#E4E0FF"), lipgloss.Color("#3A3566"))
		blurBg  = ld(lipgloss.Color("#EEEEEE"), lipgloss.Color("#2A2A2A"))
		fg      = func(c color.Color) lipgloss.Style { return plain.Foreground(c) }
		keyText = ld(lipgloss.Color("#5A4FCF"), lipgloss.Color("#B3ADF7"))
	)
	s := Styles{
		Header:          plain.Foreground(text),
		HeaderTitle:     plain.Foreground(accent).Bold(true),
		Rule:            fg(subtle),
		RuleFocused:     fg(accent).Bold(true),
		Selected:        plain.Background(selBg).Foreground(text),
		SelectedBlurred: plain.Background(blurBg),
		ColumnHeader:    fg(subtle).Bold(true),
		Label:           fg(subtle),
		Name:            fg(cyan).Bold(true),
		Dim:             fg(subtle),
		Code:            fg(subtle),
		Success:         fg(green),
		Failure:         fg(red).Bold(true),
		Warning:         fg(yellow),
		Changed:         fg(yellow),
		StatusInfo:      fg(text),
		StatusError:     fg(red).Bold(true),
		DialogTitle:     fg(accent).Bold(true),
		InputError:      fg(red),
	}
	s.Input = textinput.Styles{
		Focused: textinput.StyleState{Text: fg(text), Placeholder: fg(subtle), Suggestion: fg(subtle), Prompt: fg(accent)},
		Blurred: textinput.StyleState{Text: fg(text), Placeholder: fg(subtle), Suggestion: fg(subtle), Prompt: fg(subtle)},
	}
	s.Input.Cursor.Color = accent
	s.Help = help.Styles{
		Ellipsis: fg(subtle), ShortKey: fg(keyText), ShortDesc: fg(subtle), ShortSeparator: fg(subtle),
		FullKey: fg(keyText), FullDesc: fg(subtle), FullSeparator: fg(subtle),
	}
	return s
}
