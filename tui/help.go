package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// helpEntry is one line of the help: keys and what they do.
type helpEntry struct {
	keys []key.Binding
	what string
}

// helpGroup is a titled group of the help's entries.
type helpGroup struct {
	title   string
	entries []helpEntry
	// dialog is set for the keys of a dialog: they mean something else
	// there than on the main screen.
	dialog bool
}

// keyGuide is a dialog that says what each of its keys does, for its ?
// and the help screen; a dialog without one is described by its
// FullHelp.
type keyGuide interface {
	keyGroup() helpGroup
}

// helpKeyOwner is a dialog that takes ? itself at times: a text field
// types it, the debugger lists its own keys with it. f1 lists the keys
// then.
type helpKeyOwner interface {
	ownsHelpKey() bool
}

// dialogKeys are the keys of dialog d, as the help lists them.
func dialogKeys(d dialog) helpGroup {
	if g, ok := d.(keyGuide); ok {
		return g.keyGroup()
	}
	g := helpGroup{title: "This dialog", dialog: true}
	for _, bs := range d.FullHelp() {
		for _, b := range bs {
			g.entries = append(g.entries, helpEntry{[]key.Binding{b}, b.Help().Desc})
		}
	}
	return g
}

// helpGroups are every key the UI answers to, by what they do: the one
// list the help screen shows and the README's key table is made from
// ([KeyTable]). walk and played add the keys of a walkthrough and of a
// scenario played on opening.
func helpGroups(km KeyMap, walk, played bool) []helpGroup {
	g := []helpGroup{
		{title: "Move", entries: []helpEntry{
			{[]key.Binding{km.Up, km.Down}, "move in the focused pane: a row of a list, a getter of the account, a line of the transaction"},
			{[]key.Binding{km.PageUp, km.PageDown}, "a page up or down in the focused pane"},
			{[]key.Binding{km.Top, km.Bottom}, "to the first or the last row, the top or the end of a detail"},
			{[]key.Binding{km.NextPane, km.PrevPane}, "next or previous pane: the accounts, the selected account (storage, getters), the transaction log, the selected transaction (events, fees, what it sent)"},
			{[]key.Binding{km.Filter}, "filter the accounts or the transactions; enter keeps the filter, esc clears it"},
			{[]key.Binding{km.Enter}, "open or confirm: in the log, travel to the selected transaction; on a getter, give its arguments; in a form, send"},
			{[]key.Binding{km.Back}, "close a dialog or the help, clear a filter, stop a walkthrough running to its end"},
		}},
		{title: "Act", entries: []helpEntry{
			{[]key.Binding{km.Send}, "send a message: sender, target, a message type from the target's ABI, one input per field by its type (a toggle for a Bool, TON for coins, a name or an address), checked as you type; or a comment, or a raw body"},
			{[]key.Binding{km.Upgrade}, "upgrade the selected contract: pick the new code, read the preflight (safe, with each getter before → after; or would brick, with the exit code); anything but safe needs a second enter"},
			{[]key.Binding{km.Raw}, "raw storage: the data's cells instead of decoded fields"},
			{[]key.Binding{km.Trace}, "trace: run the selected transaction or getter again, instruction by instruction, in a debugger (its own keys: ? inside it)"},
			{[]key.Binding{km.Copy}, "copy what is selected to the clipboard (OSC 52): an account's address, a getter's result, the raw data as a BOC, a transaction or its inbound message as a BOC"},
			{[]key.Binding{km.Save}, "save the world shown (accounts, names, contracts) to a file, atomically; tonsim tui --world FILE, run, get and preflight open it again"},
		}},
		{title: "Time", entries: []helpEntry{
			{[]key.Binding{km.TimeBack, km.TimeForward}, "travel one transaction back or forward: the whole screen shows the world as it was then"},
			{[]key.Binding{km.TimeStart, km.TimeNow}, "travel to the start, or back to now"},
			{[]key.Binding{km.Undo, km.Redo}, "a send from the past forks history and keeps the old branch: z goes back to it, Z returns to the fork"},
			{[]key.Binding{km.Commit, km.Commits}, "commit the world shown (a name, or none), and list the commits: enter travels to one like a point of history; z undoes a move off it; a saved world keeps them"},
		}},
	}
	if walk {
		g = append(g, helpGroup{title: "Walkthrough", entries: []helpEntry{
			{[]key.Binding{km.WalkNext, km.WalkPrev, km.WalkAll}, "walkthrough: the next step, the previous step, run to the end"},
		}})
	}
	if played {
		g = append(g, helpGroup{title: "Scenario", entries: []helpEntry{
			{[]key.Binding{km.Results}, "the results of the scenario played on opening (tonsim tui SCENARIO): each expectation that did not hold, with its file:line"},
		}})
	}
	g = append(g, upgradeKeys(km), formKeys(km))
	return append(g, helpGroup{title: "Program", entries: []helpEntry{
		{[]key.Binding{km.Help}, "every key (this screen); in a dialog, its own keys first"},
		{[]key.Binding{km.Quit, km.ForceQuit}, "quit (the terminal is restored); ctrl+c quits from a text field too"},
	}})
}

// formKeys are the keys of every dialog made of fields: the send, a
// getter's arguments, the reinstall, the save and the commit.
func formKeys(km KeyMap) helpGroup {
	return helpGroup{title: "In a form (s, enter on a getter, R, w, c)", dialog: true, entries: []helpEntry{
		{[]key.Binding{formNext, formPrev}, "the next or the previous field (↓ and ↑ too)"},
		{[]key.Binding{km.Left, km.Right}, "change a choice (a Bool's toggle takes t/y/1 and f/n/0 too); → at the end of a text takes the completion offered"},
		{[]key.Binding{enterKey("submit")}, "send, evaluate, reinstall, save or commit; when a field is wrong, every field's error shows"},
		{[]key.Binding{formPageUp, formPageDown}, "scroll a form taller than the screen (ctrl+u and ctrl+d edit the text)"},
		{[]key.Binding{km.Keys}, "these keys, from a text field too (where ? types)"},
		{[]key.Binding{escKey("cancel")}, "cancel: nothing is sent"},
	}}
}

