package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// list is a scrolling selection over rows a pane renders, with a filter
// typed after "/". It knows rows only by their index in the pane's data.
type list struct {
	c      *Common
	height int // rows it shows
	// visible are the indexes of the rows that pass the filter, in order;
	// cursor is a position in visible and offset the first one shown.
	visible        []int
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

// setRows filters n rows with match and keeps the cursor on the row that
// keep says was selected, if it is still there.
func (l *list) setRows(n int, match func(i int, q string) bool, keep func(i int) bool) {
	q := strings.ToLower(l.query())
	l.visible = l.visible[:0]
	for i := 0; i < n; i++ {
		if q == "" || match(i, q) {
			l.visible = append(l.visible, i)
		}
	}
	l.cursor = min(l.cursor, max(len(l.visible)-1, 0))
	if keep != nil {
		for p, i := range l.visible {
			if keep(i) {
				l.cursor = p
				break
			}
		}
	}
	l.clamp()
}

// selected is the index of the row under the cursor, -1 for none.
func (l *list) selected() int {
	if l.cursor < 0 || l.cursor >= len(l.visible) {
		return -1
	}
	return l.visible[l.cursor]
}

// selectRow puts the cursor on row i, if it is visible.
func (l *list) selectRow(i int) bool {
	for p, v := range l.visible {
		if v == i {
			l.cursor = p
			l.clamp()
			return true
		}
	}
	return false
}

// setHeight sets how many rows the list shows.
func (l *list) setHeight(h int) {
	l.height = max(h, 1)
	l.clamp()
}

// clamp keeps the cursor inside the rows and in view.
func (l *list) clamp() {
	l.cursor = max(min(l.cursor, len(l.visible)-1), 0)
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+l.height {
		l.offset = l.cursor - l.height + 1
	}
	l.offset = max(min(l.offset, len(l.visible)-l.height), 0)
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
	if y < 0 || p >= len(l.visible) {
		return false
	}
	l.cursor = p
	l.clamp()
	return true
}

// scroll moves the window by d rows, the cursor with it.
func (l *list) scroll(d int) {
	l.offset = max(min(l.offset+d, len(l.visible)-l.height), 0)
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
		l.cursor = len(l.visible) - 1
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

// rows renders the rows in view with render, the selected one marked.
func (l *list) rows(width int, focused bool, render func(i, width int) string) []string {
	var out []string
	for p := l.offset; p < len(l.visible) && p < l.offset+l.height; p++ {
		mark := "  "
		if p == l.cursor {
			mark = "▸ "
		}
		line := fit(mark+render(l.visible[p], width-2), width)
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
