package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// list is a scrolling selection over rows a pane renders, with a filter
// typed after "/". It knows rows only by their index in the pane's data.
// Unfiltered it holds nothing per row, so moving costs the same however
// many rows there are.
type list struct {
	c      *Common
	height int // rows it shows
	// n is how many rows there are; filtered is set while a filter is in
	// force, visible then the indexes of the rows that pass it, in order.
	n        int
	filtered bool
	visible  []int
	// matched is the filter visible was made with.
	matched string
	// cursor is a position among the rows shown, offset the first one in
	// view.
	cursor, offset int

	filtering bool
	filter    textinput.Model
}

func newList(c *Common) list {
	f := textinput.New()
	f.Prompt = "/"
	f.Placeholder = "filter"
	f.SetVirtualCursor(false)
	return list{c: c, filter: f}
}

// query is the filter in force, "" for none.
func (l *list) query() string { return strings.TrimSpace(l.filter.Value()) }

// count is how many rows pass the filter.
func (l *list) count() int {
	if l.filtered {
		return len(l.visible)
	}
	return l.n
}

// row is the index of the row at position p.
func (l *list) row(p int) int {
	if l.filtered {
		return l.visible[p]
	}
	return p
}

// position is where row i is shown, -1 when the filter hides it.
func (l *list) position(i int) int {
	if !l.filtered {
		if i < 0 || i >= l.n {
			return -1
		}
		return i
	}
	p, ok := searchInts(l.visible, i)
	if !ok {
		return -1
	}
	return p
}

// searchInts finds x in the sorted xs.
func searchInts(xs []int, x int) (int, bool) {
	lo, hi := 0, len(xs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if xs[m] < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(xs) && xs[lo] == x
}

// setRows makes the list n rows long and filters them with match; the
// first unchanged rows are the same as before, so a filter in force
// matches only the rest. The cursor stays at its position: the pane puts
// it back on its row with selectRow.
func (l *list) setRows(n int, match func(i int, q string) bool, unchanged int) {
	q := strings.ToLower(l.query())
	from := 0
	switch {
	case q == "":
		l.filtered, l.visible, l.matched = false, nil, ""
	case l.filtered && l.matched == q && unchanged <= l.n && unchanged <= n:
		from = unchanged
		k, _ := searchInts(l.visible, from)
		l.visible = l.visible[:k]
	default:
		l.filtered, l.visible, l.matched = true, l.visible[:0], q
	}
	l.n = n
	if l.filtered {
		for i := from; i < n; i++ {
			if match(i, q) {
				l.visible = append(l.visible, i)
			}
		}
	}
	l.clamp()
}

// selected is the index of the row under the cursor, -1 for none.
func (l *list) selected() int {
	if l.cursor < 0 || l.cursor >= l.count() {
		return -1
	}
	return l.row(l.cursor)
}

// selectRow puts the cursor on row i, if it is shown.
func (l *list) selectRow(i int) bool {
	p := l.position(i)
	if p < 0 {
		return false
	}
	l.cursor = p
	l.clamp()
	return true
}

// setHeight sets how many rows the list shows.
func (l *list) setHeight(h int) {
	l.height = max(h, 1)
	l.clamp()
}

// clamp keeps the cursor inside the rows and in view.
func (l *list) clamp() {
	n := l.count()
	l.cursor = max(min(l.cursor, n-1), 0)
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+l.height {
		l.offset = l.cursor - l.height + 1
	}
	l.offset = max(min(l.offset, n-l.height), 0)
}

// move moves the cursor by d rows.
func (l *list) move(d int) {
	l.cursor += d
	l.clamp()
}

// click selects the row shown at line y of the list (0 = first row shown);
// it reports whether a row was there.
func (l *list) click(y int) bool {
	p := l.offset + y
	if y < 0 || p >= l.count() {
		return false
	}
	l.cursor = p
	l.clamp()
	return true
}

// scroll moves the window by d rows, the cursor with it.
func (l *list) scroll(d int) {
	l.offset = max(min(l.offset+d, l.count()-l.height), 0)
	l.cursor = max(min(l.cursor, l.offset+l.height-1), l.offset)
	l.clamp()
}

// startFilter opens the filter input.
func (l *list) startFilter() tea.Cmd {
	l.filtering = true
	return l.filter.Focus()
}

// updateNav moves the cursor for a navigation key; it reports whether the
// key was one.
func (l *list) updateNav(msg tea.KeyPressMsg) bool {
	km := l.c.KeyMap
	switch {
	case key.Matches(msg, km.Up):
		l.move(-1)
	case key.Matches(msg, km.Down):
		l.move(1)
	case key.Matches(msg, km.PageUp):
		l.move(-l.height)
	case key.Matches(msg, km.PageDown):
		l.move(l.height)
	case key.Matches(msg, km.Top):
		l.cursor = 0
		l.clamp()
	case key.Matches(msg, km.Bottom):
		l.cursor = l.count() - 1
		l.clamp()
	default:
		return false
	}
	return true
}

// updateFilter handles a key while the filter is open: enter keeps the
// filter, esc clears it, anything else edits it. It reports whether the
// filter changed.
func (l *list) updateFilter(msg tea.Msg) (changed bool, cmd tea.Cmd) {
	before := l.filter.Value()
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, l.c.KeyMap.Enter):
			l.filtering = false
			l.filter.Blur()
			return false, nil
		case key.Matches(k, l.c.KeyMap.Back):
			l.filtering = false
			l.filter.Blur()
			l.filter.SetValue("")
			return before != "", nil
		case key.Matches(k, l.c.KeyMap.Up, l.c.KeyMap.Down):
			l.updateNav(k)
			return false, nil
		}
	}
	l.filter, cmd = l.filter.Update(msg)
	return l.filter.Value() != before, cmd
}

// clearFilter drops the filter; it reports whether there was one.
func (l *list) clearFilter() bool {
	had := l.filter.Value() != ""
	l.filter.SetValue("")
	l.filtering = false
	l.filter.Blur()
	return had
}

// filterLine is the line that shows the filter, "" when there is none.
func (l *list) filterLine(width int) string {
	if !l.filtering && l.query() == "" {
		return ""
	}
	l.filter.SetStyles(l.c.Styles.Input)
	l.filter.SetWidth(max(width-2, 1))
	return l.filter.View()
}

// moreText says how many rows are out of view above and below, for the
// pane's title rule ("↑ 3 · ↓ 7 more"), so a list never hides rows
// silently; "" when every row shows.
func (l *list) moreText() string {
	above := l.offset
	below := l.count() - l.offset - l.height
	switch {
	case above > 0 && below > 0:
		return fmt.Sprintf("↑ %d · ↓ %d more", above, below)
	case above > 0:
		return fmt.Sprintf("↑ %d more", above)
	case below > 0:
		return fmt.Sprintf("↓ %d more", below)
	}
	return ""
}

// rows renders the rows in view with render, the selected one marked.
func (l *list) rows(width int, focused bool, render func(i, width int) string) []string {
	var out []string
	for p := l.offset; p < l.count() && p < l.offset+l.height; p++ {
		mark := "  "
		if p == l.cursor {
			mark = "▸ "
		}
		line := fit(mark+render(l.row(p), width-2), width)
		if p == l.cursor {
			// The row's own colours would end the highlight early.
			if focused {
				line = l.c.Styles.Selected.Render(ansi.Strip(line))
			} else {
				line = l.c.Styles.SelectedBlurred.Render(ansi.Strip(line))
			}
		}
		out = append(out, line)
	}
	return out
}