// Keys of dialogs that name what they do there.
var (
	formNext = key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field"))
	formPrev = key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous field"))
	// A form scrolls by these keys' own names only: ctrl+u edits a text.
	formPageUp   = key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up"))
	formPageDown = key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down"))
)

// enterKey and escKey are enter and esc as a dialog names them.
func enterKey(what string) key.Binding {
	return key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", what))
}

func escKey(what string) key.Binding {
	return key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", what))
}

// keysText writes an entry's keys as the help shows them: "↑/k ↓/j".
func keysText(bs []key.Binding) string {
	parts := make([]string, len(bs))
	for i, b := range bs {
		parts[i] = b.Help().Key
	}
	return strings.Join(parts, " ")
}

// KeyTable is the README's table of keys, made from the help screen's
// entries: every key the UI answers to, walkthrough's and scenario's
// included.
func KeyTable(km KeyMap) string {
	var b strings.Builder
	b.WriteString("| keys | |\n| --- | --- |\n")
	for _, g := range helpGroups(km, true, true) {
		b.WriteString("| **" + g.title + "** | |\n")
		for _, e := range g.entries {
			var keys []string
			for _, k := range e.keys {
				var alts []string
				for _, a := range strings.Split(k.Help().Key, "/") {
					alts = append(alts, "`"+a+"`")
				}
				if k.Help().Key == "/" {
					alts = []string{"`/`"}
				}
				keys = append(keys, strings.Join(alts, "/"))
			}
			b.WriteString("| " + strings.Join(keys, " ") + " | " + e.what + " |\n")
		}
	}
	return b.String()
}

// helpView is the full list of keys, by what they do, and how the screen
// works; it scrolls when it is taller than the terminal.
type helpView struct {
	c             *Common
	width, height int
	walk, played  bool
	sc            scroller
	// dialog, when set, is the group of the dialog the help was opened
	// from: it comes first.
	dialog *helpGroup
}

// SetSize implements component.
func (h *helpView) SetSize(width, height int) { h.width, h.height = width, height }

// groups are the help's keys in groups, the dialog's first.
func (h *helpView) groups() []helpGroup {
	g := helpGroups(h.c.KeyMap, h.walk, h.played)
	if h.dialog != nil {
		d := *h.dialog
		d.title += " (esc goes back to it)"
		g = append([]helpGroup{d}, g...)
	}
	return g
}

// content is every line of the help.
func (h *helpView) content() []string {
	s := h.c.Styles
	kw := 0
	for _, g := range h.groups() {
		for _, e := range g.entries {
			kw = max(kw, ansi.StringWidth(keysText(e.keys)))
		}
	}
	kw = min(kw, max(h.width/3, 8))
	var out []string
	for _, g := range h.groups() {
		out = append(out, s.ColumnHeader.Render(g.title))
		for _, e := range g.entries {
			what := wrap(e.what, max(h.width-kw-4, 12))
			for i, l := range what {
				head := strings.Repeat(" ", kw+4)
				if i == 0 {
					head = "  " + s.Help.FullKey.Render(fit(keysText(e.keys), kw)) + "  "
				}
				out = append(out, head+l)
			}
		}
		out = append(out, "")
	}
	text := []string{
		"The accounts pane lists the world; the pane on the right shows the selected account (storage decoded by its ABI, getters live) or, while the log or the pane after it has the focus, the selected transaction. Enter in the log travels to a transaction: the whole screen shows the world as it was then, and sending from there forks history; z brings the old branch back.",
		"In the log, ✉ marks a transaction that emitted events, ⚠ one whose action phase skipped actions or failed, ↩ one whose message bounced back.",
		"Trace (t) runs the selected transaction (the log) or getter (the account pane) again, instruction by instruction, in a debugger; in a walkthrough, from the accounts pane, the step just run.",
		"Mouse: click a row to select it; the wheel scrolls the pane under the pointer, this help and any dialog. ? or esc closes this help.",
	}
	for _, t := range text {
		out = append(out, wrap(t, h.width)...)
		out = append(out, "")
	}
	return out[:len(out)-1]
}

// Update scrolls the help.
func (h *helpView) Update(msg tea.Msg) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		h.sc.key(h.c.KeyMap, k, len(h.content()), h.height-1, true)
	}
}

// wheel scrolls the help by d notches of the mouse wheel.
func (h *helpView) wheel(d int) { h.sc.by(wheelLines*d, len(h.content()), h.height-1) }

// View implements component.
func (h *helpView) View() string {
	return h.c.page("Keys", true, h.content(), &h.sc, h.width, h.height, "pgdn")
}

// ShortHelp implements help.KeyMap.
func (h *helpView) ShortHelp() []key.Binding {
	km := h.c.KeyMap
	return []key.Binding{key.NewBinding(key.WithKeys("?", "esc"), key.WithHelp("?/esc", "close help")), km.Down, km.PageDown, km.Quit}
}

// FullHelp implements help.KeyMap.
func (h *helpView) FullHelp() [][]key.Binding {
	var out [][]key.Binding
	for _, g := range h.groups() {
		var bs []key.Binding
		for _, e := range g.entries {
			bs = append(bs, e.keys...)
		}
		out = append(out, bs)
	}
	return out
}
