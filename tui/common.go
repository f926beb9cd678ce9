package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tonsim/tonsim/describe"
)

// Common is what every component shares: the size it may draw in, the
// styles and the key map. The root model owns it and hands components a
// pointer, so a change of colour profile reaches them all.
type Common struct {
	Width, Height int
	Styles        Styles
	KeyMap        KeyMap
}

// component is a piece of the screen: it draws itself in the size it was
// given and says which keys it answers to.
type component interface {
	View() string
	SetSize(width, height int)
	help.KeyMap
}

// fit truncates s to width cells (with an ellipsis) and pads it with spaces
// to exactly width cells. Styled text keeps its escape sequences.
func fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	s = cut(s, width)
	if w := ansi.StringWidth(s); w < width {
		s += strings.Repeat(" ", width-w)
	}
	return s
}

// cut truncates s to width cells, ending with an ellipsis when it was longer.
func cut(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "…")
}

// lines splits s into lines, dropping one trailing newline.
func lines(s string) []string {
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// block makes exactly height lines of exactly width cells from ls: long
// lines cut, short ones padded, missing ones blank.
func block(ls []string, width, height int) []string {
	out := make([]string, height)
	for i := range out {
		if i < len(ls) {
			out[i] = fit(ls[i], width)
		} else {
			out[i] = strings.Repeat(" ", max(width, 0))
		}
	}
	return out
}

// beside joins two blocks of the same height side by side with a separator.
func beside(left, right []string, sep string) []string {
	n := max(len(left), len(right))
	out := make([]string, n)
	for i := range out {
		var l, r string
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out[i] = l + sep + r
	}
	return out
}

// wrap breaks text into lines of at most width cells, at spaces when it can.
func wrap(text string, width int) []string {
	if width <= 0 {
		return nil
	}
	var out []string
	for _, para := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		w := ansi.Wrap(para, width, "")
		for _, l := range strings.Split(w, "\n") {
			if ansi.StringWidth(l) > width && strings.HasSuffix(ansi.Strip(l), " ") {
				l = ansi.Truncate(l, width, "") // the space the line broke at
			}
			out = append(out, cut(l, width))
		}
	}
	return out
}

// hang is wrap with a hanging indent: the lines after the first start
// indent cells in, under the text after a mark such as "⚠ ".
func hang(text string, indent, width int) []string {
	if width-indent < 8 {
		return wrap(text, width) // too narrow to give cells away
	}
	out := wrap(text, width-indent)
	for i := 1; i < len(out); i++ {
		out[i] = strings.Repeat(" ", indent) + out[i]
	}
	return out
}

// wrapKeep is wrap that keeps an empty line.
func wrapKeep(text string, width int) []string {
	if text == "" {
		return []string{""}
	}
	return wrap(text, width)
}

// rule draws a pane's title line across width: "── Accounts ────", drawn
// heavy ("━━ Accounts ━━━━") for the focused pane so focus shows without
// colour.
func (c *Common) rule(title string, width int, focused bool) string {
	return c.ruleWith(title, "", width, focused)
}

// ruleWith is rule with a note at its right end, "── Accounts ── ↓ 7 more ──":
// the title gives way to the note when both do not fit.
func (c *Common) ruleWith(title, note string, width int, focused bool) string {
	line, style := "─", c.Styles.Rule
	if focused {
		line, style = "━", c.Styles.RuleFocused
	}
	tail := ""
	if note != "" {
		tail = " " + note + " " + line + line
		if ansi.StringWidth(tail)+8 > width {
			tail = ""
		}
	}
	room := width - ansi.StringWidth(tail)
	head := cut(line+line+" "+title+" ", room)
	if w := ansi.StringWidth(head); w < room {
		head += strings.Repeat(line, room-w)
	}
	return style.Render(head + tail)
}

// padLeft right-aligns s in width cells.
func padLeft(s string, width int) string {
	if w := ansi.StringWidth(s); w < width {
		return strings.Repeat(" ", width-w) + s
	}
	return s
}

// Every pane and dialog is a component.
var (
	_ component = (*accountsPane)(nil)
	_ component = (*txPane)(nil)
	_ component = (*accountView)(nil)
	_ component = (*txView)(nil)
	_ component = (*walkPanel)(nil)
	_ component = (*helpView)(nil)
	_ dialog    = (*sendDialog)(nil)
	_ dialog    = (*upgradeDialog)(nil)
	_ dialog    = (*getterDialog)(nil)
	// The wheel scrolls every dialog.
	_ wheeler = (*sendDialog)(nil)
	_ wheeler = (*getterDialog)(nil)
	_ wheeler = (*saveDialog)(nil)
	_ wheeler = (*commitDialog)(nil)
	_ wheeler = (*reinstallDialog)(nil)
	_ wheeler = (*upgradeDialog)(nil)
	_ wheeler = (*resultsDialog)(nil)
	_ wheeler = (*commitsDialog)(nil)
	_ wheeler = (*debugger)(nil)
)

