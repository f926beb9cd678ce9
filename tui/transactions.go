package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/describe"
)

// txPane is the transaction log: every transaction of the timeline, each
// send as a tree (a child under its parent, indented), with its logical
// time, sender and receiver, message, exit code, gas, marks for events,
// skipped actions and bounces, and the change it made to the receiver's
// storage. While travelling, the point the world shows is marked ◆ and the
// transactions after it ·. It draws only the rows in view, from lines
// worded once, so a key costs the same however long the history is.
type txPane struct {
	tablePane
	st *state
	// sel is the selected line, kept across states by its transaction.
	sel *logLine
}

func newTxPane(c *Common) *txPane {
	return &txPane{tablePane: newTablePane(c), st: &state{}}
}

// setState shows st's log. The selection stays on its transaction, or on
// the newest one when it was there; time travel selects the point
// travelled to.
func (p *txPane) setState(st *state) {
	old := p.st
	newest := p.sel == nil || p.sel == old.log.line(old.log.len())
	unchanged := 0
	if n := len(old.log.lines); n > 0 && n <= len(st.log.lines) && st.log.lines[n-1] == old.log.lines[n-1] {
		unchanged = n // the new log extends the old one
	}
	p.st = st
	p.list.setHeight(p.rowsHeight())
	p.refilter(unchanged)
	switch {
	case st.travelling() || old.travelling():
		p.selectPoint(st.at)
	case newest:
		p.selectNewest()
	default:
		p.keep()
	}
}

// refilter filters the rows again; the first unchanged are as before.
func (p *txPane) refilter(unchanged int) {
	lines := p.st.log.lines
	p.list.setRows(len(lines), func(i int, q string) bool {
		return strings.Contains(lines[i].filterText(), q)
	}, unchanged)
	p.keep()
}

// keep puts the cursor back on the selected transaction.
func (p *txPane) keep() {
	if p.sel == nil {
		p.sync()
		return
	}
	if l := p.st.log.line(p.sel.n); l != nil && l.tx == p.sel.tx && p.list.selectRow(p.st.log.lineOf[p.sel.n-1]) {
		p.sel = l
		return
	}
	p.sync()
}

// selectPoint selects the n-th transaction of the timeline, or the last
// described when it is not described yet.
func (p *txPane) selectPoint(n int) {
	n = min(n, p.st.log.len())
	if n < 1 {
		n = 1
	}
	if l := p.st.log.line(n); l != nil && p.list.selectRow(p.st.log.lineOf[n-1]) {
		p.sel = l
	}
}

// selectNewest selects the newest transaction described.
func (p *txPane) selectNewest() { p.selectPoint(p.st.log.len()) }

// selected is the line under the cursor, nil for none.
func (p *txPane) selected() *logLine {
	i := p.list.selected()
	if i < 0 || i >= len(p.st.log.lines) {
		return nil
	}
	return p.st.log.lines[i]
}

func (p *txPane) sync() {
	p.sel = p.selected()
}

// click selects the transaction at line y of the pane.
func (p *txPane) click(y int) {
	if p.clickRow(y) {
		p.sync()
	}
}

// Update handles a key for the focused pane. Enter travels to the selected
// transaction.
func (p *txPane) Update(msg tea.Msg) tea.Cmd {
	cmd, handled := p.updateList(msg, func() { p.refilter(0) })
	if k, ok := msg.(tea.KeyPressMsg); !handled && ok && key.Matches(k, p.c.KeyMap.Enter) {
		if t := p.selected(); t != nil {
			return opCmd(travelOp(t.n))
		}
	}
	p.sync()
	return cmd
}

// title says how many transactions the log shows of how many, and where
// the world is among them.
func (p *txPane) title() string {
	st := p.st
	count := fmt.Sprint(st.total)
	switch loaded := st.log.len(); {
	case p.list.filtered:
		count = fmt.Sprintf("%d of %d", p.list.count(), st.total)
	case loaded < st.total:
		count = fmt.Sprintf("%d of %d, loading", loaded, st.total)
	}
	title := "Transactions (" + count + ")"
	if st.travelling() {
		title += fmt.Sprintf(" · at %d of %d", st.at, st.total)
	}
	if d := p.columns().dropped(); d != "" {
		title += " · " + d
	}
	return title
}

// View implements component.
func (p *txPane) View() string {
	note := ""
	switch {
	case p.st.total == 0:
		note = "no transactions yet: s sends a message"
	case len(p.st.log.lines) == 0:
		note = "loading the history…"
	case p.list.count() == 0:
		note = "nothing matches the filter"
	}
	cols := p.columns()
	lines := p.st.log.lines
	return p.frame(p.title(), cols.header(), func(i int) string { return cols.row(p.c, p.st, lines[i]) }, note)
}

// txColumns are the widths of the log's columns; zero drops one.
type txColumns struct {
	lt, route, msg, exit, gas, marks, change int
}

