package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"github.com/charmbracelet/x/ansi"
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
			out = append(out, cut(l, width))
		}
	}
	return out
}

// rule draws a pane's title line across width: "── Accounts ────", drawn
// heavy ("━━ Accounts ━━━━") for the focused pane so focus shows without
// colour.
func (c *Common) rule(title string, width int, focused bool) string {
	line, style := "─", c.Styles.Rule
	if focused {
		line, style = "━", c.Styles.RuleFocused
	}
	head := line + line + " " + title + " "
	if w := ansi.StringWidth(head); w < width {
		head += strings.Repeat(line, width-w)
	}
	return style.Render(cut(head, width))
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
)

// page lays out a scrolled view: the title rule, then body from line scroll
// on, cut to height with a note of how many lines are left and how to reach
// them (howMore, such as "pgdn").
func (c *Common) page(title string, focused bool, body []string, scroll, width, height int, howMore string) string {
	out := []string{c.rule(title, width, focused)}
	if scroll > 0 && scroll < len(body) {
		body = body[scroll:]
	}
	out = append(out, body...)
	if len(out) > height && height > 1 {
		out = out[:height-1]
		out = append(out, c.Styles.Dim.Render(fmt.Sprintf("  … %d more lines: %s", len(body)-height+2, howMore)))
	}
	return strings.Join(block(out, width, height), "\n")
}