// page lays out a scrolled pane: the title rule, then the window of body
// sc shows in the lines left (see [scroller.window]).
func (c *Common) page(title string, focused bool, body []string, sc *scroller, width, height int, howMore string) string {
	out := []string{c.rule(title, width, focused)}
	out = append(out, sc.window(c, body, height-1, howMore)...)
	return strings.Join(block(out, width, height), "\n")
}

// wheelLines is how many lines a notch of the mouse wheel scrolls a text.
const wheelLines = 3

// scroller is how far a body taller than its pane is scrolled: top is the
// first line shown. When there is more above or below, a line at that end
// says how much and which key reaches it, so nothing is cut off silently.
type scroller struct{ top int }

// maxTop is the last line the body can start at in height lines: from
// there on, the marker of what is above takes the first line and the rest
// of the body fits.
func maxTop(n, height int) int {
	if n <= height {
		return 0
	}
	return n - height + 1
}

// window returns the lines of body that show in height lines from top on,
// with the marker lines; how says the key that scrolls ("pgdn", "tab here,
// then pgdn").
func (sc *scroller) window(c *Common, body []string, height int, how string) []string {
	return sc.windowKeys(c, body, height, how, upKey(how))
}

// windowKeys is window with the keys that scroll down and back up named
// apart, for a view whose keys are not pgdn and pgup ("J", "K").
func (sc *scroller) windowKeys(c *Common, body []string, height int, down, up string) []string {
	if height <= 0 {
		return nil
	}
	n := len(body)
	sc.top = max(min(sc.top, maxTop(n, height)), 0)
	if n <= height {
		return body
	}
	if height < 3 {
		// No room for a marker beside a line of the body.
		sc.top = min(sc.top, n-height)
		return body[sc.top : sc.top+height]
	}
	out := make([]string, 0, height)
	room := height
	if sc.top > 0 {
		room--
	}
	below := n - sc.top - room
	if below > 0 {
		room--
		below++
	}
	if sc.top > 0 {
		out = append(out, c.Styles.Dim.Render(fmt.Sprintf("  ↑ %s above: %s", describe.Count(sc.top, "more line"), up)))
	}
	out = append(out, body[sc.top:sc.top+room]...)
	if below > 0 {
		out = append(out, c.Styles.Dim.Render(fmt.Sprintf("  ↓ %s: %s", describe.Count(below, "more line"), down)))
	}
	return out
}

// upKey is the key that scrolls back: how with pgup for pgdn.
func upKey(how string) string { return strings.ReplaceAll(how, "pgdn", "pgup") }

// shown is how many lines of the body show from top in height lines.
func (sc *scroller) shown(n, height int) int {
	if n <= height {
		return n
	}
	room := height
	if sc.top > 0 {
		room--
	}
	if n-sc.top > room {
		room--
	}
	return max(room, 1)
}

// by scrolls by d lines of a body of n lines in height.
func (sc *scroller) by(d, n, height int) {
	sc.top = max(min(sc.top+d, maxTop(n, height)), 0)
}

// reveal scrolls so line i of a body of n lines shows in height lines.
func (sc *scroller) reveal(i, n, height int) {
	if i < sc.top {
		sc.top = i
		if sc.top == 1 {
			sc.top = 0 // the marker would cover the first line anyway
		}
		return
	}
	for sc.top < maxTop(n, height) && i >= sc.top+sc.shown(n, height) {
		sc.top++
	}
}

// key scrolls for the keys every scrolled view shares: pgup and pgdn by
// a page, home and end to either end, and, when lineKeys, up and down by
// a line. It reports whether k was one of them.
func (sc *scroller) key(km KeyMap, k tea.KeyPressMsg, n, height int, lineKeys bool) bool {
	page := max(height-2, 1)
	switch {
	case key.Matches(k, km.PageUp):
		sc.by(-page, n, height)
	case key.Matches(k, km.PageDown):
		sc.by(page, n, height)
	case key.Matches(k, km.Top):
		sc.top = 0
	case key.Matches(k, km.Bottom):
		sc.top = maxTop(n, height)
	case lineKeys && key.Matches(k, km.Up):
		sc.by(-1, n, height)
	case lineKeys && key.Matches(k, km.Down):
		sc.by(1, n, height)
	default:
		return false
	}
	return true
}
