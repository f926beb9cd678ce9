package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tonsim/tonsim/describe"
)

// View implements tea.Model.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = joinNonEmpty(" · ", "tonsim", m.title)
	if m.dialog != nil && !m.showHelp && !m.tooSmall() {
		if c := m.dialog.Cursor(); c != nil {
			c.X += m.l.body.x
			c.Y += m.l.body.y
			v.Cursor = c
		}
	}
	return v
}

// render draws the screen.
func (m *Model) render() string {
	if m.width == 0 || m.height == 0 {
		return ""
	}
	if m.tooSmall() {
		return m.renderTooSmall()
	}
	out := []string{m.header()}
	switch {
	case m.showHelp:
		out = append(out, lines(m.help.View())...)
	case m.dialog != nil:
		out = append(out, lines(m.dialog.View())...)
	default:
		out = append(out, m.panes()...)
	}
	status := m.statusLines()
	out = block(out, m.width, m.height-1-len(status))
	out = append(out, status...)
	out = append(out, m.keyBar())
	return strings.Join(out, "\n")
}

// panes draws the main screen's body.
func (m *Model) panes() []string {
	var out []string
	if m.walk != nil {
		out = append(out, lines(m.walk.View())...)
	}
	var detail component = m.account
	if m.focus.showsTx() {
		detail = m.tx
	}
	if m.l.wide {
		h := m.l.detail.h
		top := beside(block(lines(m.accounts.View()), m.l.accounts.w, h), block(lines(detail.View()), m.l.detail.w, h), " "+m.c.Styles.Rule.Render("│"))
		out = append(out, top...)
		return append(out, lines(m.txs.View())...)
	}
	out = append(out, lines(m.accounts.View())...)
	out = append(out, lines(detail.View())...)
	return append(out, lines(m.txs.View())...)
}

// header is the top line: the title, where in time the world is, and the
// operation running.
func (m *Model) header() string {
	s := m.c.Styles
	left := s.HeaderTitle.Render(" tonsim")
	if m.title != "" {
		left += s.Header.Render(" · " + m.title)
	}
	var right string
	switch {
	case m.st.travelling() && m.st.at == 0:
		right = s.Warning.Render(fmt.Sprintf("◆ start · 0 of %d", m.st.total))
	case m.st.travelling():
		right = s.Warning.Render(fmt.Sprintf("◆ after lt %d · %d of %d", m.pointLT(m.st.at), m.st.at, m.st.total))
	default:
		right = fmt.Sprintf("now · %d transactions", m.st.total)
		if m.st.ops > 0 {
			right += " · " + describe.Count(m.st.ops, "world operation")
		}
	}
	if m.busy != "" {
		right = m.spinner.View() + " " + cut(m.busy, max(m.width/2-4, 8)) + "   " + right
		if len(m.queue) > 0 {
			right = fmt.Sprintf("(%d queued) ", len(m.queue)) + right
		}
	}
	right += " "
	// The title gives way first, then what runs: each cut with a marker.
	if rw := ansi.StringWidth(right); rw > m.width-12 {
		right = cut(right, max(m.width-12, 1))
	}
	left = cut(left, max(m.width-ansi.StringWidth(right)-1, 1))
	gap := m.width - ansi.StringWidth(left) - ansi.StringWidth(right)
	return left + strings.Repeat(" ", max(gap, 0)) + right
}

// statusLines are the lines over the keys: the last message, or where in
// time the world is, wrapped when it is longer than the terminal is wide,
// up to maxStatusLines (the last cut with a marker past that).
func (m *Model) statusLines() []string {
	s := m.c.Styles
	text, style := m.status.text, s.StatusInfo
	if m.status.err {
		text, style = "✗ "+text, s.StatusError
	}
	if text == "" && m.st.travelling() {
		text, style = m.travelText(), s.Warning
	}
	if m.st.err != nil {
		text, style = "✗ reading the world: "+m.st.err.Error(), s.StatusError
	}
	ls := wrap(text, max(m.width-2, 1))
	if len(ls) > maxStatusLines {
		last := strings.Join(ls[maxStatusLines-1:], " ")
		ls = append(ls[:maxStatusLines-1], cut(last, max(m.width-2, 1)))
	}
	if len(ls) == 0 {
		ls = []string{""}
	}
	for i, l := range ls {
		ls[i] = style.Render(fit(" "+l, m.width))
	}
	return ls
}