// columns fits the log's columns to the pane, from the widths the history
// keeps: nothing here walks the log.
func (p *txPane) columns() txColumns {
	w := p.st.log.widths
	c := txColumns{lt: max(w.lt, 2), route: max(w.route, 9), msg: max(w.msg, 7), exit: max(w.exit, 4), gas: max(w.gas, 3), marks: w.marks}
	c.route = min(c.route, 30)
	c.msg = min(c.msg, 18)
	c.exit = min(c.exit, 24)
	avail := p.width - 2 - 2 // the selection mark, the time mark and its space
	fixed := func() int {
		n := c.lt + c.route + c.msg + c.exit + 8
		if c.gas > 0 {
			n += c.gas + 2
		}
		if c.marks > 0 {
			n += c.marks + 2
		}
		return n
	}
	for fixed()+12 > avail && c.exit > 11 {
		c.exit--
	}
	for fixed()+12 > avail && c.msg > 8 {
		c.msg--
	}
	for fixed()+12 > avail && c.route > 16 {
		c.route--
	}
	if fixed()+8 > avail {
		c.gas = 0
	}
	c.change = max(avail-fixed(), 0)
	// The columns cut above get their whole text back from the changes'
	// room: what the changes do not need, or what they can spare above
	// roomyChange cells (an exit's meaning is shorter and says more).
	const roomyChange = 40
	for _, col := range []struct {
		have *int
		want int
	}{{&c.exit, w.exit}, {&c.route, w.route}, {&c.msg, w.msg}} {
		if spare := max(c.change-w.change, c.change-roomyChange); spare > 0 && *col.have < col.want {
			grow := min(spare, col.want-*col.have)
			*col.have += grow
			c.change -= grow
		}
	}
	return c
}

// dropped names the columns the log had no room for, "" for none.
func (c txColumns) dropped() string {
	if c.gas == 0 {
		return "no room for: gas"
	}
	return ""
}

func (c txColumns) header() string {
	return "  " + c.join("lt", "from → to", "message", "exit", "gas", "", "change")
}

func (c txColumns) join(lt, route, msg, exit, gas, marks, change string) string {
	parts := []string{padLeft(lt, c.lt), fit(route, c.route), fit(msg, c.msg), fit(exit, c.exit)}
	if c.gas > 0 {
		parts = append(parts, padLeft(gas, c.gas))
	}
	if c.marks > 0 {
		parts = append(parts, fit(marks, c.marks))
	}
	parts = append(parts, cut(change, c.change))
	return strings.Join(parts, "  ")
}

// changeWords says what a transaction did, as the description words it:
// its effects (a deployment, the code, the storage's fields), then a
// bounce, events and skipped actions, for the status line and the
// walkthrough.
func changeWords(d *describe.Tx) string {
	parts := d.Effects(describe.Printer{Names: d.Tx})
	if d.BouncedBack() {
		parts = append(parts, "↩ bounced")
	}
	if n := len(d.Events); n > 0 {
		parts = append(parts, "✉ "+describe.Count(n, "event"))
	}
	if d.Action.Skipped > 0 {
		parts = append(parts, "⚠ "+describe.Count(d.Action.Skipped, "action")+" skipped")
	}
	return strings.Join(parts, ", ")
}

// contractName names a catalog contract, "unknown code" for nil.
func contractName(ct *catalog.Contract) string { return describe.ContractName(ct) }

func (c txColumns) row(cm *Common, st *state, l *logLine) string {
	s := cm.Styles
	future := l.n > st.at
	mark := " "
	switch {
	case st.travelling() && l.n == st.at:
		mark = "◆"
	case future:
		mark = "·"
	}
	exit := fit(l.exit, c.exit)
	switch {
	case future:
	case l.class == exitSkipped:
		exit = s.Warning.Render(exit)
	case l.class == exitOK:
		exit = s.Success.Render(exit)
	default:
		exit = s.Failure.Render(exit)
	}
	marks := l.marks()
	if marks != "" && !future {
		marks = s.Warning.Render(fit(marks, c.marks))
	}
	line := mark + " " + c.join(fmt.Sprint(l.tx.LT), l.route(), l.msg, exit, fmt.Sprint(l.tx.GasUsed), marks, l.change)
	if future {
		return s.Dim.Render(line)
	}
	return line
}

// ShortHelp implements help.KeyMap.
func (p *txPane) ShortHelp() []key.Binding {
	km := p.c.KeyMap
	enter := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "travel here"))
	return []key.Binding{km.Up, km.Down, enter, km.TimeBack, km.TimeForward, km.TimeNow, km.Filter, km.Copy}
}

// FullHelp implements help.KeyMap.
func (p *txPane) FullHelp() [][]key.Binding {
	km := p.c.KeyMap
	return [][]key.Binding{{km.Up, km.Down, km.Top, km.Bottom, km.Filter, km.Back},
		{km.TimeBack, km.TimeForward, km.TimeStart, km.TimeNow}}
}
