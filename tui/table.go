package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// tablePane is what the accounts pane and the transaction log share: a
// filterable list of rows under a title rule and a column header.
type tablePane struct {
	c             *Common
	width, height int
	focused       bool
	list          list
}

func newTablePane(c *Common) tablePane {
	return tablePane{c: c, list: newList(c)}
}

// SetSize implements component.
func (p *tablePane) SetSize(width, height int) {
	p.width, p.height = width, height
	p.list.setHeight(p.rowsHeight())
}

// rowsHeight is how many rows fit: the title and the column header take a
// line each, the filter one more.
func (p *tablePane) rowsHeight() int {
	h := p.height - 2
	if p.list.filtering || p.list.query() != "" {
		h--
	}
	return max(h, 1)
}

// updateList does what every table does with a message: the filter's input,
// moving, / to filter and esc to clear it; refilter rebuilds the visible
// rows. It reports false for a key the pane handles itself.
func (p *tablePane) updateList(msg tea.Msg, refilter func()) (tea.Cmd, bool) {
	if p.list.filtering {
		changed, cmd := p.list.updateFilter(msg)
		if changed || !p.list.filtering {
			refilter()
		}
		return cmd, true
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, true
	}
	switch {
	case p.list.updateNav(k):
	case key.Matches(k, p.c.KeyMap.Filter):
		cmd := p.list.startFilter()
		p.list.setHeight(p.rowsHeight())
		return cmd, true
	case key.Matches(k, p.c.KeyMap.Back):
		if p.list.clearFilter() {
			refilter()
		}
	default:
		return nil, false
	}
	return nil, true
}

// clickRow selects the row at line y of the pane (below the title and the
// header) and reports whether there was one.
func (p *tablePane) clickRow(y int) bool {
	return p.list.click(y - 2)
}

// frame lays the table out: the title rule, the column header, the rows,
// a note when there are none ("" for no note), and the filter at the bottom.
func (p *tablePane) frame(title, header string, row func(i int) string, note string) string {
	out := []string{p.c.ruleWith(title, p.list.moreText(), p.width, p.focused)}
	out = append(out, p.c.Styles.ColumnHeader.Render(fit("  "+header, p.width)))
	out = append(out, p.list.rows(p.width, p.focused, func(i, w int) string { return row(i) })...)
	if note != "" {
		out = append(out, p.c.Styles.Dim.Render("  "+note))
	}
	if f := p.list.filterLine(p.width); f != "" {
		out = block(out, p.width, p.height-1)
		out = append(out, fit(f, p.width))
	}
	return strings.Join(block(out, p.width, p.height), "\n")
}
