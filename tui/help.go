package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
)

// helpView is the full list of keys, by what they do.
type helpView struct {
	c             *Common
	width, height int
	help          help.Model
	walk          bool
}

// SetSize implements component.
func (h *helpView) SetSize(width, height int) { h.width, h.height = width, height }

// groups are the keys in columns: moving, acting, time, the walkthrough
// and the program.
func (h *helpView) groups() [][]key.Binding {
	km := h.c.KeyMap
	g := [][]key.Binding{
		{km.Up, km.Down, km.PageUp, km.PageDown, km.Top, km.Bottom, km.NextPane, km.PrevPane},
		{km.Enter, km.Back, km.Filter, km.Send, km.Upgrade, km.Raw, km.Save, km.Trace},
		{km.TimeBack, km.TimeForward, km.TimeStart, km.TimeNow},
	}
	if h.walk {
		g = append(g, []key.Binding{km.WalkNext, km.WalkPrev, km.WalkAll})
	}
	return append(g, []key.Binding{km.Help, km.Quit, km.ForceQuit})
}

// View implements component.
func (h *helpView) View() string {
	s := h.c.Styles
	h.help.Styles = s.Help
	h.help.SetWidth(h.width)
	out := []string{h.c.rule("Keys", h.width, true), ""}
	out = append(out, lines(h.help.FullHelpView(h.groups()))...)
	out = append(out, "")
	text := []string{
		"The accounts pane lists the world; the pane on the right shows the selected account (storage decoded by its ABI, getters live) or, with the log focused, the selected transaction. Enter in the log travels to a transaction: the whole screen shows the world as it was then, and sending from there forks history.",
		"Send (s) builds a message from the target's ABI; each field is checked as you type. Upgrade (u) dry-runs the upgrade first and shows the verdict: safe, rejected, or would brick; sending anything but a safe upgrade needs enter twice.",
		"Save (w) writes the world shown, at whatever point of history, to a file that tonsim tui --world FILE opens again.",
		"Trace (t) runs the selected transaction (the log) or getter (the account pane) again, instruction by instruction, in a debugger; in a walkthrough, from the accounts pane, the step just run.",
		"Mouse: click a row to select it, the wheel scrolls. ? or esc closes this help.",
	}
	for _, t := range text {
		out = append(out, wrap(t, h.width)...)
		out = append(out, "")
	}
	return strings.Join(block(out, h.width, h.height), "\n")
}

// ShortHelp implements help.KeyMap.
func (h *helpView) ShortHelp() []key.Binding {
	return []key.Binding{key.NewBinding(key.WithKeys("?", "esc"), key.WithHelp("?/esc", "close help")), h.c.KeyMap.Quit}
}

// FullHelp implements help.KeyMap.
func (h *helpView) FullHelp() [][]key.Binding { return h.groups() }