// keyBar is the short help of what has the keys now; on the main screen
// tab, ? and q stay at its right end however narrow the terminal.
func (m *Model) keyBar() string {
	var b []key.Binding
	km := m.c.KeyMap
	switch {
	case m.showHelp:
		b = m.help.ShortHelp()
	case m.dialog != nil:
		// esc and the key that lists the dialog's keys stay at the right
		// end however narrow the terminal.
		var rest, always []key.Binding
		listed := false
		for _, k := range m.dialog.ShortHelp() {
			switch k.Help().Key {
			case "esc", "esc/q":
				always = append(always, k)
			case km.Help.Help().Key, km.Keys.Help().Key:
				always, listed = append(always, k), true
			default:
				rest = append(rest, k)
			}
		}
		if !listed {
			k := km.Help
			if o, ok := m.dialog.(helpKeyOwner); ok && o.ownsHelpKey() {
				k = km.Keys
			}
			k.SetHelp(k.Help().Key, "keys")
			always = append(always, k)
		}
		right := m.shortHelp(always, m.width)
		left := m.shortHelp(rest, m.width-ansi.StringWidth(right)-4)
		return fit(" "+left+m.keys.ShortSeparator+right, m.width)
	default:
		switch m.focus {
		case paneAccounts:
			b = m.accounts.ShortHelp()
		case paneAccount:
			b = m.account.ShortHelp()
		case paneTxs:
			b = m.txs.ShortHelp()
		case paneTx:
			b = m.tx.ShortHelp()
		case paneWalk:
			b = []key.Binding{km.Down, km.PageDown}
		}
		if m.walk != nil {
			b = append(m.walk.ShortHelp(), b...)
		}
		always := m.shortHelp([]key.Binding{km.NextPane, km.Help, km.Quit}, m.width)
		left := m.shortHelp(b, m.width-ansi.StringWidth(always)-4)
		return fit(" "+left+m.keys.ShortSeparator+always, m.width)
	}
	return fit(" "+m.shortHelp(b, m.width-1), m.width)
}

// shortHelp writes keys and what they do, "s send • u upgrade", as many as
// fit in width; an ellipsis says some were left out.
func (m *Model) shortHelp(bs []key.Binding, width int) string {
	st := m.c.Styles.Help
	sep := st.ShortSeparator.Render(m.keys.ShortSeparator)
	var b strings.Builder
	used := 0
	for i, k := range bs {
		if !k.Enabled() {
			continue
		}
		item := st.ShortKey.Render(k.Help().Key) + " " + st.ShortDesc.Render(k.Help().Desc)
		if used > 0 {
			item = sep + item
		}
		w := ansi.StringWidth(item)
		rest := 0
		if i < len(bs)-1 {
			rest = 2 // room for " …"
		}
		if used+w+rest > width {
			if used > 0 {
				b.WriteString(st.Ellipsis.Render(" …"))
			}
			break
		}
		b.WriteString(item)
		used += w
	}
	return b.String()
}

// renderTooSmall says the terminal is too small, in whatever room there is.
func (m *Model) renderTooSmall() string {
	msg := fmt.Sprintf("The terminal is %d×%d; tonsim needs at least %d×%d. Make it larger, or press q to quit.", m.width, m.height, minWidth, minHeight)
	return strings.Join(block(wrap(msg, m.width), m.width, m.height), "\n")
}

// welcome is the first status line.
func welcome(walk bool) string {
	if walk {
		return "n runs the next step, p goes back, N runs to the end; ? lists every key."
	}
	return "s sends, u upgrades, [ and ] travel in time; ? lists every key."
}

// tooSmall reports whether the terminal is too small to draw in.
func (m *Model) tooSmall() bool { return m.width < minWidth || m.height < minHeight }

// ShortHelp implements help.KeyMap: the keys the key bar shows.
func (m *Model) ShortHelp() []key.Binding {
	km := m.c.KeyMap
	return []key.Binding{km.NextPane, km.Send, km.Upgrade, km.TimeBack, km.TimeForward, km.Help, km.Quit}
}

// FullHelp implements help.KeyMap: every key.
func (m *Model) FullHelp() [][]key.Binding { return m.help.FullHelp() }
